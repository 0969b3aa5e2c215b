/**
 * Is the optimum unique? At an optimal vertex, a variable at one of its bounds with a zero
 * reduced cost (or a binding constraint with a zero shadow price) can usually move without
 * changing the objective: the optimum is then a whole edge or face, not a point. The move is
 * made by one simplex pivot from the basis rebuilt for the sensitivity ranges
 * (adjacentOptimum): no extra solve. It ends at a second optimal vertex, or runs on forever:
 * the optimal plans are then unbounded, and a point along that edge is the second plan.
 * Only at a degenerate vertex, where every such move is stopped at once by a basic column
 * at its bound, are candidates confirmed by re-solves: hold the objective at its optimum and
 * push the candidate away from its bound.
 */
import { adjacentOptimum } from './adjacent-vertex';
import { near, zeroCostOf } from './basis';
import { lowerOf, record, termsOf, upperOf, type LpConstraint, type LpModel } from './lp-model';
import { runGlpk, type LpSolver, type RawSolution } from './run-glpk';

export interface AlternativeOptimum {
  /**
   * A second optimal plan: a vertex next to GLPK's or, when `direction` is set, GLPK's plan
   * moved one round step along the unbounded optimal edge (see roundStep in adjacent-vertex.ts).
   */
  values: Record<string, number>;
  objective: number;
  /** The variable or constraint that moved off its bound to reach it. */
  moved: { kind: 'variable' | 'constraint'; name: string };
  /**
   * Only when the optimal plans are unbounded and no second vertex was found: the variables
   * that change along that edge, each with its rate (> 0: grows without limit, < 0: falls
   * without limit), the largest |rate| 1 and first. GLPK's plan + t·direction is optimal
   * for every t ≥ 0; `values` is one such plan.
   */
  direction?: { variable: string; rate: number }[];
}

/** Re-solves tried at most; each is a full solve, so large models try few. */
const MAX_TRIES = 6;

/**
 * Largest model (variables + constraints) for which a degenerate vertex is settled by
 * re-solves. Each re-solve is a full solve: a few milliseconds for a model this size, ~100 ms
 * at 1,000 variables, which the answer must not wait for. Above it, a degenerate vertex
 * reports no second optimum.
 */
const RESOLVE_LIMIT = 300;

/**
 * @param solved an optimal LP solution of the model (with duals and reduced costs)
 * @returns a second optimal plan (a vertex, or a point on an unbounded optimal edge with its
 *   direction), or null when none was found
 */
export async function findAlternativeOptimum(model: LpModel, solved: RawSolution, solver: LpSolver): Promise<AlternativeOptimum | null> {
  const { values, duals, reducedCosts, activities, objective } = solved;
  if (!values || !duals || !reducedCosts || !activities || objective === undefined) return null;
  const pivot = adjacentOptimum(model, solved);
  if (pivot?.kind === 'vertex') return { values: pivot.values, objective: pivot.objective, moved: pivot.moved };
  if (pivot?.kind === 'ray') return { values: pivot.values, objective: pivot.objective, moved: pivot.moved, direction: pivot.direction };
  // No zero reduced cost: the re-solves would find nothing either.
  if (pivot?.kind === 'unique') return null;
  if (model.variables.length + model.constraints.length > RESOLVE_LIMIT) return null;
  return resolveAlternative(model, solved, solver);
}

/** The fallback: one re-solve per candidate, with the objective held at its optimum. */
async function resolveAlternative(model: LpModel, solved: RawSolution, solver: LpSolver): Promise<AlternativeOptimum | null> {
  const values = solved.values!;
  const duals = solved.duals!;
  const reducedCosts = solved.reducedCosts!;
  const activities = solved.activities!;
  const objective = solved.objective!;
  const zero = zeroCostOf(model);

  type Candidate = { kind: 'variable' | 'constraint'; name: string; direction: 'max' | 'min'; terms: Record<string, number> };
  const candidates: Candidate[] = [];
  for (const v of model.variables) {
    if (Math.abs(reducedCosts[v.name]) > zero || lowerOf(v) === upperOf(v)) continue;
    const terms = record<number>();
    terms[v.name] = 1;
    if (near(values[v.name], lowerOf(v))) candidates.push({ kind: 'variable', name: v.name, direction: 'max', terms });
    else if (near(values[v.name], upperOf(v))) candidates.push({ kind: 'variable', name: v.name, direction: 'min', terms });
  }
  for (const c of model.constraints) {
    if (c.op === '=' || Math.abs(duals[c.name]) > zero || !near(activities[c.name], c.rhs)) continue;
    candidates.push({ kind: 'constraint', name: c.name, direction: c.op === '<=' ? 'min' : 'max', terms: c.terms });
  }

  // Hold the objective at its optimum, with a tolerance so rounding cannot make it infeasible.
  const slack = 1e-9 * Math.max(1, Math.abs(objective));
  const objectiveTerms = record<number>();
  for (const v of model.variables) if (v.objective !== 0) objectiveTerms[v.name] = v.objective;
  const holdName = uniqueName(model.constraints, '__optimum');
  const hold: LpConstraint =
    model.sense === 'max' ? { name: holdName, terms: objectiveTerms, op: '>=', rhs: objective - slack } : { name: holdName, terms: objectiveTerms, op: '<=', rhs: objective + slack };

  for (const candidate of candidates.slice(0, MAX_TRIES)) {
    const probe: LpModel = {
      ...model,
      sense: candidate.direction,
      variables: model.variables.map((v) => ({ ...v, objective: candidate.terms[v.name] ?? 0 })),
      constraints: [...model.constraints, hold],
    };
    const moved = await runGlpk(probe, solver);
    if (moved.status !== 'optimal' || !moved.values) continue;
    const before = termsOf({ ...hold, terms: candidate.terms }).reduce((s, [name, a]) => s + a * values[name], 0);
    const after = termsOf({ ...hold, terms: candidate.terms }).reduce((s, [name, a]) => s + a * moved.values![name], 0);
    if (Math.abs(after - before) <= 1e-7 * Math.max(1, Math.abs(before))) continue;
    const z = model.variables.reduce((s, v) => s + v.objective * moved.values![v.name], 0);
    return { values: moved.values, objective: z, moved: { kind: candidate.kind, name: candidate.name } };
  }
  return null;
}

function uniqueName(constraints: LpConstraint[], base: string): string {
  let name = base;
  while (constraints.some((c) => c.name === name)) name += '_';
  return name;
}
