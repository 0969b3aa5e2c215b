/**
 * The textbook exponential smoothing recursion, as the strategy text teaches it: each
 * smoothed value is a weighted average of the newest observation and the previous
 * smoothed value.
 */

/**
 * Smoothed levels S_1 … S_n of S_t = α X_t + (1 − α) S_(t−1), started at S_1 = X_1 (Brown's
 * simple exponential smoothing; FPP3 §8.1 in "weighted average" form). S_t is also the
 * forecast of X_(t+1). This is fitForecast's 'ses' model with ℓ_0 = X_1 and α given.
 * @param series the observations X_1 … X_n (finite numbers; may be empty)
 * @param alpha smoothing weight α in [0, 1]: near 1 follows the newest value, near 0 stays put
 * @returns S_1 … S_n, one per observation
 * @throws RangeError if α is outside [0, 1] or a value is not a finite number
 * @example
 * exponentialSmoothing([1000, 1100, 1200], 0.6);
 * // S_1 = 1000; S_2 = 0.6·1100 + 0.4·1000 = 1060; S_3 = 0.6·1200 + 0.4·1060 = 1144
 */
export function exponentialSmoothing(series: readonly number[], alpha: number): number[] {
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`alpha must be in [0, 1], got ${alpha}`);
  const levels: number[] = [];
  let level = 0;
  series.forEach((value, t) => {
    if (!Number.isFinite(value)) throw new RangeError(`series value ${t + 1} is not a finite number: ${value}`);
    level = t === 0 ? value : alpha * value + (1 - alpha) * level;
    levels.push(level);
  });
  return levels;
}
