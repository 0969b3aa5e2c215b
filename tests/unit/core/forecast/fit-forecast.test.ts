import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fitForecast, type Forecast } from '../../../../src/core/forecast/fit-forecast';
import { hasMessage } from '../../../../src/lib/i18n/i18n';

function fitted(series: readonly number[], options: Parameters<typeof fitForecast>[1]): Forecast {
  const result = fitForecast(series, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Every number of a result, to check none is NaN or infinite. */
function numbersOf(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersOf);
  return [];
}

describe('fitForecast: exact fits', () => {
  it('forecasts a constant series as that constant, with zero-width intervals and a note', () => {
    const series = [250, 250, 250, 250, 250, 250, 250, 250];
    const f = fitted(series, { horizon: 4 });
    // Every model fits exactly (SSE 0); the AICc floor makes them tie on fit, and the fewest
    // parameters win: simple exponential smoothing.
    expect(f.model).toBe('ses');
    expect(f.forecast).toEqual([250, 250, 250, 250]);
    expect(f.lower95).toEqual(f.forecast);
    expect(f.upper80).toEqual(f.forecast);
    expect(f.sse).toBe(0);
    expect(f.notes).toContain('CONSTANT_SERIES');
    expect(numbersOf(f).every(Number.isFinite)).toBe(true);
  });

  it('handles a constant series with a season, and a series of zeros', () => {
    const f = fitted(Array(24).fill(7), { model: 'holt-winters-multiplicative', period: 4, horizon: 5 });
    expect(f.forecast).toEqual([7, 7, 7, 7, 7]);
    expect(f.upper95).toEqual(f.forecast);
    expect(numbersOf(f).every(Number.isFinite)).toBe(true);
    const zeros = fitted(Array(10).fill(0), { horizon: 2 });
    expect(zeros.forecast).toEqual([0, 0]);
    expect(numbersOf(zeros).every(Number.isFinite)).toBe(true);
  });

  it("extrapolates a straight line exactly with Holt's method, fixed or fitted weights", () => {
    // y_t = 10 + 3t, t = 1 … 20. With ℓ_0 = 10 and b_0 = 3 every one-step error is 0, so any
    // α, β keep ℓ_t = 10 + 3t and b_t = 3, and ŷ_(20+h) = ℓ_20 + h·b_20 = 70 + 3h.
    const series = Array.from({ length: 20 }, (_, i) => 10 + 3 * (i + 1));
    for (const weights of [{ alpha: 0.5, beta: 0.3 }, {}]) {
      const f = fitted(series, { model: 'holt', horizon: 5, ...weights });
      f.forecast.forEach((v, h) => expect(v).toBeCloseTo(70 + 3 * (h + 1), 8));
      expect(f.initialStates.level).toBeCloseTo(10, 8);
      expect(f.initialStates.trend).toBeCloseTo(3, 8);
      expect(f.sse).toBeLessThan(1e-12);
      if (weights.alpha) expect(f.params).toEqual({ alpha: 0.5, beta: 0.3 });
    }
  });

  it('reproduces a pure additive season with Holt–Winters additive', () => {
    // y_t = 100 + s_(t mod 4), s = (10, −5, 3, −8) summing to 0; n = 24. With ℓ_0 = 100,
    // b_0 = 0 and the indices s, every error is 0 and the pattern goes on unchanged.
    const s = [10, -5, 3, -8];
    const series = Array.from({ length: 24 }, (_, i) => 100 + s[i % 4]);
    const f = fitted(series, { model: 'holt-winters-additive', period: 4, horizon: 8 });
    f.forecast.forEach((v, h) => expect(v).toBeCloseTo(100 + s[(24 + h) % 4], 6));
    expect(f.initialStates.season?.map((v) => Math.round(v * 1e6) / 1e6)).toEqual(s);
    expect(f.period).toBe(4);
  });

  it('reproduces a trending multiplicative season with Holt–Winters multiplicative', () => {
    // y_t = (50 + 2t)·f_(t mod 4), f = (1.2, 0.8, 1.1, 0.9), t = 1 … 32. With ℓ_0 = 50, b_0 = 2
    // and the indices f: ŷ_1 = (50 + 2)·1.2 = y_1, so every error is 0, and
    // ŷ_(32+h) = (50 + 2(32 + h))·f_((32 + h) mod 4).
    const factors = [1.2, 0.8, 1.1, 0.9];
    const series = Array.from({ length: 32 }, (_, i) => (50 + 2 * (i + 1)) * factors[i % 4]);
    const f = fitted(series, { model: 'holt-winters-multiplicative', period: 4, horizon: 8 });
    f.forecast.forEach((v, h) => {
      const t = 32 + h + 1;
      expect(v / ((50 + 2 * t) * factors[(t - 1) % 4])).toBeCloseTo(1, 6);
    });
    expect(f.intervalMethod).toBe('simulated');
    expect(f.simulation).toEqual({ paths: 5000, seed: 1 });
  });
});

describe('fitForecast: the working shown to the user', () => {
  const series = Array.from({ length: 36 }, (_, i) => 200 + 3 * i + 25 * Math.sin((2 * Math.PI * i) / 12) + 7 * Math.cos(2.3 * i));

  it('gives the state path: one row per value, and each one-step forecast from the row before', () => {
    const f = fitted(series, { model: 'holt-winters-additive', period: 12, horizon: 6 });
    expect(f.steps).toHaveLength(36);
    expect(f.fitted).toEqual(f.steps.map((s) => s.forecast));
    expect(f.initialStates.season).toHaveLength(12);
    const { alpha, beta = 0 } = f.params;
    for (let t = 1; t < 36; t++) {
      const prev = f.steps[t - 1];
      const now = f.steps[t];
      const seasonIndex = t < 12 ? (f.initialStates.season ?? [])[t] : (f.steps[t - 12].season ?? 0);
      // ŷ_t = ℓ_(t−1) + b_(t−1) + s_(t−m); e_t = y_t − ŷ_t; ℓ_t = ℓ_(t−1) + b_(t−1) + α e_t; b_t = b_(t−1) + αβ e_t
      expect(now.forecast).toBeCloseTo(prev.level + (prev.trend ?? 0) + seasonIndex, 8);
      expect(now.error).toBeCloseTo(now.actual - now.forecast, 8);
      expect(now.level).toBeCloseTo(prev.level + (prev.trend ?? 0) + alpha * now.error, 8);
      expect(now.trend ?? 0).toBeCloseTo((prev.trend ?? 0) + alpha * beta * now.error, 8);
    }
    expect(f.sse).toBeCloseTo(f.steps.reduce((sum, s) => sum + s.error ** 2, 0), 6);
    expect(f.intervalMethod).toBe('analytic');
  });

  it('holds the weights given as options and fits the others', () => {
    const f = fitted(series, { model: 'holt-winters-additive', period: 12, horizon: 3, alpha: 0.2, gamma: 0.1 });
    expect(f.params.alpha).toBe(0.2);
    expect(f.params.gamma).toBe(0.1);
    expect(f.fittedParams).toEqual(['beta']);
    // k = 1 fitted weight + (ℓ, b, 11 indices) + 1 = 15
    expect(f.k).toBe(15);
  });

  it('keeps the fitted weights inside their bounds', () => {
    const f = fitted(series, { model: 'holt-winters-additive-damped', period: 12, horizon: 3 });
    const { alpha, beta = 0, gamma = 0, phi = 0 } = f.params;
    expect(alpha).toBeGreaterThan(0);
    expect(alpha).toBeLessThan(1);
    expect(beta).toBeGreaterThan(0);
    expect(beta).toBeLessThan(1);
    expect(gamma).toBeGreaterThan(0);
    expect(gamma).toBeLessThan(1 - alpha);
    expect(phi).toBeGreaterThanOrEqual(0.8);
    expect(phi).toBeLessThanOrEqual(0.98);
  });

  it('ranks the candidates by AICc for model auto, and says which it left out', () => {
    const f = fitted(series, { model: 'auto', period: 12, horizon: 3 });
    const ranking = f.ranking ?? [];
    expect(ranking[0].model).toBe(f.model);
    expect(ranking[0].aicc).toBe(f.aicc);
    for (let i = 1; i < ranking.length; i++) expect(ranking[i].aicc).toBeGreaterThanOrEqual(ranking[i - 1].aicc);
    // 36 values = 3 seasons of 12: all seven models apply.
    expect(ranking).toHaveLength(7);
    expect(f.skipped).toEqual([]);
    const short = fitted(series.slice(0, 20), { model: 'auto', period: 12, horizon: 3 });
    expect(short.ranking?.map((r) => r.model).sort()).toEqual(['holt', 'holt-damped', 'ses']);
    expect(short.skipped?.map((s) => s.code)).toEqual(Array(4).fill('FORECAST_TOO_FEW_SEASONS'));
  });

  it('leaves out the multiplicative season when a value is 0 or below', () => {
    const withZero = series.map((v, i) => (i === 5 ? 0 : v));
    const f = fitted(withZero, { model: 'auto', period: 12, horizon: 3 });
    expect(f.ranking?.some((r) => r.model.includes('multiplicative'))).toBe(false);
    expect(f.skipped?.filter((s) => s.code === 'FORECAST_NONPOSITIVE').map((s) => s.model)).toEqual([
      'holt-winters-multiplicative',
      'holt-winters-multiplicative-damped',
    ]);
  });

  it('is deterministic and leaves its input unchanged', () => {
    const input = Object.freeze([...series]);
    const a = fitted(input, { model: 'auto', period: 12, horizon: 12 });
    const b = fitted(input, { model: 'auto', period: 12, horizon: 12 });
    expect(a).toEqual(b);
    expect(input).toEqual(series);
  });
});

describe('fitForecast: refusals', () => {
  const series = Array.from({ length: 30 }, (_, i) => 100 + i + 10 * Math.sin(i));
  const codeOf = (result: ReturnType<typeof fitForecast>) => (result.ok ? 'ok' : result.error.code);

  it('refuses values that are not numbers, saying which', () => {
    const result = fitForecast([1, 2, NaN, 4, 5, 6], { horizon: 1 });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'FORECAST_NOT_FINITE', params: { position: 3, value: 'NaN' } });
    expect(codeOf(fitForecast([1, 2, Infinity, 4, 5, 6], { horizon: 1 }))).toBe('FORECAST_NOT_FINITE');
  });

  it('refuses a horizon below 1 or not whole', () => {
    expect(codeOf(fitForecast(series, { horizon: 0 }))).toBe('FORECAST_BAD_HORIZON');
    expect(codeOf(fitForecast(series, { horizon: 2.5 }))).toBe('FORECAST_BAD_HORIZON');
    expect(codeOf(fitForecast(series, { horizon: 5000 }))).toBe('FORECAST_BAD_HORIZON');
  });

  it('refuses a seasonal model without a season length of at least 2', () => {
    expect(codeOf(fitForecast(series, { model: 'holt-winters-additive', horizon: 3 }))).toBe('FORECAST_BAD_PERIOD');
    expect(codeOf(fitForecast(series, { model: 'holt-winters-additive', period: 1, horizon: 3 }))).toBe('FORECAST_BAD_PERIOD');
    expect(codeOf(fitForecast(series, { model: 'holt-winters-additive', period: 2.5, horizon: 3 }))).toBe('FORECAST_BAD_PERIOD');
    expect(codeOf(fitForecast(series, { model: 'auto', period: 0, horizon: 3 }))).toBe('FORECAST_BAD_PERIOD');
    // 'auto' with period 1 simply has no season.
    expect(codeOf(fitForecast(series, { model: 'auto', period: 1, horizon: 3 }))).toBe('ok');
  });

  it('refuses Holt–Winters on less than two full seasons, and suggests a model that fits', () => {
    const result = fitForecast(series.slice(0, 20), { model: 'holt-winters-additive', period: 12, horizon: 3 });
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'FORECAST_TOO_FEW_SEASONS',
      params: { count: 20, needed: 24, period: 12, suggestedModel: 'holt', suggestion: "Holt's linear trend" },
    });
  });

  it('refuses a non-seasonal model on too few values, and says the simplest fits when nothing else does', () => {
    // Holt: k = 2 weights + 2 states + 1 = 5, so n ≥ k + 2 = 7 for the AICc.
    const result = fitForecast([1, 3, 2, 4, 5, 6], { model: 'holt', horizon: 2 });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'FORECAST_TOO_SHORT', params: { needed: 7, count: 6, suggestedModel: 'ses' } });
    expect(codeOf(fitForecast([1, 2, 3, 4], { horizon: 2 }))).toBe('FORECAST_SERIES_TOO_SHORT');
    expect(codeOf(fitForecast([], { model: 'ses', horizon: 2 }))).toBe('FORECAST_SERIES_TOO_SHORT');
  });

  it('refuses a multiplicative season on values of 0 or below, saying which', () => {
    const result = fitForecast(
      series.map((v, i) => (i === 7 ? -3 : v)),
      { model: 'holt-winters-multiplicative', period: 12, horizon: 3 },
    );
    expect(result.ok ? null : result.error).toMatchObject({ code: 'FORECAST_NONPOSITIVE', params: { position: 8, value: -3 } });
  });

  it('refuses fixed weights outside their ranges', () => {
    expect(codeOf(fitForecast(series, { model: 'ses', horizon: 1, alpha: 1.2 }))).toBe('FORECAST_BAD_PARAM');
    expect(codeOf(fitForecast(series, { model: 'holt', horizon: 1, beta: -0.1 }))).toBe('FORECAST_BAD_PARAM');
    expect(codeOf(fitForecast(series, { model: 'holt-damped', horizon: 1, phi: 0 }))).toBe('FORECAST_BAD_PARAM');
    // γ must stay below 1 − α = 0.3.
    const result = fitForecast(series, { model: 'holt-winters-additive', period: 12, horizon: 1, alpha: 0.7, gamma: 0.5 });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'FORECAST_BAD_PARAM', params: { name: 'gamma' } });
  });

  it('refuses an unknown model id', () => {
    expect(codeOf(fitForecast(series, { model: 'arima' as never, horizon: 1 }))).toBe('FORECAST_UNKNOWN_MODEL');
  });
});

describe('forecast error codes', () => {
  it('each code the forecast models can return has a message', () => {
    const dir = resolve(process.cwd(), 'src/core/forecast');
    const ours = ['forecast-input.ts', 'fit-forecast.ts', 'fit-model.ts'];
    const codes = new Set<string>();
    for (const file of readdirSync(dir).filter((name) => ours.includes(name))) {
      const text = readFileSync(resolve(dir, file), 'utf8');
      for (const m of text.matchAll(/'(FORECAST_[A-Z_]+)'/g)) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThanOrEqual(10);
    expect([...codes].filter((code) => !hasMessage(`error.${code}`))).toEqual([]);
  });
});
