/** Helpers for tests of the LP engine: a model from LP text, and glpk.js's Node solver. */
import GLPK from 'glpk.js/node';
import { parseLp } from '../../src/core/lp/parse-lp';
import type { LpModel } from '../../src/core/lp/lp-model';
import type { GlpkSolve } from '../../src/core/lp/solve-lp';

/** parseLp that fails the test with the reader's message. */
export function parsedLp(text: string): LpModel {
  const result = parseLp(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** glpk.js (synchronous Node build) and its solve function, as the engine takes them. */
export const glpk = await GLPK();
export const glpkSolve: GlpkSolve = (problem, options) => glpk.solve(problem, options);
