import { describe, expect, it } from 'vitest';
import { explainInfeasible } from '../../../../src/core/lp/explain-infeasible';
import { glpk, parsedLp } from '../../../helpers/lp';

async function explained(text: string) {
  return explainInfeasible(parsedLp(text), glpk);
}

describe('explainInfeasible', () => {
  it('names the two constraints that cannot hold together, and the least change', async () => {
    // x ≥ 5 and x ≤ 3 clash; y ≤ 10 and x + y ≤ 20 are innocent. The least total change
    // is 2: lower "at least 5" to 3 or raise "at most 3" to 5.
    const e = await explained('Maximize\n obj: x + y\nSubject To\n low: x >= 5\n cap: y <= 10\n high: x <= 3\n sum: x + y <= 20\nEnd\n');
    expect(e.conflict).toEqual(['low', 'high']);
    expect(e.totalRelaxation).toBeCloseTo(2, 9);
    expect(e.relaxation.every((r) => ['low', 'high'].includes(r.constraint))).toBe(true);
  });

  it('finds a conflict of three constraints, none of which can be dropped', async () => {
    // a + b ≥ 10, a ≤ 4, b ≤ 4: any two can hold, not all three; 'other' is innocent.
    const e = await explained('Maximize\n obj: a\nSubject To\n need: a + b >= 10\n other: a - b <= 100\n ca: a <= 4\n cb: b <= 4\nEnd\n');
    expect(e.conflict).toEqual(['need', 'ca', 'cb']);
    expect(e.totalRelaxation).toBeCloseTo(2, 9);
  });

  it('keeps variable bounds in force: a single constraint can clash with a bound', async () => {
    const e = await explained('Minimize\n obj: x\nSubject To\n c: x >= 8\nBounds\n x <= 5\nEnd\n');
    expect(e.conflict).toEqual(['c']);
    expect(e.relaxation).toEqual([{ constraint: 'c', by: 3 }]);
  });
});
