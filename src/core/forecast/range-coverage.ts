/**
 * How often the actual values of a backtest fell inside the forecast's 80% and 95% ranges:
 * the honest check of the ranges. A well-calibrated 80% range holds about 80% of them; far
 * fewer means the ranges are too narrow for this series.
 */
import type { OriginResult } from './evaluate';

/** The ranges a model gave at one origin, one value per step ahead. */
export interface OriginRanges {
  lower80: readonly number[];
  upper80: readonly number[];
  lower95: readonly number[];
  upper95: readonly number[];
}

export interface RangeCoverage {
  /** Actual values checked (those with ranges). */
  count: number;
  /** Of them, inside the 80% range (ends included). */
  inside80: number;
  /** Of them, inside the 95% range (ends included). */
  inside95: number;
}

/**
 * Counts the actual values inside the ranges forecast for them.
 * @param origins the model's origins of a rolling-origin evaluation (their actual values)
 * @param rangesAt the ranges the model gave at each origin (keyed by training length); origins without ranges are left out
 * @example rangeCoverage([{ origin: 3, actual: [5, 9], … }], new Map([[3, { lower80: [4, 4], upper80: [6, 6], … }]])) // { count: 2, inside80: 1, … }
 */
export function rangeCoverage(origins: readonly Pick<OriginResult, 'origin' | 'actual'>[], rangesAt: ReadonlyMap<number, OriginRanges>): RangeCoverage {
  let count = 0;
  let inside80 = 0;
  let inside95 = 0;
  for (const { origin, actual } of origins) {
    const ranges = rangesAt.get(origin);
    if (!ranges) continue;
    actual.forEach((value, step) => {
      count++;
      if (value >= ranges.lower80[step] && value <= ranges.upper80[step]) inside80++;
      if (value >= ranges.lower95[step] && value <= ranges.upper95[step]) inside95++;
    });
  }
  return { count, inside80, inside95 };
}

/** Too few values to judge the ranges by: below this, chance alone moves the shares a lot. */
export const COVERAGE_MIN_COUNT = 20;

/**
 * Whether the ranges held about as often as they promise: a share of the 80% or the 95% range
 * more than two binomial standard errors below its level is 'narrow', above it 'wide'.
 * @example coverageVerdict({ count: 100, inside80: 60, inside95: 85 }) // 'narrow': 60% < 80% − 2·4%
 */
export function coverageVerdict(coverage: RangeCoverage): 'too-few' | 'narrow' | 'wide' | 'as-promised' {
  const { count, inside80, inside95 } = coverage;
  if (count < COVERAGE_MIN_COUNT) return 'too-few';
  const offBy = (inside: number, level: number) => (inside / count - level) / Math.sqrt((level * (1 - level)) / count);
  const off80 = offBy(inside80, 0.8);
  const off95 = offBy(inside95, 0.95);
  if (off80 < -2 || off95 < -2) return 'narrow';
  if (off80 > 2 || off95 > 2) return 'wide';
  return 'as-promised';
}
