import { describe, expect, it } from 'vitest';
import { fitForecast, type Forecast } from '../../../../src/core/forecast/fit-forecast';
import { TRUST_RADIUS } from '../../../../src/core/forecast/fit-model';
import { meanAbsoluteError, readSeries } from './reference-series';

/**
 * The quality goals on the two reference series: train on all but the last 12 months,
 * forecast 12, mean absolute error against them. References from statsmodels 0.13.5
 * ExponentialSmoothing(trend='add', seasonal=…, seasonal_periods=12).fit():
 *   champagne: MAE additive 549.9, multiplicative 507.4, seasonal naive 830.3;
 *              training SSE multiplicative 31,328,399 (31,329,210 when re-measured)
 *   air:       MAE additive 13.38, multiplicative 10.30, seasonal naive 47.8;
 *              training SSE multiplicative 12,594.7
 * Both goals hold for the default estimation ('refined'): the automatic choice's hold-out
 * MAE within 1.05× statsmodels' better Holt–Winters, and the training SSE of the
 * multiplicative Holt–Winters no higher than statsmodels'.
 */
const REFERENCES = {
  'champagne-sales.csv': { bestMae: 507.4, naiveMae: 830.3, multiplicativeSse: 31_328_399 },
  'air-passengers.csv': { bestMae: 10.3, naiveMae: 47.8, multiplicativeSse: 12_594.7 },
} as const;

function split(file: keyof typeof REFERENCES) {
  const y = readSeries(file);
  return { train: y.slice(0, -12), test: y.slice(-12) };
}

function fitted(...args: Parameters<typeof fitForecast>): Forecast {
  const result = fitForecast(...args);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe.each(Object.keys(REFERENCES) as (keyof typeof REFERENCES)[])('%s, last 12 months held out', (file) => {
  const reference = REFERENCES[file];
  const { train, test } = split(file);

  it('is read as expected: the seasonal naive forecast has the reference error', () => {
    expect(train.length + test.length).toBe(file === 'champagne-sales.csv' ? 94 : 144);
    expect(meanAbsoluteError(train.slice(-12), test)).toBeCloseTo(reference.naiveMae, 0);
  });

  it("the automatic choice forecasts within 5 % of statsmodels' better Holt–Winters", () => {
    const f = fitted(train, { model: 'auto', period: 12, horizon: 12 });
    expect(f.model).toBe('holt-winters-multiplicative');
    expect(f.meta.estimation).toBe('refined');
    // Measured: champagne 400.1 (goal ≤ 532.8), air 9.67 (goal ≤ 10.82).
    expect(meanAbsoluteError(f.forecast, test)).toBeLessThanOrEqual(1.05 * reference.bestMae);
  });

  it("the default fit's training SSE is no higher than statsmodels' multiplicative Holt–Winters", () => {
    // Measured: champagne 29,812,990 (4.8 % below), air 12,594.63 (the local minimum
    // statsmodels stops in; step 3 moved α from 0.341 to 0.376).
    const f = fitted(train, { model: 'holt-winters-multiplicative', period: 12, horizon: 12 });
    expect(f.sse).toBeLessThanOrEqual(reference.multiplicativeSse);
  });

  it('the refinement lowers the two-step SSE, with each weight within the trust region of the two-step weights', () => {
    for (const model of ['holt-winters-additive', 'holt-winters-multiplicative', 'holt-winters-multiplicative-damped'] as const) {
      const options = { model, period: 12, horizon: 12 } as const;
      const refined = fitted(train, options);
      const twoStep = fitted(train, { ...options, estimation: 'two-step' });
      expect(refined.sse).toBeLessThanOrEqual(twoStep.sse);
      // The box coordinates α, β*, γ* = γ/(1 − α), φ of the trust region.
      const box = (p: Forecast['params']) => [p.alpha, p.beta ?? 0, (p.gamma ?? 0) / (1 - p.alpha), p.phi ?? 1];
      const [a, b] = [box(refined.params), box(twoStep.params)];
      a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(TRUST_RADIUS + 1e-12));
    }
  });

  it("the two-step fit alone forecasts as well but stops short of statsmodels' SSE on air passengers", () => {
    // Measured: champagne SSE 30,437,455, MAE 402.9; air 12,653.3 (0.46 % above), MAE 9.19.
    const f = fitted(train, { model: 'holt-winters-multiplicative', period: 12, horizon: 12, estimation: 'two-step' });
    expect(meanAbsoluteError(f.forecast, test)).toBeLessThanOrEqual(1.05 * reference.bestMae);
    expect(f.sse).toBeLessThanOrEqual(1.005 * reference.multiplicativeSse);
  });

  it("the joint fit reaches a lower training SSE than statsmodels' multiplicative Holt–Winters", () => {
    // Measured: champagne 23,887,474, air 9,004.0 — at γ ≈ 0, where the starting indices carry
    // the season (hold-out MAE 713.1 and 13.89: a better fit of the past, a worse forecast).
    const f = fitted(train, { model: 'holt-winters-multiplicative', period: 12, horizon: 12, estimation: 'joint' });
    expect(f.sse).toBeLessThanOrEqual(reference.multiplicativeSse);
  });
});
