/**
 * The plan: one document that walks the five steps of a small company's resource loop
 * (assess resources → set goals → prioritise → allocate → monitor and adjust) and keeps the
 * strategy notes of the B2B loop next to them. Plain data, so it can be stored, exported
 * and migrated; every figure the analyses need is in it.
 *
 * DO NOT CHANGE THE SHAPE WITHOUT A MIGRATION (persistence/migrations.ts handles the 'plan'
 * document kind) and a frozen fixture of the old shape (tests/fixtures/persisted/).
 */
import type { BudgetObjective } from '../lp/budget-model';
import type { KeptForecast } from '../persistence/kept-forecast';

/** `kind` of the plan document. */
export const PLAN_KIND = 'plan';

/** A free-text part of the plan with the user's own verdict on it. */
export interface PlanSection {
  notes: string;
  /** Marked done by the user. */
  done: boolean;
}

/** A limit on the money of some channels together ("events and ads: at most 40,000"). */
export interface MoneyLimit {
  label: string;
  amount: number;
  /** Labels of the channels it covers. */
  channels: string[];
}

/** Step 1: what the company has. Numbers are null until entered. */
export interface PlanResources {
  money: {
    cash: number | null;
    /** Budget available for the plan's sales and marketing: the allocation's money limit. */
    budget: number | null;
    limits: MoneyLimit[];
  };
  people: {
    salesHeadcount: number | null;
    /** Hours each salesperson gives to the plan's channels over the plan's horizon. */
    hoursPerPerson: number | null;
    skills: string;
  };
  tools: { crm: string; platforms: string };
  market: {
    /** Market share in percent (0–100). */
    share: number | null;
    feedback: string;
    trends: string;
  };
  notes: string;
}

export const GOAL_KINDS = ['revenue', 'customers', 'share'] as const;
/** Revenue (money), new customers (count) or market share (percent). */
export type GoalKind = (typeof GOAL_KINDS)[number];

/** How a goal enters the allocation model. */
export type GoalUse = 'constraint' | 'none';

/** Step 2 and 3: a goal, with its ranking scores. */
export interface PlanGoal {
  /** Stable within the plan ('g1', 'g2', …): actuals refer to it. */
  id: string;
  kind: GoalKind;
  label: string;
  /** The target for the whole plan horizon, in the goal's unit. */
  target: number;
  /** The period by which it is due (a key such as '2025-12' or '2025-Q4'). */
  due: string;
  /** How it is measured ("invoiced revenue in the ledger"). */
  measure: string;
  /** 1 (low) to 5 (high). */
  importance: number;
  /** 1 (hard) to 5 (easy). */
  feasibility: number;
  term: 'short' | 'long';
  /** 'constraint': the allocation must reach it (revenue and customer goals only). */
  use: GoalUse;
  /** Per period, the target of that period (for monitoring); empty: only the whole target. */
  periodTargets: { period: string; target: number }[];
  /** The goal counts what the plan's forecast forecasts (its sales): the forecast is its baseline. */
  followsForecast: boolean;
}

/** Step 4: a sales channel of the allocation model. */
export interface PlanChannel {
  label: string;
  /** Expected revenue per money unit spent (≥ 0), when `returnFrom` is 'entered'. */
  returnPerUnit: number;
  /**
   * 'entered': returnPerUnit as typed. 'customer-value': the churn-adjusted value of the
   * customers the channel wins, lifetime value × (1 − churn probability) ÷ cost per customer.
   */
  returnFrom: 'entered' | 'customer-value';
  /** Spend per new customer won (> 0); null: the channel wins no customers that count. */
  costPerCustomer: number | null;
  minSpend: number | null;
  maxSpend: number | null;
  /** Sales hours one money unit spent here takes (0: none). */
  hoursPerUnit: number;
  /** Where its figures came from, for the reader ("distributor quotes 2024"). */
  source: string;
}

export interface PlanAllocation {
  objective: BudgetObjective;
  channels: PlanChannel[];
  /** Expected lifetime value of a customer and the churn probability the churn model gives. */
  customerValue: { lifetimeValue: number | null; churnProbability: number | null };
}

/** Step 5: an actual figure of a goal in a period. */
export interface PlanActual {
  period: string;
  goalId: string;
  value: number;
}

/** The B2B loop's strategy notes; contract negotiation has its checklist. */
export interface PlanStrategy {
  marketResearch: PlanSection;
  segmentation: PlanSection;
  differentiation: PlanSection;
  pricingChannels: PlanSection;
  contract: PlanSection & { checklist: { price: boolean; paymentTerms: boolean; serviceTerms: boolean; liability: boolean } };
  crm: PlanSection;
}

export interface Plan {
  kind: typeof PLAN_KIND;
  name: string;
  /** The ready-made plan it started from, or null. */
  template: string | null;
  /** Its numbers are made up for teaching (ready-made plans): the screens say so. */
  illustrative: boolean;
  /** Money unit for display ("¥", "$", "€"). */
  currency: string;
  resources: PlanResources;
  goals: PlanGoal[];
  /**
   * The forecast attached as the baseline of the goals (from the forecast screen), or null.
   * Its optional `history` (the series it was fitted on, which a re-plan refits with the
   * actuals added) is absent in plans written before it existed; they load unchanged.
   */
  forecast: Omit<KeptForecast, 'kind'> | null;
  allocation: PlanAllocation;
  /** The periods monitored, in order, and the actuals entered for them. */
  monitoring: { periods: string[]; actuals: PlanActual[] };
  strategy: PlanStrategy;
  /** Step notes: one free text per step. */
  stepNotes: { resources: string; goals: string; priorities: string; allocation: string; monitoring: string };
  /** The plan this one was re-planned from, or null. */
  replannedFrom: { name: string; savedAt: string } | null;
}

function emptySection(): PlanSection {
  return { notes: '', done: false };
}

/** A plan with nothing filled in. */
export function emptyPlan(name = ''): Plan {
  return {
    kind: PLAN_KIND,
    name,
    template: null,
    illustrative: false,
    currency: '',
    resources: {
      money: { cash: null, budget: null, limits: [] },
      people: { salesHeadcount: null, hoursPerPerson: null, skills: '' },
      tools: { crm: '', platforms: '' },
      market: { share: null, feedback: '', trends: '' },
      notes: '',
    },
    goals: [],
    forecast: null,
    allocation: { objective: 'revenue', channels: [], customerValue: { lifetimeValue: null, churnProbability: null } },
    monitoring: { periods: [], actuals: [] },
    strategy: {
      marketResearch: emptySection(),
      segmentation: emptySection(),
      differentiation: emptySection(),
      pricingChannels: emptySection(),
      contract: { ...emptySection(), checklist: { price: false, paymentTerms: false, serviceTerms: false, liability: false } },
      crm: emptySection(),
    },
    stepNotes: { resources: '', goals: '', priorities: '', allocation: '', monitoring: '' },
    replannedFrom: null,
  };
}

/** The next free goal id of a plan ('g1' for the first). */
export function nextGoalId(plan: Pick<Plan, 'goals'>): string {
  let n = 0;
  for (const goal of plan.goals) {
    const m = /^g(\d+)$/.exec(goal.id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return `g${n + 1}`;
}
