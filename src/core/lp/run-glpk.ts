/**
 * One call of GLPK (glpk.js), read honestly: status first, never numbers from a solve that
 * is not optimal. With the presolver on, GLPK reports infeasible and unbounded models as
 * "undefined" with zeros, so such a solve is repeated without it to tell which. Reduced
 * costs are computed here (c_j − Σ a_ij y_i): glpk.js gives row duals only, and none for
 * integer programs.
 */
import { isInteger, record, termsOf, type LpModel } from './lp-model';
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

export interface GlpkOptions {
  msglev: number;
  presol: boolean;
  rows: boolean;
  tmlim?: number;
}

/**
 * A glpk.js instance: its solve function and constants. The synchronous Node build and the
 * browser build (whose solve returns a promise) both fit.
 */
export interface LpSolver extends GlpkStatusConstants {
  solve(problem: GlpkProblem, options: GlpkOptions): GlpkResult | Promise<GlpkResult>;
}

export type RawStatus = 'optimal' | 'infeasible' | 'unbounded' | 'time-limit' | 'undefined';

export interface RawSolution {
  status: RawStatus;
  integer: boolean;
  /** Only when optimal, or a feasible point found before the time limit. */
  objective?: number;
  values?: Record<string, number>;
  /** Left-hand side of each constraint (optimal only). */
  activities?: Record<string, number>;
  /** Row duals (shadow prices), LP optimum only. */
  duals?: Record<string, number>;
  /** c_j − Σ a_ij y_i per variable, LP optimum only. */
  reducedCosts?: Record<string, number>;
}

/** Solves once (twice when the presolver hides the reason) and reads the answer. */
export async function runGlpk(model: LpModel, solver: LpSolver, options: { timeLimitSeconds?: number } = {}): Promise<RawSolution> {
  const problem = toGlpkProblem(model, solver);
  const integer = model.variables.some(isInteger);
  const base = { msglev: solver.GLP_MSG_OFF, rows: true, ...(options.timeLimitSeconds ? { tmlim: options.timeLimitSeconds } : {}) };
  const first = await solver.solve(problem, { ...base, presol: true });
  const status = first.result.status;
  if (status === solver.GLP_OPT) return optimal(model, first, integer);
  if (status === solver.GLP_FEAS) {
    // A feasible but unproven answer: the time limit stopped the search.
    return { status: 'time-limit', integer, objective: first.result.z, values: valuesOf(model, first.result.vars) };
  }
  // The presolver hides why; the plain simplex says it.
  const second = await solver.solve(problem, { ...base, presol: false });
  const plain = second.result.status;
  if (plain === solver.GLP_OPT) return optimal(model, second, integer);
  if (plain === solver.GLP_NOFEAS || plain === solver.GLP_INFEAS) return { status: 'infeasible', integer };
  if (plain === solver.GLP_UNBND) return { status: 'unbounded', integer };
  return { status: options.timeLimitSeconds ? 'time-limit' : 'undefined', integer };
}

function valuesOf(model: LpModel, vars: Record<string, number>): Record<string, number> {
  const values = record<number>();
  for (const v of model.variables) values[v.name] = vars[v.name] ?? 0;
  return values;
}

function optimal(model: LpModel, solved: GlpkResult, integer: boolean): RawSolution {
  const { z, vars, dual, rows } = solved.result;
  const values = valuesOf(model, vars);
  const activities = record<number>();
  for (const c of model.constraints) {
    let lhs = 0;
    for (const [name, coefficient] of termsOf(c)) lhs += coefficient * values[name];
    activities[c.name] = rows?.[c.name] ?? lhs;
  }
  if (integer || !dual) return { status: 'optimal', integer, objective: z, values, activities };
  const duals = record<number>();
  for (const c of model.constraints) duals[c.name] = dual[c.name] ?? 0;
  const reducedCosts = record<number>();
  for (const v of model.variables) reducedCosts[v.name] = v.objective;
  for (const c of model.constraints) {
    const y = duals[c.name];
    for (const [name, coefficient] of termsOf(c)) reducedCosts[name] -= coefficient * y;
  }
  return { status: 'optimal', integer, objective: z, values, activities, duals, reducedCosts };
}
