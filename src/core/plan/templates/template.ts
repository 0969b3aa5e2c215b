/**
 * What a ready-made plan is made of: the plan without its forecast, and an illustrative sales
 * history the forecast is fitted to when the plan is created (so the forecast, its ranges and
 * the targets built on it come from the same engine as the user's own).
 */
import type { Plan, PlanGoal, PlanSection } from '../plan';

export interface PlanTemplate {
  id: string;
  plan: Omit<Plan, 'forecast' | 'goals' | 'monitoring'>;
  /** Monthly sales before the plan starts (illustrative), the first in `firstMonth`. */
  history: { firstMonth: string; values: number[]; valueName: string };
  /** Goals with their monthly targets over the plan year (their sum is the goal's target). */
  goals: TemplateGoal[];
  /**
   * Actuals of the first plan months, per goal id (illustrative): for a goal with `uplift`, as
   * multiples of the forecast of the month (1.1 = 10% above it); otherwise as figures.
   */
  actuals: Record<string, number[]>;
}

/**
 * A goal of a ready-made plan: monthly targets either the forecast raised by `uplift` (0.12 =
 * 12% above the forecast; such a goal follows the forecast) or given month by month; or only
 * a target for the whole horizon (a long-term goal, not monitored month by month).
 */
export type TemplateGoal = Omit<PlanGoal, 'periodTargets' | 'target' | 'followsForecast'> & ({ uplift: number } | { monthly: number[] } | { target: number });

/** A section with notes, done or not. */
export function notes(text: string, done = true): PlanSection {
  return { notes: text, done };
}

/**
 * An illustrative monthly series: a level growing by `growth` a month, a yearly season of
 * the given shape (12 factors) and a deterministic wobble, rounded to whole units.
 */
export function illustrativeHistory(months: number, level: number, growth: number, season: readonly number[], wobble: number): number[] {
  return Array.from({ length: months }, (_, t) => Math.round(level * (1 + growth) ** t * season[t % 12] * (1 + wobble * Math.sin(1.7 * t + 0.4))));
}
