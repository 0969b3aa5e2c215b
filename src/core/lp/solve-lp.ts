/**
 * Solving a model with GLPK (glpk.js) and reading the answer honestly: status first, never
 * numbers from a solve that is not optimal. With the presolver on, GLPK reports infeasible
 * and unbounded models as "undefined" with zeros, so such a solve is repeated without it
 * to tell which. Reduced costs are computed here (c_j − Σ a_ij y_i): glpk.js gives row
 * duals only, and none for integer programs.
 */
import { ok, type Result } from '../shared/result';
import type { LpModel } from './lp-model';
import { toGlpkProblem, type GlpkConstants, type GlpkProblem } from './to-glpk';

export interface GlpkStatusConstants extends GlpkConstants {
  GLP_UNDEF: number;
  GLP_FEAS: number;
  GLP_INFEAS: number;
  GLP_NOFEAS: number;
  GLP_OPT: number;
  GLP_UNBND: number;
  GLP_MSG_OFF: number;
}

export interface GlpkResult {
  result: { status: number; z: number; vars: Record<string, number>; dual?: Record<string, number>; rows?: Record<string, number> };
}

/** Calls glpk.js: the synchronous Node build or the browser build (which returns a promise). */
export type GlpkSolve = (problem: GlpkProblem, options: { msglev: number; presol: boolean; rows: boolean; tmlim?: number }) => GlpkResult | Promise<GlpkResult>;

export type LpSolution =
  | {
      status: 'optimal';
      /** True for a mixed-integer program: no duals, and sensitivity does not apply. */
      integer: boolean;
      objective: number;
      values: Record<string, number>;
      /** Left-hand side of each constraint at the optimum. */
      activities: Record<string, number>;
      /** Row duals (shadow prices); LP only. */
      duals: Record<string, number> | null;
      /** c_j − Σ a_ij y_i per variable; LP only. */
      reducedCosts: Record<string, number> | null;
    }
  | { status: 'infeasible' | 'unbounded' | 'undecided'; integer: boolean }
  | { status: 'time-limit'; integer: boolean; feasible: boolean; objective?: number; values?: Record<string, number> };

/**
 * @param solve the solver (glpk.solve, bound to its instance)
 * @param glp the solver's constants
 * @example await solveLp(model, (p, o) => glpk.solve(p, o), glpk)
 */
export async function solveLp(model: LpModel, solve: GlpkSolve, glp: GlpkStatusConstants, options: { timeLimitSeconds?: number } = {}): Promise<Result<LpSolution>> {
  const problem = toGlpkProblem(model, glp);
  const integer = model.variables.some((v) => v.integer);
  const base = { msglev: glp.GLP_MSG_OFF, rows: true, ...(options.timeLimitSeconds ? { tmlim: options.timeLimitSeconds } : {}) };
  const first = await solve(problem, { ...base, presol: true });
  const status = first.result.status;
  if (status === glp.GLP_OPT) return ok(optimal(model, first, integer));
  if (status === glp.GLP_FEAS) {
    // A feasible but unproven answer: the time limit stopped the search.
    return ok({ status: 'time-limit', integer, feasible: true, objective: first.result.z, values: first.result.vars });
  }
  // The presolver hides why; the plain simplex says it.
  const second = await solve(problem, { ...base, presol: false });
  const plain = second.result.status;
  if (plain === glp.GLP_OPT) return ok(optimal(model, second, integer));
  if (plain === glp.GLP_NOFEAS || plain === glp.GLP_INFEAS) return ok({ status: 'infeasible', integer });
  if (plain === glp.GLP_UNBND) return ok({ status: 'unbounded', integer });
  return ok({ status: options.timeLimitSeconds ? 'time-limit' : 'undecided', integer, feasible: false } as LpSolution);
}

function optimal(model: LpModel, solved: GlpkResult, integer: boolean): LpSolution {
  const { z, vars, dual, rows } = solved.result;
  const values: Record<string, number> = {};
  for (const v of model.variables) values[v.name] = vars[v.name] ?? 0;
  const activities: Record<string, number> = {};
  for (const c of model.constraints) {
    let lhs = 0;
    for (const [name, coefficient] of c.coefficients) lhs += coefficient * values[name];
    activities[c.name] = rows?.[c.name] ?? lhs;
  }
  const duals = !integer && dual ? { ...dual } : null;
  let reducedCosts: Record<string, number> | null = null;
  if (duals) {
    reducedCosts = {};
    for (const v of model.variables) reducedCosts[v.name] = v.objective;
    for (const c of model.constraints) {
      const y = duals[c.name] ?? 0;
      for (const [name, coefficient] of c.coefficients) reducedCosts[name] -= coefficient * y;
    }
  }
  return { status: 'optimal', integer, objective: z, values, activities, duals, reducedCosts };
}
