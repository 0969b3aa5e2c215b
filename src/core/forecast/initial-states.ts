/**
 * Starting values for the states at t = 0, before the optimiser refines them: the
 * heuristic of Hyndman et al. (2008, §2.6.1; the `initstate` of R's forecast::ets). A
 * classical decomposition of the first two or three seasons gives the seasonal indices;
 * a straight line through the first seasonally adjusted values gives the level and trend.
 */
import type { ModelSpec } from './models';
import type { States } from './recursions';

/** Whether every value equals the first (such a series is fitted exactly by any weights). */
export function isConstant(y: ArrayLike<number>): boolean {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return false;
  return true;
}

/**
 * Centred moving average of order m (a 2×m average for even m, so it is centred on a
 * value), NaN where the window does not fit.
 */
function centredMovingAverage(y: ArrayLike<number>, m: number): Float64Array {
  const out = new Float64Array(y.length).fill(NaN);
  const half = Math.floor(m / 2);
  for (let i = half; i + half < y.length; i++) {
    let sum = 0;
    if (m % 2 === 1) {
      for (let j = i - half; j <= i + half; j++) sum += y[j];
      out[i] = sum / m;
    } else {
      for (let j = i - half + 1; j < i + half; j++) sum += y[j];
      out[i] = (sum + 0.5 * (y[i - half] + y[i + half])) / m;
    }
  }
  return out;
}

/**
 * Seasonal indices s_(1−m) … s_0 from a classical decomposition of the first seasons:
 * the average detrended value (difference or ratio to the moving average) at each position,
 * normalised to sum 0 (additive) or average 1 (multiplicative).
 */
function seasonalIndices(y: ArrayLike<number>, m: number, multiplicative: boolean): number[] {
  const seasons = Math.min(Math.floor(y.length / m), 3);
  const head = Array.from({ length: seasons * m }, (_, i) => y[i]);
  const trend = centredMovingAverage(head, m);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let i = 0; i < head.length; i++) {
    if (Number.isNaN(trend[i])) continue;
    sums[i % m] += multiplicative ? head[i] / trend[i] : head[i] - trend[i];
    counts[i % m]++;
  }
  const raw = Array.from(sums, (sum, p) => (counts[p] > 0 ? sum / counts[p] : multiplicative ? 1 : 0));
  const mean = raw.reduce((a, b) => a + b, 0) / m;
  return raw.map((s) => (multiplicative ? s / mean : s - mean));
}

/** Least-squares line a + b·t through (t, v_t), t = 1 … k; intercept a is the value at t = 0. */
function fitLine(values: number[]): { intercept: number; slope: number } {
  const k = values.length;
  const tMean = (k + 1) / 2;
  const vMean = values.reduce((a, b) => a + b, 0) / k;
  let sxy = 0;
  let sxx = 0;
  values.forEach((v, i) => {
    sxy += (i + 1 - tMean) * (v - vMean);
    sxx += (i + 1 - tMean) ** 2;
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: vMean - slope * tMean, slope };
}

/**
 * Heuristic states at t = 0 for a model.
 * @param model which trend and season
 * @param y the series (finite; at least two seasons for a seasonal model; positive for a multiplicative one)
 * @param period season length m (ignored without a season)
 * @returns ℓ_0, b_0 (0 without a trend) and m seasonal indices (empty without a season)
 */
export function heuristicStates(model: ModelSpec, y: ArrayLike<number>, period: number): States {
  const hasTrend = model.trend !== 'none';
  const seasonal = model.season !== 'none';
  const multiplicative = model.season === 'multiplicative';
  const m = seasonal ? period : 0;
  if (isConstant(y)) {
    // Exact states, so a constant series is fitted with zero error from the start.
    return { level: y[0], trend: 0, season: Array.from({ length: m }, () => (multiplicative ? 1 : 0)) };
  }
  const season = seasonal ? seasonalIndices(y, m, multiplicative) : [];
  const count = Math.min(Math.max(10, 2 * m), y.length);
  const adjusted = Array.from({ length: count }, (_, i) => {
    if (!seasonal) return y[i];
    return multiplicative ? y[i] / season[i % m] : y[i] - season[i % m];
  });
  if (!hasTrend) return { level: adjusted.reduce((a, b) => a + b, 0) / count, trend: 0, season };
  const { intercept, slope } = fitLine(adjusted);
  // A multiplicative season needs ℓ + b > 0 from the start; a steep early fall can break
  // that, so start flat at the average instead.
  if (multiplicative && !(intercept > 0 && intercept + slope > 0)) {
    return { level: adjusted.reduce((a, b) => a + b, 0) / count, trend: 0, season };
  }
  return { level: intercept, trend: slope, season };
}
