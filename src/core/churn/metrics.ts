/**
 * How good a classifier is, with the same definitions as scikit-learn (confusion_matrix,
 * classification_report, roc_curve, roc_auc_score), plus what a retention campaign driven
 * by its scores would earn. Labels are class codes 0..classCount−1; for the binary
 * functions `positives` holds 1 for a positive row (a churner) and 0 otherwise.
 */
import { fail, ok, type Result } from '../shared/result';

/** Binary truth per row: 1 = positive (e.g. churned), 0 = negative. */
export type BinaryLabels = Uint8Array | Int32Array;

/** Precision, recall, F1 and support of one class. */
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose actual class this is. */
  support: number;
}

/** An average over classes; `support` is the total row count. */
export interface AverageMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** scikit-learn's classification_report as data. */
export interface ClassificationReport {
  classes: ClassMetrics[];
  accuracy: number;
  macro: AverageMetrics;
  weighted: AverageMetrics;
}

/** Counts of a binary decision rule against the truth. */
export interface BinaryConfusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Points of a ROC curve, from (0, 0) at threshold +∞ to (1, 1) at the lowest score. */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}

/** Money of a retention offer, all per customer contacted. */
export interface RetentionEconomics {
  /** What one offer costs (discount, call time), paid for every customer contacted; ≥ 0. */
  offerCost: number;
  /** What keeping one customer who would have left is worth; ≥ 0. */
  savedValue: number;
  /** Share of contacted churners the offer keeps, 0..1. */
  successRate: number;
}

/** The most profitable cut-off of a retention campaign. */
export interface RetentionChoice {
  /** Contact every customer with score ≥ threshold; +∞ means contact nobody. */
  threshold: number;
  profit: number;
  contacted: number;
}

function checkLengths(a: { length: number }, b: { length: number }, what: string): void {
  if (a.length !== b.length) throw new RangeError(`${what}: lengths differ (${a.length} and ${b.length})`);
}

function checkClassCount(classCount: number): void {
  if (!Number.isInteger(classCount) || classCount < 1) throw new RangeError(`classCount must be a whole number ≥ 1, got ${classCount}`);
}

function checkLabel(label: number, classCount: number, row: number): void {
  if (!(label >= 0 && label < classCount)) throw new RangeError(`label ${label} at row ${row} is outside 0..${classCount - 1}`);
}

/** Checks scores and binary truth and counts the positives. */
function countPositives(scores: Float64Array, positives: BinaryLabels): number {
  checkLengths(scores, positives, 'scores and positives');
  let count = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) throw new RangeError(`score ${scores[i]} at row ${i} is not a finite number`);
    const p = positives[i];
    if (p !== 0 && p !== 1) throw new RangeError(`positives must be 0 or 1, got ${p} at row ${i}`);
    count += p;
  }
  return count;
}

/**
 * The ranking behind ROC and profit: distinct scores from high to low, and how many
 * positives and negatives score at or above each. Tied scores are one step, because a
 * threshold cannot separate them.
 */
function rankByScore(scores: Float64Array, positives: BinaryLabels): { thresholds: number[]; tps: number[]; fps: number[] } {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    if (positives[row] === 1) tp++;
    else fp++;
    if (i + 1 === order.length || scores[order[i + 1]] !== scores[row]) {
      thresholds.push(scores[row]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { thresholds, tps, fps };
}

/**
 * Counts rows by actual and predicted class (scikit-learn's confusion_matrix): entry
 * [i][j] is the number of rows of actual class i predicted as class j.
 * @param actual true class per row, 0..classCount−1
 * @param predicted predicted class per row, 0..classCount−1, same length
 * @param classCount number of classes (the matrix is classCount × classCount)
 * @returns rows = actual class, columns = predicted class
 * @example confusionMatrix(Int32Array.of(0, 1, 1), Int32Array.of(0, 1, 0), 2); // [[1, 0], [1, 1]]
 */
export function confusionMatrix(actual: Int32Array, predicted: Int32Array, classCount: number): number[][] {
  checkClassCount(classCount);
  checkLengths(actual, predicted, 'actual and predicted');
  const matrix = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < actual.length; i++) {
    checkLabel(actual[i], classCount, i);
    checkLabel(predicted[i], classCount, i);
    matrix[actual[i]][predicted[i]]++;
  }
  return matrix;
}

/**
 * Per-class precision, recall and F1 with accuracy and macro and weighted averages, as
 * scikit-learn's classification_report(…, zero_division=0):
 * - precision = TP / (TP + FP) (the column total), recall = TP / (TP + FN) (the row total),
 *   F1 = 2·TP / (2·TP + FP + FN) (the harmonic mean of precision and recall);
 * - a ratio whose denominator is 0 is 0, as with zero_division=0 (a class never predicted
 *   has precision 0; a class with no rows has recall 0);
 * - support = rows of that actual class; accuracy = diagonal / all rows (0 for no rows);
 * - macro = plain mean over all classes of the matrix (including empty ones); weighted =
 *   mean weighted by support (0 for no rows); both have support = all rows. Macro F1 is the
 *   mean of the per-class F1s, not the F1 of macro precision and recall.
 * @param confusion a square matrix from {@link confusionMatrix}
 * @param classNames one display name per class, in matrix order
 * @returns the report
 * @example classificationReport([[5, 1], [2, 3]], ['stays', 'churns']).classes[1].precision; // 3 / (3 + 1) = 0.75
 */
export function classificationReport(confusion: number[][], classNames: string[]): ClassificationReport {
  const n = confusion.length;
  if (n < 1 || confusion.some((row) => row.length !== n)) throw new RangeError('confusion must be a non-empty square matrix');
  if (classNames.length !== n) throw new RangeError(`${n} classes but ${classNames.length} class names`);
  const ratio = (num: number, den: number) => (den === 0 ? 0 : num / den);
  let total = 0;
  let correct = 0;
  const classes = classNames.map((label, c) => {
    let support = 0;
    let predictedCount = 0;
    for (let j = 0; j < n; j++) {
      support += confusion[c][j];
      predictedCount += confusion[j][c];
    }
    const tp = confusion[c][c];
    total += support;
    correct += tp;
    // 2TP / (2TP + FP + FN) = 2TP / (predicted + support)
    return { label, precision: ratio(tp, predictedCount), recall: ratio(tp, support), f1: ratio(2 * tp, predictedCount + support), support };
  });
  const average = (weight: (m: ClassMetrics) => number): AverageMetrics => {
    const weightSum = classes.reduce((sum, m) => sum + weight(m), 0);
    const mean = (key: 'precision' | 'recall' | 'f1') => ratio(classes.reduce((sum, m) => sum + weight(m) * m[key], 0), weightSum);
    return { precision: mean('precision'), recall: mean('recall'), f1: mean('f1'), support: total };
  };
  return { classes, accuracy: ratio(correct, total), macro: average(() => 1), weighted: average((m) => m.support) };
}

/**
 * The ROC curve, as scikit-learn's roc_curve(…, drop_intermediate=False): one point per
 * distinct score from high to low (tied scores form one step), after a first point (0, 0)
 * at threshold +∞. At threshold t, rows with score ≥ t are predicted positive;
 * fpr = FP / negatives, tpr = TP / positives.
 * @param scores finite score per row, higher = more likely positive
 * @param positives 1 for a positive row, 0 for a negative one
 * @returns fpr, tpr and thresholds (descending, starting with Infinity), all the same length
 * @throws RangeError when there are no positives or no negatives (the rates are undefined)
 * @example
 * rocCurve(Float64Array.of(0.1, 0.4, 0.35, 0.8), Int32Array.of(0, 0, 1, 1));
 * // { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], thresholds: [Infinity, 0.8, 0.4, 0.35, 0.1] }
 */
export function rocCurve(scores: Float64Array, positives: BinaryLabels): RocCurve {
  const p = countPositives(scores, positives);
  const n = scores.length - p;
  if (p === 0 || n === 0) throw new RangeError('a ROC curve needs at least one positive and one negative row');
  const { thresholds, tps, fps } = rankByScore(scores, positives);
  return {
    fpr: [0, ...fps.map((fp) => fp / n)],
    tpr: [0, ...tps.map((tp) => tp / p)],
    thresholds: [Infinity, ...thresholds],
  };
}

/**
 * Area under the ROC curve (scikit-learn's roc_auc_score for binary labels): the
 * trapezoid rule over {@link rocCurve}'s points, which equals the Mann–Whitney probability
 * that a random positive scores above a random negative, a tie counting 1/2.
 * @param scores finite score per row, higher = more likely positive
 * @param positives 1 for a positive row, 0 for a negative one
 * @returns the area, 0..1 (0.5 = no better than chance)
 * @throws RangeError when there are no positives or no negatives
 * @example rocAuc(Float64Array.of(0.1, 0.4, 0.35, 0.8), Int32Array.of(0, 0, 1, 1)); // 0.75
 */
export function rocAuc(scores: Float64Array, positives: BinaryLabels): number {
  const p = countPositives(scores, positives);
  const n = scores.length - p;
  if (p === 0 || n === 0) throw new RangeError('AUC needs at least one positive and one negative row');
  const { tps, fps } = rankByScore(scores, positives);
  // Twice the area in count units: whole numbers, exact below 2^53, divided once at the end.
  let doubled = 0;
  let tpBefore = 0;
  let fpBefore = 0;
  for (let i = 0; i < tps.length; i++) {
    doubled += (fps[i] - fpBefore) * (tps[i] + tpBefore);
    tpBefore = tps[i];
    fpBefore = fps[i];
  }
  return doubled / (2 * p * n);
}

/**
 * Confusion counts of the rule "predict positive when score ≥ threshold".
 * @param scores score per row
 * @param positives 1 for a positive row, 0 for a negative one
 * @param threshold the cut-off (a row scoring exactly the threshold is predicted positive)
 * @returns true/false positives and negatives
 * @example thresholdConfusion(Float64Array.of(0.9, 0.5, 0.2), Int32Array.of(1, 0, 1), 0.5); // { tp: 1, fp: 1, tn: 0, fn: 1 }
 */
export function thresholdConfusion(scores: Float64Array, positives: BinaryLabels, threshold: number): BinaryConfusion {
  countPositives(scores, positives);
  const counts: BinaryConfusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i] >= threshold;
    if (positives[i] === 1) {
      if (flagged) counts.tp++;
      else counts.fn++;
    } else if (flagged) counts.fp++;
    else counts.tn++;
  }
  return counts;
}

/**
 * The baseline every model must beat: always predict the most frequent class (as
 * scikit-learn's DummyClassifier(strategy="most_frequent"); a tie goes to the lowest label).
 * @param labels class per row, 0..classCount−1, at least one row
 * @param classCount number of classes
 * @returns that class and the share of rows it gets right
 * @example majorityBaseline(Int32Array.of(0, 0, 1, 0), 2); // { label: 0, accuracy: 0.75 }
 */
export function majorityBaseline(labels: Int32Array, classCount: number): { label: number; accuracy: number } {
  checkClassCount(classCount);
  if (labels.length === 0) throw new RangeError('majorityBaseline needs at least one row');
  const counts = new Float64Array(classCount);
  for (let i = 0; i < labels.length; i++) {
    checkLabel(labels[i], classCount, i);
    counts[labels[i]]++;
  }
  let label = 0;
  for (let c = 1; c < classCount; c++) if (counts[c] > counts[label]) label = c;
  return { label, accuracy: counts[label] / labels.length };
}

/**
 * Checks retention economics typed by a user.
 * @param economics offer cost, saved value and success rate
 * @returns the same economics, or RETENTION_ECONOMICS_INVALID naming the first bad field
 * (costs and values must be finite and ≥ 0, the success rate between 0 and 1)
 * @example checkRetentionEconomics({ offerCost: 10, savedValue: 200, successRate: 0.3 }).ok; // true
 */
export function checkRetentionEconomics(economics: RetentionEconomics): Result<RetentionEconomics> {
  const checks: [keyof RetentionEconomics, boolean, string][] = [
    ['offerCost', Number.isFinite(economics.offerCost) && economics.offerCost >= 0, 'a number ≥ 0'],
    ['savedValue', Number.isFinite(economics.savedValue) && economics.savedValue >= 0, 'a number ≥ 0'],
    ['successRate', economics.successRate >= 0 && economics.successRate <= 1, 'between 0 and 1'],
  ];
  const bad = checks.find(([, valid]) => !valid);
  if (bad) {
    const [field, , range] = bad;
    return fail('RETENTION_ECONOMICS_INVALID', `${field} must be ${range}, got ${economics[field]}.`, { field, value: String(economics[field]) });
  }
  return ok(economics);
}

/** Net gain of contacting one churner and one non-churner; throws on bad economics. */
function contactGains(economics: RetentionEconomics): { churner: number; stayer: number } {
  const checked = checkRetentionEconomics(economics);
  if (!checked.ok) throw new RangeError(checked.error.message);
  const { offerCost, savedValue, successRate } = economics;
  return { churner: successRate * savedValue - offerCost, stayer: -offerCost };
}

/**
 * Expected profit of a retention campaign that contacts every customer with
 * score ≥ threshold. The model: every contacted customer gets an offer costing
 * `offerCost`; a contacted customer who would have churned stays with probability
 * `successRate` and is then worth `savedValue`; a contacted customer who would have stayed
 * anyway gains nothing. Customers not contacted cost and earn nothing (their churn is not
 * counted as a loss, since the campaign does not change it). So
 * profit = TP × (successRate × savedValue − offerCost) − FP × offerCost.
 * @param scores churn score per customer
 * @param positives 1 for a customer who churned, 0 otherwise
 * @param threshold contact customers scoring at least this
 * @param economics offer cost, saved value and success rate (RangeError if invalid; see {@link checkRetentionEconomics})
 * @returns the expected profit, in the unit of the economics
 * @example
 * // 2 churners and 1 stayer contacted, offer 10, value 200, success 0.3:
 * // 2 × (0.3 × 200 − 10) − 1 × 10 = 90
 * retentionProfit(Float64Array.of(0.9, 0.8, 0.7, 0.1), Int32Array.of(1, 1, 0, 0), 0.5, { offerCost: 10, savedValue: 200, successRate: 0.3 }); // 90
 */
export function retentionProfit(scores: Float64Array, positives: BinaryLabels, threshold: number, economics: RetentionEconomics): number {
  const gains = contactGains(economics);
  const { tp, fp } = thresholdConfusion(scores, positives, threshold);
  return tp * gains.churner + fp * gains.stayer;
}

/**
 * The most profitable campaign cut-off: tries every distinct score as the threshold (each
 * contacts the customers scoring at least that) and "contact nobody" (threshold +∞,
 * profit 0), with the profit model of {@link retentionProfit}. On equal profit the higher
 * threshold wins (fewer contacts for the same money); if nothing beats 0, contact nobody.
 * @param scores churn score per customer (finite)
 * @param positives 1 for a customer who churned, 0 otherwise
 * @param economics offer cost, saved value and success rate (RangeError if invalid)
 * @returns the threshold, its profit and the number of customers it contacts
 * @example
 * // Same customers as retentionProfit's example; cut-offs 0.9, 0.8, 0.7, 0.1 earn 50, 100, 90, 80.
 * bestRetentionThreshold(Float64Array.of(0.9, 0.8, 0.7, 0.1), Int32Array.of(1, 1, 0, 0), { offerCost: 10, savedValue: 200, successRate: 0.3 });
 * // { threshold: 0.8, profit: 100, contacted: 2 }
 */
export function bestRetentionThreshold(scores: Float64Array, positives: BinaryLabels, economics: RetentionEconomics): RetentionChoice {
  const gains = contactGains(economics);
  countPositives(scores, positives);
  const { thresholds, tps, fps } = rankByScore(scores, positives);
  let best: RetentionChoice = { threshold: Infinity, profit: 0, contacted: 0 };
  for (let i = 0; i < thresholds.length; i++) {
    const profit = tps[i] * gains.churner + fps[i] * gains.stayer;
    if (profit > best.profit) best = { threshold: thresholds[i], profit, contacted: tps[i] + fps[i] };
  }
  return best;
}
