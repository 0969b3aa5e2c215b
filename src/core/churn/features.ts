/**
 * From data set columns to model features, fitted on the training rows only: numbers (and
 * yes/no answers and dates) with missing values filled by the training mean or median,
 * categories one-hot encoded with rare values grouped, and derived features (the product
 * or ratio of two columns). The plan is kept with the model, so a new file with the same
 * columns is scored the same way.
 */
import type { Column, Dataset } from '../data/dataset';
import { columnNumbers } from '../data/dataset-access';
import { packedAt, packedCount } from '../data/packed-strings';

export interface DerivedFeature {
  name: string;
  left: string;
  right: string;
  operation: 'product' | 'ratio';
}

export type FeatureSpec =
  | { kind: 'number'; column: string; fill: number }
  | { kind: 'derived'; derived: DerivedFeature; fill: number }
  | { kind: 'level'; column: string; level: string }
  | { kind: 'other-levels'; column: string; levels: string[] };

export interface FeaturePlan {
  specs: FeatureSpec[];
  /** Readable feature names: "tenure", "Contract = Two year", "Contract = other". */
  names: string[];
}

export interface FeaturePlanOptions {
  /** How missing numbers are filled. @default 'mean' */
  fill?: 'mean' | 'median';
  /** Categories seen in fewer training rows than this share are grouped as "other". @default 0.01 */
  rareShare?: number;
  /** At most this many one-hot levels per column; the rest are "other". @default 30 */
  maxLevels?: number;
  derived?: DerivedFeature[];
}

const NUMERIC_TYPES = new Set(['number', 'integer', 'boolean', 'date']);

/** Columns the model reads as numbers (yes/no as 1/0, dates as time); the rest as categories. */
export function isNumericColumn(column: Column): boolean {
  return NUMERIC_TYPES.has(column.type);
}

/**
 * Fits the features of the given columns on the training rows.
 * @example fitFeaturePlan(dataset, ['tenure', 'Contract'], trainRows)
 */
export function fitFeaturePlan(dataset: Dataset, columns: readonly string[], trainRows: Int32Array, options: FeaturePlanOptions = {}): FeaturePlan {
  const { fill = 'mean', rareShare = 0.01, maxLevels = 30, derived = [] } = options;
  const specs: FeatureSpec[] = [];
  const names: string[] = [];
  for (const name of columns) {
    const column = findColumn(dataset, name);
    if (isNumericColumn(column)) {
      specs.push({ kind: 'number', column: name, fill: fillValue(columnNumbers(column, dataset.source), trainRows, fill) });
      names.push(name);
    } else if (column.storage.kind === 'dictionary') {
      const { levels, rare } = fitLevels(column, trainRows, rareShare, maxLevels);
      for (const level of levels) {
        specs.push({ kind: 'level', column: name, level });
        names.push(`${name} = ${level}`);
      }
      if (rare.length > 0) {
        specs.push({ kind: 'other-levels', column: name, levels: rare });
        names.push(`${name} = other`);
      }
    }
  }
  for (const d of derived) {
    specs.push({ kind: 'derived', derived: d, fill: fillValue(derivedValues(dataset, d), trainRows, fill) });
    names.push(d.name);
  }
  return { specs, names };
}

/**
 * The feature values of every row of a data set, feature by feature.
 * @throws RangeError when a column of the plan is missing from the data set
 */
export function buildFeatures(dataset: Dataset, plan: FeaturePlan): Float64Array[] {
  const n = dataset.rowCount;
  const cache = new Map<string, Float64Array | (string | null)[]>();
  return plan.specs.map((spec) => {
    if (spec.kind === 'number' || spec.kind === 'derived') {
      const values =
        spec.kind === 'number' ? columnNumbers(findColumn(dataset, spec.column), dataset.source) : derivedValues(dataset, spec.derived);
      // Missing, and infinite (a derived ratio can be): both take the training fill.
      for (let i = 0; i < n; i++) if (!Number.isFinite(values[i])) values[i] = spec.fill;
      return values;
    }
    let strings = cache.get(spec.column) as (string | null)[] | undefined;
    if (!strings) {
      strings = stringsOf(findColumn(dataset, spec.column));
      cache.set(spec.column, strings);
    }
    const out = new Float64Array(n);
    if (spec.kind === 'level') {
      for (let i = 0; i < n; i++) if (strings[i] === spec.level) out[i] = 1;
    } else {
      const rare = new Set(spec.levels);
      for (let i = 0; i < n; i++) if (strings[i] !== null && rare.has(strings[i]!)) out[i] = 1;
    }
    return out;
  });
}

function derivedValues(dataset: Dataset, d: DerivedFeature): Float64Array {
  const a = columnNumbers(findColumn(dataset, d.left), dataset.source);
  const b = columnNumbers(findColumn(dataset, d.right), dataset.source);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    // A ratio over zero has no value: it is filled like a missing one.
    out[i] = d.operation === 'product' ? a[i] * b[i] : b[i] === 0 ? NaN : a[i] / b[i];
  }
  return out;
}

function fillValue(values: Float64Array, rows: Int32Array, how: 'mean' | 'median'): number {
  const present: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v === v && Number.isFinite(v)) present.push(v);
  }
  if (present.length === 0) return 0;
  if (how === 'mean') return present.reduce((s, v) => s + v, 0) / present.length;
  present.sort((x, y) => x - y);
  const mid = present.length >> 1;
  return present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
}

function fitLevels(column: Column, rows: Int32Array, rareShare: number, maxLevels: number): { levels: string[]; rare: string[] } {
  if (column.storage.kind !== 'dictionary') return { levels: [], rare: [] };
  const { codes, dictionary } = column.storage;
  const counts = new Float64Array(packedCount(dictionary));
  for (let i = 0; i < rows.length; i++) {
    const code = codes[rows[i]];
    if (code >= 0) counts[code]++;
  }
  const seen = Array.from(counts.keys()).filter((code) => counts[code] > 0);
  seen.sort((a, b) => counts[b] - counts[a] || a - b);
  const minCount = Math.max(1, rareShare * rows.length);
  const levels: string[] = [];
  const rare: string[] = [];
  for (const code of seen) {
    const value = packedAt(dictionary, code);
    if (counts[code] >= minCount && levels.length < maxLevels) levels.push(value);
    else rare.push(value);
  }
  // A yes/no column needs one feature, not two that always disagree.
  if (levels.length === 2 && rare.length === 0) levels.pop();
  return { levels, rare };
}

function stringsOf(column: Column): (string | null)[] {
  if (column.storage.kind !== 'dictionary') return new Array(column.storage.values.length).fill(null);
  const { codes, dictionary } = column.storage;
  const values = Array.from({ length: packedCount(dictionary) }, (_, code) => packedAt(dictionary, code));
  const out: (string | null)[] = new Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? null : values[codes[i]];
  return out;
}

function findColumn(dataset: Dataset, name: string): Column {
  const column = dataset.columns.find((c) => c.name === name);
  if (!column) throw new RangeError(`The data set has no column "${name}".`);
  return column;
}
