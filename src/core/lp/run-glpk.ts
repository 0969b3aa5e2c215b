/**
 * One call of GLPK (glpk.js), read honestly: status first, never numbers from a solve that
 * is not optimal. Reduced costs are computed here (c_j − Σ a_ij y_i): glpk.js gives row
 * duals only, and none for integer programs.
 *
 * What each GLPK status proves (see GLPK's reference manual, glp_get_status and
 * glp_mip_status):
 *  - GLP_OPT: optimal. GLP_NOFEAS: no feasible point exists (proved, by phase one or by
 *    the MIP presolver / branch-and-bound).
 *  - GLP_UNBND: a feasible point and no dual feasible one: unbounded (LP only).
 *  - GLP_FEAS: a feasible point not proved optimal, GLP_INFEAS: the current point is not
 *    feasible *yet*. Both are what an interrupted search leaves (the time limit stopped
 *    phase two, or phase one): 'time-limit' when a limit was set, else 'undefined'.
 *    GLP_INFEAS is never read as infeasible.
 *  - GLP_UNDEF: nothing known. With the presolver on, GLPK reports an infeasible or
 *    unbounded LP this way (the presolver stops without a basis), so an LP is solved again
 *    without it, in the time that is left. An integer program cannot be: glpk.js runs
 *    glp_intopt without a simplex first, and without the presolver glp_intopt has no LP
 *    basis and always returns UNDEF. So for a MIP, UNDEF is settled on its LP relaxation
 *    (integer restrictions dropped): an infeasible relaxation makes the MIP infeasible; an
 *    unbounded one makes it unbounded *or* infeasible (Meyer 1974: with rational data, which
 *    floating-point numbers are, a feasible MIP whose relaxation is unbounded is itself
 *    unbounded), so the MIP is then asked for any integer point (objective zeroed, which
 *    cannot be unbounded): one found → 'unbounded', none exists → 'infeasible', no answer
 *    within MIP_PROBE_SECONDS (or the time left) → 'time-limit' / 'undefined'. An optimal
 *    relaxation means the MIP search itself was cut short: 'time-limit' (or 'undefined').
 *
 * Time: one deadline for the whole call (see Deadline: measured on the caller's clock, or
 * in solver seconds without one). Every solve is given the time left (tmlim), and once
 * none is left no solve starts; the re-solve without presolver uses what the first solve
 * left, so a limit is never doubled.
 */
import { isInteger, lowerOf, record, termsOf, upperOf, type LpModel } from './lp-model';
import { integerRange, toGlpkProblem, type GlpkConstants, type GlpkProblem } from './to-glpk';

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
  /** Seconds the solve took, as glpk.js measures it. */
  time?: number;
}

export interface GlpkOptions {
  msglev: number;
  presol: boolean;
  rows: boolean;
  /** Seconds (glpk.js turns them into GLPK's milliseconds). */
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

/**
 * A clock in milliseconds (e.g. () => performance.now()). The engine has none of its own
 * (its results must not depend on when they ran); a caller that wants a time limit to
 * cover its own work too passes one.
 */
export type Clock = () => number;

/**
 * The time left for a whole call. With a clock, a point in time; without one, a budget of
 * solver seconds: each solve's own time as glpk.js measures it is taken off (not the
 * building of each problem, nor the arithmetic between solves).
 */
export interface Deadline {
  /** Seconds left (0 once passed). */
  left(): number;
  /** A solve took this many seconds by glpk.js's measure (counts without a clock only). */
  took(seconds: number): void;
  readonly clock?: Clock;
}

/** GLPK counts its time limit in whole milliseconds: less than this left is none. */
const MIN_SECONDS = 0.001;

/** The deadline `seconds` from now; none for no (or a non-positive) limit. */
export function deadlineAfter(seconds: number | undefined, clock?: Clock): Deadline | undefined {
  if (seconds === undefined || !(seconds > 0) || !Number.isFinite(seconds)) return undefined;
  if (clock) {
    const at = clock() + seconds * 1000;
    return { clock, left: () => Math.max(0, (at - clock()) / 1000), took: () => {} };
  }
  let left = seconds;
  return {
    left: () => left,
    took: (spent) => {
      if (Number.isFinite(spent) && spent > 0) left = Math.max(0, left - spent);
    },
  };
}

/** Seconds left before the deadline (Infinity without one, 0 once passed). */
export function secondsLeft(deadline: Deadline | undefined): number {
  return deadline ? deadline.left() : Number.POSITIVE_INFINITY;
}

/** True once too little time is left for another solve. */
export function expired(deadline: Deadline | undefined): boolean {
  return secondsLeft(deadline) < MIN_SECONDS;
}

/**
 * Integer searches the engine starts of its own accord (is there any integer point, the
 * explanations' MIPs) stop after this many seconds even without a limit: branch and bound
 * over unbounded integer variables need never end (2x − 2y = 1 in whole numbers).
 */
export const MIP_PROBE_SECONDS = 5;

/** The earlier of a deadline and `seconds` from now (on the deadline's clock, if any). */
export function earlier(deadline: Deadline | undefined, seconds: number): Deadline {
  const cap = deadlineAfter(seconds, deadline?.clock)!;
  if (!deadline) return cap;
  return {
    ...(deadline.clock ? { clock: deadline.clock } : {}),
    left: () => Math.min(deadline.left(), cap.left()),
    took: (spent) => {
      deadline.took(spent);
      cap.took(spent);
    },
  };
}

export interface RunOptions {
  /** Seconds for this call; ignored when `deadline` is given. */
  timeLimitSeconds?: number;
  /** Measures timeLimitSeconds; without it, solver seconds are counted (see Deadline). */
  clock?: Clock;
  /** The deadline of a larger call this solve is part of. */
  deadline?: Deadline;
}

/** The model with its integer restrictions dropped (its LP relaxation). */
export function lpRelaxation(model: LpModel): LpModel {
  return { ...model, variables: model.variables.map((v) => ({ ...v, integer: false })) };
}

/** Solves once (more when GLPK's status does not say why) and reads the answer. */
export async function runGlpk(model: LpModel, solver: LpSolver, options: RunOptions = {}): Promise<RawSolution> {
  const deadline = options.deadline ?? deadlineAfter(options.timeLimitSeconds, options.clock);
  const integer = model.variables.some(isInteger);
  // Not known: a limit makes it the time limit's doing.
  const unknown: RawSolution = { status: deadline ? 'time-limit' : 'undefined', integer };
  // An integer variable whose bounds hold no whole number (say [0.2, 0.8]): GLPK would refuse the bounds.
  if (model.variables.some((v) => isInteger(v) && integerRange(lowerOf(v), upperOf(v)) === null)) return { status: 'infeasible', integer };
  const problem = toGlpkProblem(model, solver);
  const solve = async (presol: boolean): Promise<GlpkResult | null> => {
    if (expired(deadline)) return null;
    const tmlim = deadline ? { tmlim: secondsLeft(deadline) } : {};
    const solved = await solver.solve(problem, { msglev: solver.GLP_MSG_OFF, rows: true, presol, ...tmlim });
    deadline?.took(solved.time ?? 0);
    return solved;
  };

  let first: GlpkResult | null;
  try {
    first = await solve(true);
  } catch (error) {
    // GLPK's MIP presolver can abort on bounds it has made contradictory (assertion
    // "q->lb < q->ub", npp3.c); seen on models whose relaxation is infeasible, which says it.
    if (!integer) throw error;
    if ((await runGlpk(lpRelaxation(model), solver, { deadline })).status === 'infeasible') return { status: 'infeasible', integer };
    throw error;
  }
  if (!first) return unknown;
  const status = first.result.status;
  if (status === solver.GLP_OPT) return optimal(model, first, integer);
  if (status === solver.GLP_FEAS) return { ...unknown, objective: first.result.z, values: valuesOf(model, first.result.vars) };
  if (status === solver.GLP_NOFEAS) return { status: 'infeasible', integer };
  if (status === solver.GLP_UNBND) return { status: 'unbounded', integer };
  if (status !== solver.GLP_UNDEF) return unknown; // GLP_INFEAS: phase one was interrupted
  if (integer) return settleMip(model, solver, deadline, unknown);

  // The presolver hides why; the plain simplex says it, in the time that is left.
  const second = await solve(false);
  if (!second) return unknown;
  const plain = second.result.status;
  if (plain === solver.GLP_OPT) return optimal(model, second, integer);
  if (plain === solver.GLP_NOFEAS) return { status: 'infeasible', integer };
  if (plain === solver.GLP_UNBND) return { status: 'unbounded', integer };
  if (plain === solver.GLP_FEAS) return { ...unknown, objective: second.result.z, values: valuesOf(model, second.result.vars) };
  return unknown;
}

/** A MIP whose solve said nothing (GLP_UNDEF): what its LP relaxation tells (see the file comment). */
async function settleMip(model: LpModel, solver: LpSolver, deadline: Deadline | undefined, unknown: RawSolution): Promise<RawSolution> {
  const relaxed = await runGlpk(lpRelaxation(model), solver, { deadline });
  if (relaxed.status === 'infeasible') return { status: 'infeasible', integer: true };
  if (relaxed.status !== 'unbounded') return unknown;
  const probe: LpModel = { ...model, variables: model.variables.map((v) => ({ ...v, objective: 0 })) };
  const point = await runGlpk(probe, solver, { deadline: earlier(deadline, MIP_PROBE_SECONDS) });
  // An integer point, proved optimal for the zero objective or found before the cap.
  if (point.status === 'optimal' || point.values) return { status: 'unbounded', integer: true };
  if (point.status === 'infeasible') return { status: 'infeasible', integer: true };
  return unknown;
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
