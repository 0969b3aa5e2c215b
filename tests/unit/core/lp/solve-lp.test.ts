import { describe, expect, it } from 'vitest';
import { solveLp, type LpSolution } from '../../../../src/core/lp/solve-lp';
import { glpk, glpkSolve, parsedLp } from '../../../helpers/lp';

async function solved(text: string): Promise<LpSolution> {
  const result = await solveLp(parsedLp(text), glpkSolve, glpk);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('solveLp', () => {
  it('gives the worked example with its shadow prices and zero reduced costs (alternative optima)', async () => {
    // Objective = 2 × the money row, so the money row's shadow price is 2 and the people
    // row's 0; reduced costs 0.1 − 0.05·2 = 0 and 0.2 − 0.1·2 = 0: both variables could
    // move along the optimal edge.
    const s = await solved('Maximize\n Z: 0.1 x1 + 0.2 x2\nSubject To\n money: 0.05 x1 + 0.1 x2 <= 5000\n people: 0.2 x1 + 0.05 x2 <= 10000\nEnd\n');
    if (s.status !== 'optimal') throw new Error(s.status);
    expect(s.objective).toBeCloseTo(10000, 6);
    expect(s.duals!.money).toBeCloseTo(2, 9);
    expect(s.duals!.people).toBeCloseTo(0, 9);
    expect(s.reducedCosts!.x1).toBeCloseTo(0, 9);
    expect(s.reducedCosts!.x2).toBeCloseTo(0, 9);
    expect(s.activities.money).toBeCloseTo(5000, 6);
  });

  it('solves a production plan as derived by hand', async () => {
    // max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 (Hillier & Lieberman's Wyndor):
    // vertex (2, 6), Z = 36; duals 0, 1.5, 1.
    const s = await solved('Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nEnd\n');
    if (s.status !== 'optimal') throw new Error(s.status);
    expect(s.objective).toBeCloseTo(36, 9);
    expect(s.values).toEqual({ x: 2, y: 6 });
    expect([s.duals!.p1, s.duals!.p2, s.duals!.p3].map((d) => Number(d.toFixed(9)))).toEqual([0, 1.5, 1]);
  });

  it('tells an infeasible pair from an unbounded ray, though the presolver hides both', async () => {
    expect((await solved('Maximize\n obj: x\nSubject To\n low: x >= 5\n high: x <= 3\nEnd\n')).status).toBe('infeasible');
    expect((await solved('Maximize\n obj: x\nSubject To\n c: x - y <= 1\nEnd\n')).status).toBe('unbounded');
  });

  it('solves a small integer program to its integer optimum, without duals', async () => {
    // LP relaxation: (3, 1.5), Z = 21. Integer points: (4, 0) → 20, (3, 1) → 19, (2, 2) → 18.
    const s = await solved('Maximize\n Z: 5 x + 4 y\nSubject To\n a: 6 x + 4 y <= 24\n b: x + 2 y <= 6\nGeneral\n x y\nEnd\n');
    if (s.status !== 'optimal') throw new Error(s.status);
    expect(s.integer).toBe(true);
    expect(s.objective).toBeCloseTo(20, 9);
    expect(s.values).toEqual({ x: 4, y: 0 });
    expect(s.duals).toBeNull();
    expect(s.reducedCosts).toBeNull();
  });
});
