/**
 * The budget builder's form as the user fills it in: every number cell as the text typed (so
 * a half-typed or wrong number is never lost), rows with ids (so per-resource and
 * per-segment figures stay with their column when rows are added, removed or renamed).
 * Turned into a BudgetPlan only to build the model, with a message per cell that cannot be
 * read.
 */
import type { BudgetChannel, BudgetObjective, BudgetPlan, BudgetResourceKind, BuiltBudgetModel } from '../../core/lp/budget-model';
import type { AppError } from '../../core/shared/result';
import { hasMessage, t } from '../../lib/i18n/i18n';
import { readNumber } from '../../lib/i18n/read-number';

export interface DraftResource {
  id: number;
  label: string;
  kind: BudgetResourceKind;
  limit: string;
  unit: string;
}

export interface DraftFigures {
  returnPerUnit: string;
  costPerCustomer: string;
}

export interface DraftChannel extends DraftFigures {
  id: number;
  label: string;
  minSpend: string;
  maxSpend: string;
  wholeUnits: boolean;
  unitCost: string;
  /** Text per resource id; '' or absent: the default (1 for money, 0 otherwise). */
  use: Record<number, string>;
  /** Figures per segment id; '' or absent: the channel's own. */
  bySegment: Record<number, DraftFigures>;
}

export interface DraftSegment {
  id: number;
  label: string;
}

export interface DraftGoal {
  id: number;
  kind: 'customers' | 'revenue';
  atLeast: string;
  /** A segment id, or null for all customers. */
  segment: number | null;
}

export interface BudgetDraft {
  name: string;
  currency: string;
  objective: BudgetObjective;
  useSegments: boolean;
  resources: DraftResource[];
  channels: DraftChannel[];
  segments: DraftSegment[];
  goals: DraftGoal[];
  /** The next free row id. */
  nextId: number;
}

export type CellTable = 'resource' | 'channel' | 'segment' | 'goal';

/** The id of a cell, for marking it and for aria-describedby: table, row id, field, column id. */
export function cellId(table: CellTable, row: number, field: string, column?: number): string {
  return `budget-${table}-${row}-${field}${column === undefined ? '' : `-${column}`}`;
}

export function emptyChannel(id: number): DraftChannel {
  return { id, label: '', returnPerUnit: '', costPerCustomer: '', minSpend: '', maxSpend: '', wholeUnits: false, unitCost: '', use: {}, bySegment: {} };
}

/** A new form: one money resource named `budgetLabel`, one empty channel, no goals. */
export function emptyDraft(budgetLabel: string): BudgetDraft {
  return {
    name: '',
    currency: '',
    objective: 'revenue',
    useSegments: false,
    resources: [{ id: 1, label: budgetLabel, kind: 'money', limit: '', unit: '' }],
    channels: [emptyChannel(2)],
    segments: [],
    goals: [],
    nextId: 3,
  };
}

/** A number as an editable cell: full precision, the locale's decimal mark, no grouping. */
export function numberText(value: number | null | undefined, locale: string): string {
  if (value === undefined || value === null) return '';
  const mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return String(value).replace('.', mark);
}

/** The form of a plan (the example, or a plan handed in). */
export function draftFromPlan(plan: BudgetPlan, locale: string): BudgetDraft {
  let nextId = 1;
  const num = (value: number | null | undefined) => numberText(value, locale);
  const resources = plan.resources.map((r): DraftResource => ({ id: nextId++, label: r.label, kind: r.kind, limit: num(r.limit), unit: r.unit ?? '' }));
  const segments = (plan.segments ?? []).map((s): DraftSegment => ({ id: nextId++, label: s.label }));
  const channels = plan.channels.map((c): DraftChannel => {
    const use: Record<number, string> = {};
    resources.forEach((r, i) => (use[r.id] = num(c.use?.[i])));
    const bySegment: Record<number, DraftFigures> = {};
    segments.forEach((s, i) => (bySegment[s.id] = { returnPerUnit: num(c.segments?.[i]?.returnPerUnit), costPerCustomer: num(c.segments?.[i]?.costPerCustomer) }));
    return {
      id: nextId++,
      label: c.label,
      returnPerUnit: num(c.returnPerUnit),
      costPerCustomer: num(c.costPerCustomer),
      minSpend: num(c.minSpend),
      maxSpend: num(c.maxSpend),
      wholeUnits: c.unitCost !== undefined,
      unitCost: num(c.unitCost),
      use,
      bySegment,
    };
  });
  const goals = plan.goals.map(
    (g): DraftGoal => ({ id: nextId++, kind: g.kind, atLeast: num(g.atLeast), segment: g.segment === undefined ? null : (segments.find((s) => s.label.trim() === g.segment?.trim())?.id ?? null) }),
  );
  return { name: plan.name ?? '', currency: plan.currency ?? '', objective: plan.objective, useSegments: segments.length > 0, resources, channels, segments, goals, nextId };
}

export interface CellProblem {
  /** Empty cells that must be filled are flagged only once the user has asked to build. */
  kind: 'required' | 'invalid';
  message: string;
}

export interface DraftReading {
  /** The plan, when every cell could be read. */
  plan: BudgetPlan | null;
  /** Problems by cell id. */
  problems: Record<string, CellProblem>;
}

/** The segments the plan uses: none unless segments are switched on. */
function activeSegments(draft: BudgetDraft): DraftSegment[] {
  return draft.useSegments ? draft.segments : [];
}

/**
 * Reads every cell of the form with the locale's decimal mark.
 * @returns the plan, or null with a problem for each cell that is empty but needed, not a
 *   number, or negative
 */
export function readDraft(draft: BudgetDraft, locale: string): DraftReading {
  const problems: Record<string, CellProblem> = {};
  const read = (text: string, cell: string, required: boolean, infinite = false): number | undefined => {
    if (text.trim() === '') {
      if (required) problems[cell] = { kind: 'required', message: t('lp.budget.cell.required') };
      return undefined;
    }
    const value = readNumber(text, locale);
    if (value === Number.POSITIVE_INFINITY && infinite) return undefined;
    if (value === null || !Number.isFinite(value)) {
      problems[cell] = { kind: 'invalid', message: t('lp.budget.cell.notNumber') };
      return undefined;
    }
    if (value < 0) {
      problems[cell] = { kind: 'invalid', message: t('lp.budget.cell.negative') };
      return undefined;
    }
    return value;
  };

  const segments = activeSegments(draft);
  const plan: BudgetPlan = {
    objective: draft.objective,
    resources: draft.resources.map((r) => ({ label: r.label, kind: r.kind, limit: read(r.limit, cellId('resource', r.id, 'limit'), true) ?? 0, ...(r.unit.trim() ? { unit: r.unit.trim() } : {}) })),
    channels: draft.channels.map((c): BudgetChannel => {
      const channel: BudgetChannel = { label: c.label, returnPerUnit: read(c.returnPerUnit, cellId('channel', c.id, 'returnPerUnit'), true) ?? 0 };
      const optional = (field: 'costPerCustomer' | 'minSpend' | 'maxSpend' | 'unitCost') => read(c[field], cellId('channel', c.id, field), field === 'unitCost', field === 'maxSpend');
      const costPerCustomer = optional('costPerCustomer');
      if (costPerCustomer !== undefined) channel.costPerCustomer = costPerCustomer;
      const minSpend = optional('minSpend');
      if (minSpend !== undefined) channel.minSpend = minSpend;
      const maxSpend = optional('maxSpend');
      if (maxSpend !== undefined) channel.maxSpend = maxSpend;
      if (c.wholeUnits) {
        const unitCost = optional('unitCost');
        if (unitCost !== undefined) channel.unitCost = unitCost;
      }
      channel.use = draft.resources.map((r) => read(c.use[r.id] ?? '', cellId('channel', c.id, 'use', r.id), false));
      if (segments.length > 0) {
        channel.segments = segments.map((s) => {
          const figures = c.bySegment[s.id];
          const returnPerUnit = read(figures?.returnPerUnit ?? '', cellId('channel', c.id, 'returnPerUnit', s.id), false);
          const costPerCustomer = read(figures?.costPerCustomer ?? '', cellId('channel', c.id, 'costPerCustomer', s.id), false);
          return { ...(returnPerUnit === undefined ? {} : { returnPerUnit }), ...(costPerCustomer === undefined ? {} : { costPerCustomer }) };
        });
      }
      return channel;
    }),
    goals: draft.goals.map((g) => {
      const segment = g.segment === null ? undefined : segments.find((s) => s.id === g.segment)?.label;
      // A goal for a segment while segments are switched off: say so rather than count all.
      if (g.segment !== null && segment === undefined) problems[cellId('goal', g.id, 'segment')] = { kind: 'invalid', message: t('lp.budget.cell.segmentOff') };
      return { kind: g.kind, atLeast: read(g.atLeast, cellId('goal', g.id, 'atLeast'), true) ?? 0, ...(segment === undefined ? {} : { segment }) };
    }),
  };
  if (segments.length > 0) plan.segments = segments.map((s) => ({ label: s.label }));
  if (draft.name.trim()) plan.name = draft.name.trim();
  if (draft.currency.trim()) plan.currency = draft.currency.trim();
  return { plan: Object.keys(problems).length === 0 ? plan : null, problems };
}

/**
 * The cell a BUDGET_* failure points at (its params name the table, the 1-based row, the
 * field and, for per-resource or per-segment figures, the 1-based column), or null.
 */
export function cellOfError(error: AppError, draft: BudgetDraft): string | null {
  const p = error.params ?? {};
  const index = typeof p.row === 'number' ? p.row - 1 : -1;
  const field = typeof p.field === 'string' ? p.field : '';
  const column = typeof p.column === 'number' ? p.column - 1 : -1;
  switch (p.what) {
    case 'resource': {
      const r = draft.resources[index];
      return r ? cellId('resource', r.id, field) : null;
    }
    case 'segment': {
      const s = activeSegments(draft)[index];
      return s ? cellId('segment', s.id, field) : null;
    }
    case 'goal': {
      const g = draft.goals[index];
      return g ? cellId('goal', g.id, field) : null;
    }
    case 'channel': {
      const c = draft.channels[index];
      if (!c) return null;
      if (field === 'use') {
        const r = draft.resources[column];
        return r ? cellId('channel', c.id, 'use', r.id) : null;
      }
      if (p.segment !== undefined) {
        const s = activeSegments(draft)[column];
        return s ? cellId('channel', c.id, field, s.id) : null;
      }
      return cellId('channel', c.id, field);
    }
    default:
      return null;
  }
}

/** The translated sentence for a failure of buildBudgetModel, with fields and rows in words. */
export function budgetErrorText(error: AppError): string {
  const p = error.params ?? {};
  const params: Record<string, string | number> = { ...p };
  const fieldKey = `lp.budget.fieldName.${String(p.field)}`;
  if (hasMessage(fieldKey)) params.field = t(fieldKey);
  const tableKey = `lp.budget.table.${String(p.what)}`;
  if (hasMessage(tableKey)) params.what = t(tableKey);
  const label = String(p.label ?? '');
  if (p.what === 'goal') params.where = t('lp.budget.where.goal', { row: Number(p.row) });
  else if (p.segment !== undefined && p.what === 'channel') params.where = t('lp.budget.where.namedIn', { label, segment: String(p.segment) });
  else if (p.resource !== undefined) params.where = t('lp.budget.where.namedUse', { label, resource: String(p.resource) });
  else params.where = t('lp.budget.where.named', { label });
  const key = `error.${error.code}`;
  return hasMessage(key) ? t(key, params) : t('error.INTERNAL', { detail: error.message });
}

/**
 * Display names for the model's rows and variables in the reader's language (the engine's
 * labels are the user's own words, or English for the rows it adds).
 */
export function localLabels(built: BuiltBudgetModel): Record<string, string> {
  const labels: Record<string, string> = { ...built.labels };
  for (const v of built.variables) if (v.role === 'units') labels[v.name] = t('lp.budget.unitsOf', { channel: v.channel });
  for (const row of built.rows) {
    if (row.in !== 'constraints') continue;
    const e = row.explanation;
    if (e.what === 'customers') labels[row.name] = e.segment === undefined ? t('lp.budget.row.customers') : t('lp.budget.row.customersIn', { segment: e.segment });
    else if (e.what === 'revenue') labels[row.name] = e.segment === undefined ? t('lp.budget.row.revenue') : t('lp.budget.row.revenueIn', { segment: e.segment });
    else if (e.what === 'minSpend') labels[row.name] = t('lp.budget.row.min', { channel: e.channel });
    else if (e.what === 'maxSpend') labels[row.name] = t('lp.budget.row.max', { channel: e.channel });
    else if (e.what === 'units') labels[row.name] = t('lp.budget.row.units', { channel: e.channel });
  }
  return labels;
}

/** Adds a resource (every channel gets an empty use cell for it); returns its id. */
export function addResource(draft: BudgetDraft): number {
  const id = draft.nextId++;
  draft.resources.push({ id, label: '', kind: 'time', limit: '', unit: '' });
  for (const c of draft.channels) c.use[id] = '';
  return id;
}

export function removeResource(draft: BudgetDraft, index: number): void {
  const [removed] = draft.resources.splice(index, 1);
  if (removed) for (const c of draft.channels) delete c.use[removed.id];
}

/** Adds a channel with empty cells for every resource and segment; returns its id. */
export function addChannel(draft: BudgetDraft): number {
  const channel = emptyChannel(draft.nextId++);
  for (const r of draft.resources) channel.use[r.id] = '';
  for (const s of draft.segments) channel.bySegment[s.id] = { returnPerUnit: '', costPerCustomer: '' };
  draft.channels.push(channel);
  return channel.id;
}

export function removeChannel(draft: BudgetDraft, index: number): void {
  draft.channels.splice(index, 1);
}

/** Adds a segment (every channel gets empty figures for it); returns its id. */
export function addSegment(draft: BudgetDraft): number {
  const id = draft.nextId++;
  draft.segments.push({ id, label: '' });
  for (const c of draft.channels) c.bySegment[id] = { returnPerUnit: '', costPerCustomer: '' };
  return id;
}

/** Removes a segment and its figures; goals that counted it now count all (the form shows it). */
export function removeSegment(draft: BudgetDraft, index: number): void {
  const [removed] = draft.segments.splice(index, 1);
  if (!removed) return;
  for (const c of draft.channels) delete c.bySegment[removed.id];
  for (const g of draft.goals) if (g.segment === removed.id) g.segment = null;
}

export function addGoal(draft: BudgetDraft): number {
  const id = draft.nextId++;
  draft.goals.push({ id, kind: 'customers', atLeast: '', segment: null });
  return id;
}

export function removeGoal(draft: BudgetDraft, index: number): void {
  draft.goals.splice(index, 1);
}
