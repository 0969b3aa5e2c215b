/**
 * The model as the table editor holds it: every cell as the text the user typed, so a
 * half-typed or wrong number is never lost, and coefficients keyed by a variable's id, so
 * renaming a variable keeps its column. Turned into an LpModel only to solve or export,
 * with a message that names the cell when a number cannot be read.
 */
import { record, type ConstraintOp, type LpModel } from '../../core/lp/lp-model';
import { validateLpModel } from '../../core/lp/validate-lp-model';
import { fail, ok, type Result } from '../../core/shared/result';
import { readNumber } from '../i18n/read-number';

export interface DraftVariable {
  id: number;
  name: string;
  objective: string;
  /** '' means 0. */
  lower: string;
  /** '' means no upper bound. */
  upper: string;
  integer: boolean;
}

export interface DraftConstraint {
  id: number;
  name: string;
  /** Text per variable id; '' or absent means the variable is not in the row. */
  coefficients: Record<number, string>;
  op: ConstraintOp;
  rhs: string;
}

export interface ModelDraft {
  name: string;
  /** The objective's label in LP text ('' for the default). */
  objectiveName: string;
  sense: 'max' | 'min';
  variables: DraftVariable[];
  constraints: DraftConstraint[];
  /** The next free id for a new row. */
  nextId: number;
}

/** A number as an editable cell: full precision, the locale's decimal mark, no grouping. */
export function numberCell(value: number, locale: string): string {
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '−∞';
  const mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return String(value).replace('.', mark).replace('-', '−');
}

export function draftFromModel(model: LpModel, locale: string): ModelDraft {
  let nextId = 1;
  const ids = new Map<string, number>();
  const variables = model.variables.map((v): DraftVariable => {
    const id = nextId++;
    ids.set(v.name, id);
    return {
      id,
      name: v.name,
      objective: numberCell(v.objective, locale),
      lower: (v.lower ?? 0) === 0 ? '' : numberCell(v.lower ?? 0, locale),
      upper: (v.upper ?? Number.POSITIVE_INFINITY) === Number.POSITIVE_INFINITY ? '' : numberCell(v.upper!, locale),
      integer: v.integer === true,
    };
  });
  const constraints = model.constraints.map((c): DraftConstraint => {
    const coefficients: Record<number, string> = {};
    for (const [name, a] of Object.entries(c.terms)) {
      const id = ids.get(name);
      if (id !== undefined) coefficients[id] = numberCell(a, locale);
    }
    return { id: nextId++, name: c.name, coefficients, op: c.op, rhs: numberCell(c.rhs, locale) };
  });
  return { name: model.name ?? '', objectiveName: model.objectiveName ?? '', sense: model.sense, variables, constraints, nextId };
}

/**
 * @returns the model, or LP_MODEL_NUMBER naming the row and field of the first unreadable
 *   cell, or what validateLpModel finds
 */
export function modelFromDraft(draft: ModelDraft, locale: string): Result<LpModel> {
  const read = (text: string, name: string, field: string, empty: number | null): Result<number> => {
    if (text.trim() === '' && empty !== null) return ok(empty);
    const value = readNumber(text, locale);
    return value === null ? fail('LP_MODEL_NUMBER', `"${text}" at ${name} (${field}) is not a number.`, { name, field, text }) : ok(value);
  };
  const variables: LpModel['variables'] = [];
  const names = new Map<number, string>();
  for (const v of draft.variables) {
    const name = v.name.trim();
    names.set(v.id, name);
    const objective = read(v.objective, name, 'objective', 0);
    if (!objective.ok) return objective;
    const lower = read(v.lower, name, 'lower', 0);
    if (!lower.ok) return lower;
    const upper = read(v.upper, name, 'upper', Number.POSITIVE_INFINITY);
    if (!upper.ok) return upper;
    variables.push({ name, objective: objective.value, lower: lower.value, upper: upper.value, integer: v.integer });
  }
  const constraints: LpModel['constraints'] = [];
  for (const c of draft.constraints) {
    const name = c.name.trim();
    const terms = record<number>();
    for (const v of draft.variables) {
      const text = c.coefficients[v.id] ?? '';
      if (text.trim() === '') continue;
      const a = read(text, name, names.get(v.id) ?? '', null);
      if (!a.ok) return a;
      if (a.value !== 0) terms[names.get(v.id)!] = a.value;
    }
    const rhs = read(c.rhs, name, 'rhs', null);
    if (!rhs.ok) return rhs;
    constraints.push({ name, terms, op: c.op, rhs: rhs.value });
  }
  return validateLpModel({ name: draft.name || undefined, objectiveName: draft.objectiveName || undefined, sense: draft.sense, variables, constraints });
}
