import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsed } from '../../../helpers/datasets';
import { crossValidateChurn, prepareChurn, scoreRows, trainChurnModel, type ChurnOptions } from '../../../../src/core/churn/train-churn-model';
import { retypeColumn, type Dataset } from '../../../../src/core';

const shared = (name: string) => parsed(new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data', name))));
const telco = shared('telco-churn.csv');

function trained(dataset: Dataset, options: ChurnOptions) {
  const result = trainChurnModel(dataset, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('trainChurnModel on the shared data sets', () => {
  // scikit-learn's forest on the same split, over 20 seeds: accuracy 0.7827 ± 0.0043, AUC 0.819.
  it('reaches scikit-learn quality on Telco (100 trees, stratified 80/20, seed 42)', () => {
    const r = trained(telco, { target: 'Churn', positive: 'Yes', trees: 100, seed: 42, permutationImportance: false });
    expect(r.accuracy).toBeGreaterThanOrEqual(0.775);
    expect(r.auc).toBeGreaterThanOrEqual(0.81);
    expect(r.accuracy).toBeGreaterThan(r.baselineAccuracy);
    // Stratified split of 5,174 No and 1,869 Yes: round(0.2·5174) + round(0.2·1869) = 1035 + 374.
    expect(r.rows).toEqual({ total: 7043, missingTarget: 0, train: 5634, test: 1409 });
    expect(r.report.classes.map((c) => c.support)).toEqual([1035, 374]);
    expect(r.baselineAccuracy).toBeCloseTo(1035 / 1409, 12);
    expect(r.classCounts).toEqual([
      { label: 'No', count: 5174 },
      { label: 'Yes', count: 1869 },
    ]);
    expect(r.flagged).toEqual([]);
    const total = r.importance.reduce((s, f) => s + f.importance, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(r.importance[0].importance).toBeGreaterThanOrEqual(r.importance[1].importance);
  });

  it('flags the id and the two leaking columns of bank-churners.csv and still does well', () => {
    const bank = shared('bank-churners.csv');
    const r = trained(bank, { target: 'Attrition_Flag', positive: 'Attrited Customer', trees: 60, seed: 7, permutationImportance: false });
    const flagged = Object.fromEntries(r.flagged.map((f) => [f.column, f.reason]));
    expect(flagged.CLIENTNUM).toBe('id');
    const leaks = r.flagged.filter((f) => f.reason === 'leak').map((f) => f.column);
    expect(leaks).toHaveLength(2);
    expect(leaks.every((c) => c.startsWith('Naive_Bayes_Classifier_'))).toBe(true);
    expect(r.columns).not.toContain('CLIENTNUM');
    expect(r.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(r.auc).toBeGreaterThanOrEqual(0.98);
  });

  it('keeps a flagged column the user chose to keep', () => {
    const bank = shared('bank-churners.csv');
    const leak = bank.columns[21].name;
    const r = trained(bank, { target: 'Attrition_Flag', positive: 'Attrited Customer', trees: 5, include: [leak], permutationImportance: false });
    expect(r.columns).toContain(leak);
  });

  it('is reproducible by seed', () => {
    const a = trained(telco, { target: 'Churn', trees: 10, seed: 3, permutationImportance: false });
    const b = trained(telco, { target: 'Churn', trees: 10, seed: 3, permutationImportance: false });
    expect(b.test.scores).toEqual(a.test.scores);
    expect(b.confusion).toEqual(a.confusion);
  });

  it('guesses the churn class from common words', () => {
    const r = trained(telco, { target: 'Churn', trees: 5, permutationImportance: false });
    expect(r.classes[r.positive]).toBe('Yes');
  });

  it('scores a data set with the same columns as the held-out rows were scored', () => {
    const r = trained(telco, { target: 'Churn', trees: 20, seed: 11, permutationImportance: false });
    const scores = scoreRows(r.model, telco);
    expect(scores.ok).toBe(true);
    if (scores.ok) r.test.rows.forEach((row, i) => expect(scores.value[row]).toBeCloseTo(r.test.scores[i], 12));
    // Models survive structured cloning (workers, IndexedDB) with their importance.
    const copy = structuredClone(r.model);
    expect(Array.from(copy.forest.importance)).toEqual(Array.from(r.model.forest.importance));
  });

  it('names a column the scored data set lacks', () => {
    const r = trained(telco, { target: 'Churn', trees: 2, permutationImportance: false });
    const fewer = { ...telco, columns: telco.columns.filter((c) => c.name !== 'tenure') };
    const scores = scoreRows(r.model, fewer);
    expect(scores.ok === false && scores.error).toMatchObject({ code: 'CHURN_MISSING_COLUMN', params: { column: 'tenure' } });
  });

  it('measures permutation importance on the held-out rows', () => {
    const r = trained(telco, { target: 'Churn', trees: 20, seed: 2 });
    expect(r.permutationImportance).toHaveLength(r.features.length);
    expect(r.permutationImportance[0].importance).toBeGreaterThan(0);
  });

  it('builds derived features from two columns', () => {
    const r = trained(telco, { target: 'Churn', trees: 5, derived: [{ name: 'tenure × monthly', left: 'tenure', right: 'MonthlyCharges', operation: 'product' }], permutationImportance: false });
    expect(r.features).toContain('tenure × monthly');
  });
});

describe('trainChurnModel: bad input', () => {
  const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

  it('refuses a target with one class', () => {
    const d = parsed(`x,churn\n${rows(30, (i) => `${i},No`)}\n`);
    expect(trainChurnModel(d, { target: 'churn' })).toMatchObject({ ok: false, error: { code: 'CHURN_ONE_CLASS' } });
  });

  it('refuses a target with many classes', () => {
    const d = parsed(`x,churn\n${rows(60, (i) => `${i},c${i % 30}`)}\n`);
    expect(trainChurnModel(d, { target: 'churn' })).toMatchObject({ ok: false, error: { code: 'CHURN_TOO_MANY_CLASSES' } });
  });

  it('refuses fewer than 20 usable rows, counting rows without a target', () => {
    const d = parsed(`x,churn\n${rows(30, (i) => `${i},${i < 15 ? '' : i % 2 ? 'Yes' : 'No'}`)}\n`);
    expect(trainChurnModel(d, { target: 'churn' })).toMatchObject({ ok: false, error: { code: 'CHURN_TOO_FEW_ROWS', params: { count: 15 } } });
  });

  it('drops rows without a target and says how many', () => {
    const d = parsed(`x,y,churn\n${rows(60, (i) => `${i % 7},${i % 3},${i < 5 ? '' : i % 2 ? 'Yes' : 'No'}`)}\n`);
    const r = trained(d, { target: 'churn', trees: 3, permutationImportance: false });
    expect(r.rows.missingTarget).toBe(5);
    expect(r.rows.train + r.rows.test).toBe(55);
  });

  it('refuses when no column is left to learn from', () => {
    const d = parsed(`id,churn\n${rows(30, (i) => `C-${1000 + i},${i % 2 ? 'Yes' : 'No'}`)}\n`);
    expect(trainChurnModel(d, { target: 'churn' })).toMatchObject({ ok: false, error: { code: 'CHURN_NO_FEATURES' } });
  });

  it('refuses an unknown target or churn class', () => {
    expect(trainChurnModel(telco, { target: 'Nope' })).toMatchObject({ ok: false, error: { code: 'CHURN_NO_TARGET' } });
    expect(trainChurnModel(telco, { target: 'Churn', positive: 'Maybe' })).toMatchObject({ ok: false, error: { code: 'CHURN_NO_POSITIVE' } });
  });

  it('stops when asked', () => {
    let calls = 0;
    const r = trainChurnModel(telco, { target: 'Churn', trees: 50, shouldStop: () => ++calls > 2 });
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});

describe('crossValidateChurn', () => {
  it('tests each of k stratified folds once, giving mean ± sd', () => {
    const r = crossValidateChurn(telco, { target: 'Churn', positive: 'Yes', trees: 20, seed: 5 }, 5);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.accuracy.values).toHaveLength(5);
    const mean = r.value.accuracy.values.reduce((s, v) => s + v, 0) / 5;
    expect(r.value.accuracy.mean).toBeCloseTo(mean, 12);
    const sd = Math.sqrt(r.value.accuracy.values.reduce((s, v) => s + (v - mean) ** 2, 0) / 4);
    expect(r.value.accuracy.sd).toBeCloseTo(sd, 12);
    expect(r.value.accuracy.mean).toBeGreaterThan(0.75);
    expect(r.value.auc.mean).toBeGreaterThan(0.78);
  });

  it('holds out disjoint folds that cover every row', () => {
    const seen = new Set<number>();
    for (let index = 0; index < 4; index++) {
      const p = prepareChurn(telco, { target: 'Churn', seed: 8 }, { index, folds: 4 });
      if (!p.ok) throw new Error(p.error.message);
      for (const row of p.value.testRows) {
        expect(seen.has(row)).toBe(false);
        seen.add(row);
      }
      expect(p.value.trainRows.length + p.value.testRows.length).toBe(7043);
    }
    expect(seen.size).toBe(7043);
  });
});

describe('trainChurnModel and missing numbers', () => {
  it('fills missing numbers with the training mean, in training and in scoring', () => {
    const messy = shared('telco-churn-messy.csv');
    const r = trained(messy, { target: 'Churn', positive: 'Yes', trees: 20, seed: 1, permutationImportance: false });
    expect(r.flagged.map((f) => f.column)).toEqual(['customerID']);
    const scores = scoreRows(r.model, messy);
    expect(scores.ok && Array.from(scores.value).every((v) => v >= 0 && v <= 1)).toBe(true);
    const spec = r.model.plan.specs.find((s) => s.kind === 'number' && s.column === 'TotalCharges');
    expect(spec && spec.kind === 'number' && Number.isFinite(spec.fill)).toBe(true);
  });
});

describe('scoreRows and column types', () => {
  it('refuses a column that holds text where the model learnt numbers, naming it', () => {
    const r = trained(telco, { target: 'Churn', trees: 2, permutationImportance: false });
    const tenure = telco.columns.find((c) => c.name === 'tenure')!;
    const asText = retypeColumn(tenure, 'category', telco.source);
    if (!asText.ok) throw new Error(asText.error.message);
    const changed = { ...telco, columns: telco.columns.map((c) => (c.name === 'tenure' ? asText.value : c)) };
    expect(scoreRows(r.model, changed)).toMatchObject({ ok: false, error: { code: 'CHURN_COLUMN_TYPE', params: { column: 'tenure' } } });
  });

  it('refuses a fold count outside 2..20 as a result, not an exception', () => {
    expect(crossValidateChurn(telco, { target: 'Churn', trees: 2 }, 1)).toMatchObject({ ok: false, error: { code: 'CHURN_BAD_FOLDS' } });
  });
});
