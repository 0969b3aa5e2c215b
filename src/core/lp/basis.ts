/**
 * The optimal basis of an LP, rebuilt from GLPK's solution: shared by the sensitivity
 * ranging (sensitivity.ts) and the pivot to an adjacent optimal vertex (adjacent-vertex.ts).
 *
 * The model is read as A·x − r = 0: n structural columns x_j, then one auxiliary column
 * r_i = a_i·x per row (column −e_i, cost 0). The row's operator and right-hand side become
 * the bounds of r_i, and the reduced cost of r_i is the row dual. glpk.js gives no basis
 * statuses, so the basis is rebuilt from the solution: columns strictly between their bounds
 * are basic; at a degenerate vertex the basis is completed with columns at a bound. Basic
 * auxiliary columns are unit columns, so only the kernel K (binding rows × basic
 * structurals) is factorised.
 *
 * Also here: the one rule for telling a computed rate from rounding noise (ZERO_RATE), and
 * the one "at its bound" test (near), so that the ranging, the pivot and the re-solve
 * fallback agree.
 */
import { lowerOf, upperOf, type LpModel } from './lp-model';
import type { RawSolution } from './run-glpk';

/** Where a column is: between its bounds (basic, or a nonbasic free column), at one bound, or fixed. */
export type Status = 'interior' | 'lower' | 'upper' | 'fixed';

/** A sparse matrix by rows: line t holds index[e], value[e] for start[t] ≤ e < start[t + 1]. */
export interface Sparse {
  start: Int32Array;
  index: Int32Array;
  value: Float64Array;
}

/** P·K = L·U in one array (L unit lower, U upper); row a of L·U is row perm[a] of K. */
export interface Lu {
  k: number;
  lu: Float64Array;
  perm: Int32Array;
}

/** The optimal basis rebuilt from a solution, with the columns' bounds, values and reduced costs. */
export interface BasisState {
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
  /** Rows whose auxiliary column is nonbasic, and the basic structural columns: B restricted to them is K. */
  kernelRows: number[];
  kernelCols: number[];
  /** Position of row i in kernelRows (−1: its auxiliary is basic), of structural j in kernelCols (−1: nonbasic). */
  rowPosition: Int32Array;
  basicPosition: Int32Array;
  lu: Lu;
  /** Rows whose auxiliary is basic (not in the kernel), and the matrix of those rows over the basic structurals (renumbered to kernel positions). */
  otherRows: number[];
  otherByBasic: Sparse;
  /** The vertex is degenerate: the basis was completed with a column at a bound. */
  degenerate: boolean;
  /** Reduced costs at most this far from 0 count as 0 (a tie): 1e-9 × the largest |objective coefficient|, at least 1e-9. */
  zeroCost: number;
}

/**
 * A computed rate (an entry of B⁻¹·a, or a sum of products with one) counts as zero when it
 * is at most ZERO_RATE × the size of what cancelled to make it: for an entry of a solved
 * vector, the vector's largest entry; for a row's rate Σ a_e·w_e, Σ |a_e| × max |w|, because
 * every w_e carries an error of that order whatever its own size. GLPK's own ratio tests
 * skip |α| < 1e-9 (glp_prim_rtest, glp_dual_rtest), on data it has scaled to about 1.
 */
export const ZERO_RATE = 1e-9;

/** Within 1e-9 (relative, at least absolute) of a finite bound. An infinite bound is never near. */
export function near(value: number, bound: number): boolean {
  return Number.isFinite(bound) && Math.abs(value - bound) <= 1e-9 * Math.max(1, Math.abs(bound));
}

/**
 * Sets to 0 the entries of a solved vector that are rounding noise (|v_b| ≤ ZERO_RATE·max|v|),
 * in place, so that rates computed from it do not carry the noise further.
 * @returns max |v|, the scale for rates computed from v (see lineRate)
 */
export function dropNoise(v: Float64Array): number {
  const most = maxAbs(v);
  for (let b = 0; b < v.length; b++) if (Math.abs(v[b]) <= ZERO_RATE * most) v[b] = 0;
  return most;
}

/**
 * The rate of line t of a (start[t] … start[t + 1]) against a cleaned vector v: own + Σ a_e·v_e,
 * or 0 when that is at rounding level: |rate| ≤ ZERO_RATE·(|own| + vMax·Σ|a_e|).
 * @param own an exactly known part of the rate (not computed from v), 0 by default
 */
export function lineRate(a: Sparse, t: number, v: Float64Array, vMax: number, own = 0): number {
  let rate = own;
  let weight = 0;
  for (let e = a.start[t]; e < a.start[t + 1]; e++) {
    rate += a.value[e] * v[a.index[e]];
    weight += Math.abs(a.value[e]);
  }
  return Math.abs(rate) <= ZERO_RATE * (Math.abs(own) + vMax * weight) ? 0 : rate;
}

export function maxAbs(v: Float64Array): number {
  let most = 0;
  for (const e of v) most = Math.max(most, Math.abs(e));
  return most;
}

/** Reduced costs at most this far from 0 are ties: 1e-9 × the largest |objective coefficient| (at least 1). */
export function zeroCostOf(model: LpModel): number {
  let scale = 1;
  for (const v of model.variables) scale = Math.max(scale, Math.abs(v.objective));
  return 1e-9 * scale;
}

/**
 * The basis of an LP optimum, rebuilt from its values, activities and duals and with its
 * kernel factorised. Never throws.
 * @returns null when the solution is not an LP optimum with duals, or no basis is consistent with it
 * @example rebuildBasis(model, await runGlpk(model, solver))?.kernelCols // basic structurals
 */
export function rebuildBasis(model: LpModel, solution: RawSolution): BasisState | null {
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
  const otherRows = Array.from({ length: m }, (_, i) => i).filter((i) => rowPosition[i] < 0);
  const otherByBasic = select(rows, otherRows, (j) => basicPosition[j]);
  return { n, m, rows, columns, lo, up, x, d, status, ...basis, rowPosition, basicPosition, otherRows, otherByBasic, zeroCost: zeroCostOf(model) };
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
export function select(a: Sparse, lines: number[], renumber: (index: number) => number): Sparse {
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
export function solveLu({ k, lu, perm }: Lu, b: Float64Array): Float64Array {
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
export function invert({ k, lu, perm }: Lu): Float64Array {
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
