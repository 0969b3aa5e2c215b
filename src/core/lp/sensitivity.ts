/**
 * Sensitivity ranging at an LP optimum, as Excel Solver's Sensitivity Report gives it: how far
 * each objective coefficient and each right-hand side can move before the optimal basis
 * changes. Computed from the basis rebuilt from the solution (basis.ts), not by re-solving:
 * one LU factorisation of the basis kernel, whose inverse gives row j of B⁻¹N for each basic
 * variable and B⁻¹e_i for each binding row.
 */
import { dropNoise, invert, lineRate, near, rebuildBasis, select } from './basis';
import type { LpModel } from './lp-model';
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
  const { n, m, columns, lo, up, x, d, status, isBasic, kernelRows, kernelCols, rowPosition, basicPosition, otherRows, otherByBasic, zeroCost } = basis;
  const k = kernelRows.length;
  // Row b of K⁻¹ is ρ for the basic x_(kernelCols[b]); column a is w for the row kernelRows[a].
  const inverse = invert(basis.lu);
  // The nonbasic structurals restricted to the kernel rows: they meet the rows of K⁻¹.
  const nonbasicCols = Array.from({ length: n }, (_, j) => j).filter((j) => !isBasic[j]);
  const nonbasicByKernel = select(columns, nonbasicCols, (i) => rowPosition[i]);

  const sigma = model.sense === 'max' ? 1 : -1;
  // A nonbasic column stays optimal while slack_q + δ·sign_q·α ≥ 0 as its reduced cost moves
  // by −δ·α: at a lower bound σ·d_q ≤ 0, at an upper bound σ·d_q ≥ 0 (σ = 1 for max, −1 for
  // min); a fixed column has no condition (sign 0). A reduced cost within zeroCost of 0 is a
  // tie (slack 0), as the pivot to a second optimum reads it.
  const dualSlack = new Float64Array(n + m);
  const dualSign = new Int8Array(n + m);
  for (let q = 0; q < n + m; q++) {
    const side = status[q] === 'lower' ? 1 : status[q] === 'upper' ? -1 : 0;
    dualSign[q] = side * sigma;
    dualSlack[q] = Math.abs(d[q]) <= zeroCost ? 0 : Math.max(0, -side * sigma * d[q]);
  }
  // Rates reach these two as exact zeros when they are rounding noise (dropNoise, lineRate).
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
  // row b of B⁻¹N.
  const rho = new Float64Array(k);
  const variables = model.variables.map((v, j): VariableRange => {
    const range: Range = { increase: Number.POSITIVE_INFINITY, decrease: Number.POSITIVE_INFINITY };
    const b = basicPosition[j];
    if (b < 0) {
      // Nonbasic: only its own reduced cost moves, as d_j + δ.
      keepDualFeasible(range, j, -1);
    } else {
      rho.set(inverse.subarray(b * k, (b + 1) * k));
      const rhoMax = dropNoise(rho);
      for (let t = 0; t < nonbasicCols.length; t++) keepDualFeasible(range, nonbasicCols[t], lineRate(nonbasicByKernel, t, rho, rhoMax));
      for (let a = 0; a < k; a++) keepDualFeasible(range, n + kernelRows[a], -rho[a]);
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
      const wMax = dropNoise(w);
      for (let b = 0; b < k; b++) keepPrimalFeasible(range, kernelCols[b], w[b]);
      for (let t = 0; t < otherRows.length; t++) keepPrimalFeasible(range, n + otherRows[t], lineRate(otherByBasic, t, w, wMax));
    }
    return { constraint: c.name, activity: x[n + i], shadowPrice: d[n + i], rhs: c.rhs, allowableIncrease: range.increase, allowableDecrease: range.decrease };
  });

  return { variables, constraints, degenerate: basis.degenerate };
}

/** Limits δ to slack + δ·rate ≥ 0 (slack ≥ 0). */
function tighten(range: Range, slack: number, rate: number): void {
  const room = Math.max(0, slack);
  if (rate > 0) range.decrease = Math.min(range.decrease, room / rate);
  else if (rate < 0) range.increase = Math.min(range.increase, room / -rate);
}
