/**
 * Why a model has no solution, in terms a user can act on:
 *  - the least change that makes it feasible: every constraint gets an elastic slack, and
 *    the total slack is minimised (a phase-one problem); the constraints that stretch are
 *    named with how much;
 *  - a small set of constraints that cannot hold together: a deletion filter drops each
 *    constraint in turn and keeps it out when the rest is still infeasible (Chinneck's
 *    irreducible infeasible subset; variable bounds always stay in).
 */
import { record, type LpConstraint, type LpModel, type LpVariable } from './lp-model';
import { runGlpk, type LpSolver } from './run-glpk';

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

/** Call only for a model known to be infeasible. */
export async function explainInfeasible(model: LpModel, solver: LpSolver): Promise<InfeasibilityExplanation> {
  const relaxation = await elasticRelaxation(model, solver);
  const conflict = model.constraints.length <= MAX_FILTER_CONSTRAINTS ? await deletionFilter(model, solver) : [];
  return { conflict, relaxation, totalRelaxation: relaxation.reduce((s, r) => s + r.by, 0) };
}

async function isFeasible(model: LpModel, constraints: LpConstraint[], solver: LpSolver): Promise<boolean> {
  // Feasibility only: a zero objective cannot be unbounded.
  const probe: LpModel = { ...model, sense: 'min', variables: model.variables.map((v) => ({ ...v, objective: 0 })), constraints };
  return (await runGlpk(probe, solver)).status === 'optimal';
}

async function deletionFilter(model: LpModel, solver: LpSolver): Promise<string[]> {
  let kept = model.constraints.slice();
  for (const constraint of model.constraints) {
    const without = kept.filter((c) => c !== constraint);
    if (!(await isFeasible(model, without, solver))) kept = without;
  }
  return kept.map((c) => c.name);
}

async function elasticRelaxation(model: LpModel, solver: LpSolver): Promise<{ constraint: string; by: number }[]> {
  // A prefix no variable of the model starts with, so the slacks cannot clash.
  let prefix = '__slack';
  while (model.variables.some((v) => v.name.startsWith(prefix))) prefix += '_';
  const slacks: LpVariable[] = [];
  const slackOf = new Map<string, string[]>();
  const constraints = model.constraints.map((c, i) => {
    const terms: Record<string, number> = Object.assign(record<number>(), c.terms);
    const names: string[] = [];
    const add = (sign: number) => {
      const name = `${prefix}_${i}_${names.length}`;
      slacks.push({ name, objective: 1, lower: 0, upper: Number.POSITIVE_INFINITY, integer: false });
      terms[name] = sign;
      names.push(name);
    };
    // '<=' may stretch upwards, '>=' downwards, '=' either way.
    if (c.op !== '>=') add(-1);
    if (c.op !== '<=') add(1);
    slackOf.set(c.name, names);
    return { ...c, terms };
  });
  const elastic: LpModel = {
    ...model,
    sense: 'min',
    variables: [...model.variables.map((v) => ({ ...v, objective: 0 })), ...slacks],
    constraints,
  };
  const solved = await runGlpk(elastic, solver);
  if (solved.status !== 'optimal' || !solved.values) return [];
  const values = solved.values;
  const out: { constraint: string; by: number }[] = [];
  for (const c of model.constraints) {
    const by = (slackOf.get(c.name) ?? []).reduce((s, name) => s + values[name], 0);
    if (by > TOLERANCE) out.push({ constraint: c.name, by });
  }
  return out;
}
