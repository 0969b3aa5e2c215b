/**
 * Columns a churn model should not learn from, each with the reason the user is shown:
 * identifiers (unique per customer: they memorise, they do not explain), constants (they
 * cannot explain anything) and leaks (another model's output or a restatement of the
 * target: they make the model look perfect and fail in use).
 */
import type { Column, Dataset } from '../data/dataset';
import { columnNumbers } from '../data/dataset-access';
import { packedCount } from '../data/packed-strings';

export type FlagReason = 'id' | 'leak' | 'constant';

export interface ColumnFlag {
  column: string;
  reason: FlagReason;
  /** For a leak: how well the column alone tells the classes apart (AUC or purity, 0.5–1). */
  separation?: number;
}

/** A column that alone separates the classes this well is taken for a leak. */
export const LEAK_SEPARATION = 0.99;

/**
 * Flags the columns of a data set for a target.
 * @param labels class index per row (-1 where the target is missing)
 * @param positive the class whose separation is measured (the churn class)
 */
export function flagColumns(dataset: Dataset, target: string, labels: Int32Array, positive: number): ColumnFlag[] {
  const flags: ColumnFlag[] = [];
  const targetKey = normalise(target);
  for (const column of dataset.columns) {
    if (column.name === target) continue;
    if (isIdentifier(column, dataset.rowCount)) {
      flags.push({ column: column.name, reason: 'id' });
    } else if (isConstant(column)) {
      flags.push({ column: column.name, reason: 'constant' });
    } else {
      const nameLeak = targetKey.length >= 3 && normalise(column.name).includes(targetKey);
      const separation = separationOf(column, dataset, labels, positive);
      if (nameLeak || separation >= LEAK_SEPARATION) flags.push({ column: column.name, reason: 'leak', separation });
    }
  }
  return flags;
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '');
}

function isIdentifier(column: Column, rowCount: number): boolean {
  if (column.type === 'id') return true;
  if (column.type !== 'text' && column.type !== 'category') return false;
  // Text that is (nearly) unique per row: names, emails, free notes.
  return column.storage.kind === 'dictionary' && packedCount(column.storage.dictionary) >= 0.95 * (rowCount - column.missingCount) && rowCount >= 20;
}

function isConstant(column: Column): boolean {
  if (column.storage.kind === 'dictionary') return packedCount(column.storage.dictionary) <= 1;
  let first = NaN;
  for (const v of column.storage.values) {
    if (v !== v) continue;
    if (first !== first) first = v;
    else if (v !== first) return false;
  }
  return true;
}

/**
 * How well one column alone separates the positive class from the rest: for numbers the
 * AUC of its values (or of their negation, whichever is higher); for categories the share
 * of rows whose category's majority class is their class.
 */
function separationOf(column: Column, dataset: Dataset, labels: Int32Array, positive: number): number {
  if (column.storage.kind === 'dictionary' && column.type !== 'boolean' && column.type !== 'date') {
    const { codes } = column.storage;
    const perCode = new Map<number, Map<number, number>>();
    let total = 0;
    for (let i = 0; i < codes.length; i++) {
      if (labels[i] < 0) continue;
      const counts = perCode.get(codes[i]) ?? new Map<number, number>();
      counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
      perCode.set(codes[i], counts);
      total++;
    }
    // Many small categories separate by chance: only few, well-filled ones count.
    if (perCode.size > Math.max(2, total / 50)) return 0;
    let agreeing = 0;
    for (const counts of perCode.values()) agreeing += Math.max(...counts.values());
    return total > 0 ? agreeing / total : 0;
  }
  const values = columnNumbers(column, dataset.source);
  return Math.max(0, numericSeparation(values, labels, positive));
}

/** AUC of a numeric column against the positive class, taken in its better direction. */
function numericSeparation(values: Float64Array, labels: Int32Array, positive: number): number {
  const pairs: { v: number; p: boolean }[] = [];
  for (let i = 0; i < values.length; i++) if (labels[i] >= 0 && values[i] === values[i]) pairs.push({ v: values[i], p: labels[i] === positive });
  const positives = pairs.filter((x) => x.p).length;
  const negatives = pairs.length - positives;
  if (positives === 0 || negatives === 0) return 0;
  pairs.sort((a, b) => a.v - b.v);
  // Mann–Whitney: sum of the ranks of the positives, ties sharing their mean rank.
  let rankSum = 0;
  for (let i = 0; i < pairs.length; ) {
    let j = i;
    while (j < pairs.length && pairs[j].v === pairs[i].v) j++;
    const meanRank = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) if (pairs[t].p) rankSum += meanRank;
    i = j;
  }
  const auc = (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
  return Math.max(auc, 1 - auc);
}
