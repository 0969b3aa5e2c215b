/**
 * Solving a model and saying what the answer means: the status first; at an LP optimum the
 * shadow prices, reduced costs, ranging and whether the optimum is unique; for an
 * infeasible model the constraints that clash and the least change that would fix it; for
 * an unbounded one the direction nothing limits.
 *
 * One time limit for the whole call: a deadline is set when the call starts (on the
 * caller's clock, or counted in solver seconds without one; see SolveLpOptions.clock),
 * every solve (the main one, its re-solve without presolver, and each solve of the
 * follow-up analyses) gets only the time left, and analyses that find no time left stop
 * and say so (`analysesSkipped`, `conflictComplete`). The ranging needs no solve and
 * always runs.
 */
import { fail, ok, type Result } from '../shared/result';
import { findAlternativeOptimum, type AlternativeOptimum } from './alternative-optimum';
import { defaultSolver } from './default-solver';
import { explainInfeasible } from './explain-infeasible';
import { termsOf, type LpModel } from './lp-model';
import { deadlineAfter, expired, runGlpk, secondsLeft, type Clock, type Deadline, type GlpkOptions, type GlpkResult, type LpSolver, type RawSolution } from './run-glpk';
import { rangeSensitivity, type LpSensitivity } from './sensitivity';
import type { GlpkProblem } from './to-glpk';
import { findUnboundedRay, type UnboundedRay } from './unbounded-ray';
import { validateLpModel } from './validate-lp-model';

export interface LpSolution extends RawSolution {
  /** Ranging of objective coefficients and right-hand sides (LP optimum only). */
  sensitivity?: LpSensitivity;
  /**
   * True when a second optimal plan was found (a vertex, or a point on an unbounded optimal
   * edge: `alternative.direction`), false when none was (LP only). Left out
   * when the time limit stopped the search (see analysesSkipped).
   */
  alternativeOptima?: boolean;
  alternative?: AlternativeOptimum;
  /** Infeasible: constraints that cannot hold together (none of them can be dropped, when conflictComplete). */
  conflict?: string[];
  /**
   * Infeasible: false when the conflict is not proved irreducible (the time limit stopped
   * the search, or the model is too large for it); `conflict` then still cannot hold, but
   * some of its rows may be droppable, or it is empty.
   */
  conflictComplete?: boolean;
  /** Infeasible: the least total change of right-hand sides that makes the model feasible. */
  relaxation?: { constraint: string; by: number }[];
  /**
   * Infeasible integer model: 'relaxation' when conflict and least change were found on the
   * LP relaxation (integer restrictions dropped) because the model is too large to search
   * with integer solves; the least change is then a lower bound.
   */
  explainedOn?: 'model' | 'relaxation';
  /** Unbounded: the direction nothing limits. */
  ray?: UnboundedRay;
  /**
   * True when the time limit ran out before the follow-up analyses were done (alternative
   * optimum, conflict, least change, unbounded direction): what they did not finish is left
   * out or marked incomplete.
   */
  analysesSkipped?: boolean;
}

export interface SolveLpOptions {
  /** Stop after this many seconds, follow-up analyses included (the status is then 'time-limit'). */
  timeLimitSeconds?: number;
  /**
   * Measures the time limit, in milliseconds (the worker passes () => performance.now();
   * the engine has no clock of its own). Without one, the limit counts the solver's own
   * seconds as glpk.js reports them: the building of each problem and the arithmetic
   * between solves are then not counted.
   */
  clock?: Clock;
  /** A glpk.js instance; by default glpk.js's own build, loaded once. */
  solver?: LpSolver;
  /** Skip the follow-up analyses (alternative optima, conflict, ray): one solve only. */
  analyse?: boolean;
}

/**
 * Largest coefficient (objective or constraint) accepted. GLPK works in double precision
 * with absolute tolerances near 1e-9: a coefficient of 1e300 is scaled away and the
 * "optimum" is wrong, and products overflow to Infinity. 1e12 leaves money in cents with
 * room to spare.
 */
export const MAX_COEFFICIENT = 1e12;

/**
 * @returns the solution with its status, or LP_MODEL_* when the model itself is not valid
 * (LP_MODEL_MAGNITUDE when a coefficient or the result is too large to compute with)
 * @example await solveLp(parseLpFormat(text).value) // { status: 'optimal', objective: 10000, … }
 */
export async function solveLp(model: LpModel, options: SolveLpOptions = {}): Promise<Result<LpSolution>> {
  const deadline = deadlineAfter(options.timeLimitSeconds, options.clock);
  const valid = validateLpModel(model);
  if (!valid.ok) return valid;
  // Here rather than in validateLpModel: a check of numbers GLPK can work with, not of the model's form.
  const huge = magnitudeProblem(model);
  if (huge) return huge;
  const solver = options.solver ?? (await defaultSolver());
  const solved: LpSolution = await runGlpk(model, solver, { deadline });
  const overflow = overflowProblem(model, solved);
  if (overflow) return overflow;
  if (options.analyse === false) return ok(solved);
  if (solved.status === 'optimal' && !solved.integer) {
    const sensitivity = rangeSensitivity(model, solved);
    if (sensitivity) solved.sensitivity = sensitivity;
    const limited = limitedSolver(solver, deadline);
    const alternative = await findAlternativeOptimum(model, solved, limited);
    if (alternative) {
      solved.alternativeOptima = true;
      solved.alternative = alternative;
    } else if (limited.cut()) solved.analysesSkipped = true;
    else solved.alternativeOptima = false;
  } else if (solved.status === 'infeasible') {
    const explained = await explainInfeasible(model, solver, { deadline });
    solved.conflict = explained.conflict;
    solved.conflictComplete = explained.conflictComplete;
    solved.relaxation = explained.relaxation;
    if (solved.integer) solved.explainedOn = explained.explainedOn;
    if (expired(deadline) && (!explained.conflictComplete || !explained.relaxationComplete)) solved.analysesSkipped = true;
  } else if (solved.status === 'unbounded') {
    const ray = await findUnboundedRay(model, solver, { deadline });
    if (ray) solved.ray = ray;
    else if (expired(deadline)) solved.analysesSkipped = true;
  }
  return ok(solved);
}

function magnitudeProblem(model: LpModel): Result<never> | null {
  const objective = model.objectiveName ?? 'obj';
  for (const v of model.variables) {
    if (Math.abs(v.objective) > MAX_COEFFICIENT) {
      return fail('LP_MODEL_MAGNITUDE', `The objective coefficient of "${v.name}" (${v.objective}) is larger than ${MAX_COEFFICIENT} in size.`, { name: `${objective}: ${v.name}`, max: MAX_COEFFICIENT });
    }
  }
  for (const c of model.constraints) {
    for (const [name, a] of termsOf(c)) {
      if (Math.abs(a) > MAX_COEFFICIENT) {
        return fail('LP_MODEL_MAGNITUDE', `The coefficient of "${name}" in "${c.name}" (${a}) is larger than ${MAX_COEFFICIENT} in size.`, { name: `${c.name}: ${name}`, max: MAX_COEFFICIENT });
      }
    }
  }
  return null;
}

/** A solution whose numbers overflowed (huge bounds or right-hand sides times coefficients). */
function overflowProblem(model: LpModel, solved: RawSolution): Result<never> | null {
  const objective = model.objectiveName ?? 'obj';
  if (solved.objective !== undefined && !Number.isFinite(solved.objective)) {
    return fail('LP_MODEL_MAGNITUDE', `The objective "${objective}" comes out too large to compute (${solved.objective}).`, { name: objective, max: MAX_COEFFICIENT });
  }
  for (const [name, value] of Object.entries(solved.values ?? {})) {
    if (!Number.isFinite(value)) return fail('LP_MODEL_MAGNITUDE', `The value of "${name}" comes out too large to compute (${value}).`, { name, max: MAX_COEFFICIENT });
  }
  return null;
}

/**
 * The solver for analyses that take no deadline of their own (the alternative optimum's
 * re-solves): each solve gets the time left, none starts after the deadline (it reports
 * "undefined" at once), and cut() says whether any was stopped or refused.
 */
function limitedSolver(solver: LpSolver, deadline: Deadline | undefined): LpSolver & { cut(): boolean } {
  let cut = false;
  return {
    ...solver,
    solve(problem: GlpkProblem, options: GlpkOptions) {
      if (!deadline) return solver.solve(problem, options);
      if (expired(deadline)) {
        cut = true;
        return { result: { status: solver.GLP_UNDEF, z: Number.NaN, vars: {} } };
      }
      const tmlim = Math.min(options.tmlim ?? Number.POSITIVE_INFINITY, secondsLeft(deadline));
      const finish = (answer: GlpkResult) => {
        deadline.took(answer.time ?? 0);
        const status = answer.result.status;
        if (status !== solver.GLP_OPT && status !== solver.GLP_NOFEAS && status !== solver.GLP_UNBND && expired(deadline)) cut = true;
        return answer;
      };
      const answer = solver.solve(problem, { ...options, tmlim });
      return answer instanceof Promise ? answer.then(finish) : finish(answer);
    },
    cut: () => cut,
  };
}
