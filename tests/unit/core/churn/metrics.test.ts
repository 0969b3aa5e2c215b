import { describe, expect, it } from 'vitest';
import {
  bestRetentionThreshold,
  checkRetentionEconomics,
  classificationReport,
  confusionMatrix,
  majorityBaseline,
  retentionProfit,
  rocAuc,
  rocCurve,
  thresholdConfusion,
} from '../../../../src/core/churn/metrics';
import { createRng } from '../../../../src/core/shared/rng';

// Ratios below are compared to 1e-12: each is at most a few float operations from the exact fraction.
const EXACT = 12;

/** Actual and predicted labels that produce a given confusion matrix (row by row). */
function pairsFor(matrix: number[][]): { actual: Int32Array; predicted: Int32Array } {
  const actual: number[] = [];
  const predicted: number[] = [];
  matrix.forEach((row, a) => row.forEach((count, p) => {
    for (let i = 0; i < count; i++) {
      actual.push(a);
      predicted.push(p);
    }
  }));
  return { actual: Int32Array.from(actual), predicted: Int32Array.from(predicted) };
}

describe('confusionMatrix', () => {
  it('counts rows = actual, columns = predicted', () => {
    // row 0: actual 0 → 0 (TN); row 1: 1 → 1; row 2: 1 → 0; row 3: 0 → 1; row 4: 1 → 1
    expect(confusionMatrix(Int32Array.of(0, 1, 1, 0, 1), Int32Array.of(0, 1, 0, 1, 1), 2)).toEqual([
      [1, 1],
      [1, 2],
    ]);
    const { actual, predicted } = pairsFor([[3, 1, 0], [1, 2, 0], [1, 1, 0]]);
    expect(confusionMatrix(actual, predicted, 3)).toEqual([[3, 1, 0], [1, 2, 0], [1, 1, 0]]);
  });

  it('keeps classes that never occur', () => {
    expect(confusionMatrix(Int32Array.of(0, 0), Int32Array.of(0, 0), 3)).toEqual([[2, 0, 0], [0, 0, 0], [0, 0, 0]]);
  });

  it('throws RangeError for labels outside 0..classCount−1, unequal lengths or a bad classCount', () => {
    expect(() => confusionMatrix(Int32Array.of(0, 2), Int32Array.of(0, 1), 2)).toThrow(RangeError);
    expect(() => confusionMatrix(Int32Array.of(0, 1), Int32Array.of(0, -1), 2)).toThrow(RangeError);
    expect(() => confusionMatrix(Int32Array.of(0, 1), Int32Array.of(0), 2)).toThrow(RangeError);
    expect(() => confusionMatrix(Int32Array.of(0), Int32Array.of(0), 0)).toThrow(RangeError);
  });
});

describe('classificationReport', () => {
  it('2 × 2: [[5, 1], [2, 3]]', () => {
    const { actual, predicted } = pairsFor([[5, 1], [2, 3]]);
    const report = classificationReport(confusionMatrix(actual, predicted, 2), ['stays', 'churns']);
    const [stays, churns] = report.classes;
    // stays: TP 5, predicted 5 + 2 = 7, support 5 + 1 = 6
    //   precision 5/7, recall 5/6, F1 = 2·5 / (7 + 6) = 10/13
    expect(stays.label).toBe('stays');
    expect(stays.precision).toBeCloseTo(5 / 7, EXACT);
    expect(stays.recall).toBeCloseTo(5 / 6, EXACT);
    expect(stays.f1).toBeCloseTo(10 / 13, EXACT);
    expect(stays.support).toBe(6);
    // churns: TP 3, predicted 1 + 3 = 4, support 2 + 3 = 5
    //   precision 3/(3+1) = 0.75, recall 3/5 = 0.6, F1 = 2·3 / (4 + 5) = 2/3
    //   (= 2 · 0.75 · 0.6 / (0.75 + 0.6) = 0.9 / 1.35 = 2/3)
    expect(churns.precision).toBeCloseTo(0.75, EXACT);
    expect(churns.recall).toBeCloseTo(0.6, EXACT);
    expect(churns.f1).toBeCloseTo(2 / 3, EXACT);
    expect(churns.support).toBe(5);
    // accuracy = (5 + 3) / 11
    expect(report.accuracy).toBeCloseTo(8 / 11, EXACT);
    // macro: plain means. precision (5/7 + 3/4)/2 = 41/56; recall (5/6 + 3/5)/2 = 43/60;
    // F1 (10/13 + 2/3)/2 = 56/78 = 28/39
    expect(report.macro.precision).toBeCloseTo(41 / 56, EXACT);
    expect(report.macro.recall).toBeCloseTo(43 / 60, EXACT);
    expect(report.macro.f1).toBeCloseTo(28 / 39, EXACT);
    expect(report.macro.support).toBe(11);
    // weighted by support 6 and 5: precision (6·5/7 + 5·3/4)/11 = (30/7 + 15/4)/11 = (225/28)/11 = 225/308;
    // recall (6·5/6 + 5·3/5)/11 = 8/11 (weighted recall is always the accuracy);
    // F1 (6·10/13 + 5·2/3)/11 = (60/13 + 10/3)/11 = (310/39)/11 = 310/429
    expect(report.weighted.precision).toBeCloseTo(225 / 308, EXACT);
    expect(report.weighted.recall).toBeCloseTo(8 / 11, EXACT);
    expect(report.weighted.f1).toBeCloseTo(310 / 429, EXACT);
    expect(report.weighted.support).toBe(11);
  });

  it('3 × 3 with a class never predicted: zero division gives 0', () => {
    const report = classificationReport([[3, 1, 0], [1, 2, 0], [1, 1, 0]], ['basic', 'pro', 'enterprise']);
    const [basic, pro, enterprise] = report.classes;
    // basic: TP 3, predicted 3 + 1 + 1 = 5, support 4 → P 3/5 = 0.6, R 3/4, F1 6/(5 + 4) = 2/3
    expect([basic.precision, basic.recall, basic.f1, basic.support]).toEqual([0.6, 0.75, 6 / 9, 4]);
    // pro: TP 2, predicted 1 + 2 + 1 = 4, support 3 → P 0.5, R 2/3, F1 4/(4 + 3) = 4/7
    expect(pro.precision).toBe(0.5);
    expect(pro.recall).toBeCloseTo(2 / 3, EXACT);
    expect(pro.f1).toBeCloseTo(4 / 7, EXACT);
    // enterprise: never predicted → precision 0/0 → 0 (zero_division=0); TP 0 of 2 → recall 0;
    // F1 = 0 / (0 + 2) = 0
    expect([enterprise.precision, enterprise.recall, enterprise.f1, enterprise.support]).toEqual([0, 0, 0, 2]);
    // accuracy (3 + 2) / 9
    expect(report.accuracy).toBeCloseTo(5 / 9, EXACT);
    // macro: precision (0.6 + 0.5 + 0)/3 = 11/30; recall (3/4 + 2/3 + 0)/3 = (17/12)/3 = 17/36;
    // F1 (2/3 + 4/7 + 0)/3 = (26/21)/3 = 26/63
    expect(report.macro.precision).toBeCloseTo(11 / 30, EXACT);
    expect(report.macro.recall).toBeCloseTo(17 / 36, EXACT);
    expect(report.macro.f1).toBeCloseTo(26 / 63, EXACT);
    // weighted (4, 3, 2 of 9): precision (2.4 + 1.5 + 0)/9 = 13/30; recall (3 + 2 + 0)/9 = 5/9;
    // F1 (4·2/3 + 3·4/7)/9 = (8/3 + 12/7)/9 = (92/21)/9 = 92/189
    expect(report.weighted.precision).toBeCloseTo(13 / 30, EXACT);
    expect(report.weighted.recall).toBeCloseTo(5 / 9, EXACT);
    expect(report.weighted.f1).toBeCloseTo(92 / 189, EXACT);
    expect(report.weighted.support).toBe(9);
  });

  it("matches scikit-learn's documented example to its 2 printed decimals", () => {
    // classification_report([0, 1, 2, 2, 2], [0, 0, 2, 2, 1]) in the scikit-learn docs prints
    //   class 0: 0.50 1.00 0.67 1;  class 1: 0.00 0.00 0.00 1;  class 2: 1.00 0.67 0.80 3
    //   accuracy 0.60;  macro avg 0.50 0.56 0.49;  weighted avg 0.70 0.60 0.61
    const matrix = confusionMatrix(Int32Array.of(0, 1, 2, 2, 2), Int32Array.of(0, 0, 2, 2, 1), 3);
    const report = classificationReport(matrix, ['class 0', 'class 1', 'class 2']);
    const printed = (v: number) => Math.round(v * 100) / 100;
    expect(report.classes.map((c) => [c.precision, c.recall, c.f1].map(printed))).toEqual([
      [0.5, 1, 0.67],
      [0, 0, 0],
      [1, 0.67, 0.8],
    ]);
    expect(printed(report.accuracy)).toBe(0.6);
    expect([report.macro.precision, report.macro.recall, report.macro.f1].map(printed)).toEqual([0.5, 0.56, 0.49]);
    expect([report.weighted.precision, report.weighted.recall, report.weighted.f1].map(printed)).toEqual([0.7, 0.6, 0.61]);
  });

  it('a class with no rows and no predictions scores 0 and still counts in the macro average', () => {
    // Class 2 absent: recall 0/0 → 0, precision 0/0 → 0. Classes 0 and 1 are perfect (1, 1, 1).
    const report = classificationReport([[2, 0, 0], [0, 1, 0], [0, 0, 0]], ['a', 'b', 'c']);
    expect(report.classes[2]).toEqual({ label: 'c', precision: 0, recall: 0, f1: 0, support: 0 });
    expect(report.macro.f1).toBeCloseTo(2 / 3, EXACT); // (1 + 1 + 0) / 3
    expect(report.weighted.f1).toBe(1); // weights 2, 1, 0
    expect(report.accuracy).toBe(1);
  });

  it('an all-zero matrix gives zeros, not NaN', () => {
    const report = classificationReport([[0, 0], [0, 0]], ['a', 'b']);
    expect(report.accuracy).toBe(0);
    expect(report.weighted).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });

  it('throws RangeError for a non-square matrix or the wrong number of names', () => {
    expect(() => classificationReport([[1, 0]], ['a'])).toThrow(RangeError);
    expect(() => classificationReport([[1, 0], [0, 1]], ['a'])).toThrow(RangeError);
    expect(() => classificationReport([], [])).toThrow(RangeError);
  });
});

describe('rocCurve and rocAuc', () => {
  const scores = Float64Array.of(0.1, 0.4, 0.35, 0.8);
  const labels = Int32Array.of(0, 0, 1, 1);

  it("the scikit-learn roc_curve example: one point per score, from (0, 0) at +∞", () => {
    // Sorted high to low: 0.8 (+), 0.4 (−), 0.35 (+), 0.1 (−); 2 positives, 2 negatives.
    // ≥ 0.8: TP 1, FP 0 → (0, 0.5); ≥ 0.4: (0.5, 0.5); ≥ 0.35: (0.5, 1); ≥ 0.1: (1, 1)
    expect(rocCurve(scores, labels)).toEqual({
      fpr: [0, 0, 0.5, 0.5, 1],
      tpr: [0, 0.5, 0.5, 1, 1],
      thresholds: [Infinity, 0.8, 0.4, 0.35, 0.1],
    });
  });

  it('AUC 0.75 on the same list, by counting pairs', () => {
    // Positive–negative pairs: 0.35 > 0.1 ✓, 0.35 > 0.4 ✗, 0.8 > 0.1 ✓, 0.8 > 0.4 ✓ → 3/4.
    // Trapezoids: (0.5 − 0)·(0.5 + 0.5)/2 + (1 − 0.5)·(1 + 1)/2 = 0.25 + 0.5 = 0.75.
    expect(rocAuc(scores, labels)).toBe(0.75);
    expect(rocAuc(scores, Uint8Array.of(0, 0, 1, 1))).toBe(0.75);
  });

  it('tied scores form one step and count 1/2 per tied pair', () => {
    // Positives 0.9, 0.5; negatives 0.5, 0.5, 0.2. Pairs (2 × 3 = 6): 0.9 beats all three (3);
    // 0.5 ties two (2 × 1/2 = 1) and beats 0.2 (1) → 5/6.
    const tied = Float64Array.of(0.5, 0.9, 0.2, 0.5, 0.5);
    const truth = Int32Array.of(0, 1, 0, 1, 0);
    // ≥ 0.9: (0, 1/2); ≥ 0.5: TP 2, FP 2 → (2/3, 1), a diagonal step; ≥ 0.2: (1, 1)
    const curve = rocCurve(tied, truth);
    expect(curve.thresholds).toEqual([Infinity, 0.9, 0.5, 0.2]);
    expect(curve.tpr).toEqual([0, 0.5, 1, 1]);
    expect(curve.fpr).toEqual([0, 0, 2 / 3, 1]);
    // Trapezoids: 0 + (2/3)(1/2 + 1)/2 + (1/3)(1 + 1)/2 = 1/2 + 1/3 = 5/6
    expect(rocAuc(tied, truth)).toBeCloseTo(5 / 6, EXACT);
  });

  it('perfect ranking 1, reversed 0, all tied 1/2', () => {
    const truth = Int32Array.of(0, 0, 1, 1);
    expect(rocAuc(Float64Array.of(0.1, 0.2, 0.3, 0.4), truth)).toBe(1);
    expect(rocAuc(Float64Array.of(0.4, 0.3, 0.2, 0.1), truth)).toBe(0);
    expect(rocAuc(Float64Array.of(0.5, 0.5, 0.5, 0.5), truth)).toBe(0.5);
    expect(rocCurve(Float64Array.of(0.5, 0.5, 0.5, 0.5), truth)).toEqual({ fpr: [0, 1], tpr: [0, 1], thresholds: [Infinity, 0.5] });
  });

  it('equals the Mann–Whitney count and the trapezoid over rocCurve on 500 rows with many ties', () => {
    const rng = createRng(31);
    const n = 500;
    const s = new Float64Array(n);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = rng.next() < 0.3 ? 1 : 0;
      s[i] = Math.round((rng.next() + 0.3 * y[i]) * 10) / 10; // 14 distinct values: many ties
    }
    let wins = 0;
    let pairs = 0;
    for (let i = 0; i < n; i++) {
      if (y[i] !== 1) continue;
      for (let j = 0; j < n; j++) {
        if (y[j] !== 0) continue;
        pairs++;
        wins += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
      }
    }
    const auc = rocAuc(s, y);
    expect(auc).toBeCloseTo(wins / pairs, EXACT);
    const { fpr, tpr } = rocCurve(s, y);
    let area = 0;
    for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
    expect(area).toBeCloseTo(auc, EXACT);
    expect(auc).toBeGreaterThan(0.6); // positives were shifted up by 0.3
  });

  it('throws RangeError when a class is absent or the input is malformed', () => {
    expect(() => rocAuc(Float64Array.of(0.1, 0.9), Int32Array.of(1, 1))).toThrow(RangeError);
    expect(() => rocAuc(Float64Array.of(0.1, 0.9), Int32Array.of(0, 0))).toThrow(RangeError);
    expect(() => rocCurve(Float64Array.of(0.1, 0.9), Int32Array.of(0, 0))).toThrow(RangeError);
    expect(() => rocAuc(Float64Array.of(0.1, 0.9), Int32Array.of(0, 2))).toThrow(RangeError);
    expect(() => rocAuc(Float64Array.of(0.1, NaN), Int32Array.of(0, 1))).toThrow(RangeError);
    expect(() => rocAuc(Float64Array.of(0.1), Int32Array.of(0, 1))).toThrow(RangeError);
  });
});

describe('thresholdConfusion', () => {
  const scores = Float64Array.of(0.1, 0.4, 0.35, 0.8);
  const labels = Int32Array.of(0, 0, 1, 1);

  it('predicts positive when score ≥ threshold', () => {
    // ≥ 0.4: 0.4 (−) FP, 0.8 (+) TP; below: 0.35 (+) FN, 0.1 (−) TN
    expect(thresholdConfusion(scores, labels, 0.4)).toEqual({ tp: 1, fp: 1, tn: 1, fn: 1 });
    // exactly at 0.35: that row counts as predicted positive
    expect(thresholdConfusion(scores, labels, 0.35)).toEqual({ tp: 2, fp: 1, tn: 1, fn: 0 });
    expect(thresholdConfusion(scores, labels, 0.9)).toEqual({ tp: 0, fp: 0, tn: 2, fn: 2 });
    expect(thresholdConfusion(scores, labels, 0)).toEqual({ tp: 2, fp: 2, tn: 0, fn: 0 });
  });

  it('agrees with the ROC points at each threshold', () => {
    const curve = rocCurve(scores, labels);
    curve.thresholds.forEach((t, i) => {
      const { tp, fp } = thresholdConfusion(scores, labels, t);
      expect([fp / 2, tp / 2]).toEqual([curve.fpr[i], curve.tpr[i]]);
    });
  });
});

describe('majorityBaseline', () => {
  it('predicts the most frequent class', () => {
    // Class 1 has 3 of 5 rows → accuracy 3/5
    expect(majorityBaseline(Int32Array.of(0, 1, 1, 2, 1), 3)).toEqual({ label: 1, accuracy: 0.6 });
    // Telco: 5,174 of 7,043 customers stay → 0.7346…
    const telco = new Int32Array(7043).fill(1, 0, 1869);
    expect(majorityBaseline(telco, 2).label).toBe(0);
    expect(majorityBaseline(telco, 2).accuracy).toBeCloseTo(5174 / 7043, EXACT);
  });

  it('a tie goes to the lowest label', () => {
    expect(majorityBaseline(Int32Array.of(1, 0, 1, 0), 2)).toEqual({ label: 0, accuracy: 0.5 });
    expect(majorityBaseline(Int32Array.of(2, 1, 2, 1), 3)).toEqual({ label: 1, accuracy: 0.5 });
  });

  it('throws RangeError without rows or for a label outside 0..classCount−1', () => {
    expect(() => majorityBaseline(new Int32Array(0), 2)).toThrow(RangeError);
    expect(() => majorityBaseline(Int32Array.of(0, 3), 2)).toThrow(RangeError);
  });
});

describe('retention profit', () => {
  // Five customers, ranked; churned = 1.
  const scores = Float64Array.of(0.9, 0.7, 0.6, 0.4, 0.2);
  const churned = Int32Array.of(1, 0, 1, 1, 0);
  // A contacted churner nets 0.4 × 300 − 20 = 100; a contacted stayer −20.
  const economics = { offerCost: 20, savedValue: 300, successRate: 0.4 };

  it('profit at a threshold', () => {
    // ≥ 0.6: customers 0.9 (churner), 0.7 (stayer), 0.6 (churner) → 2 × 100 − 1 × 20 = 180
    expect(retentionProfit(scores, churned, 0.6, economics)).toBeCloseTo(180, EXACT);
    // ≥ 0: everyone → 3 × 100 − 2 × 20 = 260
    expect(retentionProfit(scores, churned, 0, economics)).toBeCloseTo(260, EXACT);
    // above every score: nobody → 0
    expect(retentionProfit(scores, churned, 0.95, economics)).toBe(0);
  });

  it('best threshold scans every distinct score', () => {
    // ≥ 0.9: 100; ≥ 0.7: 80; ≥ 0.6: 180; ≥ 0.4: 280; ≥ 0.2: 260 → 0.4, contacting 4
    const best = bestRetentionThreshold(scores, churned, economics);
    expect(best.threshold).toBe(0.4);
    expect(best.profit).toBeCloseTo(280, EXACT);
    expect(best.contacted).toBe(4);
    for (const t of scores) expect(retentionProfit(scores, churned, t, economics)).toBeLessThanOrEqual(best.profit + 1e-9);
  });

  it('tied scores are contacted together', () => {
    // 0.6 and 0.4 tied at 0.5: ≥ 0.5 contacts 0.9, 0.7 and both tied rows → 3 × 100 − 20 = 280
    const tied = Float64Array.of(0.9, 0.7, 0.5, 0.5, 0.2);
    expect(bestRetentionThreshold(tied, churned, economics)).toEqual({ threshold: 0.5, profit: 280, contacted: 4 });
  });

  it('contacts nobody when no offer pays', () => {
    // A saved churner nets 0.25 × 40 − 20 = −10, a stayer −20: every cut-off loses money.
    const poor = { offerCost: 20, savedValue: 40, successRate: 0.25 };
    expect(bestRetentionThreshold(scores, churned, poor)).toEqual({ threshold: Infinity, profit: 0, contacted: 0 });
    expect(retentionProfit(scores, churned, 0, poor)).toBeCloseTo(3 * -10 + 2 * -20, EXACT);
  });

  it('on equal profit prefers fewer contacts', () => {
    // Churner nets 0.5 × 80 − 20 = 20, stayer −20. ≥ 0.9: 20; ≥ 0.8: 0; ≥ 0.7: 20 → keep 0.9.
    const even = { offerCost: 20, savedValue: 80, successRate: 0.5 };
    expect(bestRetentionThreshold(Float64Array.of(0.9, 0.8, 0.7), Int32Array.of(1, 0, 1), even)).toEqual({ threshold: 0.9, profit: 20, contacted: 1 });
  });

  it('checks the economics: Result for user input, RangeError inside the calculations', () => {
    expect(checkRetentionEconomics(economics)).toEqual({ ok: true, value: economics });
    const bad = checkRetentionEconomics({ offerCost: 20, savedValue: 300, successRate: 1.5 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect([bad.error.code, bad.error.params?.field]).toEqual(['RETENTION_ECONOMICS_INVALID', 'successRate']);
    const negative = checkRetentionEconomics({ offerCost: -1, savedValue: 300, successRate: 0.5 });
    if (!negative.ok) expect(negative.error.params?.field).toBe('offerCost');
    expect(negative.ok).toBe(false);
    expect(checkRetentionEconomics({ offerCost: 1, savedValue: NaN, successRate: 0.5 }).ok).toBe(false);
    expect(() => retentionProfit(scores, churned, 0.5, { offerCost: 20, savedValue: 300, successRate: -0.1 })).toThrow(RangeError);
    expect(() => bestRetentionThreshold(scores, churned, { offerCost: Infinity, savedValue: 300, successRate: 0.5 })).toThrow(RangeError);
  });
});
