import { describe, expect, it } from 'vitest';
import { fitForecast, forecastTotals } from '../../../../src/core/forecast/fit-forecast';
import { Z80, Z95 } from '../../../../src/core/forecast/intervals';

/**
 * SES, y_(n+h) = ℓ_n + e_(n+h) + α(e_(n+1) + … + e_(n+h−1)): the sum of steps 1 … H is
 * Hℓ_n + Σ_h (1 + α(H − h)) e_(n+h), so its variance is σ² Σ_(j=0..H−1) (1 + αj)²
 * (not H·σ², which ignores the shared errors, nor (Σ σ_h)², the sum of the ranges).
 * α = 0.5, H = 3: σ²(1 + 1.5² + 2²) = 7.25σ².
 */
describe('forecastTotals', () => {
  // A series around 1,000 with swings of ±10, far from 0 (no floor).
  const series = Array.from({ length: 40 }, (_, t) => 1000 + 10 * Math.sin(1.7 * t) + 6 * Math.cos(5.3 * t));

  it('SES with α set: the sum of 3 steps has variance 7.25σ²', () => {
    const forecast = fitForecast(series, { model: 'ses', alpha: 0.5, horizon: 3, paths: 20000 });
    if (!forecast.ok) throw new Error(forecast.error.message);
    const sigma = forecast.value.sigma;
    const totals = forecastTotals(series, { model: 'ses', alpha: 0.5, horizon: 3, paths: 20000 }, [[0, 1, 2], [1]]);
    if (!totals.ok) throw new Error(totals.error.message);
    const [sum, second] = totals.value;
    expect(sum.steps).toEqual([0, 1, 2]);
    expect(sum.total).toBeCloseTo(3 * forecast.value.forecast[0], 9);
    const sd = sigma * Math.sqrt(7.25);
    expect(Math.abs(sum.upper95 - sum.total - Z95 * sd)).toBeLessThan(0.03 * Z95 * sd);
    expect(Math.abs(sum.total - sum.lower80 - Z80 * sd)).toBeLessThan(0.03 * Z80 * sd);
    // Narrower than the sum of the per-period ranges, wider than independent errors would give.
    const f = forecast.value;
    expect(sum.upper95 - sum.lower95).toBeLessThan(f.upper95.reduce((a, b) => a + b, 0) - f.lower95.reduce((a, b) => a + b, 0));
    expect(sum.upper95 - sum.total).toBeGreaterThan(Z95 * sigma * Math.sqrt(1 + 1.25 + 1.5));
    // A single step: its own range (σ_2² = 1.25σ²).
    expect(Math.abs(second.upper95 - second.total - Z95 * sigma * Math.sqrt(1.25))).toBeLessThan(0.03 * Z95 * sigma);
  });

  it('a multiplicative season: totals within the sums of the ranges, seeded, quick', () => {
    const y = Array.from({ length: 60 }, (_, t) => (100 + t) * [1.2, 0.8, 1.1, 0.9][t % 4] * (1 + 0.04 * Math.sin(7 * t)));
    const options = { model: 'holt-winters-multiplicative', period: 4, horizon: 12 } as const;
    const groups = [[0, 1, 2, 3], Array.from({ length: 12 }, (_, h) => h)];
    const start = performance.now();
    const a = fitForecast(y, { ...options, totals: groups });
    expect(performance.now() - start).toBeLessThan(1000);
    if (!a.ok) throw new Error(a.error.message);
    const f = a.value;
    expect(f.totals).toHaveLength(2);
    const year = f.totals![1];
    expect(year.total).toBeCloseTo(f.forecast.reduce((s, v) => s + v, 0), 9);
    expect(year.lower95).toBeLessThan(year.lower80);
    expect(year.lower80).toBeLessThan(year.total);
    expect(year.upper80).toBeLessThan(year.upper95);
    expect(year.lower95).toBeGreaterThan(f.lower95.reduce((s, v) => s + v, 0));
    expect(year.upper95).toBeLessThan(f.upper95.reduce((s, v) => s + v, 0));
    expect(forecastTotals(y, options, groups)).toEqual({ ok: true, value: f.totals });
  });

  it('refuses a step outside the horizon, a repeated step or an empty group', () => {
    for (const groups of [[[0, 3]], [[1, 1]], [[]], [[0.5]]]) {
      const r = forecastTotals(series, { model: 'ses', horizon: 3 }, groups);
      expect(r.ok ? '' : r.error.code).toBe('FORECAST_BAD_TOTAL');
    }
  });
});
