/**
 * Why a model is unbounded, in terms a user can act on: a direction d in which every
 * constraint keeps holding (A d ≤ 0 for ≤ rows, ≥ 0 for ≥ rows, = 0 for equations, and d
 * respects the finite bounds) while the objective keeps improving. Found as a small LP with
 * each d_j in [−1, 1]; the variables that move are the ones nothing limits.
 */
import { lowerOf, termsOf, upperOf, type LpModel, type LpVariable } from './lp-model';
import { runGlpk, type Deadline, type LpSolver } from './run-glpk';

export interface UnboundedRay {
  /** Variables that grow (or fall) without limit, largest move first, with their rate. */
  direction: { variable: string; rate: number }[];
  /** Objective gain per step along the direction. */
  gain: number;
  /** For the first variable: the constraints it appears in (none of them stops it). */
  constraintsOfFirst: string[];
}

/**
 * For an integer model the direction is its LP relaxation's: with rational data, a feasible
 * integer model whose relaxation is unbounded has the same directions of recession.
 * @param options.deadline no solve starts after it (then null)
 */
export async function findUnboundedRay(model: LpModel, solver: LpSolver, options: { deadline?: Deadline } = {}): Promise<UnboundedRay | null> {
  // A finite bound stops movement towards it: d_j ≥ 0 above a lower bound, ≤ 0 below an upper one.
  const variables: LpVariable[] = model.variables.map((v) => ({
    name: v.name,
    objective: model.sense === 'max' ? v.objective : -v.objective,
    lower: Number.isFinite(lowerOf(v)) ? 0 : -1,
    upper: Number.isFinite(upperOf(v)) ? 0 : 1,
  }));
  const ray: LpModel = { sense: 'max', variables, constraints: model.constraints.map((c) => ({ ...c, rhs: 0 })) };
  const solved = await runGlpk(ray, solver, { deadline: options.deadline });
  if (solved.status !== 'optimal' || !solved.values || (solved.objective ?? 0) <= 1e-9) return null;
  const values = solved.values;
  const direction = model.variables
    .map((v) => ({ variable: v.name, rate: values[v.name] }))
    .filter((d) => Math.abs(d.rate) > 1e-9)
    .sort((a, b) => Math.abs(b.rate) - Math.abs(a.rate));
  if (direction.length === 0) return null;
  const first = direction[0].variable;
  const constraintsOfFirst = model.constraints.filter((c) => termsOf(c).some(([name, a]) => name === first && a !== 0)).map((c) => c.name);
  const gain = Math.abs(model.variables.reduce((s, v) => s + v.objective * values[v.name], 0));
  return { direction, gain, constraintsOfFirst };
}
