/**
 * What the LP worker does, apart from the messaging (lp.worker.ts exposes it), so tests call
 * it directly: read and write LP text (a shared model file is megabytes, so not on the
 * page), and solve with all the follow-up analyses, within the time limit the page always
 * passes (one limit for the solve and its analyses together; see solveLp). The solver is
 * glpk.js's synchronous build, loaded in this worker once and reused: a measured spike
 * showed it starts faster than glpk.js's browser build (which would start a second worker
 * of its own) and solves as fast, and keeping every re-solve of the analyses here saves a
 * round trip each. A solve blocks this worker only; Cancel terminates it (see
 * lib/worker-client.ts).
 */
import type { LpModel } from '../core/lp/lp-model';
import { parseLpFormat } from '../core/lp/parse-lp-format';
import { solveLp, type LpSolution } from '../core/lp/solve-lp';
import { writeLpFormat } from '../core/lp/write-lp-format';
import { fail, ok, type Result } from '../core/shared/result';

function internal(error: unknown): Result<never> {
  const detail = error instanceof Error ? error.message : String(error);
  return fail('INTERNAL', detail, { detail });
}

async function solve(model: LpModel, options: { timeLimitSeconds?: number } = {}): Promise<Result<LpSolution>> {
  try {
    // The worker's clock, so that the limit covers building problems and the analyses too.
    return await solveLp(model, { timeLimitSeconds: options.timeLimitSeconds, clock: () => performance.now() });
  } catch (error) {
    return internal(error);
  }
}

function parse(text: string): Result<LpModel> {
  try {
    return parseLpFormat(text);
  } catch (error) {
    return internal(error);
  }
}

function write(model: LpModel): Result<string> {
  try {
    return ok(writeLpFormat(model));
  } catch (error) {
    return internal(error);
  }
}

export const lpWorkerApi = { solve, parse, write };
export type LpWorkerApi = typeof lpWorkerApi;
