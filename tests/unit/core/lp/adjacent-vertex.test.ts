import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { adjacentOptimum, roundStep, type AdjacentResult } from '../../../../src/core/lp/adjacent-vertex';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import { runGlpk, type RawSolution } from '../../../../src/core/lp/run-glpk';
import { glpk, parsedLp } from '../../../helpers/lp';

const WYNDOR = 'Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nEnd\n';
const WORKED = 'Maximize\n Z: 0.1 x1 + 0.2 x2\nSubject To\n money: 0.05 x1 + 0.1 x2 <= 5000\n people: 0.2 x1 + 0.05 x2 <= 10000\nEnd\n';
const ROW_TIE = 'Maximize\n Z: x + y\nSubject To\n a: x + y <= 4\n b: x - y <= 2\n c: y <= 3\nEnd\n';
const DEGENERATE_BOX = 'Maximize\n obj: y\nSubject To\n cap: y <= 10\n a: - x - 2 z <= 0\n b: x + z >= 0\nBounds\n x <= 2\n z <= 5\nEnd\n';
const FLOOR = 'Maximize\n obj: 2 y\nSubject To\n cap: y <= 10\n floor: x + z >= 0\nBounds\n z <= 5\nEnd\n';

const budget = (name: string) => parsedLp(readFileSync(resolve(process.cwd(), '../shared/lp', name), 'utf8'));
const withCost = (model: LpModel, name: string, objective: number): LpModel => ({
  ...model,
  variables: model.variables.map((v) => (v.name === name ? { ...v, objective } : v)),
});

async function adjacent(model: LpModel): Promise<{ solution: RawSolution; result: AdjacentResult }> {
  const solution = await runGlpk(model, glpk);
  const result = adjacentOptimum(model, solution);
  if (!result) throw new Error(`no basis (${solution.status})`);
  return { solution, result };
}

function vertexOf(result: AdjacentResult) {
  if (result.kind !== 'vertex') throw new Error(`expected a vertex, got ${result.kind}`);
  return result;
}

/**
 * A second vertex is a vertex of the same optimum: every bound and row holds, to 1e-9 of the
 * bound or of the row's size (1 + Σ|a_ij·x_j|), and the objective is the same to 1e-9
 * relative. It is also another point: some variable differs by more than 1e-9 relative.
 */
function expectSecondOptimum(model: LpModel, base: RawSolution, values: Record<string, number>, objective: number) {
  for (const v of model.variables) {
    const x = values[v.name];
    const lower = v.lower ?? 0;
    const upper = v.upper ?? Infinity;
    if (Number.isFinite(lower)) expect(x, `${v.name} ≥ ${lower}`).toBeGreaterThanOrEqual(lower - 1e-9 * Math.max(1, Math.abs(lower)));
    if (Number.isFinite(upper)) expect(x, `${v.name} ≤ ${upper}`).toBeLessThanOrEqual(upper + 1e-9 * Math.max(1, Math.abs(upper)));
  }
  for (const c of model.constraints) {
    let activity = 0;
    let size = 1;
    for (const [name, a] of Object.entries(c.terms)) {
      activity += a * values[name];
      size += Math.abs(a * values[name]);
    }
    const tolerance = 1e-9 * Math.max(size, Math.abs(c.rhs));
    if (c.op !== '>=') expect(activity, `${c.name} ≤ ${c.rhs}`).toBeLessThanOrEqual(c.rhs + tolerance);
    if (c.op !== '<=') expect(activity, `${c.name} ≥ ${c.rhs}`).toBeGreaterThanOrEqual(c.rhs - tolerance);
  }
  const z = model.variables.reduce((sum, v) => sum + v.objective * values[v.name], 0);
  const scale = 1e-9 * Math.max(1, Math.abs(base.objective!));
  expect(Math.abs(z - base.objective!)).toBeLessThanOrEqual(scale);
  expect(Math.abs(objective - base.objective!)).toBeLessThanOrEqual(scale);
  expect(model.variables.some((v) => Math.abs(values[v.name] - base.values![v.name]) > 1e-9 * Math.max(1, Math.abs(base.values![v.name])))).toBe(true);
}

/**
 * A budget model with a tie made by hand at GLPK's optimum: the cost of a nonbasic variable
 * lowered by its reduced cost (its d becomes 0), or all costs moved by −y_i·a_i for a binding
 * row (its dual becomes 0, the others and all d unchanged). The old vertex stays optimal with
 * the same duals, so the optimum becomes an edge at least.
 */
function withTie(model: LpModel, solution: RawSolution, on: 'variable' | 'row'): LpModel {
  if (on === 'variable') {
    const tied = model.variables.find((v) => solution.values![v.name] === 0 && solution.reducedCosts![v.name] < -1e-6)!;
    return withCost(model, tied.name, tied.objective - solution.reducedCosts![tied.name]);
  }
  const row = model.constraints.find((c) => Math.abs(solution.duals![c.name]) > 1e-6)!;
  const y = solution.duals![row.name];
  return { ...model, variables: model.variables.map((v) => ({ ...v, objective: v.objective - y * (row.terms[v.name] ?? 0) })) };
}

describe('adjacentOptimum', () => {
  it('pivots the worked example from (0, 50000) to (300000/7, 200000/7)', async () => {
    // Basis {x2, r_people}, kernel K = [0.1] (money × x2); d_x1 = 0.1 − 0.05·2 = 0, so x1
    // enters from its lower bound. Money stays at 5000: Δx2 = −K⁻¹·0.05·t = −0.5t; people
    // = 2500 + 0.2t − 0.025t = 2500 + 0.175t ≤ 10000 → t = 7500/0.175 = 300000/7 (x2 ≥ 0
    // allows t ≤ 100000). x2 = 50000 − 150000/7 = 200000/7; Z = 30000/7 + 40000/7 = 10000.
    const model = parsedLp(WORKED);
    const { solution, result } = await adjacent(model);
    const vertex = vertexOf(result);
    expect(vertex.moved).toEqual({ kind: 'variable', name: 'x1' });
    expect(vertex.values.x1).toBeCloseTo(300000 / 7, 8);
    expect(vertex.values.x2).toBeCloseTo(200000 / 7, 8);
    expect(vertex.objective).toBeCloseTo(10000, 9);
    expectSecondOptimum(model, solution, vertex.values, vertex.objective);
  });

  it('says the Wyndor optimum is unique: no nonbasic column has a zero reduced cost', async () => {
    // Nonbasic: the auxiliaries of p2 and p3, with duals 1.5 and 1; x, y and r_p1 are basic.
    expect((await adjacent(parsedLp(WYNDOR))).result).toEqual({ kind: 'unique' });
  });

  it('moves a binding row with a zero dual (the row is the candidate, not a variable)', async () => {
    // max x + y; a: x + y ≤ 4, b: x − y ≤ 2, c: y ≤ 3. GLPK stops at (3, 1) with a, b binding:
    // (1, 1) = y_a·(1, 1) + y_b·(1, −1) → y_a = 1, y_b = 0. x, y and r_c are basic, so no
    // variable is a candidate; r_b leaves its upper bound 2: x + y = 4, x − y = 2 − t → x =
    // 3 − t/2, y = 1 + t/2. c stops it at y = 3 (t = 4; x ≥ 0 would allow 6): vertex (1, 3).
    const model = parsedLp(ROW_TIE);
    const { solution, result } = await adjacent(model);
    expect(solution.values).toEqual({ x: 3, y: 1 });
    const vertex = vertexOf(result);
    expect(vertex.moved).toEqual({ kind: 'constraint', name: 'b' });
    expect(vertex.values.x).toBeCloseTo(1, 12);
    expect(vertex.values.y).toBeCloseTo(3, 12);
    expectSecondOptimum(model, solution, vertex.values, vertex.objective);
  });

  it('moves a free variable that GLPK keeps nonbasic at 0, upward first', async () => {
    // max x; d: x ≤ 3, c: x + y ≤ 10, f: y − x ≤ 5; y free with cost 0, nonbasic at 0 (d_y = 0).
    // x stays 3 (d binds); y rises until f binds at y = 8 or c at y = 7: vertex (3, 7).
    const model = parsedLp('Maximize\n obj: x\nSubject To\n d: x <= 3\n c: x + y <= 10\n f: y - x <= 5\nBounds\n y free\nEnd\n');
    const { solution, result } = await adjacent(model);
    const vertex = vertexOf(result);
    expect(vertex.moved).toEqual({ kind: 'variable', name: 'y' });
    expect(vertex.values).toEqual({ x: 3, y: 7 });
    expectSecondOptimum(model, solution, vertex.values, vertex.objective);
  });

  it('reports a degenerate vertex where every tie is stopped at once', async () => {
    // max y; cap: y ≤ 10, a: −x − 2z ≤ 0, b: x + z ≥ 0, x ≤ 2, z ≤ 5. a and b only restate
    // x, z ≥ 0, so every (10, x, z) in the box is optimal. GLPK returns (10, 0, 0) with a and
    // b binding at 0 (duals 0): the basis needs two more columns, and the completion takes
    // x and z (d = 0, structurals first), basic at 0. a's auxiliary leaving 0 (−x − 2z = −t,
    // x + z = 0) gives z = t, x = −t; b's (x + z = t, −x − 2z = 0) gives x = 2t, z = −t:
    // each pushes a basic column at 0 below its bound at once. No pivot from this basis moves.
    const { solution, result } = await adjacent(parsedLp(DEGENERATE_BOX));
    expect(solution.values).toEqual({ y: 10, x: 0, z: 0 });
    expect(result).toEqual({ kind: 'degenerate' });
  });

  it('reports a ray from a degenerate vertex when one tie moves forever', async () => {
    // max 2y; cap: y ≤ 10, floor: x + z ≥ 0, z ≤ 5. The optimum is y = 10 with x ≥ 0 and
    // 0 ≤ z ≤ 5 free. GLPK returns (0, 0); y is basic; cap and floor bind (floor with dual 0),
    // so the basis needs one more column: the first with a zero reduced cost, x, basic at 0.
    // z entering keeps x + z = 0: x would go below 0 at once (step 0, proves nothing).
    // floor's auxiliary leaving 0 (x + z = t) raises x = t forever: the optimal plans are
    // unbounded. Direction x: +1; the largest |value| is 10, so the point is x = 10.
    const { solution, result } = await adjacent(parsedLp(FLOOR));
    expect(solution.values).toEqual({ y: 10, x: 0, z: 0 });
    expect(result).toEqual({ kind: 'ray', moved: { kind: 'constraint', name: 'floor' }, direction: [{ variable: 'x', rate: 1 }], values: { y: 10, x: 10, z: 0 }, objective: 20 });
  });

  it('reports a ray when the only tie moves forever', async () => {
    // max y; cap: y ≤ 10, lead: x + y ≥ 5. GLPK returns (y, x) = (10, 0): y basic (kernel
    // cap × y), lead slack (its auxiliary basic). x costs nothing (d_x = 0 − 0) and only
    // loosens lead (rate 1, no upper bound): x = t stays optimal for every t, with no second
    // vertex on that edge. One step of 10 (the power of ten at or below max |value| = 10).
    const { result } = await adjacent(parsedLp('Maximize\n obj: y\nSubject To\n cap: y <= 10\n lead: x + y >= 5\nEnd\n'));
    expect(result).toEqual({ kind: 'ray', moved: { kind: 'variable', name: 'x' }, direction: [{ variable: 'x', rate: 1 }], values: { y: 10, x: 10 }, objective: 10 });
  });

  it('reports a ray along which several variables move, normalised to the largest rate', async () => {
    // max x; cap: x ≤ 4, mix: 2y − 3z = 0. Every (4, 1.5t, t), t ≥ 0, is optimal. GLPK returns
    // (4, 0, 0), a degenerate vertex: x is basic and the completion adds y (d = 0, first by
    // index), basic at 0. z enters from 0 with mix held: y = 1.5z, and nothing bounds either.
    // Rates (y, z) = (1.5, 1), normalised by the largest: (1, 2/3), largest first. The largest
    // |value| is 4, so a step of 1 in y: (4, 1, 2/3).
    const model = parsedLp('Maximize\n obj: x\nSubject To\n cap: x <= 4\n mix: 2 y - 3 z = 0\nEnd\n');
    const { solution, result } = await adjacent(model);
    expect([solution.values!.x, solution.values!.y, solution.values!.z].map(Math.abs)).toEqual([4, 0, 0]);
    if (result.kind !== 'ray') throw new Error(`expected a ray, got ${result.kind}`);
    expect(result.moved).toEqual({ kind: 'variable', name: 'z' });
    expect(result.direction.map((r) => r.variable)).toEqual(['y', 'z']);
    expect(result.direction[0].rate).toBe(1);
    expect(result.direction[1].rate).toBeCloseTo(2 / 3, 15);
    expect(result.values.y).toBeCloseTo(1, 15);
    expect(result.values.z).toBeCloseTo(2 / 3, 15);
    expectSecondOptimum(model, solution, result.values, result.objective);
  });

  it('takes a round step along a ray: a power of ten at or below the largest |value|', () => {
    // max |value| 5 → 1; 0 (at least 1) → 1; 50000 → 10000; 99.5 → 10; 100 → 100.
    expect([[5, 3], [0, 0], [0, -50000], [99.5], [100, 1]].map(roundStep)).toEqual([1, 1, 10000, 10, 100]);
  });

  it.each([['budget_n100.lp'], ['budget_n1000.lp']])('says the optimum of %s is unique, and pivots once a tie is made', async (file) => {
    // As generated, every nonbasic column has |d| ≥ 0.004 (variables) or a dual ≥ 3.6e-5
    // (binding rows), far above the 1e-9 × max|c| that counts as zero.
    const model = budget(file);
    const { solution, result } = await adjacent(model);
    expect(result).toEqual({ kind: 'unique' });
    for (const on of ['variable', 'row'] as const) {
      const tied = withTie(model, solution, on);
      const { solution: again, result: pivot } = await adjacent(tied);
      expect(Math.abs(again.objective! - tied.variables.reduce((z, v) => z + v.objective * solution.values![v.name], 0))).toBeLessThanOrEqual(1e-9 * Math.abs(again.objective!));
      const vertex = vertexOf(pivot);
      expectSecondOptimum(tied, again, vertex.values, vertex.objective);
    }
  }, 60_000);

  it('gives nothing for an integer program or a failed solve, and leaves its inputs unchanged', async () => {
    const mip = parsedLp('Maximize\n Z: 5 x + 4 y\nSubject To\n a: 6 x + 4 y <= 24\n b: x + 2 y <= 6\nGeneral\n x y\nEnd\n');
    expect(adjacentOptimum(mip, await runGlpk(mip, glpk))).toBeNull();
    const infeasible = parsedLp('Maximize\n obj: x\nSubject To\n low: x >= 5\n high: x <= 3\nEnd\n');
    expect(adjacentOptimum(infeasible, await runGlpk(infeasible, glpk))).toBeNull();
    const model = parsedLp(WORKED);
    const solution = await runGlpk(model, glpk);
    const before = JSON.stringify([model, solution]);
    deepFreeze(model);
    deepFreeze(solution);
    expect(adjacentOptimum(model, solution)?.kind).toBe('vertex');
    expect(JSON.stringify([model, solution])).toBe(before);
  });
});


function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  for (const inner of Object.values(value)) deepFreeze(inner);
  Object.freeze(value);
}
