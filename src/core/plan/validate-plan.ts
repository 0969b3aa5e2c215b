/**
 * Checks that a value read from storage or from an imported file is a plan of the current
 * shape, field by field, and says where the first problem is ("goals[2].target is not a
 * number"). Nothing is repaired: a plan that fails is kept aside, never half-loaded.
 */
import { MODELS } from '../forecast/models';
import { BUDGET_OBJECTIVES } from '../lp/budget-model';
import { fail, ok, type Result } from '../shared/result';
import { GOAL_KINDS, PLAN_KIND, type Plan } from './plan';

/** A check of one value at a path; returns the problem, or null. */
type Check = (value: unknown, path: string) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const text: Check = (v, path) => (typeof v === 'string' ? null : `${path} is not text`);
const flag: Check = (v, path) => (typeof v === 'boolean' ? null : `${path} is not true or false`);
const finite: Check = (v, path) => (typeof v === 'number' && Number.isFinite(v) ? null : `${path} is not a number`);
const nonNegative: Check = (v, path) => finite(v, path) ?? ((v as number) >= 0 ? null : `${path} is below 0`);
const orNull = (check: Check): Check => (v, path) => (v === null ? null : check(v, path));
const oneOf = (values: readonly string[]): Check => (v, path) => (typeof v === 'string' && values.includes(v) ? null : `${path} is not one of ${values.join(', ')}`);
const share: Check = (v, path) => nonNegative(v, path) ?? ((v as number) <= 100 ? null : `${path} is above 100`);
const probability: Check = (v, path) => nonNegative(v, path) ?? ((v as number) <= 1 ? null : `${path} is above 1`);
const score: Check = (v, path) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5 ? null : `${path} is not a whole number from 1 to 5`);

function list(item: Check): Check {
  return (v, path) => {
    if (!Array.isArray(v)) return `${path} is not a list`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

function shape(fields: Record<string, Check>): Check {
  return (v, path) => {
    if (!isObject(v)) return `${path} is not an object`;
    for (const [key, check] of Object.entries(fields)) {
      if (!(key in v)) return `${path}.${key} is missing`;
      const problem = check(v[key], `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  };
}

const section = shape({ notes: text, done: flag });

/** Each weight a number from 0 to 1 (the damping φ too). */
const weights: Check = (v, path) => {
  if (!isObject(v)) return `${path} is not an object`;
  for (const [name, value] of Object.entries(v)) {
    if (!['alpha', 'beta', 'gamma', 'phi'].includes(name)) return `${path}.${name} is not a weight`;
    const problem = probability(value, `${path}.${name}`);
    if (problem) return problem;
  }
  return null;
};
const seasonLength: Check = (v, path) => (v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1) ? null : `${path} is not a whole number of at least 1`);

/** The forecast models a kept forecast may name. */
const MODEL_IDS = MODELS.map((m) => m.id);

const forecastFields = shape({
  source: shape({ datasetId: text, datasetName: text, dateColumn: text, valueColumn: text, period: text, how: text }),
  model: oneOf(MODEL_IDS),
  params: weights,
  fittedParams: list(oneOf(['alpha', 'beta', 'gamma', 'phi'])),
  seasonLength,
  holdoutMae: orNull(nonNegative),
  holdoutSize: orNull(nonNegative),
  lastPeriod: text,
  lastValue: finite,
  periods: list(text),
  forecast: list(finite),
  lower80: list(finite),
  upper80: list(finite),
  lower95: list(finite),
  upper95: list(finite),
});

/** The series the forecast was fitted on: as many values as periods. */
const historyShape: Check = (v, path) => {
  const problem = shape({ periods: list(text), values: list(finite) })(v, path);
  if (problem) return problem;
  const { periods, values } = v as { periods: unknown[]; values: unknown[] };
  return periods.length === values.length ? null : `${path} has ${periods.length} periods but ${values.length} values`;
};

/** The forecast; its `history` is checked when present (absent in plans written before it existed). */
const forecastShape: Check = (v, path) => forecastFields(v, path) ?? (isObject(v) && v.history !== undefined ? historyShape(v.history, `${path}.history`) : null);

const planShape = shape({
  kind: (v, path) => (v === PLAN_KIND ? null : `${path} is not "${PLAN_KIND}"`),
  name: text,
  template: orNull(text),
  illustrative: flag,
  currency: text,
  resources: shape({
    money: shape({ cash: orNull(finite), budget: orNull(nonNegative), limits: list(shape({ label: text, amount: nonNegative, channels: list(text) })) }),
    people: shape({ salesHeadcount: orNull(nonNegative), hoursPerPerson: orNull(nonNegative), skills: text }),
    tools: shape({ crm: text, platforms: text }),
    market: shape({ share: orNull(share), feedback: text, trends: text }),
    notes: text,
  }),
  goals: list(
    shape({
      id: text,
      kind: oneOf(GOAL_KINDS),
      label: text,
      target: finite,
      due: text,
      measure: text,
      importance: score,
      feasibility: score,
      term: oneOf(['short', 'long']),
      use: oneOf(['constraint', 'none']),
      periodTargets: list(shape({ period: text, target: finite })),
      followsForecast: flag,
    }),
  ),
  forecast: orNull(forecastShape),
  allocation: shape({
    objective: oneOf(BUDGET_OBJECTIVES),
    channels: list(
      shape({
        label: text,
        returnPerUnit: nonNegative,
        returnFrom: oneOf(['entered', 'customer-value']),
        costPerCustomer: orNull(nonNegative),
        minSpend: orNull(nonNegative),
        maxSpend: orNull(nonNegative),
        hoursPerUnit: nonNegative,
        source: text,
      }),
    ),
    customerValue: shape({ lifetimeValue: orNull(nonNegative), churnProbability: orNull(probability) }),
  }),
  monitoring: shape({ periods: list(text), actuals: list(shape({ period: text, goalId: text, value: finite })) }),
  strategy: shape({
    marketResearch: section,
    segmentation: section,
    differentiation: section,
    pricingChannels: section,
    contract: (v, path) => section(v, path) ?? shape({ checklist: shape({ price: flag, paymentTerms: flag, serviceTerms: flag, liability: flag }) })(v, path),
    crm: section,
  }),
  stepNotes: shape({ resources: text, goals: text, priorities: text, allocation: text, monitoring: text }),
  replannedFrom: orNull(shape({ name: text, savedAt: text })),
});

/**
 * The value as a plan, or PLAN_INVALID with the first problem found (its path in `params.where`).
 * Goal ids must be unique: actuals refer to them.
 */
export function validatePlan(value: unknown): Result<Plan> {
  const problem = planShape(value, 'plan') ?? consistency(value as Plan);
  if (problem) return fail('PLAN_INVALID', `This is not a usable plan: ${problem}.`, { where: problem });
  return ok(value as Plan);
}

/** What the shapes cannot say: ids and periods that must be unique, lists that must match. */
function consistency(plan: Plan): string | null {
  const ids = new Set<string>();
  for (const goal of plan.goals) {
    if (ids.has(goal.id)) return `two goals have the id ${goal.id}`;
    ids.add(goal.id);
    const periods = twice(goal.periodTargets.map((t) => t.period));
    if (periods !== null) return `goal ${goal.id} has two targets for ${periods}`;
  }
  const monitored = twice(plan.monitoring.periods);
  if (monitored !== null) return `the period ${monitored} is monitored twice`;
  const actuals = twice(plan.monitoring.actuals.map((a) => `${a.period} of goal ${a.goalId}`));
  if (actuals !== null) return `two actuals for ${actuals}`;
  const orphan = plan.monitoring.actuals.find((a) => !ids.has(a.goalId));
  if (orphan) return `an actual belongs to no goal (${orphan.goalId})`;
  const f = plan.forecast;
  if (f !== null) {
    const n = f.periods.length;
    for (const name of ['forecast', 'lower80', 'upper80', 'lower95', 'upper95'] as const) {
      if (f[name].length !== n) return `the forecast has ${n} periods but ${f[name].length} values in ${name}`;
    }
  }
  return null;
}

/** The first value that appears twice, or null. */
function twice(values: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return null;
}
