/**
 * The app's LP model as glpk.js expects it. glpk.js's constants are passed in (they come
 * with the solver instance), so the engine does not depend on the solver package.
 * Pitfalls handled here:
 *  - variables default to [0, ∞) in GLPK, so every other bound is written out, and each
 *    bound type reads only the fields it uses;
 *  - glpk.js creates a column only for a name it meets in the objective, a row or the
 *    bounds, and GLPK aborts the whole WebAssembly instance on a problem without columns
 *    (glp_add_cols: ncs = 0), as a feasibility probe with no rows and a zeroed objective
 *    would be. So a variable with a zero objective gets an explicit bound ([0, ∞) too):
 *    every variable is a column, and the problem always has one;
 *  - glp_intopt refuses an integer column with a fractional bound, so an integer
 *    variable's bounds are rounded inwards (x ≥ 0.5 is x ≥ 1 for a whole x). Bounds that
 *    hold no whole number are left for the caller (runGlpk reports the model infeasible).
 */
import { isInteger, lowerOf, termsOf, upperOf, type LpModel, type LpVariable } from './lp-model';

/** The part of glpk.js's constants the model needs. */
export interface GlpkConstants {
  GLP_MIN: number;
  GLP_MAX: number;
  GLP_FR: number;
  GLP_LO: number;
  GLP_UP: number;
  GLP_DB: number;
  GLP_FX: number;
}

export interface GlpkBound {
  type: number;
  lb: number;
  ub: number;
}

/** glpk.js's problem shape (its LP type). */
export interface GlpkProblem {
  name: string;
  objective: { direction: number; name: string; vars: { name: string; coef: number }[] };
  subjectTo: { name: string; vars: { name: string; coef: number }[]; bnds: GlpkBound }[];
  bounds: ({ name: string } & GlpkBound)[];
  generals: string[];
  binaries: string[];
}

/**
 * @example toGlpkProblem(parseLpFormat(text).value, glpk)
 */
export function toGlpkProblem(model: LpModel, glp: GlpkConstants): GlpkProblem {
  return {
    name: model.name ?? 'model',
    objective: {
      direction: model.sense === 'max' ? glp.GLP_MAX : glp.GLP_MIN,
      name: model.objectiveName ?? 'obj',
      vars: model.variables.filter((v) => v.objective !== 0).map((v) => ({ name: v.name, coef: v.objective })),
    },
    subjectTo: model.constraints.map((c) => ({
      name: c.name,
      vars: termsOf(c).map(([name, coef]) => ({ name, coef })),
      bnds:
        c.op === '<='
          ? { type: glp.GLP_UP, lb: 0, ub: c.rhs }
          : c.op === '>='
            ? { type: glp.GLP_LO, lb: c.rhs, ub: 0 }
            : { type: glp.GLP_FX, lb: c.rhs, ub: c.rhs },
    })),
    bounds: model.variables
      .filter((v) => v.objective === 0 || !(lowerOf(v) === 0 && upperOf(v) === Number.POSITIVE_INFINITY))
      .map((v) => ({ name: v.name, ...boundOf(...boundsOf(v), glp) })),
    generals: model.variables.filter((v) => isInteger(v) && !isBinary(v)).map((v) => v.name),
    binaries: model.variables.filter(isBinary).map((v) => v.name),
  };
}

/** [lower, upper] as GLPK gets them: an integer variable's rounded inwards to whole numbers. */
function boundsOf(v: LpVariable): [number, number] {
  if (!isInteger(v)) return [lowerOf(v), upperOf(v)];
  return integerRange(lowerOf(v), upperOf(v)) ?? [lowerOf(v), upperOf(v)];
}

/** The whole numbers within [lower, upper] as [first, last], or null when there are none. */
export function integerRange(lower: number, upper: number): [number, number] | null {
  // A bound within 1e-9 of a whole number (rounding noise, as in 2.9999999999999996) is that number.
  // (+ 0 turns the −0 of Math.ceil(−1e-9) into 0.)
  const lo = Number.isFinite(lower) ? Math.ceil(lower - 1e-9) + 0 : lower;
  const up = Number.isFinite(upper) ? Math.floor(upper + 1e-9) + 0 : upper;
  return lo <= up ? [lo, up] : null;
}

function isBinary(v: LpVariable): boolean {
  if (!isInteger(v)) return false;
  const [lower, upper] = boundsOf(v);
  return lower === 0 && upper === 1;
}

function boundOf(lower: number, upper: number, glp: GlpkConstants): GlpkBound {
  const hasLower = Number.isFinite(lower);
  const hasUpper = Number.isFinite(upper);
  if (hasLower && hasUpper) return lower === upper ? { type: glp.GLP_FX, lb: lower, ub: upper } : { type: glp.GLP_DB, lb: lower, ub: upper };
  if (hasLower) return { type: glp.GLP_LO, lb: lower, ub: 0 };
  if (hasUpper) return { type: glp.GLP_UP, lb: 0, ub: upper };
  return { type: glp.GLP_FR, lb: 0, ub: 0 };
}
