import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loyaltyWorkerApi } from '../../../src/workers/loyalty-api';
import { getNumbers, getStrings, type Dataset } from '../../../src/core';
import { parsed } from '../../helpers/datasets';

const telco: Dataset = { ...parsed(new Uint8Array(readFileSync(resolve(process.cwd(), 'public/samples/telco-churn.csv')))), name: 'telco-churn.csv' };

/** Counts rows by hand, without the engine: how many match `where`. */
function countRows(where: (row: number) => boolean): number {
  let n = 0;
  for (let row = 0; row < telco.rowCount; row++) if (where(row)) n++;
  return n;
}

const churn = getStrings(telco, 'Churn');
const contract = getStrings(telco, 'Contract');
const tenure = getNumbers(telco, 'tenure');
const stayed = (row: number) => churn[row] === 'No';
const left = (row: number) => churn[row] === 'Yes';

describe('loyaltyWorkerApi.calculate', () => {
  it('works the example of the strategy text: 0.8 × 0.6 / (0.8 × 0.6 + 0.2 × 0.4) = 0.48 / 0.56 = 6/7', () => {
    const result = loyaltyWorkerApi.calculate({ prior: 0.6, evidence: [{ likelihood: 0.8, falseAlarm: 0.2 }] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first] = result.value.steps;
    expect(first.step.jointPositive).toBeCloseTo(0.48, 12);
    expect(first.step.jointNegative).toBeCloseTo(0.08, 12);
    expect(first.step.evidence).toBeCloseTo(0.56, 12);
    expect(result.value.posterior).toBeCloseTo(6 / 7, 12);
    const tree = first.tree;
    expect([tree.population, tree.loyal, tree.loyalWithEvidence, tree.notLoyal, tree.notLoyalWithEvidence, tree.withEvidence]).toEqual([1000, 600, 480, 400, 80, 560]);
    expect(first.icons.groups.map((g) => g.count)).toEqual([48, 12, 8, 32]);
  });

  it('chains: the posterior of one step is the prior of the next (6/7, then 12/13)', () => {
    const result = loyaltyWorkerApi.calculate({ prior: 0.6, evidence: [{ likelihood: 0.8, falseAlarm: 0.2 }, { likelihood: 0.5, falseAlarm: 0.25 }] });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.steps[1].step.prior).toBeCloseTo(6 / 7, 12);
    // By hand: (6/7 · 0.5) / (6/7 · 0.5 + 1/7 · 0.25) = 3/7 / (3/7 + 1/28) = 12/13.
    expect(result.value.posterior).toBeCloseTo(12 / 13, 12);
    expect(result.value.steps[1].tree.loyal).toBe(857);
  });

  it('answers the prior itself when there is no evidence', () => {
    const result = loyaltyWorkerApi.calculate({ prior: 0.3, evidence: [] });
    expect(result).toEqual({ ok: true, value: { steps: [], posterior: 0.3 } });
  });

  it('refuses a probability outside [0, 1], naming the field and the step', () => {
    const result = loyaltyWorkerApi.calculate({ prior: 0.6, evidence: [{ likelihood: 0.8, falseAlarm: 0.2 }, { likelihood: 1.2, falseAlarm: 0.2 }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('PROBABILITY_OUT_OF_RANGE');
    expect(result.error.params).toMatchObject({ which: 'likelihood', step: 2, value: 1.2 });
  });

  it('refuses evidence that can never be seen', () => {
    const result = loyaltyWorkerApi.calculate({ prior: 0.6, evidence: [{ likelihood: 0, falseAlarm: 0 }] });
    expect(!result.ok && result.error.code).toBe('EVIDENCE_IMPOSSIBLE');
  });
});

describe('loyaltyWorkerApi.describeColumns', () => {
  it('lists the values of Churn with their counts, and sees which columns are numbers', () => {
    const result = loyaltyWorkerApi.describeColumns(telco);
    if (!result.ok) throw new Error(result.error.message);
    const byName = new Map(result.value.map((c) => [c.name, c]));
    const churnInfo = byName.get('Churn')!;
    expect(churnInfo.distinct).toBe(2);
    expect(churnInfo.values).toEqual([
      { value: 'No', count: countRows(stayed) },
      { value: 'Yes', count: countRows(left) },
    ]);
    expect(byName.get('tenure')!.binned).toBe(true);
    expect(byName.get('Contract')!.binned).toBe(false);
    expect(byName.get('Contract')!.flag).toBeNull();
  });

  it('flags an identifier column, a constant one and one with too many values', () => {
    const lines = ['customer,plan,country,note,renewed'];
    for (let i = 0; i < 60; i++) lines.push(`C${1000 + i},${i % 2 ? 'basic' : 'pro'},FR,n${i % 55},${i % 3 ? 'yes' : 'no'}`);
    const result = loyaltyWorkerApi.describeColumns(parsed(lines.join('\n')));
    if (!result.ok) throw new Error(result.error.message);
    const flags = Object.fromEntries(result.value.map((c) => [c.name, c.flag]));
    expect(flags).toMatchObject({ customer: 'id', plan: null, country: 'constant', note: 'manyLevels', renewed: null });
  });
});

describe('loyaltyWorkerApi.learn on the Telco sample', () => {
  const learned = loyaltyWorkerApi.learn(telco, { outcome: 'Churn', positive: 'No', evidence: ['Contract', 'tenure'], bins: 4 });
  if (!learned.ok) throw new Error(learned.error.message);
  const model = learned.value;

  it('learns the prior of staying with Laplace smoothing: (stayed + 1) / (all + 2)', () => {
    const n = countRows((row) => churn[row] !== null);
    const k = countRows(stayed);
    expect(n).toBe(7043);
    expect(k).toBe(5174);
    expect(model.prior).toMatchObject({ positive: k, negative: n - k, total: n });
    expect(model.prior.probability).toBeCloseTo((k + 1) / (n + 2), 12);
    expect(model.prior.probability).toBeCloseTo(0.734564, 6);
  });

  it('counts Contract = Month-to-month in each class and smooths it: (count + 1) / (class size + K)', () => {
    const contractColumn = model.evidence.find((e) => e.column === 'Contract')!;
    const K = new Set(contract.filter((v) => v !== null)).size;
    expect(K).toBe(3);
    expect(contractColumn.levels).toHaveLength(K);
    const level = contractColumn.levels.find((l) => l.key === 'Month-to-month')!;
    const mtmStayed = countRows((row) => stayed(row) && contract[row] === 'Month-to-month');
    const mtmLeft = countRows((row) => left(row) && contract[row] === 'Month-to-month');
    expect([level.countPositive, level.countNegative]).toEqual([mtmStayed, mtmLeft]);
    expect(mtmLeft).toBe(1655);
    expect(level.pGivenPositive).toBeCloseTo((mtmStayed + 1) / (5174 + K), 12);
    expect(level.pGivenNegative).toBeCloseTo((mtmLeft + 1) / (1869 + K), 12);
    // P(stays | month-to-month) from the smoothed numbers, and its lift over the prior.
    const prior = 5175 / 7045;
    const l = (mtmStayed + 1) / (5174 + K);
    const f = (mtmLeft + 1) / (1869 + K);
    const posterior = (prior * l) / (prior * l + (1 - prior) * f);
    expect(level.posterior).toBeCloseTo(posterior, 12);
    expect(level.lift).toBeCloseTo(posterior / prior, 12);
    expect(level.lift).toBeLessThan(1);
    const twoYear = contractColumn.levels.find((l) => l.key === 'Two year')!;
    expect(twoYear.lift).toBeGreaterThan(1.3);
  });

  it('cuts tenure into four quantile bins whose counts add up to the customers', () => {
    const tenureColumn = model.evidence.find((e) => e.column === 'tenure')!;
    expect(tenureColumn.kind).toBe('number');
    // Quartiles of tenure (type 7, as numpy): 0, 9, 29, 55, 72.
    const sorted = Float64Array.from(tenure).sort();
    const q = (p: number) => {
      const h = (sorted.length - 1) * p;
      return sorted[Math.floor(h)] + (h - Math.floor(h)) * (sorted[Math.ceil(h)] - sorted[Math.floor(h)]);
    };
    expect(tenureColumn.edges).toEqual([q(0), q(0.25), q(0.5), q(0.75), q(1)]);
    expect(tenureColumn.edges).toEqual([0, 9, 29, 55, 72]);
    const first = tenureColumn.levels[0];
    expect(first.countPositive).toBe(countRows((row) => stayed(row) && tenure[row] <= 9));
    expect(first.countNegative).toBe(countRows((row) => left(row) && tenure[row] <= 9));
    expect(tenureColumn.levels.reduce((sum, l) => sum + l.count, 0)).toBe(7043);
  });

  it('combines Contract = Month-to-month and tenure 0 to 9 by naive Bayes, with a tree of the same numbers', () => {
    const combined = loyaltyWorkerApi.combine(model, { Contract: 'Month-to-month', tenure: 'bin:0' });
    if (!combined.ok) throw new Error(combined.error.message);
    const prior = 5175 / 7045;
    const mtm = { l: (countRows((r) => stayed(r) && contract[r] === 'Month-to-month') + 1) / (5174 + 3), f: (countRows((r) => left(r) && contract[r] === 'Month-to-month') + 1) / (1869 + 3) };
    const short = { l: (countRows((r) => stayed(r) && tenure[r] <= 9) + 1) / (5174 + 4), f: (countRows((r) => left(r) && tenure[r] <= 9) + 1) / (1869 + 4) };
    const after1 = (prior * mtm.l) / (prior * mtm.l + (1 - prior) * mtm.f);
    const after2 = (after1 * short.l) / (after1 * short.l + (1 - after1) * short.f);
    expect(combined.value.combined.steps.map((s) => s.posterior)).toEqual([expect.closeTo(after1, 12), expect.closeTo(after2, 12)]);
    expect(combined.value.combined.posterior).toBeCloseTo(0.328711, 6);
    const tree = combined.value.tree!;
    expect(tree.loyalWithEvidence + tree.notLoyalWithEvidence).toBe(tree.withEvidence);
    expect(tree.posterior!).toBeCloseTo(after2, 2);
  });

  it('gives the prior, and no tree, when no level is chosen', () => {
    const combined = loyaltyWorkerApi.combine(model, {});
    if (!combined.ok) throw new Error(combined.error.message);
    expect(combined.value.combined.posterior).toBe(model.prior.probability);
    expect(combined.value.tree).toBeNull();
  });

  it('passes on the engine’s refusals as results', () => {
    const single = loyaltyWorkerApi.learn(parsed('plan,renewed\na,yes\nb,yes\n'), { outcome: 'renewed', positive: 'yes', evidence: ['plan'] });
    expect(!single.ok && single.error.code).toBe('OUTCOME_SINGLE_VALUE');
    const bins = loyaltyWorkerApi.learn(telco, { outcome: 'Churn', positive: 'No', evidence: ['tenure'], bins: 1 });
    expect(!bins.ok && bins.error.code).toBe('BINS_INVALID');
    const unknown = loyaltyWorkerApi.combine(model, { PaymentMethod: 'Electronic check' });
    expect(!unknown.ok && unknown.error.code).toBe('EVIDENCE_COLUMN_UNKNOWN');
  });
});
