/**
 * How forecast figures are rounded for people: a sentence says "around 5,100", not
 * "5,087.42"; a table shows as many decimals as the size of the series needs.
 */

/**
 * A value rounded to `significant` significant digits (3 by default): what a sentence about
 * an uncertain forecast can honestly claim.
 * @example roundForWords(5087.42) // 5090
 * @example roundForWords(0.012345) // 0.0123
 */
export function roundForWords(value: number, significant = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(significant));
}

/**
 * Decimals that the figures of a series need in a table: none from 100 up, 1 from 10, 2 from
 * 0.1, else 4 (judged on the largest absolute value, so a column lines up).
 * @example decimalsFor([2815, 13916]) // 0
 * @example decimalsFor([0.25, 0.5]) // 2
 */
export function decimalsFor(values: readonly number[]): number {
  let largest = 0;
  for (const v of values) if (Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
  if (largest >= 100) return 0;
  if (largest >= 10) return 1;
  if (largest >= 0.1) return 2;
  return 4;
}

/**
 * Decimals for a value in a sentence after roundForWords: enough to show its significant
 * digits, none for values from 100 up.
 * @example wordDecimals(0.0123) // 4
 * @example wordDecimals(5090) // 0
 */
export function wordDecimals(value: number, significant = 3): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  return Math.max(0, significant - 1 - magnitude);
}

/**
 * Decimals of an error figure (MAE, RMSE) in the evaluation tables and in the sentences about
 * them, so a sentence quotes the table's figure: 1 from 100 up (in absolute value), else 2.
 * @example errorDecimals(402.86) // 1 (shown 402.9)
 * @example errorDecimals(9.194) // 2 (shown 9.19)
 */
export function errorDecimals(value: number): number {
  return Math.abs(value) >= 100 ? 1 : 2;
}
