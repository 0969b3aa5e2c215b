import { describe, expect, it } from 'vitest';
import { stratifiedFolds, stratifiedSplit } from '../../../../src/core/churn/split';
import { createRng } from '../../../../src/core/shared/rng';

/** Labels shaped like the Telco data: 7,043 rows, 1,869 churners (every third row from 0). */
function telcoLabels(): Int32Array {
  const labels = new Int32Array(7043);
  for (let i = 0, churners = 0; i < labels.length && churners < 1869; i += 3, churners++) labels[i] = 1;
  return labels;
}

function countOf(labels: Int32Array, rows: Int32Array, label: number): number {
  return rows.reduce((n, row) => n + (labels[row] === label ? 1 : 0), 0);
}

function isAscending(rows: Int32Array): boolean {
  return rows.every((row, i) => i === 0 || rows[i - 1] < row);
}

/** Every row 0..rowCount−1 exactly once across the parts. */
function coversEachRowOnce(parts: Int32Array[], rowCount: number): boolean {
  const seen = new Uint8Array(rowCount);
  for (const part of parts) for (const row of part) seen[row]++;
  return seen.every((n) => n === 1) && parts.reduce((n, p) => n + p.length, 0) === rowCount;
}

describe('stratifiedSplit', () => {
  const labels = telcoLabels();

  it('Telco shape, 20 %: 374 churners and 1,035 others in test', () => {
    expect(countOf(labels, Int32Array.from(labels.keys()), 1)).toBe(1869);
    const { train, test } = stratifiedSplit(labels, 0.2, createRng(42));
    // round(0.2 · 1869) = round(373.8) = 374; round(0.2 · 5174) = round(1034.8) = 1035
    expect(countOf(labels, test, 1)).toBe(374);
    expect(countOf(labels, test, 0)).toBe(1035);
    expect(test.length).toBe(1409);
    // train: 1869 − 374 = 1495 churners, 5174 − 1035 = 4139 others, 5634 rows
    expect(countOf(labels, train, 1)).toBe(1495);
    expect(train.length).toBe(5634);
  });

  it('is disjoint, complete and sorted ascending', () => {
    const { train, test } = stratifiedSplit(labels, 0.25, createRng(1));
    expect(coversEachRowOnce([train, test], labels.length)).toBe(true);
    expect(isAscending(train) && isAscending(test)).toBe(true);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = stratifiedSplit(labels, 0.2, createRng(7));
    const b = stratifiedSplit(labels, 0.2, createRng(7));
    const c = stratifiedSplit(labels, 0.2, createRng(8));
    expect(Array.from(b.test)).toEqual(Array.from(a.test));
    expect(Array.from(b.train)).toEqual(Array.from(a.train));
    expect(Array.from(c.test)).not.toEqual(Array.from(a.test));
  });

  it('picks test rows at random within a class', () => {
    // Class of 10 rows, fraction 0.3 → 3 test rows, so each row is in test with chance 0.3.
    // Over 2,000 seeds each row's count is ≈ 600 (sd sqrt(2000 · 0.3 · 0.7) ≈ 20.5); ±100 is ~5 sd.
    const ten = new Int32Array(10);
    const inTest = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 2000; seed++) {
      const { test } = stratifiedSplit(ten, 0.3, createRng(seed));
      expect(test.length).toBe(3);
      for (const row of test) inTest[row]++;
    }
    for (const n of inTest) expect(Math.abs(n - 600)).toBeLessThan(100);
  });

  it('small classes: at least one row each side from 2 rows up; a single row stays in train', () => {
    // Labels: class 5 has 1 row, class 7 has 2 rows, class −1 has 3 rows, class 0 has 5 rows.
    const small = Int32Array.of(0, 7, -1, 0, 5, -1, 0, 7, 0, -1, 0);
    const at = (fraction: number) => {
      const { train, test } = stratifiedSplit(small, fraction, createRng(3));
      expect(coversEachRowOnce([train, test], small.length)).toBe(true);
      return (label: number) => [countOf(small, train, label), countOf(small, test, label)];
    };
    // 0.1: class 0 → round(0.5) = 1 (half rounds up); class −1 → round(0.3) = 0 → raised to 1;
    // class 7 → round(0.2) = 0 → 1; class 5 (1 row) → 0.
    const low = at(0.1);
    expect([low(0), low(-1), low(7), low(5)]).toEqual([[4, 1], [2, 1], [1, 1], [1, 0]]);
    // 0.9: class 0 → round(4.5) = 5 → capped at 4; class −1 → round(2.7) = 3 → 2;
    // class 7 → round(1.8) = 2 → 1; class 5 → still train (a single row is never the test set).
    const high = at(0.9);
    expect([high(0), high(-1), high(7), high(5)]).toEqual([[1, 4], [1, 2], [1, 1], [1, 0]]);
  });

  it('no rows: two empty sets', () => {
    const { train, test } = stratifiedSplit(new Int32Array(0), 0.2, createRng(1));
    expect([train.length, test.length]).toEqual([0, 0]);
  });

  it('throws RangeError for a fraction outside (0, 1)', () => {
    for (const fraction of [0, 1, -0.2, 1.5, NaN]) {
      expect(() => stratifiedSplit(labels, fraction, createRng(1))).toThrow(RangeError);
    }
  });
});

describe('stratifiedFolds', () => {
  const labels = telcoLabels();

  it('Telco shape, 5 folds: sizes and churners per fold', () => {
    // Class 0 (5,174 rows) is dealt first: 5174 = 5·1034 + 4, so folds 0–3 get 1,035 and fold 4
    // gets 1,034. Churners continue at position 5174 (≡ 4 mod 5): 1869 = 5·373 + 4, the four
    // extra going to folds 4, 0, 1, 2, so folds 0, 1, 2, 4 get 374 and fold 3 gets 373.
    const folds = stratifiedFolds(labels, 5, createRng(42));
    expect(folds.map((f) => f.length)).toEqual([1409, 1409, 1409, 1408, 1408]);
    expect(folds.map((f) => countOf(labels, f, 1))).toEqual([374, 374, 374, 373, 374]);
    expect(folds.map((f) => countOf(labels, f, 0))).toEqual([1035, 1035, 1035, 1035, 1034]);
    expect(coversEachRowOnce(folds, labels.length)).toBe(true);
    expect(folds.every(isAscending)).toBe(true);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = stratifiedFolds(labels, 3, createRng(5)).map((f) => Array.from(f));
    expect(stratifiedFolds(labels, 3, createRng(5)).map((f) => Array.from(f))).toEqual(a);
    expect(stratifiedFolds(labels, 3, createRng(6)).map((f) => Array.from(f))).not.toEqual(a);
  });

  it('small classes: a class smaller than k sits in as many folds as it has rows', () => {
    // 2 rows of class 1 and 7 of class 0, k = 3: class 0 takes positions 0–6 (folds 0,1,2,0,1,2,0
    // → 3, 2, 2 rows), class 1 positions 7–8 (folds 1, 2).
    const small = Int32Array.of(0, 0, 1, 0, 0, 0, 1, 0, 0);
    const folds = stratifiedFolds(small, 3, createRng(2));
    expect(folds.map((f) => countOf(small, f, 0))).toEqual([3, 2, 2]);
    expect(folds.map((f) => countOf(small, f, 1))).toEqual([0, 1, 1]);
    expect(coversEachRowOnce(folds, small.length)).toBe(true);
  });

  it('k = rows gives one row per fold', () => {
    const folds = stratifiedFolds(Int32Array.of(1, 0, 1, 0), 4, createRng(1));
    expect(folds.map((f) => f.length)).toEqual([1, 1, 1, 1]);
    expect(coversEachRowOnce(folds, 4)).toBe(true);
  });

  it('throws RangeError for k < 2, k > rows or a fractional k', () => {
    for (const k of [1, 0, 7044, 2.5, NaN]) expect(() => stratifiedFolds(labels, k, createRng(1))).toThrow(RangeError);
  });
});
