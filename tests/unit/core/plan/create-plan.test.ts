import { describe, expect, it } from 'vitest';
import { createPlan, PLAN_TEMPLATE_IDS } from '../../../../src/core/plan/create-plan';
import { validatePlan } from '../../../../src/core/plan/validate-plan';
import { fitForecast } from '../../../../src/core/forecast/fit-forecast';
import { industrialEquipment } from '../../../../src/core/plan/templates/industrial-equipment';

describe('createPlan', () => {
  it('makes an empty plan that is a valid plan', () => {
    const plan = createPlan();
    expect(validatePlan(plan).ok).toBe(true);
    expect(plan.goals).toEqual([]);
    expect(plan.forecast).toBeNull();
    expect(plan.illustrative).toBe(false);
  });

  it('offers the four ready-made plans of the strategy text', () => {
    expect(PLAN_TEMPLATE_IDS).toEqual(['industrial-equipment', 'cloud-software', 'strategy-consultancy', 'medical-leasing']);
    expect(() => createPlan('bakery')).toThrow(RangeError);
  });

  it.each(PLAN_TEMPLATE_IDS)('the ready-made plan %s is complete: valid, illustrative, a year forecast with ranges, targets and some actuals', (id) => {
    const plan = createPlan(id);
    expect(validatePlan(plan).ok).toBe(true);
    expect(plan.illustrative).toBe(true);
    const f = plan.forecast!;
    expect(f.periods).toHaveLength(12);
    for (let i = 0; i < 12; i++) {
      expect(f.lower95[i]).toBeLessThanOrEqual(f.lower80[i]);
      expect(f.lower80[i]).toBeLessThanOrEqual(f.forecast[i]);
      expect(f.forecast[i]).toBeLessThanOrEqual(f.upper80[i]);
      expect(f.upper80[i]).toBeLessThanOrEqual(f.upper95[i]);
    }
    expect(plan.monitoring.periods).toEqual(f.periods);
    expect(plan.monitoring.actuals.length).toBeGreaterThanOrEqual(3);
    expect(new Set(plan.goals.map((g) => g.kind))).toEqual(new Set(['revenue', 'customers', 'share']));
    for (const goal of plan.goals) expect(goal.target).toBe(goal.periodTargets.length > 0 ? goal.periodTargets.reduce((s, t) => s + t.target, 0) : goal.target);
  });

  it('sets revenue targets from the engine’s own forecast of the illustrative history, raised by the uplift', () => {
    const plan = createPlan('industrial-equipment');
    // Fitted here again, independently of createPlan: 24 months from 2023-01, a year ahead.
    const f = fitForecast(industrialEquipment.history.values, { model: 'auto', period: 12, horizon: 12 });
    if (!f.ok) throw new Error(f.error.message);
    expect(plan.forecast!.forecast).toEqual(f.value.forecast);
    expect(plan.forecast!.lastPeriod).toBe('2024-12');
    expect(plan.forecast!.periods[0]).toBe('2025-01');
    // The history it was fitted on is kept with it, for a re-plan to refit.
    expect(plan.forecast!.history?.values).toEqual(industrialEquipment.history.values);
    expect(plan.forecast!.history?.periods).toHaveLength(24);
    expect(plan.forecast!.history?.periods[0]).toBe('2023-01');
    expect(plan.forecast!.history?.periods.at(-1)).toBe('2024-12');
    const revenue = plan.goals.find((g) => g.id === 'g1')!;
    expect(revenue.followsForecast).toBe(true);
    expect(revenue.periodTargets[0]).toEqual({ period: '2025-01', target: Math.round(f.value.forecast[0] * 1.12) });
    // The first actual is 1.04 × the forecast of January.
    expect(plan.monitoring.actuals[0]).toEqual({ period: '2025-01', goalId: 'g1', value: Math.round(f.value.forecast[0] * 1.04) });
  });

  it('gives every plan its own copies', () => {
    const a = createPlan('cloud-software');
    a.allocation.channels[0].label = 'changed';
    expect(createPlan('cloud-software').allocation.channels[0].label).toBe('Inside sales');
  });
});
