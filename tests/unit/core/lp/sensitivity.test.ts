import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import { runGlpk, type RawSolution } from '../../../../src/core/lp/run-glpk';
import { adjacentOptimum, rangeSensitivity, type AdjacentResult, type LpSensitivity } from '../../../../src/core/lp/sensitivity';
import { glpk, parsedLp } from '../../../helpers/lp';

const WYNDOR = 'Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nEnd\n';
const WYNDOR_Z = 'Maximize\n Z: 3 x + 5 y + 2 z\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y + 4 z <= 18\nEnd\n';
const DIET = 'Minimize\n cost: 2 x + 3 y + 4 z\nSubject To\n c1: x + y + z >= 4\n c2: x + 3 y + z >= 6\n c3: x >= 1\nEnd\n';
const MIX = 'Maximize\n Z: 4 x + 3 y + z\nSubject To\n total: x + y + z = 10\n labour: x + 2 y + 3 z <= 20\nBounds\n x <= 6\n y <= 3\nEnd\n';
const FREE = 'Maximize\n Z: 2 x - y - w\nSubject To\n r1: x - y <= 3\n r2: x + y + w <= 5\nBounds\n y free\n -2 <= w <= 8\nEnd\n';
const WORKED = 'Maximize\n Z: 0.1 x1 + 0.2 x2\nSubject To\n money: 0.05 x1 + 0.1 x2 <= 5000\n people: 0.2 x1 + 0.05 x2 <= 10000\nEnd\n';
const DEGENERATE = 'Maximize\n Z: x + y\nSubject To\n a: x + y <= 2\n b: x <= 1\n c: y <= 1\nEnd\n';
const ROW_TIE = 'Maximize\n Z: x + y\nSubject To\n a: x + y <= 4\n b: x - y <= 2\n c: y <= 3\nEnd\n';
const FLOOR = 'Maximize\n obj: 2 y\nSubject To\n cap: y <= 10\n floor: x + z >= 0\nBounds\n z <= 5\nEnd\n';

const budget = (name: string) => parsedLp(readFileSync(resolve(process.cwd(), '../shared/lp', name), 'utf8'));

async function ranged(model: LpModel): Promise<{ solution: RawSolution; sensitivity: LpSensitivity }> {
  const solution = await runGlpk(model, glpk);
  const sensitivity = rangeSensitivity(model, solution);
  if (!sensitivity) throw new Error(`no ranges (${solution.status})`);
  return { solution, sensitivity };
}

/** [allowable decrease, allowable increase] per variable or constraint. */
function rangesOf(s: LpSensitivity) {
  const variables: Record<string, [number, number]> = {};
  const constraints: Record<string, [number, number]> = {};
  for (const v of s.variables) variables[v.variable] = [v.allowableDecrease, v.allowableIncrease];
  for (const c of s.constraints) constraints[c.constraint] = [c.allowableDecrease, c.allowableIncrease];
  return { variables, constraints };
}

function expectRanges(actual: Record<string, [number, number]>, expected: Record<string, [number, number]>) {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [name, pair] of Object.entries(expected)) {
    pair.forEach((value, side) => {
      if (value === Infinity) expect(actual[name][side], `${name}[${side}]`).toBe(Infinity);
      else expect(actual[name][side], `${name}[${side}]`).toBeCloseTo(value, 9);
    });
  }
}

const withRhs = (model: LpModel, name: string, rhs: number): LpModel => ({
  ...model,
  constraints: model.constraints.map((c) => (c.name === name ? { ...c, rhs } : c)),
});
const withCost = (model: LpModel, name: string, objective: number): LpModel => ({
  ...model,
  variables: model.variables.map((v) => (v.name === name ? { ...v, objective } : v)),
});

/**
 * Re-solves around each right-hand side: over the whole range (to its end when finite) the
 * optimum moves by shadow price × step; just past a finite end the slope changes, or the model
 * becomes infeasible. Together they catch a range that is too long as well as too short.
 */
async function checkRhsByResolve(model: LpModel, base: RawSolution, s: LpSensitivity, names: string[]) {
  const z = base.objective!;
  const tolerance = 1e-7 * Math.max(1, Math.abs(z));
  for (const name of names) {
    const c = s.constraints.find((r) => r.constraint === name)!;
    for (const direction of [1, -1]) {
      const allowable = direction > 0 ? c.allowableIncrease : c.allowableDecrease;
      const step = Math.min(allowable, 0.1 * Math.max(1, Math.abs(c.rhs)));
      const atEnd = await runGlpk(withRhs(model, name, c.rhs + direction * step), glpk);
      expect(atEnd.status, `${name} ${direction} inside`).toBe('optimal');
      expect(Math.abs(atEnd.objective! - z - c.shadowPrice * direction * step), `${name} ${direction} inside`).toBeLessThan(tolerance);
      if (!Number.isFinite(allowable)) continue;
      const beyond = Math.max(0.1 * allowable, 1e-3 * Math.max(1, Math.abs(c.rhs)));
      const past = await runGlpk(withRhs(model, name, c.rhs + direction * (allowable + beyond)), glpk);
      if (past.status === 'infeasible') continue;
      expect(past.status).toBe('optimal');
      const slope = (past.objective! - atEnd.objective!) / (direction * beyond);
      expect(Math.abs(slope - c.shadowPrice), `${name} ${direction} beyond`).toBeGreaterThan(1e-6 * Math.max(1, Math.abs(c.shadowPrice)));
    }
  }
}

/**
 * Re-solves around each objective coefficient: at 99 % of the range (the end itself is a tie)
 * the vertex stays; past the end, it moves (or the model becomes unbounded).
 */
async function checkCostsByResolve(model: LpModel, base: RawSolution, s: LpSensitivity, names: string[]) {
  const scale = Math.max(1, ...Object.values(base.values!).map(Math.abs));
  const moved = (values: Record<string, number>) => Math.max(...model.variables.map((v) => Math.abs(values[v.name] - base.values![v.name])));
  for (const name of names) {
    const v = s.variables.find((r) => r.variable === name)!;
    for (const direction of [1, -1]) {
      const allowable = direction > 0 ? v.allowableIncrease : v.allowableDecrease;
      const natural = Math.max(1, Math.abs(v.objective));
      if (allowable > 0) {
        const inside = await runGlpk(withCost(model, name, v.objective + direction * Math.min(0.99 * allowable, natural)), glpk);
        expect(inside.status).toBe('optimal');
        expect(moved(inside.values!), `${name} ${direction} inside`).toBeLessThan(1e-7 * scale);
      }
      if (Number.isFinite(allowable)) {
        const past = await runGlpk(withCost(model, name, v.objective + direction * (allowable + Math.max(0.1 * allowable, 1e-3 * natural))), glpk);
        if (past.status === 'unbounded') continue;
        expect(past.status).toBe('optimal');
        expect(moved(past.values!), `${name} ${direction} beyond`).toBeGreaterThan(1e-7 * scale);
      }
    }
  }
}

async function checkAllByResolve(text: string) {
  const model = parsedLp(text);
  const { solution, sensitivity } = await ranged(model);
  await checkRhsByResolve(model, solution, sensitivity, model.constraints.map((c) => c.name));
  await checkCostsByResolve(model, solution, sensitivity, model.variables.map((v) => v.name));
}

describe('rangeSensitivity', () => {
  it('gives the textbook ranges of the Wyndor production plan', async () => {
    // Optimum (2, 6), Z = 36; basic x, y and the slack of p1 (x ≤ 4, slack 2); duals 0, 1.5, 1.
    // Costs: the vertex of p2 (normal (0, 1)) and p3 (normal (3, 2)) stays optimal while
    // (c_x, c_y) lies in their cone: c_x = 3λ3, c_y = 2λ2' + 2λ3 with λ ≥ 0, so with c_y = 5
    // 0 ≤ c_x ≤ 7.5 (decrease 3, increase 4.5), and with c_x = 3, c_y ≥ 2 (decrease 3).
    // RHS: with p2, p3 binding, y = b2/2 and x = (b3 − b2)/3. p2: x ≥ 0 → b2 ≤ 18, x ≤ 4 →
    // b2 ≥ 6. p3: x ≥ 0 → b3 ≥ 12, x ≤ 4 → b3 ≤ 24. p1 is slack by 2: down to 2, up forever.
    const { sensitivity } = await ranged(parsedLp(WYNDOR));
    const { variables, constraints } = rangesOf(sensitivity);
    expectRanges(variables, { x: [3, 4.5], y: [3, Infinity] });
    expectRanges(constraints, { p1: [2, Infinity], p2: [6, 6], p3: [6, 6] });
    expect(sensitivity.degenerate).toBe(false);
    expect(sensitivity.constraints.map((c) => [c.activity, c.shadowPrice, c.rhs])).toEqual([
      [2, 0, 4],
      [12, 1.5, 12],
      [18, 1, 18],
    ]);
    expect(sensitivity.variables.map((v) => [v.value, v.reducedCost, v.objective])).toEqual([
      [2, 0, 3],
      [6, 0, 5],
    ]);
  });

  it('limits a basic cost by the reduced cost of a nonbasic variable', async () => {
    // Wyndor plus z (cost 2, 4 units of p3): d_z = 2 − 4·1 = −2, so z stays at 0 until its
    // cost rises by 2. The dual of p3 is c_x/3 (x's column), so d_z = 2 − 4c_x/3 ≤ 0 needs
    // c_x ≥ 1.5: the decrease of c_x shrinks from 3 to 1.5. The rest is Wyndor's.
    const { sensitivity } = await ranged(parsedLp(WYNDOR_Z));
    const { variables, constraints } = rangesOf(sensitivity);
    expectRanges(variables, { x: [1.5, 4.5], y: [3, Infinity], z: [Infinity, 2] });
    expectRanges(constraints, { p1: [2, Infinity], p2: [6, 6], p3: [6, 6] });
    expect(sensitivity.variables[2].reducedCost).toBeCloseTo(-2, 12);
  });

  it('ranges a minimisation with ≥ rows (a diet) and a food not bought', async () => {
    // min 2x + 3y + 4z; c1: x + y + z ≥ 4, c2: x + 3y + z ≥ 6, c3: x ≥ 1. Optimum (3, 1, 0),
    // cost 9; duals 1.5 and 0.5 (from y1 + y2 = 2, y1 + 3y2 = 3), c3 slack by 2.
    // z: d = 4 − 1.5 − 0.5 = 2 ≥ 0 at its lower bound: its cost may fall by 2.
    // x, y: (c_x, c_y) in the cone of (1, 1) and (1, 3): c_x ∈ [1, 3], c_y ∈ [2, 6]; d_z stays
    // ≥ 0 at both ends (3 and 1; 2 and 2), so z does not cut them.
    // RHS: x = (3b1 − b2)/2, y = (b2 − b1)/2 with x ≥ 1 (c3) and y ≥ 0:
    // c1: b1 ≤ 6 (+2), b1 ≥ 8/3 (−4/3); c2: b2 ≤ 10 (+4), b2 ≥ 4 (−2). c3 (x = 3): up by 2.
    const { sensitivity } = await ranged(parsedLp(DIET));
    const { variables, constraints } = rangesOf(sensitivity);
    expectRanges(variables, { x: [1, 1], y: [1, 3], z: [2, Infinity] });
    expectRanges(constraints, { c1: [4 / 3, 2], c2: [2, 4], c3: [Infinity, 2] });
    expect(sensitivity.constraints[0].shadowPrice).toBeCloseTo(1.5, 12);
  });

  it('ranges an equality row and variables at their upper bounds', async () => {
    // max 4x + 3y + z; total: x + y + z = 10, labour: x + 2y + 3z ≤ 20, x ≤ 6, y ≤ 3.
    // x, y at their upper bounds, z = 1 basic; dual of total = c_z = 1, labour slack by 5.
    // d_x = 3, d_y = 2 at upper bounds: their costs may fall by 3 and 2, rise forever.
    // z: raising c_z by δ lowers d_x, d_y by δ, so +2 (y would leave its bound); z is forced
    // by the equality, so it may fall forever.
    // total: z = b − 9 ≥ 0 → down 1; labour 12 + 3z ≤ 20 → z ≤ 8/3 → up 5/3.
    const { sensitivity } = await ranged(parsedLp(MIX));
    const { variables, constraints } = rangesOf(sensitivity);
    expectRanges(variables, { x: [3, Infinity], y: [2, Infinity], z: [Infinity, 2] });
    expectRanges(constraints, { total: [1, 5 / 3], labour: [5, Infinity] });
    expect(sensitivity.constraints[0].shadowPrice).toBeCloseTo(1, 12);
  });

  it('ranges a free variable and a negative lower bound', async () => {
    // max 2x − y − w; r1: x − y ≤ 3, r2: x + y + w ≤ 5; y free, −2 ≤ w ≤ 8.
    // w = −2 (at its lower bound), x = 5, y = 2, Z = 10; duals 1.5, 0.5; d_w = −1 − 0.5.
    // x: (c_x, −1) = λ1(1, −1) + λ2(1, 1) with λ2 = (c_x − 1)/2 ≥ 0 → c_x ≥ 1.
    // y: λ1 = (2 − c_y)/2 ≥ 0, λ2 = (2 + c_y)/2 ≥ 0 → c_y ∈ [−2, 2].
    // r1: x = (7 + b1)/2 ≥ 0 → b1 ≥ −7; r2: x = (b2 + 5)/2 ≥ 0 → b2 ≥ −5. y has no bound.
    const { solution, sensitivity } = await ranged(parsedLp(FREE));
    expect(solution.values).toEqual({ x: 5, y: 2, w: -2 });
    const { variables, constraints } = rangesOf(sensitivity);
    expectRanges(variables, { x: [1, Infinity], y: [1, 3], w: [Infinity, 1.5] });
    expectRanges(constraints, { r1: [10, Infinity], r2: [10, Infinity] });
  });

  it('gives ranges for the vertex GLPK returns when the optimum is not unique (worked example)', async () => {
    // GLPK returns (0, 50000): x2 basic, people slack (activity 2500), money binding with
    // dual 2; both reduced costs are 0 (the objective is 2 × money). Basis {x2, r_people}.
    // x1 at its lower bound with d = 0: it enters as soon as c1 rises (increase 0).
    // x2: K = [0.1], ρ = 10, α_x1 = 0.5, α_money = −10: d_x1 = −0.5δ ≤ 0 → δ ≥ 0 (decrease
    // 0); d_money = 2 + 10δ ≥ 0 → δ ≥ −0.2. So c2 may rise forever and not fall.
    // money: x2 = 10 b; people 0.5 b ≤ 10000 → b ≤ 20000 (+15000); x2 ≥ 0 → −5000.
    const { solution, sensitivity } = await ranged(parsedLp(WORKED));
    expect(solution.values!.x1).toBe(0);
    expect(solution.values!.x2).toBeCloseTo(50000, 6);
    const { variables, constraints } = rangesOf(sensitivity);
    expectRanges(variables, { x1: [Infinity, 0], x2: [0, Infinity] });
    expectRanges(constraints, { money: [5000, 15000], people: [7500, Infinity] });
    expect(sensitivity.degenerate).toBe(false);
  });

  it('flags a degenerate vertex and gives one-sided ranges valid for the basis', async () => {
    // (1, 1) lies on a, b and c; GLPK prices b and c at 1 and a at 0. The basis is x, y and
    // the slack of a (at its bound 0). b: raising it pushes a's slack below 0 (+0); lowering
    // it lowers x down to 0 (−1) at price 1. a: price 0 while it rises; falling, it binds.
    const { solution, sensitivity } = await ranged(parsedLp(DEGENERATE));
    expect(solution.duals).toEqual({ a: 0, b: 1, c: 1 });
    expect(sensitivity.degenerate).toBe(true);
    const { variables, constraints } = rangesOf(sensitivity);
    expectRanges(constraints, { a: [0, Infinity], b: [1, 0], c: [1, 0] });
    expectRanges(variables, { x: [1, Infinity], y: [1, Infinity] });
  });

  it('leaves a free variable that GLPK keeps nonbasic at 0 out of the basis', async () => {
    // max x; d: x ≤ 3, c: x + y ≤ 10, f: y − x ≤ 5, y free with cost 0. GLPK stops at x = 3
    // with y nonbasic at 0 (d_y = 0): any cost on y moves it (up to 7, or down forever), so
    // its range is 0 both ways. Basis {x, r_c, r_f}: d moves x alone, until c binds at
    // x = 10 (+7) or x = 0 (−3); c and f keep their slacks 7 and 8.
    const { solution, sensitivity } = await ranged(parsedLp('Maximize\n obj: x\nSubject To\n d: x <= 3\n c: x + y <= 10\n f: y - x <= 5\nBounds\n y free\nEnd\n'));
    expect(solution.values).toEqual({ x: 3, y: 0 });
    const { variables, constraints } = rangesOf(sensitivity);
    expectRanges(variables, { x: [1, Infinity], y: [0, 0] });
    expectRanges(constraints, { d: [3, 7], c: [7, Infinity], f: [8, Infinity] });
    expect(sensitivity.degenerate).toBe(false);
  });

  it.each([
    ['Wyndor', WYNDOR],
    ['Wyndor with a nonbasic product', WYNDOR_Z],
    ['the diet', DIET],
    ['the equality mix', MIX],
    ['free and negative bounds', FREE],
    ['the worked example', WORKED],
    ['the degenerate vertex', DEGENERATE],
  ])('agrees with re-solves on %s', async (_, text) => {
    await checkAllByResolve(text);
  });

  it('agrees with re-solves on budget_n100 for a sample of rows and variables', async () => {
    const model = budget('budget_n100.lp');
    const { solution, sensitivity } = await ranged(model);
    expect(sensitivity.degenerate).toBe(false);
    // Every fourth row and every seventh variable: binding and slack rows, basic and nonbasic.
    const rows = model.constraints.filter((_, i) => i % 4 === 0).map((c) => c.name);
    const variables = model.variables.filter((_, j) => j % 7 === 0).map((v) => v.name);
    const kinds = (names: string[], of: (name: string) => number) => new Set(names.map((name) => Math.abs(of(name)) > 1e-9));
    expect(kinds(rows, (name) => solution.duals![name]).size).toBe(2);
    expect(kinds(variables, (name) => solution.reducedCosts![name]).size).toBe(2);
    await checkRhsByResolve(model, solution, sensitivity, rows);
    await checkCostsByResolve(model, solution, sensitivity, variables);
  }, 60_000);

  it('ranges budget_n1000 consistently with its duals', async () => {
    const model = budget('budget_n1000.lp');
    const { sensitivity } = await ranged(model);
    expect(sensitivity.variables).toHaveLength(1000);
    expect(sensitivity.constraints).toHaveLength(311);
    // A nonbasic variable's cost may move by its reduced cost toward zero; a slack row keeps its slack.
    for (const v of sensitivity.variables) {
      expect(v.allowableIncrease).toBeGreaterThanOrEqual(0);
      expect(v.allowableDecrease).toBeGreaterThanOrEqual(0);
      if (v.value === 0 && v.reducedCost < 0) expect(v.allowableIncrease).toBeCloseTo(-v.reducedCost, 12);
    }
    sensitivity.constraints.forEach((c, i) => {
      const slack = c.rhs - c.activity;
      if (model.constraints[i].op !== '<=' || slack <= 1e-6 * Math.abs(c.rhs)) return;
      expect(c.shadowPrice).toBeCloseTo(0, 9);
      expect(c.allowableIncrease).toBe(Infinity);
      expect(c.allowableDecrease).toBeCloseTo(slack, 6);
    });
  }, 60_000);

  it('gives nothing for an integer program, a solution without duals or a failed solve', async () => {
    const mip = parsedLp('Maximize\n Z: 5 x + 4 y\nSubject To\n a: 6 x + 4 y <= 24\n b: x + 2 y <= 6\nGeneral\n x y\nEnd\n');
    expect(rangeSensitivity(mip, await runGlpk(mip, glpk))).toBeNull();
    const lp = parsedLp(WYNDOR);
    expect(rangeSensitivity(lp, { ...(await runGlpk(lp, glpk)), duals: undefined })).toBeNull();
    const infeasible = parsedLp('Maximize\n obj: x\nSubject To\n low: x >= 5\n high: x <= 3\nEnd\n');
    expect(rangeSensitivity(infeasible, await runGlpk(infeasible, glpk))).toBeNull();
  });

  it('leaves its inputs unchanged', async () => {
    const model = parsedLp(DIET);
    const solution = await runGlpk(model, glpk);
    const before = JSON.stringify([model, solution]);
    deepFreeze(model);
    deepFreeze(solution);
    expect(rangeSensitivity(model, solution)).not.toBeNull();
    expect(JSON.stringify([model, solution])).toBe(before);
  });
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
    // max 2y; cap: y ≤ 10, floor: x + z ≥ 0, z ≤ 5. The optimum is y = 10 with x ≥ 0 and
    // 0 ≤ z ≤ 5 free: vertices (x, z) = (0, 0) and (0, 5), and a ray in x. GLPK returns (0, 0);
    // y is basic; cap and floor bind (floor with dual 0), so the basis needs one more column:
    // the first with a zero reduced cost, x, basic at 0. z entering keeps x + z = 0: x would
    // go below 0 at once (step 0). r_floor entering raises x forever (a ray). No pivot from
    // this basis reaches (0, 5).
    const { solution, result } = await adjacent(parsedLp(FLOOR));
    expect(solution.values).toEqual({ y: 10, x: 0, z: 0 });
    expect(result).toEqual({ kind: 'degenerate' });
  });

  it('reports a ray when the only tie moves forever', async () => {
    // max y; cap: y ≤ 10, lead: x + y ≥ 5. x costs nothing and only loosens lead: x = t ≥ 0
    // stays optimal for every t, with no second vertex on that edge.
    const { result } = await adjacent(parsedLp('Maximize\n obj: y\nSubject To\n cap: y <= 10\n lead: x + y >= 5\nEnd\n'));
    expect(result).toEqual({ kind: 'ray', moved: { kind: 'variable', name: 'x' } });
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
