/**
 * The smoothing recursions of every model in FPP's component form (Hyndman &
 * Athanasopoulos, FPP 3rd ed., §8.1–8.3; statsmodels' Holt–Winters smoothers):
 *
 *   one-step forecast  ŷ_t = (ℓ + φb) + s        (additive season)
 *                      ŷ_t = (ℓ + φb) · s        (multiplicative season)
 *   level              ℓ_t = α(y_t − s) + (1−α)(ℓ + φb)      or α y_t/s + (1−α)(ℓ + φb)
 *   trend              b_t = β(ℓ_t − ℓ) + (1−β)φb
 *   season             s_t = γ(y_t − ℓ − φb) + (1−γ)s        or γ y_t/(ℓ + φb) + (1−γ)s
 *
 * with ℓ = ℓ_(t−1), b = b_(t−1), s = s_(t−m). No trend means b = 0; an undamped trend means
 * φ = 1; no season means s = 0. These are exactly the additive-error state-space models
 * ETS(A,·,·): ℓ_t = ℓ + φb + αe_t (÷ s for a multiplicative season), b_t = φb + αβ e_t (÷ s),
 * s_t = s + γe_t (÷ (ℓ + φb)), with e_t = y_t − ŷ_t.
 */
import type { ModelSpec } from './models';

/** Smoothing weights; those a model does not use are ignored (β, γ may be 0 and φ 1 then). */
export interface SmoothingParams {
  alpha: number;
  /** Trend weight β* of FPP's component form, in [0, 1] (the state-space β is αβ*). */
  beta: number;
  /** Season weight γ, in [0, 1 − α]. */
  gamma: number;
  /** Damping φ; 1 for an undamped trend. */
  phi: number;
}

/** States at t = 0: level ℓ_0, trend b_0 and seasonal indices s_(1−m) … s_0 (time order). */
export interface States {
  level: number;
  trend: number;
  /** m values, the index used at t = 1 first; empty without a season. */
  season: number[];
}

/** Everything the recursion produced, for the step table and the forecasts. */
export interface RecursionPath {
  /** One-step forecasts ŷ_1 … ŷ_n. */
  fitted: Float64Array;
  /** Errors e_t = y_t − ŷ_t. */
  errors: Float64Array;
  /** ℓ_t, b_t and the seasonal index s_t made at t, for t = 1 … n. */
  level: Float64Array;
  trend: Float64Array;
  season: Float64Array;
  sse: number;
  /** States after the last value: ℓ_n, b_n and the latest index of each season position. */
  final: States;
}

/** Value of the effective damping: none for no trend, 1 for an undamped one. */
const dampingOf = (model: ModelSpec, params: SmoothingParams) => (model.trend === 'damped' ? params.phi : 1);

/**
 * Sum of squared one-step errors, without keeping the path (the optimiser's hot loop).
 * @returns Infinity when a multiplicative model divides by a value ≤ 0 or anything overflows,
 *   so the optimiser treats that point as infeasible
 */
export function sumOfSquaredErrors(model: ModelSpec, y: ArrayLike<number>, params: SmoothingParams, states: States): number {
  return run(model, y, params, states, null);
}

/**
 * Runs the recursion over the series and keeps every step.
 * @param model which trend and season
 * @param y the series
 * @param params smoothing weights
 * @param states states at t = 0 (not changed)
 * @returns the fitted values, errors, state path and final states
 */
export function runRecursion(model: ModelSpec, y: ArrayLike<number>, params: SmoothingParams, states: States): RecursionPath {
  const n = y.length;
  const path: RecursionPath = {
    fitted: new Float64Array(n),
    errors: new Float64Array(n),
    level: new Float64Array(n),
    trend: new Float64Array(n),
    season: new Float64Array(n),
    sse: 0,
    final: { level: 0, trend: 0, season: [] },
  };
  path.sse = run(model, y, params, states, path);
  return path;
}

function run(model: ModelSpec, y: ArrayLike<number>, params: SmoothingParams, states: States, path: RecursionPath | null): number {
  const { alpha, beta, gamma } = params;
  const phi = dampingOf(model, params);
  const hasTrend = model.trend !== 'none';
  const m = states.season.length;
  const additiveSeason = model.season === 'additive';
  const multiplicative = model.season === 'multiplicative';
  const ring = Float64Array.from(states.season);
  let level = states.level;
  let trend = hasTrend ? states.trend : 0;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const slot = m > 0 ? t % m : 0;
    const s = m > 0 ? ring[slot] : 0;
    const base = level + phi * trend;
    const value = y[t];
    let forecast: number;
    let newLevel: number;
    if (multiplicative) {
      // A level or index at or below 0 makes the multiplicative form meaningless (and
      // divides by 0 below): treat the point as infeasible.
      if (!(s > 0) || !(base > 0)) return Infinity;
      forecast = base * s;
      newLevel = (alpha * value) / s + (1 - alpha) * base;
      ring[slot] = (gamma * value) / base + (1 - gamma) * s;
    } else {
      forecast = base + s;
      newLevel = alpha * (value - s) + (1 - alpha) * base;
      if (additiveSeason) ring[slot] = gamma * (value - base) + (1 - gamma) * s;
    }
    const error = value - forecast;
    sse += error * error;
    if (hasTrend) trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
    level = newLevel;
    if (path) {
      path.fitted[t] = forecast;
      path.errors[t] = error;
      path.level[t] = level;
      path.trend[t] = trend;
      path.season[t] = m > 0 ? ring[slot] : 0;
    }
  }
  if (!Number.isFinite(sse)) return Infinity;
  if (path) {
    // Reorder the ring so that final.season[j] is the index for time n + 1 + j.
    const n = y.length;
    const season = m > 0 ? Array.from({ length: m }, (_, j) => ring[(n + j) % m]) : [];
    path.final = { level, trend, season };
  }
  return sse;
}

/**
 * Sum φ + φ² + … + φ^h of the damped trend (h for an undamped trend, 0 without trend).
 */
export function trendMultiplier(model: ModelSpec, phi: number, h: number): number {
  if (model.trend === 'none') return 0;
  if (model.trend === 'additive') return h;
  let sum = 0;
  let power = 1;
  for (let j = 1; j <= h; j++) {
    power *= phi;
    sum += power;
  }
  return sum;
}

/**
 * Point forecasts ŷ_(n+h|n) = (ℓ_n + φ_h b_n) ⊕ s_(n+h−m(k+1)), h = 1 … horizon, from the
 * final states (FPP §8.3), where ⊕ is + or × by the season kind.
 */
export function pointForecasts(model: ModelSpec, final: States, params: SmoothingParams, horizon: number): number[] {
  const m = final.season.length;
  const phi = dampingOf(model, params);
  const out: number[] = [];
  let phiSum = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    if (model.trend === 'damped') {
      power *= phi;
      phiSum += power;
    } else if (model.trend === 'additive') phiSum = h;
    const base = final.level + phiSum * final.trend;
    const s = m > 0 ? final.season[(h - 1) % m] : model.season === 'multiplicative' ? 1 : 0;
    out.push(model.season === 'multiplicative' ? base * s : base + s);
  }
  return out;
}
