/**
 * The simplex method as a textbook does it by hand, one tableau at a time, for small models
 * in class. The app solves models with GLPK; this module only shows the working.
 *
 * Standard form: every row gets a non-negative right-hand side (a row with a negative one is
 * multiplied by −1, which turns ≤ into ≥); a ≤ row gets a slack variable, a ≥ row a surplus
 * variable and an artificial one, an equation an artificial one.
 *
 * Artificial variables are removed with the TWO-PHASE method, not Big-M: phase one maximises
 * −W, where W is the sum of the artificial variables, and reaches W = 0 exactly when the model
 * has a feasible plan; phase two then starts from that corner with the real objective. Big-M
 * would need a "large enough" M, which mixes numbers of very different size in one row (the
 * budgets here are in the thousands, shares below one) and hides the question "is there any
 * feasible plan at all?" that phase one answers by itself.
 *
 * Every tableau is written for a maximisation (a minimisation maximises −Z): the objective
 * row holds z_j − c_j, the column to enter is one with a negative entry, and Bland's rule
 * (the first such column; among tied ratios the basic variable with the smallest column
 * index leaves) guarantees that degenerate pivots never cycle.
 */
import { fail, ok, type Result } from '../shared/result';
import { lowerOf, record, upperOf, type LpModel } from './lp-model';
import { validateLpModel } from './validate-lp-model';

/** Models larger than this (variables or constraints) are refused: the tableau would not fit a page. */
export const MAX_STEPS_SIZE = 12;

export interface SimplexColumn {
  name: string;
  /** An original variable, or one added for the standard form. */
  kind: 'variable' | 'slack' | 'surplus' | 'artificial';
  /** The constraint a slack, surplus or artificial variable belongs to. */
  constraint?: string;
}

export interface SimplexRow {
  /** The constraint this row came from. */
  constraint: string;
  /** The basic variable of this row. */
  basis: string;
  coefficients: number[];
  rhs: number;
}

export type SimplexStatus = 'pivot' | 'phase-one-done' | 'optimal' | 'unbounded' | 'infeasible' | 'step-limit';

export interface SimplexStep {
  /** 1: looking for a feasible corner (only when there are artificial variables); 2: improving Z. */
  phase: 1 | 2;
  columns: SimplexColumn[];
  rows: SimplexRow[];
  /**
   * z_j − c_j per column and the row's value: '-W' in phase one (value −W), 'Z' in phase two of
   * a maximisation (value Z), '-Z' in phase two of a minimisation (value −Z).
   */
  objectiveRow: { label: '-W' | 'Z' | '-Z'; coefficients: number[]; value: number };
  /** The basic variable of each row, in row order. */
  basis: string[];
  /** The column chosen to enter (with its entry in the objective row), or null when none does. */
  entering: { column: number; name: string; reducedCost: number } | null;
  /** Ratio test per row: rhs ÷ pivot-column entry where that entry is positive, else null. */
  ratios: (number | null)[];
  /** The row whose basic variable leaves, with the pivot element and the winning ratio. */
  leaving: { row: number; name: string; element: number; ratio: number } | null;
  /**
   * Why this pivot: to improve the objective, or (after phase one) to move an artificial
   * variable that is still basic at zero out of the basis.
   */
  reason: 'improve' | 'drive-out' | null;
  /** The original variables at this basic solution. */
  vertex: Record<string, number>;
  /** The model's objective at `vertex` (in its own sense, not negated). */
  objective: number;
  /** W, the sum of the artificial variables (0 in phase two). */
  infeasibility: number;
  /** 'pivot' when the pivot described here follows; otherwise how the method ended. */
  status: SimplexStatus;
  /** At an optimum: non-basic columns with a zero objective-row entry (another optimal corner exists). */
  alternative: string[];
  /** Phase two's first tableau: rows dropped after phase one because they repeat other rows. */
  dropped: string[];
}

/** Decisions (signs of entries) below this size count as zero. */
const EPS = 1e-9;

/**
 * The tableaux of the simplex method on a small model, from the first to the last.
 *
 * @param model ≤ 12 variables and ≤ 12 constraints, every variable with lower bound 0 and no
 *   upper bound (write an upper bound as a constraint); integrality is ignored (the LP relaxation)
 * @param maxSteps most tableaux returned; the last one then has status 'step-limit'
 * @returns the steps; LP_STEPS_TOO_LARGE, LP_STEPS_BOUNDS, or the model's own LP_MODEL_* problem
 * @example simplexSteps(wyndor).value.map((s) => s.vertex) // (0,0) → (4,0) → (4,3) → (2,6)
 */
export function simplexSteps(model: LpModel, maxSteps = 50): Result<SimplexStep[]> {
  const valid = validateLpModel(model);
  if (!valid.ok) return valid;
  const n = model.variables.length;
  const m = model.constraints.length;
  if (n > MAX_STEPS_SIZE || m > MAX_STEPS_SIZE) {
    return fail(
      'LP_STEPS_TOO_LARGE',
      `The tableau method is shown for models of up to ${MAX_STEPS_SIZE} variables and ${MAX_STEPS_SIZE} constraints; this one has ${n} and ${m}.`,
      { variables: n, constraints: m, max: MAX_STEPS_SIZE },
    );
  }
  for (const v of model.variables) {
    if (lowerOf(v) !== 0 || upperOf(v) !== Number.POSITIVE_INFINITY) {
      return fail(
        'LP_STEPS_BOUNDS',
        `The tableau method is shown for variables ≥ 0 without an upper bound; "${v.name}" has bounds [${lowerOf(v)}, ${upperOf(v)}]. Write other bounds as constraints.`,
        { name: v.name, lower: lowerOf(v), upper: upperOf(v) },
      );
    }
  }

  // Standard form. Column order is the order Bland's rule uses: variables, then slack and
  // surplus variables row by row, then artificial variables row by row.
  const taken = new Set(model.variables.map((v) => v.name));
  const unique = (base: string) => {
    let name = base;
    while (taken.has(name)) name += "'";
    taken.add(name);
    return name;
  };
  const columns: SimplexColumn[] = model.variables.map((v) => ({ name: v.name, kind: 'variable' }));
  const signs = model.constraints.map((c) => (c.rhs < 0 ? -1 : 1));
  const ops = model.constraints.map((c, i) => (signs[i] > 0 || c.op === '=' ? c.op : c.op === '<=' ? '>=' : '<='));
  const extra: number[] = [];
  model.constraints.forEach((c, i) => {
    if (ops[i] === '=') return;
    extra[i] = columns.length;
    const kind = ops[i] === '<=' ? 'slack' : 'surplus';
    columns.push({ name: unique(`${kind === 'slack' ? 's' : 'e'}${i + 1}`), kind, constraint: c.name });
  });
  const artificial: number[] = [];
  model.constraints.forEach((c, i) => {
    if (ops[i] === '<=') return;
    artificial[i] = columns.length;
    columns.push({ name: unique(`a${i + 1}`), kind: 'artificial', constraint: c.name });
  });

  const index = new Map(model.variables.map((v, j) => [v.name, j]));
  let tableau: number[][] = model.constraints.map((c, i) => {
    const row = new Array<number>(columns.length).fill(0);
    for (const [name, coefficient] of Object.entries(c.terms)) row[index.get(name)!] += signs[i] * coefficient;
    if (extra[i] !== undefined) row[extra[i]] = ops[i] === '<=' ? 1 : -1;
    if (artificial[i] !== undefined) row[artificial[i]] = 1;
    return row;
  });
  let rhs = model.constraints.map((c, i) => signs[i] * c.rhs + 0);
  let basis = model.constraints.map((_, i) => artificial[i] ?? extra[i]);
  let rowNames = model.constraints.map((c) => c.name);
  let cols = columns;

  const sign = model.sense === 'max' ? 1 : -1;
  const phaseTwoCost = () => cols.map((col) => (col.kind === 'variable' ? sign * model.variables[index.get(col.name)!].objective : 0));
  const phaseOneCost = () => cols.map((col) => (col.kind === 'artificial' ? -1 : 0));
  let phase: 1 | 2 = artificial.some((j) => j !== undefined) ? 1 : 2;
  let cost = phase === 1 ? phaseOneCost() : phaseTwoCost();
  let dropped: string[] = [];
  const scaleW = Math.max(1, ...rhs.map(Math.abs));

  const steps: SimplexStep[] = [];
  const limit = Math.max(1, Math.floor(maxSteps));

  const snapshot = (
    status: SimplexStatus,
    extras: Partial<Pick<SimplexStep, 'entering' | 'ratios' | 'leaving' | 'reason' | 'alternative'>> = {},
  ): SimplexStep => {
    const { reduced, value } = objectiveRow(tableau, rhs, basis, cost);
    const vertex = record<number>();
    for (const v of model.variables) vertex[v.name] = 0;
    let infeasibility = 0;
    basis.forEach((j, i) => {
      if (cols[j].kind === 'variable') vertex[cols[j].name] = rhs[i];
      if (cols[j].kind === 'artificial') infeasibility += rhs[i];
    });
    const step: SimplexStep = {
      phase,
      columns: cols.map((c) => ({ ...c })),
      rows: tableau.map((row, i) => ({ constraint: rowNames[i], basis: cols[basis[i]].name, coefficients: row.slice(), rhs: rhs[i] })),
      objectiveRow: { label: phase === 1 ? '-W' : sign > 0 ? 'Z' : '-Z', coefficients: reduced, value },
      basis: basis.map((j) => cols[j].name),
      entering: extras.entering ?? null,
      ratios: extras.ratios ?? tableau.map(() => null),
      leaving: extras.leaving ?? null,
      reason: extras.reason ?? null,
      vertex,
      objective: model.variables.reduce((z, v) => z + v.objective * vertex[v.name], 0),
      infeasibility,
      status,
      alternative: extras.alternative ?? [],
      dropped,
    };
    dropped = [];
    return step;
  };

  const pivot = (row: number, column: number) => {
    const element = tableau[row][column];
    tableau[row] = tableau[row].map((a) => a / element);
    rhs[row] /= element;
    for (let i = 0; i < tableau.length; i++) {
      if (i === row || tableau[i][column] === 0) continue;
      const factor = tableau[i][column];
      tableau[i] = tableau[i].map((a, j) => clean(a - factor * tableau[row][j]));
      rhs[i] = clean(rhs[i] - factor * rhs[row]);
    }
    tableau[row][column] = 1;
    basis[row] = column;
  };

  for (;;) {
    if (steps.length === limit - 1) {
      steps.push(snapshot('step-limit'));
      break;
    }
    const { reduced, value } = objectiveRow(tableau, rhs, basis, cost);
    const enter = reduced.findIndex((d) => d < -EPS);
    if (enter >= 0) {
      const ratios = tableau.map((row, i) => (row[enter] > EPS ? rhs[i] / row[enter] : null));
      let leave = -1;
      ratios.forEach((r, i) => {
        if (r === null) return;
        const best = leave < 0 ? Number.POSITIVE_INFINITY : (ratios[leave] as number);
        const tie = Math.abs(r - best) <= 1e-12 * Math.max(1, Math.abs(best));
        if (leave < 0 || (r < best && !tie) || (tie && basis[i] < basis[leave])) leave = i;
      });
      const entering = { column: enter, name: cols[enter].name, reducedCost: reduced[enter] };
      if (leave < 0) {
        // Phase one cannot get here (−W is at most 0); phase two has found a ray.
        steps.push(snapshot('unbounded', { entering, ratios }));
        break;
      }
      const leaving = { row: leave, name: cols[basis[leave]].name, element: tableau[leave][enter], ratio: ratios[leave] as number };
      steps.push(snapshot('pivot', { entering, ratios, leaving, reason: 'improve' }));
      pivot(leave, enter);
      continue;
    }

    if (phase === 2) {
      const alternative = cols.flatMap((c, j) => (!basis.includes(j) && Math.abs(reduced[j]) <= EPS ? [c.name] : []));
      steps.push(snapshot('optimal', { alternative }));
      break;
    }

    // Phase one is over. W > 0: no plan satisfies every constraint.
    if (-value > 1e-9 * scaleW) {
      steps.push(snapshot('infeasible'));
      break;
    }
    // W = 0, but an artificial variable may still be basic (at zero): pivot it out on any
    // non-artificial column of its row; a row with none repeats other rows and is dropped.
    const stuck = basis.findIndex((j, i) => cols[j].kind === 'artificial' && tableau[i].some((a, k) => cols[k].kind !== 'artificial' && Math.abs(a) > EPS));
    if (stuck >= 0) {
      const column = tableau[stuck].findIndex((a, k) => cols[k].kind !== 'artificial' && Math.abs(a) > EPS);
      const element = tableau[stuck][column];
      const entering = { column, name: cols[column].name, reducedCost: reduced[column] };
      const leaving = { row: stuck, name: cols[basis[stuck]].name, element, ratio: rhs[stuck] / element + 0 };
      steps.push(snapshot('pivot', { entering, leaving, reason: 'drive-out' }));
      pivot(stuck, column);
      continue;
    }
    steps.push(snapshot('phase-one-done'));

    const keepRows = basis.flatMap((j, i) => (cols[j].kind === 'artificial' ? [] : [i]));
    dropped = rowNames.filter((_, i) => !keepRows.includes(i));
    const keepCols = cols.flatMap((c, j) => (c.kind === 'artificial' ? [] : [j]));
    const newIndex = new Map(keepCols.map((j, k) => [j, k]));
    tableau = keepRows.map((i) => keepCols.map((j) => tableau[i][j]));
    rhs = keepRows.map((i) => rhs[i]);
    basis = keepRows.map((i) => newIndex.get(basis[i])!);
    rowNames = keepRows.map((i) => rowNames[i]);
    cols = keepCols.map((j) => cols[j]);
    phase = 2;
    cost = phaseTwoCost();
  }
  return ok(steps);
}

/** The objective row: z_j − c_j = Σ_i c_B(i) · a_ij − c_j, and its value Σ_i c_B(i) · b_i. */
function objectiveRow(tableau: number[][], rhs: number[], basis: number[], cost: number[]): { reduced: number[]; value: number } {
  const reduced = cost.map((c, j) => clean(tableau.reduce((s, row, i) => s + cost[basis[i]] * row[j], 0) - c));
  const value = clean(rhs.reduce((s, b, i) => s + cost[basis[i]] * b, 0));
  return { reduced, value };
}

/** Rounding noise (1e-17 where a hand calculation has 0) and −0 become 0. */
function clean(value: number): number {
  return Math.abs(value) < 1e-12 ? 0 : value;
}
