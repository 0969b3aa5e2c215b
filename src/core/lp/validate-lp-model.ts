/**
 * Checks a model before it reaches the solver, so a mistake typed into the editor gets a
 * message naming the row or variable instead of a solver failure. GLPK itself rejects
 * duplicate names and NaN coefficients with an abort, which would kill the worker.
 */
import { fail, ok, type Result } from '../shared/result';
import { LP_NAME, lowerOf, termsOf, upperOf, type LpModel } from './lp-model';

/**
 * Above this many non-zero coefficients a model is refused: GLPK's memory in the browser is
 * one WebAssembly heap (at most 2 GB in 32-bit WebAssembly), and a simplex on a model this
 * size takes many minutes in a browser tab.
 */
export const MAX_NONZEROS = 2_000_000;
/** GLPK refuses names longer than this. */
const MAX_NAME_LENGTH = 255;

function badName(name: string, kind: 'variable' | 'constraint'): Result<LpModel> | null {
  if (name === '') return fail('LP_MODEL_NAME_EMPTY', `A ${kind} has no name.`, { kind });
  if (name.length > MAX_NAME_LENGTH) return fail('LP_MODEL_NAME_LONG', `The name "${name.slice(0, 40)}…" is longer than ${MAX_NAME_LENGTH} characters.`, { name: name.slice(0, 40), max: MAX_NAME_LENGTH });
  // Names are written into LP text, so they must read back as names.
  if (!LP_NAME.test(name)) return fail('LP_MODEL_NAME_INVALID', `"${name}" cannot be a name: start with a letter, and use letters, digits and _ (no spaces, + - * < > = or :).`, { kind, name });
  return null;
}

/**
 * @returns the model unchanged, or the first problem found (LP_MODEL_* codes, with the name)
 */
export function validateLpModel(model: LpModel): Result<LpModel> {
  if (model.sense !== 'max' && model.sense !== 'min') return fail('LP_MODEL_SENSE', 'The model must maximise or minimise.');
  if (model.variables.length === 0) return fail('LP_MODEL_EMPTY', 'The model has no variables: add at least one.');
  const variables = new Set<string>();
  for (const v of model.variables) {
    const name = v.name;
    const bad = badName(name, 'variable');
    if (bad) return bad;
    if (variables.has(name)) return fail('LP_MODEL_NAME_DUPLICATE', `Two variables are called "${name}".`, { kind: 'variable', name });
    variables.add(name);
    if (!Number.isFinite(v.objective)) return fail('LP_MODEL_NUMBER', `The objective coefficient of "${name}" is not a number.`, { name, field: 'objective' });
    const lower = lowerOf(v);
    const upper = upperOf(v);
    if (Number.isNaN(lower) || lower === Number.POSITIVE_INFINITY) return fail('LP_MODEL_NUMBER', `The lower bound of "${name}" is not a number.`, { name, field: 'lower' });
    if (Number.isNaN(upper) || upper === Number.NEGATIVE_INFINITY) return fail('LP_MODEL_NUMBER', `The upper bound of "${name}" is not a number.`, { name, field: 'upper' });
    if (lower > upper) return fail('LP_MODEL_BOUNDS', `The lower bound of "${name}" (${lower}) is above its upper bound (${upper}).`, { name, lower, upper });
  }
  const constraints = new Set<string>();
  let nonzeros = model.variables.length;
  for (const c of model.constraints) {
    const name = c.name;
    const bad = badName(name, 'constraint');
    if (bad) return bad;
    if (constraints.has(name)) return fail('LP_MODEL_NAME_DUPLICATE', `Two constraints are called "${name}".`, { kind: 'constraint', name });
    constraints.add(name);
    if (c.op !== '<=' && c.op !== '>=' && c.op !== '=') return fail('LP_MODEL_OP', `Constraint "${name}" needs <=, >= or =.`, { name });
    if (!Number.isFinite(c.rhs)) return fail('LP_MODEL_NUMBER', `The right-hand side of "${name}" is not a number.`, { name, field: 'rhs' });
    const terms = termsOf(c);
    if (terms.length === 0) return fail('LP_MODEL_ROW_EMPTY', `Constraint "${name}" has no variables.`, { name });
    for (const [variable, coefficient] of terms) {
      if (!variables.has(variable)) return fail('LP_MODEL_UNKNOWN_VARIABLE', `Constraint "${name}" uses "${variable}", which is not a variable of the model.`, { name, variable });
      if (!Number.isFinite(coefficient)) return fail('LP_MODEL_NUMBER', `The coefficient of "${variable}" in "${name}" is not a number.`, { name, variable, field: 'coefficient' });
    }
    nonzeros += terms.length;
  }
  if (nonzeros > MAX_NONZEROS) {
    return fail('LP_MODEL_TOO_LARGE', `The model has ${nonzeros} coefficients; a browser can solve at most ${MAX_NONZEROS}.`, { count: nonzeros, max: MAX_NONZEROS });
  }
  return ok(model);
}
