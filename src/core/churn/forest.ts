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

/** One tree in flat arrays. Leaves have left = right = -1; children are side by side (right = left + 1). */
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
  const width = bins.length;
  // Row by row in memory: a row's features share a cache line, so walking a tree down
  // touches one place instead of one column per level.
  const rowMajor = new Uint8Array(rowCount * width);
  for (let f = 0; f < width; f++) {
    const column = bins[f];
    for (let row = 0, at = f; row < rowCount; row++, at += width) rowMajor[at] = column[row];
  }
  const out = new Float64Array(rowCount * k);
  for (const tree of model.trees) {
    const { value } = tree;
    const { split, left } = compactTree(tree);
    for (let row = 0, base = 0; row < rowCount; row++, base += width) {
      let node = 0;
      // Children are stored side by side (right = left + 1): the step needs no branch.
      for (let next = left[0]; next >= 0; next = left[node]) {
        const s = split[node];
        node = next + (rowMajor[base + (s >>> 8)] > (s & 255) ? 1 : 0);
      }
      const leaf = node * k;
      for (let c = 0; c < k; c++) out[row * k + c] += value[leaf + c];
    }
  }
  const trees = model.trees.length;
  if (trees > 0) for (let i = 0; i < out.length; i++) out[i] /= trees;
  return out;
}

/** Compact forms by tree, so scoring the same model again (permutation importance) reuses them. */
const compacted = new WeakMap<Tree, { split: Int32Array; left: Int32Array }>();

/** Feature and threshold in one number per node; throws if children are not side by side. */
export function compactTree(tree: Tree): { split: Int32Array; left: Int32Array } {
  const cached = compacted.get(tree);
  if (cached) return cached;
  const split = new Int32Array(tree.feature.length);
  for (let node = 0; node < split.length; node++) {
    if (tree.left[node] >= 0 && tree.right[node] !== tree.left[node] + 1) throw new RangeError('Tree children must be stored side by side.');
    split[node] = (Math.max(0, tree.feature[node]) << 8) | (tree.threshold[node] & 255);
  }
  const compact = { split, left: tree.left };
  compacted.set(tree, compact);
  return compact;
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
  /** Weighted class totals of the node's rows. */
  totals: Float64Array;
  /** The first `constants` entries of the tree's feature order are known not to vary here. */
  constants: number;
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
  // Label and weight by position in `index` (moved with it), so the hot loops read them in order.
  const atLabel = new Int32Array(rows.length);
  const atWeight = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (weight[row] > 0) {
      atLabel[size] = labels[row];
      atWeight[size] = weight[row] * classWeights[labels[row]];
      index[size++] = row;
    }
  }

  const tries = featuresPerSplit(options.maxFeatures, featureCount);
  const nodes = new NodeList();
  const importance = new Float64Array(featureCount);
  // Kept all zero between uses: only the bins a node touched are cleared after it.
  const histogram = new Float64Array(2 * 256 * k);
  const binRows = new Int32Array(256);
  const touched = new Int32Array(256);
  // One feature order for the whole tree, as scikit-learn keeps it: a node's known-constant
  // features sit at the front, and its descendants only reorder what comes after them.
  const order = Int32Array.from({ length: featureCount }, (_, f) => f);
  const leftTotals = new Float64Array(k);
  const bestLeft = new Float64Array(k);

  const rootTotals = new Float64Array(k);
  for (let i = 0; i < size; i++) rootTotals[atLabel[i]] += atWeight[i];
  const stack: PendingNode[] = [
    {
      id: nodes.add(fractionsOf(rootTotals)),
      start: 0,
      end: size,
      depth: 0,
      totals: rootTotals,
      constants: 0,
    },
  ];

  while (stack.length > 0) {
    const node = stack.pop()!;
    const count = node.end - node.start;
    const classTotals = node.totals;
    let total = 0;
    let nonZero = 0;
    for (let c = 0; c < k; c++) {
      total += classTotals[c];
      if (classTotals[c] > 0) nonZero++;
    }
    if (nonZero <= 1 || count < options.minSamplesSplit || count < 2 * options.minSamplesLeaf || node.depth >= options.maxDepth) continue;
    const parentScore = sumOfSquares(classTotals) / total;

    // Draw features in random order until `tries` of them vary in this node, as scikit-learn
    // does; features found constant here stay known as constant in the children.
    const known = node.constants;
    let found = 0;
    let bestScore = parentScore + 1e-12 * total;
    let bestFeature = -1;
    let bestThreshold = -1;
    let visited = 0;
    for (let drawn = known; drawn < featureCount && (visited < tries || bestFeature < 0); drawn++) {
      const pick = drawn + rng.int(featureCount - drawn);
      const f = order[pick];
      order[pick] = order[drawn];
      order[drawn] = f;

      const column = bins[f];
      // A cheap look first: features that do not vary here are common deep in a tree.
      const firstBin = column[index[node.start]];
      let varies = false;
      for (let i = node.start + 1; i < node.end; i++) {
        if (column[index[i]] !== firstBin) {
          varies = true;
          break;
        }
      }
      if (!varies) {
        const at = known + found++;
        order[drawn] = order[at];
        order[at] = f;
        continue;
      }
      let minBin = 255;
      let maxBin = 0;
      let touchedCount = 0;
      // Rows alternate between two histograms: consecutive rows often fall in the same bin,
      // and one running sum would make each addition wait for the one before.
      const half = 256 * k;
      for (let i = node.start; i < node.end; i++) {
        const b = column[index[i]];
        if (b < minBin) minBin = b;
        if (b > maxBin) maxBin = b;
        histogram[(i & 1) * half + b * k + atLabel[i]] += atWeight[i];
        if (binRows[b]++ === 0) touched[touchedCount++] = b;
      }
      for (let t = 0; t < touchedCount; t++) {
        const at = touched[t] * k;
        for (let c = 0; c < k; c++) {
          histogram[at + c] += histogram[half + at + c];
          histogram[half + at + c] = 0;
        }
      }
      visited++;
      // Small nodes touch few of the bins in their range: walk only those, in order.
      const sparse = touchedCount * 4 < maxBin - minBin + 1;
      if (sparse) sortSmall(touched, touchedCount);
      const steps = sparse ? touchedCount - 1 : maxBin - minBin;
      leftTotals.fill(0);
      let leftWeight = 0;
      let leftCount = 0;
      for (let t = 0; t < steps; t++) {
        const b = sparse ? touched[t] : minBin + t;
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
          bestLeft.set(leftTotals);
        }
      }
      clearBins(histogram, binRows, touched, touchedCount, k);
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
        const label = atLabel[i];
        atLabel[i] = atLabel[j];
        atLabel[j] = label;
        const w = atWeight[i];
        atWeight[i] = atWeight[j];
        atWeight[j] = w;
        j--;
      }
    }
    const leftNode = new Float64Array(k);
    const rightNode = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      leftNode[c] = bestLeft[c];
      rightNode[c] = classTotals[c] - bestLeft[c];
    }
    // Weighted decrease of Gini impurity: W·g(parent) − L·g(left) − R·g(right).
    importance[bestFeature] += weightedGini(classTotals) - weightedGini(leftNode) - weightedGini(rightNode);
    const leftId = nodes.add(fractionsOf(leftNode));
    const rightId = nodes.add(fractionsOf(rightNode));
    nodes.feature[node.id] = bestFeature;
    nodes.threshold[node.id] = bestThreshold;
    nodes.left[node.id] = leftId;
    nodes.right[node.id] = rightId;
    const constants = known + found;
    stack.push({ id: rightId, start: i, end: node.end, depth: node.depth + 1, totals: rightNode, constants });
    stack.push({ id: leftId, start: node.start, end: i, depth: node.depth + 1, totals: leftNode, constants });
  }
  return { tree: nodes.toTree(), importance };
}

/** Zeroes the histogram entries of the bins a node used (the rest are still zero). */
function clearBins(histogram: Float64Array, binRows: Int32Array, touched: Int32Array, touchedCount: number, k: number): void {
  for (let t = 0; t < touchedCount; t++) {
    const b = touched[t];
    binRows[b] = 0;
    for (let c = 0; c < k; c++) histogram[b * k + c] = 0;
  }
}

/** Insertion sort of the first n entries: the lists here are short. */
function sortSmall(values: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > v) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
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
