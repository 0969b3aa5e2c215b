/**
 * How far a plan has got: each node of the B2B strategy loop (for the concept map) and each
 * of the five steps (for the plan's own navigation) is empty, in progress or done. "Done" is
 * the user's word where the plan has a section to tick; elsewhere it follows from the figures.
 */
import type { Plan, PlanSection } from './plan';

export type Progress = 'empty' | 'in-progress' | 'done';

/** The nodes of the strategy loop, in the order of the strategy text. */
export const LOOP_NODES = ['marketResearch', 'segmentation', 'differentiation', 'pricing', 'channels', 'contract', 'crm'] as const;
export type LoopNode = (typeof LOOP_NODES)[number];

/** The five steps of the resource loop. */
export const PLAN_STEPS = ['resources', 'goals', 'priorities', 'allocation', 'monitoring'] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

function sectionProgress(section: PlanSection): Progress {
  if (section.done) return 'done';
  return section.notes.trim() !== '' ? 'in-progress' : 'empty';
}

function fromCount(filled: number, of: number): Progress {
  return filled === 0 ? 'empty' : filled >= of ? 'done' : 'in-progress';
}

/**
 * The progress of each node of the strategy loop.
 * @example loopProgress(createPlan()).crm // 'empty'
 */
export function loopProgress(plan: Plan): Record<LoopNode, Progress> {
  const { strategy, allocation, resources } = plan;
  const checklist = Object.values(strategy.contract.checklist);
  const contractTouched = strategy.contract.notes.trim() !== '' || checklist.some(Boolean);
  return {
    marketResearch: sectionProgress(strategy.marketResearch),
    segmentation: sectionProgress(strategy.segmentation),
    differentiation: sectionProgress(strategy.differentiation),
    pricing: sectionProgress(strategy.pricingChannels),
    // Channels are done when the allocation has what it needs: channels and a budget.
    channels: fromCount((allocation.channels.length > 0 ? 1 : 0) + (resources.money.budget !== null ? 1 : 0), 2),
    contract: strategy.contract.done && checklist.every(Boolean) ? 'done' : contractTouched ? 'in-progress' : 'empty',
    crm: sectionProgress(strategy.crm),
  };
}

/**
 * The progress of each of the five steps, from what is filled in.
 * @example stepProgress(createPlan()).goals // 'empty'
 */
export function stepProgress(plan: Plan): Record<PlanStep, Progress> {
  const { money, people, market } = plan.resources;
  const resourceFigures = [money.budget, money.cash, people.salesHeadcount, people.hoursPerPerson, market.share].filter((v) => v !== null).length;
  const goals = plan.goals;
  const monitored = plan.monitoring.periods.length;
  // Actuals of months no longer monitored are kept but hidden: they do not count.
  const inMonitored = new Set(plan.monitoring.periods);
  const actualPeriods = new Set(plan.monitoring.actuals.filter((a) => inMonitored.has(a.period)).map((a) => a.period)).size;
  return {
    resources: fromCount(resourceFigures, 5),
    goals: goals.length === 0 ? 'empty' : goals.every((g) => g.target > 0 && g.due !== '') ? 'done' : 'in-progress',
    priorities: goals.length === 0 ? 'empty' : 'done',
    allocation: fromCount((plan.allocation.channels.length > 0 ? 1 : 0) + (money.budget !== null ? 1 : 0), 2),
    monitoring: monitored === 0 ? 'empty' : actualPeriods >= monitored ? 'done' : actualPeriods > 0 ? 'in-progress' : 'empty',
  };
}
