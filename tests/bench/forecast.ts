/**
 * Forecast benchmark (Node, the 144-month air-passengers series, period 12): fitting each
 * smoothing model with optimisation, 12 months ahead with intervals (fitForecast end to
 * end) — seasonal models with each estimation, 'refined' being the default — and the
 * automatic choice among all seven; the median of several runs after warm-up. Baseline in
 * the same run: one plain pass of the recursion over the series, so the figures can be
 * read as "so many recursion passes" on any machine.
 * Goals: under 50 ms per model, under 300 ms for the automatic choice.
 * Usage: npm run bench:forecast
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fitForecast, type ForecastOptions } from '../../src/core/forecast/fit-forecast';
import { MODELS, modelSpec, type ModelSpec } from '../../src/core/forecast/models';
import { sumOfSquaredErrors } from '../../src/core/forecast/recursions';

const RUNS = 15;
const WARM_UP = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const series = readFileSync(resolve(process.cwd(), '../shared/data/air-passengers.csv'), 'utf8')
  .split(/\r?\n/)
  .map((line) => line.split(','))
  .filter(([first, second]) => first?.trim() && /^\d+$/.test(second?.trim() ?? ''))
  .map(([, second]) => Number(second));
if (series.length !== 144) throw new Error(`expected 144 months, read ${series.length}`);

/** Median milliseconds of `fn` over RUNS runs after WARM_UP runs. */
function time(fn: () => void, runs = RUNS): number {
  for (let i = 0; i < WARM_UP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

// Baseline: one recursion pass (multiplicative Holt–Winters, the costliest step), timed in
// batches of 1,000 so the clock's resolution does not matter.
const hw = modelSpec('holt-winters-multiplicative') as ModelSpec;
const states = { level: 120, trend: 1, season: Array.from({ length: 12 }, () => 1) };
const params = { alpha: 0.3, beta: 0.05, gamma: 0.2, phi: 1 };
let sink = 0;
const passMs =
  time(() => {
    for (let i = 0; i < 1000; i++) sink += sumOfSquaredErrors(hw, series, params, states);
  }) / 1000;
// The sum is used, so the timed passes cannot be optimised away.
if (!Number.isFinite(sink)) throw new Error('the baseline pass diverged');
console.log(`baseline: one recursion pass over 144 values ${(passMs * 1000).toFixed(2)} µs`);

function fit(options: ForecastOptions): { model: string; iterations: number } {
  const result = fitForecast(series, options);
  if (!result.ok) throw new Error(result.error.message);
  return { model: result.value.model, iterations: result.value.meta.iterations };
}

let worst = 0;
for (const model of MODELS) {
  // 'refined' is the default; 'two-step' (its first two steps) and 'joint' for comparison.
  for (const estimation of ['refined', 'two-step', 'joint'] as const) {
    if (estimation !== 'refined' && model.season === 'none') continue;
    const options: ForecastOptions = { model: model.id, period: 12, horizon: 12, estimation };
    const { iterations } = fit(options);
    const ms = time(() => fit(options));
    if (estimation === 'refined') worst = Math.max(worst, ms);
    console.log(
      `${model.id.padEnd(36)} ${estimation.padEnd(8)} ${ms.toFixed(2).padStart(7)} ms  (${Math.round(ms / passMs)} passes, ${iterations} LM iterations)${ms > 50 ? '  OVER 50 ms' : ''}`,
    );
  }
}
const chosen = fit({ model: 'auto', period: 12, horizon: 12 }).model;
const autoMs = time(() => fit({ model: 'auto', period: 12, horizon: 12 }), 9);
console.log(`auto (7 candidates) → ${chosen}: ${autoMs.toFixed(1)} ms (${Math.round(autoMs / passMs)} passes)${autoMs > 300 ? '  OVER 300 ms' : ''}`);
console.log(`slowest single model (default estimation): ${worst.toFixed(1)} ms; goals: < 50 ms per model, < 300 ms auto`);
