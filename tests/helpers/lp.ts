/** Helpers for tests of the LP engine: a model from LP text, and glpk.js's Node solver. */
import GLPK from 'glpk.js/node';
import { parseLpFormat } from '../../src/core/lp/parse-lp-format';
import type { LpModel } from '../../src/core/lp/lp-model';
import type { LpSolver } from '../../src/core/lp/run-glpk';

/** parseLpFormat that fails the test with the reader's message. */
export function parsedLp(text: string): LpModel {
  const result = parseLpFormat(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** glpk.js (synchronous Node build) with its own types, for calling it directly. */
export const glpkNode = await GLPK();
/** The same instance as the engine takes it. */
export const glpk = glpkNode as unknown as LpSolver;
