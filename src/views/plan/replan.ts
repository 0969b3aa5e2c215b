/**
 * Re-planning: the plan that continues this one after the periods already reached. The
 * monitoring so far becomes history (a text in the new plan's monitoring notes, and the
 * kept version of the old plan, with every actual, stays in the old plan's versions); the
 * new plan keeps the goals with their targets for the periods not yet reached (a goal with
 * only a whole target less what its actuals so far achieved, when they add up: revenue and
 * customers, not a market share, which is a level), the same resources, channels and strategy
 * notes (the budget and its limits as they were: the notice asks the user to set them for the
 * periods left), and says what it was re-planned from. Its forecast
 * is the old one refitted with the actuals as new history (core/plan/replan-forecast.ts, run
 * by the screen in the forecast worker), or, when it cannot be refitted, the old one as it
 * was. Goals that follow the forecast keep their remaining targets: step 2 can spread them
 * again over the new forecast.
 *
 * A plan whose actuals reach its last monitored period has nothing left to re-plan
 * (`nothingLeftToPlan`): the screen refuses, and asks to widen the monitored periods first.
 */
import type { GoalKind, Plan } from '../../core/plan/plan';
import type { PlanForecast } from '../../core/plan/replan-forecast';
import { planVariance } from '../../core/plan/plan-variance';
import { formatNumber, formatPercent, t } from '../../lib/i18n/i18n';

/** The last monitored period with an actual, or null when no actual is entered. */
export function lastReachedPeriod(plan: Plan): string | null {
  const withActual = new Set(plan.monitoring.actuals.map((a) => a.period));
  let last: string | null = null;
  for (const period of plan.monitoring.periods) if (withActual.has(period)) last = period;
  return last;
}

/** The monitored periods after the last one with an actual: those the re-planned plan monitors. */
export function remainingPeriods(plan: Plan): string[] {
  const last = lastReachedPeriod(plan);
  return last === null ? [...plan.monitoring.periods] : plan.monitoring.periods.filter((p) => p > last);
}

/** Actuals are entered up to the last monitored period: no period is left to re-plan. */
export function nothingLeftToPlan(plan: Plan): boolean {
  return lastReachedPeriod(plan) !== null && remainingPeriods(plan).length === 0;
}

/** Goals whose actuals add up over the periods (a market share is a level: its actuals do not). */
const ADDITIVE_KINDS: ReadonlySet<GoalKind> = new Set<GoalKind>(['revenue', 'customers']);

/**
 * The name of the plan a re-planned plan came from, without the "(re-planned from …)" its
 * re-plans added (every one of them, so names stacked before are mended too). A plan never
 * re-planned, or renamed since, keeps its name.
 */
export function originalName(plan: Pick<Plan, 'name' | 'replannedFrom'>): string {
  if (!plan.replannedFrom) return plan.name;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const template = escape(t('plan.replan.name', { name: '\u0000', from: '\u0001' }));
  const named = new RegExp(`^${template.replace('\u0000', '([\\s\\S]+)').replace('\u0001', '[^()]*')}$`);
  let name = plan.name;
  for (let match = named.exec(name); match?.[1] !== undefined && match[1].trim() !== ''; match = named.exec(name)) name = match[1];
  return name;
}

/**
 * The re-planned plan (a new plain object; `plan` is not changed).
 * @param savedAt when the old plan was last saved (ISO), for `replannedFrom`
 * @param at the time of the re-plan (ISO), for the history text
 * @param forecast the refitted forecast (replanForecast), or null to keep the plan's own
 */
export function replanPlan(plan: Plan, savedAt: string, at: string, forecast: PlanForecast | null = null): Plan {
  const copy = JSON.parse(JSON.stringify(plan)) as Plan;
  const last = lastReachedPeriod(plan);
  const remaining = remainingPeriods(copy);
  const reached = new Set(last === null ? [] : copy.monitoring.periods.filter((p) => p <= last));

  for (const goal of copy.goals) {
    if (goal.periodTargets.length === 0) {
      // Only a whole target: what the actuals of the periods reached achieved is done already.
      if (!ADDITIVE_KINDS.has(goal.kind)) continue;
      const achieved = plan.monitoring.actuals.filter((a) => a.goalId === goal.id && reached.has(a.period)).reduce((sum, a) => sum + a.value, 0);
      goal.target = Math.max(0, goal.target - achieved);
      continue;
    }
    goal.periodTargets = goal.periodTargets.filter((pt) => !reached.has(pt.period));
    goal.target = goal.periodTargets.reduce((sum, pt) => sum + pt.target, 0);
  }

  const lines = planVariance(plan)
    .filter((row) => row.actual !== null)
    .map((row) =>
      t('plan.replan.historyLine', {
        period: row.period,
        goal: row.goal,
        actual: formatNumber(row.actual ?? 0),
        target: formatNumber(row.target),
        share: row.varianceShare === null ? '—' : formatPercent(row.varianceShare, 1),
      }),
    );
  const head = t('plan.replan.historyHead', { name: plan.name, when: at.slice(0, 10), last: last ?? '—' });
  const history = [head, ...(lines.length > 0 ? lines : [t('plan.replan.historyNone')])].join('\n');
  const before = copy.stepNotes.monitoring.trim();

  return {
    ...copy,
    name: t('plan.replan.name', { name: originalName(plan), from: remaining[0] ?? last ?? at.slice(0, 7) }),
    forecast: forecast === null ? copy.forecast : (JSON.parse(JSON.stringify(forecast)) as PlanForecast),
    monitoring: { periods: remaining, actuals: copy.monitoring.actuals.filter((a) => remaining.includes(a.period)) },
    stepNotes: { ...copy.stepNotes, monitoring: before === '' ? history : `${history}\n\n${before}` },
    replannedFrom: { name: plan.name, savedAt },
  };
}
