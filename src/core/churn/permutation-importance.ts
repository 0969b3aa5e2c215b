/**
 * Permutation importance (Breiman 2001; scikit-learn's permutation_importance): how much
 * held-out accuracy drops when one feature's values are shuffled across the rows.
 *
 * Shuffling feature f only changes a row's leaf in trees whose path for that row splits on
 * f, so the rows are walked once, each walk remembering which features its path used, and
 * a shuffle walks again only those (tree, row) pairs: the same numbers as re-scoring
 * everything, several times faster.
 */
import type { Rng } from '../shared/rng';
import { compactTree, type ForestModel } from './forest';

/** Above this many (feature × tree × row) flags, fall back to re-scoring everything. */
const MAX_PATH_FLAGS = 64 * 1024 * 1024;

/**
 * @param bins binned features of the held-out rows, bins[f][row]
 * @param actual their classes
 * @returns the mean accuracy drop per feature over `repeats` shuffles
 */
export function permutationDrops(
  model: ForestModel,
  bins: Uint8Array[],
  actual: Int32Array,
  rng: Rng,
  repeats = 3,
): Float64Array {
  const n = actual.length;
  const width = bins.length;
  const k = model.classCount;
  const trees = model.trees.map(compactTree);
  const treeCount = trees.length;
  const rowMajor = new Uint8Array(n * width);
  for (let f = 0; f < width; f++) for (let row = 0; row < n; row++) rowMajor[row * width + f] = bins[f][row];

  const usesFlags = width * treeCount * n <= MAX_PATH_FLAGS;
  // uses[f][t * n + row] = 1 when tree t's path for row splits on feature f.
  const uses = usesFlags ? Array.from({ length: width }, () => new Uint8Array(treeCount * n)) : null;
  const leaf = new Int32Array(treeCount * n);
  const sums = new Float64Array(n * k);
  for (let t = 0; t < treeCount; t++) {
    const { split, left } = trees[t];
    const value = model.trees[t].value;
    for (let row = 0; row < n; row++) {
      let node = 0;
      for (let next = left[0]; next >= 0; next = left[node]) {
        const s = split[node];
        const f = s >>> 8;
        if (uses) uses[f][t * n + row] = 1;
        node = next + (rowMajor[row * width + f] > (s & 255) ? 1 : 0);
      }
      leaf[t * n + row] = node;
      for (let c = 0; c < k; c++) sums[row * k + c] += value[node * k + c];
    }
  }
  const baseline = correctCount(sums, actual, k);

  const drops = new Float64Array(width);
  const shuffled = new Uint8Array(n);
  const trial = new Float64Array(n * k);
  for (let f = 0; f < width; f++) {
    const original = bins[f];
    let drop = 0;
    for (let r = 0; r < repeats; r++) {
      shuffled.set(original);
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const swap = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = swap;
      }
      for (let row = 0; row < n; row++) rowMajor[row * width + f] = shuffled[row];
      trial.set(sums);
      for (let t = 0; t < treeCount; t++) {
        const { split, left } = trees[t];
        const value = model.trees[t].value;
        const flags = uses?.[f];
        for (let row = 0; row < n; row++) {
          if (flags && flags[t * n + row] === 0) continue;
          let node = 0;
          for (let next = left[0]; next >= 0; next = left[node]) {
            const s = split[node];
            node = next + (rowMajor[row * width + (s >>> 8)] > (s & 255) ? 1 : 0);
          }
          const before = leaf[t * n + row];
          if (node === before) continue;
          for (let c = 0; c < k; c++) trial[row * k + c] += value[node * k + c] - value[before * k + c];
        }
      }
      drop += (baseline - correctCount(trial, actual, k)) / n;
    }
    for (let row = 0; row < n; row++) rowMajor[row * width + f] = original[row];
    drops[f] = drop / repeats;
  }
  return drops;
}

/** Rows whose most likely class (the first of equal ones) is their class. */
function correctCount(sums: Float64Array, actual: Int32Array, k: number): number {
  let correct = 0;
  for (let row = 0; row < actual.length; row++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (sums[row * k + c] > sums[row * k + best]) best = c;
    if (best === actual[row]) correct++;
  }
  return correct;
}
