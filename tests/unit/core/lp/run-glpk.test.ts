import { describe, expect, it } from 'vitest';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import { runGlpk, type GlpkOptions, type GlpkResult, type LpSolver } from '../../../../src/core/lp/run-glpk';
import { glpk, parsedLp } from '../../../helpers/lp';

/**
 * A solver that answers with the given statuses in turn (presolve first), recording each
 * call; each call busy-waits busyMs and reports that time as glpk.js would.
 */
function scripted(statuses: number[], busyMs = 0) {
  const calls: GlpkOptions[] = [];
  const solver: LpSolver = {
    ...glpk,
    solve(_problem, options): GlpkResult {
      calls.push(options);
      const end = Date.now() + busyMs;
      while (Date.now() < end) {
        // The solve "takes" busyMs.
      }
      return { result: { status: statuses[Math.min(calls.length - 1, statuses.length - 1)], z: 0, vars: {} }, time: busyMs / 1000 };
    },
  };
  return { solver, calls };
}

const small = parsedLp('Maximize\n obj: x\nSubject To\n c: x <= 4\nEnd\n');

/** The review's random model (tl2.ts): 1,500 × 1,500, 30 terms a row; GLPK needs ~1.6 s to solve it. */
function slowModel(): LpModel {
  let s = 12345;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const n = 1500;
  const model: LpModel = { sense: 'max', variables: Array.from({ length: n }, (_, j) => ({ name: `x${j}`, objective: rnd(), upper: 10 })), constraints: [] };
  for (let i = 0; i < 1500; i++) {
    const terms: Record<string, number> = {};
    for (let k = 0; k < 30; k++) terms[`x${Math.floor(rnd() * n)}`] = rnd() * 2 - 0.5;
    model.constraints.push({ name: `r${i}`, terms, op: i % 2 ? '>=' : '<=', rhs: i % 2 ? 5 + rnd() * 10 : 20 + rnd() * 10 });
  }
  return model;
}

describe('runGlpk: integer programs', () => {
  it('says a MIP whose relaxation is infeasible is infeasible', async () => {
    // x ≥ 5 and x ≤ 3 leave no x at all, whole or not.
    const s = await runGlpk(parsedLp('Maximize\n obj: x\nSubject To\n low: x >= 5\n high: x <= 3\nGeneral\n x\nEnd\n'), glpk);
    expect(s).toEqual({ status: 'infeasible', integer: true });
  });

  it('says a MIP infeasible only in whole numbers is infeasible', async () => {
    // 2x = 1 holds for x = 0.5 only.
    const s = await runGlpk(parsedLp('Maximize\n obj: x\nSubject To\n c: 2 x = 1\nGeneral\n x\nEnd\n'), glpk);
    expect(s.status).toBe('infeasible');
  });

  it('says a MIP with an integer point and an unbounded relaxation is unbounded', async () => {
    // max x + y, x − y ≤ 1, x whole: (t, t) is feasible for every whole t ≥ 0, objective 2t.
    const s = await runGlpk(parsedLp('Maximize\n obj: x + y\nSubject To\n c: x - y <= 1\nGeneral\n x\nEnd\n'), glpk);
    expect(s.status).toBe('unbounded');
  });

  it('does not call a MIP unbounded when its relaxation is, but no integer point is found', async () => {
    // 2x − 2y = 1 has no whole solution, though x = y + ½ grows without end; branch and
    // bound cannot prove it, so the answer is the time limit's, never 'unbounded'.
    const s = await runGlpk(parsedLp('Maximize\n obj: x + y\nSubject To\n c: 2 x - 2 y = 1\nGeneral\n x y\nEnd\n'), glpk, { timeLimitSeconds: 0.3 });
    expect(s.status).toBe('time-limit');
  });

  it('takes an integer variable with fractional bounds (GLPK would refuse them)', async () => {
    // x whole in [0.5, 3.5] is x in {1, 2, 3}: max x = 3. In [0.2, 0.8] there is none.
    const s = await runGlpk(parsedLp('Maximize\n obj: x\nSubject To\n c: x + y >= 1\nBounds\n 0.5 <= x <= 3.5\nGeneral\n x\nEnd\n'), glpk);
    expect(s.status).toBe('optimal');
    expect(s.values!.x).toBe(3);
    const none = await runGlpk(parsedLp('Maximize\n obj: x\nSubject To\n c: x + y >= 1\nBounds\n 0.2 <= x <= 0.8\nGeneral\n x\nEnd\n'), glpk);
    expect(none.status).toBe('infeasible');
  });

  it('says infeasible when the MIP presolver of GLPK aborts on a model whose relaxation is infeasible', async () => {
    // Found by a random search: glp_intopt's presolver stops on "Assertion failed: q->lb <
    // q->ub" (npp3.c) and glpk.js throws. The relaxation is infeasible: add r1 and r4
    // (4 ≤ −3x0 + 3x1 − x4 and 10 ≤ −2x0 − 3x1 − x2 − 3x3 + x4) to get
    // 14 ≤ −5x0 − x2 − 3x3, impossible for x0, x2, x3 ≥ 0.
    const model: LpModel = {
      sense: 'max',
      variables: [
        { name: 'x0', objective: -2, integer: true, lower: 0, upper: 9 },
        { name: 'x1', objective: 1 },
        { name: 'x2', objective: 1 },
        { name: 'x3', objective: 5, integer: true, lower: 0, upper: 5 },
        { name: 'x4', objective: -3, lower: Number.NEGATIVE_INFINITY },
      ],
      constraints: [
        { name: 'r0', terms: { x1: 1, x2: 3, x4: -1 }, op: '=', rhs: 13 },
        { name: 'r1', terms: { x0: -3, x1: 3, x4: -1 }, op: '>=', rhs: 4 },
        { name: 'r2', terms: { x2: 2, x3: -1 }, op: '>=', rhs: 6 },
        { name: 'r3', terms: { x1: 1, x2: -2, x3: -2, x4: 3 }, op: '<=', rhs: 6 },
        { name: 'r4', terms: { x0: -2, x1: -3, x2: -1, x3: -3, x4: 1 }, op: '>=', rhs: 10 },
        { name: 'r5', terms: { x1: 3, x2: 1 }, op: '>=', rhs: 1 },
        { name: 'r6', terms: { x1: 3, x2: 1, x4: 3 }, op: '<=', rhs: 9 },
        { name: 'r7', terms: { x0: -2, x1: 6, x2: 4, x4: -4 }, op: '=', rhs: -1 },
        { name: 'r8', terms: { x0: 2, x1: 1, x3: -3, x4: -2 }, op: '>=', rhs: 12 },
      ],
    };
    expect(await runGlpk(model, glpk)).toEqual({ status: 'infeasible', integer: true });
  });

  it('reads a first-pass GLP_NOFEAS as infeasible without solving again', async () => {
    const { solver, calls } = scripted([glpk.GLP_NOFEAS]);
    expect((await runGlpk(small, solver)).status).toBe('infeasible');
    expect(calls).toHaveLength(1);
  });
});

describe('runGlpk: statuses that prove nothing', () => {
  it('never reads GLP_INFEAS (phase one interrupted) as infeasible', async () => {
    // Presolved: UNDEF; plain simplex: INFEAS, as when the time limit stops phase one.
    expect((await runGlpk(small, scripted([glpk.GLP_UNDEF, glpk.GLP_INFEAS]).solver, { timeLimitSeconds: 10 })).status).toBe('time-limit');
    expect((await runGlpk(small, scripted([glpk.GLP_UNDEF, glpk.GLP_INFEAS]).solver)).status).toBe('undefined');
    expect((await runGlpk(small, scripted([glpk.GLP_INFEAS]).solver, { timeLimitSeconds: 10 })).status).toBe('time-limit');
    expect((await runGlpk(small, scripted([glpk.GLP_INFEAS]).solver)).status).toBe('undefined');
  });

  it('says time-limit when the limit stops phase one of a real model', async () => {
    const started = Date.now();
    const s = await runGlpk(slowModel(), glpk, { timeLimitSeconds: 0.05, clock: Date.now });
    expect(s.status).toBe('time-limit');
    expect(s.objective).toBeUndefined();
    // One limit: building the problem takes ~150 ms, the solves at most the 50 ms left.
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['on the caller\'s clock', Date.now],
    ['in solver seconds, without a clock', undefined],
  ])('gives the re-solve without presolver only the time the first solve left (%s)', async (_, clock) => {
    // The first solve uses 120 ms of a 200 ms limit: the second may take at most 80 ms.
    const { solver, calls } = scripted([glpk.GLP_UNDEF, glpk.GLP_INFEAS], 120);
    const s = await runGlpk(small, solver, { timeLimitSeconds: 0.2, clock });
    expect(s.status).toBe('time-limit');
    expect(calls.map((c) => c.presol)).toEqual([true, false]);
    expect(calls[0].tmlim).toBeCloseTo(0.2, 2);
    expect(calls[1].tmlim).toBeGreaterThan(0);
    expect(calls[1].tmlim).toBeLessThanOrEqual(0.081);
  });

  it.each([
    ['on the caller\'s clock', Date.now],
    ['in solver seconds, without a clock', undefined],
  ])('does not solve again when the first solve used up the limit (%s)', async (_, clock) => {
    const { solver, calls } = scripted([glpk.GLP_UNDEF, glpk.GLP_NOFEAS], 60);
    expect((await runGlpk(small, solver, { timeLimitSeconds: 0.05, clock })).status).toBe('time-limit');
    expect(calls).toHaveLength(1);
  });
});
