/**
 * Numbers and rows of a model as people read them: solver noise (−0, 1e-13) shown as 0, a
 * row written out with the display names and the locale's numbers.
 */
import type { ConstraintOp } from '../../core/lp/lp-model';
import { formatNumber } from '../i18n/i18n';

/** Below this (relative to 1) a solver's value is rounding noise. */
const NOISE = 1e-9;

export function clean(x: number): number {
  return Math.abs(x) < NOISE ? 0 : x;
}

/**
 * A value of the answer: 2 decimals from 10 up; below 10 four significant digits, so a
 * coefficient of 1/40,000 shows as 0.000025, not 0.
 */
export function lpNumber(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '−∞';
  const v = clean(x);
  if (v === 0 || Math.abs(v) >= 10) return formatNumber(v, 2);
  const decimals = Math.min(12, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(v)))));
  return formatNumber(Number(v.toPrecision(4)), decimals);
}

/** "¥1,000" for a currency sign, "1,500 hours" for a unit in words, the number alone without one. */
export function withUnit(text: string, unit: string | undefined): string {
  if (!unit) return text;
  return /^[^\p{L}\p{N}]{1,3}$/u.test(unit) ? `${unit}${text}` : `${text} ${unit}`;
}

export const OP_SIGN: Record<ConstraintOp, string> = { '<=': '≤', '>=': '≥', '=': '=' };

/** "0.05 × Direct sales + 0.1 × Distributors ≤ 5,000" */
export function rowText(terms: Record<string, number>, op: ConstraintOp, rhs: number, label: (name: string) => string): string {
  const parts = Object.entries(terms).map(([name, a], i) => {
    const sign = a < 0 ? '− ' : i === 0 ? '' : '+ ';
    const size = Math.abs(a) === 1 ? '' : `${lpNumber(Math.abs(a))} × `;
    return `${sign}${size}${label(name)}`;
  });
  return `${parts.join(' ')} ${OP_SIGN[op]} ${lpNumber(rhs)}`;
}
