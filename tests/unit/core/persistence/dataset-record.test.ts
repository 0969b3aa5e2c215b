import { packStrings } from '../../../../src/core/data/packed-strings';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../src/core/data/dataset';
import {
  estimateDatasetBytes,
  isDatasetMeta,
  joinDataset,
  splitDataset,
  validateDataset,
} from '../../../../src/core/persistence/dataset-record';

/** Three rows: a numeric column with one missing and one rejected cell, a dictionary column. */
function buildDataset(): Dataset {
  return {
    name: 'Accounts',
    rowCount: 3,
    columns: [
      {
        name: 'revenue',
        type: 'number',
        inferredType: 'number',
        missingCount: 1,
        storage: {
          kind: 'numeric',
          values: new Float64Array([1200.5, NaN, 87]),
          rejected: { rows: new Int32Array([1]), raw: ['n/a'] },
        },
      },
      {
        name: 'segment',
        type: 'category',
        inferredType: 'text',
        missingCount: 1,
        storage: { kind: 'dictionary', codes: new Int32Array([0, 1, -1]), dictionary: packStrings(['SMB', 'Enterprise']) },
      },
    ],
    issues: [{ code: 'UNPARSED_NUMBER', message: 'Not a number', row: 3, column: 'revenue', params: { raw: 'n/a' } }],
    source: { fileName: 'accounts.csv', byteLength: 64, encoding: 'utf-8', delimiter: ';', decimal: ',' },
  };
}

function expectInvalid(value: unknown, reasonPart: string): void {
  const result = validateDataset(value);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe('DATASET_INVALID');
    expect(String(result.error.params?.reason)).toContain(reasonPart);
  }
}

describe('splitDataset / joinDataset', () => {
  it('round-trips a data set', () => {
    const dataset = buildDataset();
    const { meta, columns } = splitDataset(dataset);
    const joined = joinDataset(meta, columns);
    expect(joined).toEqual({ ok: true, value: dataset });
    if (!joined.ok) return;
    const revenue = joined.value.columns[0].storage;
    expect(revenue.kind === 'numeric' && revenue.values).toBeInstanceOf(Float64Array);
    expect(revenue.kind === 'numeric' && Number.isNaN(revenue.values[1])).toBe(true);
  });

  it('keeps column storage out of the meta record', () => {
    const { meta, columns } = splitDataset(buildDataset());
    expect(isDatasetMeta(meta)).toBe(true);
    expect(meta.columns).toEqual([
      { name: 'revenue', type: 'number', inferredType: 'number', missingCount: 1, storageKind: 'numeric' },
      { name: 'segment', type: 'category', inferredType: 'text', missingCount: 1, storageKind: 'dictionary' },
    ]);
    expect(JSON.stringify(meta)).not.toContain('Enterprise');
    expect(columns.map((column) => column.kind)).toEqual(['numeric', 'dictionary']);
  });

  it('copies string arrays and objects but shares typed arrays', () => {
    const dataset = buildDataset();
    const { meta, columns } = splitDataset(dataset);
    const original = dataset.columns[1].storage;
    const copy = columns[1];
    expect(copy.kind === 'dictionary' && original.kind === 'dictionary' && copy.dictionary !== original.dictionary).toBe(true);
    expect(copy.kind === 'dictionary' && original.kind === 'dictionary' && copy.codes === original.codes).toBe(true);
    expect(meta.source).not.toBe(dataset.source);
    expect(meta.issues[0].params).not.toBe(dataset.issues[0].params);
  });

  it('rejects a missing column record or one of the wrong kind', () => {
    const { meta, columns } = splitDataset(buildDataset());
    expect(joinDataset(meta, columns.slice(0, 1)).ok).toBe(false);
    expect(joinDataset(meta, [columns[1], columns[0]]).ok).toBe(false);
  });
});

describe('validateDataset', () => {
  it('accepts a well-formed data set', () => {
    const dataset = buildDataset();
    expect(validateDataset(dataset)).toEqual({ ok: true, value: dataset });
  });

  it('rejects typed arrays whose length is not rowCount', () => {
    const short = buildDataset();
    const revenue = short.columns[0].storage;
    if (revenue.kind === 'numeric') revenue.values = new Float64Array([1, 2]);
    expectInvalid(short, 'expected 3');

    const long = buildDataset();
    const segment = long.columns[1].storage;
    if (segment.kind === 'dictionary') segment.codes = new Int32Array([0, 0, 0, 0]);
    expectInvalid(long, 'expected 3');
  });

  it('rejects dictionary codes outside the dictionary', () => {
    for (const bad of [2, -2]) {
      const dataset = buildDataset();
      const segment = dataset.columns[1].storage;
      if (segment.kind === 'dictionary') segment.codes[0] = bad;
      expectInvalid(dataset, 'outside the dictionary');
    }
  });

  it('rejects the wrong kind of array', () => {
    const float32 = buildDataset();
    (float32.columns[0].storage as { values: unknown }).values = new Float32Array(3);
    expectInvalid(float32, 'Float64Array');

    const plain = buildDataset();
    (plain.columns[0].storage as { values: unknown }).values = [1, 2, 3];
    expectInvalid(plain, 'Float64Array');

    const uint = buildDataset();
    (uint.columns[1].storage as { codes: unknown }).codes = new Uint32Array(3);
    expectInvalid(uint, 'Int32Array');

    const rows = buildDataset();
    (rows.columns[0].storage as { rejected: { rows: unknown } }).rejected.rows = [1];
    expectInvalid(rows, 'Int32Array');
  });

  it('rejects unknown types, storage kinds and a malformed source', () => {
    const type = buildDataset();
    (type.columns[0] as { type: string }).type = 'money';
    expectInvalid(type, 'unknown column type');

    const kind = buildDataset();
    (kind.columns[0].storage as { kind: string }).kind = 'bitmap';
    expectInvalid(kind, 'unknown storage kind');

    const source = buildDataset();
    (source.source as { decimal: string }).decimal = ';';
    expectInvalid(source, 'source');

    expect(validateDataset(null).ok).toBe(false);
  });

  it('names the faulty column', () => {
    const dataset = buildDataset();
    const segment = dataset.columns[1].storage;
    if (segment.kind === 'dictionary') segment.codes[2] = 9;
    const result = validateDataset(dataset);
    expect(!result.ok && result.error.params?.column).toBe('segment');
  });
});

describe('isDatasetMeta', () => {
  it('rejects malformed meta records', () => {
    const { meta } = splitDataset(buildDataset());
    expect(isDatasetMeta({ ...meta, rowCount: -1 })).toBe(false);
    expect(isDatasetMeta({ ...meta, columns: [{ ...meta.columns[0], storageKind: 'bitmap' }] })).toBe(false);
    expect(isDatasetMeta({ ...meta, issues: undefined })).toBe(false);
    expect(isDatasetMeta('meta')).toBe(false);
  });
});

describe('estimateDatasetBytes', () => {
  it('counts typed array bytes and 2 bytes per string character', () => {
    const strings = 'Accounts'.length + 'revenue'.length + 'n/a'.length + 'segment'.length + 'SMB'.length +
      'Enterprise'.length + 'UNPARSED_NUMBER'.length + 'Not a number'.length;
    // values (3 × 8), rejected rows (1 × 4), codes (3 × 4) and the dictionary's end offsets (2 × 4)
    const typed = 3 * 8 + 1 * 4 + 3 * 4 + 2 * 4;
    expect(estimateDatasetBytes(buildDataset())).toBe(typed + 2 * strings);
  });
});
