/**
 * Solving a model and saying what the answer means: the status first; at an LP optimum the
 * shadow prices, reduced costs, ranging and whether the optimum is unique; for an
 * infeasible model the constraints that clash and the least change that would fix it; for
 * an unbounded one the direction nothing limits.
 */
import { ok, type Result } from '../shared/result';
import { findAlternativeOptimum, type AlternativeOptimum } from './alternative-optimum';
import { defaultSolver } from './default-solver';
import { explainInfeasible } from './explain-infeasible';
import type { LpModel } from './lp-model';
import { runGlpk, type LpSolver, type RawSolution } from './run-glpk';
import { rangeSensitivity, type LpSensitivity } from './sensitivity';
import { findUnboundedRay, type UnboundedRay } from './unbounded-ray';
import { validateLpModel } from './validate-lp-model';

export interface LpSolution extends RawSolution {
  /** Ranging of objective coefficients and right-hand sides (LP optimum only). */
  sensitivity?: LpSensitivity;
  /** True when a second optimal vertex was found (LP only). */
  alternativeOptima?: boolean;
  alternative?: AlternativeOptimum;
  /** Infeasible: constraints that cannot hold together (none of them can be dropped). */
  conflict?: string[];
  /** Infeasible: the least total change of right-hand sides that makes the model feasible. */
  relaxation?: { constraint: string; by: number }[];
  /** Unbounded: the direction nothing limits. */
  ray?: UnboundedRay;
}

export interface SolveLpOptions {
  /** Stop the solver after this many seconds (the status is then 'time-limit'). */
  timeLimitSeconds?: number;
  /** A glpk.js instance; by default glpk.js's own build, loaded once. */
  solver?: LpSolver;
  /** Skip the follow-up analyses (alternative optima, conflict, ray): one solve only. */
  analyse?: boolean;
}

/**
 * @returns the solution with its status, or LP_MODEL_* when the model itself is not valid
 * @example await solveLp(parseLpFormat(text).value) // { status: 'optimal', objective: 10000, … }
 */
export async function solveLp(model: LpModel, options: SolveLpOptions = {}): Promise<Result<LpSolution>> {
  const valid = validateLpModel(model);
  if (!valid.ok) return valid;
  const solver = options.solver ?? (await defaultSolver());
  const solved: LpSolution = await runGlpk(model, solver, options);
  if (options.analyse === false) return ok(solved);
  if (solved.status === 'optimal' && !solved.integer) {
    const sensitivity = rangeSensitivity(model, solved);
    if (sensitivity) solved.sensitivity = sensitivity;
    const alternative = await findAlternativeOptimum(model, solved, solver);
    solved.alternativeOptima = alternative !== null;
    if (alternative) solved.alternative = alternative;
  } else if (solved.status === 'infeasible') {
    const explained = await explainInfeasible(model, solver);
    solved.conflict = explained.conflict;
    solved.relaxation = explained.relaxation;
  } else if (solved.status === 'unbounded') {
    const ray = await findUnboundedRay(model, solver);
    if (ray) solved.ray = ray;
  }
  return ok(solved);
}
