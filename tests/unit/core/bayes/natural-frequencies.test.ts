import { describe, expect, it } from 'vitest';
import { iconArray, naturalFrequencies } from '../../../../src/core/bayes/natural-frequencies';

describe('naturalFrequencies', () => {
  it('worked example at 1000: 600 loyal, 480 with good service; 400 not, 80 with; 480/560', () => {
    const tree = naturalFrequencies({ prior: 0.6, likelihood: 0.8, falseAlarm: 0.2 });
    if (!tree.ok) throw new Error(tree.error.message);
    // 1000·0.6 = 600; 600·0.8 = 480, 120 without; 400·0.2 = 80, 320 without; 480 + 80 = 560
    expect(tree.value).toMatchObject({
      population: 1000,
      loyal: 600,
      notLoyal: 400,
      loyalWithEvidence: 480,
      loyalWithoutEvidence: 120,
      notLoyalWithEvidence: 80,
      notLoyalWithoutEvidence: 320,
      withEvidence: 560,
      withoutEvidence: 440,
    });
    expect(tree.value.posterior).toBeCloseTo(6 / 7, 12);
    expect(tree.value.exactPosterior).toBeCloseTo(6 / 7, 12);
  });

  it('rounds each split by largest remainder so children add up to the parent', () => {
    // 100 · (1/3, 2/3) = 33.33, 66.67 → floors 33, 66; 1 left → 66.67 has the larger remainder → 33, 67
    // loyal 33 · (0.5, 0.5) = 16.5, 16.5 → 17, 16 (tie to the first); not loyal 67 · 0.5 = 33.5 → 34, 33
    // with evidence 17 + 34 = 51; posterior from counts 17/51 = 1/3
    const tree = naturalFrequencies({ prior: 1 / 3, likelihood: 0.5, falseAlarm: 0.5 }, 100);
    if (!tree.ok) throw new Error(tree.error.message);
    const t = tree.value;
    expect([t.loyal, t.notLoyal]).toEqual([33, 67]);
    expect([t.loyalWithEvidence, t.loyalWithoutEvidence, t.notLoyalWithEvidence, t.notLoyalWithoutEvidence]).toEqual([17, 16, 34, 33]);
    expect(t.withEvidence).toBe(51);
    expect(t.posterior).toBeCloseTo(1 / 3, 12);
  });

  it('keeps every sum exact for awkward probabilities', () => {
    for (const prior of [0.013, 0.333, 0.5, 0.777, 0.999])
      for (const likelihood of [0, 0.071, 0.5, 0.929, 1])
        for (const falseAlarm of [0, 0.049, 0.51, 1])
          for (const population of [7, 100, 1000, 12345]) {
            const tree = naturalFrequencies({ prior, likelihood, falseAlarm }, population);
            if (!tree.ok) throw new Error(tree.error.message);
            const t = tree.value;
            expect(t.loyal + t.notLoyal).toBe(population);
            expect(t.loyalWithEvidence + t.loyalWithoutEvidence).toBe(t.loyal);
            expect(t.notLoyalWithEvidence + t.notLoyalWithoutEvidence).toBe(t.notLoyal);
            expect(t.withEvidence + t.withoutEvidence).toBe(population);
            // Each count is within 1 of its exact share of its parent.
            expect(Math.abs(t.loyal - population * prior)).toBeLessThan(1);
            expect(Math.abs(t.loyalWithEvidence - t.loyal * likelihood)).toBeLessThan(1);
          }
  });

  it('reads no posterior from the counts when no one shows the evidence', () => {
    // L = F = 0: nobody has the evidence, 0/0
    const tree = naturalFrequencies({ prior: 0.5, likelihood: 0, falseAlarm: 0 });
    expect(tree.ok && tree.value.withEvidence).toBe(0);
    expect(tree.ok && tree.value.posterior).toBeNull();
    expect(tree.ok && tree.value.exactPosterior).toBeNaN();
  });

  it('rejects bad probabilities and populations', () => {
    const bad = naturalFrequencies({ prior: 0.5, likelihood: 1.5, falseAlarm: 0.2 });
    expect(!bad.ok && bad.error.code).toBe('PROBABILITY_OUT_OF_RANGE');
    for (const population of [0, -10, 10.5, NaN]) {
      const tree = naturalFrequencies({ prior: 0.5, likelihood: 0.5, falseAlarm: 0.5 }, population);
      expect(!tree.ok && tree.error.code).toBe('POPULATION_INVALID');
    }
  });
});

describe('iconArray', () => {
  it('100 icons for the worked example: 48, 12, 8, 32', () => {
    // 100·0.6 = 60 loyal: 60·0.8 = 48 with, 12 without; 40 not loyal: 40·0.2 = 8 with, 32 without
    const icons = iconArray({ prior: 0.6, likelihood: 0.8, falseAlarm: 0.2 });
    if (!icons.ok) throw new Error(icons.error.message);
    expect(icons.value.icons).toBe(100);
    expect(icons.value.groups).toEqual([
      { category: 'loyalWithEvidence', count: 48 },
      { category: 'loyalWithoutEvidence', count: 12 },
      { category: 'notLoyalWithEvidence', count: 8 },
      { category: 'notLoyalWithoutEvidence', count: 32 },
    ]);
  });

  it('counts add up to the number of icons', () => {
    // 36 · 0.15 = 5.4 → 5 loyal, 31 not; 5 · 0.9 = 4.5 → 5, 0 (tie to the first); 31 · 0.3 = 9.3 → 9, 22
    const icons = iconArray({ prior: 0.15, likelihood: 0.9, falseAlarm: 0.3 }, 36);
    if (!icons.ok) throw new Error(icons.error.message);
    expect(icons.value.groups.map((g) => g.count)).toEqual([5, 0, 9, 22]);
    expect(icons.value.groups.reduce((n, g) => n + g.count, 0)).toBe(36);
  });
});
