import { describe, expect, it } from 'vitest';
import { buildBudgetModel, sampleBudgetPlan, type BudgetPlan, type BuiltBudgetModel } from '../../../../src/core/lp/budget-model';
import { LP_NAME } from '../../../../src/core/lp/lp-model';
import { solveLp, type LpSolution } from '../../../../src/core/lp/solve-lp';
import { hasMessage } from '../../../../src/lib/i18n/i18n';
import { glpk } from '../../../helpers/lp';

function built(plan: BudgetPlan): BuiltBudgetModel {
  const result = buildBudgetModel(plan);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function solved(plan: BudgetPlan): Promise<LpSolution> {
  const result = await solveLp(built(plan).model, { solver: glpk });
  if (!result.ok) throw new Error(result.error.message);
  if (result.value.status !== 'optimal') throw new Error(result.value.status);
  return result.value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Two channels, two resources, one goal. By hand:
 *   max 3 D + 2 O
 *   Budget: D + O ≤ 100,000;  Hours: 0.002 D ≤ 200;  customers: D/10,000 + O/2,000 ≥ 30
 *   0 ≤ D ≤ 60,000;  O ≥ 10,000.
 * Without the goal D = 60,000, O = 40,000 wins only 6 + 20 = 26 customers. Moving ¥1 from D
 * to O costs ¥1 of revenue and wins 0.0004 customers, so 4 more customers take ¥10,000:
 * D = 50,000, O = 50,000, Z = 250,000. Budget and goal bind (duals 3.25 and −2,500 from
 * 3 = y_B + 0.0001 y_G, 2 = y_B + 0.0005 y_G); both variables are inside their bounds, so
 * the vertex is the only optimum.
 */
function smallPlan(): BudgetPlan {
  return {
    objective: 'revenue',
    resources: [
      { label: 'Budget', kind: 'money', limit: 100_000 },
      { label: 'Hours', kind: 'time', limit: 200 },
    ],
    channels: [
      { label: 'Direct', returnPerUnit: 3, costPerCustomer: 10_000, maxSpend: 60_000, use: [undefined, 0.002] },
      { label: 'Online', returnPerUnit: 2, costPerCustomer: 2_000, minSpend: 10_000 },
    ],
    goals: [{ kind: 'customers', atLeast: 30 }],
  };
}

describe('buildBudgetModel', () => {
  it('writes the rows and coefficients derived by hand', () => {
    const b = built(smallPlan());
    expect(b.model.sense).toBe('max');
    expect(b.model.objectiveName).toBe('total_revenue');
    expect(b.model.variables).toEqual([
      { name: 'Direct', objective: 3, upper: 60_000 },
      { name: 'Online', objective: 2, lower: 10_000 },
    ]);
    expect(b.model.constraints.map((c) => ({ ...c, terms: { ...c.terms } }))).toEqual([
      { name: 'Budget', terms: { Direct: 1, Online: 1 }, op: '<=', rhs: 100_000 },
      { name: 'Hours', terms: { Direct: 0.002 }, op: '<=', rhs: 200 },
      { name: 'goal_new_customers', terms: { Direct: 0.0001, Online: 0.0005 }, op: '>=', rhs: 30 },
    ]);
  });

  it('explains every row, and the channel limits as bounds of their variables', () => {
    const b = built(smallPlan());
    expect(b.rows.map((r) => [r.name, r.kind, r.in, r.op, r.rhs, r.explanation])).toEqual([
      ['Budget', 'resource', 'constraints', '<=', 100_000, { what: 'resource', resource: 'Budget', kind: 'money' }],
      ['Hours', 'resource', 'constraints', '<=', 200, { what: 'resource', resource: 'Hours', kind: 'time' }],
      ['goal_new_customers', 'goal', 'constraints', '>=', 30, { what: 'customers' }],
      ['Direct', 'bound', 'bounds', '<=', 60_000, { what: 'maxSpend', channel: 'Direct' }],
      ['Online', 'bound', 'bounds', '>=', 10_000, { what: 'minSpend', channel: 'Online' }],
    ]);
    expect(b.rows[0].terms).toEqual([
      { name: 'Direct', label: 'Direct', coefficient: 1 },
      { name: 'Online', label: 'Online', coefficient: 1 },
    ]);
    expect(b.objective).toEqual({
      name: 'total_revenue',
      sense: 'max',
      what: 'revenue',
      terms: [
        { name: 'Direct', label: 'Direct', coefficient: 3 },
        { name: 'Online', label: 'Online', coefficient: 2 },
      ],
    });
    expect(b.variables).toEqual([
      { name: 'Direct', label: 'Direct', role: 'spend', channel: 'Direct' },
      { name: 'Online', label: 'Online', role: 'spend', channel: 'Online' },
    ]);
    expect(b.unusedResources).toEqual([]);
  });

  it('gives the hand-derived optimum when solved', async () => {
    const s = await solved(smallPlan());
    expect(s.objective).toBeCloseTo(250_000, 6);
    expect(s.values!.Direct).toBeCloseTo(50_000, 6);
    expect(s.values!.Online).toBeCloseTo(50_000, 6);
    expect(s.duals!.Budget).toBeCloseTo(3.25, 9);
    expect(s.duals!.goal_new_customers).toBeCloseTo(-2_500, 6);
    expect(s.duals!.Hours).toBeCloseTo(0, 9);
    expect(s.alternativeOptima).toBe(false);
  });

  it('finds the cheapest spend that meets both goals when asked to minimise spend', async () => {
    // min D + O  s.t. D/10,000 + O/2,000 ≥ 24 and 3 D + 2 O ≥ 200,000: the two goal rows meet at
    // D = O = 40,000 (4 + 20 customers, 120,000 + 80,000 revenue). Their duals
    // 1 = 0.0001 y_c + 3 y_r, 1 = 0.0005 y_c + 2 y_r give y_r = 4/13, y_c = 10,000/13, both ≥ 0.
    const plan: BudgetPlan = { ...smallPlan(), objective: 'spend', goals: [{ kind: 'customers', atLeast: 24 }, { kind: 'revenue', atLeast: 200_000 }] };
    const b = built(plan);
    expect(b.model.sense).toBe('min');
    expect(b.model.variables.map((v) => v.objective)).toEqual([1, 1]);
    expect(b.model.constraints.at(-1)).toEqual({ name: 'goal_revenue', terms: { Direct: 3, Online: 2 }, op: '>=', rhs: 200_000 });
    const s = await solved(plan);
    expect(s.objective).toBeCloseTo(80_000, 6);
    expect(s.values!.Direct).toBeCloseTo(40_000, 6);
    expect(s.values!.Online).toBeCloseTo(40_000, 6);
    expect(s.duals!.goal_revenue).toBeCloseTo(4 / 13, 9);
  });

  it('maximises the net return (revenue minus spend) when asked', () => {
    const b = built({ ...smallPlan(), objective: 'net' });
    expect(b.model.objectiveName).toBe('net_return');
    expect(b.model.variables.map((v) => v.objective)).toEqual([2, 1]);
  });

  it('buys a channel in whole units through an integer count', async () => {
    // Events return most but come in ¥30,000 units, at most ¥100,000: 3 events (90,000), and
    // the last 10,000 of the budget goes online. Z = 2.5 · 90,000 + 2 · 10,000 = 245,000.
    const plan: BudgetPlan = {
      objective: 'revenue',
      resources: [{ label: 'Budget', kind: 'money', limit: 100_000 }],
      channels: [
        { label: 'Events', returnPerUnit: 2.5, maxSpend: 100_000, unitCost: 30_000 },
        { label: 'Online', returnPerUnit: 2 },
      ],
      goals: [],
    };
    const b = built(plan);
    expect(b.model.variables).toEqual([
      { name: 'Events', objective: 2.5, upper: 100_000 },
      { name: 'n_Events', objective: 0, integer: true },
      { name: 'Online', objective: 2 },
    ]);
    const units = b.model.constraints.find((c) => c.name === 'units_Events');
    expect(units && { ...units, terms: { ...units.terms } }).toEqual({ name: 'units_Events', terms: { Events: 1, n_Events: -30_000 }, op: '=', rhs: 0 });
    expect(b.rows.find((r) => r.kind === 'units')?.explanation).toEqual({ what: 'units', channel: 'Events', unitCost: 30_000 });
    expect(b.variables[1]).toEqual({ name: 'n_Events', label: 'Events · units', role: 'units', channel: 'Events' });
    const s = await solved(plan);
    expect(s.integer).toBe(true);
    expect(s.objective).toBeCloseTo(245_000, 6);
    expect(s.values).toEqual({ Events: 90_000, n_Events: 3, Online: 10_000 });
  });

  it('splits channels by segment, with segment goals and the channel limits as rows', async () => {
    // Direct returns 3 from manufacturers but 1.5 from retailers; online 2 from both. At least
    // 60,000 revenue must come from retailers: online reaches it for 30,000 (losing 1 per ¥
    // against direct to manufacturers), direct would need 40,000 (losing 1.5 per ¥). So
    // Direct·Manufacturers = 70,000 and Online·Retailers = 30,000: Z = 210,000 + 60,000 = 270,000.
    // Duals y_B = 3, y_G = −0.5; reduced costs −0.75 (Direct·Retailers) and −1
    // (Online·Manufacturers): the optimum is unique.
    const plan: BudgetPlan = {
      objective: 'revenue',
      resources: [{ label: 'Budget', kind: 'money', limit: 100_000 }],
      segments: [{ label: 'Manufacturers' }, { label: 'Retailers' }],
      channels: [
        { label: 'Direct', returnPerUnit: 3, maxSpend: 80_000, segments: [undefined, { returnPerUnit: 1.5 }] },
        { label: 'Online', returnPerUnit: 2 },
      ],
      goals: [{ kind: 'revenue', atLeast: 60_000, segment: 'Retailers' }],
    };
    const b = built(plan);
    expect(b.model.variables).toEqual([
      { name: 'Direct_Manufacturers', objective: 3 },
      { name: 'Direct_Retailers', objective: 1.5 },
      { name: 'Online_Manufacturers', objective: 2 },
      { name: 'Online_Retailers', objective: 2 },
    ]);
    expect(b.model.constraints.map((c) => [c.name, { ...c.terms }, c.op, c.rhs])).toEqual([
      ['Budget', { Direct_Manufacturers: 1, Direct_Retailers: 1, Online_Manufacturers: 1, Online_Retailers: 1 }, '<=', 100_000],
      ['goal_revenue_Retailers', { Direct_Retailers: 1.5, Online_Retailers: 2 }, '>=', 60_000],
      ['Direct_max', { Direct_Manufacturers: 1, Direct_Retailers: 1 }, '<=', 80_000],
    ]);
    expect(b.labels.Direct_Retailers).toBe('Direct · Retailers');
    expect(b.rows.find((r) => r.name === 'Direct_max')).toMatchObject({ kind: 'bound', in: 'constraints', explanation: { what: 'maxSpend', channel: 'Direct' } });
    expect(b.rows.find((r) => r.kind === 'goal')?.explanation).toEqual({ what: 'revenue', segment: 'Retailers' });
    const s = await solved(plan);
    expect(s.objective).toBeCloseTo(270_000, 6);
    expect(s.values!.Direct_Manufacturers).toBeCloseTo(70_000, 6);
    expect(s.values!.Online_Retailers).toBeCloseTo(30_000, 6);
    expect(s.values!.Direct_Retailers).toBeCloseTo(0, 6);
    expect(s.alternativeOptima).toBe(false);
  });

  it('derives valid, unique names from Chinese labels, spaces and signs, and keeps the labels', async () => {
    const plan: BudgetPlan = {
      objective: 'revenue',
      resources: [
        { label: '预算', kind: 'money', limit: 100_000 },
        { label: '销售 工时', kind: 'time', limit: 500 },
      ],
      channels: [
        { label: '直销', returnPerUnit: 3, use: [undefined, 0.004] },
        { label: '经销商', returnPerUnit: 2.2 },
        { label: '线上 广告', returnPerUnit: 1.5, maxSpend: 20_000 },
        { label: '线上-广告', returnPerUnit: 1.4 },
        { label: '2024 展会', returnPerUnit: 2 },
        { label: 'free', returnPerUnit: 1 },
        { label: '+ − × ÷', returnPerUnit: 1 },
      ],
      goals: [],
    };
    const b = built(plan);
    const names = [...b.model.variables.map((v) => v.name), ...b.model.constraints.map((c) => c.name), b.model.objectiveName!];
    expect(names.filter((n) => !LP_NAME.test(n))).toEqual([]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(b.model.variables.map((v) => v.name)).toEqual(['直销', '经销商', '线上_广告', '线上_广告_2', 'channel5_2024_展会', 'free_', 'channel7']);
    expect(b.model.constraints.map((c) => c.name)).toEqual(['预算', '销售_工时']);
    expect(b.labels).toMatchObject({ 线上_广告: '线上 广告', 线上_广告_2: '线上-广告', channel5_2024_展会: '2024 展会', 销售_工时: '销售 工时', channel7: '+ − × ÷' });
    // glpk.js takes the names as they are: 100,000 between 直销 (4,000 of it fits 500 hours /
    // 0.004 = 125,000) and nothing else.
    const s = await solved(plan);
    expect(s.values!['直销']).toBeCloseTo(100_000, 6);
    expect(s.objective).toBeCloseTo(300_000, 6);
  });

  it('cuts long labels and leaves out resources no channel uses', () => {
    const b = built({
      objective: 'revenue',
      resources: [
        { label: 'Budget', kind: 'money', limit: 10 },
        { label: 'CRM seats', kind: 'tools', limit: 3 },
      ],
      channels: [{ label: 'A very long channel name that goes on and on beyond any sensible length', returnPerUnit: 1 }],
      goals: [{ kind: 'customers', atLeast: 0 }],
    });
    expect(Array.from(b.model.variables[0].name).length).toBe(40);
    expect(b.unusedResources).toEqual(['CRM seats']);
    expect(b.model.constraints.map((c) => c.name)).toEqual(['Budget']);
  });

  it('does not change the plan it is given', () => {
    const plan = deepFreeze(sampleBudgetPlan());
    expect(buildBudgetModel(plan).ok).toBe(true);
  });
});

describe('buildBudgetModel, bad input', () => {
  const base = smallPlan;
  const cases: [string, () => BudgetPlan, string, Record<string, unknown>?][] = [
    ['no channels', () => ({ ...base(), channels: [] }), 'BUDGET_NO_CHANNELS'],
    ['an unknown objective', () => ({ ...base(), objective: 'profit' as never }), 'BUDGET_OBJECTIVE'],
    ['a channel without a name', () => ({ ...base(), channels: [base().channels[0], { label: '  ', returnPerUnit: 1 }] }), 'BUDGET_LABEL_EMPTY', { what: 'channel', row: 2 }],
    ['two channels with one name', () => ({ ...base(), channels: [base().channels[0], { label: ' direct ', returnPerUnit: 1 }] }), 'BUDGET_LABEL_DUPLICATE', { what: 'channel', row: 2, label: 'direct' }],
    ['an unknown resource kind', () => ({ ...base(), resources: [{ label: 'Budget', kind: 'gold' as never, limit: 1 }] }), 'BUDGET_RESOURCE_KIND', { what: 'resource', row: 1 }],
    ['a return that is not a number', () => ({ ...base(), channels: [{ label: 'Direct', returnPerUnit: Number.NaN }] }), 'BUDGET_NUMBER', { what: 'channel', row: 1, field: 'returnPerUnit' }],
    ['an infinite limit', () => ({ ...base(), resources: [{ label: 'Budget', kind: 'money', limit: Number.POSITIVE_INFINITY }] }), 'BUDGET_NUMBER', { what: 'resource', field: 'limit' }],
    ['a negative limit', () => ({ ...base(), resources: [{ label: 'Budget', kind: 'money', limit: -5 }] }), 'BUDGET_NEGATIVE', { what: 'resource', row: 1, field: 'limit', value: -5 }],
    ['a negative use', () => ({ ...base(), channels: [{ label: 'Direct', returnPerUnit: 1, use: [undefined, -1] }] }), 'BUDGET_NEGATIVE', { field: 'use', column: 2, resource: 'Hours' }],
    ['a zero spend per customer', () => ({ ...base(), channels: [{ label: 'Direct', returnPerUnit: 1, costPerCustomer: 0 }] }), 'BUDGET_NOT_POSITIVE', { field: 'costPerCustomer' }],
    ['a minimum above the maximum', () => ({ ...base(), channels: [{ label: 'Direct', returnPerUnit: 1, minSpend: 5, maxSpend: 4 }] }), 'BUDGET_MIN_ABOVE_MAX', { min: 5, max: 4, field: 'minSpend' }],
    ['whole units that fit no spend', () => ({ ...base(), channels: [{ label: 'Events', returnPerUnit: 1, unitCost: 30_000, minSpend: 40_000, maxSpend: 50_000 }] }), 'BUDGET_UNITS_NO_FIT', { unitCost: 30_000 }],
    ['a zero unit cost', () => ({ ...base(), channels: [{ label: 'Events', returnPerUnit: 1, unitCost: 0 }] }), 'BUDGET_NOT_POSITIVE', { field: 'unitCost' }],
    ['uses for resources the plan lacks', () => ({ ...base(), channels: [{ label: 'Direct', returnPerUnit: 1, use: [1, 1, 1] }] }), 'BUDGET_SHAPE', { field: 'use' }],
    ['a segment return that is not a number', () => ({ ...base(), segments: [{ label: 'Retail' }], channels: [{ label: 'Direct', returnPerUnit: 1, segments: [{ returnPerUnit: Number.NaN }] }] }), 'BUDGET_NUMBER', { field: 'returnPerUnit', column: 1, segment: 'Retail' }],
    ['an unknown goal kind', () => ({ ...base(), goals: [{ kind: 'share' as never, atLeast: 1 }] }), 'BUDGET_GOAL_KIND', { what: 'goal', row: 1 }],
    ['a negative goal', () => ({ ...base(), goals: [{ kind: 'revenue', atLeast: -1 }] }), 'BUDGET_NEGATIVE', { what: 'goal', field: 'atLeast' }],
    ['a goal in a segment the plan lacks', () => ({ ...base(), goals: [{ kind: 'revenue', atLeast: 1, segment: 'Retail' }] }), 'BUDGET_GOAL_SEGMENT', { segment: 'Retail' }],
    ['a customer goal no channel serves', () => ({ ...base(), channels: [{ label: 'Direct', returnPerUnit: 1 }] }), 'BUDGET_GOAL_UNREACHABLE', { what: 'goal', row: 1, kind: 'customers' }],
    ['a channel nothing limits', () => ({ ...base(), resources: [{ label: 'Hours', kind: 'time', limit: 5 }], channels: [{ label: 'Direct', returnPerUnit: 2 }], goals: [] }), 'BUDGET_UNLIMITED', { label: 'Direct', row: 1 }],
  ];

  it.each(cases)('refuses %s with its code', (_, plan, code, params) => {
    const result = buildBudgetModel(plan());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    if (params) expect(result.error.params).toMatchObject(params);
  });

  it('has a message for every code it gives', () => {
    const codes = new Set(cases.map(([, , code]) => code));
    expect([...codes].filter((code) => !hasMessage(`error.${code}`))).toEqual([]);
  });

  it('lets a channel without a maximum through when spend is minimised', () => {
    expect(buildBudgetModel({ ...smallPlan(), resources: [], channels: [{ label: 'Direct', returnPerUnit: 2, costPerCustomer: 100 }], objective: 'spend' }).ok).toBe(true);
  });
});

describe('sampleBudgetPlan', () => {
  it('is five channels, ¥500,000, 1,500 sales hours and a goal of 30 new customers', () => {
    const plan = sampleBudgetPlan();
    expect(plan.channels.map((c) => c.label)).toEqual(['Direct sales', 'Distributors', 'Agents', 'Online', 'Events']);
    expect(plan.resources.map((r) => [r.kind, r.limit])).toEqual([
      ['money', 500_000],
      ['time', 1_500],
    ]);
    expect(plan.goals).toEqual([{ kind: 'customers', atLeast: 30 }]);
  });

  it('has the unique optimum derived by hand', async () => {
    // Guess the basis: agents at their maximum (100,000), events at 0, and budget, hours and
    // the customer goal binding. Then for direct d, distributors s and online o:
    //   d + s + o = 400,000;  0.008 d + 0.001 s = 1,500 − 200;  d/20,000 + s/40,000 + o/5,000 = 30 − 2.5
    // The hours row gives s = 1,300,000 − 8 d, the budget o = 7 d − 900,000, and the goal
    // 0.00125 d − 147.5 = 27.5: d = 140,000, s = 180,000, o = 80,000 (all inside their bounds).
    // Z = 3·140,000 + 2.2·180,000 + 2.5·100,000 + 1.5·80,000 = 1,186,000.
    // Duals from the basic columns (3 = y_B + 0.008 y_H + 0.00005 y_N, 2.2 = y_B + 0.001 y_H
    // + 0.000025 y_N, 1.5 = y_B + 0.0002 y_N): y_N = −3,280, y_H = 126, y_B = 2.156 — signs
    // right for max with ≤, ≤, ≥ rows. Reduced costs: agents 2.5 − (2.156 + 0.252 − 0.082) =
    // +0.174 at its upper bound, events 2 − (2.156 + 0.63 − 0.164) = −0.622 at 0. None is 0,
    // and no basic variable sits on a bound: the optimum is unique.
    const s = await solved(sampleBudgetPlan());
    const b = built(sampleBudgetPlan());
    const byLabel = Object.fromEntries(b.variables.map((v) => [v.label, s.values![v.name]]));
    expect(s.objective).toBeCloseTo(1_186_000, 4);
    expect(byLabel['Direct sales']).toBeCloseTo(140_000, 4);
    expect(byLabel.Distributors).toBeCloseTo(180_000, 4);
    expect(byLabel.Agents).toBeCloseTo(100_000, 4);
    expect(byLabel.Online).toBeCloseTo(80_000, 4);
    expect(byLabel.Events).toBeCloseTo(0, 4);
    const dual = (label: string) => s.duals![b.rows.find((r) => b.labels[r.name] === label && r.in === 'constraints')!.name];
    expect(dual('Marketing and sales budget')).toBeCloseTo(2.156, 9);
    expect(dual('Sales team hours')).toBeCloseTo(126, 6);
    expect(dual('New customers')).toBeCloseTo(-3_280, 4);
    expect(s.reducedCosts!.Agents).toBeCloseTo(0.174, 9);
    expect(s.reducedCosts!.Events).toBeCloseTo(-0.622, 9);
    expect(s.alternativeOptima).toBe(false);
  });
});
