import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findAlternativeOptimum, type AlternativeOptimum } from '../../../../src/core/lp/alternative-optimum';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import { runGlpk, type LpSolver, type RawSolution } from '../../../../src/core/lp/run-glpk';
import { glpk, parsedLp } from '../../../helpers/lp';

const WORKED = 'Maximize\n Z: 0.1 x1 + 0.2 x2\nSubject To\n money: 0.05 x1 + 0.1 x2 <= 5000\n people: 0.2 x1 + 0.05 x2 <= 10000\nEnd\n';
const WYNDOR = 'Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nEnd\n';
const ROW_TIE = 'Maximize\n Z: x + y\nSubject To\n a: x + y <= 4\n b: x - y <= 2\n c: y <= 3\nEnd\n';
const DEGENERATE_BOX = 'Maximize\n obj: y\nSubject To\n cap: y <= 10\n a: - x - 2 z <= 0\n b: x + z >= 0\nBounds\n x <= 2\n z <= 5\nEnd\n';
const FLOOR = 'Maximize\n obj: 2 y\nSubject To\n cap: y <= 10\n floor: x + z >= 0\nBounds\n z <= 5\nEnd\n';

const budget = (name: string) => parsedLp(readFileSync(resolve(process.cwd(), '../shared/lp', name), 'utf8'));

/** glpk.js with its solves counted: the follow-up solves tell the pivot from the re-solve fallback. */
function countingSolver(): { solver: LpSolver; solves: () => number } {
  let solves = 0;
  // Defined, not assigned: glpk.js's own solve is read-only, and the constants are inherited.
  const solve: LpSolver['solve'] = (problem, options) => {
    solves++;
    return glpk.solve(problem, options);
  };
  const solver = Object.create(glpk, { solve: { value: solve } }) as LpSolver;
  return { solver, solves: () => solves };
}

/** Solves once with glpk.js, then looks for a second optimum with a counting solver. */
async function alternativeOf(model: LpModel): Promise<{ solution: RawSolution; alternative: AlternativeOptimum | null; solves: number }> {
  const solution = await runGlpk(model, glpk);
  if (solution.status !== 'optimal') throw new Error(solution.status);
  const { solver, solves } = countingSolver();
  const alternative = await findAlternativeOptimum(model, solution, solver);
  return { solution, alternative, solves: solves() };
}

/**
 * Every bound and row holds, to 1e-9 of the bound or of the row's size (1 + Σ|a_ij·x_j|); the
 * objective is the optimum to `relative`; the point differs from GLPK's.
 */
function expectSecondOptimum(model: LpModel, base: RawSolution, found: AlternativeOptimum, relative: number) {
  const { values } = found;
  for (const v of model.variables) {
    const lower = v.lower ?? 0;
    const upper = v.upper ?? Infinity;
    if (Number.isFinite(lower)) expect(values[v.name], v.name).toBeGreaterThanOrEqual(lower - 1e-9 * Math.max(1, Math.abs(lower)));
    if (Number.isFinite(upper)) expect(values[v.name], v.name).toBeLessThanOrEqual(upper + 1e-9 * Math.max(1, Math.abs(upper)));
  }
  for (const c of model.constraints) {
    let activity = 0;
    let size = 1;
    for (const [name, a] of Object.entries(c.terms)) {
      activity += a * values[name];
      size += Math.abs(a * values[name]);
    }
    const tolerance = 1e-9 * Math.max(size, Math.abs(c.rhs));
    if (c.op !== '>=') expect(activity, c.name).toBeLessThanOrEqual(c.rhs + tolerance);
    if (c.op !== '<=') expect(activity, c.name).toBeGreaterThanOrEqual(c.rhs - tolerance);
  }
  const z = model.variables.reduce((sum, v) => sum + v.objective * values[v.name], 0);
  expect(Math.abs(z - base.objective!)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(base.objective!)));
  expect(Math.abs(found.objective - z)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(z)));
  expect(model.variables.some((v) => Math.abs(values[v.name] - base.values![v.name]) > 1e-9 * Math.max(1, Math.abs(base.values![v.name])))).toBe(true);
}

describe('findAlternativeOptimum', () => {
  it('finds the second vertex of the worked example by a pivot, without solving again', async () => {
    // From (0, 50000), x1 (reduced cost 0.1 − 0.05·2 = 0) enters; money stays at 5000, so
    // x2 = 50000 − 0.5 x1, and people = 2500 + 0.175 x1 reaches 10000 at x1 = 300000/7,
    // x2 = 200000/7. Z = 0.1·300000/7 + 0.2·200000/7 = 10000.
    const model = parsedLp(WORKED);
    const { solution, alternative, solves } = await alternativeOf(model);
    expect(solves).toBe(0);
    expect(alternative!.moved).toEqual({ kind: 'variable', name: 'x1' });
    expect(alternative!.values.x1).toBeCloseTo(300000 / 7, 8);
    expect(alternative!.values.x2).toBeCloseTo(200000 / 7, 8);
    expectSecondOptimum(model, solution, alternative!, 1e-9);
  });

  it('says the Wyndor optimum is unique without solving again', async () => {
    // Duals 0, 1.5, 1 and reduced costs 0 on the basic x, y: no zero-cost move exists.
    const { alternative, solves } = await alternativeOf(parsedLp(WYNDOR));
    expect(alternative).toBeNull();
    expect(solves).toBe(0);
  });

  it('moves a binding row with a zero dual', async () => {
    // From (3, 1), b (dual 0) loosens along a: x + y = 4 until c binds at (1, 3); Z stays 4.
    const model = parsedLp(ROW_TIE);
    const { solution, alternative, solves } = await alternativeOf(model);
    expect(solves).toBe(0);
    expect(alternative!.moved).toEqual({ kind: 'constraint', name: 'b' });
    expect(alternative!.values.x).toBeCloseTo(1, 12);
    expect(alternative!.values.y).toBeCloseTo(3, 12);
    expectSecondOptimum(model, solution, alternative!, 1e-9);
  });

  it('falls back to re-solves at a degenerate vertex of a small model', async () => {
    // max y; cap: y ≤ 10, a: −x − 2z ≤ 0, b: x + z ≥ 0, x ≤ 2, z ≤ 5: a and b only restate
    // x, z ≥ 0, so every (10, x, z) in the box is optimal. GLPK returns (10, 0, 0); the
    // rebuilt basis holds x and z at 0 and every tie (a's and b's auxiliaries) would push one
    // of them below 0 at once. The re-solve maximises x (the first candidate) with y ≥ 10
    // held: x = 2, the vertex (10, 2, 0) with the same Z = 10.
    const model = parsedLp(DEGENERATE_BOX);
    const { solution, alternative, solves } = await alternativeOf(model);
    expect(solves).toBeGreaterThan(0);
    expect(alternative!.moved).toEqual({ kind: 'variable', name: 'x' });
    expect(alternative!.values.x).toBeCloseTo(2, 9);
    expect(alternative!.values.y).toBeCloseTo(10, 9);
    expect(alternative!.direction).toBeUndefined();
    // The re-solve holds the objective to within 1e-9 relative, so allow that much.
    expectSecondOptimum(model, solution, alternative!, 1e-9);
  });

  it('does not re-solve a degenerate vertex of a model with more than 300 variables and constraints', async () => {
    // The same model with 300 extra variables that only cost (d = −1, never a tie): the pivot
    // still finds the vertex degenerate, and a re-solve would cost a full solve.
    const model = parsedLp(DEGENERATE_BOX);
    const padded: LpModel = { ...model, variables: [...model.variables, ...Array.from({ length: 300 }, (_, j) => ({ name: `w${j}`, objective: -1 }))] };
    const { alternative, solves } = await alternativeOf(padded);
    expect(alternative).toBeNull();
    expect(solves).toBe(0);
  });

  it('takes a ray over re-solves at a degenerate vertex where one tie moves forever', async () => {
    // max 2y; cap: y ≤ 10, floor: x + z ≥ 0, z ≤ 5. GLPK returns (y, x, z) = (10, 0, 0) and
    // the basis holds x at 0: z entering is stopped at once, but floor's auxiliary raises x
    // forever at Z = 20, which settles it without a solve. Second plan: x = 10 (one step of
    // 10, the power of ten at or below max |value| = 10).
    const model = parsedLp(FLOOR);
    const { solution, alternative, solves } = await alternativeOf(model);
    expect(solves).toBe(0);
    expect(alternative).toEqual({ values: { y: 10, x: 10, z: 0 }, objective: 20, moved: { kind: 'constraint', name: 'floor' }, direction: [{ variable: 'x', rate: 1 }] });
    expectSecondOptimum(model, solution, alternative!, 1e-12);
  });

  it('reports the unbounded optimal edge when the only tie moves forever', async () => {
    // max y; cap: y ≤ 10, lead: x + y ≥ 5: GLPK returns (y, x) = (10, 0), and x (reduced
    // cost 0, in the slack row lead only) can grow without limit at the same Z = 10.
    const model = parsedLp('Maximize\n obj: y\nSubject To\n cap: y <= 10\n lead: x + y >= 5\nEnd\n');
    const { solution, alternative, solves } = await alternativeOf(model);
    expect(solves).toBe(0);
    expect(alternative).toEqual({ values: { y: 10, x: 10 }, objective: 10, moved: { kind: 'variable', name: 'x' }, direction: [{ variable: 'x', rate: 1 }] });
    expectSecondOptimum(model, solution, alternative!, 1e-12);
  });

  it('says the optimum is not unique when the optimal plans run on without end (review: max 3x, cap, mix)', async () => {
    // max 3x; cap: x ≤ 5, mix: x − y ≤ 2. Z = 3x ≤ 15 by cap, reached by every (5, y) with
    // y ≥ x − 2 = 3: (5, 3) and (5, 100) are both optimal, and there is no second vertex.
    // GLPK stops at (5, 3): x, y basic, cap and mix binding, duals 3 and 0. mix's auxiliary
    // leaves its upper bound 2 (x − y = 2 − t) with cap holding x = 5: y = 3 + t, and no
    // bound stops y. Direction (x, y) = (0, 1); the largest |value| is 5, so the second plan
    // is one step of 10^0 = 1 along it: (5, 4), Z = 15.
    const model = parsedLp('Maximize\n obj: 3 x\nSubject To\n cap: x <= 5\n mix: x - y <= 2\nEnd\n');
    const { solution, alternative, solves } = await alternativeOf(model);
    expect(solution.values).toEqual({ x: 5, y: 3 });
    expect(solves).toBe(0);
    expect(alternative).not.toBeNull();
    expect(alternative!.moved).toEqual({ kind: 'constraint', name: 'mix' });
    expect(alternative!.direction).toEqual([{ variable: 'y', rate: 1 }]);
    expect(alternative!.values).toEqual({ x: 5, y: 4 });
    expect(alternative!.objective).toBe(15);
    expectSecondOptimum(model, solution, alternative!, 1e-12);
  });

  it.each([['budget_n100.lp'], ['budget_n1000.lp']])('checks any second vertex of %s by feasibility and objective, without solving again', async (file) => {
    // As generated the optimum is unique (every nonbasic column has a reduced cost or dual
    // well away from 0); with the cost of a nonbasic variable lowered by its reduced cost it
    // ties, and the pivot must reach another vertex of the same value.
    const model = budget(file);
    const first = await alternativeOf(model);
    expect(first.solves).toBe(0);
    if (first.alternative) expectSecondOptimum(model, first.solution, first.alternative, 1e-9);
    const tied = model.variables.find((v) => first.solution.values![v.name] === 0 && first.solution.reducedCosts![v.name] < -1e-6)!;
    const withTie: LpModel = { ...model, variables: model.variables.map((v) => (v === tied ? { ...v, objective: v.objective - first.solution.reducedCosts![v.name] } : v)) };
    const second = await alternativeOf(withTie);
    expect(second.solves).toBe(0);
    expect(second.alternative).not.toBeNull();
    expectSecondOptimum(withTie, second.solution, second.alternative!, 1e-9);
  }, 60_000);

  it('gives nothing for a solution without duals', async () => {
    const model = parsedLp(WORKED);
    const solution = await runGlpk(model, glpk);
    expect(await findAlternativeOptimum(model, { ...solution, duals: undefined }, glpk)).toBeNull();
  });
});
