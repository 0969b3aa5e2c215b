/**
 * The rolling-origin backtest of the forecast screen: its first training length and step,
 * the run in a second worker (so the sliders stay live while it runs; Cancel terminates that
 * worker only), and its result, marked stale once the settings it tested change.
 */
import * as Comlink from 'comlink';
import type { Evaluation } from '../../core/forecast/evaluate';
import type { RangeCoverage } from '../../core/forecast/range-coverage';
import { minimumLength, modelSpec, type ModelId, type ParamName } from '../../core/forecast/models';
import type { AppError } from '../../core/shared/result';
import { defaultBacktestStart } from '../../core/forecast/series-guesses';
import type { WorkerClient } from '../../lib/worker-client';
import type { BacktestProgress, ForecastWorkerApi, SeriesOutcome } from '../../workers/forecast-api';
import { backtestMinimumStart, baselinesFor, type Baselines } from './baselines';
import type { FitRequestState, ModelChoice } from './forecast.svelte';

const WEIGHTS: readonly ParamName[] = ['alpha', 'beta', 'gamma', 'phi'];

export type BacktestJob =
  | { status: 'idle' }
  | { status: 'running'; progress: BacktestProgress }
  | { status: 'done'; ms: number; origins: number }
  | { status: 'cancelled' }
  | { status: 'error'; error: AppError };

export interface BacktestResult {
  evaluation: Evaluation;
  /** How often the actual values fell inside the model's 80% and 95% ranges. */
  coverage: RangeCoverage;
  /** Its baselines' season length and where it came from. */
  baselines: Baselines;
  /** The model setting it tested ('auto': the automatic choice at each origin). */
  model: ModelChoice;
  /** What it tested: series, model settings, hold-out, first training length, step, baselines (stale once it changes). */
  key: string;
}

/** What the backtest reads from the screen. */
export interface BacktestSource {
  readonly request: FitRequestState | null;
  readonly series: SeriesOutcome | null;
  readonly model: ModelChoice;
  readonly holdout: number;
  readonly seasonLength: number | null;
}

export class ForecastBacktest {
  /** The first training length typed, or null for the default. */
  start = $state<number | null>(null);
  step = $state<number>(1);
  job = $state.raw<BacktestJob>({ status: 'idle' });
  result = $state.raw<BacktestResult | null>(null);

  /** Values forecast at each origin: the hold-out size. */
  #k = $derived(Number.isInteger(this.#from().holdout) && this.#from().holdout >= 1 ? this.#from().holdout : 1);
  #n = $derived(this.#from().series?.series.values.length ?? 0);
  #season = $derived(this.#from().seasonLength ?? 1);
  /** The baselines: the model's season, or the unit's usual one when the model has none. */
  baselines = $derived<Baselines>(baselinesFor(this.#season, this.#from().series?.natural ?? 1, this.#n - this.#k));
  /** The shortest first training length: what the evaluation and the model need. */
  minStart = $derived.by(() => {
    const request = this.#from().request;
    const options = request?.ok ? request.request.options : {};
    const fixed = new Set(WEIGHTS.filter((name) => options[name] !== undefined));
    return backtestMinimumStart(this.#from().model, this.#season, this.baselines.period, fixed);
  });
  /** The longest: a whole hold-out must follow. */
  maxStart = $derived(this.#n - this.#k);
  /** The shortest series the model is fitted on, for the default start (a seasonal model's when automatic with a season). */
  #shortestTraining = $derived.by(() => {
    const model = this.#from().model;
    const id: ModelId = model !== 'auto' ? model : this.#season >= 2 ? 'holt-winters-additive' : 'holt';
    const spec = modelSpec(id);
    return spec ? minimumLength(spec, Math.max(this.#season, 1)) : 2;
  });
  startShown = $derived(this.start ?? defaultBacktestStart(this.#n, this.#k, Math.max(this.#shortestTraining, this.minStart)));
  /** Whether the first training length can be used: a whole number from minStart to maxStart. */
  startValid = $derived(Number.isInteger(this.startShown) && this.startShown >= this.minStart && this.startShown <= this.maxStart);
  /** Whether the step can be used: a whole number ≥ 1. */
  stepValid = $derived(Number.isInteger(this.step) && this.step >= 1);
  /** Whether the first training length and the step can be used. */
  valid = $derived(this.startValid && this.stepValid);
  /** Origins the current fields give. */
  origins = $derived(this.valid ? Math.floor((this.maxStart - this.startShown) / this.step) + 1 : 0);
  /** What a run now would test, or null when it cannot run. */
  #key = $derived.by(() => {
    const request = this.#from().request;
    if (!request?.ok) return null;
    const { seriesKey, options, holdout } = request.request;
    return JSON.stringify([seriesKey, options, holdout, this.startShown, this.step, this.baselines.period]);
  });
  /** The result shown was run with other settings (series, model, hold-out, start, step). */
  stale = $derived(this.result !== null && this.#key !== null && this.result.key !== this.#key);
  running = $derived(this.job.status === 'running');

  #source: BacktestSource;
  #client: WorkerClient<ForecastWorkerApi>;
  #controller: AbortController | null = null;

  /**
   * @param source the screen's settings and series
   * @param client the backtest's own worker
   */
  constructor(source: BacktestSource, client: WorkerClient<ForecastWorkerApi>) {
    this.#source = source;
    this.#client = client;
  }

  /** The source (a method, so that the derived fields above may read it). */
  #from(): BacktestSource {
    return this.#source;
  }

  /** Runs the backtest of the current settings in the second worker. */
  async run(): Promise<void> {
    const request = this.#from().request;
    const key = this.#key;
    if (!request?.ok || key === null || this.running || !this.valid) return;
    const { values, options, holdout, model } = request.request;
    const baselines = this.baselines;
    const initial = this.startShown;
    const step = this.step;
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.job = { status: 'running', progress: { done: 0, total: 0 } };
    const started = performance.now();
    const onProgress = (progress: BacktestProgress) => {
      if (this.#controller === controller) this.job = { status: 'running', progress };
    };
    const result = await this.#client.call(
      controller.signal,
      'backtest',
      values,
      options,
      { initial, horizon: holdout, step, period: baselines.period },
      Comlink.proxy(onProgress),
    );
    if (this.#controller !== controller) return;
    this.#controller = null;
    if (!result.ok) {
      this.job = result.error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'error', error: result.error };
      return;
    }
    const { evaluation, coverage } = result.value;
    this.result = { evaluation, coverage, baselines, model, key };
    this.job = { status: 'done', ms: performance.now() - started, origins: evaluation.model.origins.length };
  }

  cancel(): void {
    this.#controller?.abort();
  }

  dismiss(): void {
    if (!this.running) this.job = { status: 'idle' };
  }

  setStart(value: number | null): void {
    this.start = value;
  }

  setStep(value: number): void {
    this.step = value;
  }

  /** Another data set: the run stops, the result goes, the first training length is the default again. */
  reset(): void {
    const controller = this.#controller;
    this.#controller = null;
    controller?.abort();
    this.result = null;
    this.job = { status: 'idle' };
    this.start = null;
  }
}
