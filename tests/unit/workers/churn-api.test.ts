import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { churnWorkerApi } from '../../../src/workers/churn-api';
import { crossValidateChurn, scoreRows, trainChurnModel, type ChurnModel } from '../../../src/core/churn/train-churn-model';
import { churnModelToJson } from '../../../src/core/churn/model-file';
import type { Dataset } from '../../../src/core';
import type { ChurnProgress } from '../../../src/workers/protocol';
import { column, parsed } from '../../helpers/datasets';

const shared = (name: string) => parsed(new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data', name))));
const telco = shared('telco-churn.csv');

describe('churnWorkerApi.classesOf', () => {
  it('counts the classes most frequent first and the rows without a value', () => {
    const result = churnWorkerApi.classesOf(column(telco, 'Churn'));
    expect(result).toEqual({
      ok: true,
      value: {
        classes: [
          { label: 'No', count: 5174 },
          { label: 'Yes', count: 1869 },
        ],
        missing: 0,
      },
    });
  });

  it('orders ties by name, as the engine does, and counts missing cells', () => {
    const dataset = parsed('plan,left\na,b\nb,a\nc,\nd,b\ne,a\n');
    expect(churnWorkerApi.classesOf(column(dataset, 'left'))).toEqual({
      ok: true,
      value: {
        classes: [
          { label: 'a', count: 2 },
          { label: 'b', count: 2 },
        ],
        missing: 1,
      },
    });
  });
});

describe('churnWorkerApi.flag', () => {
  it('flags the id and the two leaking columns of bank-churners.csv', () => {
    const bank = shared('bank-churners.csv');
    const result = churnWorkerApi.flag(bank, 'Attrition_Flag', 'Attrited Customer');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const reasons = Object.fromEntries(result.value.map((f) => [f.column, f.reason]));
    expect(reasons.CLIENTNUM).toBe('id');
    const leaks = result.value.filter((f) => f.reason === 'leak');
    expect(leaks).toHaveLength(2);
    expect(leaks.every((f) => f.column.startsWith('Naive_Bayes_Classifier_') && f.separation! >= 0.99)).toBe(true);
  });

  it('gives the same flags the engine keeps out of training', () => {
    const bank = shared('bank-churners.csv');
    const flags = churnWorkerApi.flag(bank, 'Attrition_Flag', 'Attrited Customer');
    const trained = trainChurnModel(bank, { target: 'Attrition_Flag', positive: 'Attrited Customer', trees: 1, permutationImportance: false });
    expect(flags.ok && trained.ok).toBe(true);
    if (flags.ok && trained.ok) expect(flags.value).toEqual(trained.value.flagged);
  });

  it('flags nothing in the Telco sample', () => {
    expect(churnWorkerApi.flag(telco, 'Churn', 'Yes')).toEqual({ ok: true, value: [] });
  });

  it('answers a missing target or churn class with the engine’s codes', () => {
    expect(churnWorkerApi.flag(telco, 'Nope', 'Yes')).toMatchObject({ ok: false, error: { code: 'CHURN_NO_TARGET', params: { column: 'Nope' } } });
    expect(churnWorkerApi.flag(telco, 'Churn', 'Maybe')).toMatchObject({ ok: false, error: { code: 'CHURN_NO_POSITIVE', params: { value: 'Maybe' } } });
  });
});

describe('churnWorkerApi.train', () => {
  const options = { target: 'Churn', positive: 'Yes', trees: 12, seed: 5, permutationImportance: false };

  it('reports progress up to the last tree, then the evaluation, at most once per tree', () => {
    const seen: ChurnProgress[] = [];
    const result = churnWorkerApi.train(telco, options, (p) => seen.push(p));
    expect(result.ok).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(options.trees + 1);
    expect(seen.at(-2)).toEqual({ phase: 'trees', done: 12, total: 12 });
    expect(seen.at(-1)).toEqual({ phase: 'evaluating', done: 12, total: 12 });
    const trees = seen.filter((p) => p.phase === 'trees').map((p) => p.done);
    expect(trees).toEqual([...trees].sort((a, b) => a - b));
  });

  it('trains the model the engine trains with the same options and seed', () => {
    const result = churnWorkerApi.train(telco, options);
    const direct = trainChurnModel(telco, options);
    expect(result.ok && direct.ok).toBe(true);
    if (!result.ok || !direct.ok) return;
    expect(result.value.report.accuracy).toBe(direct.value.accuracy);
    expect(result.value.report.test.scores).toEqual(direct.value.test.scores);
    expect(result.value.report.model.forest.trees).toEqual(direct.value.model.forest.trees);
  });

  it('scores every row, riskiest first, with the held-out rows scored as in the report', () => {
    const result = churnWorkerApi.train(telco, options);
    if (!result.ok) throw new Error(result.error.message);
    const { scores, order, report } = result.value;
    expect(scores.length).toBe(7043);
    expect(order.length).toBe(7043);
    expect(new Set(order).size).toBe(7043);
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1], order[i]];
      expect(scores[a] > scores[b] || (scores[a] === scores[b] && a < b)).toBe(true);
    }
    report.test.rows.forEach((row, i) => expect(scores[row]).toBeCloseTo(report.test.scores[i], 12));
  });

  it('passes the engine’s refusals through as results', () => {
    const result = churnWorkerApi.train(telco, { ...options, target: 'gender', positive: 'Yes' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CHURN_NO_POSITIVE' } });
  });

  it('turns anything thrown inside into INTERNAL, never a throw', () => {
    const broken = { ...telco, columns: [{ ...telco.columns[0], storage: null }] } as unknown as Dataset;
    expect(churnWorkerApi.train(broken, { ...options, target: telco.columns[0].name })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(churnWorkerApi.classesOf(null as never)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(churnWorkerApi.flag(broken, telco.columns[0].name, 'x')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('churnWorkerApi.crossValidate', () => {
  const options = { target: 'Churn', positive: 'Yes', trees: 4, seed: 7, permutationImportance: true };

  it('gives the engine’s stratified k-fold figures for the same options', () => {
    const result = churnWorkerApi.crossValidate(telco, options, 3);
    const direct = crossValidateChurn(telco, options, 3);
    expect(result.ok && direct.ok).toBe(true);
    if (!result.ok || !direct.ok) return;
    expect(result.value).toEqual(direct.value);
    expect(result.value.folds).toBe(3);
    expect(result.value.accuracy.values).toHaveLength(3);
    expect(result.value.auc.values).toHaveLength(3);
    for (const value of [...result.value.accuracy.values, ...result.value.auc.values]) expect(value).toBeGreaterThan(0.6);
  });

  it('reports the trees grown over all folds as the phase “folds”, with the fold, ending on the last tree', () => {
    const seen: ChurnProgress[] = [];
    expect(churnWorkerApi.crossValidate(telco, options, 3, (p) => seen.push(p)).ok).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(12);
    expect(seen.every((p) => p.phase === 'folds' && p.total === 12 && p.folds === 3)).toBe(true);
    expect(seen.at(-1)).toEqual({ phase: 'folds', done: 12, total: 12, fold: 3, folds: 3 });
    const done = seen.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // Tree 1..4 belong to fold 1, 5..8 to fold 2, 9..12 to fold 3.
    for (const p of seen) if (p.phase === 'folds') expect(p.fold).toBe(Math.ceil(p.done / 4));
  });

  it('passes refusals through and turns a throw into INTERNAL', () => {
    expect(churnWorkerApi.crossValidate(telco, { ...options, target: 'Nope' }, 3)).toMatchObject({ ok: false, error: { code: 'CHURN_NO_TARGET' } });
    expect(churnWorkerApi.crossValidate(telco, options, 1)).toMatchObject({ ok: false, error: { code: 'CHURN_BAD_FOLDS' } });
    // A malformed data set makes the engine throw: that comes back as a result too.
    const broken = { ...telco, columns: null } as unknown as typeof telco;
    expect(churnWorkerApi.crossValidate(broken, options, 3)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('churnWorkerApi.score', () => {
  const messy = shared('telco-churn-messy.csv');
  const trained = trainChurnModel(telco, { target: 'Churn', positive: 'Yes', trees: 6, seed: 3, permutationImportance: false });
  if (!trained.ok) throw new Error(trained.error.message);
  const model = trained.value.model;

  it('scores every row of another data set as the engine does, riskiest first', () => {
    const result = churnWorkerApi.score(model, messy);
    const direct = scoreRows(model, messy);
    expect(result.ok && direct.ok).toBe(true);
    if (!result.ok || !direct.ok) return;
    const { scores, order } = result.value;
    expect(scores).toEqual(direct.value);
    expect(order.length).toBe(messy.rowCount);
    expect(new Set(order).size).toBe(messy.rowCount);
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1], order[i]];
      expect(scores[a] > scores[b] || (scores[a] === scores[b] && a < b)).toBe(true);
    }
  });

  it('works on a structured clone of the model, as the page sends it', () => {
    const result = churnWorkerApi.score(structuredClone(model), telco);
    const direct = scoreRows(model, telco);
    expect(result.ok && direct.ok).toBe(true);
    if (result.ok && direct.ok) expect(result.value.scores).toEqual(direct.value);
  });

  it('answers CHURN_MISSING_COLUMN naming a column the model needs', () => {
    const without = { ...messy, columns: messy.columns.filter((c) => c.name !== 'tenure') };
    expect(churnWorkerApi.score(model, without)).toMatchObject({ ok: false, error: { code: 'CHURN_MISSING_COLUMN', params: { column: 'tenure' } } });
  });

  it('turns anything thrown inside into INTERNAL', () => {
    expect(churnWorkerApi.score(null as never, telco)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('churnWorkerApi.modelToJson and modelFromJson', () => {
  const messy = shared('telco-churn-messy.csv');
  const trained = churnWorkerApi.train(telco, { target: 'Churn', positive: 'Yes', trees: 8, seed: 11, permutationImportance: false });
  if (!trained.ok) throw new Error(trained.error.message);
  const model = trained.value.report.model;

  function toJson(m: ChurnModel): string {
    const text = churnWorkerApi.modelToJson(m);
    if (!text.ok) throw new Error(text.error.message);
    return text.value;
  }

  it('writes the engine’s model file, kind first', () => {
    const text = toJson(model);
    expect(text).toBe(churnModelToJson(model));
    expect(text.startsWith('{"kind":"b2b-strategy-lab/churn-model"')).toBe(true);
  });

  it('round trip: the model read back from the file scores both data sets exactly like the original', async () => {
    // As on the page: the model crosses to the worker as a structured clone, the file goes back as a File.
    const text = toJson(structuredClone(model));
    const loaded = await churnWorkerApi.modelFromJson(new File([text], 'telco-churn-churn-model.json', { type: 'application/json' }));
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.target).toBe('Churn');
    expect(loaded.value.classes[loaded.value.positive]).toBe('Yes');
    expect(loaded.value.forest.trees).toHaveLength(8);
    for (const dataset of [telco, messy]) {
      const original = churnWorkerApi.score(model, dataset);
      const again = churnWorkerApi.score(loaded.value, dataset);
      expect(original.ok && again.ok).toBe(true);
      if (!original.ok || !again.ok) return;
      expect(again.value.scores).toEqual(original.value.scores);
      expect(again.value.order).toEqual(original.value.order);
    }
    // The held-out scores of the training report too, row for row.
    const rescored = churnWorkerApi.score(loaded.value, telco);
    if (!rescored.ok) throw new Error(rescored.error.message);
    trained.value.report.test.rows.forEach((row, i) => expect(rescored.value.scores[row]).toBe(trained.value.report.test.scores[i]));
    // Written again, it is the same file.
    expect(toJson(loaded.value)).toBe(text);
  });

  it('reads the text itself as well as a file', async () => {
    const fromText = await churnWorkerApi.modelFromJson(toJson(model));
    expect(fromText.ok).toBe(true);
    if (fromText.ok) expect(fromText.value.forest.trees).toEqual(model.forest.trees);
  });

  it('refuses a file that is not a model with the engine’s reason', async () => {
    const cases: [Blob | string, string][] = [
      [new Blob(['this is not { json']), 'it is not JSON'],
      [new Blob(['{"hello":"world"}']), 'it is not a churn model of this app'],
      ['{"kind":"b2b-strategy-lab/churn-model","version":2}', 'it has version 2, this app reads version 1'],
      [new Blob([toJson(model).replace('"trees":[', '"trees":[{"feature":[1]},')]), 'one of its trees is damaged'],
    ];
    for (const [source, reason] of cases) {
      expect(await churnWorkerApi.modelFromJson(source)).toMatchObject({ ok: false, error: { code: 'MODEL_FILE_INVALID', params: { reason } } });
    }
  });

  it('answers FILE_READ when the file cannot be read, and INTERNAL for anything thrown', async () => {
    const unreadable = { text: () => Promise.reject(new Error('the file was moved')) } as unknown as Blob;
    expect(await churnWorkerApi.modelFromJson(unreadable)).toMatchObject({ ok: false, error: { code: 'FILE_READ', params: { detail: 'the file was moved' } } });
    expect(churnWorkerApi.modelToJson(null as never)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
