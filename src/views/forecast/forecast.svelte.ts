/**
 * The forecast screen's state: how the series is made from the open data set (date and value
 * columns, period, aggregation, filter), the model settings (model, season length, horizon,
 * hold-out, the weights set by hand), the fit with its hold-out test, and the worked example.
 * The rolling-origin backtest (forecast-backtest.svelte.ts) and the export and forecast kept
 * for the plan (forecast-keep.svelte.ts) are parts of their own. It lives as long as the
 * app, so a forecast is still there after a visit to another screen.
 *
 * Every change refits in the worker at once: one fit runs at a time, and while it runs only
 * the latest change waits (a slider dragged across fifty positions sends two or three fits,
 * not fifty).
 */
import type { Column, Dataset } from '../../core/data/dataset';
import type { DateOrder } from '../../core/data/parse-date';
import { packedCount, unpackStrings } from '../../core/data/packed-strings';
import type { AggregateHow, AggregateSeriesOptions, GapFill } from '../../core/forecast/aggregate-series';
import { exponentialSmoothing } from '../../core/forecast/exponential-smoothing';
import { MODELS, modelSpec, type ModelId, type ModelSpec, type ParamName } from '../../core/forecast/models';
import type { PeriodUnit } from '../../core/forecast/periods';
import type { AppError } from '../../core/shared/result';
import {
  defaultHoldout,
  defaultHorizon,
  defaultSeasonChoice,
  guessDateColumn,
  guessValueColumn,
  seasonLengthOf,
  type SeasonChoice,
} from '../../core/forecast/series-guesses';
import type { KvStore } from '../../lib/persistence/idb';
import type { OpenDataset } from '../../lib/state/Workspace.svelte';
import { createWorkerClient, type WorkerClient } from '../../lib/worker-client';
import type { DateInspection, FitOutcome, FitRequestOptions, ForecastWorkerApi, SeriesOutcome } from '../../workers/forecast-api';
import { baselinesFor, type Baselines } from './baselines';
import { ForecastBacktest } from './forecast-backtest.svelte';
import { ForecastKeep } from './forecast-keep.svelte';

/** A model, or the automatic choice by AICc. */
export type ModelChoice = ModelId | 'auto';

export const MODEL_CHOICES: readonly ModelChoice[] = ['auto', ...MODELS.map((m) => m.id)];
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

/** What a fit was asked with; `key` tells whether two requests are the same. */
export interface FitRequest {
  key: string;
  /** What the series was made from (data set and options). */
  seriesKey: string;
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
  /**
   * The season length of the baselines and the MASE of the hold-out test (outcome.holdout): the
   * model's, or the unit's usual one when the model has none.
   */
  baselines: Baselines;
}

/** Why the settings cannot be fitted yet (shown next to the field). */
export type SettingsProblem = 'horizon' | 'holdout' | 'season';

/** The fit request of the current settings, what is wrong with them, or null before a series. */
export type FitRequestState = { ok: true; request: FitRequest } | { ok: false; problems: SettingsProblem[] };

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
  /** Keep a first or last period the rows cover only in part (aggregateSeries' keepPartial). */
  keepPartial = $state(false);
  /** How empty periods of a sum or a count are filled (means are always interpolated). */
  fill = $state<GapFill>('zero');
  /**
   * Whether a series of this data set had a part-period or empty periods (a SERIES_PARTIAL_* or
   * SERIES_GAPS_* note): the choices about them stay offered once shown, so that changing one
   * (or anything else) does not take away the control under the user's focus.
   */
  hadPartial = $state(false);
  hadGaps = $state(false);
  dates = $state.raw<DateInspection | null>(null);

  seriesJob = $state.raw<SeriesJob>({ status: 'idle' });
  series = $state.raw<SeriesOutcome | null>(null);

  model = $state<ModelChoice>('auto');
  seasonChoice = $state<SeasonChoice>('detected');
  customSeason = $state<number | null>(null);
  horizon = $state<number>(12);
  holdout = $state<number>(12);
  weights = $state<Record<ParamName, WeightSetting>>(startWeights());
  /**
   * The model a weight set by hand fixed in automatic mode (the one shown then, so that the
   * weight applies to it and it stays); null once a model is chosen.
   */
  modelHeldForWeight = $state<ModelId | null>(null);

  fitJob = $state.raw<FitJob>({ status: 'idle' });
  result = $state.raw<FitResult | null>(null);

  workedOpen = $state(false);
  workedAlpha = $state(WORKED_ALPHA);

  /** The rolling-origin backtest. */
  readonly backtest: ForecastBacktest;
  /** The export and the forecast kept for the plan. */
  readonly keep: ForecastKeep;

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
  request = $derived.by<FitRequestState | null>(() => {
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
    // Only the weights of the chosen model are sent: in automatic mode none is set by hand
    // (setting one fixes the model shown first), and a weight the model does not use is fitted.
    const used = this.model === 'auto' ? [] : (modelSpec(this.model)?.params ?? []);
    for (const name of used) {
      const setting = this.weights[name];
      if (!setting.fit) options[name] = setting.value;
    }
    const values = series.series.values;
    const lastPeriod = series.series.periods[n - 1];
    const seriesKey = this.#seriesKey;
    const request = { seriesKey, values, lastPeriod, unit: series.series.period, options, model: this.model, horizon: this.horizon, holdout: this.holdout, season };
    return { ok: true, request: { ...request, key: JSON.stringify([seriesKey, options, this.horizon, this.holdout]) } };
  });
  problems = $derived<SettingsProblem[]>(this.request && !this.request.ok ? this.request.problems : []);
  /** The model whose weights the sliders show: the chosen one, or the automatic choice's. */
  shownModel = $derived<ModelSpec | undefined>(modelSpec(this.model === 'auto' ? (this.result?.outcome.forecast.model ?? 'ses') : this.model));
  /** Whether any of α, β, γ and φ is set by hand (not only the weights the sliders show). */
  anyWeightSet = $derived(PARAM_NAMES.some((name) => !this.weights[name].fit));
  workedLevels = $derived(exponentialSmoothing(WORKED_SERIES, this.workedAlpha));

  #client: WorkerClient<ForecastWorkerApi>;
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

  constructor(deps: ForecastScreenDeps = {}) {
    const start = (name: string) => () => new Worker(new URL('../../workers/forecast.worker.ts', import.meta.url), { type: 'module', name });
    this.#client = deps.client ?? createWorkerClient<ForecastWorkerApi>(start('forecast'));
    this.backtest = new ForecastBacktest(this, deps.backtestClient ?? createWorkerClient<ForecastWorkerApi>(start('forecast-backtest')));
    this.keep = new ForecastKeep(this, { save: deps.save, openStore: deps.openStore, now: deps.now });
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
    this.backtest.reset();
    this.#datasetId = open?.id ?? null;
    this.#columnsRef = open?.dataset.columns ?? null;
    this.dataset = open?.dataset ?? null;
    this.series = null;
    this.result = null;
    this.fitJob = { status: 'idle' };
    this.seriesJob = { status: 'idle' };
    this.#defaultsFor = '';
    const columns = this.columns.map((c) => ({ name: c.name, type: c.type }));
    const date = guessDateColumn(columns) ?? '';
    this.dateColumn = date;
    this.valueColumn = guessValueColumn(columns, date || null) ?? '';
    this.how = 'sum';
    this.keepPartial = false;
    this.fill = 'zero';
    this.hadPartial = false;
    this.hadGaps = false;
    this.filterColumn = '';
    this.filterValue = '';
    this.dateOrder = open?.dataset.source.dateOrder ?? 'dmy';
    this.model = 'auto';
    this.modelHeldForWeight = null;
    this.weights = startWeights();
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

  /** Keeps (true) or leaves out a part-period at either end; the series is made again. */
  chooseKeepPartial(keep: boolean): void {
    this.keepPartial = keep;
    void this.#makeSeries();
  }

  /** Fills empty periods of a sum or a count with 0 or a straight line; the series is made again. */
  chooseFill(fill: GapFill): void {
    this.fill = fill;
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

  /** Chooses the model; a weight set by hand that it does not use is fitted again (none in automatic mode). */
  chooseModel(model: ModelChoice): void {
    this.model = model;
    this.modelHeldForWeight = null;
    this.#releaseUnusedWeights();
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

  /**
   * Fits the weight again (true), or holds it at its current value (false). Holding one in
   * automatic mode fixes the model shown first (see setWeightValue).
   */
  setWeightFit(name: ParamName, fit: boolean): void {
    const value = clamp(roundTo(this.weightValue(name), 2), this.weightMin(name), this.weightMax(name));
    if (!fit) this.#holdShownModel();
    this.weights[name] = { fit, value };
    this.#keepGammaInRange();
    this.#scheduleFit();
  }

  /**
   * Sets a weight by hand (a slider moved): it is held there, no longer fitted. In automatic
   * mode the model shown becomes the chosen one first: the weight applies to that model, and
   * the automatic choice cannot switch to another model under the pointer.
   */
  setWeightValue(name: ParamName, value: number): void {
    this.#holdShownModel();
    this.weights[name] = { fit: false, value: clamp(value, this.weightMin(name), this.weightMax(name)) };
    this.#keepGammaInRange();
    this.#scheduleFit();
  }

  /** Every weight fitted again (α, β, γ and φ). */
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
      keepPartial: this.keepPartial,
      fill: this.fill,
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
    const codes = made.value.series.details.map((note) => note.code);
    if (codes.some((code) => code.startsWith('SERIES_PARTIAL_'))) this.hadPartial = true;
    if (codes.some((code) => code.startsWith('SERIES_GAPS_'))) this.hadGaps = true;
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
    // Never default to a detected season shorter than the unit's usual one.
    const natural = made.natural ?? 1;
    this.horizon = defaultHorizon(season, natural);
    this.holdout = defaultHoldout(season, n, natural);
    this.backtest.setStart(null);
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
    const baselines = baselinesFor(request.request.season, series.natural, values.length - holdout);
    const fitted = await this.#client.call(undefined, 'fit', values, lastPeriod, unit, fitOptions, horizon, holdout, baselines.period);
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
          baselines,
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

  /** In automatic mode, makes the model shown the chosen one (a weight is about to be set for it). */
  #holdShownModel(): void {
    const shown = this.shownModel;
    if (this.model !== 'auto' || !shown) return;
    this.model = shown.id;
    this.modelHeldForWeight = shown.id;
    this.#releaseUnusedWeights();
  }

  /** A weight the chosen model does not use is not left set by hand, where no slider shows it. */
  #releaseUnusedWeights(): void {
    const used = this.model === 'auto' ? [] : (modelSpec(this.model)?.params ?? []);
    for (const name of PARAM_NAMES) {
      const setting = this.weights[name];
      if (!setting.fit && !used.includes(name)) this.weights[name] = { fit: true, value: setting.value };
    }
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
