import { describe, expect, it } from 'vitest';
import { binIndex, binLabel, binsOf, quantileEdges, quantileSorted } from '../../../../src/core/bayes/quantile-bins';

describe('quantileSorted', () => {
  it('interpolates between order statistics (numpy linear)', () => {
    // h = (4 − 1)·0.25 = 0.75 → 1 + 0.75·(2 − 1) = 1.75; h = 1.5 → 2.5; q = 1 → 4
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([7], 0.5)).toBe(7);
  });
});

describe('quantileEdges', () => {
  it('quartile edges of 1..10, NaN ignored', () => {
    // n = 10, h = 9q: 0 → 1; 2.25 → 3 + 0.25 = 3.25; 4.5 → 5.5; 6.75 → 7 + 0.75 = 7.75; 9 → 10
    const values = Float64Array.of(10, 9, 8, 7, NaN, 6, 5, 4, 3, 2, 1);
    expect(quantileEdges(values, 4)).toEqual([1, 3.25, 5.5, 7.75, 10]);
  });

  it('merges equal edges when ties collapse bins', () => {
    // 1,1,1,1,1,2,3: h = 6q → q=.25: h=1.5 → 1; q=.5: h=3 → 1; q=.75: h=4.5 → 1 + 0.5·(2 − 1) = 1.5; q=1 → 3
    // raw edges 1, 1, 1, 1.5, 3 → distinct 1, 1.5, 3: two bins, not four
    expect(quantileEdges([1, 1, 1, 1, 1, 2, 3], 4)).toEqual([1, 1.5, 3]);
    expect(quantileEdges([5, 5, 5], 4)).toEqual([5]);
    expect(quantileEdges([NaN, NaN], 4)).toEqual([]);
  });
});

describe('bins', () => {
  const edges = [1, 3.25, 5.5, 7.75, 10];

  it('bin i holds lower < v ≤ upper; the first holds its lower edge; beyond the ends → first or last', () => {
    expect([1, 3, 3.25, 3.26, 5.5, 7.75, 8, 10].map((v) => binIndex(v, edges))).toEqual([0, 0, 0, 1, 1, 2, 3, 3]);
    expect(binIndex(-100, edges)).toBe(0);
    expect(binIndex(100, edges)).toBe(3);
    expect(binIndex(5, [5])).toBe(0);
  });

  it('labels in interval notation', () => {
    expect(binsOf(edges).map((bin) => binLabel(bin))).toEqual(['[1, 3.25]', '(3.25, 5.5]', '(5.5, 7.75]', '(7.75, 10]']);
    expect(binsOf([5]).map((bin) => binLabel(bin))).toEqual(['5']);
    expect(binLabel({ index: 0, lower: 1 / 3, upper: 2 / 3, lowerIncluded: true })).toBe('[0.333333, 0.666667]');
  });
});
