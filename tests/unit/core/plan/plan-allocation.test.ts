import { describe, expect, it } from 'vitest';
import { buildAllocationModel, customerValueReturn, planBudgetModel } from '../../../../src/core/plan/plan-allocation';
import { createPlan, PLAN_TEMPLATE_IDS } from '../../../../src/core/plan/create-plan';
import { emptyPlan, type Plan, type PlanChannel } from '../../../../src/core/plan/plan';
import { solveLp } from '../../../../src/core/lp/solve-lp';
import { glpk } from '../../../helpers/lp';

function channel(label: string, returnPerUnit: number, extra: Partial<PlanChannel> = {}): PlanChannel {
  return { label, returnPerUnit, returnFrom: 'entered', costPerCustomer: null, minSpend: null, maxSpend: null, hoursPerUnit: 0, source: '', ...extra };
}

/** Budget 1,000; A returns 3 (at most 600, 0.5 sales hours a unit), B returns 2; 10 customers at least. */
function smallPlan(hoursPerPerson: number): Plan {
  const plan = emptyPlan('small');
  plan.resources.money.budget = 1000;
  plan.resources.people.salesHeadcount = 2;
  plan.resources.people.hoursPerPerson = hoursPerPerson;
  plan.allocation.channels = [channel('A', 3, { maxSpend: 600, hoursPerUnit: 0.5, costPerCustomer: 100 }), channel('B', 2, { costPerCustomer: 50 })];
  plan.goals = [
    { id: 'g1', kind: 'customers', label: 'New customers', target: 10, due: '2025-12', measure: '', importance: 3, feasibility: 3, term: 'short', use: 'constraint', periodTargets: [], followsForecast: false },
    { id: 'g2', kind: 'share', label: 'Share', target: 5, due: '2026-12', measure: '', importance: 3, feasibility: 3, term: 'long', use: 'none', periodTargets: [], followsForecast: false },
  ];
  return plan;
}

async function solve(plan: Plan) {
  const model = buildAllocationModel(plan);
  if (!model.ok) throw new Error(model.error.message);
  const solution = await solveLp(model.value, { solver: glpk });
  if (!solution.ok) throw new Error(solution.error.message);
  return { model: model.value, solution: solution.value };
}

describe('buildAllocationModel', () => {
  it('turns budget, sales hours and a customer goal into rows, checked by solving', async () => {
    // Hours 2 × 200 = 400 do not bind (A ≤ 600 uses 300): A = 600, B = 400, revenue 3·600 + 2·400 = 2,600;
    // customers 600/100 + 400/50 = 14 ≥ 10.
    const loose = await solve(smallPlan(200));
    expect(loose.solution.status).toBe('optimal');
    expect(loose.solution.objective).toBeCloseTo(2600, 6);
    // Hours 2 × 100 = 200 bind: 0.5·A ≤ 200, so A = 400, B = 600, revenue 1,200 + 1,200 = 2,400.
    const tight = await solve(smallPlan(100));
    expect(tight.solution.objective).toBeCloseTo(2400, 6);
    expect(Object.values(tight.solution.values ?? {}).sort((a, b) => a - b)).toEqual([expect.closeTo(400, 6), expect.closeTo(600, 6)]);
    // The share goal is not a row; the customer goal is.
    expect(tight.model.constraints.map((c) => c.op)).toEqual(expect.arrayContaining(['>=']));
    expect(tight.model.constraints).toHaveLength(3);
  });

  it('makes a limit over a group of channels a money row of those channels only', async () => {
    const plan = smallPlan(200);
    plan.resources.money.limits = [{ label: 'A cap', amount: 250, channels: ['A'] }];
    // A ≤ 250 now: B = 750, revenue 750 + 1,500 = 2,250.
    const { solution } = await solve(plan);
    expect(solution.objective).toBeCloseTo(2250, 6);
  });

  it('values a channel by its customers’ churn-adjusted lifetime value', async () => {
    // 12,000 × (1 − 0.25) ÷ 4,000 = 2.25 per money unit.
    expect(customerValueReturn(12_000, 0.25, 4_000)).toBeCloseTo(2.25, 12);
    const plan = smallPlan(200);
    plan.allocation.customerValue = { lifetimeValue: 1000, churnProbability: 0.2 };
    plan.allocation.channels[1] = channel('B', 0, { returnFrom: 'customer-value', costPerCustomer: 200 });
    // B returns 1000 × 0.8 ÷ 200 = 4 > 3. The most customers the budget can win: A = 600 (its
    // maximum) and B = 400, 600/100 + 400/200 = 8 < 10, so the goal cannot be met: infeasible.
    const { solution } = await solve(plan);
    expect(solution.status).toBe('infeasible');
    // With 7: spending all, A/100 + (1000 − A)/200 = 5 + A/200 ≥ 7 → A ≥ 400; B pays more, so
    // A = 400, B = 600: 3·400 + 4·600 = 3,600.
    plan.goals[0].target = 7;
    const relaxed = await solve(plan);
    expect(relaxed.solution.objective).toBeCloseTo(3600, 6);
  });

  it('says what is missing', () => {
    const noBudget = emptyPlan();
    expect(buildAllocationModel(noBudget)).toMatchObject({ ok: false, error: { code: 'PLAN_NO_BUDGET' } });
    const noChannels = emptyPlan();
    noChannels.resources.money.budget = 10;
    expect(buildAllocationModel(noChannels)).toMatchObject({ ok: false, error: { code: 'PLAN_NO_CHANNELS' } });
    const noHours = smallPlan(200);
    noHours.resources.people.hoursPerPerson = null;
    expect(buildAllocationModel(noHours)).toMatchObject({ ok: false, error: { code: 'PLAN_NO_SALES_HOURS' } });
    const badLimit = smallPlan(200);
    badLimit.resources.money.limits = [{ label: 'Ads', amount: 5, channels: ['Radio'] }];
    expect(buildAllocationModel(badLimit)).toMatchObject({ ok: false, error: { code: 'PLAN_LIMIT_UNKNOWN_CHANNEL', params: { limit: 'Ads', channel: 'Radio' } } });
    const noValue = smallPlan(200);
    noValue.allocation.channels[0].returnFrom = 'customer-value';
    expect(buildAllocationModel(noValue)).toMatchObject({ ok: false, error: { code: 'PLAN_NO_CUSTOMER_VALUE', params: { channel: 'A' } } });
  });

  it.each(PLAN_TEMPLATE_IDS)('the ready-made plan %s has an allocation that solves to an optimum meeting its customer goal', async (id) => {
    const plan = createPlan(id);
    const built = planBudgetModel(plan);
    if (!built.ok) throw new Error(built.error.message);
    const { solution } = await solve(plan);
    expect(solution.status).toBe('optimal');
    const values = solution.values!;
    const customers = plan.goals.find((g) => g.kind === 'customers' && g.use === 'constraint')!;
    let won = 0;
    for (const ch of plan.allocation.channels) {
      const variable = built.value.variables.find((v) => v.channel === ch.label)!;
      if (ch.costPerCustomer) won += values[variable.name] / ch.costPerCustomer;
    }
    expect(won).toBeGreaterThanOrEqual(customers.target - 1e-6);
    const spent = built.value.variables.reduce((s, v) => s + values[v.name], 0);
    expect(spent).toBeLessThanOrEqual(plan.resources.money.budget! + 1e-6);
  });
});
