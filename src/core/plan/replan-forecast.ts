/**
 * The forecast of a re-planned plan: the actuals entered so far become new history, and the
 * same model is fitted again on it for the periods still to come.
 *
 * The history is the series the plan's forecast was fitted on (`history` of the snapshot,
 * absent in forecasts kept before it existed: those cannot be refitted). The actuals added
 * are those of the goal that follows the forecast, period after period from the first period
 * after the history, up to the first period without one: a gap ends the new history, since a
 * series with a hole cannot be smoothed. The model, its season length and the weights the
 * user set by hand (those not in `fittedParams`) stay; the other weights and the states are
 * fitted again (fitForecast, with its defaults, as the forecast screen fits).
 */
import { fitForecast, type ForecastOptions } from '../forecast/fit-forecast';
import { futurePeriodKeys, keyOrdinal, nextPeriodKey } from '../forecast/periods';
import { fail, ok, type Result } from '../shared/result';
import type { Plan } from './plan';

/** The forecast snapshot a plan keeps. */
export type PlanForecast = NonNullable<Plan['forecast']>;

/** A value of a period (an actual of the goal that follows the forecast). */
export interface PeriodValue {
  period: string;
  value: number;
}

/** The refitted forecast, and what was added to its history. */
export interface ReplannedForecast {
  /** The new snapshot: history extended, forecast from the period after it. */
  forecast: PlanForecast;
  /** Periods of actuals added to the history (≥ 1). */
  added: number;
  /** The last period added (the new `lastPeriod`). */
  through: string;
}

const PARAM_NAMES = ['alpha', 'beta', 'gamma', 'phi'] as const;

/**
 * The actuals to continue the forecast's history with: those, in the monitored periods, of the
 * first goal (in the plan's order) that follows the forecast and has an actual for the
 * forecast's first period; failing that, of the first goal that follows it. Empty when no
 * goal follows the forecast.
 * @example followedActuals(plan) // [{ period: '2025-01', value: 48000 }, …]
 */
export function followedActuals(plan: Pick<Plan, 'forecast' | 'goals' | 'monitoring'>): PeriodValue[] {
  const monitored = new Set(plan.monitoring.periods);
  const of = (goalId: string): PeriodValue[] =>
    plan.monitoring.actuals.filter((a) => a.goalId === goalId && monitored.has(a.period)).map(({ period, value }) => ({ period, value }));
  const following = plan.goals.filter((g) => g.followsForecast);
  const first = plan.forecast?.periods[0];
  const goal = following.find((g) => of(g.id).some((a) => a.period === first)) ?? following[0];
  return goal ? of(goal.id) : [];
}

/**
 * Refits the plan's forecast with the actuals added to its history.
 * @param forecast the plan's forecast snapshot (with `history`), or null
 * @param actuals the actuals of the goal that follows the forecast (followedActuals)
 * @param periods the periods the new forecast is for (the monitored periods not yet reached);
 *   those after the last actual added are kept, forecast from the period after it
 * @returns the new snapshot, or a refusal: REPLAN_NO_HISTORY (no forecast, or no history kept
 *   with it), REPLAN_BAD_HISTORY (its last period is not a key of its unit), REPLAN_NO_ACTUALS
 *   (no actual for the first period after the history), REPLAN_NOTHING_LEFT (no period after
 *   the actuals), or fitForecast's own refusal
 * @example
 * // ses with α = 0.5 set by hand on [10, 20] (2024-01, 2024-02); actuals 30 and 20 for March, April:
 * replanForecast(f, [{ period: '2024-03', value: 30 }, { period: '2024-04', value: 20 }], ['2024-05', '2024-06']);
 * // levels 10, 15, 22.5, 21.25: forecast [21.25, 21.25] for 2024-05 and 2024-06
 */
export function replanForecast(forecast: PlanForecast | null, actuals: readonly PeriodValue[], periods: readonly string[]): Result<ReplannedForecast> {
  const history = forecast?.history;
  if (!forecast || !history || history.values.length === 0) {
    return fail('REPLAN_NO_HISTORY', 'The forecast has no history kept with it, so it cannot be fitted again with the actuals.');
  }
  const unit = forecast.source.period;
  const end = history.periods[history.periods.length - 1];
  if (Number.isNaN(keyOrdinal(end, unit))) {
    return fail('REPLAN_BAD_HISTORY', `The forecast's history ends at "${end}", which is not a ${unit} period.`, { period: end });
  }

  // The actuals of the periods right after the history, up to the first period without one.
  const byPeriod = new Map(actuals.map((a) => [a.period, a.value]));
  const added: PeriodValue[] = [];
  for (let period = nextPeriodKey(end, unit); byPeriod.has(period); period = nextPeriodKey(period, unit)) {
    added.push({ period, value: byPeriod.get(period) as number });
  }
  const first = nextPeriodKey(end, unit);
  if (added.length === 0) {
    return fail('REPLAN_NO_ACTUALS', `No goal that follows the forecast has an actual for ${first}, the period after its history.`, { period: first });
  }
  const through = added[added.length - 1].period;
  const throughOrdinal = keyOrdinal(through, unit);

  // The periods left to forecast, as steps after the new history's end.
  const wanted = new Set(periods.filter((p) => keyOrdinal(p, unit) > throughOrdinal));
  if (wanted.size === 0) {
    return fail('REPLAN_NOTHING_LEFT', `No period is left to forecast after ${through}.`, { period: through });
  }
  const horizon = Math.max(...[...wanted].map((p) => keyOrdinal(p, unit))) - throughOrdinal;

  const options: ForecastOptions = { model: forecast.model, horizon };
  if (forecast.seasonLength !== null) options.period = forecast.seasonLength;
  for (const name of PARAM_NAMES) {
    const value = forecast.params[name];
    if (value !== undefined && !forecast.fittedParams.includes(name)) options[name] = value;
  }
  const values = [...history.values, ...added.map((a) => a.value)];
  const fitted = fitForecast(values, options);
  if (!fitted.ok) return fitted;
  const f = fitted.value;

  const keys = futurePeriodKeys(through, horizon, unit);
  const steps = keys.flatMap((key, h) => (wanted.has(key) ? [h] : []));
  const pick = (figures: readonly number[]) => steps.map((h) => figures[h]);
  return ok({
    forecast: {
      source: { ...forecast.source, ...(forecast.source.filter ? { filter: { ...forecast.source.filter } } : {}) },
      model: f.model,
      params: { ...f.params },
      fittedParams: [...f.fittedParams],
      seasonLength: f.period,
      lastPeriod: through,
      lastValue: added[added.length - 1].value,
      periods: steps.map((h) => keys[h]),
      forecast: pick(f.forecast),
      lower80: pick(f.lower80),
      upper80: pick(f.upper80),
      lower95: pick(f.lower95),
      upper95: pick(f.upper95),
      holdoutMae: null,
      holdoutSize: null,
      history: { periods: [...history.periods, ...added.map((a) => a.period)], values },
    },
    added: added.length,
    through,
  });
}
