/**
 * A second optimal plan next to the one GLPK returned, by one simplex pivot from the basis
 * rebuilt for the sensitivity ranges (basis.ts) instead of a re-solve: a nonbasic column
 * with a zero reduced cost moves off its bound, the basic columns follow, and the objective
 * does not change. The move ends at another optimal vertex, or runs on forever (the optimal
 * plans are unbounded), or is stopped at once (a degenerate vertex).
 */
import { dropNoise, lineRate, near, rebuildBasis, solveLu, type Sparse } from './basis';
import { record, type LpModel } from './lp-model';
import type { RawSolution } from './run-glpk';

export interface MovedColumn {
  kind: 'variable' | 'constraint';
  name: string;
}

/** One variable's change per unit step along an edge. */
export interface EdgeRate {
  variable: string;
  rate: number;
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
  /**
   * No second vertex along the moves tried, but moving `moved` runs on forever at the same
   * objective: the optimal plans are unbounded. `direction` holds the variables that change
   * (largest |rate| 1, largest first); `values` is GLPK's plan plus one round step along it
   * (see roundStep), itself optimal.
   */
  | { kind: 'ray'; values: Record<string, number>; objective: number; moved: MovedColumn; direction: EdgeRate[] };

/**
 * Tries each nonbasic column with a zero reduced cost (a variable at a bound, or the
 * auxiliary of a binding row with a zero dual), moving it off its bound along its edge: the
 * kernel rows keep their bounds, so the basic structurals move by Δx_S = −K⁻¹·a_q·Δx_q (for
 * a row, K⁻¹·e_a·Δr_i, as in the RHS ranging) and the other rows with them; the primal ratio
 * test over the basic columns' bounds gives the step. Along such an edge the objective
 * changes by d_q·Δx_q = 0. Candidates are tried variables first, then rows; the first with a
 * positive, finite step wins. Without one, a move that runs on forever is reported as a ray
 * (it proves the optimum is not unique; a degenerate move proves nothing). Never throws.
 *
 * @param model the model that was solved
 * @param solution its optimal LP solution from runGlpk (with duals and reduced costs)
 * @returns what the pivot found, or null when no basis can be rebuilt (see rebuildBasis)
 * @example adjacentOptimum(model, await runGlpk(model, solver)) // { kind: 'vertex', values: { x1: 42857.14, … }, … }
 */
export function adjacentOptimum(model: LpModel, solution: RawSolution): AdjacentResult | null {
  const basis = rebuildBasis(model, solution);
  if (!basis) return null;
  const { n, m, rows, columns, lo, up, x, d, status, isBasic, kernelRows, kernelCols, rowPosition, lu, otherRows, otherByBasic, zeroCost } = basis;
  const k = kernelRows.length;

  // Each candidate with its direction (+1 up from a lower bound, −1 down from an upper one;
  // a free nonbasic column at 0 may go either way).
  const moves: [number, number][] = [];
  for (let q = 0; q < n + m; q++) {
    if (isBasic[q] || status[q] === 'fixed' || Math.abs(d[q]) > zeroCost) continue;
    if (status[q] === 'lower') moves.push([q, 1]);
    else if (status[q] === 'upper') moves.push([q, -1]);
    else moves.push([q, 1], [q, -1]);
  }
  if (moves.length === 0) return { kind: 'unique' };

  const otherPosition = new Int32Array(m).fill(-1);
  otherRows.forEach((i, t) => (otherPosition[i] = t));
  const columnOf = (q: number): MovedColumn => (q < n ? { kind: 'variable', name: model.variables[q].name } : { kind: 'constraint', name: model.constraints[q - n].name });
  const objectiveAt = (values: Float64Array) => model.variables.reduce((z, v, j) => z + v.objective * values[j], 0);
  const z0 = objectiveAt(x);
  const sameObjective = (z: number) => Math.abs(z - z0) <= 1e-9 * Math.max(1, Math.abs(z0));
  const valuesOf = (point: Float64Array) => {
    const values = record<number>();
    model.variables.forEach((v, j) => (values[v.name] = point[j]));
    return values;
  };

  const rhs = new Float64Array(k);
  const rowRate = new Float64Array(otherRows.length);
  let ray: Extract<AdjacentResult, { kind: 'ray' }> | undefined;
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
    const uMax = dropNoise(u);

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
    for (let b = 0; b < k; b++) limit(kernelCols[b], u[b]);
    for (let t = 0; t < otherRows.length; t++) limit(n + otherRows[t], lineRate(otherByBasic, t, u, uMax, rowRate[t]));

    // The structurals per unit step: q itself and the basic ones (rounding noise already 0).
    const rate = new Float64Array(n);
    if (q < n) rate[q] = sign;
    for (let b = 0; b < k; b++) rate[kernelCols[b]] = u[b];

    if (step === Number.POSITIVE_INFINITY) {
      ray ??= rayAlong(q, rate);
      continue;
    }

    // The new vertex: the blocking column exactly on its bound, the rest moved and kept within theirs.
    const next = pointAt(rate, step);
    if (blocking < n) next[blocking] = blockedAt;
    // A zero step (degenerate), or a vertex that rounding pushed off the optimum or out of a row: not this one.
    if (!differs(next) || !feasible(rows, next, lo.subarray(n), up.subarray(n))) continue;
    const objective = objectiveAt(next);
    if (!sameObjective(objective)) continue;
    return { kind: 'vertex', values: valuesOf(next), objective, moved: columnOf(q) };
  }
  return ray ?? { kind: 'degenerate' };

  /** x + step·rate on the structurals, each kept within its bounds. */
  function pointAt(rate: Float64Array, step: number): Float64Array {
    const next = Float64Array.from(x.subarray(0, n));
    for (let j = 0; j < n; j++) if (rate[j] !== 0) next[j] = Math.min(up[j], Math.max(lo[j], x[j] + rate[j] * step));
    return next;
  }

  function differs(next: Float64Array): boolean {
    for (let j = 0; j < n; j++) if (Math.abs(next[j] - x[j]) > 1e-9 * Math.max(1, Math.abs(x[j]))) return true;
    return false;
  }

  /** The ray from GLPK's plan along `rate`, with one optimal point on it; undefined when rounding makes that point not optimal. */
  function rayAlong(q: number, rate: Float64Array): Extract<AdjacentResult, { kind: 'ray' }> | undefined {
    let most = 0;
    for (const r of rate) most = Math.max(most, Math.abs(r));
    if (most === 0) return undefined;
    const next = pointAt(rate, roundStep(x.subarray(0, n)) / most);
    if (!differs(next) || !feasible(rows, next, lo.subarray(n), up.subarray(n))) return undefined;
    const objective = objectiveAt(next);
    if (!sameObjective(objective)) return undefined;
    const direction: EdgeRate[] = [];
    model.variables.forEach((v, j) => {
      if (rate[j] !== 0) direction.push({ variable: v.name, rate: rate[j] / most });
    });
    direction.sort((a, b) => Math.abs(b.rate) - Math.abs(a.rate));
    return { kind: 'ray', values: valuesOf(next), objective, moved: columnOf(q), direction };
  }
}

/**
 * How far to go along an unbounded optimal edge for a second plan to show: the power of ten
 * at or below the largest |value| of the plan (at least 1), so the change is visible beside
 * the plan's own numbers and stays round: (5, 3) → 1, (0, 50000) → 10000.
 */
export function roundStep(values: ArrayLike<number>): number {
  let most = 1;
  for (let j = 0; j < values.length; j++) most = Math.max(most, Math.abs(values[j]));
  return 10 ** Math.floor(Math.log10(most));
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
