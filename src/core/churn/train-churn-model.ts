/**
 * Churn prediction end to end: the target and its classes, the columns to learn from (with
 * identifiers, constants and leaks flagged), a stratified shuffled split, features fitted on
 * the training rows only, a random forest, and an evaluation on the held-out rows with the
 * same definitions as scikit-learn. The stages are exported so a worker can grow the trees
 * on two cores between preparing and evaluating.
 */
import type { Dataset } from '../data/dataset';
import { columnStrings, getColumn } from '../data/dataset-access';
import { fail, ok, type Result } from '../shared/result';
import { createRng } from '../shared/rng';
import { applyBins, binOf, fitBinEdges } from './binning';
import { flagColumns, type ColumnFlag } from './column-flags';
import { buildFeatures, fitFeaturePlan, isNumericColumn, type DerivedFeature, type FeaturePlan } from './features';
import {
  assembleForest,
  forestOptions,
  growTrees,
  predictProbabilities,
  type BinnedData,
  type ForestModel,
  type ForestOptions,
  type Tree,
} from './forest';
import { classificationReport, confusionMatrix, majorityBaseline, rocAuc, rocCurve, type ClassificationReport } from './metrics';
import { stratifiedFolds, stratifiedSplit } from './split';
import { permutationDrops } from './permutation-importance';

export interface ChurnOptions {
  /** The column that says who left. */
  target: string;
  /** The churn class (e.g. 'Yes', 'Attrited Customer'); detected from common words when absent. */
  positive?: string;
  /** @default 100 */
  trees?: number;
  /** @default 42 */
  seed?: number;
  /** @default 0.2 */
  testFraction?: number;
  /** Columns the user left out. */
  exclude?: string[];
  /** Flagged columns the user chose to keep anyway. */
  include?: string[];
  derived?: DerivedFeature[];
  /** @default 'mean' */
  fill?: 'mean' | 'median';
  classWeight?: 'balanced' | null;
  maxDepth?: number;
  minSamplesLeaf?: number;
  maxFeatures?: ForestOptions['maxFeatures'];
  /** Measure permutation importance on the held-out rows. @default true */
  permutationImportance?: boolean;
  onProgress?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
}

export interface ChurnModel {
  kind: 'churn-model';
  version: 1;
  target: string;
  classes: string[];
  positive: number;
  plan: FeaturePlan;
  edges: Float64Array[];
  forest: ForestModel;
}

export interface FeatureImportance {
  feature: string;
  importance: number;
}

export interface ChurnReport {
  target: string;
  classes: string[];
  /** Index of the churn class in `classes`. */
  positive: number;
  rows: { total: number; missingTarget: number; train: number; test: number };
  /** Rows per class in the whole data set (the churn distribution). */
  classCounts: { label: string; count: number }[];
  columns: string[];
  features: string[];
  flagged: ColumnFlag[];
  accuracy: number;
  baselineAccuracy: number;
  baselineClass: string;
  /** ROC AUC of the churn class against the rest, on the held-out rows. */
  auc: number;
  roc: { fpr: number[]; tpr: number[]; thresholds: number[] };
  report: ClassificationReport;
  confusion: number[][];
  /** Impurity-based, normalised, descending. */
  importance: FeatureImportance[];
  /** Drop in held-out accuracy when the feature's values are shuffled, descending. */
  permutationImportance: FeatureImportance[];
  /** Held-out rows (data set row indices), their churn probability and their class. */
  test: { rows: Int32Array; scores: Float64Array; labels: Int32Array };
  model: ChurnModel;
  /** What made these numbers: the same engine version, seed and settings give the same model. */
  meta: { algorithm: 'random-forest'; engineVersion: number; seed: number; trees: number; testFraction: number };
}

/** Everything the trees need, and what the evaluation needs afterwards. */
export interface PreparedChurn {
  target: string;
  options: Required<ForestOptions>;
  data: BinnedData;
  trainRows: Int32Array;
  testRows: Int32Array;
  classes: string[];
  positive: number;
  plan: FeaturePlan;
  edges: Float64Array[];
  columns: string[];
  flagged: ColumnFlag[];
  missingTarget: number;
  classCounts: number[];
}

/** Bump when a change to the forest or the features changes the model a seed gives. */
export const CHURN_ENGINE_VERSION = 2;
const MAX_CLASSES = 20;
const MIN_ROWS = 20;
const CHURN_WORDS = ['yes', 'true', '1', 'churn', 'churned', 'left', 'lost', 'attrited customer', 'attrited', 'cancelled', 'canceled', 'closed', 'gone', '是'];

/**
 * Trains and evaluates a churn model on a data set.
 * @example trainChurnModel(dataset, { target: 'Churn', positive: 'Yes', trees: 100, seed: 42 })
 */
export function trainChurnModel(dataset: Dataset, options: ChurnOptions): Result<ChurnReport> {
  const prepared = prepareChurn(dataset, options);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const grown = growTrees(p.data, p.trainRows, p.options, { from: 0, to: p.options.trees }, {
    onProgress: options.onProgress,
    shouldStop: options.shouldStop,
  });
  if (!grown) return fail('CANCELLED', 'Training was cancelled.');
  return ok(evaluateChurn(p, [grown], options.permutationImportance ?? true));
}

/**
 * Checks the input and builds the binned training data (the stage before the trees).
 * @param fold for cross-validation: which of `folds` stratified folds is held out (the split
 *   seed is the same for every fold, so the folds partition the rows)
 */
export function prepareChurn(dataset: Dataset, options: ChurnOptions, fold?: { index: number; folds: number }): Result<PreparedChurn> {
  const target = dataset.columns.find((c) => c.name === options.target);
  if (!target) return fail('CHURN_NO_TARGET', `The data set has no column "${options.target}".`, { column: options.target });
  const raw = columnStrings(target);
  const counts = new Map<string, number>();
  let missingTarget = 0;
  for (const value of raw) {
    if (value === null) missingTarget++;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const classes = byCount(counts);
  if (classes.length < 2) {
    return fail('CHURN_ONE_CLASS', `The column "${options.target}" has only one value, so there is nothing to tell apart.`, { column: options.target });
  }
  if (classes.length > MAX_CLASSES) {
    return fail('CHURN_TOO_MANY_CLASSES', `The column "${options.target}" has ${classes.length} different values; choose a column with a few classes (e.g. Yes/No).`, {
      column: options.target,
      count: classes.length,
    });
  }
  const positive = options.positive !== undefined ? classes.indexOf(options.positive) : guessChurnClass(classes);
  if (positive < 0) return fail('CHURN_NO_POSITIVE', `The column "${options.target}" has no value "${options.positive}".`, { value: options.positive ?? '' });
  const labels = new Int32Array(raw.length);
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  for (let i = 0; i < raw.length; i++) labels[i] = raw[i] === null ? -1 : classIndex.get(raw[i]!)!;
  const usedRows = Int32Array.from(labels.keys()).filter((i) => labels[i] >= 0);
  if (usedRows.length < MIN_ROWS) {
    return fail('CHURN_TOO_FEW_ROWS', `Only ${usedRows.length} rows have a value in "${options.target}"; at least ${MIN_ROWS} are needed.`, {
      count: usedRows.length,
      needed: MIN_ROWS,
    });
  }
  const flagged = flagColumns(dataset, options.target, labels, positive);
  const include = new Set(options.include ?? []);
  const exclude = new Set([...(options.exclude ?? []), ...flagged.filter((f) => !include.has(f.column)).map((f) => f.column)]);
  const columns = dataset.columns.map((c) => c.name).filter((name) => name !== options.target && !exclude.has(name));

  const seed = options.seed ?? 42;
  const testFraction = options.testFraction ?? 0.2;
  const usedLabels = labels.filter((l) => l >= 0);
  const split = fold ? foldSplit(usedLabels, fold, seed) : stratifiedSplit(usedLabels, testFraction, createRng(seed));
  const trainRows = split.train.map((i) => usedRows[i]);
  const testRows = split.test.map((i) => usedRows[i]);

  const plan = fitFeaturePlan(dataset, columns, trainRows, { fill: options.fill, derived: options.derived });
  if (plan.specs.length === 0) {
    return fail('CHURN_NO_FEATURES', 'No column is left to learn from. Keep at least one column that describes the customers.');
  }
  const features = buildFeatures(dataset, plan);
  const edges = features.map((values) => fitBinEdges(values, trainRows));
  const bins = features.map((values, f) => applyBins(values, edges[f]));
  const forest = forestOptions({
    trees: options.trees,
    seed,
    classWeight: options.classWeight,
    maxDepth: options.maxDepth,
    minSamplesLeaf: options.minSamplesLeaf,
    maxFeatures: options.maxFeatures,
  });
  return ok({
    target: options.target,
    options: forest,
    data: { bins, labels, classCount: classes.length },
    trainRows,
    testRows,
    classes,
    positive,
    plan,
    edges,
    columns: columns.filter((name) => plan.specs.some((spec) => spec.kind !== 'derived' && spec.column === name)),
    flagged,
    missingTarget,
    classCounts: classes.map((c) => counts.get(c)!),
  });
}

/** Assembles the trees and measures the model on the held-out rows. */
export function evaluateChurn(p: PreparedChurn, parts: readonly { trees: Tree[]; importance: Float64Array }[], withPermutation: boolean): ChurnReport {
  const k = p.classes.length;
  const forest = assembleForest(parts, k, p.options);
  const testBins = p.data.bins.map((column) => Uint8Array.from(p.testRows, (row) => column[row]));
  const probabilities = predictProbabilities(forest, testBins, p.testRows.length);
  const actual = Int32Array.from(p.testRows, (row) => p.data.labels[row]);
  const predicted = argmaxRows(probabilities, k);
  const confusion = confusionMatrix(actual, predicted, k);
  const report = classificationReport(confusion, p.classes);
  const scores = Float64Array.from({ length: p.testRows.length }, (_, i) => probabilities[i * k + p.positive]);
  const positives = Uint8Array.from(actual, (label) => (label === p.positive ? 1 : 0));
  const hasBoth = positives.includes(1) && positives.includes(0);
  const baseline = majorityBaseline(actual, k);
  const names = p.plan.names;
  const importance = Array.from(forest.importance, (value, f) => ({ feature: names[f], importance: value })).sort(byImportance);
  const model: ChurnModel = {
    kind: 'churn-model',
    version: 1,
    target: p.target,
    classes: p.classes,
    positive: p.positive,
    plan: p.plan,
    edges: p.edges,
    forest,
  };
  return {
    target: p.target,
    classes: p.classes,
    positive: p.positive,
    rows: { total: p.data.labels.length, missingTarget: p.missingTarget, train: p.trainRows.length, test: p.testRows.length },
    classCounts: p.classes.map((label, c) => ({ label, count: p.classCounts[c] })),
    columns: p.columns,
    features: names,
    flagged: p.flagged,
    accuracy: report.accuracy,
    baselineAccuracy: baseline.accuracy,
    baselineClass: p.classes[baseline.label],
    auc: hasBoth ? rocAuc(scores, positives) : NaN,
    roc: hasBoth ? rocCurve(scores, positives) : { fpr: [], tpr: [], thresholds: [] },
    report,
    confusion,
    importance,
    permutationImportance: withPermutation ? permutationImportance(forest, testBins, actual, names, p.options.seed) : [],
    test: { rows: p.testRows, scores, labels: actual },
    model,
    meta: {
      algorithm: 'random-forest',
      engineVersion: CHURN_ENGINE_VERSION,
      seed: p.options.seed,
      trees: forest.trees.length,
      testFraction: p.testRows.length / (p.testRows.length + p.trainRows.length),
    },
  };
}

/**
 * Churn probability of every row of a data set with the columns the model was trained on.
 * @returns P(churn) per row, or CHURN_MISSING_COLUMN naming a column the data set lacks
 */
export function scoreRows(model: ChurnModel, dataset: Dataset): Result<Float64Array> {
  for (const spec of model.plan.specs) {
    const names = spec.kind === 'derived' ? [spec.derived.left, spec.derived.right] : [spec.column];
    for (const name of names) {
      const column = dataset.columns.find((c) => c.name === name);
      if (!column) {
        return fail('CHURN_MISSING_COLUMN', `The data set has no column "${name}", which the model needs.`, { column: name });
      }
      // A column read as numbers in training must be numbers here, and categories categories:
      // otherwise every row would be scored as if the column were empty.
      const wantsNumbers = spec.kind !== 'level' && spec.kind !== 'other-levels';
      if (wantsNumbers !== isNumericColumn(column)) {
        return fail(
          'CHURN_COLUMN_TYPE',
          `The column "${name}" holds ${wantsNumbers ? 'text' : 'numbers'} here but ${wantsNumbers ? 'numbers' : 'categories'} in the data the model learnt from. Change its type on the Data screen to match.`,
          { column: name, expected: wantsNumbers ? 'number' : 'category' },
        );
      }
    }
  }
  const features = buildFeatures(dataset, model.plan);
  const bins = features.map((values, f) => {
    const out = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = binOf(values[i], model.edges[f]);
    return out;
  });
  const k = model.classes.length;
  const probabilities = predictProbabilities(model.forest, bins, dataset.rowCount);
  return ok(Float64Array.from({ length: dataset.rowCount }, (_, i) => probabilities[i * k + model.positive]));
}

function foldSplit(labels: Int32Array, fold: { index: number; folds: number }, seed: number): { train: Int32Array; test: Int32Array } {
  const folds = stratifiedFolds(labels, fold.folds, createRng(seed));
  const test = folds[fold.index];
  const inTest = new Uint8Array(labels.length);
  for (const i of test) inTest[i] = 1;
  return { train: Int32Array.from(labels.keys()).filter((i) => !inTest[i]), test };
}

export interface CrossValidation {
  folds: number;
  accuracy: { mean: number; sd: number; values: number[] };
  auc: { mean: number; sd: number; values: number[] };
}

/**
 * Stratified k-fold cross-validation: k models, each tested on the fold it did not see;
 * accuracy and AUC as mean ± sample standard deviation.
 * @example crossValidateChurn(dataset, { target: 'Churn', trees: 50 }, 5)
 */
export function crossValidateChurn(dataset: Dataset, options: ChurnOptions, folds = 5): Result<CrossValidation> {
  if (!Number.isInteger(folds) || folds < 2 || folds > 20) {
    return fail('CHURN_BAD_FOLDS', `Cross-validation needs between 2 and 20 folds, not ${folds}.`, { folds });
  }
  const accuracy: number[] = [];
  const auc: number[] = [];
  for (let index = 0; index < folds; index++) {
    const prepared = prepareChurn(dataset, options, { index, folds });
    if (!prepared.ok) return prepared;
    const p = prepared.value;
    const trees = p.options.trees;
    const grown = growTrees(p.data, p.trainRows, p.options, { from: 0, to: trees }, {
      onProgress: options.onProgress && ((done) => options.onProgress!(index * trees + done, folds * trees)),
      shouldStop: options.shouldStop,
    });
    if (!grown) return fail('CANCELLED', 'Cross-validation was cancelled.');
    const report = evaluateChurn(p, [grown], false);
    accuracy.push(report.accuracy);
    auc.push(report.auc);
  }
  return ok({ folds, accuracy: meanAndSd(accuracy), auc: meanAndSd(auc) });
}

function meanAndSd(values: number[]): { mean: number; sd: number; values: number[] } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, sd: Math.sqrt(variance), values };
}

/**
 * The class that most likely means "left": the first of the churn words (yes, true, 1,
 * churned, attrited customer, …) among the classes, else the last (least frequent) class.
 * @param classes the target's values, most frequent first
 * @returns its index
 * @example guessChurnClass(['No', 'Yes']) // 1
 */
export function guessChurnClass(classes: readonly string[]): number {
  for (const word of CHURN_WORDS) {
    const at = classes.findIndex((c) => c.trim().toLowerCase() === word);
    if (at >= 0) return at;
  }
  // Churners are usually the smaller group.
  return classes.length - 1;
}

function argmaxRows(probabilities: Float64Array, k: number): Int32Array {
  const rows = probabilities.length / k;
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probabilities[i * k + c] > probabilities[i * k + best]) best = c;
    out[i] = best;
  }
  return out;
}

function byImportance(a: FeatureImportance, b: FeatureImportance): number {
  return b.importance - a.importance || (a.feature < b.feature ? -1 : 1);
}

/** Mean drop of held-out accuracy over a few shuffles of one feature at a time. */
function permutationImportance(forest: ForestModel, testBins: Uint8Array[], actual: Int32Array, names: string[], seed: number): FeatureImportance[] {
  const drops = permutationDrops(forest, testBins, actual, createRng(seed).fork(1_000_003));
  return Array.from(drops, (importance, f) => ({ feature: names[f], importance })).sort(byImportance);
}

/** The target's class names with a value, most frequent first, as training orders them. */
export function targetClasses(dataset: Dataset, target: string): string[] {
  const values = columnStrings(getColumn(dataset, target));
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return byCount(counts);
}

/** Most frequent first; equal counts in name order, so the order never depends on the file's. */
function byCount(counts: Map<string, number>): string[] {
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
}
