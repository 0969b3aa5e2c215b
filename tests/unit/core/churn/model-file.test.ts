import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsed } from '../../../helpers/datasets';
import { scoreRows, trainChurnModel } from '../../../../src/core/churn/train-churn-model';
import { churnModelFromJson, churnModelToJson } from '../../../../src/core/churn/model-file';

const telco = parsed(new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data/telco-churn.csv'))));
const trained = trainChurnModel(telco, { target: 'Churn', positive: 'Yes', trees: 12, seed: 4, maxDepth: 8, permutationImportance: false });
if (!trained.ok) throw new Error(trained.error.message);
const model = trained.value.model;

describe('churn model files', () => {
  it('scores a data set exactly as the model did before it was saved', () => {
    const loaded = churnModelFromJson(churnModelToJson(model));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const before = scoreRows(model, telco);
    const after = scoreRows(loaded.value, telco);
    expect(after.ok && before.ok && Array.from(after.value)).toEqual(before.ok ? Array.from(before.value) : []);
    expect(Array.from(loaded.value.forest.importance)).toEqual(Array.from(model.forest.importance));
    expect(loaded.value.forest.options.maxDepth).toBe(8);
  });

  it('keeps an unlimited depth unlimited', () => {
    const deep = trainChurnModel(telco, { target: 'Churn', trees: 2, permutationImportance: false });
    if (!deep.ok) throw new Error(deep.error.message);
    const loaded = churnModelFromJson(churnModelToJson(deep.value.model));
    expect(loaded.ok && loaded.value.forest.options.maxDepth).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    ['text that is not JSON', 'hello', 'not JSON'],
    ['another JSON file', '{"plans": []}', 'not a churn model'],
    ['a newer version', JSON.stringify({ ...JSON.parse(churnModelToJson(model)), version: 2 }), 'version 2'],
    ['a damaged tree', churnModelToJson(model).replace('"left":[1,', '"left":[0,'), 'damaged'],
    ['bins that do not match the features', JSON.stringify({ ...JSON.parse(churnModelToJson(model)), edges: [] }), 'bins'],
  ])('refuses %s with a reason', (_, text, reason) => {
    const result = churnModelFromJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('MODEL_FILE_INVALID');
      expect(result.error.message).toContain(reason);
    }
  });
});
