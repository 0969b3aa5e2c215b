import { describe, expect, it } from 'vitest';
import { solveLp, type LpSolution } from '../../../../src/core/lp/solve-lp';
import { glpk, parsedLp } from '../../../helpers/lp';

async function solved(text: string): Promise<LpSolution> {
  const result = await solveLp(parsedLp(text), { solver: glpk });
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
    expect(s.activities!.money).toBeCloseTo(5000, 6);
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
    expect(s.duals).toBeUndefined();
    expect(s.reducedCosts).toBeUndefined();
  });
});

describe('solveLp, the public entry', () => {
  const worked = 'Maximize\n Z: 0.1 x1 + 0.2 x2\nSubject To\n money: 0.05 x1 + 0.1 x2 <= 5000\n people: 0.2 x1 + 0.05 x2 <= 10000\nEnd\n';

  it('loads its own solver when none is given', async () => {
    const result = await solveLp(parsedLp(worked));
    expect(result.ok && result.value.status).toBe('optimal');
    expect(result.ok && result.value.objective).toBeCloseTo(10000, 6);
  });

  it('finds the second optimal vertex of the worked example', async () => {
    // The optimal set is the edge of the money row between (0, 50000) and the corner with
    // the people row: 0.05 x1 + 0.1 x2 = 5000 and 0.2 x1 + 0.05 x2 = 10000 give
    // x2 = 10000 / 0.35 = 28571.43 and x1 = 100000 − 2 x2 = 42857.14. Both give Z = 10000.
    const s = await solved(worked);
    expect(s.alternativeOptima).toBe(true);
    const vertices = [s.values!, s.alternative!.values].map((v) => [v.x1, v.x2]).sort((a, b) => a[0] - b[0]);
    expect(vertices[0][0]).toBeCloseTo(0, 6);
    expect(vertices[0][1]).toBeCloseTo(50000, 4);
    expect(vertices[1][0]).toBeCloseTo(300000 / 7, 3);
    expect(vertices[1][1]).toBeCloseTo(200000 / 7, 3);
    expect(s.alternative!.objective).toBeCloseTo(10000, 4);
  });

  it('says a unique optimum is unique', async () => {
    const s = await solved('Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nEnd\n');
    expect(s.alternativeOptima).toBe(false);
    expect(s.alternative).toBeUndefined();
  });

  it('names the clashing constraints of an infeasible model', async () => {
    const s = await solved('Maximize\n obj: x + y\nSubject To\n low: x >= 5\n cap: y <= 10\n high: x <= 3\nEnd\n');
    expect(s.status).toBe('infeasible');
    expect(s.conflict).toEqual(['low', 'high']);
    expect(s.values).toBeUndefined();
    expect(s.objective).toBeUndefined();
  });

  it('says which variables an unbounded model lets grow, and where they appear', async () => {
    // max 2x + y with x − y ≤ 1: a direction (dx, dy) ≥ 0 with dx ≤ dy keeps the row; in the
    // box [0, 1]² the best is (1, 1), gaining 3 per step.
    const s = await solved('Maximize\n obj: 2 x + y\nSubject To\n c: x - y <= 1\n cap: w <= 4\nEnd\n');
    expect(s.status).toBe('unbounded');
    expect(s.ray!.gain).toBeCloseTo(3, 9);
    expect(Object.fromEntries(s.ray!.direction.map((d) => [d.variable, d.rate]))).toEqual({ x: 1, y: 1 });
    expect(s.ray!.constraintsOfFirst).toEqual(['c']);
  });

  it('refuses a model with a mistake before solving, naming it', async () => {
    const model = parsedLp(worked);
    const cases: [typeof model, string][] = [
      [{ ...model, variables: [] }, 'LP_MODEL_EMPTY'],
      [{ ...model, variables: [...model.variables, { name: 'x1', objective: 1 }] }, 'LP_MODEL_NAME_DUPLICATE'],
      [{ ...model, constraints: [...model.constraints, { name: 'extra', terms: { x9: 1 }, op: '<=', rhs: 1 }] }, 'LP_MODEL_UNKNOWN_VARIABLE'],
      [{ ...model, constraints: [...model.constraints, { name: 'extra', terms: { x1: Number.NaN }, op: '<=', rhs: 1 }] }, 'LP_MODEL_NUMBER'],
      [{ ...model, constraints: [{ ...model.constraints[0], name: ' ' }] }, 'LP_MODEL_NAME_INVALID'],
      [{ ...model, constraints: [{ ...model.constraints[0], name: '' }] }, 'LP_MODEL_NAME_EMPTY'],
      [{ ...model, variables: [{ name: 'x1', objective: 1, lower: 5, upper: 2 }, model.variables[1]] }, 'LP_MODEL_BOUNDS'],
    ];
    for (const [bad, code] of cases) {
      const result = await solveLp(bad, { solver: glpk });
      expect(result.ok ? 'ok' : result.error.code).toBe(code);
    }
  });

  it('reads variable and constraint names in any script', async () => {
    const s = await solved('Maximize\n 收入: 3 直销 + 2 渠道\nSubject To\n 预算: 直销 + 渠道 <= 10\nBounds\n 直销 <= 4\nEnd\n');
    expect(s.objective).toBeCloseTo(24, 9);
    expect(s.values).toEqual({ 直销: 4, 渠道: 6 });
  });
});
