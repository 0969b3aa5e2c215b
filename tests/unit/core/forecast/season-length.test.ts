import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { autocorrelation, detectSeasonLength, MIN_SEASON_SERIES, removeLinearTrend } from '../../../../src/core/forecast/season-length';
import { aggregateSeries } from '../../../../src/core/forecast/aggregate-series';
import { naturalSeasonLength } from '../../../../src/core/forecast/periods';
import { createRng } from '../../../../src/core/shared/rng';
import { parsed } from '../../../helpers/datasets';

function monthly(file: string, value: string, date: string): number[] {
  const dataset = parsed(new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data', file))));
  const result = aggregateSeries(dataset, { date, value, period: 'month', how: 'sum' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.values;
}

/** Standard normal deviates by the Box–Muller transform of a seeded generator. */
function whiteNoise(seed: number, n: number): number[] {
  const rng = createRng(seed);
  const out: number[] = [];
  while (out.length < n) {
    const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const angle = 2 * Math.PI * rng.next();
    out.push(radius * Math.cos(angle), radius * Math.sin(angle));
  }
  return out.slice(0, n);
}

const air = monthly('air-passengers.csv', 'traffic', 'date');
const champagne = monthly('champagne-sales.csv', 'Perrin Freres monthly champagne sales millions ?64-?72', 'Month');

describe('autocorrelation', () => {
  it('matches a hand computation', () => {
    // [1, 2, 3, 4]: mean 2.5, centred −1.5 −0.5 0.5 1.5, Σc² = 5.
    // r1 = (0.75 − 0.25 + 0.75) / 5 = 0.25; r2 = (−0.75 − 0.75) / 5 = −0.3; r3 = −2.25 / 5 = −0.45.
    const acf = autocorrelation([1, 2, 3, 4], 3);
    [1, 0.25, -0.3, -0.45].forEach((r, k) => expect(acf[k]).toBeCloseTo(r, 12));
  });

  it('throws on a lag the series cannot have', () => {
    expect(() => autocorrelation([1, 2, 3], 3)).toThrow(RangeError);
  });
});

describe('removeLinearTrend', () => {
  it('leaves nothing of a line and keeps what varies around it', () => {
    removeLinearTrend([3, 5, 7, 9]).forEach((v) => expect(v).toBeCloseTo(0, 12));
    // 0, 2, 0, 2: t̄ = 1.5, ȳ = 1; Σ(t − t̄)(y − ȳ) = 1.5 − 0.5 − 0.5 + 1.5 = 2, Σ(t − t̄)² = 5,
    // slope 0.4; the line 1 + 0.4(t − 1.5) = 0.4, 0.8, 1.2, 1.6 leaves −0.4, 1.2, −1.2, 0.4.
    const residuals = removeLinearTrend([0, 2, 0, 2]);
    [-0.4, 1.2, -1.2, 0.4].forEach((r, t) => expect(residuals[t]).toBeCloseTo(r, 12));
  });
});

describe('detectSeasonLength', () => {
  it('finds 12 in the air passengers, as their natural length and by search', () => {
    const natural = detectSeasonLength(air, { natural: naturalSeasonLength('month') });
    expect(natural).toMatchObject({ period: 12, significant: true, reason: 'natural', maxLag: 72, strongestLag: 12 });
    // n = 144: band 1.96 / 12.
    expect(natural.band).toBeCloseTo(1.96 / 12, 12);
    expect(natural.acf).toHaveLength(73);
    expect(natural.acf[0]).toBeCloseTo(1, 12);
    expect(natural.acf[12]).toBeGreaterThan(0.7);
    expect(detectSeasonLength(air)).toMatchObject({ period: 12, significant: true, reason: 'detected' });
  });

  it('finds 12 in the champagne sales, as their natural length and by search', () => {
    expect(detectSeasonLength(champagne, { natural: 12 })).toMatchObject({ period: 12, significant: true, reason: 'natural' });
    expect(detectSeasonLength(champagne)).toMatchObject({ period: 12, significant: true, reason: 'detected', maxLag: 47 });
  });

  it('finds no season in white noise', () => {
    // Seeds 1–20 of 120 values. (Over seeds 1–200, 4 noise series show a season with natural
    // 12 and 1 without: the price of a 95% band.)
    for (let seed = 1; seed <= 20; seed++) {
      const noise = whiteNoise(seed, 120);
      const withNatural = detectSeasonLength(noise, { natural: 12 });
      expect(withNatural.period, `seed ${seed}`).toBe('none');
      expect(withNatural.significant).toBe(false);
      expect(withNatural.reason).toBe('none');
      expect(withNatural.acf).toHaveLength(61);
      expect(detectSeasonLength(noise).period, `seed ${seed}`).toBe('none');
    }
  });

  it('finds no season in a random walk', () => {
    for (let seed = 1; seed <= 10; seed++) {
      let level = 0;
      const walk = whiteNoise(seed, 120).map((e) => (level += e));
      expect(detectSeasonLength(walk, { natural: 12 }).period, `seed ${seed}`).toBe('none');
    }
  });

  it('finds a quarterly pattern on a trend', () => {
    // 10 years of quarters: trend 100 + 2t, pattern +6 −2 −8 +4, noise sd 1.
    const noise = whiteNoise(7, 40);
    const quarters = noise.map((e, t) => 100 + 2 * t + [6, -2, -8, 4][t % 4] + e);
    expect(detectSeasonLength(quarters, { natural: naturalSeasonLength('quarter') })).toMatchObject({ period: 4, reason: 'natural' });
    expect(detectSeasonLength(quarters)).toMatchObject({ period: 4, reason: 'detected' });
  });

  it('finds another length by search when the natural one is not a peak', () => {
    // A weekly cycle in 10 weeks of days, asked with natural 12: 12 is not a peak, 7 is.
    const days = Array.from({ length: 70 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 7));
    expect(detectSeasonLength(days, { natural: 12 })).toMatchObject({ period: 7, reason: 'detected' });
    expect(detectSeasonLength(days, { natural: 7 })).toMatchObject({ period: 7, reason: 'natural' });
  });

  it('says when the series is too short or does not vary', () => {
    expect(detectSeasonLength([1, 2, 3, 4, 5, 6, 7])).toMatchObject({ period: 'none', significant: false, reason: 'tooShort' });
    expect(MIN_SEASON_SERIES).toBe(8);
    expect(detectSeasonLength(new Array(24).fill(5))).toMatchObject({ period: 'none', reason: 'constant' });
    expect(detectSeasonLength(Array.from({ length: 24 }, (_, t) => 3 + 2 * t))).toMatchObject({ period: 'none', reason: 'constant' });
  });

  it('throws on a value that is not a number and leaves the series unchanged', () => {
    expect(() => detectSeasonLength([1, 2, NaN, 4, 5, 6, 7, 8])).toThrow(TypeError);
    const copy = air.slice();
    detectSeasonLength(air, { natural: 12 });
    expect(air).toEqual(copy);
  });

  it('takes 52 for three years of weeks with a yearly cycle, even when noise puts lag 51 or 53 above 52', () => {
    // 156 weeks of 100 + 3·sin(2πt/52) + noise (sd 1). Near lag 52 the autocorrelation of the
    // cycle is flat (cos(2π·2/52) = 0.97 at 50 and 54), so noise often makes a neighbour the
    // highest; a yearly cycle also climbs smoothly from lag 1 (no trough before lag 2, 3 or 4),
    // so those lags must not pass for seasons. Before: 52 on 16 seeds of 40, 'none' on 20, 2 or 3 on 4.
    let neighbourAbove = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const weeks = whiteNoise(seed, 156).map((e, t) => 100 + 3 * Math.sin((2 * Math.PI * t) / 52) + e);
      const found = detectSeasonLength(weeks, { natural: naturalSeasonLength('week') });
      expect(found, `seed ${seed}`).toMatchObject({ period: 52, reason: 'natural' });
      if (found.acf[51] > found.acf[52] || found.acf[53] > found.acf[52]) neighbourAbove++;
    }
    expect(neighbourAbove).toBeGreaterThan(0);
  });

  it('finds no season in a smooth swing whose autocorrelation never dips below 0 before the lag', () => {
    // A swing of 40 periods (longer than a quarter of the 80 values) with a ripple of ±2 every
    // other period: the ACF is 1, 0.82, 0.94, 0.72, 0.81…, so lag 2 is a peak above the band and
    // repeats at 4, but nothing before it is below 0: the ripple on a swing, not a season.
    const swing = Array.from({ length: 80 }, (_, t) => 10 * Math.sin((2 * Math.PI * t) / 40) + 2 * (-1) ** t);
    expect(detectSeasonLength(swing)).toMatchObject({ period: 'none', reason: 'none' });
    expect(detectSeasonLength(swing, { natural: 12 })).toMatchObject({ period: 'none', reason: 'none' });
  });

  it('finds no season shorter than 4 by search, unless the unit usually has 4 or fewer', () => {
    // A pure cycle of 3 (2, −1, −1) over 30 values: r3 ≈ 27/30 = 0.9, r6 ≈ 0.8, r12 ≈ 0.6 (band
    // 1.96/√30 = 0.36), r1 and r2 ≈ −0.5. Searching from 4 (maxLag 15, so k ≤ 7) finds 6, a
    // whole number of cycles; for quarters (usual 4, not a peak: r4 ≈ −0.4) 3 is allowed.
    const cycle = Array.from({ length: 30 }, (_, t) => [2, -1, -1][t % 3]);
    expect(detectSeasonLength(cycle)).toMatchObject({ period: 6, reason: 'detected' });
    expect(detectSeasonLength(cycle, { natural: 7 })).toMatchObject({ period: 6, reason: 'detected' });
    expect(detectSeasonLength(cycle, { natural: 4 })).toMatchObject({ period: 3, reason: 'detected' });
  });
});
