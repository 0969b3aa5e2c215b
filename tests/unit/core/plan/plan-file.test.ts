import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { migratePlan, openPlan, planFileText, readPlanFile, wrapPlan } from '../../../../src/core/plan/plan-file';
import { createPlan, PLAN_TEMPLATE_IDS } from '../../../../src/core/plan/create-plan';
import { validatePlan } from '../../../../src/core/plan/validate-plan';
import { CURRENT_SCHEMA_VERSION } from '../../../../src/core/persistence/schema';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/persisted/${name}`, import.meta.url), 'utf8'));

describe('migratePlan', () => {
  it('reads the frozen v1 plan as a plan of the current shape', () => {
    const read = migratePlan(fixture('v1-plan.json'));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.name).toBe('Strategy consultancy: emerging markets with short trial contracts');
    expect(read.value.goals.map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
    expect(read.value.allocation.channels).toHaveLength(4);
    expect(read.value.forecast?.periods).toHaveLength(12);
  });

  it('refuses what is not a plan, names the first broken field, and says when a newer version wrote it', () => {
    expect(migratePlan({ hello: 'world' })).toMatchObject({ ok: false, error: { code: 'PLAN_NOT_A_PLAN' } });
    expect(migratePlan(wrapPlan({ kind: 'dataset' } as never, 't'))).toMatchObject({ ok: false, error: { code: 'PLAN_NOT_A_PLAN' } });
    const broken = structuredClone(fixture('v1-plan.json')) as { data: { goals: { target: unknown }[] } };
    broken.data.goals[1].target = 'twenty';
    expect(migratePlan(broken)).toMatchObject({ ok: false, error: { code: 'PLAN_INVALID', params: { where: 'plan.goals[1].target is not a number' } } });
    const newer = { ...(fixture('v1-plan.json') as object), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    expect(migratePlan(newer)).toMatchObject({ ok: false, error: { code: 'SCHEMA_TOO_NEW' } });
  });

  it('refuses two goals with one id (actuals refer to goals by id)', () => {
    const plan = createPlan('cloud-software');
    plan.goals[1].id = 'g1';
    expect(validatePlan(plan)).toMatchObject({ ok: false, error: { code: 'PLAN_INVALID' } });
  });
});

describe('openPlan', () => {
  it('opens a plan written by a newer version read-only when it still has every field this one knows', () => {
    const newer = { ...(fixture('v1-plan.json') as { data: Record<string, unknown> }), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    newer.data = { ...newer.data, aFieldFromTheFuture: [1, 2] };
    const opened = openPlan(newer);
    expect(opened).toMatchObject({ ok: true, value: { readOnly: true, schemaVersion: CURRENT_SCHEMA_VERSION + 1 } });
    // A newer plan that lost a field this version needs cannot be shown.
    const different = structuredClone(newer) as { data: Record<string, unknown> };
    delete different.data.goals;
    expect(openPlan(different)).toMatchObject({ ok: false, error: { code: 'SCHEMA_TOO_NEW' } });
  });
});

describe('plan files', () => {
  it.each(PLAN_TEMPLATE_IDS)('round-trips the ready-made plan %s through its exported text', (id) => {
    const plan = createPlan(id);
    const read = readPlanFile(planFileText(plan, '2026-11-27T08:00:00.000Z'));
    expect(read).toEqual({ ok: true, value: { plan, readOnly: false, schemaVersion: CURRENT_SCHEMA_VERSION } });
  });

  it('tells a file that is not JSON from JSON that is not a plan file', () => {
    expect(readPlanFile('name,value\n1,2')).toMatchObject({ ok: false, error: { code: 'PLAN_FILE_NOT_JSON' } });
    expect(readPlanFile('{"schemaVersion":1,"data":{}}')).toMatchObject({ ok: false, error: { code: 'PLAN_FILE_FOREIGN' } });
    expect(readPlanFile('[1,2,3]')).toMatchObject({ ok: false, error: { code: 'PLAN_FILE_FOREIGN' } });
    const stored = JSON.stringify(fixture('v1-plan.json'));
    // A stored record without the file marker is not an exported file either.
    expect(readPlanFile(stored)).toMatchObject({ ok: false, error: { code: 'PLAN_FILE_FOREIGN' } });
  });
});

describe('validatePlan: what a shape cannot say', () => {
  const broken = (change: (plan: ReturnType<typeof createPlan>) => void) => {
    const plan = createPlan('cloud-software');
    change(plan);
    const checked = validatePlan(plan);
    return checked.ok ? 'ok' : String(checked.error.params?.where);
  };

  it('refuses repeated periods and actuals, actuals of no goal, forecast lists of other lengths, and shares or churn out of range', () => {
    expect(broken(() => undefined)).toBe('ok');
    expect(broken((p) => p.goals[0].periodTargets.push({ ...p.goals[0].periodTargets[0] }))).toBe('goal g1 has two targets for 2025-01');
    expect(broken((p) => p.monitoring.periods.push('2025-01'))).toBe('the period 2025-01 is monitored twice');
    expect(broken((p) => p.monitoring.actuals.push({ ...p.monitoring.actuals[0] }))).toBe('two actuals for 2025-01 of goal g1');
    expect(broken((p) => p.monitoring.actuals.push({ period: '2025-05', goalId: 'g9', value: 1 }))).toBe('an actual belongs to no goal (g9)');
    expect(broken((p) => p.forecast!.lower95.pop())).toBe('the forecast has 12 periods but 11 values in lower95');
    expect(broken((p) => p.forecast!.history!.values.pop())).toBe('plan.forecast.history has 24 periods but 23 values');
    expect(broken((p) => (p.forecast!.history!.values[0] = Number.NaN))).toBe('plan.forecast.history.values[0] is not a number');
    expect(broken((p) => delete p.forecast!.history)).toBe('ok');
    expect(broken((p) => (p.resources.market.share = 140))).toBe('plan.resources.market.share is above 100');
    expect(broken((p) => (p.allocation.customerValue.churnProbability = 1.5))).toBe('plan.allocation.customerValue.churnProbability is above 1');
  });
});

describe('validatePlan: the forecast snapshot', () => {
  it('refuses a forecast with an unknown model, weights out of range, or a season that is not a whole number', () => {
    const broken = (change: (plan: ReturnType<typeof createPlan>) => void) => {
      const plan = createPlan('industrial-equipment');
      change(plan);
      const checked = validatePlan(plan);
      return checked.ok ? 'ok' : String(checked.error.params?.where);
    };
    expect(broken((p) => ((p.forecast as { model: string }).model = 'arima'))).toMatch(/^plan\.forecast\.model is not one of ses, holt/);
    expect(broken((p) => (p.forecast!.params = { alpha: 1.5 }))).toBe('plan.forecast.params.alpha is above 1');
    expect(broken((p) => (p.forecast!.seasonLength = 0))).toBe('plan.forecast.seasonLength is not a whole number of at least 1');
    expect(broken((p) => delete (p.forecast as { fittedParams?: unknown }).fittedParams)).toBe('plan.forecast.fittedParams is missing');
  });
});
