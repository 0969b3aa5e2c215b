/**
 * Checks a model before it reaches the solver, so a mistake typed into the editor gets a
 * message naming the row or variable instead of a solver failure. GLPK itself rejects
 * duplicate names and NaN coefficients with an abort, which would kill the worker.
 */
import { fail, ok, type Result } from '../shared/result';
import { isReservedName, LP_NAME, lowerOf, termsOf, upperOf, type LpModel } from './lp-model';

/**
 * Above this many non-zero coefficients a model is refused: GLPK's memory in the browser is
 * one WebAssembly heap (at most 2 GB in 32-bit WebAssembly), and a simplex on a model this
 * size takes many minutes in a browser tab.
 */
export const MAX_NONZEROS = 2_000_000;
/**
 * GLPK aborts on a name (of a variable, a row or the problem) longer than this many bytes of
 * UTF-8: 255 ASCII letters, but only 85 Chinese characters (3 bytes each).
 */
const MAX_NAME_BYTES = 255;

/** Length in UTF-8 bytes, counted by code point (TextEncoder is not in the engine's lib). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    // A lone surrogate is encoded as U+FFFD, 3 bytes.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function tooLong(name: string, kind: string): Result<LpModel> | null {
  const bytes = utf8Bytes(name);
  if (bytes <= MAX_NAME_BYTES) return null;
  const shown = Array.from(name).slice(0, 40).join('');
  return fail('LP_MODEL_NAME_LONG', `The name "${shown}…" takes ${bytes} bytes; GLPK takes at most ${MAX_NAME_BYTES} (about 85 Chinese characters).`, { kind, name: shown, bytes, max: MAX_NAME_BYTES });
}

function badName(name: string, kind: 'variable' | 'constraint' | 'objective'): Result<LpModel> | null {
  if (name === '') return fail('LP_MODEL_NAME_EMPTY', `A ${kind} has no name.`, { kind });
  const long = tooLong(name, kind);
  if (long) return long;
  // Names are written into LP text, so they must read back as names.
  if (!LP_NAME.test(name)) return fail('LP_MODEL_NAME_INVALID', `"${name}" cannot be a name: start with a letter, and use letters, digits and _ (no spaces, + - * < > = : [ or ]).`, { kind, name });
  if (isReservedName(name)) return fail('LP_MODEL_NAME_RESERVED', `"${name}" cannot be a name: LP files or the solver use it (such as end, bounds, free, inf, max, st or __proto__).`, { kind, name });
  return null;
}

/** The title goes to GLPK as the problem name: any text, on one line, within its length. */
function badTitle(title: string): Result<LpModel> | null {
  const long = tooLong(title, 'title');
  if (long) return long;
  // GLPK aborts on a control character (line break, tab) in the problem name.
  if (/[\u0000-\u001f\u007f]/.test(title)) return fail('LP_MODEL_TITLE_INVALID', 'The title of the model has a line break or a tab: write it on one line.', { kind: 'title' });
  return null;
}

/**
 * @returns the model unchanged, or the first problem found (LP_MODEL_* codes, with the name)
 */
export function validateLpModel(model: LpModel): Result<LpModel> {
  if (model.sense !== 'max' && model.sense !== 'min') return fail('LP_MODEL_SENSE', 'The model must maximise or minimise.');
  if (model.variables.length === 0) return fail('LP_MODEL_EMPTY', 'The model has no variables: add at least one.');
  if (model.name !== undefined) {
    const bad = badTitle(model.name);
    if (bad) return bad;
  }
  if (model.objectiveName !== undefined) {
    const bad = badName(model.objectiveName, 'objective');
    if (bad) return bad;
  }
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
