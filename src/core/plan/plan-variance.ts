/**
 * Step 5 of the plan: actuals against targets and against the forecast, period by period,
 * with a flag when an actual falls outside the forecast's range (the goal is drifting).
 */
import type { Plan, PlanGoal } from './plan';

/** Where an actual lies against the forecast's ranges. */
export type Drift = 'inside' | 'outside-80' | 'outside-95';

export interface VarianceRow {
  period: string;
  /** The goal's label. */
  goal: string;
  goalId: string;
  target: number;
  actual: number | null;
  /** The forecast of the period when the goal follows the plan's forecast and it covers the period. */
  forecast: number | null;
  /** actual − target; null without an actual. */
  variance: number | null;
  /** variance ÷ target; null without an actual or with a target of 0. */
  varianceShare: number | null;
  /** Against the forecast's 80% and 95% ranges; null without an actual or a forecast. */
  drift: Drift | null;
}

/**
 * One row per monitored period and goal with a target for that period (a monthly target, or
 * the whole target in the goal's due period when it has no monthly ones), in period order,
 * then goal order.
 * @example planVariance(plan)[0] // { period: '2025-01', goal: 'Revenue', target: 100, actual: 90, variance: -10, … }
 */
export function planVariance(plan: Plan): VarianceRow[] {
  const actuals = new Map(plan.monitoring.actuals.map((a) => [`${a.period}\u0000${a.goalId}`, a.value]));
  const rows: VarianceRow[] = [];
  for (const period of plan.monitoring.periods) {
    for (const goal of plan.goals) {
      // A goal with monthly targets is checked every month; one with only a whole target, at its due period.
      const target = goal.periodTargets.length > 0 ? goal.periodTargets.find((t) => t.period === period)?.target : goal.due === period ? goal.target : undefined;
      if (target === undefined) continue;
      const actual = actuals.get(`${period}\u0000${goal.id}`) ?? null;
      const variance = actual === null ? null : actual - target;
      const range = forecastAt(plan, goal, period);
      rows.push({
        period,
        goal: goal.label,
        goalId: goal.id,
        target,
        actual,
        forecast: range?.forecast ?? null,
        variance,
        varianceShare: variance === null || target === 0 ? null : variance / target,
        drift: actual === null || range === null ? null : driftOf(actual, range),
      });
    }
  }
  return rows;
}

interface ForecastRange {
  forecast: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

/** The forecast and its ranges for a goal's period, when the goal follows the forecast. */
export function forecastAt(plan: Plan, goal: PlanGoal, period: string): ForecastRange | null {
  const f = plan.forecast;
  if (!goal.followsForecast || f === null) return null;
  const i = f.periods.indexOf(period);
  if (i < 0) return null;
  return { forecast: f.forecast[i], lower80: f.lower80[i], upper80: f.upper80[i], lower95: f.lower95[i], upper95: f.upper95[i] };
}

function driftOf(actual: number, range: ForecastRange): Drift {
  if (actual < range.lower95 || actual > range.upper95) return 'outside-95';
  if (actual < range.lower80 || actual > range.upper80) return 'outside-80';
  return 'inside';
}

/**
 * How a goal's target compares with the forecast over the same periods: "the target is 18%
 * above the forecast". The periods are those of the goal's period targets that the forecast
 * covers, or, without period targets, every forecast period up to the goal's due period
 * (compared with the goal's whole target, and only when the forecast reaches that period).
 * @returns null when the goal does not follow the forecast or the forecast covers none of its periods
 */
export function targetAgainstForecast(plan: Plan, goal: PlanGoal): { forecast: number; target: number; share: number; periods: number } | null {
  const f = plan.forecast;
  if (!goal.followsForecast || f === null) return null;
  // A whole target is compared only when the forecast reaches its due period: with part of
  // the span, the target would look far above the forecast.
  if (goal.periodTargets.length === 0 && !f.periods.includes(goal.due)) return null;
  const periods = goal.periodTargets.length > 0 ? goal.periodTargets.map((t) => t.period) : f.periods.slice(0, f.periods.indexOf(goal.due) + 1);
  let forecast = 0;
  let target = 0;
  let covered = 0;
  for (const period of periods) {
    const i = f.periods.indexOf(period);
    if (i < 0) continue;
    forecast += f.forecast[i];
    // Only the periods the forecast covers are compared: like with like.
    target += goal.periodTargets.find((t) => t.period === period)?.target ?? 0;
    covered++;
  }
  if (covered === 0 || forecast === 0) return null;
  if (goal.periodTargets.length === 0) target = goal.target;
  return { forecast, target, share: target / forecast - 1, periods: covered };
}
