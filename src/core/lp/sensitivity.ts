/**
 * Sensitivity ranging at an LP optimum, as Excel Solver's Sensitivity Report gives it: how far
 * each objective coefficient and each right-hand side can move before the optimal basis
 * changes. Computed from the basis, not by re-solving: one LU factorisation of the basis
 * kernel, whose inverse gives row j of B⁻¹N for each basic variable and B⁻¹e_i for each
 * binding row.
 *
 * The model is read as A·x − r = 0: n structural columns x_j, then one auxiliary column
 * r_i = a_i·x per row (column −e_i, cost 0). The row's operator and right-hand side become
 * the bounds of r_i, and the reduced cost of r_i is the row dual. glpk.js gives no basis
 * statuses, so the basis is rebuilt from the solution: columns strictly between their bounds
 * are basic; at a degenerate vertex the basis is completed with columns at a bound.
 *
 * The same basis gives a second optimal vertex, when there is one next to GLPK's, by one
 * pivot (adjacentOptimum): cheaper than the re-solve it replaces.
 */
import { lowerOf, record, upperOf, type LpModel } from './lp-model';
import type { RawSolution } from './run-glpk';

export interface VariableRange {
  variable: string;
  value: number;
  reducedCost: number;
  objective: number;
  /** How far the objective coefficient can rise with this basis optimal; Infinity when unlimited. */
  allowableIncrease: number;
  /** How far it can fall (a positive number); Infinity when unlimited. */
  allowableDecrease: number;
}

export interface ConstraintRange {
  constraint: string;
  activity: number;
  shadowPrice: number;
  rhs: number;
  /** How far the right-hand side can rise with the shadow price valid; Infinity when unlimited. */
  allowableIncrease: number;
  /** How far it can fall (a positive number); Infinity when unlimited. */
  allowableDecrease: number;
}

export interface LpSensitivity {
  variables: VariableRange[];
  constraints: ConstraintRange[];
  /** The optimal vertex is degenerate: ranges are valid for this basis, and shadow prices may be one-sided. */
  degenerate: boolean;
}

/** Where a column is: between its bounds (basic, or a nonbasic free column), at one bound, or fixed. */
type Status = 'interior' | 'lower' | 'upper' | 'fixed';

interface Range {
  increase: number;
  decrease: number;
}

/**
 * Objective and right-hand-side ranging for an optimal LP solution, by basis computation
 * (the textbook ratio tests, e.g. Bradley, Hax & Magnanti, Applied Mathematical Programming,
 * ch. 3). Never throws.
 *
 * @param model the model that was solved
 * @param solution its optimal LP solution from runGlpk (with duals and reduced costs)
 * @returns the ranges per variable and per constraint, or null when they cannot be computed:
 *   not an LP optimum, no duals, or no basis consistent with the solution
 * @example rangeSensitivity(model, await runGlpk(model, solver))?.constraints[0].allowableIncrease
 */
export function rangeSensitivity(model: LpModel, solution: RawSolution): LpSensitivity | null {
  const basis = rebuildBasis(model, solution);
  if (!basis) return null;
  const { n, m, rows, columns, lo, up, x, d, status, isBasic, kernelRows, kernelCols, rowPosition, basicPosition } = basis;
  const k = kernelRows.length;
  // Row b of K⁻¹ is ρ for the basic x_(kernelCols[b]); column a is w for the row kernelRows[a].
  const inverse = invert(basis.lu);
  // The parts of A that meet K⁻¹: kernel rows × nonbasic structurals, other rows × basic ones.
  const nonbasicCols = Array.from({ length: n }, (_, j) => j).filter((j) => !isBasic[j]);
  const otherRows = Array.from({ length: m }, (_, i) => i).filter((i) => rowPosition[i] < 0);
  const nonbasicByKernel = select(columns, nonbasicCols, (i) => rowPosition[i]);
  const otherByBasic = select(rows, otherRows, (j) => basicPosition[j]);

  const sigma = model.sense === 'max' ? 1 : -1;
  // A nonbasic column stays optimal while slack_q + δ·sign_q·α ≥ 0 as its reduced cost moves
  // by −δ·α: at a lower bound σ·d_q ≤ 0, at an upper bound σ·d_q ≥ 0 (σ = 1 for max, −1 for
  // min); a fixed column has no condition (sign 0).
  const dualSlack = new Float64Array(n + m);
  const dualSign = new Int8Array(n + m);
  for (let q = 0; q < n + m; q++) {
    const side = status[q] === 'lower' ? 1 : status[q] === 'upper' ? -1 : 0;
    dualSign[q] = side * sigma;
    dualSlack[q] = Math.max(0, -side * sigma * d[q]);
  }
  const keepDualFeasible = (range: Range, q: number, alpha: number) => {
    if (status[q] !== 'interior') tighten(range, dualSlack[q], dualSign[q] * alpha);
    else if (alpha !== 0) range.increase = range.decrease = 0; // a free nonbasic column needs d_q = 0 both ways
  };
  // Keeps basic column c within its bounds while its value moves as x_c + δ·rate.
  const keepPrimalFeasible = (range: Range, c: number, rate: number) => {
    tighten(range, near(x[c], up[c]) ? 0 : up[c] - x[c], -rate);
    tighten(range, near(x[c], lo[c]) ? 0 : x[c] - lo[c], rate);
  };

  // Objective ranging. Raising the cost of basic x_j (kernel position b) by δ moves the duals
  // by δ·ρ, Kᵀ·ρ = e_b, so each nonbasic reduced cost moves by −δ·α_q with α_q = ρ·(column q):
  // row b of B⁻¹N. Entries at rounding level are zeros that cancellation missed.
  const columnMax = nonbasicCols.map((_, t) => maxAbs(nonbasicByKernel.value.subarray(nonbasicByKernel.start[t], nonbasicByKernel.start[t + 1])));
  const variables = model.variables.map((v, j): VariableRange => {
    const range: Range = { increase: Number.POSITIVE_INFINITY, decrease: Number.POSITIVE_INFINITY };
    const b = basicPosition[j];
    if (b < 0) {
      // Nonbasic: only its own reduced cost moves, as d_j + δ.
      keepDualFeasible(range, j, -1);
    } else {
      const rho = inverse.subarray(b * k, (b + 1) * k);
      const rhoMax = maxAbs(rho);
      const { start, index, value } = nonbasicByKernel;
      for (let t = 0; t < nonbasicCols.length; t++) {
        let alpha = 0;
        for (let e = start[t]; e < start[t + 1]; e++) alpha += rho[index[e]] * value[e];
        keepDualFeasible(range, nonbasicCols[t], Math.abs(alpha) <= 1e-9 * rhoMax * columnMax[t] ? 0 : alpha);
      }
      for (let a = 0; a < k; a++) keepDualFeasible(range, n + kernelRows[a], Math.abs(rho[a]) <= 1e-11 * rhoMax ? 0 : -rho[a]);
    }
    return { variable: v.name, value: x[j], reducedCost: d[j], objective: v.objective, allowableIncrease: range.increase, allowableDecrease: range.decrease };
  });

  // RHS ranging. A nonbasic r_i (a binding row) moves with its bound, and the basic columns
  // move by δ·w with B·w = e_i: w_S = K⁻¹·e_i on the basic structurals, w_r = a_r·w_S on the
  // basic auxiliaries.
  const w = new Float64Array(k);
  const constraints = model.constraints.map((c, i): ConstraintRange => {
    const range: Range = { increase: Number.POSITIVE_INFINITY, decrease: Number.POSITIVE_INFINITY };
    const a = rowPosition[i];
    if (a < 0) {
      // Basic r_i keeps its value while its bounds move with the right-hand side.
      keepPrimalFeasible(range, n + i, -1);
    } else {
      for (let b = 0; b < k; b++) w[b] = inverse[b * k + a];
      const wMax = maxAbs(w);
      for (let b = 0; b < k; b++) keepPrimalFeasible(range, kernelCols[b], Math.abs(w[b]) <= 1e-11 * wMax ? 0 : w[b]);
      const { start, index, value } = otherByBasic;
      for (let t = 0; t < otherRows.length; t++) {
        let rate = 0;
        let size = 0;
        for (let e = start[t]; e < start[t + 1]; e++) {
          rate += value[e] * w[index[e]];
          size += Math.abs(value[e] * w[index[e]]);
        }
        keepPrimalFeasible(range, n + otherRows[t], Math.abs(rate) <= 1e-9 * size ? 0 : rate);
      }
    }
    return { constraint: c.name, activity: x[n + i], shadowPrice: d[n + i], rhs: c.rhs, allowableIncrease: range.increase, allowableDecrease: range.decrease };
  });

  return { variables, constraints, degenerate: basis.degenerate };
}

/** What moving one zero reduced-cost column off its bound says about other optima. */
export type AdjacentResult =
  /** No nonbasic column has a zero reduced cost: the optimum is unique (dual nondegenerate). */
  | { kind: 'unique' }
  /** A second optimal vertex, reached by moving `moved` off its bound (one pivot). */
  | { kind: 'vertex'; values: Record<string, number>; objective: number; moved: MovedColumn }
  /**
   * Zero reduced-cost columns exist, but a basic column already at its bound stops each at
   * once (a degenerate vertex): another basis of the same vertex might still move.
   */
  | { kind: 'degenerate' }
  /** Every zero reduced-cost column moves forever: the optimal set is unbounded, with no second vertex along those edges. */
  | { kind: 'ray'; moved: MovedColumn };

export interface MovedColumn {
  kind: 'variable' | 'constraint';
  name: string;
}

/**
 * A second optimal vertex next to the one GLPK returned, by one simplex pivot from the
 * rebuilt basis instead of a re-solve. Each nonbasic column with a zero reduced cost (a
 * variable at a bound, or the auxiliary of a binding row with a zero dual) is moved off its
 * bound along its edge: the kernel rows keep their bounds, so the basic structurals move by
 * Δx_S = −K⁻¹·a_q·Δx_q (for a row, K⁻¹·e_a·Δr_i, as in the RHS ranging) and the other rows
 * with them; the primal ratio test over the basic columns' bounds gives the step. Along such
 * an edge the objective changes by d_q·Δx_q = 0. Candidates are tried variables first, then
 * rows, and the first with a positive, finite step wins. Never throws.
 *
 * @param model the model that was solved
 * @param solution its optimal LP solution from runGlpk (with duals and reduced costs)
 * @returns what the pivot found, or null when no basis can be rebuilt (see rangeSensitivity)
 * @example adjacentOptimum(model, await runGlpk(model, solver)) // { kind: 'vertex', values: { x1: 42857.14, … }, … }
 */
export function adjacentOptimum(model: LpModel, solution: RawSolution): AdjacentResult | null {
  const basis = rebuildBasis(model, solution);
  if (!basis) return null;
  const { n, m, rows, columns, lo, up, x, d, status, isBasic, kernelRows, kernelCols, rowPosition, basicPosition, lu } = basis;
  const k = kernelRows.length;
  // "Zero" as the re-solve method had it: relative to the largest objective coefficient.
  let costScale = 1;
  for (const v of model.variables) costScale = Math.max(costScale, Math.abs(v.objective));
  const zero = 1e-9 * costScale;

  // Each candidate with its direction (+1 up from a lower bound, −1 down from an upper one;
  // a free nonbasic column at 0 may go either way).
  const moves: [number, number][] = [];
  for (let q = 0; q < n + m; q++) {
    if (isBasic[q] || status[q] === 'fixed' || Math.abs(d[q]) > zero) continue;
    if (status[q] === 'lower') moves.push([q, 1]);
    else if (status[q] === 'upper') moves.push([q, -1]);
    else moves.push([q, 1], [q, -1]);
  }
  if (moves.length === 0) return { kind: 'unique' };

  const otherRows = Array.from({ length: m }, (_, i) => i).filter((i) => rowPosition[i] < 0);
  const otherPosition = new Int32Array(m).fill(-1);
  otherRows.forEach((i, t) => (otherPosition[i] = t));
  const otherByBasic = select(rows, otherRows, (j) => basicPosition[j]);
  const columnOf = (q: number): MovedColumn => (q < n ? { kind: 'variable', name: model.variables[q].name } : { kind: 'constraint', name: model.constraints[q - n].name });
  const objectiveAt = (values: Float64Array) => model.variables.reduce((z, v, j) => z + v.objective * values[j], 0);
  const z0 = objectiveAt(x);

  const rhs = new Float64Array(k);
  const rowRate = new Float64Array(otherRows.length);
  let degenerate = false;
  let ray: number | undefined;
  for (const [q, sign] of moves) {
    // Rates per unit step t ≥ 0: Δx_q = sign·t, Δx_S = u·t with K·u = −sign·a_q (kernel rows),
    // or K·u = sign·e_a for the auxiliary of kernel row a; other rows: Δr_o = a_o·Δx.
    rhs.fill(0);
    rowRate.fill(0);
    if (q < n) {
      for (let e = columns.start[q]; e < columns.start[q + 1]; e++) {
        const i = columns.index[e];
        if (rowPosition[i] >= 0) rhs[rowPosition[i]] = -sign * columns.value[e];
        else rowRate[otherPosition[i]] = sign * columns.value[e];
      }
    } else rhs[rowPosition[q - n]] = sign;
    const u = solveLu(lu, rhs);
    const uMax = maxAbs(u);

    // Ratio test: the first basic column to reach a bound, or q at its other bound.
    let step = sign > 0 ? up[q] - x[q] : x[q] - lo[q];
    let blocking = q;
    let blockedAt = sign > 0 ? up[q] : lo[q];
    const limit = (c: number, rate: number) => {
      const bound = rate > 0 ? up[c] : lo[c];
      if (rate === 0 || !Number.isFinite(bound)) return;
      const room = near(x[c], bound) ? 0 : Math.max(0, (bound - x[c]) * Math.sign(rate));
      if (room / Math.abs(rate) < step) {
        step = room / Math.abs(rate);
        blocking = c;
        blockedAt = bound;
      }
    };
    // Entries at rounding level are zeros that cancellation missed (as in the ranging).
    for (let b = 0; b < k; b++) limit(kernelCols[b], Math.abs(u[b]) <= 1e-11 * uMax ? 0 : u[b]);
    const { start, index, value } = otherByBasic;
    for (let t = 0; t < otherRows.length; t++) {
      let rate = rowRate[t];
      let size = Math.abs(rate);
      for (let e = start[t]; e < start[t + 1]; e++) {
        rate += value[e] * u[index[e]];
        size += Math.abs(value[e] * u[index[e]]);
      }
      limit(n + otherRows[t], Math.abs(rate) <= 1e-9 * size ? 0 : rate);
    }
    if (step === Number.POSITIVE_INFINITY) {
      ray ??= q;
      continue;
    }

    // The new vertex: the blocking column exactly on its bound, the rest moved and kept within theirs.
    const next = Float64Array.from(x.subarray(0, n));
    if (q < n) next[q] = x[q] + sign * step;
    for (let b = 0; b < k; b++) {
      const j = kernelCols[b];
      next[j] = Math.min(up[j], Math.max(lo[j], x[j] + u[b] * step));
    }
    if (blocking < n) next[blocking] = blockedAt;
    let moved = false;
    for (let j = 0; j < n && !moved; j++) moved = Math.abs(next[j] - x[j]) > 1e-9 * Math.max(1, Math.abs(x[j]));
    // A zero step (degenerate), or a vertex that rounding pushed off the optimum or out of a row: not this one.
    if (!moved || !feasible(rows, next, lo.subarray(n), up.subarray(n))) {
      degenerate = true;
      continue;
    }
    const objective = objectiveAt(next);
    if (Math.abs(objective - z0) > 1e-9 * Math.max(1, Math.abs(z0))) {
      degenerate = true;
      continue;
    }
    const values = record<number>();
    model.variables.forEach((v, j) => (values[v.name] = next[j]));
    return { kind: 'vertex', values, objective, moved: columnOf(q) };
  }
  return degenerate || ray === undefined ? { kind: 'degenerate' } : { kind: 'ray', moved: columnOf(ray) };
}

/** Every row activity within its bounds, to 1e-9 of the row's size (its bound, or its largest term sum). */
function feasible(rows: Sparse, values: Float64Array, lo: Float64Array, up: Float64Array): boolean {
  for (let i = 0; i < lo.length; i++) {
    let activity = 0;
    let size = 1;
    for (let e = rows.start[i]; e < rows.start[i + 1]; e++) {
      const term = rows.value[e] * values[rows.index[e]];
      activity += term;
      size += Math.abs(term);
    }
    const tolerance = 1e-9 * Math.max(size, Number.isFinite(lo[i]) ? Math.abs(lo[i]) : 0, Number.isFinite(up[i]) ? Math.abs(up[i]) : 0);
    if (activity < lo[i] - tolerance || activity > up[i] + tolerance) return false;
  }
  return true;
}

/** The optimal basis rebuilt from a solution, with the columns' bounds, values and reduced costs. */
interface BasisState {
  n: number;
  m: number;
  /** A by rows and by columns (structurals only). */
  rows: Sparse;
  columns: Sparse;
  /** Bounds, value and reduced cost of all n + m columns (structurals, then one auxiliary per row). */
  lo: Float64Array;
  up: Float64Array;
  x: Float64Array;
  d: Float64Array;
  status: Status[];
  isBasic: Uint8Array;
  kernelRows: number[];
  kernelCols: number[];
  /** Position of row i in kernelRows (−1: its auxiliary is basic), of structural j in kernelCols (−1: nonbasic). */
  rowPosition: Int32Array;
  basicPosition: Int32Array;
  lu: Lu;
  degenerate: boolean;
}

/** Within 1e-9 (relative, at least absolute) of a finite bound. */
function near(value: number, bound: number): boolean {
  return Number.isFinite(bound) && Math.abs(value - bound) <= 1e-9 * Math.max(1, Math.abs(bound));
}

/**
 * The basis of an LP optimum, rebuilt from its values, activities and duals and with its
 * kernel factorised; shared by the ranging and the adjacent-vertex pivot. Null when the
 * solution is not an LP optimum with duals, or no basis is consistent with it.
 */
function rebuildBasis(model: LpModel, solution: RawSolution): BasisState | null {
  const { values, activities, duals, reducedCosts } = solution;
  if (solution.status !== 'optimal' || solution.integer || !values || !activities || !duals || !reducedCosts) return null;
  const n = model.variables.length;
  const m = model.constraints.length;
  const columnIndex = new Map(model.variables.map((v, j) => [v.name, j]));

  // The matrix by rows and by columns. Object.keys, not entries: records are in dictionary mode.
  const names = model.constraints.map((c) => Object.keys(c.terms));
  const nonzeros = names.reduce((sum, keys) => sum + keys.length, 0);
  const rows: Sparse = { start: new Int32Array(m + 1), index: new Int32Array(nonzeros), value: new Float64Array(nonzeros) };
  let filled = 0;
  for (let i = 0; i < m; i++) {
    const terms = model.constraints[i].terms;
    for (const name of names[i]) {
      const j = columnIndex.get(name);
      if (j === undefined) return null;
      if (terms[name] === 0) continue;
      rows.index[filled] = j;
      rows.value[filled++] = terms[name];
    }
    rows.start[i + 1] = filled;
  }
  const columns = transpose(rows, n);

  const lo = new Float64Array(n + m);
  const up = new Float64Array(n + m);
  const x = new Float64Array(n + m);
  const d = new Float64Array(n + m);
  for (const [j, v] of model.variables.entries()) {
    lo[j] = lowerOf(v);
    up[j] = upperOf(v);
    x[j] = values[v.name];
    d[j] = reducedCosts[v.name];
  }
  for (const [i, c] of model.constraints.entries()) {
    lo[n + i] = c.op === '<=' ? Number.NEGATIVE_INFINITY : c.rhs;
    up[n + i] = c.op === '>=' ? Number.POSITIVE_INFINITY : c.rhs;
    x[n + i] = activities[c.name];
    d[n + i] = duals[c.name];
  }
  if (!x.every(Number.isFinite) || !d.every(Number.isFinite)) return null;

  const status: Status[] = [];
  for (let c = 0; c < n + m; c++) {
    status.push(lo[c] === up[c] ? 'fixed' : near(x[c], lo[c]) ? 'lower' : near(x[c], up[c]) ? 'upper' : 'interior');
  }

  // GLPK may leave a free column nonbasic at 0; one at any other value must be basic.
  const freeAtZero = Uint8Array.from(status, (st, c) => Number(st === 'interior' && x[c] === 0 && lo[c] === -Infinity && up[c] === Infinity));
  const basis = chooseBasis(n, m, status, freeAtZero, d, columns);
  if (!basis) return null;
  const rowPosition = new Int32Array(m).fill(-1);
  basis.kernelRows.forEach((i, a) => (rowPosition[i] = a));
  const basicPosition = new Int32Array(n).fill(-1);
  basis.kernelCols.forEach((j, b) => (basicPosition[j] = b));
  return { n, m, rows, columns, lo, up, x, d, status, ...basis, rowPosition, basicPosition };
}

/** Limits δ to slack + δ·rate ≥ 0 (slack ≥ 0). */
function tighten(range: Range, slack: number, rate: number): void {
  const room = Math.max(0, slack);
  if (rate > 0) range.decrease = Math.min(range.decrease, room / rate);
  else if (rate < 0) range.increase = Math.min(range.increase, room / -rate);
}

function maxAbs(v: Float64Array): number {
  let most = 0;
  for (const e of v) most = Math.max(most, Math.abs(e));
  return most;
}

/** A sparse matrix by rows: line t holds index[e], value[e] for start[t] ≤ e < start[t + 1]. */
interface Sparse {
  start: Int32Array;
  index: Int32Array;
  value: Float64Array;
}

/** The same matrix by columns (width: its number of columns). */
function transpose(a: Sparse, width: number): Sparse {
  const lines = a.start.length - 1;
  const start = new Int32Array(width + 1);
  for (let e = 0; e < a.start[lines]; e++) start[a.index[e] + 1]++;
  for (let j = 0; j < width; j++) start[j + 1] += start[j];
  const next = start.slice(0, width);
  const index = new Int32Array(a.start[lines]);
  const value = new Float64Array(a.start[lines]);
  for (let i = 0; i < lines; i++) {
    for (let e = a.start[i]; e < a.start[i + 1]; e++) {
      const slot = next[a.index[e]]++;
      index[slot] = i;
      value[slot] = a.value[e];
    }
  }
  return { start, index, value };
}

/** The given lines of a, their entries renumbered by `renumber` (−1 drops an entry). */
function select(a: Sparse, lines: number[], renumber: (index: number) => number): Sparse {
  const start = new Int32Array(lines.length + 1);
  const index: number[] = [];
  const value: number[] = [];
  lines.forEach((line, t) => {
    for (let e = a.start[line]; e < a.start[line + 1]; e++) {
      const to = renumber(a.index[e]);
      if (to < 0) continue;
      index.push(to);
      value.push(a.value[e]);
    }
    start[t + 1] = index.length;
  });
  return { start, index: Int32Array.from(index), value: Float64Array.from(value) };
}

interface Basis {
  isBasic: Uint8Array;
  /** Rows whose auxiliary column is nonbasic, and the basic structural columns: B restricted to them is K. */
  kernelRows: number[];
  kernelCols: number[];
  lu: Lu;
  degenerate: boolean;
}

/**
 * Rebuilds an optimal basis. Basic auxiliary columns are unit columns, so B is, up to order,
 * [[K, 0], [E, −I]] and only the kernel K (binding rows × basic structurals) is factorised.
 */
function chooseBasis(n: number, m: number, status: Status[], freeAtZero: Uint8Array, d: Float64Array, columns: Sparse): Basis | null {
  const isBasic = new Uint8Array(n + m);
  const definite: number[] = [];
  for (let c = 0; c < n + m; c++) {
    if (status[c] !== 'interior' || freeAtZero[c]) continue;
    isBasic[c] = 1;
    if (c < n) definite.push(c);
  }
  const kernelOf = () => Array.from({ length: m }, (_, i) => i).filter((i) => !isBasic[n + i]);
  let kernelRows = kernelOf();
  if (definite.length > kernelRows.length) return null; // more interior columns than a vertex has
  if (definite.length === kernelRows.length) {
    const lu = factorLu(kernelMatrix(kernelRows, definite, m, columns), definite.length);
    if (lu) return { isBasic, kernelRows, kernelCols: definite, lu, degenerate: false };
  }

  // A degenerate vertex (or dependent interior columns): complete the basis greedily with free
  // columns at 0, then columns at a bound, smallest reduced cost first. GLPK's own final basis
  // consists of zero reduced-cost columns only, so such a completion exists and keeps the
  // duals consistent.
  const t = kernelRows.length;
  const position = new Int32Array(m).fill(-1);
  kernelRows.forEach((i, a) => (position[i] = a));
  const pool: number[] = [];
  for (let c = 0; c < n + m; c++) if ((status[c] !== 'interior' || freeAtZero[c]) && (c < n || position[c - n] >= 0)) pool.push(c);
  pool.sort((p, q) => freeAtZero[q] - freeAtZero[p] || Math.abs(d[p]) - Math.abs(d[q]) || p - q);
  const dualScale = Math.max(1, maxAbs(d));

  // Gaussian elimination with partial pivoting on candidate columns restricted to the kernel rows.
  const reduced: Float64Array[] = [];
  const pivots: number[] = [];
  const used = new Uint8Array(t);
  let degenerate = false;
  for (const c of [...definite, ...pool]) {
    if (reduced.length === t) {
      isBasic[c] = 0; // an interior column left out stays nonbasic, needing a zero reduced cost
      continue;
    }
    const v = new Float64Array(t);
    if (c >= n) v[position[c - n]] = -1;
    else for (let e = columns.start[c]; e < columns.start[c + 1]; e++) if (position[columns.index[e]] >= 0) v[position[columns.index[e]]] = columns.value[e];
    const size = maxAbs(v);
    reduced.forEach((u, p) => {
      const f = v[pivots[p]] / u[pivots[p]];
      if (f !== 0) for (let r = 0; r < t; r++) v[r] -= f * u[r];
    });
    let pivot = -1;
    for (let r = 0; r < t; r++) if (!used[r] && (pivot < 0 || Math.abs(v[r]) > Math.abs(v[pivot]))) pivot = r;
    if (pivot < 0 || Math.abs(v[pivot]) <= 1e-9 * size) {
      isBasic[c] = 0;
      continue;
    }
    if (!isBasic[c]) {
      // A basic column must have a zero reduced cost, or the duals belong to another basis.
      if (Math.abs(d[c]) > 1e-7 * dualScale) return null;
      if (!freeAtZero[c]) degenerate = true;
      isBasic[c] = 1;
    }
    reduced.push(v);
    pivots.push(pivot);
    used[pivot] = 1;
  }
  if (reduced.length < t) return null;
  kernelRows = kernelOf();
  const kernelCols: number[] = [];
  for (let j = 0; j < n; j++) if (isBasic[j]) kernelCols.push(j);
  const lu = factorLu(kernelMatrix(kernelRows, kernelCols, m, columns), kernelCols.length);
  return lu ? { isBasic, kernelRows, kernelCols, lu, degenerate } : null;
}

/** K = A restricted to the given rows and columns, dense and row-major. */
function kernelMatrix(rows: number[], cols: number[], m: number, columns: Sparse): Float64Array {
  const k = rows.length;
  const position = new Int32Array(m).fill(-1);
  rows.forEach((i, a) => (position[i] = a));
  const matrix = new Float64Array(k * k);
  cols.forEach((j, b) => {
    for (let e = columns.start[j]; e < columns.start[j + 1]; e++) if (position[columns.index[e]] >= 0) matrix[position[columns.index[e]] * k + b] = columns.value[e];
  });
  return matrix;
}

/** P·K = L·U in one array (L unit lower, U upper); row a of L·U is row perm[a] of K. */
interface Lu {
  k: number;
  lu: Float64Array;
  perm: Int32Array;
}

/** Dense LU with partial pivoting; null when K is singular. */
function factorLu(a: Float64Array, k: number): Lu | null {
  const perm = Int32Array.from({ length: k }, (_, i) => i);
  const scale = maxAbs(a);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r * k + c]) > Math.abs(a[p * k + c])) p = r;
    if (Math.abs(a[p * k + c]) <= 1e-12 * scale) return null;
    if (p !== c) {
      const row = a.slice(p * k, (p + 1) * k);
      a.copyWithin(p * k, c * k, (c + 1) * k);
      a.set(row, c * k);
      [perm[p], perm[c]] = [perm[c], perm[p]];
    }
    const pivot = a[c * k + c];
    for (let r = c + 1; r < k; r++) {
      const f = (a[r * k + c] /= pivot);
      if (f !== 0) for (let e = c + 1; e < k; e++) a[r * k + e] -= f * a[c * k + e];
    }
  }
  return { k, lu: a, perm };
}

/** Solves K·u = b (P·K = L·U: forward with L on P·b, then back with U). */
function solveLu({ k, lu, perm }: Lu, b: Float64Array): Float64Array {
  const u = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    let sum = b[perm[a]];
    for (let e = 0, at = a * k; e < a; e++, at++) sum -= lu[at] * u[e];
    u[a] = sum;
  }
  for (let a = k - 1; a >= 0; a--) {
    let sum = u[a];
    for (let e = a + 1, at = a * k + e; e < k; e++, at++) sum -= lu[at] * u[e];
    u[a] = sum / lu[a * k + a];
  }
  return u;
}

/** K⁻¹, row-major: row b solves Kᵀ·z = e_b (Kᵀ = Uᵀ·Lᵀ·P), row by row so that zeros cost nothing. */
function invert({ k, lu, perm }: Lu): Float64Array {
  const inverse = new Float64Array(k * k);
  const u = new Float64Array(k);
  for (let b = 0; b < k; b++) {
    u.fill(0);
    u[b] = 1;
    for (let r = b; r < k; r++) {
      const ur = (u[r] /= lu[r * k + r]);
      if (ur !== 0) for (let e = r + 1, at = r * k + e; e < k; e++, at++) u[e] -= lu[at] * ur;
    }
    for (let r = k - 1; r > 0; r--) {
      const ur = u[r];
      if (ur !== 0) for (let e = 0, at = r * k; e < r; e++, at++) u[e] -= lu[at] * ur;
    }
    for (let r = 0; r < k; r++) inverse[b * k + perm[r]] = u[r];
  }
  return inverse;
}
