import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../../src/core/shared/rng';
import { fitForecast } from '../../../../src/core/forecast/fit-forecast';
import { analyticIntervals, forecastVariances, quantileSorted, simulatePaths, simulatedIntervals, Z80 } from '../../../../src/core/forecast/intervals';
import { modelSpec, type ModelSpec } from '../../../../src/core/forecast/models';
import { pointForecasts, type SmoothingParams, type States } from '../../../../src/core/forecast/recursions';

const spec = (id: string) => modelSpec(id) as ModelSpec;

/** A standard normal draw (Box–Muller) for the simulated test series. */
function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

describe('forecastVariances', () => {
  it('gives σ²(1 + α²(h − 1)) for simple exponential smoothing', () => {
    // α = 0.5, σ² = 4: 4·(1 + 0.25·0) = 4, 4·(1 + 0.25) = 5, 4·(1 + 0.5) = 6
    const params: SmoothingParams = { alpha: 0.5, beta: 0, gamma: 0, phi: 1 };
    expect(forecastVariances(spec('ses'), params, 1, 4, 3)).toEqual([4, 5, 6]);
  });

  it("matches Hyndman et al. (2008) Table 6.1 for Holt's linear trend", () => {
    // σ²[1 + (h−1){α² + αβh + β²h(2h−1)/6}] with the state-space β = αβ* = 0.4·0.25 = 0.1
    const params: SmoothingParams = { alpha: 0.4, beta: 0.25, gamma: 0, phi: 1 };
    const a = 0.4;
    const b = 0.1;
    const got = forecastVariances(spec('holt'), params, 1, 2, 12);
    got.forEach((v, i) => {
      const h = i + 1;
      expect(v).toBeCloseTo(2 * (1 + (h - 1) * (a * a + a * b * h + (b * b * h * (2 * h - 1)) / 6)), 10);
    });
  });

  it('matches Table 6.1 for the damped trend', () => {
    // σ²[1 + α²(h−1) + βφh/(1−φ)²·{2α(1−φ) + βφ} − βφ(1−φ^h)/((1−φ)²(1−φ²))·{2α(1−φ²) + βφ(1 + 2φ − φ^h)}]
    const params: SmoothingParams = { alpha: 0.3, beta: 0.5, gamma: 0, phi: 0.9 };
    const [a, b, f] = [0.3, 0.15, 0.9];
    const got = forecastVariances(spec('holt-damped'), params, 1, 1, 15);
    got.forEach((v, i) => {
      const h = i + 1;
      const expected =
        1 +
        a * a * (h - 1) +
        ((b * f * h) / (1 - f) ** 2) * (2 * a * (1 - f) + b * f) -
        ((b * f * (1 - f ** h)) / ((1 - f) ** 2 * (1 - f * f))) * (2 * a * (1 - f * f) + b * f * (1 + 2 * f - f ** h));
      expect(v).toBeCloseTo(expected, 10);
    });
  });

  it('matches Table 6.1 for Holt–Winters with an additive season', () => {
    // σ²[1 + (h−1){α² + αβh + β²h(2h−1)/6} + γk{2α + γ + βm(k+1)}], k = ⌊(h−1)/m⌋, m = 4
    const params: SmoothingParams = { alpha: 0.3, beta: 0.2, gamma: 0.4, phi: 1 };
    const [a, b, g, m] = [0.3, 0.06, 0.4, 4];
    const got = forecastVariances(spec('holt-winters-additive'), params, m, 3, 13);
    got.forEach((v, i) => {
      const h = i + 1;
      const k = Math.floor((h - 1) / m);
      const expected = 3 * (1 + (h - 1) * (a * a + a * b * h + (b * b * h * (2 * h - 1)) / 6) + g * k * (2 * a + g + b * m * (k + 1)));
      expect(v).toBeCloseTo(expected, 10);
    });
  });
});

describe('quantileSorted', () => {
  it('interpolates between order statistics (type 7)', () => {
    // (5 − 1)·0.1 = 0.4 → 10 + 0.4·(20 − 10) = 14
    const sorted = Float64Array.of(10, 20, 30, 40, 50);
    expect(quantileSorted(sorted, 0.1)).toBeCloseTo(14, 12);
    expect(quantileSorted(sorted, 0.5)).toBe(30);
    expect(quantileSorted(sorted, 1)).toBe(50);
  });
});

describe('simulatedIntervals', () => {
  it('agree with the variance formulas on an additive model (20,000 paths)', () => {
    const model = spec('holt-winters-additive');
    const params: SmoothingParams = { alpha: 0.3, beta: 0.2, gamma: 0.3, phi: 1 };
    const final: States = { level: 100, trend: 2, season: [5, -5, 3, -3] };
    const forecast = pointForecasts(model, final, params, 8);
    const exact = analyticIntervals(forecast, forecastVariances(model, params, 4, 9, 8));
    const simulated = simulatedIntervals(model, params, final, 3, 8, 20000, 7);
    for (let h = 0; h < 8; h++) {
      const width = exact.upper95[h] - exact.lower95[h];
      expect(Math.abs(simulated.lower80[h] - exact.lower80[h])).toBeLessThan(0.03 * width);
      expect(Math.abs(simulated.upper95[h] - exact.upper95[h])).toBeLessThan(0.03 * width);
    }
  });

  it('give the same intervals for the same seed', () => {
    const model = spec('holt-winters-multiplicative');
    const params: SmoothingParams = { alpha: 0.3, beta: 0.1, gamma: 0.2, phi: 1 };
    const final: States = { level: 100, trend: 1, season: [1.2, 0.8, 1.1, 0.9] };
    expect(simulatedIntervals(model, params, final, 3, 6, 1000, 5)).toEqual(simulatedIntervals(model, params, final, 3, 6, 1000, 5));
  });

  it('have zero width when σ is 0', () => {
    const model = spec('holt-winters-multiplicative');
    const params: SmoothingParams = { alpha: 0.3, beta: 0.1, gamma: 0.2, phi: 1 };
    const final: States = { level: 100, trend: 1, season: [1.2, 0.8, 1.1, 0.9] };
    const out = simulatedIntervals(model, params, final, 0, 5, 1000, 1);
    const forecast = pointForecasts(model, final, params, 5);
    forecast.forEach((f, h) => {
      expect(out.lower95[h]).toBeCloseTo(f, 9);
      expect(out.upper95[h]).toBeCloseTo(f, 9);
    });
  });
});

describe('simulatePaths', () => {
  const model = spec('holt-winters-multiplicative');
  const params: SmoothingParams = { alpha: 0.3, beta: 0.1, gamma: 0.2, phi: 1 };
  const final: States = { level: 100, trend: 1, season: [1.2, 0.8, 1.1, 0.9] };

  it('multiplicative errors: the one-step values are ŷ(1 + σz), a spread proportional to ŷ', () => {
    const paths = 20000;
    const values = simulatePaths(model, params, final, 0.05, 1, paths, 3, { errorForm: 'multiplicative' });
    const forecast = pointForecasts(model, final, params, 1)[0];
    const mean = values.reduce((a, b) => a + b, 0) / paths;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (paths - 1));
    expect(mean / forecast).toBeCloseTo(1, 2);
    expect(sd / forecast).toBeCloseTo(0.05, 2);
  });

  it('floors the values at 0 when asked, and only then', () => {
    const wide = simulatePaths(model, params, final, 1.5, 6, 2000, 4, { errorForm: 'multiplicative' });
    expect(wide.some((v) => v < 0)).toBe(true);
    const floored = simulatePaths(model, params, final, 1.5, 6, 2000, 4, { errorForm: 'multiplicative', floorAtZero: true });
    expect(floored.every((v) => v >= 0)).toBe(true);
    expect(floored.some((v) => v === 0)).toBe(true);
  });
});

describe('interval coverage on simulated series with known noise', () => {
  it('SES: the one-step 80 % and 95 % intervals cover about 80 % and 95 % of 500 series', () => {
    // y_t = ℓ_(t−1) + e_t, ℓ_t = ℓ_(t−1) + 0.3 e_t, e_t ~ N(0, 5²), ℓ_0 = 100, n = 60 (+1 held out).
    const rng = createRng(2024);
    let in80 = 0;
    let in95 = 0;
    let in80h5 = 0;
    const runs = 500;
    for (let run = 0; run < runs; run++) {
      let level = 100;
      const y: number[] = [];
      for (let t = 0; t < 65; t++) {
        const e = 5 * normal(rng);
        y.push(level + e);
        level += 0.3 * e;
      }
      const result = fitForecast(y.slice(0, 60), { model: 'ses', horizon: 5 });
      if (!result.ok) throw new Error(result.error.message);
      const f = result.value;
      if (y[60] >= f.lower80[0] && y[60] <= f.upper80[0]) in80++;
      if (y[60] >= f.lower95[0] && y[60] <= f.upper95[0]) in95++;
      if (y[64] >= f.lower80[4] && y[64] <= f.upper80[4]) in80h5++;
    }
    // Binomial sd at 500 runs: √(0.8·0.2/500) ≈ 0.018 and √(0.95·0.05/500) ≈ 0.01; fitted
    // weights make intervals a little too narrow, so the tolerance leans low.
    expect(in80 / runs).toBeGreaterThan(0.74);
    expect(in80 / runs).toBeLessThan(0.86);
    expect(in95 / runs).toBeGreaterThan(0.91);
    expect(in95 / runs).toBeLessThan(0.985);
    expect(in80h5 / runs).toBeGreaterThan(0.72);
    expect(in80h5 / runs).toBeLessThan(0.88);
  });

  it('Holt–Winters multiplicative (simulated intervals): one-step coverage of 200 series', () => {
    // ETS(M,A,M), the model the simulated intervals assume: ŷ = (ℓ + b)s, e = ŷ·ε with
    // ε ~ N(0, 0.03²), ℓ' = ℓ + b + 0.3e/s, b' = b + 0.3·0.1e/s, s' = s + 0.2e/(ℓ + b), m = 4, n = 80.
    // (On ETS(A,A,M) data, errors of constant size σ = 3 while the level doubles, the relative
    // errors overstate the spread at the end of the series: coverage 0.955 at 80 %.)
    // (At n = 40, with 9 estimated parameters, coverage falls to about 0.74 / 0.89: the intervals
    // ignore the uncertainty of the fitted weights, as the book's formulas do.)
    const rng = createRng(99);
    let in80 = 0;
    let in95 = 0;
    const runs = 200;
    for (let run = 0; run < runs; run++) {
      let level = 100;
      let trend = 1;
      const season = [1.2, 0.8, 1.1, 0.9];
      const y: number[] = [];
      for (let t = 0; t < 81; t++) {
        const s = season[t % 4];
        const base = level + trend;
        const e = 0.03 * base * s * normal(rng);
        y.push(base * s + e);
        level = base + (0.3 * e) / s;
        trend += (0.03 * e) / s;
        season[t % 4] = s + (0.2 * e) / base;
      }
      const result = fitForecast(y.slice(0, 80), { model: 'holt-winters-multiplicative', period: 4, horizon: 1, paths: 1000, seed: run });
      if (!result.ok) throw new Error(result.error.message);
      const f = result.value;
      expect(f.intervalMethod).toBe('simulated');
      expect(f.errorForm).toBe('multiplicative');
      if (y[80] >= f.lower80[0] && y[80] <= f.upper80[0]) in80++;
      if (y[80] >= f.lower95[0] && y[80] <= f.upper95[0]) in95++;
    }
    // Binomial sd at 200 runs: 0.028 (80 %) and 0.015 (95 %).
    expect(in80 / runs).toBeGreaterThan(0.72);
    expect(in80 / runs).toBeLessThan(0.88);
    expect(in95 / runs).toBeGreaterThan(0.89);
    expect(in95 / runs).toBeLessThan(0.99);
  });
});

describe('Z80', () => {
  it('is the 90 % normal quantile', () => {
    // Normal tables: Φ(1.28155) = 0.90000.
    expect(Z80).toBeCloseTo(1.28155, 5);
  });
});
