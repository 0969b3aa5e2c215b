/**
 * Prediction intervals for the forecasts, 80 % and 95 %.
 *
 * Additive season or none (linear models, class 1 of Hyndman et al. 2008, ch. 6): the
 * h-step forecast variance is σ²[1 + Σ_(j=1..h−1) c_j²] with c_j = α + αβ*·φ_j + γ·[j ≡ 0 mod m],
 * where φ_j = φ + … + φ^j (j for an undamped trend, 0 without trend). This is Table 6.1 of
 * the book (FPP3 §8.7 lists the same variances per model) summed directly, and the interval is
 * ŷ ± z·σ_h, the errors being Gaussian.
 *
 * Multiplicative season: no closed form, so future sample paths are simulated through the
 * recursion with Gaussian errors of the fitted σ (FPP3 §8.7, "simulated intervals") and the
 * interval is read off the 10/90 % and 2.5/97.5 % quantiles of the paths at each step.
 */
import { createRng, type Rng } from '../shared/rng';
import type { ModelSpec } from './models';
import { trendMultiplier, type SmoothingParams, type States } from './recursions';

/** Lower and upper bounds per forecast step. */
export interface Intervals {
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

/** Standard normal quantile Φ⁻¹(0.9): the 80 % interval is ŷ ± Z80·σ_h. */
export const Z80 = 1.2815515655446004;
/** Standard normal quantile Φ⁻¹(0.975): the 95 % interval is ŷ ± Z95·σ_h. */
export const Z95 = 1.959963984540054;

/**
 * The h-step forecast variances of a linear (additive-season or non-seasonal) model.
 * @param sigma2 one-step error variance σ²
 * @param period season length m (ignored without a season)
 * @returns σ_h² for h = 1 … horizon
 * @example
 * // SES, α = 0.5, σ² = 4: 4·(1 + 0.25(h − 1)) → [4, 5, 6]
 * forecastVariances(modelSpec('ses')!, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, 1, 4, 3);
 */
export function forecastVariances(model: ModelSpec, params: SmoothingParams, period: number, sigma2: number, horizon: number): number[] {
  const phi = model.trend === 'damped' ? params.phi : 1;
  const beta = model.trend === 'none' ? 0 : params.alpha * params.beta;
  const seasonal = model.season !== 'none';
  const out: number[] = [];
  let sum = 0;
  for (let h = 1; h <= horizon; h++) {
    out.push(sigma2 * (1 + sum));
    // c_h enters the variance of step h + 1.
    const c = params.alpha + beta * trendMultiplier(model, phi, h) + (seasonal && h % period === 0 ? params.gamma : 0);
    sum += c * c;
  }
  return out;
}

/** ŷ ± z·σ_h for each step. */
export function analyticIntervals(forecast: number[], variances: number[]): Intervals {
  const sd = variances.map(Math.sqrt);
  return {
    lower80: forecast.map((f, i) => f - Z80 * sd[i]),
    upper80: forecast.map((f, i) => f + Z80 * sd[i]),
    lower95: forecast.map((f, i) => f - Z95 * sd[i]),
    upper95: forecast.map((f, i) => f + Z95 * sd[i]),
  };
}

/** A standard normal draw pair by the Box–Muller transform. */
function normalPair(rng: Rng): [number, number] {
  // 1 − next() lies in (0, 1], so the logarithm is finite.
  const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
  const angle = 2 * Math.PI * rng.next();
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

/** The p-quantile of sorted values, linear between order statistics (R's type 7, NumPy's default). */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * Intervals from simulated future paths of a model (any season; used for the
 * multiplicative one): each path draws e_(n+h) ~ N(0, σ²), adds it to the one-step
 * forecast and updates the states by the recursion.
 * @param final states after the last value (final.season[j] is the index for step j + 1)
 * @param sigma one-step error standard deviation σ
 * @param paths number of simulated paths
 * @param seed seed of the generator (one seed, one set of intervals)
 */
export function simulatedIntervals(
  model: ModelSpec,
  params: SmoothingParams,
  final: States,
  sigma: number,
  horizon: number,
  paths: number,
  seed: number,
): Intervals {
  const { alpha, beta, gamma } = params;
  const phi = model.trend === 'damped' ? params.phi : 1;
  const hasTrend = model.trend !== 'none';
  const multiplicative = model.season === 'multiplicative';
  const m = final.season.length;
  const values = new Float64Array(horizon * paths);
  const ring = new Float64Array(m);
  const rng = createRng(seed);
  let spare: number | null = null;
  const draw = () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const [z, other] = normalPair(rng);
    spare = other;
    return z;
  };
  for (let path = 0; path < paths; path++) {
    let level = final.level;
    let trend = hasTrend ? final.trend : 0;
    ring.set(final.season);
    for (let h = 0; h < horizon; h++) {
      const slot = m > 0 ? h % m : 0;
      const s = m > 0 ? ring[slot] : multiplicative ? 1 : 0;
      const base = level + phi * trend;
      const value = (multiplicative ? base * s : base + s) + sigma * draw();
      values[h * paths + path] = value;
      // A path that drives the level or an index to 0 or below cannot be updated
      // multiplicatively; it keeps its states (the draw above still counts).
      if (multiplicative && !(base > 0 && s > 0)) {
        level = base;
        trend *= phi;
        continue;
      }
      const newLevel = multiplicative ? (alpha * value) / s + (1 - alpha) * base : alpha * (value - s) + (1 - alpha) * base;
      if (m > 0) ring[slot] = multiplicative ? (gamma * value) / base + (1 - gamma) * s : gamma * (value - base) + (1 - gamma) * s;
      if (hasTrend) trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
      level = newLevel;
    }
  }
  const out: Intervals = { lower80: [], upper80: [], lower95: [], upper95: [] };
  for (let h = 0; h < horizon; h++) {
    const sorted = values.subarray(h * paths, (h + 1) * paths).sort();
    out.lower80.push(quantileSorted(sorted, 0.1));
    out.upper80.push(quantileSorted(sorted, 0.9));
    out.lower95.push(quantileSorted(sorted, 0.025));
    out.upper95.push(quantileSorted(sorted, 0.975));
  }
  return out;
}
