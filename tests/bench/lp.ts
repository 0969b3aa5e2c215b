/**
 * LP benchmark (Node, the shared budget models): our end to end — read the LP file, build
 * glpk.js's problem, solve, read duals and reduced costs — next to native glpsol on the same
 * file when Debian's glpk-utils is installed (timed in the same run). Objectives are checked
 * against the reference optima to 1e-6 relative.
 * Usage: npm run bench:lp
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import GLPK from 'glpk.js/node';
import { parseLpFormat } from '../../src/core/lp/parse-lp-format';
import { solveLp } from '../../src/core/lp/solve-lp';
import type { LpSolver } from '../../src/core/lp/run-glpk';

const REFERENCES: Record<string, number> = {
  'budget_n100.lp': 2652649.607331,
  'budget_n1000.lp': 2698768.128963,
  'budget_n5000.lp': 2529654.62437,
};
const RUNS = 5;
const glpk = await GLPK();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const glpsol = ['/usr/bin/glpsol', '/usr/local/bin/glpsol'].find(existsSync);

// Native times first. On this machine spawnSync of glpsol from this module fails with
// ENOENT (the same call works from a plain script); then no ratio is printed, and
// glpsol can be timed by hand: glpsol --lp <file> -o /dev/null.
const nativeTimes = new Map<string, number>();
let nativeProblem = '';
if (glpsol) {
  try {
    for (const file of Object.keys(REFERENCES)) {
      const path = resolve(process.cwd(), '../shared/lp', file);
      const native: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        execFileSync(glpsol, ['--lp', path, '-o', '/dev/null'], { stdio: 'ignore', cwd: dirname(path) });
        native.push(performance.now() - started);
      }
      nativeTimes.set(file, median(native));
    }
  } catch (error) {
    nativeProblem = `glpsol could not be run (${(error as Error).message.split('\n')[0]})`;
  }
}

for (const [file, reference] of Object.entries(REFERENCES)) {
  const path = resolve(process.cwd(), '../shared/lp', file);
  const text = readFileSync(path, 'utf8');
  const times: number[] = [];
  let objective = NaN;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const model = parseLpFormat(text);
    if (!model.ok) throw new Error(model.error.message);
    const solved = await solveLp(model.value, { solver: glpk as unknown as LpSolver });
    times.push(performance.now() - started);
    if (solved.ok && solved.value.status === 'optimal') objective = solved.value.objective ?? NaN;
  }
  const ours = median(times);
  const agreement = Math.abs(objective - reference) / reference;
  let line = `${file}: ours ${ours.toFixed(1)} ms end to end (objective ${objective.toFixed(6)}, ${agreement < 1e-6 ? 'agrees' : 'DIFFERS'} with the reference to ${agreement.toExponential(1)})`;
  const native = nativeTimes.get(file);
  if (native !== undefined) {
    line += `; glpsol ${native.toFixed(1)} ms (process included) → ratio ${(ours / native).toFixed(2)}`;
  } else {
    line += `; ${nativeProblem || 'glpsol not installed here (Debian: apt-get install glpk-utils)'}, no ratio`;
  }
  console.log(line);
}
