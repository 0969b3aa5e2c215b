/**
 * How long a season is, read from the data: the lag at which the series best resembles
 * itself. The sample autocorrelation (ACF) of the series with its least-squares line removed
 * is computed for lags 1 … ⌊n/2⌋ and compared with the 95% band ±1.96/√n that white noise stays
 * inside (Box, Jenkins & Reinsel, "Time Series Analysis", §2.1.6; fpp3 §2.9,
 * https://otexts.com/fpp3/wn.html).
 *
 * Why a line and not first differences: differencing white noise makes its autocorrelations
 * noisier than the band assumes (var ≈ 1.5/n instead of 1/n), so about one noise series in ten
 * would get a season. A curved trend or a random walk leaves slow swings after the line is
 * removed, which is why a season found by search must also repeat at twice its lag.
 */

/** What the detection found. */
export interface SeasonLength {
  /** The season length, or 'none' when no lag stands out. */
  period: number | 'none';
  /** Whether a season was found (period is a number). */
  significant: boolean;
  /** Autocorrelation at lags 0 … maxLag ([0] = 1) of the detrended series. */
  acf: number[];
  /** Half-width of the 95% band for white noise, 1.96/√n. */
  band: number;
  /** The largest lag examined, ⌊n/2⌋. */
  maxLag: number;
  /** The lag with the highest autocorrelation among the candidates 2 … maxLag, significant or not (0 when none). */
  strongestLag: number;
  /**
   * Why: 'natural' (the unit's usual season is a significant peak), 'detected' (another lag is a
   * significant peak that repeats at twice its lag), 'none', 'tooShort' (under 8 values) or
   * 'constant' (no variation to correlate).
   */
  reason: 'natural' | 'detected' | 'none' | 'tooShort' | 'constant';
}

export interface SeasonLengthOptions {
  /** The season the series' unit usually has (12 for months: see naturalSeasonLength); preferred when significant. */
  natural?: number;
}

/** Fewer values than this give too few lags to tell a season from noise. */
export const MIN_SEASON_SERIES = 8;
const Z_95 = 1.96;

/**
 * Sample autocorrelation r_k = Σ (x_t − x̄)(x_{t+k} − x̄) / Σ (x_t − x̄)² for k = 0 … maxLag
 * (the biased estimator of Box & Jenkins, as R's acf and statsmodels' acf).
 * @throws RangeError when maxLag is not a whole number in 0 … n − 1
 * @example autocorrelation([1, 2, 3, 4], 1) // [1, 0.25]
 */
export function autocorrelation(values: readonly number[], maxLag: number): number[] {
  const n = values.length;
  if (!Number.isInteger(maxLag) || maxLag < 0 || maxLag >= Math.max(n, 1)) {
    throw new RangeError(`maxLag must be a whole number in 0..${n - 1}, got ${maxLag}`);
  }
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  const centred = values.map((v) => v - mean);
  let denominator = 0;
  for (const c of centred) denominator += c * c;
  const acf: number[] = [];
  for (let k = 0; k <= maxLag; k++) {
    let sum = 0;
    for (let t = 0; t + k < n; t++) sum += centred[t] * centred[t + k];
    acf.push(denominator > 0 ? sum / denominator : NaN);
  }
  return acf;
}

/** The series minus its least-squares line a + b·t. */
export function removeLinearTrend(values: readonly number[]): number[] {
  const n = values.length;
  const tMean = (n - 1) / 2;
  let yMean = 0;
  for (const v of values) yMean += v;
  yMean /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tMean) * (values[t] - yMean);
    sxx += (t - tMean) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return values.map((v, t) => v - yMean - slope * (t - tMean));
}

/**
 * Detects the season length of a series by autocorrelation.
 *
 * The series' line is removed and its ACF computed for lags up to ⌊n/2⌋. The natural length
 * (12 for months…) is taken when its autocorrelation is above the band and is a local peak
 * (not below its neighbours). Otherwise the candidates 2 … ⌊n/2⌋ that are local peaks above
 * the band and whose double lag is also above the band are kept (a real season repeats;
 * one lag in forty pokes above the band by chance), and the highest of them wins.
 *
 * @param series the values in time order (not changed)
 * @param options the natural season length of the series' unit
 * @returns the season length or 'none', with the ACF and the band for a chart
 * @throws TypeError when a value is not a finite number
 * @example detectSeasonLength(airPassengers, { natural: 12 }).period // 12
 */
export function detectSeasonLength(series: readonly number[], options: SeasonLengthOptions = {}): SeasonLength {
  series.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new TypeError(`series[${i}] is ${v}, not a finite number`);
  });
  const n = series.length;
  const maxLag = Math.floor(n / 2);
  const band = n > 0 ? Z_95 / Math.sqrt(n) : NaN;
  const none = (reason: SeasonLength['reason'], acf: number[] = [], strongestLag = 0): SeasonLength => ({
    period: 'none',
    significant: false,
    acf,
    band,
    maxLag,
    strongestLag,
    reason,
  });
  if (n < MIN_SEASON_SERIES) return none('tooShort');
  const detrended = removeLinearTrend(series);
  // A series that is exactly a line (or constant) has nothing left to correlate; a tolerance
  // keeps round-off of the fit from passing for variation.
  let scale = 1;
  for (const v of series) scale = Math.max(scale, Math.abs(v));
  if (detrended.every((v) => Math.abs(v) <= 1e-9 * scale)) return none('constant');
  // One lag beyond maxLag, so maxLag itself can be tested as a local peak.
  const acf = autocorrelation(detrended, Math.min(maxLag + 1, n - 1));
  const isPeak = (k: number) => acf[k] > band && acf[k] >= acf[k - 1] && (k + 1 >= acf.length || acf[k] >= acf[k + 1]);

  let strongestLag = 0;
  for (let k = 2; k <= maxLag; k++) if (strongestLag === 0 || acf[k] > acf[strongestLag]) strongestLag = k;
  const shown = acf.slice(0, maxLag + 1);
  const found = (period: number, reason: 'natural' | 'detected'): SeasonLength => ({
    period,
    significant: true,
    acf: shown,
    band,
    maxLag,
    strongestLag,
    reason,
  });

  const natural = options.natural;
  if (natural !== undefined && Number.isInteger(natural) && natural >= 2 && natural <= maxLag && isPeak(natural)) {
    return found(natural, 'natural');
  }
  let best = 0;
  for (let k = 2; 2 * k <= maxLag; k++) {
    if (isPeak(k) && acf[2 * k] > band && (best === 0 || acf[k] > acf[best])) best = k;
  }
  return best > 0 ? found(best, 'detected') : none('none', shown, strongestLag);
}
