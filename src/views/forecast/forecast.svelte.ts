/**
 * The forecast screen's state: how the series is made from the open data set (date and value
 * columns, period, aggregation, filter), the model settings (model, season length, horizon,
 * hold-out, the weights set by hand), the fit with its hold-out test, the rolling-origin
 * backtest, the worked example, and the forecast kept for the plan. It lives as long as the
 * app, so a forecast is still there after a visit to another screen.
 *
 * Every change refits in the worker at once: one fit runs at a time, and while it runs only
 * the latest change waits (a slider dragged across fifty positions sends two or three fits,
 * not fifty). The backtest runs in a second worker, so the sliders stay live while it runs,
 * and Cancel terminates that worker only.
 */
import * as Comlink from 'comlink';
import type { Column, Dataset } from '../../core/data/dataset';
import type { DateOrder } from '../../core/data/parse-date';
import { packedCount, unpackStrings } from '../../core/data/packed-strings';
import type { AggregateHow, AggregateSeriesOptions } from '../../core/forecast/aggregate-series';
import type { Evaluation } from '../../core/forecast/evaluate';
import { exponentialSmoothing } from '../../core/forecast/exponential-smoothing';
import { minimumLength, modelSpec, type ModelId, type ModelSpec, type ParamName } from '../../core/forecast/models';
import type { PeriodUnit } from '../../core/forecast/periods';
import { KEPT_FORECAST_KIND, type KeptForecast } from '../../core/persistence/kept-forecast';
import type { AppError } from '../../core/shared/result';
import { downloadText } from '../../lib/download';
import { datasetBaseName, forecastCsv, safeFileName } from '../../lib/forecast/forecast-csv';
import {
  defaultBacktestStart,
  defaultHoldout,
  defaultHorizon,
  defaultSeasonChoice,
  guessDateColumn,
  guessValueColumn,
  seasonLengthOf,
  type SeasonChoice,
} from '../../lib/forecast/series-guesses';
import { t } from '../../lib/i18n/i18n';
import { openWorkspaceStore, type KvStore, type StoreMode } from '../../lib/persistence/idb';
import { createKeptForecastRepository, type KeptForecastRecord, type KeptForecastRepository } from '../../lib/persistence/kept-forecast-repository';
import type { OpenDataset } from '../../lib/state/Workspace.svelte';
import { createWorkerClient, type WorkerClient } from '../../lib/worker-client';
import type { BacktestProgress, DateInspection, FitOutcome, FitRequestOptions, ForecastWorkerApi, SeriesOutcome } from '../../workers/forecast-api';

/** A model, or the automatic choice by AICc. */
export type ModelChoice = ModelId | 'auto';

export const MODEL_CHOICES: readonly ModelChoice[] = [
  'auto',
  'ses',
  'holt',
  'holt-damped',
  'holt-winters-additive',
  'holt-winters-multiplicative',
  'holt-winters-additive-damped',
  'holt-winters-multiplicative-damped',
];

export const PARAM_NAMES: readonly ParamName[] = ['alpha', 'beta', 'gamma', 'phi'];

/** A weight: fitted (the slider shows the fitted value), or set by hand to `value`. */
export interface WeightSetting {
  fit: boolean;
  value: number;
}

/** Longest horizon the form accepts (the engine's MAX_HORIZON). */
export const MAX_HORIZON = 1000;
/** Columns with more distinct values than this are not offered as filters. */
export const MAX_FILTER_VALUES = 500;
/** The series of the worked example (DESIGN.md) and its weight. */
export const WORKED_SERIES: readonly number[] = [1000, 1100, 1200];
export const WORKED_ALPHA = 0.6;

/** Where the weight sliders start before anything is fitted. */
const START_WEIGHTS: Record<ParamName, number> = { alpha: 0.5, beta: 0.1, gamma: 0.1, phi: 0.98 };

export type SeriesJob = { status: 'idle' } | { status: 'running' } | { status: 'done' } | { status: 'error'; error: AppError };

export type FitJob = { status: 'idle' } | { status: 'running' } | { status: 'done' } | { status: 'error'; error: AppError; model: ModelChoice };

export type BacktestJob =
  | { status: 'idle' }
  | { status: 'running'; progress: BacktestProgress }
  | { status: 'done'; ms: number; origins: number }
  | { status: 'cancelled' }
  | { status: 'error'; error: AppError };

/** What a fit was asked with; `key` tells whether two requests are the same. */
export interface FitRequest {
  key: string;
  values: number[];
  lastPeriod: string;
  unit: PeriodUnit;
  options: FitRequestOptions;
  model: ModelChoice;
  horizon: number;
  holdout: number;
  season: number;
}

/** A fit, the series it was made on, and how it was asked for. */
export interface FitResult {
  outcome: FitOutcome;
  request: FitRequest;
  series: SeriesOutcome;
  /** What the series was made from, for the kept forecast. */
  source: { datasetId: string; datasetName: string; options: AggregateSeriesOptions };
}

export interface BacktestResult {
  evaluation: Evaluation;
  /** The request key of the fit settings it tested (stale once they change). */
  key: string;
}

/** Why the settings cannot be fitted yet (shown next to the field). */
export type SettingsProblem = 'horizon' | 'holdout' | 'season';

export type KeptState =
  | { status: 'unknown' }
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'kept'; record: KeptForecastRecord }
  | { status: 'saving'; record: KeptForecastRecord | null }
  | { status: 'error'; error: AppError; record: KeptForecastRecord | null; during: 'load' | 'save' };

export interface ForecastScreenDeps {
  /** Runs aggregation and fits. */
  client?: WorkerClient<ForecastWorkerApi>;
  /** Runs the backtest (a second worker, so that fits go on while it runs). */
  backtestClient?: WorkerClient<ForecastWorkerApi>;
  /** Saves the export; the app downloads it. */
  save?: (fileName: string, text: string, type?: string) => void;
  /** The workspace store the kept forecast lives in. */
  openStore?: () => Promise<KvStore>;
  now?: () => Date;
}

export class ForecastScreen {
  dataset = $state.raw<Dataset | null>(null);

  dateColumn = $state('');
  valueColumn = $state('');
  unit = $state<PeriodUnit>('month');
  how = $state<AggregateHow>('sum');
  filterColumn = $state('');
  filterValue = $state('');
  dateOrder = $state<DateOrder>('dmy');
  dates = $state.raw<DateInspection | null>(null);

  seriesJob = $state.raw<SeriesJob>({ status: 'idle' });
  series = $state.raw<SeriesOutcome | null>(null);

  model = $state<ModelChoice>('auto');
  seasonChoice = $state<SeasonChoice>('detected');
  customSeason = $state<number | null>(null);
  horizon = $state<number>(12);
  holdout = $state<number>(12);
  weights = $state<Record<ParamName, WeightSetting>>(startWeights());

  fitJob = $state.raw<FitJob>({ status: 'idle' });
  result = $state.raw<FitResult | null>(null);

  backtestStart = $state<number | null>(null);
  backtestStep = $state<number>(1);
  backtestJob = $state.raw<BacktestJob>({ status: 'idle' });
  backtest = $state.raw<BacktestResult | null>(null);

  workedOpen = $state(false);
  workedAlpha = $state(WORKED_ALPHA);

  kept = $state.raw<KeptState>({ status: 'unknown' });
  storeMode = $state<StoreMode | null>(null);

  columns = $derived<Column[]>(this.dataset?.columns ?? []);
  /** Category-like columns with few enough values to filter on, with their values sorted. */
  filterColumns = $derived.by(() =>
    this.columns
      .filter((c) => c.name !== this.dateColumn && c.name !== this.valueColumn && c.storage.kind === 'dictionary' && packedCount(c.storage.dictionary) <= MAX_FILTER_VALUES)
      .map((c) => c.name),
  );
  filterValues = $derived.by(() => {
    const column = this.columns.find((c) => c.name === this.filterColumn);
    if (!column || column.storage.kind !== 'dictionary') return [];
    return unpackStrings(column.storage.dictionary).sort((a, b) => a.localeCompare(b));
  });
  /** The season length in force (1 = none), or null when a typed length is invalid. */
  seasonLength = $derived.by(() => {
    const series = this.series;
    if (!series) return null;
    return seasonLengthOf(this.seasonChoice, series.season, series.natural, this.customSeason);
  });
  /** The fit request of the current settings, or what is wrong with them. */
  request = $derived.by<{ ok: true; request: FitRequest } | { ok: false; problems: SettingsProblem[] } | null>(() => {
    const series = this.series;
    if (!series || this.seriesJob.status !== 'done') return null;
    const n = series.series.values.length;
    const problems: SettingsProblem[] = [];
    const season = this.seasonLength;
    if (season === null) problems.push('season');
    if (!Number.isInteger(this.horizon) || this.horizon < 1 || this.horizon > MAX_HORIZON) problems.push('horizon');
    if (!Number.isInteger(this.holdout) || this.holdout < 1 || this.holdout >= n) problems.push('holdout');
    if (problems.length > 0 || season === null) return { ok: false, problems };
    const options: FitRequestOptions = { model: this.model, period: season };
    const used = this.model === 'auto' ? null : (modelSpec(this.model)?.params ?? []);
    for (const name of PARAM_NAMES) {
      const setting = this.weights[name];
      if (!setting.fit && (used === null || used.includes(name))) options[name] = setting.value;
    }
    const values = series.series.values;
    const lastPeriod = series.series.periods[n - 1];
    const request = { values, lastPeriod, unit: series.series.period, options, model: this.model, horizon: this.horizon, holdout: this.holdout, season };
    return { ok: true, request: { ...request, key: JSON.stringify([this.#seriesKey, options, this.horizon, this.holdout]) } };
  });
  problems = $derived<SettingsProblem[]>(this.request && !this.request.ok ? this.request.problems : []);
  /** The model whose weights the sliders show: the chosen one, or the automatic choice's. */
  shownModel = $derived<ModelSpec | undefined>(modelSpec(this.model === 'auto' ? (this.result?.outcome.forecast.model ?? 'ses') : this.model));
  /** The shortest series the model is fitted on: the first training length of a backtest at least. */
  shortestTraining = $derived.by(() => {
    const season = this.seasonLength ?? 1;
    const id: ModelId = this.model !== 'auto' ? this.model : season >= 2 ? 'holt-winters-additive' : 'holt';
    const spec = modelSpec(id);
    return spec ? minimumLength(spec, Math.max(season, 1)) : 2;
  });
  backtestStartShown = $derived(
    this.backtestStart ?? defaultBacktestStart(this.series?.series.values.length ?? 0, Number.isInteger(this.holdout) ? this.holdout : 1, this.shortestTraining),
  );
  /** Whether the backtest's first training length and step can be used. */
  backtestValid = $derived.by(() => {
    const n = this.series?.series.values.length ?? 0;
    const start = this.backtestStartShown;
    const k = Number.isInteger(this.holdout) ? this.holdout : 1;
    return Number.isInteger(this.backtestStep) && this.backtestStep >= 1 && Number.isInteger(start) && start >= 2 && start <= n - k;
  });
  backtestStale = $derived(this.backtest !== null && this.request?.ok === true && this.backtest.key !== this.request.request.key);
  backtestRunning = $derived(this.backtestJob.status === 'running');
  workedLevels = $derived(exponentialSmoothing(WORKED_SERIES, this.workedAlpha));

  #client: WorkerClient<ForecastWorkerApi>;
  #backtestClient: WorkerClient<ForecastWorkerApi>;
  #save: (fileName: string, text: string, type?: string) => void;
  #openStore: () => Promise<KvStore>;
  #now: () => Date;
  #repository: Promise<KeptForecastRepository> | null = null;
  #datasetId: string | null = null;
  #columnsRef: Column[] | null = null;
  /** Grows with every change of what the series is made from; late answers are dropped. */
  #seriesGeneration = 0;
  #seriesKey = '';
  /** The options the current series was made with. */
  #seriesOptions: AggregateSeriesOptions | null = null;
  /** The data set and unit the defaults (season, horizon, hold-out) were set for. */
  #defaultsFor = '';
  #fitRunning = false;
  #fitWaiting = false;
  #backtestController: AbortController | null = null;

  constructor(deps: ForecastScreenDeps = {}) {
    const start = (name: string) => () => new Worker(new URL('../../workers/forecast.worker.ts', import.meta.url), { type: 'module', name });
    this.#client = deps.client ?? createWorkerClient<ForecastWorkerApi>(start('forecast'));
    this.#backtestClient = deps.backtestClient ?? createWorkerClient<ForecastWorkerApi>(start('forecast-backtest'));
    this.#save = deps.save ?? downloadText;
    this.#openStore = deps.openStore ?? openWorkspaceStore;
    this.#now = deps.now ?? (() => new Date());
  }

  /**
   * Follows the workspace's open data set. The same data set keeps the settings and the
   * forecast; another one (or the same with a column retyped) starts afresh with new guesses.
   */
  useDataset(open: OpenDataset | null): void {
    if (open && open.id === this.#datasetId && open.dataset.columns === this.#columnsRef) {
      this.dataset = open.dataset;
      return;
    }
    this.#abortBacktest();
    this.#datasetId = open?.id ?? null;
    this.#columnsRef = open?.dataset.columns ?? null;
    this.dataset = open?.dataset ?? null;
    this.series = null;
    this.result = null;
    this.backtest = null;
    this.backtestJob = { status: 'idle' };
    this.fitJob = { status: 'idle' };
    this.seriesJob = { status: 'idle' };
    this.#defaultsFor = '';
    const columns = this.columns.map((c) => ({ name: c.name, type: c.type }));
    const date = guessDateColumn(columns) ?? '';
    this.dateColumn = date;
    this.valueColumn = guessValueColumn(columns, date || null) ?? '';
    this.how = 'sum';
    this.filterColumn = '';
    this.filterValue = '';
    this.dateOrder = open?.dataset.source.dateOrder ?? 'dmy';
    this.model = 'auto';
    this.weights = startWeights();
    this.backtestStart = null;
    void this.#readDates(true);
  }

  chooseDateColumn(name: string): void {
    this.dateColumn = name;
    void this.#readDates(true);
  }

  chooseDateOrder(order: DateOrder): void {
    this.dateOrder = order;
    void this.#readDates(false);
  }

  chooseValueColumn(name: string): void {
    this.valueColumn = name;
    void this.#makeSeries();
  }

  chooseUnit(unit: PeriodUnit): void {
    this.unit = unit;
    void this.#makeSeries();
  }

  chooseHow(how: AggregateHow): void {
    this.how = how;
    void this.#makeSeries();
  }

  chooseFilterColumn(name: string): void {
    this.filterColumn = name;
    this.filterValue = '';
    // A column alone filters nothing: the series changes once a value is chosen.
    if (name === '') void this.#makeSeries();
  }

  chooseFilterValue(value: string): void {
    this.filterValue = value;
    void this.#makeSeries();
  }

  chooseModel(model: ModelChoice): void {
    this.model = model;
    this.#scheduleFit();
  }

  chooseSeason(choice: SeasonChoice): void {
    this.seasonChoice = choice;
    if (choice === 'custom' && this.customSeason === null) this.customSeason = this.seasonLength !== null && this.seasonLength >= 2 ? this.seasonLength : 12;
    this.#scheduleFit();
  }

  setCustomSeason(value: number | null): void {
    this.customSeason = value;
    this.#scheduleFit();
  }

  setHorizon(value: number): void {
    this.horizon = value;
    this.#scheduleFit();
  }

  setHoldout(value: number): void {
    this.holdout = value;
    this.#scheduleFit();
  }

  /** The value a weight's slider shows: the fitted one while it is fitted, else the one set. */
  weightValue(name: ParamName): number {
    const setting = this.weights[name];
    if (!setting.fit) return setting.value;
    return this.result?.outcome.forecast.params[name] ?? setting.value;
  }

  /** The highest value a weight may be set to (γ ≤ 1 − α when α is set too; φ and the others ≤ 1). */
  weightMax(name: ParamName): number {
    if (name !== 'gamma') return 1;
    return this.weights.alpha.fit ? 0.99 : Math.max(0, floorTo(1 - this.weights.alpha.value, 2));
  }

  /** Lowest value of a weight (φ = 0 would remove the trend). */
  weightMin(name: ParamName): number {
    return name === 'phi' ? 0.01 : 0;
  }

  /** Fits the weight again (true), or holds it at its current value (false). */
  setWeightFit(name: ParamName, fit: boolean): void {
    const value = clamp(roundTo(this.weightValue(name), 2), this.weightMin(name), this.weightMax(name));
    this.weights[name] = { fit, value };
    this.#keepGammaInRange();
    this.#scheduleFit();
  }

  /** Sets a weight by hand (a slider moved): it is held there, no longer fitted. */
  setWeightValue(name: ParamName, value: number): void {
    this.weights[name] = { fit: false, value: clamp(value, this.weightMin(name), this.weightMax(name)) };
    this.#keepGammaInRange();
    this.#scheduleFit();
  }

  /** Every weight fitted again. */
  fitAllWeights(): void {
    for (const name of PARAM_NAMES) this.weights[name] = { fit: true, value: this.weightValue(name) };
    this.#scheduleFit();
  }

  openWorkedExample(): void {
    this.workedOpen = true;
    this.workedAlpha = WORKED_ALPHA;
  }

  closeWorkedExample(): void {
    this.workedOpen = false;
  }

  /** Downloads the forecast as CSV: period, forecast, lower80, upper80, lower95, upper95. */
  exportCsv(): void {
    const result = this.result;
    if (!result) return;
    const name = t('forecast.export.fileName', { name: datasetBaseName(result.source.datasetName), column: result.source.options.value });
    this.#save(safeFileName(name), forecastCsv(result.outcome.futurePeriods, result.outcome.forecast));
  }

  /** Reads the kept forecast from storage (once; the view calls it when it shows). */
  async loadKept(): Promise<void> {
    if (this.kept.status !== 'unknown') return;
    this.kept = { status: 'loading' };
    const repository = await this.#repo();
    const loaded = await repository.load();
    if (this.kept.status !== 'loading') return;
    if (!loaded.ok) this.kept = { status: 'error', error: loaded.error, record: null, during: 'load' };
    else this.kept = loaded.value ? { status: 'kept', record: loaded.value } : { status: 'none' };
  }

  /** Keeps the shown forecast for the plan, replacing the one kept before. */
  async keepForPlan(): Promise<void> {
    const result = this.result;
    if (!result || this.kept.status === 'saving') return;
    const before = this.kept.status === 'kept' ? this.kept.record : this.kept.status === 'error' ? this.kept.record : null;
    this.kept = { status: 'saving', record: before };
    const repository = await this.#repo();
    const saved = await repository.save(keptForecastOf(result));
    this.kept = saved.ok ? { status: 'kept', record: saved.value } : { status: 'error', error: saved.error, record: before, during: 'save' };
  }

  /** Whether the kept forecast is the one shown (same source, model, weights and figures). */
  isKeptShown(): boolean {
    const result = this.result;
    const kept = this.kept.status === 'kept' ? this.kept.record.forecast : null;
    if (!result || !kept) return false;
    return JSON.stringify(keptForecastOf(result)) === JSON.stringify(kept);
  }

  /** Runs the rolling-origin backtest of the current settings in the second worker. */
  async runBacktest(): Promise<void> {
    const request = this.request;
    if (!request?.ok || this.backtestRunning || !this.backtestValid) return;
    const { values, options, holdout, season, key } = request.request;
    const initial = this.backtestStartShown;
    const step = this.backtestStep;
    this.#backtestController?.abort();
    const controller = new AbortController();
    this.#backtestController = controller;
    this.backtestJob = { status: 'running', progress: { done: 0, total: 0 } };
    const started = performance.now();
    const onProgress = (progress: BacktestProgress) => {
      if (this.#backtestController === controller) this.backtestJob = { status: 'running', progress };
    };
    const result = await this.#backtestClient.call(
      controller.signal,
      'backtest',
      values,
      options,
      { initial, horizon: holdout, step, period: season },
      Comlink.proxy(onProgress),
    );
    if (this.#backtestController !== controller) return;
    this.#backtestController = null;
    if (!result.ok) {
      this.backtestJob = result.error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'error', error: result.error };
      return;
    }
    this.backtest = { evaluation: result.value, key };
    this.backtestJob = { status: 'done', ms: performance.now() - started, origins: result.value.model.origins.length };
  }

  cancelBacktest(): void {
    this.#backtestController?.abort();
  }

  dismissBacktestJob(): void {
    if (!this.backtestRunning) this.backtestJob = { status: 'idle' };
  }

  setBacktestStart(value: number | null): void {
    this.backtestStart = value;
  }

  setBacktestStep(value: number): void {
    this.backtestStep = value;
  }

  /** Reads the dates of the date column (unit guess, day/month doubt), then makes the series. */
  async #readDates(guessUnit: boolean): Promise<void> {
    const dataset = this.dataset;
    const generation = ++this.#seriesGeneration;
    if (!dataset || this.dateColumn === '') {
      this.dates = null;
      this.#clearSeries();
      return;
    }
    this.seriesJob = { status: 'running' };
    const inspected = await this.#client.call(undefined, 'inspectDates', dataset, this.dateColumn, this.dateOrder);
    if (generation !== this.#seriesGeneration) return;
    this.dates = inspected.ok ? inspected.value : null;
    if (inspected.ok && guessUnit && inspected.value.readable > 0) this.unit = inspected.value.unit;
    await this.#makeSeries();
  }

  /** Makes the series in the worker with the current choices; a fit follows. */
  async #makeSeries(): Promise<void> {
    const dataset = this.dataset;
    const generation = ++this.#seriesGeneration;
    if (!dataset || this.dateColumn === '' || this.valueColumn === '') {
      this.#clearSeries();
      return;
    }
    const options: AggregateSeriesOptions = {
      date: this.dateColumn,
      value: this.valueColumn,
      period: this.unit,
      how: this.how,
      dateOrder: this.dateOrder,
      ...(this.filterColumn !== '' && this.filterValue !== '' ? { filter: { column: this.filterColumn, equals: this.filterValue } } : {}),
    };
    this.seriesJob = { status: 'running' };
    const made = await this.#client.call(undefined, 'series', dataset, options);
    if (generation !== this.#seriesGeneration) return;
    if (!made.ok) {
      this.series = null;
      this.result = null;
      this.fitJob = { status: 'idle' };
      this.seriesJob = { status: 'error', error: made.error };
      return;
    }
    this.#seriesKey = JSON.stringify([this.#datasetId, options]);
    this.#seriesOptions = options;
    this.series = made.value;
    this.seriesJob = { status: 'done' };
    this.#applyDefaults(made.value);
    this.#scheduleFit();
  }

  /** A new data set or unit: season, horizon and hold-out start from their defaults. */
  #applyDefaults(made: SeriesOutcome): void {
    const key = JSON.stringify([this.#datasetId, this.dateColumn, made.series.period]);
    if (key === this.#defaultsFor) return;
    this.#defaultsFor = key;
    const n = made.series.values.length;
    this.seasonChoice = defaultSeasonChoice(made.season, made.natural, n);
    this.customSeason = null;
    const season = seasonLengthOf(this.seasonChoice, made.season, made.natural, null) ?? 1;
    this.horizon = defaultHorizon(season);
    this.holdout = defaultHoldout(season, n);
    this.backtestStart = null;
  }

  #clearSeries(): void {
    this.series = null;
    this.result = null;
    this.seriesJob = { status: 'idle' };
    this.fitJob = { status: 'idle' };
  }

  /** Fits now, or after the fit that is running (only the latest settings wait). */
  #scheduleFit(): void {
    if (this.#fitRunning) {
      this.#fitWaiting = true;
      return;
    }
    void this.#fit();
  }

  async #fit(): Promise<void> {
    const request = this.request;
    const series = this.series;
    const dataset = this.dataset;
    const options = this.#seriesOptions;
    if (!request || !series || !dataset || !options) return;
    if (!request.ok) {
      this.fitJob = { status: 'idle' };
      return;
    }
    this.#fitRunning = true;
    this.fitJob = { status: 'running' };
    const generation = this.#seriesGeneration;
    const { values, lastPeriod, unit, options: fitOptions, horizon, holdout } = request.request;
    const fitted = await this.#client.call(undefined, 'fit', values, lastPeriod, unit, fitOptions, horizon, holdout);
    this.#fitRunning = false;
    // A fit of an older series is dropped; one of older settings on the same series still
    // shows while the newer one runs, so a dragged slider draws as it goes.
    if (generation === this.#seriesGeneration) {
      if (fitted.ok) {
        this.result = {
          outcome: fitted.value,
          request: request.request,
          series,
          source: { datasetId: this.#datasetId ?? '', datasetName: dataset.name, options },
        };
        this.fitJob = { status: 'done' };
      } else {
        this.result = null;
        this.fitJob = { status: 'error', error: fitted.error, model: request.request.model };
      }
    }
    if (this.#fitWaiting) {
      this.#fitWaiting = false;
      void this.#fit();
    }
  }

  /** γ set by hand must stay ≤ 1 − α when α is set too. */
  #keepGammaInRange(): void {
    const gamma = this.weights.gamma;
    if (!gamma.fit && gamma.value > this.weightMax('gamma')) this.weights.gamma = { fit: false, value: this.weightMax('gamma') };
  }

  #abortBacktest(): void {
    const controller = this.#backtestController;
    this.#backtestController = null;
    controller?.abort();
  }

  #repo(): Promise<KeptForecastRepository> {
    this.#repository ??= this.#openStore().then((store) => {
      this.storeMode = store.mode;
      return createKeptForecastRepository(store, this.#now);
    });
    return this.#repository;
  }
}

function startWeights(): Record<ParamName, WeightSetting> {
  return {
    alpha: { fit: true, value: START_WEIGHTS.alpha },
    beta: { fit: true, value: START_WEIGHTS.beta },
    gamma: { fit: true, value: START_WEIGHTS.gamma },
    phi: { fit: true, value: START_WEIGHTS.phi },
  };
}

/** The record kept for the plan, from a fit (plain values only: it goes to IndexedDB). */
function keptForecastOf(result: FitResult): KeptForecast {
  const { outcome, series, source } = result;
  const forecast = outcome.forecast;
  const n = series.series.values.length;
  const holdout = outcome.holdout?.ok ? outcome.holdout.value : null;
  const { date, value, period, how, filter } = source.options;
  return {
    kind: KEPT_FORECAST_KIND,
    source: {
      datasetId: source.datasetId,
      datasetName: source.datasetName,
      dateColumn: date,
      valueColumn: value,
      period,
      how,
      ...(filter ? { filter: { column: filter.column, equals: filter.equals } } : {}),
    },
    model: forecast.model,
    params: { ...forecast.params },
    fittedParams: [...forecast.fittedParams],
    seasonLength: forecast.period,
    lastPeriod: series.series.periods[n - 1],
    lastValue: series.series.values[n - 1],
    periods: [...outcome.futurePeriods],
    forecast: [...forecast.forecast],
    lower80: [...forecast.lower80],
    upper80: [...forecast.upper80],
    lower95: [...forecast.lower95],
    upper95: [...forecast.upper95],
    holdoutMae: holdout && Number.isFinite(holdout.model.accuracy.mae) ? holdout.model.accuracy.mae : null,
    holdoutSize: holdout ? holdout.horizon : null,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function floorTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.floor(value * scale + 1e-9) / scale;
}
