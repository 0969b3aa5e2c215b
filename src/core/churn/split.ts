/**
 * Stratified train/test splits and cross-validation folds: each class keeps its share of
 * the rows on every side, so a rare class (churners are often a quarter of the customers
 * or fewer) is neither missing from nor crowded into the test rows.
 */
import { shuffleInPlace, type Rng } from '../shared/rng';

/** Row indices of a train/test split, each ascending. */
export interface TrainTestSplit {
  train: Int32Array;
  test: Int32Array;
}

/**
 * The row indices of each class, classes in ascending label order, rows ascending within
 * each class (the starting order before shuffling, so results depend only on the seed).
 */
function groupRowsByClass(labels: Int32Array): Int32Array[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  const classes = [...counts.keys()].sort((a, b) => a - b);
  const slot = new Map<number, number>(classes.map((label, c) => [label, c]));
  const groups = classes.map((label) => new Int32Array(counts.get(label) ?? 0));
  const filled = new Int32Array(classes.length);
  for (let i = 0; i < labels.length; i++) {
    const c = slot.get(labels[i]) ?? 0;
    groups[c][filled[c]++] = i;
  }
  return groups;
}

/**
 * Splits rows into train and test sets, stratified by class. The rows of each class are
 * shuffled with `rng` and its first round(testFraction × classSize) rows (rounding half
 * up) go to test; a class with at least 2 rows always keeps at least one row on each
 * side; a class with a single row stays in train (a model cannot predict a class it never
 * saw). Classes are taken in ascending label order, so the result depends only on the
 * labels, the fraction and the seed.
 * @param labels one class label per row (any whole numbers)
 * @param testFraction share of each class for the test set, strictly between 0 and 1 (RangeError otherwise)
 * @param rng the generator that shuffles each class
 * @returns row indices of the train and test sets, each sorted ascending, together every row exactly once
 * @example
 * // 7,043 rows, 1,869 churners: test gets round(0.2·1869) = 374 churners and
 * // round(0.2·5174) = 1035 others, 1,409 rows in all.
 * const { train, test } = stratifiedSplit(labels, 0.2, createRng(42));
 */
export function stratifiedSplit(labels: Int32Array, testFraction: number, rng: Rng): TrainTestSplit {
  if (!(testFraction > 0 && testFraction < 1)) throw new RangeError(`testFraction must be strictly between 0 and 1, got ${testFraction}`);
  const groups = groupRowsByClass(labels);
  const testSizes = groups.map((rows) => (rows.length < 2 ? 0 : Math.min(rows.length - 1, Math.max(1, Math.round(testFraction * rows.length)))));
  const testCount = testSizes.reduce((sum, n) => sum + n, 0);
  const train = new Int32Array(labels.length - testCount);
  const test = new Int32Array(testCount);
  let t = 0;
  let r = 0;
  groups.forEach((rows, c) => {
    shuffleInPlace(rows, rng);
    test.set(rows.subarray(0, testSizes[c]), t);
    train.set(rows.subarray(testSizes[c]), r);
    t += testSizes[c];
    r += rows.length - testSizes[c];
  });
  return { train: train.sort(), test: test.sort() };
}

/**
 * Splits rows into k cross-validation folds, stratified by class: the rows of each class are
 * shuffled with `rng`, the classes are laid end to end in ascending label order, and the
 * rows are dealt to folds 0, 1, …, k−1, 0, 1, … in turn. So each class's count differs by at
 * most one between folds, and so do the fold sizes (the same per-class counts per fold as
 * scikit-learn's StratifiedKFold). A class with fewer than k rows is missing from some folds.
 * @param labels one class label per row (any whole numbers)
 * @param k number of folds, a whole number in 2..rows (RangeError otherwise)
 * @param rng the generator that shuffles each class
 * @returns k arrays of test row indices, each sorted ascending; every row is in exactly one fold
 * @example
 * const folds = stratifiedFolds(labels, 5, createRng(42));
 * // fold f trains on every row not in folds[f] and is scored on folds[f]
 */
export function stratifiedFolds(labels: Int32Array, k: number, rng: Rng): Int32Array[] {
  if (!Number.isInteger(k) || k < 2 || k > labels.length) throw new RangeError(`k must be a whole number in 2..${labels.length} (the row count), got ${k}`);
  const sizes = new Int32Array(k);
  for (let f = 0; f < k; f++) sizes[f] = Math.floor(labels.length / k) + (f < labels.length % k ? 1 : 0);
  const folds = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(k);
  let position = 0;
  for (const rows of groupRowsByClass(labels)) {
    shuffleInPlace(rows, rng);
    for (let i = 0; i < rows.length; i++, position++) {
      const f = position % k;
      folds[f][filled[f]++] = rows[i];
    }
  }
  return folds.map((fold) => fold.sort());
}
