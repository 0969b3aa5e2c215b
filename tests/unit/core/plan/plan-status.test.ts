import { describe, expect, it } from 'vitest';
import { loopProgress, stepProgress } from '../../../../src/core/plan/plan-status';
import { createPlan } from '../../../../src/core/plan/create-plan';

describe('loopProgress', () => {
  it('is empty everywhere for an empty plan', () => {
    expect(Object.values(loopProgress(createPlan()))).toEqual(Array(7).fill('empty'));
  });

  it('follows the ticks and notes of the strategy sections, the allocation and the contract checklist', () => {
    const plan = createPlan('industrial-equipment');
    // Done: research, segmentation, differentiation, pricing (ticked); channels and a budget are there;
    // the contract has notes and two of four checks; CRM has notes but is not ticked.
    expect(loopProgress(plan)).toEqual({
      marketResearch: 'done',
      segmentation: 'done',
      differentiation: 'done',
      pricing: 'done',
      channels: 'done',
      contract: 'in-progress',
      crm: 'in-progress',
    });
    plan.strategy.contract.done = true;
    expect(loopProgress(plan).contract).toBe('in-progress');
    plan.strategy.contract.checklist = { price: true, paymentTerms: true, serviceTerms: true, liability: true };
    expect(loopProgress(plan).contract).toBe('done');
    plan.resources.money.budget = null;
    expect(loopProgress(plan).channels).toBe('in-progress');
  });
});

describe('stepProgress', () => {
  it('reads the five steps from what is filled in', () => {
    expect(stepProgress(createPlan())).toEqual({ resources: 'empty', goals: 'empty', priorities: 'empty', allocation: 'empty', monitoring: 'empty' });
    // The ready-made plan has every resource figure, complete goals, an allocation, and 3 of 12 months of actuals.
    expect(stepProgress(createPlan('cloud-software'))).toEqual({ resources: 'done', goals: 'done', priorities: 'done', allocation: 'done', monitoring: 'in-progress' });
  });
});

describe('stepProgress and hidden actuals', () => {
  it('counts only actuals of the monitored months', () => {
    const plan = createPlan('cloud-software');
    // Monitor only the last three months: the actuals entered (January to March) are hidden.
    plan.monitoring.periods = plan.monitoring.periods.slice(-3);
    expect(stepProgress(plan).monitoring).toBe('empty');
  });
});
