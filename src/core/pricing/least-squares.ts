/** Ordinary least squares of y on one x: the straight line both demand fits use. */

export interface LineFit {
  intercept: number;
  slope: number;
  /** Sum of squared residuals. */
  sse: number;
  /** Total sum of squares about the mean of y. */
  sst: number;
}

/**
 * Fits y = intercept + slope·x by ordinary least squares.
 * @throws RangeError when the lengths differ or x does not vary (callers check for distinct x first)
 * @example fitLine([1, 2, 3], [2, 4, 6]) // { intercept: 0, slope: 2, sse: 0, sst: 8 }
 */
export function fitLine(x: readonly number[], y: readonly number[]): LineFit {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`x and y differ in length (${n} and ${y.length})`);
  const meanX = mean(x);
  const meanY = mean(y);
  let sxx = 0;
  let sxy = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    sst += dy * dy;
  }
  if (!(sxx > 0)) throw new RangeError('x must take at least two different values');
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - (intercept + slope * x[i]);
    sse += r * r;
  }
  return { intercept, slope, sse, sst };
}

/** R² = 1 − SSE / SST of predictions against observations (below 0 when worse than the mean). */
export function rSquared(observed: readonly number[], predicted: readonly number[]): number {
  const m = mean(observed);
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < observed.length; i++) {
    sse += (observed[i] - predicted[i]) ** 2;
    sst += (observed[i] - m) ** 2;
  }
  return 1 - sse / sst;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
