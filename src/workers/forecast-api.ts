/**
 * What the forecast worker does, apart from the messaging (forecast.worker.ts exposes it), so
 * tests call it directly: read the dates of a column (to guess the period), make the series
 * from the open data set (aggregateSeries) and find its season, fit a model with its hold-out
 * test in one call (the sliders send one call per position), the rolling-origin backtest
 * with progress, and the refit of a plan's forecast when it is re-planned. Every failure is a Result, never a throw.
 */
import type { Dataset } from '../core/data/dataset';
import { aggregateSeries, type AggregatedSeries, type AggregateSeriesOptions } from '../core/forecast/aggregate-series';
import { holdout, rollingOrigin, type Evaluation, type Forecaster } from '../core/forecast/evaluate';
import { fitForecast, type Forecast, type ForecastOptions } from '../core/forecast/fit-forecast';
import { futurePeriodKeys, naturalSeasonLength, type PeriodUnit } from '../core/forecast/periods';
import { detectSeasonLength, type SeasonLength } from '../core/forecast/season-length';
import type { DateOrder } from '../core/data/parse-date';
import { fail, ok, type Result } from '../core/shared/result';
import { inspectColumnDates, type DateInspection } from '../core/forecast/series-guesses';
import { totalGroups } from '../core/forecast/forecast-totals';
import { rangeCoverage, type OriginRanges, type RangeCoverage } from '../core/forecast/range-coverage';
import { replanForecast, type PeriodValue, type PlanForecast, type ReplannedForecast } from '../core/plan/replan-forecast';

/** Progress goes to the page at most this often (10 Hz), plus the last origin. */
const PROGRESS_INTERVAL_MS = 100;

export type { DateInspection };

/** A series made from the data set, with its season as the data shows it. */
export interface SeriesOutcome {
  series: AggregatedSeries;
  /** The usual season of the unit (12 for months, 1 for years). */
  natural: number;
  season: SeasonLength;
}

/** A fitted model (with the ranges of its totals), its forecast periods and its hold-out test. */
export interface FitOutcome {
  forecast: Forecast;
  /** Keys of the forecast periods. */
  futurePeriods: string[];
  /** The hold-out test of the same model options on the last `k` values (or why it could not run). */
  holdout: Result<Evaluation> | null;
  /** Time of the fit and of the hold-out test, in ms, measured in the worker. */
  fitMs: number;
  holdoutMs: number;
}

/** Fit options as they cross the boundary (the horizon is the call's own). */
export type FitRequestOptions = Omit<ForecastOptions, 'horizon'>;

export interface BacktestOptions {
  /** Training length at the first origin. */
  initial: number;
  /** Values forecast at each origin. */
  horizon: number;
  /** Values each origin adds. */
  step: number;
  /** Season length of the seasonal-naive baseline and the MASE scale (1 = none). */
  period: number;
}

/** A backtest: the evaluation, and how often the actual values fell inside the model's ranges. */
export interface BacktestOutcome {
  evaluation: Evaluation;
  coverage: RangeCoverage;
}

export interface BacktestProgress {
  done: number;
  total: number;
}

export type BacktestProgressFn = (progress: BacktestProgress) => void | Promise<void>;

/**
 * Reads the dates of a column as aggregateSeries does (the same reading, readColumnDates), to
 * guess the unit and to tell whether the day/month order is in doubt.
 */
function inspectDates(dataset: Dataset, columnName: string, dateOrder: DateOrder): Result<DateInspection> {
  try {
    return inspectColumnDates(dataset, columnName, dateOrder);
  } catch (error) {
    return internal(error);
  }
}

/** The series of the data set and its season (detected by autocorrelation). */
function series(dataset: Dataset, options: AggregateSeriesOptions): Result<SeriesOutcome> {
  try {
    const made = aggregateSeries(dataset, options);
    if (!made.ok) return made;
    const natural = naturalSeasonLength(options.period);
    const season = detectSeasonLength(made.value.values, { natural });
    return ok({ series: made.value, natural, season });
  } catch (error) {
    return internal(error);
  }
}

/**
 * The model as the evaluation sees it: refitted with the same options on each training series.
 * @param rangesAt when given, receives the ranges forecast at each origin (keyed by training length)
 */
function forecasterOf(options: FitRequestOptions, rangesAt?: Map<number, OriginRanges>): Forecaster {
  return (train, horizon) => {
    const fitted = fitForecast(train, { ...options, horizon });
    if (!fitted.ok) return fitted;
    const { forecast, lower80, upper80, lower95, upper95 } = fitted.value;
    rangesAt?.set(train.length, { lower80, upper80, lower95, upper95 });
    return ok(forecast);
  };
}

/**
 * Fits the model on the whole series and forecasts `horizon` periods after `lastPeriod`, with
 * the ranges of its totals per calendar quarter, year and the whole horizon (totalGroups of the
 * forecast periods, passed to the fit as `totals`); then, when `holdoutSize` ≥ 1, refits the same
 * options on all but the last `holdoutSize` values and scores the forecasts of those against the
 * naive and seasonal-naive ones.
 * @param values the series
 * @param lastPeriod the key of the last value ('1971-10'), for the forecast periods
 * @param unit the calendar unit of the keys
 * @param options model, season length, fixed weights
 * @param horizon periods to forecast
 * @param holdoutSize values held out for the test (0: no test)
 * @param baselinePeriod season length of the seasonal-naive baseline and the MASE scale (1 = none);
 *   the model's season, or the unit's usual one when the model has none (the screen decides)
 */
function fit(
  values: number[],
  lastPeriod: string,
  unit: PeriodUnit,
  options: FitRequestOptions,
  horizon: number,
  holdoutSize: number,
  baselinePeriod: number,
): Result<FitOutcome> {
  try {
    const started = performance.now();
    const futurePeriods = futurePeriodKeys(lastPeriod, horizon, unit);
    const totals = totalGroups(futurePeriods, unit).map((group) => group.steps);
    const fitted = fitForecast(values, { ...options, horizon, ...(totals.length > 0 ? { totals } : {}) });
    if (!fitted.ok) return fitted;
    const fitMs = performance.now() - started;
    let test: Result<Evaluation> | null = null;
    const testStarted = performance.now();
    if (holdoutSize >= 1) {
      test = holdout(values, holdoutSize, forecasterOf(options), { period: baselinePeriod });
    }
    return ok({ forecast: fitted.value, futurePeriods, holdout: test, fitMs, holdoutMs: performance.now() - testStarted });
  } catch (error) {
    return internal(error);
  }
}

/**
 * Rolling-origin backtest of the model options: refitted at every origin on the values
 * before it, scored on the next `horizon`, next to the naive and seasonal-naive forecasts, and
 * the actual values checked against the 80% and 95% ranges forecast for them.
 * Progress at most 10 times a second, plus the last origin. Cancelling terminates the worker.
 */
function backtest(values: number[], options: FitRequestOptions, rolling: BacktestOptions, onProgress?: BacktestProgressFn): Result<BacktestOutcome> {
  try {
    let lastReport = -Infinity;
    const rangesAt = new Map<number, OriginRanges>();
    const evaluated = rollingOrigin(
      values,
      {
        ...rolling,
        onProgress: (done, total) => {
          const now = performance.now();
          if (onProgress && (done === total || now - lastReport >= PROGRESS_INTERVAL_MS)) {
            lastReport = now;
            // Not awaited: the page's answer would only arrive after the backtest.
            void onProgress({ done, total });
          }
        },
      },
      forecasterOf(options, rangesAt),
    );
    if (!evaluated.ok) return evaluated;
    return ok({ evaluation: evaluated.value, coverage: rangeCoverage(evaluated.value.model.origins, rangesAt) });
  } catch (error) {
    // Includes rollingOrigin's RangeError on a length or step that is not a whole number ≥ 1,
    // which the screen never sends (it checks both first).
    return internal(error);
  }
}

/**
 * The forecast of a re-planned plan: the plan's forecast fitted again with the actuals added
 * to its history (replanForecast), for the periods still to come.
 */
function refit(forecast: PlanForecast | null, actuals: PeriodValue[], periods: string[]): Result<ReplannedForecast> {
  try {
    return replanForecast(forecast, actuals, periods);
  } catch (error) {
    return internal(error);
  }
}

function internal(error: unknown): Result<never> {
  const detail = error instanceof Error ? error.message : String(error);
  return fail('INTERNAL', detail, { detail });
}

export const forecastWorkerApi = { inspectDates, series, fit, backtest, refit };
export type ForecastWorkerApi = typeof forecastWorkerApi;
