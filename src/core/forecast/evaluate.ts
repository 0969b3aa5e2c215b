/**
 * How good a forecast is, and whether it beats doing nothing clever: accuracy metrics, the
 * naive and seasonal-naive baselines, a hold-out test and rolling-origin evaluation (time
 * series cross-validation, Hyndman & Athanasopoulos, "Forecasting: Principles and Practice",
 * 3rd ed., §5.8–5.10, https://otexts.com/fpp3/accuracy.html and /tscv.html).
 *
 * Any model can be evaluated: it comes in as a `Forecaster`, a function from a training series
 * and a horizon to forecasts. The model is refitted at every origin on the data before it, so
 * no forecast ever sees the values it is scored on.
 */
import { fail, ok, type Result } from '../shared/result';

/** A model as the evaluation sees it: fit on `train`, forecast the next `horizon` values. */
export type Forecaster = (train: number[], horizon: number) => Result<number[]>;

/** Accuracy of forecasts against actual values. */
export interface ForecastAccuracy {
  /** Number of forecasts scored. */
  count: number;
  /** Mean absolute error, in the series' unit. */
  mae: number;
  /** Root mean squared error, in the series' unit. */
  rmse: number;
  /** Mean absolute percentage error in percent, over the non-zero actuals; NaN when all are 0. */
  mape: number;
  /** Actual values of 0 left out of the MAPE (a percentage of 0 is undefined). */
  mapeSkipped: number;
  /** Symmetric MAPE in percent (0–200): mean of 2|F − A| / (|A| + |F|), a term with A = F = 0 counting 0. */
  smape: number;
  /** Mean absolute scaled error: MAE over the in-sample MAE of the (seasonal) naive forecast; NaN without a scale. */
  mase: number;
  /** The season length the MASE scale used (1 = naive), 0 when there was no scale. */
  masePeriod: number;
}

export interface AccuracyOptions {
  /** The training series, for the MASE scale. Without it the MASE is NaN. */
  train?: readonly number[];
  /** Season length of the MASE scale: 1 scales by the naive forecast. @default 1 */
  period?: number;
}

function checkSeries(values: readonly number[], name: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new TypeError(`${name}[${i}] is ${values[i]}, not a finite number`);
  }
}

function checkPair(actual: readonly number[], forecast: readonly number[]): void {
  if (actual.length !== forecast.length) {
    throw new RangeError(`${actual.length} actual values but ${forecast.length} forecasts`);
  }
  checkSeries(actual, 'actual');
  checkSeries(forecast, 'forecast');
}

function checkPeriod(period: number): void {
  if (!Number.isInteger(period) || period < 1) throw new RangeError(`A season length is a whole number ≥ 1, got ${period}`);
}

/**
 * Mean absolute error: mean of |A − F|.
 * @throws RangeError on different lengths; TypeError on a value that is not finite
 * @example meanAbsoluteError([10, 20], [12, 17]) // (2 + 3) / 2 = 2.5
 */
export function meanAbsoluteError(actual: readonly number[], forecast: readonly number[]): number {
  checkPair(actual, forecast);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - forecast[i]);
  return actual.length === 0 ? NaN : sum / actual.length;
}

/**
 * Root mean squared error: √(mean of (A − F)²).
 * @example rootMeanSquaredError([10, 20], [12, 17]) // √((4 + 9) / 2) ≈ 2.5495
 */
export function rootMeanSquaredError(actual: readonly number[], forecast: readonly number[]): number {
  checkPair(actual, forecast);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += (actual[i] - forecast[i]) ** 2;
  return actual.length === 0 ? NaN : Math.sqrt(sum / actual.length);
}

/**
 * Mean absolute percentage error, in percent: 100 · mean of |A − F| / |A| over the actuals that
 * are not 0; those that are 0 are skipped and counted.
 * @returns the MAPE (NaN when every actual is 0) and how many actuals were skipped
 * @example meanAbsolutePercentageError([10, 0, 20], [12, 1, 17]) // { value: 17.5, skipped: 1 }
 */
export function meanAbsolutePercentageError(actual: readonly number[], forecast: readonly number[]): { value: number; skipped: number } {
  checkPair(actual, forecast);
  let sum = 0;
  let used = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0) continue;
    sum += Math.abs((actual[i] - forecast[i]) / actual[i]);
    used++;
  }
  return { value: used === 0 ? NaN : (100 * sum) / used, skipped: actual.length - used };
}

/**
 * Symmetric MAPE, in percent (0 to 200): 100 · mean of 2|F − A| / (|A| + |F|). A term where
 * actual and forecast are both 0 is a perfect forecast and counts 0.
 * @example symmetricMeanAbsolutePercentageError([10, 20], [12, 17]) // 100 · (4/22 + 6/37) / 2 ≈ 17.19
 */
export function symmetricMeanAbsolutePercentageError(actual: readonly number[], forecast: readonly number[]): number {
  checkPair(actual, forecast);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
    if (denominator > 0) sum += (2 * Math.abs(forecast[i] - actual[i])) / denominator;
  }
  return actual.length === 0 ? NaN : (100 * sum) / actual.length;
}

/**
 * The MASE scale: the in-sample MAE of the seasonal-naive forecast, mean of |y[t] − y[t − m]|
 * for t = m … n − 1 (the naive forecast when m = 1). When the training series is not longer
 * than one season, the naive scale (m = 1) is used instead.
 * @returns the scale and the season length it used; scale NaN when the series has under 2 values
 * @example naiveScale([1, 3, 2, 6], 1) // { scale: (2 + 1 + 4) / 3, period: 1 }
 */
export function naiveScale(train: readonly number[], period = 1): { scale: number; period: number } {
  checkPeriod(period);
  checkSeries(train, 'train');
  const m = train.length > period ? period : 1;
  if (train.length <= m) return { scale: NaN, period: 0 };
  let sum = 0;
  for (let t = m; t < train.length; t++) sum += Math.abs(train[t] - train[t - m]);
  return { scale: sum / (train.length - m), period: m };
}

/**
 * Mean absolute scaled error (Hyndman & Koehler 2006): the forecasts' MAE divided by the
 * in-sample MAE of the seasonal-naive forecast with season length `period` (see naiveScale).
 * Below 1, the forecasts beat that baseline's one-step errors on the training data.
 * @returns the MASE; NaN when the scale is 0 (a constant training series) or cannot be computed
 * @example meanAbsoluteScaledError([5, 7], [6, 6], [1, 3, 2, 6], 1) // 1 / (7/3) ≈ 0.4286
 */
export function meanAbsoluteScaledError(
  actual: readonly number[],
  forecast: readonly number[],
  train: readonly number[],
  period = 1,
): number {
  const mae = meanAbsoluteError(actual, forecast);
  const { scale } = naiveScale(train, period);
  return scale > 0 ? mae / scale : NaN;
}

/**
 * Every metric at once.
 * @example forecastAccuracy([10, 20], [12, 17]).mae // 2.5
 */
export function forecastAccuracy(actual: readonly number[], forecast: readonly number[], options: AccuracyOptions = {}): ForecastAccuracy {
  const mape = meanAbsolutePercentageError(actual, forecast);
  const scale = options.train ? naiveScale(options.train, options.period ?? 1) : { scale: NaN, period: 0 };
  const mae = meanAbsoluteError(actual, forecast);
  return {
    count: actual.length,
    mae,
    rmse: rootMeanSquaredError(actual, forecast),
    mape: mape.value,
    mapeSkipped: mape.skipped,
    smape: symmetricMeanAbsolutePercentageError(actual, forecast),
    mase: scale.scale > 0 ? mae / scale.scale : NaN,
    masePeriod: scale.period,
  };
}

/**
 * The naive forecast: every future value equals the last observed one.
 * @throws RangeError when `train` is empty or `horizon` is not a whole number ≥ 0
 * @example naiveForecast([3, 5, 4], 2) // [4, 4]
 */
export function naiveForecast(train: readonly number[], horizon: number): number[] {
  checkHorizon(horizon);
  if (train.length === 0) throw new RangeError('The naive forecast needs at least one value');
  return new Array<number>(horizon).fill(train[train.length - 1]);
}

/**
 * The seasonal-naive forecast: each future value equals the value one season earlier,
 * F[n + h] = y[n + h − m·⌈h/m⌉] (h = 1, 2, …), repeating the last observed season.
 * @throws RangeError when `train` is shorter than one season
 * @example seasonalNaiveForecast([1, 2, 3, 4, 5, 6], 3, 4) // last season [3, 4, 5, 6] → [3, 4, 5]
 */
export function seasonalNaiveForecast(train: readonly number[], horizon: number, period: number): number[] {
  checkHorizon(horizon);
  checkPeriod(period);
  if (train.length < period) throw new RangeError(`The seasonal-naive forecast needs a whole season (${period} values), got ${train.length}`);
  const start = train.length - period;
  return Array.from({ length: horizon }, (_, h) => train[start + (h % period)]);
}

function checkHorizon(horizon: number): void {
  if (!Number.isInteger(horizon) || horizon < 0) throw new RangeError(`A horizon is a whole number ≥ 0, got ${horizon}`);
}

/** One forecast origin: the model trained on series[0 .. origin − 1], scored on the next values. */
export interface OriginResult {
  /** Length of the training series; the first forecast is for index `origin`. */
  origin: number;
  actual: number[];
  forecast: number[];
  /** Actual − forecast, per step ahead. */
  errors: number[];
  accuracy: ForecastAccuracy;
}

/** One method over every origin. */
export interface MethodEvaluation {
  origins: OriginResult[];
  /** Metrics over every forecast of every origin pooled; the MASE pools errors each scaled by its own origin's scale. */
  accuracy: ForecastAccuracy;
  /** MAE by steps ahead: [0] over the 1-step forecasts, [1] over the 2-step ones… */
  maeByStep: number[];
}

/** Message keys of the verdict sentence. */
export type VerdictKey =
  | 'forecast.eval.verdict.beatsBoth'
  | 'forecast.eval.verdict.beatsNaiveOnly'
  | 'forecast.eval.verdict.beatsSeasonalOnly'
  | 'forecast.eval.verdict.beatsNeither'
  | 'forecast.eval.verdict.beatsNaive'
  | 'forecast.eval.verdict.notNaive';

/** Whether the model's MAE is strictly lower than the baselines'. */
export interface Verdict {
  beatsNaive: boolean;
  beatsSeasonalNaive: boolean;
  /** Message key of the sentence (with the seasonal-naive left out when the season length is 1). */
  key: VerdictKey;
  /** The sentence in plain English. */
  sentence: string;
  params: { mae: number; naive: number; seasonalNaive: number };
}

export interface Evaluation {
  model: MethodEvaluation;
  naive: MethodEvaluation;
  seasonalNaive: MethodEvaluation;
  verdict: Verdict;
  initial: number;
  horizon: number;
  step: number;
  period: number;
}

export interface RollingOriginOptions {
  /** Training length at the first origin. */
  initial: number;
  /** Values forecast at each origin. */
  horizon: number;
  /** How many values each origin adds to the training series. @default 1 */
  step?: number;
  /** Season length for the seasonal-naive baseline and the MASE scale; 1 = none. @default 1 */
  period?: number;
  /** Called after each origin. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between origins; true stops with CANCELLED. */
  shouldStop?: () => boolean;
}

/**
 * The training lengths of rolling-origin evaluation: initial, initial + step, … as long as a
 * whole horizon of actual values follows.
 * @example rollingOrigins(10, 5, 2, 2) // [5, 7]: tests 5–6 and 7–8; 9–10 would run past the end
 */
export function rollingOrigins(length: number, initial: number, horizon: number, step = 1): number[] {
  const origins: number[] = [];
  for (let origin = initial; origin + horizon <= length; origin += step) origins.push(origin);
  return origins;
}

/**
 * Rolling-origin evaluation (time series cross-validation): at each origin the forecaster is
 * fitted on every value before it and forecasts the next `horizon`; the naive and seasonal-naive
 * forecasts are scored on the same values, and the verdict says whether the model beats them on MAE.
 * @param series the whole series (not changed)
 * @param options first training length, horizon, step, season length
 * @param forecaster any model (given a copy of the training values)
 * @returns per-origin errors and pooled metrics for the model and both baselines, or a failure:
 *   EVAL_TOO_SHORT when no origin fits, EVAL_BAD_FORECAST when the model returns the wrong number
 *   of values or a value that is not finite, CANCELLED, or the forecaster's own failure
 * @throws RangeError when initial, horizon, step or period is not a whole number ≥ 1
 * @example rollingOrigin(sales, { initial: 24, horizon: 3, step: 3, period: 12 }, fitModel)
 */
export function rollingOrigin(series: readonly number[], options: RollingOriginOptions, forecaster: Forecaster): Result<Evaluation> {
  const { initial, horizon } = options;
  const step = options.step ?? 1;
  const period = options.period ?? 1;
  for (const [name, value] of [['initial', initial], ['horizon', horizon], ['step', step]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
  }
  checkPeriod(period);
  checkSeries(series, 'series');
  // The seasonal-naive baseline needs one whole season, and the MASE scale one more value.
  const minTrain = period > 1 ? period + 1 : 2;
  const firstTrain = Math.max(initial, minTrain);
  const origins = rollingOrigins(series.length, firstTrain, horizon, step);
  if (origins.length === 0 || initial < minTrain) {
    const needed = firstTrain + horizon;
    return fail(
      'EVAL_TOO_SHORT',
      `Testing ${horizon} ${horizon === 1 ? 'value' : 'values'} ahead after at least ${minTrain} training values needs ${needed} values; the series has ${series.length}${initial < minTrain ? ` and the first training length is ${initial}` : ''}.`,
      { count: series.length, needed, initial, minTrain, horizon },
    );
  }
  const model: OriginResult[] = [];
  const naive: OriginResult[] = [];
  const seasonal: OriginResult[] = [];
  for (let i = 0; i < origins.length; i++) {
    if (options.shouldStop?.()) return fail('CANCELLED', 'The evaluation was cancelled.');
    const origin = origins[i];
    const train = series.slice(0, origin);
    const actual = series.slice(origin, origin + horizon);
    const forecast = forecaster(train.slice(), horizon);
    if (!forecast.ok) return forecast;
    const values = forecast.value;
    if (values.length !== horizon || values.some((v) => !Number.isFinite(v))) {
      return fail(
        'EVAL_BAD_FORECAST',
        `At origin ${origin} the model returned ${values.length} forecasts (${horizon} expected)${values.some((v) => !Number.isFinite(v)) ? ', some of them not numbers' : ''}.`,
        { origin, expected: horizon, count: values.length },
      );
    }
    model.push(scoreOrigin(origin, train, actual, values.slice(), period));
    naive.push(scoreOrigin(origin, train, actual, naiveForecast(train, horizon), period));
    seasonal.push(scoreOrigin(origin, train, actual, seasonalNaiveForecast(train, horizon, period), period));
    options.onProgress?.(i + 1, origins.length);
  }
  const modelEvaluation = pool(model, series, horizon, period);
  const naiveEvaluation = pool(naive, series, horizon, period);
  const seasonalEvaluation = pool(seasonal, series, horizon, period);
  return ok({
    model: modelEvaluation,
    naive: naiveEvaluation,
    seasonalNaive: seasonalEvaluation,
    verdict: compareWithBaselines(modelEvaluation.accuracy.mae, naiveEvaluation.accuracy.mae, seasonalEvaluation.accuracy.mae, period),
    initial,
    horizon,
    step,
    period,
  });
}

/**
 * Hold-out test: the model is fitted on all but the last `k` values and forecasts them; the
 * naive and seasonal-naive forecasts are scored on the same `k` values. Rolling-origin
 * evaluation with a single origin.
 * @param series the whole series (not changed)
 * @param k how many values at the end to hold out
 * @param forecaster any model
 * @param options season length for the seasonal-naive baseline and the MASE scale
 * @example holdout(airPassengers, 12, seasonalNaive, { period: 12 }).value.seasonalNaive.accuracy.mae // 47.83
 */
export function holdout(series: readonly number[], k: number, forecaster: Forecaster, options: { period?: number } = {}): Result<Evaluation> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
  const initial = Math.max(series.length - k, 1);
  return rollingOrigin(series, { initial, horizon: k, step: k, period: options.period }, forecaster);
}

function scoreOrigin(origin: number, train: number[], actual: number[], forecast: number[], period: number): OriginResult {
  return {
    origin,
    actual,
    forecast,
    errors: actual.map((a, h) => a - forecast[h]),
    accuracy: forecastAccuracy(actual, forecast, { train, period }),
  };
}

function pool(origins: OriginResult[], series: readonly number[], horizon: number, period: number): MethodEvaluation {
  const actual = origins.flatMap((o) => o.actual);
  const forecast = origins.flatMap((o) => o.forecast);
  const accuracy = forecastAccuracy(actual, forecast);
  // Each origin's errors are scaled by that origin's own in-sample scale (what a forecaster
  // standing at that origin could have known).
  let scaled = 0;
  let scaledCount = 0;
  let masePeriod = 0;
  for (const o of origins) {
    const { scale, period: used } = naiveScale(series.slice(0, o.origin), period);
    if (!(scale > 0)) continue;
    masePeriod = used;
    for (const e of o.errors) scaled += Math.abs(e) / scale;
    scaledCount += o.errors.length;
  }
  const maeByStep = Array.from({ length: horizon }, (_, h) => origins.reduce((sum, o) => sum + Math.abs(o.errors[h]), 0) / origins.length);
  return {
    origins,
    accuracy: { ...accuracy, mase: scaledCount === actual.length ? scaled / scaledCount : NaN, masePeriod },
    maeByStep,
  };
}

function formatMae(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * The verdict on MAE: does the model do strictly better than the naive and seasonal-naive
 * forecasts? With a season length of 1 both baselines are the same and only the naive one is named.
 * @example compareWithBaselines(40, 76, 47.8, 12).key // 'forecast.eval.verdict.beatsBoth'
 */
export function compareWithBaselines(mae: number, naiveMae: number, seasonalNaiveMae: number, period: number): Verdict {
  const beatsNaive = mae < naiveMae;
  const beatsSeasonalNaive = mae < seasonalNaiveMae;
  const params = { mae, naive: naiveMae, seasonalNaive: seasonalNaiveMae };
  const m = formatMae(mae);
  const n = formatMae(naiveMae);
  const s = formatMae(seasonalNaiveMae);
  if (period <= 1) {
    return beatsNaive
      ? { beatsNaive, beatsSeasonalNaive, params, key: 'forecast.eval.verdict.beatsNaive', sentence: `The model's mean absolute error (${m}) is lower than the naive forecast's (${n}).` }
      : { beatsNaive, beatsSeasonalNaive, params, key: 'forecast.eval.verdict.notNaive', sentence: `The model's mean absolute error (${m}) is not lower than the naive forecast's (${n}): repeating the last value does as well.` };
  }
  if (beatsNaive && beatsSeasonalNaive) {
    return { beatsNaive, beatsSeasonalNaive, params, key: 'forecast.eval.verdict.beatsBoth', sentence: `The model's mean absolute error (${m}) is lower than both the naive forecast's (${n}) and the seasonal-naive forecast's (${s}).` };
  }
  if (beatsNaive) {
    return { beatsNaive, beatsSeasonalNaive, params, key: 'forecast.eval.verdict.beatsNaiveOnly', sentence: `The model's mean absolute error (${m}) is lower than the naive forecast's (${n}) but not than the seasonal-naive forecast's (${s}): repeating last season does as well.` };
  }
  if (beatsSeasonalNaive) {
    return { beatsNaive, beatsSeasonalNaive, params, key: 'forecast.eval.verdict.beatsSeasonalOnly', sentence: `The model's mean absolute error (${m}) is lower than the seasonal-naive forecast's (${s}) but not than the naive forecast's (${n}): repeating the last value does as well.` };
  }
  return { beatsNaive, beatsSeasonalNaive, params, key: 'forecast.eval.verdict.beatsNeither', sentence: `The model's mean absolute error (${m}) is not lower than the naive forecast's (${n}) nor the seasonal-naive forecast's (${s}): a simple baseline does as well.` };
}
