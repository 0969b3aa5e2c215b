/**
 * Step 4 of the plan: the allocation model built from steps 1–3. The budget and the limits on
 * groups of channels become money rows, the sales team's hours a time row, the revenue and
 * customer goals marked for the allocation ≥ rows; the guided budget builder (lp/budget-model)
 * writes the linear program, so the allocation screen explains it row by row.
 */
import { buildBudgetModel, type BudgetChannel, type BudgetGoal, type BudgetPlan, type BudgetResource, type BuiltBudgetModel } from '../lp/budget-model';
import type { LpModel } from '../lp/lp-model';
import { fail, ok, type Result } from '../shared/result';
import type { Plan, PlanChannel } from './plan';

/**
 * The churn-adjusted value a channel earns per money unit: the customers it wins (1 per
 * `costPerCustomer`) times what a customer is expected to bring, lifetime value × (1 − churn).
 * @example customerValueReturn(12_000, 0.25, 4_000) // 2.25: 12,000 × 0.75 ÷ 4,000
 */
export function customerValueReturn(lifetimeValue: number, churnProbability: number, costPerCustomer: number): number {
  return (lifetimeValue * (1 - churnProbability)) / costPerCustomer;
}

/** Labels of the rows the plan adds, in the reader's language. */
export interface AllocationWords {
  budget: string;
  salesHours: string;
  hours: string;
}

const ENGLISH: AllocationWords = { budget: 'Budget', salesHours: 'Sales hours', hours: 'hours' };

/** The budget plan of the guided builder that the plan's steps 1–4 describe. */
export function planBudget(plan: Plan, words: AllocationWords = ENGLISH): Result<BudgetPlan> {
  const { money, people } = plan.resources;
  const channels = plan.allocation.channels;
  if (money.budget === null) return fail('PLAN_NO_BUDGET', 'Step 1 gives no budget for the plan: enter the money available before allocating it.');
  if (channels.length === 0) return fail('PLAN_NO_CHANNELS', 'Step 4 lists no sales channel: add at least one channel to allocate the budget to.');

  const labels = new Set(channels.map((c) => c.label));
  for (const limit of money.limits) {
    const unknown = limit.channels.find((label) => !labels.has(label));
    if (unknown !== undefined) {
      return fail('PLAN_LIMIT_UNKNOWN_CHANNEL', `The limit "${limit.label}" names the channel "${unknown}", which step 4 does not list. Correct the limit or add the channel.`, {
        limit: limit.label,
        channel: unknown,
      });
    }
  }

  const currency = plan.currency || undefined;
  const resources: BudgetResource[] = [{ label: words.budget, kind: 'money', limit: money.budget, unit: currency }];
  for (const limit of money.limits) resources.push({ label: limit.label, kind: 'money', limit: limit.amount, unit: currency });
  const usesHours = channels.some((c) => c.hoursPerUnit > 0);
  const hours = people.salesHeadcount !== null && people.hoursPerPerson !== null ? people.salesHeadcount * people.hoursPerPerson : null;
  if (usesHours && hours === null) {
    return fail('PLAN_NO_SALES_HOURS', 'Some channels take sales hours, but step 1 gives no sales headcount or hours per person. Enter both, or set the channels’ hours to 0.');
  }
  if (usesHours && hours !== null) resources.push({ label: words.salesHours, kind: 'time', limit: hours, unit: words.hours });

  const built: BudgetChannel[] = [];
  for (const channel of channels) {
    const returnPerUnit = channelReturn(plan, channel);
    if (!returnPerUnit.ok) return returnPerUnit;
    const use: (number | undefined)[] = [undefined, ...money.limits.map((limit) => (limit.channels.includes(channel.label) ? 1 : 0))];
    if (usesHours) use.push(channel.hoursPerUnit);
    built.push({
      label: channel.label,
      returnPerUnit: returnPerUnit.value,
      ...(channel.costPerCustomer !== null ? { costPerCustomer: channel.costPerCustomer } : {}),
      ...(channel.minSpend !== null ? { minSpend: channel.minSpend } : {}),
      ...(channel.maxSpend !== null ? { maxSpend: channel.maxSpend } : {}),
      use,
    });
  }

  const goals: BudgetGoal[] = [];
  for (const goal of plan.goals) {
    if (goal.use !== 'constraint' || goal.kind === 'share') continue;
    goals.push({ kind: goal.kind === 'revenue' ? 'revenue' : 'customers', atLeast: goal.target });
  }
  return ok({ name: plan.name, ...(currency ? { currency } : {}), objective: plan.allocation.objective, resources, channels: built, goals });
}

function channelReturn(plan: Plan, channel: PlanChannel): Result<number> {
  if (channel.returnFrom === 'entered') return ok(channel.returnPerUnit);
  const { lifetimeValue, churnProbability } = plan.allocation.customerValue;
  if (lifetimeValue === null || churnProbability === null || channel.costPerCustomer === null || !(channel.costPerCustomer > 0)) {
    return fail(
      'PLAN_NO_CUSTOMER_VALUE',
      `The channel "${channel.label}" earns the churn-adjusted value of its customers, which needs a customer lifetime value, a churn probability and the channel's cost per customer. Enter them, or type its return.`,
      { channel: channel.label },
    );
  }
  if (!(churnProbability >= 0 && churnProbability <= 1)) {
    return fail('PLAN_BAD_CHURN', `The churn probability is ${churnProbability}; it must be from 0 to 1.`, { value: churnProbability });
  }
  return ok(customerValueReturn(lifetimeValue, churnProbability, channel.costPerCustomer));
}

/** The allocation model with its row-by-row explanation (what the allocation screen shows). */
export function planBudgetModel(plan: Plan, words: AllocationWords = ENGLISH): Result<BuiltBudgetModel> {
  const budget = planBudget(plan, words);
  return budget.ok ? buildBudgetModel(budget.value) : budget;
}

/**
 * The linear program of the plan's step 4 (see the file comment).
 * @example buildAllocationModel(createPlan('cloud-software')).value.sense // 'max'
 */
export function buildAllocationModel(plan: Plan): Result<LpModel> {
  const built = planBudgetModel(plan);
  return built.ok ? ok(built.value.model) : built;
}
