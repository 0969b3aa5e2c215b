import { describe, expect, it } from 'vitest';
import { planVariance, targetAgainstForecast } from '../../../../src/core/plan/plan-variance';
import { emptyPlan, type Plan } from '../../../../src/core/plan/plan';

function plan(): Plan {
  const p = emptyPlan('variance');
  p.goals = [
    {
      id: 'g1', kind: 'revenue', label: 'Revenue', target: 230, due: '2025-02', measure: '', importance: 5, feasibility: 3, term: 'short', use: 'none',
      periodTargets: [{ period: '2025-01', target: 110 }, { period: '2025-02', target: 120 }], followsForecast: true,
    },
    {
      id: 'g2', kind: 'customers', label: 'Customers', target: 5, due: '2025-02', measure: '', importance: 3, feasibility: 3, term: 'short', use: 'none',
      periodTargets: [{ period: '2025-02', target: 5 }], followsForecast: false,
    },
  ];
  p.forecast = {
    source: { datasetId: '', datasetName: 'x', dateColumn: 'm', valueColumn: 'v', period: 'month', how: 'sum' },
    model: 'ses', params: { alpha: 0.5 }, fittedParams: ['alpha'], seasonLength: null, lastPeriod: '2024-12', lastValue: 100,
    periods: ['2025-01', '2025-02', '2025-03'],
    forecast: [100, 100, 100],
    lower80: [90, 88, 86], upper80: [110, 112, 114],
    lower95: [80, 76, 72], upper95: [120, 124, 128],
    holdoutMae: null, holdoutSize: null,
  };
  p.monitoring = { periods: ['2025-01', '2025-02'], actuals: [{ period: '2025-01', goalId: 'g1', value: 99 }, { period: '2025-02', goalId: 'g1', value: 125 }, { period: '2025-02', goalId: 'g2', value: 6 }] };
  return p;
}

describe('planVariance', () => {
  it('gives actual − target per period and goal, and where the actual lies against the forecast’s ranges', () => {
    expect(planVariance(plan())).toEqual([
      // 99 − 110 = −11, −11/110 = −0.1; 99 is inside [90, 110].
      { period: '2025-01', goal: 'Revenue', goalId: 'g1', target: 110, actual: 99, forecast: 100, variance: -11, varianceShare: -0.1, drift: 'inside' },
      // 125 − 120 = 5, 5/120; 125 is above 112 (80%) and above 124 (95%).
      { period: '2025-02', goal: 'Revenue', goalId: 'g1', target: 120, actual: 125, forecast: 100, variance: 5, varianceShare: 5 / 120, drift: 'outside-95' },
      // The customer goal does not follow the forecast.
      { period: '2025-02', goal: 'Customers', goalId: 'g2', target: 5, actual: 6, forecast: null, variance: 1, varianceShare: 0.2, drift: null },
    ]);
  });

  it('leaves actual and variance empty where nothing was entered, and flags the 80% range', () => {
    const p = plan();
    p.monitoring.actuals = [{ period: '2025-02', goalId: 'g1', value: 113 }];
    const rows = planVariance(p);
    expect(rows[0]).toMatchObject({ actual: null, variance: null, varianceShare: null, drift: null });
    // 113 is above 112 (80%) but inside 124 (95%).
    expect(rows[1]).toMatchObject({ actual: 113, variance: -7, drift: 'outside-80' });
  });
});

describe('targetAgainstForecast', () => {
  it('compares the period targets with the forecast of the same periods', () => {
    // Targets 110 + 120 = 230 against forecasts 100 + 100 = 200: 230/200 − 1 = 15% above.
    const p = plan();
    expect(targetAgainstForecast(p, p.goals[0])).toEqual({ forecast: 200, target: 230, share: expect.closeTo(0.15, 12), periods: 2 });
    expect(targetAgainstForecast(p, p.goals[1])).toBeNull();
  });
});

describe('targetAgainstForecast over part of the targets', () => {
  it('compares only the periods the forecast covers', () => {
    // Targets for 2025-01..2025-04 (110, 120, 130, 140); the forecast covers 2025-01..2025-03 (100 each):
    // (110 + 120 + 130) / 300 − 1 = 20%, not (500 / 300 − 1).
    const p = plan();
    p.goals[0].periodTargets = ['2025-01', '2025-02', '2025-03', '2025-04'].map((period, i) => ({ period, target: 110 + 10 * i }));
    expect(targetAgainstForecast(p, p.goals[0])).toEqual({ forecast: 300, target: 360, share: expect.closeTo(0.2, 12), periods: 3 });
  });
});

describe('planVariance of a goal with only a whole target', () => {
  it('checks it in its due period', () => {
    const p = plan();
    p.goals.push({ id: 'g3', kind: 'share', label: 'Share', target: 4, due: '2025-02', measure: '', importance: 3, feasibility: 2, term: 'long', use: 'none', periodTargets: [], followsForecast: false });
    p.monitoring.actuals.push({ period: '2025-02', goalId: 'g3', value: 3.5 });
    const rows = planVariance(p).filter((r) => r.goalId === 'g3');
    // 3.5 − 4 = −0.5; −0.5 / 4 = −12.5%; only in 2025-02.
    expect(rows).toEqual([{ period: '2025-02', goal: 'Share', goalId: 'g3', target: 4, actual: 3.5, forecast: null, variance: -0.5, varianceShare: -0.125, drift: null }]);
  });
});

describe('targetAgainstForecast of a goal with only a whole target', () => {
  it('compares it only when the forecast reaches the due period', () => {
    const p = plan();
    p.goals[0].periodTargets = [];
    p.goals[0].target = 330;
    // Due 2025-02: forecasts 100 + 100 = 200 → 330 / 200 − 1 = 65%.
    p.goals[0].due = '2025-02';
    expect(targetAgainstForecast(p, p.goals[0])).toEqual({ forecast: 200, target: 330, share: expect.closeTo(0.65, 12), periods: 2 });
    // Due 2025-12: the forecast ends in 2025-03, so no comparison.
    p.goals[0].due = '2025-12';
    expect(targetAgainstForecast(p, p.goals[0])).toBeNull();
  });
});
