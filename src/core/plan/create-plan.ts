/**
 * New plans: an empty one, or one of the ready-made plans of the strategy text's scenarios,
 * whose forecast is fitted to its illustrative history here, so its ranges and the targets
 * built on them are the engine's own. The history is kept with the forecast, so a re-plan can
 * refit it with the actuals added.
 */
import { fitForecast } from '../forecast/fit-forecast';
import { futurePeriodKeys } from '../forecast/periods';
import { emptyPlan, type Plan, type PlanActual, type PlanGoal } from './plan';
import { cloudSoftware } from './templates/cloud-software';
import { industrialEquipment } from './templates/industrial-equipment';
import { medicalLeasing } from './templates/medical-leasing';
import { strategyConsultancy } from './templates/strategy-consultancy';
import type { PlanTemplate } from './templates/template';

const TEMPLATES: readonly PlanTemplate[] = [industrialEquipment, cloudSoftware, strategyConsultancy, medicalLeasing];

/** Ids of the ready-made plans, in the order they are offered. */
export const PLAN_TEMPLATE_IDS: readonly string[] = TEMPLATES.map((t) => t.id);

/** Months the ready-made plans forecast and monitor: one plan year. */
const PLAN_MONTHS = 12;

/**
 * A new plan: empty, or the ready-made plan `template` (one of PLAN_TEMPLATE_IDS).
 * @throws RangeError for an unknown template id (the screens offer only the known ones)
 * @example createPlan('cloud-software').goals[0].periodTargets.length // 12
 */
export function createPlan(template?: string): Plan {
  if (template === undefined) return emptyPlan();
  const source = TEMPLATES.find((t) => t.id === template);
  if (!source) throw new RangeError(`No ready-made plan "${template}"`);
  return fromTemplate(source);
}

function fromTemplate(source: PlanTemplate): Plan {
  const { values, firstMonth, valueName } = source.history;
  const fitted = fitForecast(values, { model: 'auto', period: 12, horizon: PLAN_MONTHS });
  if (!fitted.ok) throw new Error(`The ready-made plan ${source.id} has a history that cannot be forecast: ${fitted.error.message}`);
  const f = fitted.value;
  const historyPeriods = [firstMonth, ...futurePeriodKeys(firstMonth, values.length - 1, 'month')];
  const lastPeriod = historyPeriods[historyPeriods.length - 1];
  const periods = futurePeriodKeys(lastPeriod, PLAN_MONTHS, 'month');

  const goals: PlanGoal[] = source.goals.map((goal) => {
    const { uplift: _u, monthly: _m, target: _t, ...rest } = goal as typeof goal & { uplift?: number; monthly?: number[]; target?: number };
    if ('uplift' in goal) {
      const periodTargets = periods.map((period, i) => ({ period, target: Math.round(f.forecast[i] * (1 + goal.uplift)) }));
      return { ...rest, target: sum(periodTargets.map((t) => t.target)), periodTargets, followsForecast: true };
    }
    if ('monthly' in goal) {
      const periodTargets = goal.monthly.map((target, i) => ({ period: periods[i], target }));
      return { ...rest, target: sum(goal.monthly), periodTargets, followsForecast: false };
    }
    return { ...rest, target: goal.target, periodTargets: [], followsForecast: false };
  });

  const actuals: PlanActual[] = [];
  for (const goal of source.goals) {
    (source.actuals[goal.id] ?? []).forEach((value, i) => {
      actuals.push({ period: periods[i], goalId: goal.id, value: 'uplift' in goal ? Math.round(f.forecast[i] * value) : value });
    });
  }

  return {
    ...structuredCopy(source.plan),
    goals,
    forecast: {
      source: { datasetId: '', datasetName: valueName, dateColumn: 'month', valueColumn: valueName, period: 'month', how: 'sum' },
      model: f.model,
      params: { ...f.params },
      fittedParams: [...f.fittedParams],
      seasonLength: f.period,
      lastPeriod,
      lastValue: values[values.length - 1],
      periods,
      forecast: f.forecast,
      lower80: f.lower80,
      upper80: f.upper80,
      lower95: f.lower95,
      upper95: f.upper95,
      holdoutMae: null,
      holdoutSize: null,
      history: { periods: historyPeriods, values: [...values] },
    },
    monitoring: { periods, actuals },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** A deep copy of plain template data, so no two plans share an array. */
function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
