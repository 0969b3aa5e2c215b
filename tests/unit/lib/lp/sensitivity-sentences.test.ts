import { describe, expect, it } from 'vitest';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import type { LpSensitivity } from '../../../../src/core/lp/sensitivity';
import { constraintSentences, stepFor, variableSentences } from '../../../../src/lib/lp/sensitivity-sentences';

// Wyndor (max 3x + 5y; p1: x ≤ 4; p2: 2y ≤ 12; p3: 3x + 2y ≤ 18), optimum (2, 6), with its
// textbook ranges; plus an unused variable z (return 1, reduced cost −2) and a goal row.
const report: LpSensitivity = {
  degenerate: false,
  variables: [
    { variable: 'x', value: 2, reducedCost: 0, objective: 3, allowableIncrease: 4.5, allowableDecrease: 3 },
    { variable: 'y', value: 6, reducedCost: 0, objective: 5, allowableIncrease: Number.POSITIVE_INFINITY, allowableDecrease: 3 },
    { variable: 'z', value: 0, reducedCost: -2, objective: 1, allowableIncrease: 2, allowableDecrease: Number.POSITIVE_INFINITY },
  ],
  constraints: [
    { constraint: 'p1', activity: 2, shadowPrice: 0, rhs: 4, allowableIncrease: Number.POSITIVE_INFINITY, allowableDecrease: 2 },
    { constraint: 'p2', activity: 12, shadowPrice: 1.5, rhs: 12, allowableIncrease: 6, allowableDecrease: 6 },
    { constraint: 'goal', activity: 500000, shadowPrice: -0.25, rhs: 500000, allowableIncrease: 20000, allowableDecrease: 1000 },
  ],
};

const rows = (sense: 'max' | 'min', extra: LpModel['constraints'] = []): LpModel => ({
  sense,
  variables: [],
  constraints: [
    { name: 'p1', terms: { x: 1 }, op: '<=', rhs: 4 },
    { name: 'p2', terms: { y: 2 }, op: '<=', rhs: 12 },
    { name: 'goal', terms: { x: 1, y: 1 }, op: '>=', rhs: 500000 },
    ...extra,
  ],
});

describe('the sensitivity report in words', () => {
  it('talks of round steps: 1 for small limits, 1,000 for a budget of hundreds of thousands', () => {
    expect([stepFor(12), stepFor(999), stepFor(5000), stepFor(500000), stepFor(2.5e6)]).toEqual([1, 1, 10, 1000, 10000]);
  });

  it('never talks of a step larger than the range in which the price holds', () => {
    expect(stepFor(500000, 15625)).toBe(1000);
    expect(stepFor(500000, 300)).toBe(100);
    expect(stepFor(500000, 3)).toBe(1);
  });

  it('says what a limit is worth and until when', () => {
    const [p1, p2, goal] = constraintSentences(report, rows('max'), { objective: '¥', rows: { goal: '¥' } });
    expect(p1).toEqual({ key: 'lp.sens.rowFree', params: { name: 'p1', amount: 2 }, units: {} });
    // One more unit of p2 is worth 1.5, valid up to 12 + 6 = 18.
    expect(p2).toEqual({ key: 'lp.sens.rowGain', params: { name: 'p2', step: 1, value: 1.5, until: 18 }, units: { value: '¥' } });
    // Raising a goal of ¥500,000 by ¥1,000 costs 0.25 × 1,000 = ¥250, valid up to ¥520,000.
    expect(goal).toEqual({ key: 'lp.sens.rowLoss', params: { name: 'goal', step: 1000, value: 250, until: 520000 }, units: { step: '¥', until: '¥', value: '¥' } });
  });

  it('tells a limit with room to spare, a goal more than met, and a binding limit worth nothing', () => {
    const free: LpSensitivity = {
      degenerate: false,
      variables: [],
      constraints: [
        { constraint: 'p1', activity: 2, shadowPrice: 0, rhs: 4, allowableIncrease: Number.POSITIVE_INFINITY, allowableDecrease: 2 },
        { constraint: 'goal', activity: 500006.875, shadowPrice: 0, rhs: 500000, allowableIncrease: 6.875, allowableDecrease: Number.POSITIVE_INFINITY },
        { constraint: 'p2', activity: 12, shadowPrice: 0, rhs: 12, allowableIncrease: 0, allowableDecrease: 0 },
      ],
    };
    expect(constraintSentences(free, rows('max')).map((s) => [s.key, s.params.amount])).toEqual([
      ['lp.sens.rowFree', 2],
      ['lp.sens.rowExceeded', 6.875],
      ['lp.sens.rowBindsFree', undefined],
    ]);
  });

  it('reads a shadow price the other way round when minimising', () => {
    const [, p2] = constraintSentences(report, rows('min'));
    expect(p2.key).toBe('lp.sens.rowLoss');
  });

  it('says how far a return can move, and what an unused channel lacks', () => {
    const [x, y, z] = variableSentences(report, 'max');
    expect(x).toEqual({ key: 'lp.sens.varBetween', params: { name: 'x', low: 0, high: 7.5, objective: 3 } });
    expect(y).toEqual({ key: 'lp.sens.varDownTo', params: { name: 'y', low: 2, objective: 5 } });
    expect(z).toEqual({ key: 'lp.sens.varEnterMax', params: { name: 'z', by: 2, objective: 1, threshold: 3 } });
  });

  it('says when a coefficient sits on a tie between optimal plans (the worked example)', () => {
    // GLPK returns (0, 50000): c_x1 may not rise at all, c_x2 may not fall at all.
    const tie: LpSensitivity = {
      degenerate: false,
      constraints: [],
      variables: [
        { variable: 'x1', value: 0, reducedCost: 0, objective: 0.1, allowableIncrease: 0, allowableDecrease: Number.POSITIVE_INFINITY },
        { variable: 'x2', value: 50000, reducedCost: 0, objective: 0.2, allowableIncrease: Number.POSITIVE_INFINITY, allowableDecrease: 0 },
      ],
    };
    expect(variableSentences(tie, 'max').map((s) => s.key)).toEqual(['lp.sens.varTieUp', 'lp.sens.varTieDown']);
  });
});
