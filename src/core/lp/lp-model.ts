/**
 * A linear (or mixed-integer) program as the app keeps it: named variables with bounds and
 * objective coefficients, named constraints with coefficients, a sense and a right-hand
 * side. The LP-file reader produces it; the solver adapter and the editors work on it.
 */
export type ConstraintSense = '<=' | '>=' | '=';

export interface LpVariable {
  name: string;
  /** Coefficient in the objective (0 when absent). */
  objective: number;
  /** -Infinity for a free variable. @default 0 */
  lower: number;
  /** Infinity when unbounded above. */
  upper: number;
  integer: boolean;
}

export interface LpConstraint {
  name: string;
  /** Coefficient per variable name (terms of one variable are summed). */
  coefficients: Map<string, number>;
  sense: ConstraintSense;
  rhs: number;
}

export interface LpModel {
  name: string;
  sense: 'maximize' | 'minimize';
  objectiveName: string;
  /** In order of first appearance. */
  variables: LpVariable[];
  constraints: LpConstraint[];
}
