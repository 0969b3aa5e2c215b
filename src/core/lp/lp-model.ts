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
 * letters, digits and signs. Letters of any script, so a plan can name channels in Chinese.
 */
export const LP_NAME = /^[\p{L}_!"#$%&()/,;?@`'{}|~][\p{L}\p{N}_!"#$%&()/,.;?@`'{}|~[\]]*$/u;

export const lowerOf = (v: LpVariable): number => v.lower ?? 0;
export const upperOf = (v: LpVariable): number => v.upper ?? Number.POSITIVE_INFINITY;
export const isInteger = (v: LpVariable): boolean => v.integer === true;

/** The terms of a constraint as [variable, coefficient] pairs. */
export function termsOf(c: LpConstraint): [string, number][] {
  return Object.entries(c.terms);
}

/**
 * An empty record for terms or per-name results. No prototype, so a variable called
 * "constructor" or "__proto__" is an ordinary key.
 */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
