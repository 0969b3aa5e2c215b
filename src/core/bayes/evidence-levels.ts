/**
 * The levels of one evidence column, and the level of each row: category values as they
 * are, numbers and dates cut into quantile bins, missing cells as a level of their own so
 * no row is silently dropped.
 */
import type { Column, ReadingRules } from '../data/dataset';
import { columnNumbers, columnStrings } from '../data/dataset-access';
import { MISSING_LEVEL_KEY } from './learned-bayes';
import { binIndex, binLabel, binsOf, formatEdge, quantileEdges, type NumericBin } from './quantile-bins';

/** A level before its probabilities: what it is and which rows have it. */
export interface LevelShape {
  key: string;
  label: string;
  kind: 'value' | 'bin' | 'missing';
  bin?: NumericBin;
  /** For a number or date column with few distinct values: the value this level is. */
  value?: number;
}

export interface ColumnLevels {
  kind: 'category' | 'number' | 'date';
  edges: number[];
  levels: LevelShape[];
  /** Level index per row; -1 for rows left out. */
  levelOfRow: Int32Array;
  missing: number;
}

export const MISSING_LABEL = 'missing';

/** Whether a column's evidence is binned (numbers and dates) rather than taken value by value. */
export function binnedKind(column: Column): 'number' | 'date' | null {
  if (column.type === 'number' || column.type === 'integer') return 'number';
  if (column.type === 'date') return 'date';
  return null;
}

/** A date edge as YYYY-MM-DD (UTC), or with the time when it is not midnight. */
export function formatDateEdge(ms: number): string {
  const iso = new Date(Math.round(ms)).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

/**
 * Distinct non-missing values of a category column among the used rows, most frequent first
 * (ties in order of first appearance).
 */
export function categoryCounts(values: readonly (string | null)[], used: Uint8Array): Map<string, number> {
  const counts = new Map<string, number>();
  for (let row = 0; row < values.length; row++) {
    const v = values[row];
    if (used[row] && v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}

/**
 * Builds the levels of a column on the used rows.
 * @param used 1 for rows that count (their outcome is known)
 * @param bins how many quantile bins for numbers and dates
 */
export function columnLevels(column: Column, used: Uint8Array, bins: number, reading: ReadingRules): ColumnLevels {
  const kind = binnedKind(column);
  const levelOfRow = new Int32Array(used.length).fill(-1);
  let missing = 0;
  if (kind === null) {
    const values = columnStrings(column);
    const keys = [...categoryCounts(values, used).keys()];
    const index = new Map(keys.map((k, i) => [k, i]));
    for (let row = 0; row < values.length; row++) {
      if (!used[row]) continue;
      const v = values[row];
      if (v === null) {
        levelOfRow[row] = keys.length;
        missing++;
      } else levelOfRow[row] = index.get(v)!;
    }
    const levels: LevelShape[] = keys.map((key) => ({ key, label: key, kind: 'value' }));
    if (missing > 0) levels.push({ key: MISSING_LEVEL_KEY, label: MISSING_LABEL, kind: 'missing' });
    return { kind: 'category', edges: [], levels, levelOfRow, missing };
  }
  const numbers = columnNumbers(column, reading);
  const usedNumbers = numbers.filter((_, row) => used[row] === 1);
  const format = kind === 'date' ? formatDateEdge : formatEdge;
  const distinct = [...new Set(usedNumbers.filter((v) => v === v))].sort((a, b) => a - b);
  // Few distinct values (a 0/1 flag, contract months 1/12/24): each is a level of its own,
  // where quantile cuts would merge them (a 0/1 flag that is mostly 0 would become one bin).
  if (distinct.length <= bins) return numberValueLevels(kind, numbers, used, distinct, format);
  const edges = quantileEdges(usedNumbers, bins);
  const numericBins = binsOf(edges);
  for (let row = 0; row < numbers.length; row++) {
    if (!used[row]) continue;
    const v = numbers[row];
    if (v !== v) {
      levelOfRow[row] = numericBins.length;
      missing++;
    } else levelOfRow[row] = binIndex(v, edges);
  }
  const levels: LevelShape[] = numericBins.map((bin) => ({ key: `bin:${bin.index}`, label: binLabel(bin, format), kind: 'bin', bin }));
  if (missing > 0) levels.push({ key: MISSING_LEVEL_KEY, label: MISSING_LABEL, kind: 'missing' });
  return { kind, edges, levels, levelOfRow, missing };
}

/** One level per distinct number, in ascending order, then the missing level if any. */
function numberValueLevels(
  kind: 'number' | 'date',
  numbers: Float64Array,
  used: Uint8Array,
  distinct: readonly number[],
  format: (value: number) => string,
): ColumnLevels {
  const index = new Map(distinct.map((v, i) => [v, i]));
  const levelOfRow = new Int32Array(used.length).fill(-1);
  let missing = 0;
  for (let row = 0; row < numbers.length; row++) {
    if (!used[row]) continue;
    const v = numbers[row];
    if (v !== v) {
      levelOfRow[row] = distinct.length;
      missing++;
    } else levelOfRow[row] = index.get(v)!;
  }
  const levels: LevelShape[] = distinct.map((value) => ({ key: String(value), label: format(value), kind: 'value', value }));
  if (missing > 0) levels.push({ key: MISSING_LEVEL_KEY, label: MISSING_LABEL, kind: 'missing' });
  return { kind, edges: [], levels, levelOfRow, missing };
}
