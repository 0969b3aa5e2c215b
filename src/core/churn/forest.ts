/**
 * A random forest of CART classification trees (Breiman 2001), grown on binned features:
 * bootstrap samples, a random subset of features at every split, Gini impurity, class
 * histograms per node. Seeded: tree t always uses the generator fork(t) of the seed, so the
 * same seed gives the same forest however the trees are shared between workers.
 * https://www.stat.berkeley.edu/~breiman/randomforest2001.pdf
 */
import { createRng, type Rng } from '../shared/rng';

export interface ForestOptions {
  /** @default 100 */
  trees?: number;
  /** Deepest level of a tree (the root is depth 0). @default unlimited */
  maxDepth?: number;
  /** Fewest distinct rows in a leaf. @default 1 */
  minSamplesLeaf?: number;
  /** Fewest distinct rows a node needs to be split. @default 2 */
  minSamplesSplit?: number;
  /** Features tried at each split: 'sqrt', 'log2', 'all', a count (≥ 1) or a fraction (< 1). @default 'sqrt' */
  maxFeatures?: 'sqrt' | 'log2' | 'all' | number;
  /** 'balanced' weighs each class by n / (classes × its count), as scikit-learn does. @default null */
  classWeight?: 'balanced' | null;
  /** Sample rows with replacement for each tree. @default true */
  bootstrap?: boolean;
  /** @default 42 */
  seed?: number;
}

/** Binned training data: one byte per row and feature, column by column. */
export interface BinnedData {
  /** bins[f][row] */
  bins: Uint8Array[];
  /** Class index (0..classCount-1) per row. */
  labels: Int32Array;
  classCount: number;
}

/** One tree in flat arrays. Leaves have left = right = -1. */
export interface Tree {
  feature: Int32Array;
  /** A row goes left when its bin is ≤ threshold. */
  threshold: Int32Array;
  left: Int32Array;
  right: Int32Array;
  /** Class fractions of every node: value[node * classCount + c]. */
  value: Float32Array;
}

export interface ForestModel {
  kind: 'random-forest';
  version: 1;
  classCount: number;
  featureCount: number;
  trees: Tree[];
  /** Impurity (mean decrease in Gini) importance per feature, summing to 1. */
  importance: Float64Array;
  options: Required<ForestOptions>;
}

export interface ForestHooks {
  /** Called after each tree. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between trees; true stops the training. */
  shouldStop?: () => boolean;
}

const DEFAULTS: Required<ForestOptions> = {
  trees: 100,
  maxDepth: Number.POSITIVE_INFINITY,
  minSamplesLeaf: 1,
  minSamplesSplit: 2,
  maxFeatures: 'sqrt',
  classWeight: null,
  bootstrap: true,
  seed: 42,
};

/** Fills in the defaults. */
export function forestOptions(options: ForestOptions = {}): Required<ForestOptions> {
  return { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
}

/** How many features each split tries. */
export function featuresPerSplit(maxFeatures: ForestOptions['maxFeatures'], featureCount: number): number {
  if (maxFeatures === 'all') return featureCount;
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(featureCount)));
  if (maxFeatures === 'sqrt' || maxFeatures === undefined) return Math.max(1, Math.floor(Math.sqrt(featureCount)));
  if (maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * featureCount));
  return Math.min(featureCount, Math.floor(maxFeatures));
}

/**
 * Trains trees `from` to `to` (all by default) of a forest on the given training rows.
 * @returns the trees and their summed (not yet normalised) impurity importance, or null when stopped
 */
export function growTrees(
  data: BinnedData,
  rows: Int32Array,
  options: Required<ForestOptions>,
  range: { from: number; to: number } = { from: 0, to: options.trees },
  hooks: ForestHooks = {},
): { trees: Tree[]; importance: Float64Array } | null {
  const featureCount = data.bins.length;
  const importance = new Float64Array(featureCount);
  const classWeights = balancedWeights(data, rows, options.classWeight);
  const root = createRng(options.seed);
  const trees: Tree[] = [];
  for (let t = range.from; t < range.to; t++) {
    if (hooks.shouldStop?.()) return null;
    const grown = growTree(data, rows, options, classWeights, root.fork(t));
    trees.push(grown.tree);
    // Each tree's importance counts equally, as scikit-learn averages normalised importances.
    let total = 0;
    for (let f = 0; f < featureCount; f++) total += grown.importance[f];
    if (total > 0) for (let f = 0; f < featureCount; f++) importance[f] += grown.importance[f] / total;
    hooks.onProgress?.(t - range.from + 1, range.to - range.from);
  }
  return { trees, importance };
}

/** Joins trees grown in parts (e.g. by two workers) into one forest. */
export function assembleForest(
  parts: readonly { trees: Tree[]; importance: Float64Array }[],
  classCount: number,
  options: Required<ForestOptions>,
): ForestModel {
  const featureCount = parts[0]?.importance.length ?? 0;
  const importance = new Float64Array(featureCount);
  const trees: Tree[] = [];
  for (const part of parts) {
    trees.push(...part.trees);
    for (let f = 0; f < featureCount; f++) importance[f] += part.importance[f];
  }
  let total = 0;
  for (let f = 0; f < featureCount; f++) total += importance[f];
  if (total > 0) for (let f = 0; f < featureCount; f++) importance[f] /= total;
  return { kind: 'random-forest', version: 1, classCount, featureCount, trees, importance, options };
}

/**
 * Trains a whole forest.
 * @returns the model, or null when `shouldStop` said so
 * @example trainForest({ bins, labels, classCount: 2 }, trainRows, { trees: 100, seed: 7 })
 */
export function trainForest(data: BinnedData, rows: Int32Array, options: ForestOptions = {}, hooks: ForestHooks = {}): ForestModel | null {
  const full = forestOptions(options);
  const grown = growTrees(data, rows, full, { from: 0, to: full.trees }, hooks);
  return grown ? assembleForest([grown], data.classCount, full) : null;
}

/**
 * Class probabilities: for each row, the mean over trees of the class fractions of the
 * leaf it reaches (so they sum to 1).
 * @param bins binned features of the rows to score, bins[f][row]
 * @returns probabilities, row by row: out[row * classCount + c]
 */
export function predictProbabilities(model: ForestModel, bins: Uint8Array[], rowCount: number): Float64Array {
  const k = model.classCount;
  const out = new Float64Array(rowCount * k);
  for (const tree of model.trees) {
    const { feature, threshold, left, right, value } = tree;
    for (let row = 0; row < rowCount; row++) {
      let node = 0;
      while (left[node] >= 0) node = bins[feature[node]][row] <= threshold[node] ? left[node] : right[node];
      const base = node * k;
      for (let c = 0; c < k; c++) out[row * k + c] += value[base + c];
    }
  }
  const trees = model.trees.length;
  if (trees > 0) for (let i = 0; i < out.length; i++) out[i] /= trees;
  return out;
}

function balancedWeights(data: BinnedData, rows: Int32Array, mode: 'balanced' | null): Float64Array {
  const k = data.classCount;
  const weights = new Float64Array(k).fill(1);
  if (mode !== 'balanced') return weights;
  const counts = new Float64Array(k);
  for (let i = 0; i < rows.length; i++) counts[data.labels[rows[i]]]++;
  for (let c = 0; c < k; c++) weights[c] = counts[c] > 0 ? rows.length / (k * counts[c]) : 0;
  return weights;
}

/** Growable node storage for one tree. */
class NodeList {
  feature: number[] = [];
  threshold: number[] = [];
  left: number[] = [];
  right: number[] = [];
  value: number[] = [];

  add(fractions: Float64Array): number {
    const id = this.feature.length;
    this.feature.push(-1);
    this.threshold.push(-1);
    this.left.push(-1);
    this.right.push(-1);
    for (let c = 0; c < fractions.length; c++) this.value.push(fractions[c]);
    return id;
  }

  toTree(): Tree {
    return {
      feature: Int32Array.from(this.feature),
      threshold: Int32Array.from(this.threshold),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float32Array.from(this.value),
    };
  }
}

interface PendingNode {
  id: number;
  start: number;
  end: number;
  depth: number;
}

function growTree(
  data: BinnedData,
  rows: Int32Array,
  options: Required<ForestOptions>,
  classWeights: Float64Array,
  rng: Rng,
): { tree: Tree; importance: Float64Array } {
  const { bins, labels, classCount: k } = data;
  const featureCount = bins.length;
  const n = labels.length;

  // Bootstrap as weights: a row drawn twice counts twice, a row never drawn is left out.
  const weight = new Float64Array(n);
  if (options.bootstrap) {
    for (let i = 0; i < rows.length; i++) weight[rows[rng.int(rows.length)]] += 1;
  } else {
    for (let i = 0; i < rows.length; i++) weight[rows[i]] = 1;
  }
  let size = 0;
  const index = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (weight[row] > 0) {
      weight[row] *= classWeights[labels[row]];
      index[size++] = row;
    }
  }

  const tries = featuresPerSplit(options.maxFeatures, featureCount);
  const nodes = new NodeList();
  const importance = new Float64Array(featureCount);
  const order = Int32Array.from({ length: featureCount }, (_, f) => f);
  const histogram = new Float64Array(256 * k);
  const binRows = new Int32Array(256);
  const classTotals = new Float64Array(k);
  const leftTotals = new Float64Array(k);

  const rootTotals = totalsOf(index, 0, size, labels, weight, k);
  const stack: PendingNode[] = [{ id: nodes.add(fractionsOf(rootTotals)), start: 0, end: size, depth: 0 }];

  while (stack.length > 0) {
    const node = stack.pop()!;
    const count = node.end - node.start;
    classTotals.set(totalsOf(index, node.start, node.end, labels, weight, k));
    let total = 0;
    let nonZero = 0;
    for (let c = 0; c < k; c++) {
      total += classTotals[c];
      if (classTotals[c] > 0) nonZero++;
    }
    if (nonZero <= 1 || count < options.minSamplesSplit || count < 2 * options.minSamplesLeaf || node.depth >= options.maxDepth) continue;
    const parentScore = sumOfSquares(classTotals) / total;

    // Try features in random order until `tries` of them vary in this node (as scikit-learn).
    let bestScore = parentScore + 1e-12 * total;
    let bestFeature = -1;
    let bestThreshold = -1;
    let visited = 0;
    for (let drawn = 0; drawn < featureCount && (visited < tries || bestFeature < 0); drawn++) {
      const pick = drawn + rng.int(featureCount - drawn);
      const f = order[pick];
      order[pick] = order[drawn];
      order[drawn] = f;

      const column = bins[f];
      let minBin = 255;
      let maxBin = 0;
      for (let i = node.start; i < node.end; i++) {
        const b = column[index[i]];
        if (b < minBin) minBin = b;
        if (b > maxBin) maxBin = b;
      }
      if (minBin === maxBin) continue;
      visited++;
      histogram.fill(0, minBin * k, (maxBin + 1) * k);
      binRows.fill(0, minBin, maxBin + 1);
      for (let i = node.start; i < node.end; i++) {
        const row = index[i];
        const b = column[row];
        histogram[b * k + labels[row]] += weight[row];
        binRows[b]++;
      }
      leftTotals.fill(0);
      let leftWeight = 0;
      let leftCount = 0;
      for (let b = minBin; b < maxBin; b++) {
        for (let c = 0; c < k; c++) {
          const w = histogram[b * k + c];
          leftTotals[c] += w;
          leftWeight += w;
        }
        leftCount += binRows[b];
        if (leftCount < options.minSamplesLeaf) continue;
        if (count - leftCount < options.minSamplesLeaf) break;
        const rightWeight = total - leftWeight;
        if (leftWeight <= 0 || rightWeight <= 0) continue;
        let leftSquares = 0;
        let rightSquares = 0;
        for (let c = 0; c < k; c++) {
          const l = leftTotals[c];
          const r = classTotals[c] - l;
          leftSquares += l * l;
          rightSquares += r * r;
        }
        // Maximising Σ l²/L + Σ r²/R is minimising the weighted Gini impurity of the children.
        const score = leftSquares / leftWeight + rightSquares / rightWeight;
        if (score > bestScore) {
          bestScore = score;
          bestFeature = f;
          bestThreshold = b;
        }
      }
    }
    if (bestFeature < 0) continue;

    // Partition the node's rows: bin ≤ threshold to the front.
    const column = bins[bestFeature];
    let i = node.start;
    let j = node.end - 1;
    while (i <= j) {
      if (column[index[i]] <= bestThreshold) i++;
      else {
        const swap = index[i];
        index[i] = index[j];
        index[j] = swap;
        j--;
      }
    }
    const leftTotalsNow = totalsOf(index, node.start, i, labels, weight, k);
    const rightTotalsNow = totalsOf(index, i, node.end, labels, weight, k);
    // Weighted decrease of Gini impurity: W·g(parent) − L·g(left) − R·g(right).
    importance[bestFeature] += weightedGini(classTotals) - weightedGini(leftTotalsNow) - weightedGini(rightTotalsNow);
    const leftId = nodes.add(fractionsOf(leftTotalsNow));
    const rightId = nodes.add(fractionsOf(rightTotalsNow));
    nodes.feature[node.id] = bestFeature;
    nodes.threshold[node.id] = bestThreshold;
    nodes.left[node.id] = leftId;
    nodes.right[node.id] = rightId;
    stack.push({ id: rightId, start: i, end: node.end, depth: node.depth + 1 });
    stack.push({ id: leftId, start: node.start, end: i, depth: node.depth + 1 });
  }
  return { tree: nodes.toTree(), importance };
}

function totalsOf(index: Int32Array, start: number, end: number, labels: Int32Array, weight: Float64Array, k: number): Float64Array {
  const totals = new Float64Array(k);
  for (let i = start; i < end; i++) {
    const row = index[i];
    totals[labels[row]] += weight[row];
  }
  return totals;
}

function fractionsOf(totals: Float64Array): Float64Array {
  let sum = 0;
  for (let c = 0; c < totals.length; c++) sum += totals[c];
  const out = new Float64Array(totals.length);
  if (sum > 0) for (let c = 0; c < totals.length; c++) out[c] = totals[c] / sum;
  return out;
}

function sumOfSquares(totals: Float64Array): number {
  let s = 0;
  for (let c = 0; c < totals.length; c++) s += totals[c] * totals[c];
  return s;
}

/** W · Gini = W − Σ w_c² / W. */
function weightedGini(totals: Float64Array): number {
  let w = 0;
  for (let c = 0; c < totals.length; c++) w += totals[c];
  return w > 0 ? w - sumOfSquares(totals) / w : 0;
}
