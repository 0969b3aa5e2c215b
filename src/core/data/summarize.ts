/**
 * Per-column summaries for the data screen: missing count, range and mean with a small
 * histogram for numbers and dates, most frequent values for everything else.
 */
import type { Column, Dataset, ReadingRules } from './dataset';
import { columnNumbers } from './dataset-access';
import { packedAt, packedCount } from './packed-strings';

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface ColumnSummary {
  name: string;
  type: Column['type'];
  missing: number;
  present: number;
  /** For number, integer and date columns (dates in ms since the epoch, UTC). */
  numeric?: { min: number; max: number; mean: number; bins: HistogramBin[] };
  /** For every column stored as text: distinct values and the most frequent ones. */
  distinct?: number;
  top?: { value: string; count: number }[];
}

export interface SummarizeOptions {
  /** How the data set reads numbers and dates (its `source`). @default { decimal: '.' } */
  rules?: ReadingRules;
  /** @default 20 */
  bins?: number;
  /** @default 5 */
  topValues?: number;
}

/**
 * Summarises one column.
 * @example summarizeColumn(dataset.columns[0]).missing
 */
export function summarizeColumn(column: Column, options: SummarizeOptions = {}): ColumnSummary {
  const { bins = 20, topValues = 5, rules } = options;
  const rows = column.storage.kind === 'numeric' ? column.storage.values.length : column.storage.codes.length;
  const summary: ColumnSummary = { name: column.name, type: column.type, missing: 0, present: 0 };
  const isNumeric = column.type === 'number' || column.type === 'integer' || column.type === 'date';
  if (isNumeric) {
    const values = column.storage.kind === 'numeric' ? column.storage.values : columnNumbers(column, rules);
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    let present = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      present++;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    summary.present = present;
    summary.missing = rows - present;
    if (present > 0) summary.numeric = { min, max, mean: sum / present, bins: histogram(values, min, max, column.type === 'integer' ? integerBins(min, max, bins) : bins) };
  }
  if (column.storage.kind === 'dictionary') {
    const { codes, dictionary } = column.storage;
    const distinct = packedCount(dictionary);
    const counts = new Float64Array(distinct);
    let present = 0;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      if (code >= 0) {
        counts[code]++;
        present++;
      }
    }
    if (!isNumeric) {
      summary.present = present;
      summary.missing = rows - present;
    }
    summary.distinct = distinct;
    summary.top = topCodes(counts, topValues).map((code) => ({ value: packedAt(dictionary, code), count: counts[code] }));
  }
  return summary;
}

/** Summaries of every column of a data set. */
export function summarizeDataset(dataset: Dataset, options: SummarizeOptions = {}): ColumnSummary[] {
  return dataset.columns.map((column) => summarizeColumn(column, { rules: dataset.source, ...options }));
}

/** The `k` most frequent codes, ties in order of first appearance, without sorting them all. */
function topCodes(counts: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let code = 0; code < counts.length; code++) {
    if (top.length === k && counts[code] <= counts[top[k - 1]]) continue;
    let at = top.length;
    while (at > 0 && counts[top[at - 1]] < counts[code]) at--;
    top.splice(at, 0, code);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Whole numbers with a small range get one bin per value, so 0/1 columns show two bars. */
function integerBins(min: number, max: number, bins: number): number {
  const span = max - min + 1;
  return span <= bins ? span : bins;
}

function histogram(values: Float64Array, min: number, max: number, binCount: number): HistogramBin[] {
  const count = Math.max(1, binCount);
  if (max === min) return [{ from: min, to: max, count: values.reduce((n, v) => (v === v ? n + 1 : n), 0) }];
  const width = (max - min) / count;
  const out: HistogramBin[] = [];
  for (let b = 0; b < count; b++) out.push({ from: min + b * width, to: min + (b + 1) * width, count: 0 });
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const b = Math.min(count - 1, Math.floor((v - min) / width));
    out[b].count++;
  }
  return out;
}
