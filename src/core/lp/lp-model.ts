/**
 * A linear (or mixed-integer) program as the app keeps it: named variables with bounds and
 * objective coefficients, named constraints with coefficients, an operator and a right-hand
 * side. The LP-file reader produces it; the solver adapter and the editors work on it.
 * Plain data (records, not maps), so it crosses the worker boundary and goes into storage
 * unchanged.
 */
export type ConstraintOp = '<=' | '>=' | '=';

export interface LpVariable {
  name: string;
  /** Coefficient in the objective. */
  objective: number;
  /** -Infinity for a free variable. @default 0 */
  lower?: number;
  /** @default Infinity */
  upper?: number;
  /** @default false */
  integer?: boolean;
}

export interface LpConstraint {
  name: string;
  /** Coefficient per variable name. */
  terms: Record<string, number>;
  op: ConstraintOp;
  rhs: number;
}

export interface LpModel {
  sense: 'max' | 'min';
  variables: LpVariable[];
  constraints: LpConstraint[];
  /** A title, kept when the model is written as text. */
  name?: string;
  /** The objective's label in LP text. @default 'obj' */
  objectiveName?: string;
}

/**
 * A name as LP text can carry it: starts with a letter or one of CPLEX's allowed signs, then
 * letters, digits, signs and ".". Letters of any script, so a plan can name channels in
 * Chinese: this app's reader reads them, but glpsol and CPLEX read ASCII names only, so a
 * file with other letters is for this app (see writeLpFormat). No "[" or "]": CPLEX keeps
 * them for quadratic terms and glpsol refuses them.
 * A name must also not be a keyword (LP_KEYWORD) nor "__proto__" (isReservedName).
 */
export const LP_NAME = /^[\p{L}_!"#$%&()/,;?@`'{}|~][\p{L}\p{N}_!"#$%&()/,.;?@`'{}|~]*$/u;

/**
 * Words of the CPLEX LP format (any case): section headings, "free" and infinity in bounds.
 * A name equal to one breaks a reader: "end" in a General section ends the file, "inf"
 * reads as a number, "st" on a line of its own starts the constraints.
 */
export const LP_KEYWORD =
  /^(max|maximi[sz]e|maximum|min|minimi[sz]e|minimum|st\.?|s\.t\.?|subject|such|bounds?|generals?|gen|integers?|binary|binaries|bin|semi-continuous|semis?|sos|end|free|inf|infinity)$/i;

/**
 * True for a name the app cannot use: an LP keyword, or "__proto__". glpk.js hands results
 * back in plain objects ({} with Object.prototype), where assigning the key "__proto__"
 * sets the prototype instead of adding a key, so the variable's value is lost. Other names
 * of Object.prototype ("constructor", "toString") are safe: once assigned they are own keys.
 */
export function isReservedName(name: string): boolean {
  return name === '__proto__' || LP_KEYWORD.test(name);
}

export const lowerOf = (v: LpVariable): number => v.lower ?? 0;
export const upperOf = (v: LpVariable): number => v.upper ?? Number.POSITIVE_INFINITY;
export const isInteger = (v: LpVariable): boolean => v.integer === true;
/** An integer variable in [0, 1]: LP text lists it under Binary, GLPK as binary. */
export const isBinary = (v: LpVariable): boolean => isInteger(v) && lowerOf(v) === 0 && upperOf(v) === 1;

/** The terms of a constraint as [variable, coefficient] pairs. */
export function termsOf(c: LpConstraint): [string, number][] {
  return Object.entries(c.terms);
}

/**
 * An empty record for terms or per-name results. No prototype, so a name such as
 * "constructor" or "toString" is never read as an inherited member before it is set.
 * ("__proto__" is not a valid name at all: see isReservedName.)
 */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
