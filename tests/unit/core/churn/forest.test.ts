import { describe, expect, it } from 'vitest';
import { applyBins, binOf, fitBinEdges } from '../../../../src/core/churn/binning';
import { assembleForest, featuresPerSplit, forestOptions, growTrees, predictProbabilities, trainForest, type BinnedData } from '../../../../src/core/churn/forest';
import { createRng } from '../../../../src/core/shared/rng';

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Two features: x0 separates the classes (class 1 when x0 ≥ 5), x1 is noise. */
function separable(n = 40): BinnedData {
  const rng = createRng(3);
  const x0 = Float64Array.from({ length: n }, (_, i) => i % 10);
  const x1 = Float64Array.from({ length: n }, () => rng.int(10));
  const labels = Int32Array.from(x0, (v) => (v >= 5 ? 1 : 0));
  const rows = all(n);
  return { bins: [applyBins(x0, fitBinEdges(x0, rows)), applyBins(x1, fitBinEdges(x1, rows))], labels, classCount: 2 };
}

describe('binning', () => {
  it('gives every distinct value its own bin, cut halfway between neighbours', () => {
    const edges = fitBinEdges(Float64Array.of(3, 1, 2, 2, 1), all(5));
    expect(Array.from(edges)).toEqual([1.5, 2.5]);
    expect([0.9, 1, 1.6, 2.5, 2.6, 9].map((v) => binOf(v, edges))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('cuts many distinct values at quantiles, at most 256 bins, equal values in one bin', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => Math.floor(i / 3));
    const edges = fitBinEdges(values, all(values.length));
    expect(edges.length).toBeLessThanOrEqual(255);
    const bins = applyBins(values, edges);
    for (let i = 1; i < values.length; i++) if (values[i] === values[i - 1]) expect(bins[i]).toBe(bins[i - 1]);
    // Quantile bins hold about the same number of rows: 10,000 / 256 ≈ 39.
    const counts = new Map<number, number>();
    for (const b of bins) counts.set(b, (counts.get(b) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThan(60);
  });

  it('fits on the training rows only', () => {
    const values = Float64Array.of(1, 2, 100, 200);
    expect(Array.from(fitBinEdges(values, Int32Array.of(0, 1)))).toEqual([1.5]);
  });
});

describe('featuresPerSplit', () => {
  it('follows scikit-learn: floor(sqrt), floor(log2), fractions and counts', () => {
    expect(featuresPerSplit('sqrt', 45)).toBe(6);
    expect(featuresPerSplit('log2', 45)).toBe(5);
    expect(featuresPerSplit('all', 45)).toBe(45);
    expect(featuresPerSplit(0.5, 45)).toBe(22);
    expect(featuresPerSplit(10, 45)).toBe(10);
    expect(featuresPerSplit('sqrt', 1)).toBe(1);
  });
});

describe('trainForest', () => {
  it('splits a separable feature once per tree, at the class boundary, with pure leaves', () => {
    const data = separable();
    const model = trainForest(data, all(40), { trees: 5, maxFeatures: 'all', bootstrap: false, seed: 1 })!;
    for (const tree of model.trees) {
      // Root split on x0 between 4 and 5 (bin 4: values ≤ 4.5 go left), then two leaves.
      expect(tree.feature[0]).toBe(0);
      expect(tree.threshold[0]).toBe(4);
      expect(tree.left.length).toBe(3);
      expect(Array.from(tree.value.slice(2, 6))).toEqual([1, 0, 0, 1]);
    }
    expect(Array.from(model.importance)).toEqual([1, 0]);
  });

  it('chooses the split of least weighted Gini impurity, as derived by hand', () => {
    // x = 1..6, y = 0 0 1 0 1 1. Weighted Gini (W·g) of the children for each cut:
    //   1|2: 0 + 5·(1 − 0.4² − 0.6²) = 2.4    2|3: 0 + 4·(1 − 0.25² − 0.75²) = 1.5
    //   3|4: 3·4/9 + 3·4/9 = 2.667           4|5: 4·0.375 + 0 = 1.5      5|6: 2.4
    // 2|3 and 4|5 tie; the first (lower) cut wins. Root: 6·0.5 − 1.5 = 1.5 less impurity.
    // Right node x = 3..6, y = 1 0 1 1: 3|4 → 3·4/9 = 1.333, 4|5 → 2·0.5 = 1, 5|6 → 1.333: cut 4|5.
    const x = Float64Array.of(1, 2, 3, 4, 5, 6);
    const data: BinnedData = { bins: [applyBins(x, fitBinEdges(x, all(6)))], labels: Int32Array.of(0, 0, 1, 0, 1, 1), classCount: 2 };
    const tree = trainForest(data, all(6), { trees: 1, bootstrap: false, maxFeatures: 'all' })!.trees[0];
    expect(tree.threshold[0]).toBe(1); // bins 0..5 hold x = 1..6; bin ≤ 1 is x ≤ 2
    expect(Array.from(tree.value.slice(2, 4))).toEqual([1, 0]); // left leaf: both class 0
    expect(tree.threshold[tree.right[0]]).toBe(3); // x ≤ 4 on the right
  });

  it('gives probabilities that sum to 1 and count every tree (the first one too)', () => {
    const data = separable(60);
    const model = trainForest(data, all(60), { trees: 7, seed: 5 })!;
    const p = predictProbabilities(model, data.bins, 60);
    for (let row = 0; row < 60; row++) expect(p[row * 2] + p[row * 2 + 1]).toBeCloseTo(1, 12);
    // One tree alone: the forest of one tree predicts its leaf fractions exactly.
    const single = { ...model, trees: [model.trees[0]] };
    const q = predictProbabilities(single, data.bins, 60);
    const leafOf = (row: number) => {
      const t = model.trees[0];
      let node = 0;
      while (t.left[node] >= 0) node = data.bins[t.feature[node]][row] <= t.threshold[node] ? t.left[node] : t.right[node];
      return node;
    };
    expect(q[1]).toBeCloseTo(model.trees[0].value[leafOf(0) * 2 + 1], 6);
  });

  it('is reproducible: same seed, same trees; another seed, other trees', () => {
    const data = separable(80);
    const a = trainForest(data, all(80), { trees: 10, seed: 9 })!;
    const b = trainForest(data, all(80), { trees: 10, seed: 9 })!;
    const c = trainForest(data, all(80), { trees: 10, seed: 10 })!;
    expect(b.trees).toEqual(a.trees);
    expect(c.trees).not.toEqual(a.trees);
  });

  it('gives the same forest when two workers each grow half the trees', () => {
    const data = separable(80);
    const options = forestOptions({ trees: 10, seed: 4 });
    const whole = trainForest(data, all(80), options)!;
    const first = growTrees(data, all(80), options, { from: 0, to: 6 })!;
    const second = growTrees(data, all(80), options, { from: 6, to: 10 })!;
    const joined = assembleForest([first, second], 2, options);
    expect(joined.trees).toEqual(whole.trees);
    for (let f = 0; f < 2; f++) expect(joined.importance[f]).toBeCloseTo(whole.importance[f], 12);
  });

  it('stops between trees when asked, and reports progress per tree', () => {
    const data = separable();
    const seen: number[] = [];
    let calls = 0;
    const model = trainForest(data, all(40), { trees: 10 }, { onProgress: (done) => seen.push(done), shouldStop: () => ++calls > 3 });
    expect(model).toBeNull();
    expect(seen).toEqual([1, 2, 3]);
  });

  it('trains on few rows and few trees without crashing (rows never left out of the bag)', () => {
    const data = separable(12);
    const model = trainForest(data, all(12), { trees: 2, seed: 1 });
    expect(model?.trees).toHaveLength(2);
  });

  it('respects depth and leaf size limits', () => {
    const data = separable(200);
    const shallow = trainForest(data, all(200), { trees: 3, maxDepth: 1 })!;
    for (const tree of shallow.trees) expect(tree.left.length).toBeLessThanOrEqual(3);
    const big = trainForest(data, all(200), { trees: 3, minSamplesLeaf: 150, bootstrap: false })!;
    // 200 rows cannot be split into two leaves of 150: a single leaf.
    for (const tree of big.trees) expect(tree.left.length).toBe(1);
  });

  it('weighs classes by n / (classes × count) when balanced', () => {
    // 9 rows of class 0, 3 of class 1, one feature that cannot split them.
    const data: BinnedData = { bins: [new Uint8Array(12)], labels: Int32Array.from({ length: 12 }, (_, i) => (i < 9 ? 0 : 1)), classCount: 2 };
    const plain = trainForest(data, all(12), { trees: 1, bootstrap: false })!;
    expect(Array.from(plain.trees[0].value)).toEqual([0.75, 0.25]);
    const balanced = trainForest(data, all(12), { trees: 1, bootstrap: false, classWeight: 'balanced' })!;
    // Weights 12/(2·9) and 12/(2·3): each class carries half of the weight.
    expect(Array.from(balanced.trees[0].value)).toEqual([0.5, 0.5]);
  });

  it('handles three classes', () => {
    const x = Float64Array.from({ length: 90 }, (_, i) => i % 30);
    const labels = Int32Array.from(x, (v) => (v < 10 ? 0 : v < 20 ? 1 : 2));
    const data: BinnedData = { bins: [applyBins(x, fitBinEdges(x, all(90)))], labels, classCount: 3 };
    const model = trainForest(data, all(90), { trees: 5, seed: 2 })!;
    const p = predictProbabilities(model, data.bins, 90);
    for (let row = 0; row < 90; row++) {
      const best = [0, 1, 2].reduce((b, c) => (p[row * 3 + c] > p[row * 3 + b] ? c : b), 0);
      expect(best).toBe(labels[row]);
    }
  });
});
