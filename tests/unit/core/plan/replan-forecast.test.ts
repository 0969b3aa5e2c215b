import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { followedActuals, replanForecast, type PlanForecast } from '../../../../src/core/plan/replan-forecast';
import { emptyPlan, type Plan, type PlanGoal } from '../../../../src/core/plan/plan';

/** z of the central 80 % range, Φ⁻¹(0.9). */
const Z80 = 1.2815515655446004;

/**
 * Simple exponential smoothing with α = 0.5 set by hand, fitted (textbook start ℓ_0 = X_1) on
 * [10, 20] for 2024-01 and 2024-02: levels 10, 15, forecast 15 for March to June.
 */
function sesForecast(): PlanForecast {
  return {
    source: { datasetId: '', datasetName: 'sales.csv', dateColumn: 'Month', valueColumn: 'Sales', period: 'month', how: 'sum' },
    model: 'ses',
    params: { alpha: 0.5 },
    fittedParams: [],
    seasonLength: null,
    lastPeriod: '2024-02',
    lastValue: 20,
    periods: ['2024-03', '2024-04', '2024-05', '2024-06'],
    forecast: [15, 15, 15, 15],
    lower80: [0, 0, 0, 0],
    upper80: [30, 30, 30, 30],
    lower95: [0, 0, 0, 0],
    upper95: [40, 40, 40, 40],
    holdoutMae: 1.5,
    holdoutSize: 1,
    history: { periods: ['2024-01', '2024-02'], values: [10, 20] },
  };
}

describe('replanForecast', () => {
  it('appends two actuals and refits α = 0.5 (set by hand) for the months left: 21.25, as by hand', () => {
    // ℓ_1 = 10 (textbook), ℓ_2 = 0.5·20 + 0.5·10 = 15, ℓ_3 = 0.5·30 + 0.5·15 = 22.5,
    // ℓ_4 = 0.5·20 + 0.5·22.5 = 21.25: the forecast of May and June is 21.25.
    const r = replanForecast(
      sesForecast(),
      [
        { period: '2024-03', value: 30 },
        { period: '2024-04', value: 20 },
      ],
      ['2024-05', '2024-06'],
    );
    if (!r.ok) throw new Error(r.error.message);
    const f = r.value.forecast;
    expect(r.value.added).toBe(2);
    expect(r.value.through).toBe('2024-04');
    expect(f.history).toEqual({ periods: ['2024-01', '2024-02', '2024-03', '2024-04'], values: [10, 20, 30, 20] });
    expect(f.model).toBe('ses');
    expect(f.params).toEqual({ alpha: 0.5 });
    expect(f.fittedParams).toEqual([]);
    expect(f.lastPeriod).toBe('2024-04');
    expect(f.lastValue).toBe(20);
    expect(f.periods).toEqual(['2024-05', '2024-06']);
    expect(f.forecast[0]).toBeCloseTo(21.25, 10);
    expect(f.forecast[1]).toBeCloseTo(21.25, 10);
    // One-step errors e_1 … e_4 = 0, 20 − 10, 30 − 15, 20 − 22.5: SSE = 0 + 100 + 225 + 6.25 = 331.25
    // over 3 degrees of freedom (n − 1 with the textbook start, α not estimated): σ² = 110.41…
    // h = 1: 21.25 − 1.2816 · √110.42 = 21.25 − 13.466 = 7.784;
    // h = 2: σ²(1 + α²) = 138.02, 21.25 − 1.2816 · 11.748 = 6.194.
    const variance = 331.25 / 3;
    expect(f.lower80[0]).toBeCloseTo(21.25 - Z80 * Math.sqrt(variance), 8);
    expect(f.lower80[0]).toBeCloseTo(7.784, 3);
    expect(f.upper80[1]).toBeCloseTo(21.25 + Z80 * Math.sqrt(variance * 1.25), 8);
    expect(f.lower80[1]).toBeCloseTo(6.194, 3);
    expect(f.holdoutMae).toBeNull();
    expect(f.holdoutSize).toBeNull();
  });

  it('stops the new history at a gap in the actuals, and forecasts the months left from there', () => {
    // March is added, April has no actual, so May's cannot be: ℓ_3 = 22.5, and June is 3 steps ahead.
    const r = replanForecast(
      sesForecast(),
      [
        { period: '2024-03', value: 30 },
        { period: '2024-05', value: 40 },
      ],
      ['2024-06'],
    );
    if (!r.ok) throw new Error(r.error.message);
    const f = r.value.forecast;
    expect(r.value.added).toBe(1);
    expect(f.history?.values).toEqual([10, 20, 30]);
    expect(f.lastPeriod).toBe('2024-03');
    expect(f.lastValue).toBe(30);
    expect(f.periods).toEqual(['2024-06']);
    expect(f.forecast[0]).toBeCloseTo(22.5, 10);
    // SSE = 100 + 225 = 325 over 2 degrees of freedom: σ² = 162.5; h = 3: σ²(1 + 2α²) = 243.75,
    // 22.5 − 1.2816 · 15.612 = 2.492.
    expect(f.lower80[0]).toBeCloseTo(22.5 - Z80 * Math.sqrt(243.75), 8);
    expect(f.lower80[0]).toBeCloseTo(2.492, 3);
  });

  it('refits the weights that were fitted, and keeps those set by hand', () => {
    const fitted = { ...sesForecast(), fittedParams: ['alpha' as const] };
    const values = [
      { period: '2024-03', value: 30 },
      { period: '2024-04', value: 20 },
      { period: '2024-05', value: 26 },
    ];
    const r = replanForecast(fitted, values, ['2024-06']);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.forecast.fittedParams).toEqual(['alpha']);
    expect(r.value.forecast.params.alpha).not.toBe(0.5);
  });

  it('refuses a forecast without history (kept before the history was), or none', () => {
    const { history: _h, ...old } = sesForecast();
    expect(replanForecast(old, [{ period: '2024-03', value: 30 }], ['2024-04'])).toMatchObject({ ok: false, error: { code: 'REPLAN_NO_HISTORY' } });
    expect(replanForecast(null, [], ['2024-04'])).toMatchObject({ ok: false, error: { code: 'REPLAN_NO_HISTORY' } });
    const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/persisted/v1-plan.json', import.meta.url), 'utf8')) as { data: Plan };
    expect(replanForecast(fixture.data.forecast, followedActuals(fixture.data), fixture.data.monitoring.periods)).toMatchObject({ ok: false, error: { code: 'REPLAN_NO_HISTORY' } });
  });

  it('refuses when the month after the history has no actual, or no month is left', () => {
    expect(replanForecast(sesForecast(), [{ period: '2024-04', value: 30 }], ['2024-05'])).toMatchObject({
      ok: false,
      error: { code: 'REPLAN_NO_ACTUALS', params: { period: '2024-03' } },
    });
    expect(replanForecast(sesForecast(), [{ period: '2024-03', value: 30 }], ['2024-02', '2024-03'])).toMatchObject({
      ok: false,
      error: { code: 'REPLAN_NOTHING_LEFT', params: { period: '2024-03' } },
    });
  });

  it('passes the fit’s own refusal through', () => {
    // Holt–Winters with a season of 12 on 3 values.
    const seasonal = { ...sesForecast(), model: 'holt-winters-additive' as const, seasonLength: 12, params: { alpha: 0.5, beta: 0.1, gamma: 0.1 }, fittedParams: [] };
    const r = replanForecast(seasonal, [{ period: '2024-03', value: 30 }], ['2024-04']);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.code).toMatch(/^FORECAST_/);
  });
});

describe('followedActuals', () => {
  const goal = (id: string, followsForecast: boolean): PlanGoal => ({
    id,
    kind: 'revenue',
    label: id,
    target: 0,
    due: '2024-06',
    measure: '',
    importance: 3,
    feasibility: 3,
    term: 'short',
    use: 'none',
    periodTargets: [],
    followsForecast,
  });

  it('takes the monitored actuals of the goal that follows the forecast and has its first month', () => {
    const plan = emptyPlan('p');
    plan.forecast = sesForecast();
    plan.goals = [goal('g1', false), goal('g2', true), goal('g3', true)];
    plan.monitoring.periods = ['2024-03', '2024-04'];
    plan.monitoring.actuals = [
      { period: '2024-03', goalId: 'g1', value: 1 },
      { period: '2024-04', goalId: 'g2', value: 2 },
      { period: '2024-03', goalId: 'g3', value: 3 },
      { period: '2024-04', goalId: 'g3', value: 4 },
      { period: '2024-05', goalId: 'g3', value: 5 },
    ];
    // g2 has no March; g3's May is not monitored.
    expect(followedActuals(plan)).toEqual([
      { period: '2024-03', value: 3 },
      { period: '2024-04', value: 4 },
    ]);
    plan.goals = [goal('g1', false), goal('g2', false), goal('g3', false)];
    expect(followedActuals(plan)).toEqual([]);
  });
});
