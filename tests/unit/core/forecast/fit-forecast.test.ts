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

describe('fitForecast: simple exponential smoothing, the textbook start S_1 = X_1', () => {
  /** Every number of a result is a number: Infinity is allowed (an AICc), NaN is not. */
  const noNaN = (f: Forecast) => expect(numbersOf(f).some(Number.isNaN)).toBe(false);

  it('computes the worked example of DESIGN.md exactly', () => {
    // S_1 = X_1 = 1000 (ℓ_0 := X_1, so ŷ_1 = 1000 and e_1 = 0 whatever α is);
    // S_2 = 0.6·1100 + 0.4·1000 = 1060 (ŷ_2 = S_1 = 1000, e_2 = 100);
    // S_3 = 0.6·1200 + 0.4·1060 = 1144 (ŷ_3 = S_2 = 1060, e_3 = 140); forecast S_3 = 1144 at every horizon.
    const f = fitted([1000, 1100, 1200], { model: 'ses', alpha: 0.6, horizon: 2 });
    expect(f.model).toBe('ses');
    expect(f.initial).toBe('textbook');
    expect(f.params).toEqual({ alpha: 0.6 });
    expect(f.fittedParams).toEqual([]);
    expect(f.initialStates).toEqual({ level: 1000 });
    expect(f.forecast).toEqual([1144, 1144]);
    expect(f.fitted).toEqual([1000, 1000, 1060]);
    expect(f.steps.map((s) => s.level)).toEqual([1000, 1060, 1144]);
    expect(f.steps.map((s) => s.error)).toEqual([0, 100, 140]);
    // SSE = 100² + 140² = 10,000 + 19,600 = 29,600.
    expect(f.sse).toBe(29_600);
    // Nothing estimated but σ: k = 1. Errors that exist: e_2, e_3, so σ² = 29,600 / 2 = 14,800.
    expect(f.k).toBe(1);
    expect(f.degreesOfFreedom).toBe(2);
    expect(f.sigma).toBeCloseTo(Math.sqrt(14_800), 10);
    // AICc = 3·ln(29,600/3) + 2·1 + 2·1·2/(3 − 1 − 1).
    expect(f.aicc).toBeCloseTo(3 * Math.log(29_600 / 3) + 2 + 4, 10);
    // Analytic intervals: σ_1² = σ², σ_2² = σ²(1 + α²) = 14,800 · 1.36.
    expect(f.intervalMethod).toBe('analytic');
    expect(f.upper95[0]).toBeCloseTo(1144 + 1.959963984540054 * Math.sqrt(14_800), 8);
    expect(f.lower80[1]).toBeCloseTo(1144 - 1.2815515655446004 * Math.sqrt(14_800 * 1.36), 8);
  });

  it('forecasts from 2 values with α set; α cannot be fitted on 2', () => {
    // S_1 = 1000, S_2 = 0.5·1100 + 0.5·1000 = 1050; the one error e_2 = 100, so σ = 100 on 1 degree of freedom.
    const f = fitted([1000, 1100], { model: 'ses', alpha: 0.5, horizon: 3 });
    expect(f.forecast).toEqual([1050, 1050, 1050]);
    expect(f.fitted).toEqual([1000, 1000]);
    expect(f.sse).toBe(10_000);
    expect(f.degreesOfFreedom).toBe(1);
    expect(f.sigma).toBe(100);
    // k = 1 and n = 2 ≤ k + 1: the AICc does not exist; everything else is a number.
    expect(f.aicc).toBe(Infinity);
    noNaN(f);
    expect(f.lower95.every(Number.isFinite)).toBe(true);
    // With α fitted the one error X_2 − X_1 is the same for every α: refused, saying to set α.
    const refused = fitForecast([1000, 1100], { model: 'ses', horizon: 3 });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'FORECAST_TOO_SHORT_TO_FIT', params: { count: 2, needed: 3 } });
  });

  it('fits α on 3 values', () => {
    // e_2 = 20 − 10 = 10 whatever α; e_3 = 15 − (10 + 10α) = 5 − 10α is 0 at α = 0.5, so the
    // least SSE is 100, with ℓ_3 = ŷ_3 = 15.
    const f = fitted([10, 20, 15], { model: 'ses', horizon: 2 });
    expect(f.params.alpha).toBeCloseTo(0.5, 6);
    expect(f.fittedParams).toEqual(['alpha']);
    expect(f.sse).toBeCloseTo(100, 6);
    expect(f.forecast[0]).toBeCloseTo(15, 6);
    expect(f.fitted[0]).toBe(10);
    // k = α + σ = 2; one degree of freedom left (e_2, e_3 less α): σ² = SSE.
    expect(f.k).toBe(2);
    expect(f.degreesOfFreedom).toBe(1);
    expect(f.sigma).toBeCloseTo(10, 6);
    expect(f.aicc).toBe(Infinity);
    noNaN(f);
    // A rising series pushes α to its upper bound: the forecast follows the last value.
    const rising = fitted([1000, 1100, 1200], { model: 'ses', horizon: 1 });
    expect(rising.params.alpha).toBeGreaterThan(0.999);
    expect(rising.forecast[0]).toBeCloseTo(1200, 2);
    // From 4 values the AICc exists (n = 4 > k + 1 = 3).
    expect(Number.isFinite(fitted([10, 20, 15, 18], { model: 'ses', horizon: 1 }).aicc)).toBe(true);
  });

  it('uses σ² = SSE over the errors e_2 … e_n less α: the intervals of a fitted α', () => {
    const series = [52, 49, 55, 61, 58, 54, 60, 63, 57, 62, 66, 61];
    const f = fitted(series, { model: 'ses', horizon: 4 });
    expect(f.degreesOfFreedom).toBe(series.length - 2);
    expect(f.sigma).toBeCloseTo(Math.sqrt(f.sse / (series.length - 2)), 12);
    expect(f.sse).toBeCloseTo(f.steps.reduce((sum, s) => sum + s.error ** 2, 0), 8);
    const { alpha } = f.params;
    f.forecast.forEach((value, i) => {
      const sd = f.sigma * Math.sqrt(1 + i * alpha * alpha);
      expect(f.upper95[i]).toBeCloseTo(value + 1.959963984540054 * sd, 8);
      expect(f.lower80[i]).toBeCloseTo(value - 1.2815515655446004 * sd, 8);
    });
  });

  it("fits the initial level too with initial: 'fitted', which the other models ignore", () => {
    const series = [52, 49, 55, 61, 58, 54, 60, 63, 57, 62, 66, 61];
    const textbook = fitted(series, { model: 'ses', horizon: 2 });
    const free = fitted(series, { model: 'ses', horizon: 2, initial: 'fitted' });
    expect(free.initial).toBe('fitted');
    // k = α + ℓ_0 + σ; n errors less α and ℓ_0.
    expect(free.k).toBe(3);
    expect(free.degreesOfFreedom).toBe(series.length - 2);
    // The textbook start is one choice of ℓ_0, so the fitted one is at least as good.
    expect(free.sse).toBeLessThanOrEqual(textbook.sse + 1e-9);
    expect(free.initialStates.level).not.toBe(series[0]);
    // Holt always fits its states: 'textbook' changes nothing.
    const holt = fitted(series, { model: 'holt', horizon: 2 });
    expect(fitted(series, { model: 'holt', horizon: 2, initial: 'textbook' })).toEqual(holt);
    expect(holt.initial).toBe('fitted');
  });

  it('chooses automatically on short series, saying which models it left out and why', () => {
    // 2 values, α set: only simple exponential smoothing fits (AICc Infinity, still chosen);
    // Holt needs 7 values (k = 5, n ≥ k + 2), damped Holt 8, Holt–Winters with m = 4 two seasons
    // and n ≥ k + 2: k = 3 weights + ℓ, b, 3 indices + 1 = 9, so 11 (12 damped).
    const two = fitted([1000, 1100], { model: 'auto', period: 4, horizon: 2, alpha: 0.6 });
    expect(two.model).toBe('ses');
    expect(two.forecast).toEqual([1060, 1060]);
    expect(two.ranking).toEqual([{ model: 'ses', aicc: Infinity, sse: 10_000, params: { alpha: 0.6 } }]);
    expect(two.skipped?.map((s) => [s.model, s.code, s.params?.needed])).toEqual([
      ['holt', 'FORECAST_TOO_SHORT', 7],
      ['holt-damped', 'FORECAST_TOO_SHORT', 8],
      ['holt-winters-additive', 'FORECAST_TOO_FEW_SEASONS', 11],
      ['holt-winters-multiplicative', 'FORECAST_TOO_FEW_SEASONS', 11],
      ['holt-winters-additive-damped', 'FORECAST_TOO_FEW_SEASONS', 12],
      ['holt-winters-multiplicative-damped', 'FORECAST_TOO_FEW_SEASONS', 12],
    ]);
    noNaN(two);
    // 2 values, α to fit: nothing fits, and the reason is simple exponential smoothing's.
    const none = fitForecast([1000, 1100], { model: 'auto', horizon: 2 });
    expect(none.ok ? null : none.error).toMatchObject({ code: 'FORECAST_TOO_SHORT_TO_FIT', params: { count: 2, needed: 3 } });
    // 3 values: α fitted, AICc Infinity; 4 to 6 values: a finite AICc, Holt still too short.
    const three = fitted([10, 20, 15], { model: 'auto', horizon: 2 });
    expect(three.model).toBe('ses');
    expect(three.ranking?.map((r) => r.model)).toEqual(['ses']);
    expect(three.skipped?.map((s) => s.model)).toEqual(['holt', 'holt-damped']);
    noNaN(three);
    const six = fitted([10, 20, 15, 18, 22, 19], { model: 'auto', horizon: 2 });
    expect(six.ranking?.map((r) => r.model)).toEqual(['ses']);
    expect(Number.isFinite(six.aicc)).toBe(true);
    // 7 values: Holt joins the ranking (AICc finite: n = 7 = k + 2), damped Holt is left out.
    const seven = fitted([10, 12, 15, 17, 20, 22, 25], { model: 'auto', horizon: 2 });
    expect(seven.ranking?.map((r) => r.model).sort()).toEqual(['holt', 'ses']);
    expect(seven.ranking?.every((r) => Number.isFinite(r.aicc))).toBe(true);
    expect(seven.skipped?.map((s) => [s.model, s.code])).toEqual([['holt-damped', 'FORECAST_TOO_SHORT']]);
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
    // Simple exponential smoothing forecasts from 2 values (α set) or 3 (α fitted); a single value is too few for any model.
    expect(fitForecast([5], { model: 'ses', alpha: 0.5, horizon: 2 })).toMatchObject({ ok: false, error: { code: 'FORECAST_SERIES_TOO_SHORT', params: { count: 1, needed: 2 } } });
    expect(codeOf(fitForecast([5], { horizon: 2 }))).toBe('FORECAST_SERIES_TOO_SHORT');
    expect(codeOf(fitForecast([], { model: 'ses', horizon: 2 }))).toBe('FORECAST_SERIES_TOO_SHORT');
    // Holt on 2 values still points to simple exponential smoothing (which then needs α set).
    expect(fitForecast([1, 3], { model: 'holt', horizon: 2 })).toMatchObject({ ok: false, error: { code: 'FORECAST_TOO_SHORT', params: { suggestedModel: 'ses' } } });
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

describe('fitForecast: ranges of a series never below 0', () => {
  // Small sales with large swings: SES with α = 0.5 on [0, 10, 0, 10, …] has σ ≈ 6 around a level near 5.
  const swings = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 0 : 10));

  it('floors the lower bounds at 0 and says so', () => {
    const f = fitted(swings, { model: 'ses', alpha: 0.5, horizon: 3 });
    expect(f.notes).toContain('LOWER_BOUNDS_CLIPPED');
    for (const bounds of [f.lower80, f.lower95]) for (const b of bounds) expect(b).toBeGreaterThanOrEqual(0);
    expect(f.lower95[0]).toBe(0);
    // The point forecasts and the upper bounds are those of the model.
    expect(f.upper95[0] - f.forecast[0]).toBeCloseTo(1.959963984540054 * f.sigma, 9);
  });

  it('keeps bounds below 0 when the series itself goes below 0', () => {
    const f = fitted([-1, ...swings.slice(1)], { model: 'ses', alpha: 0.5, horizon: 3 });
    expect(f.notes).not.toContain('LOWER_BOUNDS_CLIPPED');
    expect(f.lower95[0]).toBeLessThan(0);
  });

  it('gives no note when no bound reaches 0', () => {
    const f = fitted([100, 102, 99, 101, 100, 103, 98, 100], { model: 'ses', horizon: 2 });
    expect(f.notes).not.toContain('LOWER_BOUNDS_CLIPPED');
    expect(f.errorForm).toBe('additive');
    expect(f.relativeSigma).toBeUndefined();
  });

  it('has a message for the note', () => {
    expect(hasMessage('forecast.note.LOWER_BOUNDS_CLIPPED')).toBe(true);
  });
});

describe('fitForecast: multiplicative errors for a multiplicative season', () => {
  it('simulates with the σ of the relative one-step errors', () => {
    const y = Array.from({ length: 48 }, (_, t) => (100 + t) * [1.2, 0.8, 1.1, 0.9][t % 4] * (1 + 0.03 * Math.sin(7 * t)));
    const f = fitted(y, { model: 'holt-winters-multiplicative', period: 4, horizon: 8 });
    expect(f.intervalMethod).toBe('simulated');
    expect(f.errorForm).toBe('multiplicative');
    const relative = f.steps.reduce((sum, s) => sum + (s.error / s.forecast) ** 2, 0);
    expect(f.relativeSigma).toBeCloseTo(Math.sqrt(relative / f.degreesOfFreedom), 12);
    // Spread proportional to the forecast: the 80 % range of a high season is wider than that of a low one.
    const width = (h: number) => (f.upper80[h] - f.lower80[h]) / f.forecast[h];
    expect(Math.abs(width(0) - width(1))).toBeLessThan(0.5 * width(0));
    expect(f.upper80[0] - f.lower80[0]).toBeGreaterThan(f.upper80[1] - f.lower80[1]);
  });
});
