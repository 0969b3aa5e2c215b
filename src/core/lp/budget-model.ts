/**
 * The guided budget allocation: a plan in the words of a small B2B company (resources with
 * limits, sales channels with their returns, goals) turned into a linear program that can be
 * inspected row by row.
 *
 * The model:
 * - one decision variable per channel (or per channel × segment when segments are used): the
 *   money spent there;
 * - objective: maximise expected revenue Σ r·x, or the net return Σ (r − 1)·x, or minimise
 *   the total spend Σ x subject to the goals;
 * - one ≤ row per resource: Σ use·x ≤ limit (money uses 1 per unit spent unless told
 *   otherwise; sales hours, headcount, tools and reach use what the plan says);
 * - a channel's minimum and maximum spend: bounds of its variable, or rows over its segment
 *   variables when segments are used;
 * - a channel bought in whole units (events, retainers): an integer count n and the row
 *   Σ x − unit cost · n = 0, so its spend is always a whole number of units;
 * - goals: ≥ rows, new customers Σ x / (spend per new customer) ≥ N and revenue Σ r·x ≥ X,
 *   in total or within one segment.
 *
 * Every name in the model is derived from the user's label (any script, spaces and signs
 * mapped to "_", made unique); the labels map gives the label back for display.
 */
import { fail, ok, type Result } from '../shared/result';
import { isReservedName, record, type ConstraintOp, type LpConstraint, type LpModel, type LpVariable } from './lp-model';

export const BUDGET_RESOURCE_KINDS = ['money', 'time', 'people', 'tools', 'reach', 'other'] as const;
/** What a resource is: money, sales hours, headcount, tools (seats, licences), market reach, other. */
export type BudgetResourceKind = (typeof BUDGET_RESOURCE_KINDS)[number];

export const BUDGET_OBJECTIVES = ['revenue', 'net', 'spend'] as const;
/**
 * 'revenue': maximise expected revenue; 'net': maximise revenue minus spend; 'spend':
 * minimise total spend while the goals are met.
 */
export type BudgetObjective = (typeof BUDGET_OBJECTIVES)[number];

export interface BudgetResource {
  label: string;
  kind: BudgetResourceKind;
  /** How much is available for the plan (≥ 0), in the resource's own unit. */
  limit: number;
  /** The unit for display ("¥", "hours", "people"). */
  unit?: string;
}

export interface BudgetSegment {
  label: string;
}

/** What one channel does in one segment; absent fields take the channel's values. */
export interface BudgetChannelSegment {
  returnPerUnit?: number;
  costPerCustomer?: number;
}

export interface BudgetChannel {
  label: string;
  /** Expected revenue per money unit spent here (≥ 0). */
  returnPerUnit: number;
  /** Spend per new customer won (> 0); absent: the channel wins no customers that count. */
  costPerCustomer?: number;
  /** @default 0 */
  minSpend?: number;
  /** Absent: no maximum of its own. */
  maxSpend?: number;
  /**
   * Per resource, in the order of `plan.resources`: how much of it one money unit spent here
   * uses. A missing (or null) entry uses the default: 1 for a money resource, 0 for any other.
   */
  use?: (number | null | undefined)[];
  /**
   * When given (> 0), the channel is bought in whole units of this cost (an event, a
   * retainer): its spend is unit cost × a whole number of units.
   */
  unitCost?: number;
  /** Per segment, in the order of `plan.segments`: this channel's figures in that segment. */
  segments?: (BudgetChannelSegment | null | undefined)[];
}

export interface BudgetGoal {
  /** At least this many new customers, or at least this much revenue. */
  kind: 'customers' | 'revenue';
  atLeast: number;
  /** The label of a segment: the goal counts that segment only. Absent: all. */
  segment?: string;
}

/** A budget plan as the guided builder fills it in: plain data, no ids. */
export interface BudgetPlan {
  name?: string;
  /** The money unit for display ("¥"). */
  currency?: string;
  objective: BudgetObjective;
  resources: BudgetResource[];
  channels: BudgetChannel[];
  /** Target segments; none: one variable per channel. */
  segments?: BudgetSegment[];
  goals: BudgetGoal[];
}

/** One term of a row or of the objective, with the label of its variable. */
export interface BudgetTerm {
  name: string;
  label: string;
  coefficient: number;
}

export type BudgetRowExplanation =
  | { what: 'resource'; resource: string; kind: BudgetResourceKind; unit?: string }
  | { what: 'customers'; segment?: string }
  | { what: 'revenue'; segment?: string }
  | { what: 'minSpend'; channel: string }
  | { what: 'maxSpend'; channel: string }
  | { what: 'units'; channel: string; unitCost: number };

/**
 * A row of the model as the builder explains it. Minimum and maximum spend of a channel
 * without segments are bounds of its variable rather than rows: `in` says which.
 */
export interface BudgetRow {
  /** The constraint's name, or for a bound the variable's name. */
  name: string;
  kind: 'resource' | 'goal' | 'bound' | 'units';
  in: 'constraints' | 'bounds';
  terms: BudgetTerm[];
  op: ConstraintOp;
  rhs: number;
  explanation: BudgetRowExplanation;
}

export interface BudgetVariable {
  name: string;
  label: string;
  /** 'spend': money spent; 'units': the whole number of units bought. */
  role: 'spend' | 'units';
  channel: string;
  segment?: string;
}

export interface BuiltBudgetModel {
  model: LpModel;
  /** Model name (variable, row or objective) → the user's label. */
  labels: Record<string, string>;
  objective: { name: string; sense: 'max' | 'min'; what: BudgetObjective; terms: BudgetTerm[] };
  variables: BudgetVariable[];
  rows: BudgetRow[];
  /** Resources no channel uses: they limit nothing, so the model has no row for them. */
  unusedResources: string[];
}

/** Names are cut to this many characters (GLPK takes 255 bytes; a Chinese letter is 3). */
const NAME_CHARS = 40;

/** A name for LP text from a label: letters and digits of any script kept, the rest "_". */
function baseName(label: string, fallback: string): string {
  // Marks that do not compose (Devanagari vowel signs) are dropped: LP names cannot hold them.
  let name = label.normalize('NFC').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '') name = fallback;
  else if (!/^\p{L}/u.test(name)) name = `${fallback}_${name}`;
  name = Array.from(name).slice(0, NAME_CHARS).join('');
  // LP keywords ("end", "free", "max") are never bare names: they would break the LP text.
  if (isReservedName(name)) name += '_';
  return name;
}

/** Hands out names, unique across variables, rows and the objective. */
function namer(): (label: string, fallback: string) => string {
  const used = new Set<string>();
  return (label, fallback) => {
    const base = baseName(label, fallback);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    used.add(name.toLowerCase());
    return name;
  };
}

type Where = { what: 'resource' | 'channel' | 'segment' | 'goal'; row: number; label: string };

/** Params that place a failure: table, 1-based row, label, and `where` in English (the UI rewrites it). */
function whereParams(where: Where, extra: Record<string, string | number> = {}): Record<string, string | number> {
  const place = where.what === 'goal' ? `goal ${where.row}` : `${where.what} “${where.label}”`;
  return { what: where.what, row: where.row, label: where.label, where: place, ...extra };
}

/**
 * A number field of the plan: finite, and ≥ 0 (or > 0 with `positive`).
 * @returns null when fine, else the failure naming the field
 */
function badNumber(value: unknown, field: string, where: Where, positive = false, extra: Record<string, string | number> = {}): Result<never> | null {
  const params = whereParams(where, { field, ...extra });
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail('BUDGET_NUMBER', `${where.what} "${where.label}": ${field} is not a number.`, params);
  if (value < 0) return fail('BUDGET_NEGATIVE', `${where.what} "${where.label}": ${field} is negative (${value}).`, { ...params, value });
  if (positive && value === 0) return fail('BUDGET_NOT_POSITIVE', `${where.what} "${where.label}": ${field} must be above 0.`, params);
  return null;
}

/** Labels of a table: present and unique (case and spaces ignored). */
function badLabels(labels: string[], what: Where['what']): Result<never> | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < labels.length; i++) {
    const label = typeof labels[i] === 'string' ? labels[i].trim() : '';
    if (label === '') return fail('BUDGET_LABEL_EMPTY', `Row ${i + 1} of the ${what}s has no name.`, { what, row: i + 1, field: 'label' });
    const key = label.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) return fail('BUDGET_LABEL_DUPLICATE', `Two ${what}s are called "${label}".`, { what, row: i + 1, label, field: 'label' });
    seen.set(key, i);
  }
  return null;
}

function checkPlan(plan: BudgetPlan): Result<never> | null {
  if (!plan || !Array.isArray(plan.channels) || plan.channels.length === 0) return fail('BUDGET_NO_CHANNELS', 'The plan has no channels: add at least one.');
  if (!(BUDGET_OBJECTIVES as readonly string[]).includes(plan.objective)) return fail('BUDGET_OBJECTIVE', `Unknown objective "${String(plan.objective)}": use revenue, net or spend.`, { objective: String(plan.objective) });
  const resources = plan.resources ?? [];
  const segments = plan.segments ?? [];
  const bad =
    badLabels(resources.map((r) => r.label), 'resource') ??
    badLabels(segments.map((s) => s.label), 'segment') ??
    badLabels(plan.channels.map((c) => c.label), 'channel');
  if (bad) return bad;

  for (let i = 0; i < resources.length; i++) {
    const r = resources[i];
    const where: Where = { what: 'resource', row: i + 1, label: r.label.trim() };
    if (!(BUDGET_RESOURCE_KINDS as readonly string[]).includes(r.kind)) return fail('BUDGET_RESOURCE_KIND', `Resource "${where.label}" has an unknown kind "${String(r.kind)}".`, whereParams(where, { field: 'kind' }));
    const limit = badNumber(r.limit, 'limit', where);
    if (limit) return limit;
  }

  for (let i = 0; i < plan.channels.length; i++) {
    const c = plan.channels[i];
    const where: Where = { what: 'channel', row: i + 1, label: c.label.trim() };
    const fields =
      badNumber(c.returnPerUnit, 'returnPerUnit', where) ??
      (c.costPerCustomer === undefined ? null : badNumber(c.costPerCustomer, 'costPerCustomer', where, true)) ??
      (c.minSpend === undefined ? null : badNumber(c.minSpend, 'minSpend', where)) ??
      (c.maxSpend === undefined ? null : badNumber(c.maxSpend, 'maxSpend', where)) ??
      (c.unitCost === undefined ? null : badNumber(c.unitCost, 'unitCost', where, true));
    if (fields) return fields;
    const min = c.minSpend ?? 0;
    if (c.maxSpend !== undefined && min > c.maxSpend) {
      return fail('BUDGET_MIN_ABOVE_MAX', `Channel "${where.label}": the minimum spend ${min} is above the maximum ${c.maxSpend}.`, whereParams(where, { field: 'minSpend', min, max: c.maxSpend }));
    }
    if (c.unitCost !== undefined && c.maxSpend !== undefined && Math.ceil(min / c.unitCost - 1e-9) * c.unitCost > c.maxSpend * (1 + 1e-12)) {
      return fail('BUDGET_UNITS_NO_FIT', `Channel "${where.label}": no whole number of units of ${c.unitCost} lies between ${min} and ${c.maxSpend}.`, whereParams(where, { field: 'unitCost', unitCost: c.unitCost, min, max: c.maxSpend }));
    }
    const use = c.use ?? [];
    if (!Array.isArray(use) || use.length > resources.length) return fail('BUDGET_SHAPE', `Channel "${where.label}" gives a use for more resources than the plan has.`, whereParams(where, { field: 'use' }));
    for (let j = 0; j < use.length; j++) {
      if (use[j] === undefined || use[j] === null) continue;
      const bad = badNumber(use[j], 'use', where, false, { column: j + 1, resource: resources[j].label.trim() });
      if (bad) return bad;
    }
    const bySegment = c.segments ?? [];
    if (!Array.isArray(bySegment) || bySegment.length > segments.length) return fail('BUDGET_SHAPE', `Channel "${where.label}" gives figures for more segments than the plan has.`, whereParams(where, { field: 'segments' }));
    for (let j = 0; j < bySegment.length; j++) {
      const s = bySegment[j];
      if (!s) continue;
      const extra = { column: j + 1, segment: segments[j].label.trim() };
      const bad =
        (s.returnPerUnit === undefined ? null : badNumber(s.returnPerUnit, 'returnPerUnit', where, false, extra)) ??
        (s.costPerCustomer === undefined ? null : badNumber(s.costPerCustomer, 'costPerCustomer', where, true, extra));
      if (bad) return bad;
    }
  }

  const segmentLabels = new Set(segments.map((s) => s.label.trim()));
  const goals = plan.goals ?? [];
  for (let i = 0; i < goals.length; i++) {
    const g = goals[i];
    const where: Where = { what: 'goal', row: i + 1, label: g.segment ?? '' };
    if (g.kind !== 'customers' && g.kind !== 'revenue') return fail('BUDGET_GOAL_KIND', `Goal ${i + 1} has an unknown kind "${String(g.kind)}".`, whereParams(where, { field: 'kind' }));
    const bad = badNumber(g.atLeast, 'atLeast', where);
    if (bad) return bad;
    if (g.segment !== undefined && !segmentLabels.has(g.segment.trim())) {
      return fail('BUDGET_GOAL_SEGMENT', `Goal ${i + 1} names the segment "${g.segment}", which the plan does not have.`, whereParams(where, { field: 'segment', segment: g.segment }));
    }
  }
  return null;
}

/**
 * Builds the linear (or mixed-integer) program of a budget plan, with a label and an
 * explanation for every variable and row.
 *
 * @param plan resources, channels, optional segments, goals and the objective
 * @returns the model with labels and explained rows, or a BUDGET_* failure whose params
 *   name the table (`what`), the 1-based `row`, the `field` and, for per-resource or
 *   per-segment figures, the 1-based `column`
 * @example
 * buildBudgetModel({ objective: 'revenue', goals: [],
 *   resources: [{ label: 'Budget', kind: 'money', limit: 1000 }],
 *   channels: [{ label: 'Direct', returnPerUnit: 3 }, { label: 'Online', returnPerUnit: 2 }] })
 * // model: max 3 Direct + 2 Online  s.t.  Budget: Direct + Online ≤ 1000
 */
export function buildBudgetModel(plan: BudgetPlan): Result<BuiltBudgetModel> {
  const bad = checkPlan(plan);
  if (bad) return bad;

  const resources = plan.resources ?? [];
  const segments = (plan.segments ?? []).map((s) => s.label.trim());
  const goals = plan.goals ?? [];
  const nameOf = namer();
  const labels = record<string>();

  const objectiveName = nameOf(plan.objective === 'revenue' ? 'total_revenue' : plan.objective === 'net' ? 'net_return' : 'total_spend', 'obj');

  interface Cell {
    name: string;
    label: string;
    channel: number;
    segment?: number;
    returnPerUnit: number;
    customersPerUnit: number;
  }
  const variables: LpVariable[] = [];
  const explained: BudgetVariable[] = [];
  const cells: Cell[] = [];
  const cellsOf: Cell[][] = [];
  const unitsOf: (string | undefined)[] = [];

  plan.channels.forEach((c, ci) => {
    const channel = c.label.trim();
    const own: Cell[] = [];
    const parts: (number | undefined)[] = segments.length === 0 ? [undefined] : segments.map((_, si) => si);
    for (const si of parts) {
      const figures = si === undefined ? undefined : c.segments?.[si];
      const label = si === undefined ? channel : `${channel} · ${segments[si]}`;
      const name = nameOf(si === undefined ? channel : `${channel}_${segments[si]}`, `channel${ci + 1}`);
      const returnPerUnit = figures?.returnPerUnit ?? c.returnPerUnit;
      const costPerCustomer = figures?.costPerCustomer ?? c.costPerCustomer;
      own.push({ name, label, channel: ci, segment: si, returnPerUnit, customersPerUnit: costPerCustomer === undefined ? 0 : 1 / costPerCustomer });
      labels[name] = label;
      explained.push({ name, label, role: 'spend', channel, ...(si === undefined ? {} : { segment: segments[si] }) });
    }
    cellsOf.push(own);
    cells.push(...own);
    if (c.unitCost !== undefined) {
      const name = nameOf(`n_${channel}`, `units${ci + 1}`);
      unitsOf.push(name);
      labels[name] = `${channel} · units`;
      explained.push({ name, label: labels[name], role: 'units', channel });
    } else {
      unitsOf.push(undefined);
    }
  });

  const objectiveOf = (cell: Cell): number => (plan.objective === 'revenue' ? cell.returnPerUnit : plan.objective === 'net' ? cell.returnPerUnit - 1 : 1);
  const rows: BudgetRow[] = [];
  /** Bounds of variables, listed after the rows. */
  const boundRows: BudgetRow[] = [];
  const constraints: LpConstraint[] = [];
  const termsOf = (entries: [Cell | string, number][]): BudgetTerm[] =>
    entries.filter(([, a]) => a !== 0).map(([cell, a]) => (typeof cell === 'string' ? { name: cell, label: labels[cell], coefficient: a } : { name: cell.name, label: cell.label, coefficient: a }));
  /** Adds a constraint named after `seed`, shown as `label` (English; the UI translates). */
  const addRow = (row: Omit<BudgetRow, 'in' | 'name'>, seed: string, fallback: string, label: string): void => {
    const name = nameOf(seed, fallback);
    labels[name] = label;
    const terms = record<number>();
    for (const term of row.terms) terms[term.name] = term.coefficient;
    constraints.push({ name, terms, op: row.op, rhs: row.rhs });
    rows.push({ name, in: 'constraints', ...row });
  };

  // Variables: spend per channel (× segment), bounded by the channel's own limits when it has
  // one variable; the unit count of a channel bought whole.
  plan.channels.forEach((c, ci) => {
    const own = cellsOf[ci];
    const channel = c.label.trim();
    const min = c.minSpend ?? 0;
    for (const cell of own) {
      const v: LpVariable = { name: cell.name, objective: objectiveOf(cell) };
      if (own.length === 1) {
        if (min > 0) v.lower = min;
        if (c.maxSpend !== undefined) v.upper = c.maxSpend;
      }
      variables.push(v);
    }
    const units = unitsOf[ci];
    if (units !== undefined) variables.push({ name: units, objective: 0, integer: true });
    if (own.length === 1) {
      const cell = own[0];
      if (min > 0) boundRows.push({ name: cell.name, kind: 'bound', in: 'bounds', terms: termsOf([[cell, 1]]), op: '>=', rhs: min, explanation: { what: 'minSpend', channel } });
      if (c.maxSpend !== undefined) boundRows.push({ name: cell.name, kind: 'bound', in: 'bounds', terms: termsOf([[cell, 1]]), op: '<=', rhs: c.maxSpend, explanation: { what: 'maxSpend', channel } });
    }
  });

  // Resources: Σ use · spend ≤ limit.
  const unusedResources: string[] = [];
  resources.forEach((r, ri) => {
    const label = r.label.trim();
    const entries: [Cell, number][] = [];
    plan.channels.forEach((c, ci) => {
      const use = c.use?.[ri] ?? (r.kind === 'money' ? 1 : 0);
      for (const cell of cellsOf[ci]) entries.push([cell, use]);
    });
    const terms = termsOf(entries);
    if (terms.length === 0) {
      unusedResources.push(label);
      return;
    }
    addRow({ kind: 'resource', terms, op: '<=', rhs: r.limit, explanation: { what: 'resource', resource: label, kind: r.kind, ...(r.unit ? { unit: r.unit } : {}) } }, label, `resource${ri + 1}`, label);
  });

  // Whole units: Σ spend − unit cost · n = 0.
  plan.channels.forEach((c, ci) => {
    const units = unitsOf[ci];
    if (units === undefined || c.unitCost === undefined) return;
    const channel = c.label.trim();
    const terms = termsOf([...cellsOf[ci].map((cell): [Cell, number] => [cell, 1]), [units, -c.unitCost]]);
    addRow({ kind: 'units', terms, op: '=', rhs: 0, explanation: { what: 'units', channel, unitCost: c.unitCost } }, `units_${channel}`, `units_row${ci + 1}`, `${channel} · units`);
  });

  // Goals: at least N new customers, at least X revenue; in total or in one segment.
  for (let gi = 0; gi < goals.length; gi++) {
    const g = goals[gi];
    const segment = g.segment?.trim();
    const si = segment === undefined ? undefined : segments.indexOf(segment);
    const inGoal = cells.filter((cell) => si === undefined || cell.segment === si);
    const terms = termsOf(inGoal.map((cell): [Cell, number] => [cell, g.kind === 'customers' ? cell.customersPerUnit : cell.returnPerUnit]));
    if (terms.length === 0) {
      if (g.atLeast === 0) continue;
      return fail('BUDGET_GOAL_UNREACHABLE', `Goal ${gi + 1}: no channel brings ${g.kind === 'customers' ? 'new customers' : 'revenue'}${segment ? ` in "${segment}"` : ''}, so it cannot be met.`, {
        what: 'goal',
        row: gi + 1,
        field: 'atLeast',
        kind: g.kind,
        ...(segment ? { segment } : {}),
      });
    }
    const seed = `goal_${g.kind === 'customers' ? 'new_customers' : 'revenue'}${segment === undefined ? '' : `_${segment}`}`;
    const label = `${g.kind === 'customers' ? 'New customers' : 'Revenue'}${segment === undefined ? '' : ` · ${segment}`}`;
    addRow({ kind: 'goal', terms, op: '>=', rhs: g.atLeast, explanation: { what: g.kind, ...(segment === undefined ? {} : { segment }) } }, seed, `goal${gi + 1}`, label);
  }

  // Segments: the channel's minimum and maximum over all its segments.
  plan.channels.forEach((c, ci) => {
    const own = cellsOf[ci];
    if (own.length === 1) return;
    const channel = c.label.trim();
    const terms = termsOf(own.map((cell): [Cell, number] => [cell, 1]));
    if ((c.minSpend ?? 0) > 0) addRow({ kind: 'bound', terms, op: '>=', rhs: c.minSpend ?? 0, explanation: { what: 'minSpend', channel } }, `${channel}_min`, `min${ci + 1}`, `${channel} · minimum`);
    if (c.maxSpend !== undefined) addRow({ kind: 'bound', terms, op: '<=', rhs: c.maxSpend, explanation: { what: 'maxSpend', channel } }, `${channel}_max`, `max${ci + 1}`, `${channel} · maximum`);
  });

  // A maximised channel that no maximum and no resource holds back makes the model unbounded:
  // say which, in the plan's words, before the solver only says "unbounded".
  if (plan.objective !== 'spend') {
    for (let ci = 0; ci < plan.channels.length; ci++) {
      const c = plan.channels[ci];
      if (c.maxSpend !== undefined) continue;
      const held = resources.some((r, ri) => (c.use?.[ri] ?? (r.kind === 'money' ? 1 : 0)) > 0);
      if (!held && cellsOf[ci].some((cell) => objectiveOf(cell) > 0)) {
        return fail('BUDGET_UNLIMITED', `Nothing limits the spend on "${c.label.trim()}": give it a maximum, or a resource it uses.`, { what: 'channel', row: ci + 1, label: c.label.trim(), field: 'maxSpend' });
      }
    }
  }

  const sense = plan.objective === 'spend' ? 'min' : 'max';
  const model: LpModel = { name: baseName(plan.name ?? 'budget', 'budget'), objectiveName, sense, variables, constraints };
  return ok({
    model,
    labels,
    objective: { name: objectiveName, sense, what: plan.objective, terms: termsOf(cells.map((cell): [Cell, number] => [cell, objectiveOf(cell)])) },
    variables: explained,
    rows: [...rows, ...boundRows],
    unusedResources,
  });
}

/**
 * A small B2B company's first plan: ¥500,000 and 1,500 sales-team hours over five channels,
 * at least 30 new customers, maximise expected revenue. Its optimum is unique: direct sales
 * 140,000, distributors 180,000, agents 100,000 (their maximum), online 80,000, events 0;
 * expected revenue 1,186,000 (derived by hand in the test).
 */
export function sampleBudgetPlan(): BudgetPlan {
  return {
    name: 'sample budget',
    currency: '¥',
    objective: 'revenue',
    resources: [
      { label: 'Marketing and sales budget', kind: 'money', limit: 500_000, unit: '¥' },
      { label: 'Sales team hours', kind: 'time', limit: 1_500, unit: 'hours' },
    ],
    channels: [
      { label: 'Direct sales', returnPerUnit: 3, costPerCustomer: 20_000, minSpend: 50_000, use: [undefined, 0.008] },
      { label: 'Distributors', returnPerUnit: 2.2, costPerCustomer: 40_000, maxSpend: 200_000, use: [undefined, 0.001] },
      { label: 'Agents', returnPerUnit: 2.5, costPerCustomer: 40_000, maxSpend: 100_000, use: [undefined, 0.002] },
      { label: 'Online', returnPerUnit: 1.5, costPerCustomer: 5_000, maxSpend: 150_000, use: [undefined, 0] },
      { label: 'Events', returnPerUnit: 2, costPerCustomer: 20_000, maxSpend: 120_000, use: [undefined, 0.005] },
    ],
    goals: [{ kind: 'customers', atLeast: 30 }],
  };
}
