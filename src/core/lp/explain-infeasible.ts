/**
 * Why a model has no solution, in terms a user can act on:
 *  - the least change that makes it feasible: every constraint gets an elastic slack, and
 *    the total slack is minimised (a phase-one problem); the constraints that stretch are
 *    named with how much;
 *  - a small set of constraints that cannot hold together: a deletion filter drops each
 *    constraint in turn and keeps it out when the rest is still infeasible (Chinneck's
 *    irreducible infeasible subset; variable bounds always stay in).
 */
import { ok, type Result } from '../shared/result';
import type { LpConstraint, LpModel, LpVariable } from './lp-model';
import { solveLp, type GlpkSolve, type GlpkStatusConstants } from './solve-lp';

export interface InfeasibilityExplanation {
  /** Constraints that cannot all hold at once (none of them can be dropped from the set). */
  conflict: string[];
  /** The smallest total change of right-hand sides that makes the model feasible, by constraint. */
  relaxation: { constraint: string; by: number }[];
  totalRelaxation: number;
}

/** Above this many constraints the deletion filter (one solve each) is not attempted. */
const MAX_FILTER_CONSTRAINTS = 300;
const TOLERANCE = 1e-9;

/**
 * @returns the explanation, or the model's own status when it is not infeasible after all
 */
export async function explainInfeasible(model: LpModel, solve: GlpkSolve, glp: GlpkStatusConstants): Promise<Result<InfeasibilityExplanation>> {
  const relaxation = await elasticRelaxation(model, solve, glp);
  const conflict = model.constraints.length <= MAX_FILTER_CONSTRAINTS ? await deletionFilter(model, solve, glp) : [];
  return ok({ conflict, relaxation, totalRelaxation: relaxation.reduce((s, r) => s + r.by, 0) });
}

async function isFeasible(model: LpModel, constraints: LpConstraint[], solve: GlpkSolve, glp: GlpkStatusConstants): Promise<boolean> {
  // Feasibility only: a zero objective cannot be unbounded.
  const probe: LpModel = { ...model, sense: 'minimize', variables: model.variables.map((v) => ({ ...v, objective: 0 })), constraints };
  const solved = await solveLp(probe, solve, glp);
  return solved.ok && solved.value.status === 'optimal';
}

async function deletionFilter(model: LpModel, solve: GlpkSolve, glp: GlpkStatusConstants): Promise<string[]> {
  let kept = model.constraints.slice();
  for (const constraint of model.constraints) {
    const without = kept.filter((c) => c !== constraint);
    if (!(await isFeasible(model, without, solve, glp))) kept = without;
  }
  return kept.map((c) => c.name);
}

async function elasticRelaxation(model: LpModel, solve: GlpkSolve, glp: GlpkStatusConstants): Promise<{ constraint: string; by: number }[]> {
  const slacks: LpVariable[] = [];
  const slackOf = new Map<string, string[]>();
  const constraints = model.constraints.map((c, i) => {
    const coefficients = new Map(c.coefficients);
    const names: string[] = [];
    const add = (sign: number) => {
      const name = `__slack_${i}_${names.length}`;
      slacks.push({ name, objective: 1, lower: 0, upper: Number.POSITIVE_INFINITY, integer: false });
      coefficients.set(name, sign);
      names.push(name);
    };
    // '<=' may stretch upwards, '>=' downwards, '=' either way.
    if (c.sense !== '>=') add(-1);
    if (c.sense !== '<=') add(1);
    slackOf.set(c.name, names);
    return { ...c, coefficients };
  });
  const elastic: LpModel = {
    ...model,
    sense: 'minimize',
    variables: [...model.variables.map((v) => ({ ...v, objective: 0 })), ...slacks],
    constraints,
  };
  const solved = await solveLp(elastic, solve, glp);
  if (!solved.ok || solved.value.status !== 'optimal') return [];
  const values = solved.value.values;
  const out: { constraint: string; by: number }[] = [];
  for (const c of model.constraints) {
    const by = (slackOf.get(c.name) ?? []).reduce((s, name) => s + values[name], 0);
    if (by > TOLERANCE) out.push({ constraint: c.name, by });
  }
  return out;
}
