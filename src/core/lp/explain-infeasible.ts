/**
 * Why a model has no solution, in terms a user can act on:
 *  - the least change that makes it feasible: every constraint gets an elastic slack, and
 *    the total slack is minimised (a phase-one problem); the constraints that stretch are
 *    named with how much;
 *  - a small set of constraints that cannot hold together: a deletion filter drops each
 *    constraint in turn and keeps it out when the rest is still infeasible (Chinneck's
 *    irreducible infeasible subset; variable bounds always stay in). At the end no row of
 *    the set can be dropped: each was tested against a superset of the final set.
 *
 * Small conflicts, few solves: the filter does not start from the whole model but from
 * the support of a Farkas certificate (multipliers λ of the rows, and μ, ν of the variable
 * bounds, that add up to the contradiction 0 ≤ negative). Gleeson and Ryan (1990): the
 * vertices of the polyhedron of such certificates (normalised to a gap of 1) are exactly
 * the irreducible infeasible subsets, so one LP — minimise Σ w_i |λ_i|, with w_i the row's
 * largest coefficient so that scaling a row changes nothing — lands on an IIS, and the
 * weighted sum favours small ones (Parker and Ryan's heuristic for a smallest IIS). The
 * filter then only confirms it: variable bounds all stay in force here, which can make a
 * row of the support droppable. When that LP gets no answer (time), the duals of the
 * elastic LP are the certificate instead (less sparse: it takes whichever rows bind). Either
 * set is checked infeasible by one solve; the filter tries the rows whose slack stretched
 * last (the likely culprits), and when no certificate holds it runs over all rows in that
 * order.
 *
 * Integer models. Dropping integer restrictions (the LP relaxation) can only make a model
 * more feasible, so a set of rows infeasible for the relaxation is infeasible for the
 * model too, but a model can be infeasible only because of integrality (2x = 1) while its
 * relaxation is feasible. The choice made here:
 *  - a small integer model (variables + constraints ≤ INTEGER_MODEL_LIMIT) is explained on
 *    itself: the least change is an elastic MIP (continuous slacks, the variables keep
 *    their integrality) and the filter's feasibility checks are MIPs. The filter still
 *    starts from the relaxation's certificate when the relaxation is infeasible (a valid
 *    infeasible start, and small), and from all rows otherwise;
 *  - a larger one is explained on its relaxation (each MIP could take as long as the
 *    solve): `explainedOn` says so. The conflict is then irreducible for the relaxation
 *    (still rows that cannot hold in whole numbers either, though integrality may allow a
 *    smaller set), and the least change is a lower bound for the integer model's. When
 *    the relaxation is feasible, nothing is said (empty, incomplete).
 *
 * Time: every solve gets the time left before the caller's deadline (an integer one at
 * most MIP_PROBE_SECONDS, as branch and bound need not end); when it runs out, the filter
 * stops and returns the set kept so far (infeasible, maybe reducible; empty when that is
 * still the whole model, which says nothing) with `conflictComplete: false`, and a least
 * change not computed is empty with `relaxationComplete: false`.
 */
import { isInteger, lowerOf, record, upperOf, type LpConstraint, type LpModel, type LpVariable } from './lp-model';
import { earlier, expired, lpRelaxation, MIP_PROBE_SECONDS, runGlpk, type Deadline, type LpSolver, type RawSolution } from './run-glpk';
import { integerRange } from './to-glpk';

export interface InfeasibilityExplanation {
  /** Constraints that cannot all hold at once (none of them can be dropped from the set when complete). */
  conflict: string[];
  /**
   * False when the conflict is not proved irreducible: the time limit stopped the filter,
   * or the set it had to search was larger than MAX_FILTER_CONSTRAINTS. `conflict` is then
   * a set that still cannot hold (possibly with rows that could be dropped), or empty.
   */
  conflictComplete: boolean;
  /** The smallest total change of right-hand sides that makes the model feasible, by constraint. */
  relaxation: { constraint: string; by: number }[];
  totalRelaxation: number;
  /** False when the least change could not be computed (time limit): `relaxation` is then empty. */
  relaxationComplete: boolean;
  /** 'relaxation' when an integer model was explained on its LP relaxation (see the file comment). */
  explainedOn: 'model' | 'relaxation';
}

export interface ExplainOptions {
  /** Stop starting solves after this point (see runGlpk's Deadline). */
  deadline?: Deadline;
}

/** Above this many rows to search, the deletion filter (one solve each) is not attempted. */
const MAX_FILTER_CONSTRAINTS = 300;
/** Integer models up to this size (variables + constraints) are explained with MIPs. */
const INTEGER_MODEL_LIMIT = 300;
const TOLERANCE = 1e-9;

/** Call only for a model known to be infeasible. */
export async function explainInfeasible(model: LpModel, solver: LpSolver, options: ExplainOptions = {}): Promise<InfeasibilityExplanation> {
  const { deadline } = options;
  const integer = model.variables.some(isInteger);
  const relaxed = integer ? lpRelaxation(model) : model;
  // The LP's elastic solve: its duals give the certificate, and for an LP its slacks the least change.
  const lp = await elasticSolve(relaxed, solver, deadline);
  const relaxationInfeasible = lp !== null && [...lp.slack.values()].some((s) => s > TOLERANCE);
  const onModel = !integer || model.variables.length + model.constraints.length <= INTEGER_MODEL_LIMIT;
  const explainedOn = onModel ? 'model' : 'relaxation';
  if (!onModel && !relaxationInfeasible) {
    return { conflict: [], conflictComplete: false, relaxation: [], totalRelaxation: 0, relaxationComplete: lp !== null, explainedOn };
  }
  const least = integer && onModel ? await elasticSolve(model, solver, deadline) : lp;
  const relaxation = least ? model.constraints.filter((c) => least.slack.get(c.name)! > TOLERANCE).map((c) => ({ constraint: c.name, by: least.slack.get(c.name)! })) : [];

  const probeModel = onModel ? model : relaxed;
  const stretched = new Set(relaxation.map((r) => r.constraint));
  // Certificates of the relaxation's infeasibility (hence the model's): the sparse one, else the elastic duals.
  const certificates: LpConstraint[][] = [];
  if (relaxationInfeasible) {
    const sparse = await sparseCertificate(relaxed, solver, deadline);
    if (sparse) certificates.push(sparse);
    if (lp.duals) certificates.push(model.constraints.filter((c) => lp.slack.get(c.name)! > TOLERANCE || Math.abs(lp.duals![c.name] ?? 0) > TOLERANCE));
  }
  const inCertificate = new Set(certificates.flat());
  const suspicion = (c: LpConstraint) => (stretched.has(c.name) ? 2 : inCertificate.has(c) ? 1 : 0);
  // Stable sort: in model order within each group, the likely culprits last.
  const byLikelihood = (rows: LpConstraint[]) => rows.slice().sort((a, b) => suspicion(a) - suspicion(b));

  let start: LpConstraint[] | null = null;
  for (const certificate of certificates) {
    if (certificate.length === model.constraints.length) break; // no smaller start than the model
    if ((await feasibility(probeModel, certificate, solver, deadline)) === 'infeasible') {
      start = certificate;
      break;
    }
  }
  const known = start !== null;
  start ??= model.constraints;
  let found: { kept: LpConstraint[]; complete: boolean };
  if (start.length > MAX_FILTER_CONSTRAINTS) found = { kept: known ? start : [], complete: false };
  else found = await deletionFilter(probeModel, byLikelihood(start), solver, deadline);
  // Stopped before it could drop anything: "the whole model cannot hold" says nothing.
  if (!found.complete && !known && found.kept.length === model.constraints.length) found = { kept: [], complete: false };
  const kept = new Set(found.kept);
  return {
    conflict: model.constraints.filter((c) => kept.has(c)).map((c) => c.name),
    conflictComplete: found.complete,
    relaxation,
    totalRelaxation: relaxation.reduce((s, r) => s + r.by, 0),
    relaxationComplete: least !== null,
    explainedOn,
  };
}

/** An integer search gets at most MIP_PROBE_SECONDS (it need not end); an LP the time left. */
function capped(model: LpModel, deadline: Deadline | undefined): Deadline | undefined {
  return model.variables.some(isInteger) ? earlier(deadline, MIP_PROBE_SECONDS) : deadline;
}

/**
 * A solve whose failure only makes the explanation less complete: GLPK's MIP presolver can
 * abort (see runGlpk), and the model's status is known already. Null when it threw.
 */
async function attempt(solve: () => Promise<RawSolution>): Promise<RawSolution | null> {
  try {
    return await solve();
  } catch {
    return null;
  }
}

type Feasibility = 'feasible' | 'infeasible' | 'unknown';

/** Can these rows (with every variable bound, and integrality) hold together? */
async function feasibility(model: LpModel, constraints: LpConstraint[], solver: LpSolver, deadline: Deadline | undefined): Promise<Feasibility> {
  // No rows: only the bounds, which need no solve (and GLPK is not asked about an empty problem).
  if (constraints.length === 0) return model.variables.every(boundsHold) ? 'feasible' : 'infeasible';
  // Feasibility only: a zero objective cannot be unbounded.
  const probe: LpModel = { ...model, sense: 'min', variables: model.variables.map((v) => ({ ...v, objective: 0 })), constraints };
  const solved = await attempt(() => runGlpk(probe, solver, { deadline: capped(model, deadline) }));
  if (!solved) return 'unknown';
  // A point found before the time limit proves feasibility too.
  if (solved.status === 'optimal' || solved.values) return 'feasible';
  return solved.status === 'infeasible' ? 'infeasible' : 'unknown';
}

function boundsHold(v: LpVariable): boolean {
  if (isInteger(v)) return integerRange(lowerOf(v), upperOf(v)) !== null;
  return lowerOf(v) <= upperOf(v);
}

/**
 * @param rows an infeasible set, in the order rows are tried for removal
 * @returns the rows kept; complete when every row was tried and every check answered
 */
async function deletionFilter(model: LpModel, rows: LpConstraint[], solver: LpSolver, deadline: Deadline | undefined): Promise<{ kept: LpConstraint[]; complete: boolean }> {
  let kept = rows.slice();
  let complete = true;
  for (const constraint of rows) {
    if (expired(deadline)) return { kept, complete: false };
    const without = kept.filter((c) => c !== constraint);
    const answer = await feasibility(model, without, solver, deadline);
    if (answer === 'infeasible') kept = without;
    // Not known: the row stays, so the set stays infeasible, but it may not be needed.
    else if (answer === 'unknown') complete = false;
  }
  return { kept, complete };
}

/**
 * The rows of a sparse Farkas certificate of an infeasible LP (see the file comment), or
 * null when the LP finds none (a feasible model, or no time). For rows a_i x (≤, ≥, =) b_i
 * and bounds l ≤ x ≤ u: find λ_i (≥ 0 for ≤, ≤ 0 for ≥, free for =), μ, ν ≥ 0 with
 * Σ_i λ_i a_ij − μ_j + ν_j = 0 for every variable j and Σ_i λ_i b_i − Σ l_j μ_j + Σ u_j ν_j ≤ −1
 * (μ_j only for a finite l_j, ν_j for a finite u_j), minimising Σ_i w_i |λ_i|.
 */
async function sparseCertificate(model: LpModel, solver: LpSolver, deadline: Deadline | undefined): Promise<LpConstraint[] | null> {
  const variables: LpVariable[] = [];
  const balance = new Map<string, Record<string, number>>(); // per model variable: its row of Σ λ a − μ + ν
  const columnsOf = new Map<LpConstraint, string[]>();
  const norm = record<number>();
  const rowOf = (name: string) => {
    let row = balance.get(name);
    if (!row) balance.set(name, (row = record<number>()));
    return row;
  };
  model.constraints.forEach((c, i) => {
    const terms = Object.entries(c.terms).filter(([, a]) => a !== 0);
    // (A row of zeros, 0 ≤ −1, is a certificate on its own: weight 1.)
    const weight = terms.reduce((w, [, a]) => Math.max(w, Math.abs(a)), 0) || 1;
    // |λ_i| as λ⁺ − λ⁻: only λ⁺ for ≤, only λ⁻ for ≥, both for =.
    const signs = c.op === '<=' ? [1] : c.op === '>=' ? [-1] : [1, -1];
    const names: string[] = [];
    for (const sign of signs) {
      const name = `l${i}${sign > 0 ? 'p' : 'm'}`;
      variables.push({ name, objective: weight, lower: 0 });
      for (const [variable, a] of terms) rowOf(variable)[name] = sign * a;
      if (c.rhs !== 0) norm[name] = sign * c.rhs;
      names.push(name);
    }
    columnsOf.set(c, names);
  });
  model.variables.forEach((v, j) => {
    const row = balance.get(v.name);
    if (!row) return; // in no row: its bounds cannot take part
    if (Number.isFinite(lowerOf(v))) {
      variables.push({ name: `m${j}`, objective: 0, lower: 0 });
      row[`m${j}`] = -1;
      if (lowerOf(v) !== 0) norm[`m${j}`] = -lowerOf(v);
    }
    if (Number.isFinite(upperOf(v))) {
      variables.push({ name: `u${j}`, objective: 0, lower: 0 });
      row[`u${j}`] = 1;
      if (upperOf(v) !== 0) norm[`u${j}`] = upperOf(v);
    }
  });
  if (Object.keys(norm).length === 0) return null; // every right-hand side and bound 0: x = 0 is feasible
  const constraints: LpConstraint[] = [...balance.entries()]
    .filter(([, terms]) => Object.keys(terms).length > 0)
    .map(([, terms], j) => ({ name: `x${j}`, terms, op: '=', rhs: 0 }));
  constraints.push({ name: 'gap', terms: norm, op: '<=', rhs: -1 });
  const solved = await attempt(() => runGlpk({ sense: 'min', variables, constraints }, solver, { deadline }));
  if (!solved || solved.status !== 'optimal' || !solved.values) return null;
  const values = solved.values;
  const scale = Object.values(values).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const rows = model.constraints.filter((c) => (columnsOf.get(c) ?? []).some((name) => values[name] > 1e-9 * scale));
  return rows.length > 0 ? rows : null;
}

interface ElasticSolution {
  /** Total slack per constraint (how far its right-hand side had to move). */
  slack: Map<string, number>;
  /** Row duals of the elastic LP (LP only). */
  duals?: Record<string, number>;
}

/** The phase-one problem: minimise the total stretch of right-hand sides. Null when not solved. */
async function elasticSolve(model: LpModel, solver: LpSolver, deadline: Deadline | undefined): Promise<ElasticSolution | null> {
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
  const solved = await attempt(() => runGlpk(elastic, solver, { deadline: capped(model, deadline) }));
  if (!solved || solved.status !== 'optimal' || !solved.values) return null;
  const values = solved.values;
  const slack = new Map<string, number>();
  for (const c of model.constraints) slack.set(c.name, (slackOf.get(c.name) ?? []).reduce((s, name) => s + values[name], 0));
  return { slack, ...(solved.duals ? { duals: solved.duals } : {}) };
}
