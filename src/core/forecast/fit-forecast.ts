/**
 * The forecast screen's engine: fits an exponential smoothing model (or picks one by AICc),
 * forecasts, and returns everything needed to show the working — the fitted weights, the
 * initial states, the state path per period, the candidate ranking and how the prediction
 * intervals were made.
 */
import { fail, ok, type Result } from '../shared/result';
import { checkFixedParams, checkModelFits, checkRequest } from './forecast-input';
import { isConstant } from './initial-states';
import { analyticIntervals, forecastVariances, quantileSorted, simulatePaths, simulatedIntervals } from './intervals';
import { fitModel, fittedPath, type Estimation, type FittedModel, type FixedParams } from './fit-model';
import { MODELS, isSeasonal, modelSpec, type InitialStart, type ModelId, type ModelSpec, type ParamName } from './models';
import { pointForecasts, type SmoothingParams } from './recursions';

export type { InitialStart, ModelId, ParamName } from './models';
export type { Estimation } from './fit-model';

/** What to fit. */
export interface ForecastOptions {
  /** A model, or 'auto' for the lowest AICc among the models that suit the data. @default 'auto' */
  model?: ModelId | 'auto';
  /** Season length m in periods (12 for months in a year); needed by Holt–Winters. @default none (no season) */
  period?: number;
  /** How many periods to forecast, 1 … 1000. */
  horizon: number;
  /** Fixed level weight α in [0, 1]; fitted when absent. */
  alpha?: number;
  /** Fixed trend weight β (FPP's β*, in b_t = β(ℓ_t − ℓ_(t−1)) + (1 − β)φb_(t−1)) in [0, 1]; fitted when absent. */
  beta?: number;
  /** Fixed season weight γ in [0, 1 − α]; fitted when absent. */
  gamma?: number;
  /** Fixed damping φ in (0, 1]; fitted in [0.8, 0.98] when absent. */
  phi?: number;
  /** How weights and initial states are estimated (see fit-model.ts). @default 'refined' */
  estimation?: Estimation;
  /**
   * How simple exponential smoothing starts: 'textbook' ℓ_0 = X_1, so S_1 = X_1 and only α is
   * estimated (the form of exponentialSmoothing and of the worked example), or 'fitted' ℓ_0
   * fitted with α. Applies to simple exponential smoothing only: the other models always fit
   * their initial states (from the heuristic start of initial-states.ts). @default 'textbook'
   */
  initial?: InitialStart;
  /** Seed of the simulated intervals (multiplicative season). @default 1 */
  seed?: number;
  /** Simulated paths for those intervals, at least 1000. @default 5000 */
  paths?: number;
  /**
   * Groups of forecast steps (0-based: 0 is the first forecast period) whose sums need a
   * range, e.g. [[0, 1, 2], [0, …, 11]] for the next quarter and year; see `totals`.
   */
  totals?: number[][];
}

/** The point total and the 80 % / 95 % ranges of a sum of forecast periods. */
export interface ForecastTotalRange {
  /** The steps summed (0-based), as given. */
  steps: number[];
  /** Sum of the point forecasts. */
  total: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

/** The weights of the model; β, γ and φ only where the model has them. */
export interface ForecastParams {
  alpha: number;
  beta?: number;
  gamma?: number;
  phi?: number;
}

/** States at t = 0 (with the textbook start, level is X_1). */
export interface InitialStates {
  level: number;
  trend?: number;
  /** s_(1−m) … s_0: the index used at t = 1 first. */
  season?: number[];
}

/** One row of the step table: period t, its one-step forecast and the states after it. */
export interface ForecastStep {
  t: number;
  actual: number;
  /** ŷ_t, made at t − 1. */
  forecast: number;
  /** e_t = actual − forecast. */
  error: number;
  level: number;
  trend?: number;
  /** The seasonal index s_t made at t (used again at t + m). */
  season?: number;
}

/** A candidate of the automatic choice. */
export interface RankedModel {
  model: ModelId;
  aicc: number;
  sse: number;
  params: ForecastParams;
}

/** A model the automatic choice left out, with the error code fitting it alone would give. */
export interface SkippedModel {
  model: ModelId;
  code: string;
  params?: Record<string, string | number>;
}

/**
 * Remarks the UI shows beside the result:
 * - CONSTANT_SERIES: every value is the same; the forecast is that value, intervals have width 0;
 * - SEASON_INDICES_FROM_DECOMPOSITION: a long season kept its decomposition indices (not fitted);
 * - LOWER_BOUNDS_CLIPPED: the series is never negative, so bounds (and simulated paths) below 0
 *   were raised to 0 (given only when at least one bound was below 0).
 */
export type ForecastNote = 'CONSTANT_SERIES' | 'SEASON_INDICES_FROM_DECOMPOSITION' | 'LOWER_BOUNDS_CLIPPED';

/** A fitted model and its forecast. */
export interface Forecast {
  model: ModelId;
  params: ForecastParams;
  /** Which weights were fitted; the others were fixed by the options. */
  fittedParams: ParamName[];
  /** Season length used, or null for a model without a season. */
  period: number | null;
  /** How the states at t = 0 were set: 'textbook' (simple exponential smoothing, ℓ_0 = X_1) or 'fitted'. */
  initial: InitialStart;
  initialStates: InitialStates;
  steps: ForecastStep[];
  /** One-step forecasts ŷ_1 … ŷ_n (with the textbook start ŷ_1 = X_1, so e_1 = 0). */
  fitted: number[];
  forecast: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
  /** Σ e_t² over t = 1 … n (e_1 = 0 with the textbook start). */
  sse: number;
  /**
   * n·ln(SSE/n) + 2k + 2k(k + 1)/(n − k − 1) over all n values; Infinity when n ≤ k + 1
   * (simple exponential smoothing on 2 values with α set, or 3 with α fitted).
   */
  aicc: number;
  /** Estimated parameters plus one (the k of the AICc); the textbook start ℓ_0 = X_1 is not estimated. */
  k: number;
  /**
   * Degrees of freedom of σ²: the one-step errors that exist (n, or n − 1 with the textbook
   * start) minus the k − 1 estimated weights and states; at least 1.
   */
  degreesOfFreedom: number;
  /** σ of the one-step errors behind the intervals: √(SSE / degreesOfFreedom). */
  sigma: number;
  /**
   * How the ranges were made: 'analytic' (ŷ ± z·σ_h, additive Gaussian errors, linear models)
   * or 'simulated' (quantiles of simulated future paths, multiplicative season).
   */
  intervalMethod: 'analytic' | 'simulated';
  /**
   * The error assumption behind the ranges: 'additive' (errors of constant size σ, in the
   * series' unit) or 'multiplicative' (errors proportional to the forecast, of relative size
   * `relativeSigma`: the simulated ranges of the multiplicative-season models, ETS(M,·,M)).
   */
  errorForm: 'additive' | 'multiplicative';
  /**
   * σ of the relative one-step errors e_t/ŷ_t, √(Σ(e_t/ŷ_t)² / degreesOfFreedom), behind the
   * ranges when `errorForm` is 'multiplicative' (0.08: a one-step error of about ±8 %).
   */
  relativeSigma?: number;
  /** Paths and seed of simulated intervals (and of the ranges of `totals`). */
  simulation?: { paths: number; seed: number };
  /**
   * Ranges of the sums asked for by `options.totals`, in the same order. The errors of
   * successive periods are correlated, so the range of a sum is not the sum of the ranges:
   * each is read off the sums of simulated future paths (every model; the same error form,
   * σ, floor at 0 and seed as the ranges per period).
   */
  totals?: ForecastTotalRange[];
  /** Candidates by AICc, best first (model 'auto' only). */
  ranking?: RankedModel[];
  /** Models the automatic choice could not use (model 'auto' only). */
  skipped?: SkippedModel[];
  notes: ForecastNote[];
  meta: { algorithm: 'ets-sse'; version: 1; estimation: Estimation; starts: number; iterations: number; evaluations: number };
}

const DEFAULT_PATHS = 5000;
const MIN_PATHS = 1000;

function publicParams(model: ModelSpec, p: SmoothingParams): ForecastParams {
  const out: ForecastParams = { alpha: p.alpha };
  if (model.trend !== 'none') out.beta = p.beta;
  if (isSeasonal(model)) out.gamma = p.gamma;
  if (model.trend === 'damped') out.phi = p.phi;
  return out;
}

/** Turns a fitted model into the full result: path, forecasts and intervals. */
function describe(fit: FittedModel, series: readonly number[], horizon: number, options: ForecastOptions): Forecast {
  const { model, params, states } = fit;
  const seasonal = isSeasonal(model);
  const path = fittedPath(fit, series);
  const forecast = pointForecasts(model, path.final, params, horizon);
  // Unbiased σ²: SSE over the errors that exist less the k − 1 estimated parameters (for
  // textbook simple exponential smoothing e_2 … e_n, less α when fitted: n − 1 − p).
  const degreesOfFreedom = Math.max(fit.degreesOfFreedom, 1);
  const sigma = Math.sqrt(fit.sse / degreesOfFreedom);
  const simulate = model.season === 'multiplicative';
  const paths = Math.max(MIN_PATHS, Math.round(options.paths ?? DEFAULT_PATHS));
  const seed = options.seed ?? 1;
  // Multiplicative season: multiplicative errors, ETS(M,·,M), whose σ is that of the relative
  // errors (the fitted values are all > 0 there, or the fit would have been infeasible).
  const errorForm = simulate ? 'multiplicative' : 'additive';
  const relativeSigma = simulate ? Math.sqrt(path.errors.reduce((sum, e, i) => sum + (e / path.fitted[i]) ** 2, 0) / degreesOfFreedom) : undefined;
  // A series never below 0 (sales, counts) cannot go below 0: bounds and paths are floored.
  const nonNegative = series.every((v) => v >= 0);
  const intervals = simulate
    ? simulatedIntervals(model, params, path.final, relativeSigma ?? 0, horizon, paths, seed, { errorForm, floorAtZero: nonNegative })
    : analyticIntervals(forecast, forecastVariances(model, params, states.season.length, sigma * sigma, horizon));
  let clipped = false;
  if (nonNegative) {
    for (const bounds of [intervals.lower80, intervals.upper80, intervals.lower95, intervals.upper95]) {
      for (let i = 0; i < bounds.length; i++) {
        // Simulated bounds already sit at 0 when enough paths were floored.
        if (bounds[i] < 0 || (simulate && bounds[i] === 0)) clipped = true;
        if (bounds[i] < 0) bounds[i] = 0;
      }
    }
  }
  let totals: ForecastTotalRange[] | undefined;
  if (options.totals) {
    const spread = errorForm === 'multiplicative' ? (relativeSigma ?? 0) : sigma;
    const values = simulatePaths(model, params, path.final, spread, horizon, paths, seed, { errorForm, floorAtZero: nonNegative });
    totals = options.totals.map((group) => {
      const sums = new Float64Array(paths);
      for (const h of group) for (let p = 0; p < paths; p++) sums[p] += values[h * paths + p];
      sums.sort();
      return {
        steps: [...group],
        total: group.reduce((sum, h) => sum + forecast[h], 0),
        lower80: quantileSorted(sums, 0.1),
        upper80: quantileSorted(sums, 0.9),
        lower95: quantileSorted(sums, 0.025),
        upper95: quantileSorted(sums, 0.975),
      };
    });
  }
  const steps: ForecastStep[] = Array.from(series, (actual, i) => {
    const step: ForecastStep = { t: i + 1, actual, forecast: path.fitted[i], error: path.errors[i], level: path.level[i] };
    if (model.trend !== 'none') step.trend = path.trend[i];
    if (seasonal) step.season = path.season[i];
    return step;
  });
  const initialStates: InitialStates = { level: states.level };
  if (model.trend !== 'none') initialStates.trend = states.trend;
  if (seasonal) initialStates.season = [...states.season];
  const notes: ForecastNote[] = [];
  if (isConstant(series)) notes.push('CONSTANT_SERIES');
  if (seasonal && !fit.seasonStatesFitted) notes.push('SEASON_INDICES_FROM_DECOMPOSITION');
  if (clipped) notes.push('LOWER_BOUNDS_CLIPPED');
  return {
    model: model.id,
    params: publicParams(model, params),
    fittedParams: fit.fittedParams,
    period: seasonal ? states.season.length : null,
    initial: fit.initial,
    initialStates,
    steps,
    fitted: Array.from(path.fitted),
    forecast,
    ...intervals,
    sse: fit.sse,
    aicc: fit.aicc,
    k: fit.k,
    degreesOfFreedom,
    sigma,
    intervalMethod: simulate ? 'simulated' : 'analytic',
    errorForm,
    ...(relativeSigma !== undefined ? { relativeSigma } : {}),
    ...(simulate || totals ? { simulation: { paths, seed } } : {}),
    ...(totals ? { totals } : {}),
    notes,
    meta: { algorithm: 'ets-sse', version: 1, estimation: fit.estimation, starts: fit.starts, iterations: fit.iterations, evaluations: fit.evaluations },
  };
}

/**
 * Fits an exponential smoothing model and forecasts `horizon` periods ahead with 80 % and
 * 95 % prediction intervals (analytic with additive errors; simulated with multiplicative
 * errors for a multiplicative season; floored at 0 for a series never below 0; ranges of sums
 * through `options.totals`). Models (FPP3 ch. 8): simple exponential
 * smoothing, Holt's linear and damped trend, Holt–Winters with an additive or multiplicative
 * season (undamped or damped). Weights given in the options are held; the others and the
 * initial states minimise the one-step SSE (fit-model.ts) — except simple exponential
 * smoothing's, which by default starts the textbook way, ℓ_0 = X_1 (S_1 = X_1), and fits α
 * only. With model 'auto', every model that suits the data is fitted and the lowest AICc
 * wins (ties, Infinity included: the simpler model). Simple exponential smoothing forecasts
 * from 2 values with α set and from 3 with α fitted; its AICc is Infinity until n > k + 1.
 * @param series the observations, oldest first (not changed)
 * @param options model, season length, horizon, fixed weights
 * @returns the forecast, or a refusal: FORECAST_BAD_HORIZON, FORECAST_UNKNOWN_MODEL,
 *   FORECAST_NOT_FINITE, FORECAST_BAD_PERIOD, FORECAST_BAD_PARAM, FORECAST_SERIES_TOO_SHORT,
 *   FORECAST_TOO_SHORT, FORECAST_TOO_FEW_SEASONS (with a `suggestion`), FORECAST_TOO_SHORT_TO_FIT
 *   (α of simple exponential smoothing on 2 values), FORECAST_NONPOSITIVE,
 *   FORECAST_FIT_FAILED. A constant series gives that constant with zero-width intervals and
 *   the note CONSTANT_SERIES.
 * @example
 * const r = fitForecast(monthlySales, { model: 'auto', period: 12, horizon: 12 });
 * if (r.ok) console.log(r.value.model, r.value.forecast, r.value.lower95, r.value.upper95);
 * fitForecast([1000, 1100, 1200], { model: 'ses', alpha: 0.6, horizon: 2 });
 * // levels 1000, 1060, 1144; fitted [1000, 1000, 1060]; SSE 29,600; forecast [1144, 1144]
 */
export function fitForecast(series: readonly number[], options: ForecastOptions): Result<Forecast> {
  const requested = options.model ?? 'auto';
  const request = checkRequest(series, options.horizon, requested, options.period);
  if (!request.ok) return request;
  for (const group of options.totals ?? []) {
    if (group.length === 0 || group.some((h) => !Number.isInteger(h) || h < 0 || h >= options.horizon) || new Set(group).size !== group.length) {
      return fail('FORECAST_BAD_TOTAL', `A total must sum distinct forecast steps from 0 to ${options.horizon - 1}.`, { max: options.horizon - 1 });
    }
  }
  const fixed: FixedParams = {};
  for (const name of ['alpha', 'beta', 'gamma', 'phi'] as const) if (options[name] !== undefined) fixed[name] = options[name];
  const weights = checkFixedParams(fixed);
  if (!weights.ok) return weights;
  const period = options.period ?? 1;
  const estimation = options.estimation ?? 'refined';
  const spec = modelSpec(requested);

  if (spec) {
    const fits = checkModelFits(spec, series, period, fixed);
    if (!fits.ok) return fits;
    const fit = fitModel(spec, series, period, fixed, estimation, options.initial);
    if (!fit) return fail('FORECAST_FIT_FAILED', `${spec.name} could not be fitted to this series.`, { model: spec.name });
    return ok(describe(fit, series, options.horizon, options));
  }

  const skipped: SkippedModel[] = [];
  const fitted: FittedModel[] = [];
  for (const candidate of MODELS) {
    if (isSeasonal(candidate) && period < 2) continue;
    const fits = checkModelFits(candidate, series, period, fixed);
    if (!fits.ok) {
      skipped.push({ model: candidate.id, code: fits.error.code, ...(fits.error.params ? { params: fits.error.params } : {}) });
      continue;
    }
    const fit = fitModel(candidate, series, period, fixed, estimation, options.initial);
    // An AICc of Infinity (simple exponential smoothing on the shortest series) still ranks, last.
    if (fit && !Number.isNaN(fit.aicc)) fitted.push(fit);
    else skipped.push({ model: candidate.id, code: 'FORECAST_FIT_FAILED', params: { model: candidate.name } });
  }
  if (fitted.length === 0) {
    // Nothing fits: report why the simplest model does not.
    const reason = skipped.find((s) => s.model === 'ses');
    if (reason) return fail(reason.code, `No model can be fitted: the series is too short${reason.code === 'FORECAST_TOO_SHORT_TO_FIT' ? ' to fit α; set α' : ''}.`, reason.params);
    return fail('FORECAST_FIT_FAILED', 'No model could be fitted to this series.', { model: 'auto' });
  }
  // Stable sort: equal AICc (Infinity too, where a − b would be NaN) keeps MODELS order, simplest first.
  const ranked = [...fitted].sort((a, b) => (a.aicc < b.aicc ? -1 : a.aicc > b.aicc ? 1 : 0));
  const result = describe(ranked[0], series, options.horizon, options);
  result.ranking = ranked.map((f) => ({ model: f.model.id, aicc: f.aicc, sse: f.sse, params: publicParams(f.model, f.params) }));
  result.skipped = skipped;
  return ok(result);
}

/**
 * The point total and the 80 % / 95 % ranges of sums of forecast periods: fitForecast with
 * `options.totals = groups`, its `totals` only.
 * @param groups forecast steps to sum, 0-based (0 … horizon − 1), distinct within a group
 * @returns one range per group, or fitForecast's refusal (FORECAST_BAD_TOTAL for a bad group)
 * @example
 * // Next quarter and next year of a monthly forecast:
 * forecastTotals(sales, { period: 12, horizon: 12 }, [[0, 1, 2], Array.from({ length: 12 }, (_, h) => h)]);
 */
export function forecastTotals(series: readonly number[], options: ForecastOptions, groups: number[][]): Result<ForecastTotalRange[]> {
  const result = fitForecast(series, { ...options, totals: groups });
  return result.ok ? ok(result.value.totals ?? []) : result;
}
