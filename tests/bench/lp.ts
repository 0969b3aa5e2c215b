/**
 * LP benchmark (Node, the shared budget models). Ours, end to end as the app runs it: read
 * the LP file, check the model, build glpk.js's problem, solve, read duals and reduced
 * costs, look for a second optimum and compute the sensitivity ranges. Next to it, native
 * glpsol on the same file when Debian's glpk-utils is installed, timed in the same run, and
 * the ratio. Objectives are checked against the reference optima to 1e-6 relative.
 * Usage: npm run bench:lp [-- budget_n100.lp budget_n1000.lp]   (default: all three)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import GLPK from 'glpk.js/node';
import { parseLpFormat } from '../../src/core/lp/parse-lp-format';
import type { LpSolver } from '../../src/core/lp/run-glpk';
import { solveLp } from '../../src/core/lp/solve-lp';

const REFERENCES: Record<string, number> = {
  'budget_n100.lp': 2652649.607331,
  'budget_n1000.lp': 2698768.128963,
  'budget_n5000.lp': 2529654.62437,
};
const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(REFERENCES);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const glpsol = ['/usr/bin/glpsol', '/usr/local/bin/glpsol'].find(existsSync);
const solver = (await GLPK()) as unknown as LpSolver;

/** glpsol's own solve, process start included; null when it cannot be run here. */
function native(path: string, runs: number): number | null {
  if (!glpsol) return null;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    // Piped, not ignored: 'ignore' opens /dev/null, which one test machine lacked (ENOENT).
    execFileSync(glpsol, ['--lp', path, '-o', '/dev/null'], { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - started);
  }
  return median(times);
}

async function ours(text: string, analyse: boolean): Promise<{ ms: number; objective: number; sensitivity: boolean }> {
  const started = performance.now();
  const model = parseLpFormat(text);
  if (!model.ok) throw new Error(model.error.message);
  const solved = await solveLp(model.value, { solver, analyse });
  const ms = performance.now() - started;
  if (!solved.ok || solved.value.status !== 'optimal') throw new Error(`not optimal: ${solved.ok ? solved.value.status : solved.error.message}`);
  return { ms, objective: solved.value.objective ?? NaN, sensitivity: solved.value.sensitivity !== undefined };
}

for (const file of files) {
  const reference = REFERENCES[file];
  const path = resolve(process.cwd(), '../shared/lp', file);
  const text = readFileSync(path, 'utf8');
  const runs = text.length > 1_000_000 ? 1 : 5;
  let nativeMs: number | null = null;
  let nativeNote = glpsol ? '' : 'glpsol not installed here (Debian: apt-get install glpk-utils)';
  try {
    nativeMs = native(path, runs);
  } catch (error) {
    nativeNote = `glpsol could not be run (${(error as Error).message.split('\n')[0]})`;
  }
  const full: number[] = [];
  const plain: number[] = [];
  let objective = NaN;
  let ranged = false;
  // Warm-up runs (not counted) so the JIT has compiled the engine, as in a page that has
  // solved before; the large model is its own warm-up.
  if (runs > 1) for (let run = 0; run < 3; run++) await ours(text, true);
  for (let run = 0; run < runs; run++) {
    const a = await ours(text, true);
    full.push(a.ms);
    objective = a.objective;
    ranged = a.sensitivity;
    plain.push((await ours(text, false)).ms);
  }
  const agreement = reference ? Math.abs(objective - reference) / reference : NaN;
  const ms = median(full);
  let line = `${file}: ours ${ms.toFixed(1)} ms end to end${ranged ? ' with sensitivity' : ''} (solve only ${median(plain).toFixed(1)} ms); objective ${objective.toFixed(6)}, ${agreement < 1e-6 ? 'agrees' : 'DIFFERS'} with the reference (${agreement.toExponential(1)})`;
  line += nativeMs !== null ? `; glpsol ${nativeMs.toFixed(1)} ms → ours / glpsol = ${(ms / nativeMs).toFixed(2)}` : `; ${nativeNote}, no ratio`;
  console.log(line);
}
