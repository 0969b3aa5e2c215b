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
    // max 2y; cap: y ≤ 10, floor: x + z ≥ 0, z ≤ 5. GLPK returns (y, x, z) = (10, 0, 0); the
    // rebuilt basis holds x at 0, so z entering is stopped at once (x + z = 0 would push x
    // below 0) and floor entering is a ray. The re-solve maximises z with 2y ≥ 20 held: z = 5,
    // the vertex (10, 0, 5) with the same Z = 20.
    const model = parsedLp(FLOOR);
    const { solution, alternative, solves } = await alternativeOf(model);
    expect(solves).toBeGreaterThan(0);
    expect(alternative!.moved).toEqual({ kind: 'variable', name: 'z' });
    expect(alternative!.values.z).toBeCloseTo(5, 9);
    expect(alternative!.values.y).toBeCloseTo(10, 9);
    // The re-solve holds the objective to within 1e-9 relative, so allow that much.
    expectSecondOptimum(model, solution, alternative!, 1e-9);
  });

  it('does not re-solve a degenerate vertex of a model with more than 300 variables and constraints', async () => {
    // The same model with 300 extra variables that only cost (d = −1, never a tie): the pivot
    // still finds the vertex degenerate, and a re-solve would cost a full solve.
    const model = parsedLp(FLOOR);
    const padded: LpModel = { ...model, variables: [...model.variables, ...Array.from({ length: 300 }, (_, j) => ({ name: `w${j}`, objective: -1 }))] };
    const { alternative, solves } = await alternativeOf(padded);
    expect(alternative).toBeNull();
    expect(solves).toBe(0);
  });

  it('reports no second vertex when the only tie moves forever', async () => {
    // max y; cap: y ≤ 10, lead: x + y ≥ 5: x can grow without limit at the same Z.
    const { alternative, solves } = await alternativeOf(parsedLp('Maximize\n obj: y\nSubject To\n cap: y <= 10\n lead: x + y >= 5\nEnd\n'));
    expect(alternative).toBeNull();
    expect(solves).toBe(0);
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
