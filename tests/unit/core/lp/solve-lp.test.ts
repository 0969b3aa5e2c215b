import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import type { GlpkResult, LpSolver } from '../../../../src/core/lp/run-glpk';
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

describe('solveLp with integer variables', () => {
  it('says an integer model is infeasible, and explains it on the model', async () => {
    // x ≥ 5 and x ≤ 3 clash for any x; the least change moves one of them by 2.
    const s = await solved('Maximize\n obj: x\nSubject To\n low: x >= 5\n high: x <= 3\nGeneral\n x\nEnd\n');
    expect(s.status).toBe('infeasible');
    expect(s.conflict).toEqual(['low', 'high']);
    expect(s.conflictComplete).toBe(true);
    expect(s.explainedOn).toBe('model');
    expect(s.relaxation!.reduce((t, r) => t + r.by, 0)).toBeCloseTo(2, 9);
  });

  it('says an integer model infeasible only in whole numbers is infeasible', async () => {
    // 2x = 1 needs x = ½; x = 0 or 1 needs the right-hand side moved by 1.
    const s = await solved('Maximize\n obj: x\nSubject To\n c: 2 x = 1\nGeneral\n x\nEnd\n');
    expect(s.status).toBe('infeasible');
    expect(s.conflict).toEqual(['c']);
    expect(s.relaxation).toEqual([{ constraint: 'c', by: 1 }]);
  });

  it('says an integer model with an unbounded relaxation and an integer point is unbounded', async () => {
    // max x + y, x − y ≤ 1, x whole: (t, t) is feasible for every whole t, objective 2t;
    // the direction (1, 1) keeps x − y ≤ 1 and gains 2 per step.
    const s = await solved('Maximize\n obj: x + y\nSubject To\n c: x - y <= 1\nGeneral\n x\nEnd\n');
    expect(s.status).toBe('unbounded');
    expect(s.ray!.gain).toBeCloseTo(2, 9);
    expect(Object.fromEntries(s.ray!.direction.map((d) => [d.variable, d.rate]))).toEqual({ x: 1, y: 1 });
  });
});

describe('solveLp on models GLPK would abort on', () => {
  it('explains a single infeasible row (the filter checks the empty row set without a solve)', async () => {
    // x, y ≥ 0, so x + y ≤ −1 cannot hold; it must move up by 1.
    const s = await solved('Maximize\n obj: x + y\nSubject To\n c: x + y <= -1\nEnd\n');
    expect(s.status).toBe('infeasible');
    expect(s.conflict).toEqual(['c']);
    expect(s.relaxation).toEqual([{ constraint: 'c', by: 1 }]);
    // And GLPK still works afterwards.
    expect((await solved('Maximize\n obj: x\nSubject To\n c: x <= 4\nEnd\n')).objective).toBe(4);
  });

  it('solves a model with no rows and a zero objective', async () => {
    const result = await solveLp({ sense: 'max', variables: [{ name: 'x', objective: 0 }], constraints: [] }, { solver: glpk });
    expect(result.ok && result.value.status).toBe('optimal');
    expect(result.ok && result.value.objective).toBe(0);
    expect(result.ok && result.value.values).toEqual({ x: 0 });
  });
});

describe('solveLp: numbers too large to compute with', () => {
  it('refuses a coefficient above 1e12 in size, naming it', async () => {
    const model: LpModel = { sense: 'max', variables: [{ name: 'x', objective: 1 }], constraints: [{ name: 'c', terms: { x: 1e300 }, op: '<=', rhs: 1 }] };
    const result = await solveLp(model, { solver: glpk });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'LP_MODEL_MAGNITUDE', params: { name: 'c: x' } });
    const objective = await solveLp({ ...model, variables: [{ name: 'x', objective: -2e12 }], constraints: [] }, { solver: glpk });
    expect(objective.ok ? null : objective.error).toMatchObject({ code: 'LP_MODEL_MAGNITUDE', params: { name: 'obj: x' } });
  });

  it('refuses an optimum that overflows instead of calling Infinity optimal', async () => {
    // 1e10 per unit up to 1e300 units: 1e310 is beyond the largest double (≈ 1.8e308).
    const result = await solveLp({ sense: 'max', variables: [{ name: 'x', objective: 1e10, upper: 1e300 }], constraints: [] }, { solver: glpk });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'LP_MODEL_MAGNITUDE', params: { name: 'obj' } });
  });

  it('still solves a model with coefficients of 1e12', async () => {
    const s = await solved('Maximize\n obj: 1000000000000 x\nSubject To\n c: x <= 2\nEnd\n');
    expect(s.objective).toBe(2e12);
  });
});

/**
 * glpk.js, slowed down: call i (0-based) first busy-waits delays[i] ms (0 past the list), then
 * solves for real. Counts the calls. The wait is outside glpk.js's own measure, so these
 * tests give solveLp a clock.
 */
function slowed(delays: number[]) {
  let calls = 0;
  const solver: LpSolver = {
    ...glpk,
    solve(problem, options): GlpkResult {
      const end = Date.now() + (delays[calls++] ?? 0);
      while (Date.now() < end) {
        // busy, as a long solve would be
      }
      return glpk.solve(problem, options) as GlpkResult;
    },
  };
  return { solver, calls: () => calls };
}

describe('solveLp: one time limit for the solve and its analyses', () => {
  const clash = 'Maximize\n obj: x1 + x2 + x3\nSubject To\n budget: x1 + x2 + x3 <= 10\n ca: x1 <= 4\n cb: x2 <= 4\n cc: x3 <= 4\n need: x1 + x2 + x3 >= 20\nEnd\n';

  it('stops explaining when the limit is used up, and says what is missing', async () => {
    // The solve itself (presolved, then plain) runs past the 100 ms limit: no analysis may start.
    const { solver, calls } = slowed([10, 150]);
    const started = Date.now();
    const result = await solveLp(parsedLp(clash), { solver, timeLimitSeconds: 0.1, clock: Date.now });
    const s = result.ok ? result.value : null;
    expect(s?.status).toBe('infeasible');
    expect(calls()).toBe(2);
    expect(Date.now() - started).toBeLessThan(400);
    expect(s?.analysesSkipped).toBe(true);
    expect(s?.conflictComplete).toBe(false);
    expect(s?.conflict).toEqual([]);
    expect(s?.relaxation).toEqual([]);
  });

  it('explains the same model in full without a limit', async () => {
    const result = await solveLp(parsedLp(clash), { solver: slowed([10, 150]).solver });
    const s = result.ok ? result.value : null;
    expect(s?.conflict).toEqual(['budget', 'need']);
    expect(s?.conflictComplete).toBe(true);
    expect(s?.analysesSkipped).toBeUndefined();
  });

  it('skips the unbounded direction when the solve used up the limit', async () => {
    const { solver, calls } = slowed([10, 150]);
    const result = await solveLp(parsedLp('Maximize\n obj: x\nSubject To\n c: x - y <= 1\nEnd\n'), { solver, timeLimitSeconds: 0.1, clock: Date.now });
    const s = result.ok ? result.value : null;
    expect(s?.status).toBe('unbounded');
    expect(calls()).toBe(2);
    expect(s?.ray).toBeUndefined();
    expect(s?.analysesSkipped).toBe(true);
  });

  it('leaves uniqueness open when the limit stops the re-solves that would settle it', async () => {
    // max y with y ≤ 10 and x in [0, 2], z in [0, 5] (rows a and b only restate x, z ≥ 0):
    // every (x, 10, z) is optimal, but GLPK's vertex is degenerate, so only a re-solve
    // shows it. The solve itself takes the whole 100 ms limit: no re-solve may start.
    const box = 'Maximize\n obj: y\nSubject To\n cap: y <= 10\n a: - x - 2 z <= 0\n b: x + z >= 0\nBounds\n x <= 2\n z <= 5\nEnd\n';
    const { solver, calls } = slowed([150]);
    const result = await solveLp(parsedLp(box), { solver, timeLimitSeconds: 0.1, clock: Date.now });
    const s = result.ok ? result.value : null;
    expect(s?.status).toBe('optimal');
    expect(s?.objective).toBe(10);
    expect(calls()).toBe(1);
    expect(s?.alternativeOptima).toBeUndefined();
    expect(s?.analysesSkipped).toBe(true);
    // Without the limit the re-solve finds the second vertex.
    expect((await solved(box)).alternativeOptima).toBe(true);
  });

  it('finds the 2-row conflict of 291 rows of budget_n1000.lp within a 1 s limit', async () => {
    // The first 290 rows of budget_n1000.lp (budget 1,000,000; channel caps summing to
    // 999,664) with a row asking for a total spend of at least 2,000,000: the budget and
    // that row clash (so do the ten caps and that row). A filter in row order took 27 s
    // and named 85 rows.
    const model = parsedLp(readFileSync(resolve(process.cwd(), '../shared/lp/budget_n1000.lp'), 'utf8'));
    model.constraints = model.constraints.slice(0, 290);
    model.constraints.push({ name: 'too_much', terms: Object.fromEntries(model.variables.map((v) => [v.name, 1])), op: '>=', rhs: 2e6 });
    const started = Date.now();
    const result = await solveLp(model, { solver: glpk, timeLimitSeconds: 1 });
    const elapsed = Date.now() - started;
    const s = result.ok ? result.value : null;
    expect(s?.status).toBe('infeasible');
    expect(elapsed).toBeLessThan(1500);
    expect(s?.conflict).toEqual(['budget', 'too_much']);
    expect(s?.conflictComplete).toBe(true);
    expect(s?.relaxation).toHaveLength(1);
    expect(s?.relaxation![0].constraint).toBe('too_much');
    expect(s?.relaxation![0].by).toBeCloseTo(2e6 - 999664, 3);
  });
});
