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
 *
 * Three rules keep smooth series from passing for seasonal ones:
 * - A season comes after a trough: some autocorrelation between lag 1 and the season is below
 *   0. A cycle swings below its mean between two peaks; a smooth swing or a trend, whose
 *   autocorrelation only decays from lag 1 (0.9, 0.85, 0.86…), never does, and its small
 *   wiggles at lags 2–4 used to pass for seasons.
 * - A season found by search is at least 4 periods long, unless the unit's usual season is 4
 *   or less (quarters: a half-year is 2 quarters; years). Cycles of 2 or 3 days, weeks or
 *   months are almost never real in sales data, and are what noise on a slow swing produces.
 * - The usual season m is judged on the lags around it, not on its lag alone. Near lag m the
 *   autocorrelation of a cycle is about r_m·cos(2πj/m) at m ± j: for weeks (m = 52) it stays
 *   within 3% of the peak over 50–54, so noise of ±1/√n decides which of them is highest (51
 *   often beats 52); for 12 or fewer the neighbours are 13% or more lower, and rarely win. So
 *   the highest lag within ±round(m/26) of m (±2 for 52, m alone for 12 or fewer) must be a
 *   peak above the band, and m itself and the window's average must be above the band too: a
 *   real peak is broad, a lucky lag of white noise is not (five chances instead of one would
 *   otherwise make one noise series in thirty "seasonal" at 52).
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
   * Why: 'natural' (the unit's usual season, or a lag within ±round(m/26) of it, is a
   * significant peak after a trough), 'detected' (another lag of 4 or more — 2 or more for
   * quarters and years — is a significant peak after a trough that repeats at twice its lag),
   * 'none', 'tooShort' (under 8 values) or 'constant' (no variation to correlate).
   */
  reason: 'natural' | 'detected' | 'none' | 'tooShort' | 'constant';
}

export interface SeasonLengthOptions {
  /**
   * The season the series' unit usually has (12 for months: see naturalSeasonLength); preferred
   * when significant. It also sets the shortest season the search accepts: 2 when it is 4 or
   * less (quarters, years), else 4. @default unknown: the search accepts 4 or more
   */
  natural?: number;
}

/** Fewer values than this give too few lags to tell a season from noise. */
export const MIN_SEASON_SERIES = 8;
const Z_95 = 1.96;
/** Shortest season found by search, unless the unit's usual one is this short or shorter. */
const MIN_SEARCHED_SEASON = 4;
/** Lags either side of the usual season m that are judged with it: round(m / 26). */
const NATURAL_WINDOW_DIVISOR = 26;

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
 * m (12 for months…) is taken when the highest lag within ±round(m/26) of m is a local peak
 * above the band, the window's average is above the band, and some lag before it has a
 * negative autocorrelation (a trough). Otherwise the candidates from 4 (2 for quarters and
 * years) to ⌊n/4⌋ that are local peaks above the band, come after a trough, and whose double
 * lag is also above the band are kept (a real season repeats; one lag in forty pokes above
 * the band by chance), and the highest of them wins.
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

  // A trough before lag k: the autocorrelation dips below 0 somewhere in 1 … k − 1.
  const afterTrough = (k: number) => {
    for (let j = 1; j < k; j++) if (acf[j] < 0) return true;
    return false;
  };

  const natural = options.natural;
  if (natural !== undefined && Number.isInteger(natural) && natural >= 2 && natural <= maxLag) {
    const half = Math.round(natural / NATURAL_WINDOW_DIVISOR);
    const from = Math.max(2, natural - half);
    const to = Math.min(acf.length - 1, natural + half);
    let top = from;
    let sum = 0;
    for (let k = from; k <= to; k++) {
      if (acf[k] > acf[top]) top = k;
      sum += acf[k];
    }
    // The usual lag itself must be above the band too: the screen quotes its autocorrelation.
    if (isPeak(top) && acf[natural] > band && sum / (to - from + 1) > band && afterTrough(top)) return found(natural, 'natural');
  }
  const shortest = natural !== undefined && natural <= MIN_SEARCHED_SEASON ? 2 : MIN_SEARCHED_SEASON;
  let best = 0;
  for (let k = shortest; 2 * k <= maxLag; k++) {
    if (isPeak(k) && acf[2 * k] > band && afterTrough(k) && (best === 0 || acf[k] > acf[best])) best = k;
  }
  return best > 0 ? found(best, 'detected') : none('none', shown, strongestLag);
}
