import { packStrings, unpackStrings } from '../../../../src/core/data/packed-strings';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ColumnStorage, Dataset } from '../../../../src/core/data/dataset';
import { isEnvelope, wrapEnvelope } from '../../../../src/core/persistence/schema';
import {
  createIdbStore,
  createMemoryStore,
  mapStorageError,
  openKvStore,
  runWithSingleRetry,
  type KvStore,
} from '../../../../src/lib/persistence/idb';
import { createWorkspaceRepository } from '../../../../src/lib/persistence/workspace-repository';

// fake-indexeddb is installed globally by tests/unit/setup.ts; each test gets its own database.
let databaseCount = 0;
function createTestIdbStore(): KvStore {
  databaseCount += 1;
  return createIdbStore(`workspace-test-${databaseCount}`);
}

const NOW = new Date('2025-03-01T12:00:00.000Z');
const fixedNow = () => NOW;

function buildDataset(name = 'Accounts'): Dataset {
  return {
    name,
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
        inferredType: 'category',
        missingCount: 1,
        storage: { kind: 'dictionary', codes: new Int32Array([0, 1, -1]), dictionary: packStrings(['SMB', 'Enterprise']) },
      },
    ],
    issues: [],
    source: { fileName: 'accounts.csv', byteLength: 64, encoding: 'utf-8', delimiter: ';', decimal: ',' },
  };
}

/** Every key and value in the store, for "storage untouched" comparisons. */
async function dumpStore(store: KvStore): Promise<Map<string, unknown>> {
  const keys = await store.keys();
  const values = await store.getMany(keys);
  return new Map(keys.map((key, i) => [key, values[i]]));
}

/** Wraps a store, counting writes and optionally replacing methods. */
function spyOnStore(inner: KvStore, overrides: Partial<KvStore> = {}) {
  const calls = { setMany: 0, delMany: 0 };
  const store: KvStore = {
    mode: inner.mode,
    get: (key) => inner.get(key),
    getMany: (keys) => inner.getMany(keys),
    keys: () => inner.keys(),
    setMany: (entries) => {
      calls.setMany += 1;
      return inner.setMany(entries);
    },
    delMany: (keys) => {
      calls.delMany += 1;
      return inner.delMany(keys);
    },
    ...overrides,
  };
  return { store, calls };
}

function expectError(result: { ok: boolean; error?: { code: string } }, code: string): void {
  expect(result.ok).toBe(false);
  expect(result.error?.code).toBe(code);
}

describe('workspace repository on IndexedDB', () => {
  it('saves, lists and loads a data set keeping typed arrays and NaN', async () => {
    const store = createTestIdbStore();
    const repo = createWorkspaceRepository(store, fixedNow, { storageManager: {} });
    expect(repo.mode).toBe('indexeddb');

    const saved = await repo.saveDataset('ds-1', buildDataset());
    expect(saved.ok).toBe(true);
    const summary = {
      id: 'ds-1',
      name: 'Accounts',
      rowCount: 3,
      columnCount: 2,
      bytes: expect.any(Number),
      savedAt: '2025-03-01T12:00:00.000Z',
    };
    expect(saved.ok && saved.value).toEqual(summary);
    expect(await repo.listDatasets()).toEqual({ ok: true, value: [summary] });

    const loaded = await repo.loadDataset('ds-1');
    expect(loaded).toEqual({ ok: true, value: buildDataset() });
    if (!loaded.ok) return;
    const [revenue, segment] = loaded.value.columns.map((column) => column.storage);
    expect(revenue.kind === 'numeric' && revenue.values).toBeInstanceOf(Float64Array);
    expect(revenue.kind === 'numeric' && revenue.rejected.rows).toBeInstanceOf(Int32Array);
    expect(revenue.kind === 'numeric' && Number.isNaN(revenue.values[1])).toBe(true);
    expect(segment.kind === 'dictionary' && segment.codes).toBeInstanceOf(Int32Array);

    // One key per column, the index in an envelope.
    expect(await store.keys()).toEqual(['dataset:ds-1:col:0', 'dataset:ds-1:col:1', 'dataset:ds-1:meta', 'workspace:index']);
    const index = await store.get('workspace:index');
    expect(isEnvelope(index) && index.schemaVersion).toBe(1);
  });

  it('replaces a data set and drops columns it no longer has', async () => {
    const store = createTestIdbStore();
    const repo = createWorkspaceRepository(store, fixedNow);
    await repo.saveDataset('ds-1', buildDataset());
    await repo.saveDataset('ds-2', buildDataset('Other'));
    const narrower = buildDataset('Narrower');
    narrower.columns = narrower.columns.slice(0, 1);
    expect((await repo.saveDataset('ds-1', narrower)).ok).toBe(true);

    expect((await store.keys()).filter((key) => key.startsWith('dataset:ds-1:'))).toEqual([
      'dataset:ds-1:col:0',
      'dataset:ds-1:meta',
    ]);
    const list = await repo.listDatasets();
    expect(list.ok && list.value.map((entry) => [entry.id, entry.name, entry.columnCount])).toEqual([
      ['ds-1', 'Narrower', 1],
      ['ds-2', 'Other', 2],
    ]);
    expect(await repo.loadDataset('ds-1')).toEqual({ ok: true, value: narrower });
  });

  it('serialises concurrent saves so no index entry is lost', async () => {
    const repo = createWorkspaceRepository(createTestIdbStore(), fixedNow);
    const results = await Promise.all(['a', 'b', 'c'].map((id) => repo.saveDataset(id, buildDataset(id))));
    expect(results.every((result) => result.ok)).toBe(true);
    const list = await repo.listDatasets();
    expect(list.ok && list.value.map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
  });

  it('renames a data set', async () => {
    const store = createTestIdbStore();
    let clock = NOW.getTime();
    const repo = createWorkspaceRepository(store, () => new Date((clock += 1000)));
    await repo.saveDataset('ds-1', buildDataset());
    const columnsBefore = await store.getMany(['dataset:ds-1:col:0', 'dataset:ds-1:col:1']);

    const renamed = await repo.renameDataset('ds-1', '  Key accounts ');
    expect(renamed.ok && renamed.value).toMatchObject({ id: 'ds-1', name: 'Key accounts', savedAt: '2025-03-01T12:00:02.000Z' });
    const list = await repo.listDatasets();
    expect(list.ok && list.value[0].name).toBe('Key accounts');
    expect(await repo.loadDataset('ds-1')).toEqual({ ok: true, value: buildDataset('Key accounts') });
    expect(await store.getMany(['dataset:ds-1:col:0', 'dataset:ds-1:col:1'])).toEqual(columnsBefore);

    expectError(await repo.renameDataset('ds-1', '   '), 'INVALID_NAME');
    expectError(await repo.renameDataset('missing', 'x'), 'DATASET_NOT_FOUND');
  });

  it('deletes every key of a data set and its index entry', async () => {
    const store = createTestIdbStore();
    const repo = createWorkspaceRepository(store, fixedNow);
    await repo.saveDataset('ds-1', buildDataset());
    await repo.saveDataset('ds-2', buildDataset('Kept'));
    await store.setMany([['dataset:ds-1:corrupt:1', { left: 'over' }]]);

    expect(await repo.deleteDataset('ds-1')).toEqual({ ok: true, value: undefined });
    expect((await store.keys()).filter((key) => key.includes('ds-1'))).toEqual([]);
    const list = await repo.listDatasets();
    expect(list.ok && list.value.map((entry) => entry.id)).toEqual(['ds-2']);
    expect((await repo.loadDataset('ds-2')).ok).toBe(true);
    expectError(await repo.loadDataset('ds-1'), 'DATASET_NOT_FOUND');
    expectError(await repo.deleteDataset('ds-1'), 'DATASET_NOT_FOUND');
  });

  it('sweeps unlisted leftovers of an interrupted delete and never loads them', async () => {
    const store = createTestIdbStore();
    const repo = createWorkspaceRepository(store, fixedNow);
    await repo.saveDataset('ds-1', buildDataset());
    // As if a delete crashed after rewriting the index, before removing the records.
    await store.setMany([['workspace:index', wrapEnvelope({ kind: 'workspace-index', datasets: [] }, NOW.toISOString())]]);
    expectError(await repo.loadDataset('ds-1'), 'DATASET_NOT_FOUND');
    expect((await repo.deleteDataset('ds-1')).ok).toBe(true);
    expect(await store.keys()).toEqual(['workspace:index']);
  });

  it('rejects invalid ids and invalid data sets without writing', async () => {
    const { store, calls } = spyOnStore(createTestIdbStore());
    const repo = createWorkspaceRepository(store, fixedNow);
    expectError(await repo.saveDataset('has:colon', buildDataset()), 'INVALID_DATASET_ID');
    expectError(await repo.saveDataset('', buildDataset()), 'INVALID_DATASET_ID');
    const bad = buildDataset();
    bad.rowCount = 4;
    expectError(await repo.saveDataset('ds-1', bad), 'DATASET_INVALID');
    expect(calls).toEqual({ setMany: 0, delMany: 0 });
  });

  it('turns a quota error into STORAGE_QUOTA and leaves the previous state intact', async () => {
    const inner = createTestIdbStore();
    const before = createWorkspaceRepository(inner, fixedNow);
    await before.saveDataset('ds-1', buildDataset());
    const snapshot = await dumpStore(inner);

    const quota = { name: 'QuotaExceededError', message: 'The quota has been exceeded.' };
    const { store } = spyOnStore(inner, {
      setMany: () => Promise.reject(quota),
      delMany: () => Promise.reject(quota),
    });
    const repo = createWorkspaceRepository(store, () => new Date('2025-04-01T00:00:00.000Z'));

    const bigger = buildDataset('Bigger');
    const results = [
      await repo.saveDataset('ds-2', bigger),
      await repo.saveDataset('ds-1', bigger),
      await repo.renameDataset('ds-1', 'Renamed'),
      await repo.deleteDataset('ds-1'),
    ];
    for (const result of results) expectError(result, 'STORAGE_QUOTA');

    expect(await dumpStore(inner)).toEqual(snapshot);
    const list = await repo.listDatasets();
    expect(list.ok && list.value.map((entry) => [entry.id, entry.name])).toEqual([['ds-1', 'Accounts']]);
    expect(await repo.loadDataset('ds-1')).toEqual({ ok: true, value: buildDataset() });
  });

  it('keeps a damaged meta aside and reports DATASET_CORRUPT', async () => {
    const store = createTestIdbStore();
    const repo = createWorkspaceRepository(store, fixedNow);
    await repo.saveDataset('ds-1', buildDataset());
    const damaged = wrapEnvelope({ name: 'Accounts', rowCount: 'three', columns: [] }, NOW.toISOString());
    await store.setMany([['dataset:ds-1:meta', damaged]]);

    const result = await repo.loadDataset('ds-1');
    expectError(result, 'DATASET_CORRUPT');
    expect(!result.ok && result.error.params?.id).toBe('ds-1');
    const corruptKey = `dataset:ds-1:corrupt:${NOW.getTime()}`;
    expect(await store.get(corruptKey)).toEqual(damaged);

    // A second attempt does not pile up copies; the entry stays listed so it can be deleted.
    expectError(await repo.loadDataset('ds-1'), 'DATASET_CORRUPT');
    expect((await store.keys()).filter((key) => key.includes(':corrupt:'))).toEqual([corruptKey]);
    const list = await repo.listDatasets();
    expect(list.ok && list.value.length).toBe(1);
    expect((await repo.deleteDataset('ds-1')).ok).toBe(true);
    expect(await store.keys()).toEqual(['workspace:index']);
  });

  it('reports damaged or missing column records as DATASET_CORRUPT', async () => {
    const store = createTestIdbStore();
    const repo = createWorkspaceRepository(store, fixedNow);
    await repo.saveDataset('ds-1', buildDataset());
    await repo.saveDataset('ds-2', buildDataset());
    const outOfRange: ColumnStorage = { kind: 'dictionary', codes: new Int32Array([0, 5, -1]), dictionary: packStrings(['SMB']) };
    await store.setMany([['dataset:ds-1:col:1', outOfRange]]);
    await store.delMany(['dataset:ds-2:col:0']);

    const codes = await repo.loadDataset('ds-1');
    expectError(codes, 'DATASET_CORRUPT');
    expect(!codes.ok && String(codes.error.params?.reason)).toContain('outside the dictionary');
    expectError(await repo.loadDataset('ds-2'), 'DATASET_CORRUPT');
  });

  it('reports an unreadable index as WORKSPACE_CORRUPT', async () => {
    const store = createTestIdbStore();
    await store.setMany([['workspace:index', 'not an envelope']]);
    const repo = createWorkspaceRepository(store, fixedNow);
    expectError(await repo.listDatasets(), 'WORKSPACE_CORRUPT');
    expectError(await repo.saveDataset('ds-1', buildDataset()), 'WORKSPACE_CORRUPT');
  });

  it('opens read-only when the index was written by a newer schema', async () => {
    const inner = createTestIdbStore();
    await createWorkspaceRepository(inner, fixedNow).saveDataset('ds-1', buildDataset());
    const index = await inner.get<{ data: unknown }>('workspace:index');
    await inner.setMany([['workspace:index', { ...wrapEnvelope(index?.data, NOW.toISOString()), schemaVersion: 99 }]]);
    // A v1 meta whose codes are damaged: loading it must not write a corrupt copy either.
    await inner.setMany([['dataset:ds-1:col:1', { kind: 'dictionary', codes: new Int32Array(3).fill(7), dictionary: packStrings([]) }]]);
    const snapshot = await dumpStore(inner);

    const { store, calls } = spyOnStore(inner);
    const repo = createWorkspaceRepository(store, fixedNow);
    expect(repo.readOnly).toBe(false); // unknown until the index is read
    const list = await repo.listDatasets();
    expect(repo.readOnly).toBe(true);
    expect(list.ok && list.value.map((entry) => entry.id)).toEqual(['ds-1']);

    expectError(await repo.saveDataset('ds-2', buildDataset()), 'SCHEMA_TOO_NEW');
    expectError(await repo.renameDataset('ds-1', 'x'), 'SCHEMA_TOO_NEW');
    expectError(await repo.deleteDataset('ds-1'), 'SCHEMA_TOO_NEW');
    expectError(await repo.loadDataset('ds-1'), 'DATASET_CORRUPT');
    expect(calls).toEqual({ setMany: 0, delMany: 0 });
    expect(await dumpStore(inner)).toEqual(snapshot);
  });

  it('refuses to list a newer index it cannot read', async () => {
    const store = createTestIdbStore();
    await store.setMany([
      ['workspace:index', { schemaVersion: 99, appVersion: '9.0.0', savedAt: NOW.toISOString(), data: { shelves: [] } }],
    ]);
    const repo = createWorkspaceRepository(store, fixedNow);
    expectError(await repo.listDatasets(), 'SCHEMA_TOO_NEW');
    expect(repo.readOnly).toBe(true);
    expectError(await repo.saveDataset('ds-1', buildDataset()), 'SCHEMA_TOO_NEW');
  });

  it('reports storage usage from the browser, or from its own estimates', async () => {
    const store = createTestIdbStore();
    const own = createWorkspaceRepository(store, fixedNow, { storageManager: {} });
    expect(await own.storageUsage()).toEqual({ usedBytes: 0 });
    const saved = await own.saveDataset('ds-1', buildDataset());
    expect(await own.storageUsage()).toEqual({ usedBytes: saved.ok ? saved.value.bytes : -1 });

    const browser = createWorkspaceRepository(store, fixedNow, {
      storageManager: {
        estimate: async () => ({ usage: 5000, quota: 1_000_000 }),
        persisted: async () => true,
      },
    });
    expect(await browser.storageUsage()).toEqual({ usedBytes: 5000, quotaBytes: 1_000_000, persisted: true });
  });
});

describe('frozen v1 fixture', () => {
  /**
   * The fixture is JSON, which has no typed arrays and no NaN. Rebuild what IndexedDB would
   * hold: numeric columns get `values` as a Float64Array (null → NaN) and `rejected.rows` as
   * an Int32Array; dictionary columns get `codes` as an Int32Array. Everything else is as-is.
   */
  function rebuildFixtureValue(key: string, value: unknown): unknown {
    if (!key.includes(':col:')) return value;
    const record = value as Record<string, unknown>;
    if (record.kind === 'numeric') {
      const rejected = record.rejected as { rows: number[]; raw: string[] };
      return {
        ...record,
        values: Float64Array.from(record.values as (number | null)[], (entry) => entry ?? NaN),
        rejected: { rows: Int32Array.from(rejected.rows), raw: rejected.raw },
      };
    }
    const dictionary = record.dictionary as { text: string; ends: number[] };
    return { ...record, codes: Int32Array.from(record.codes as number[]), dictionary: { text: dictionary.text, ends: Int32Array.from(dictionary.ends) } };
  }

  function readFixture(): [string, unknown][] {
    const url = new URL('../../../fixtures/persisted/v1-workspace.json', import.meta.url);
    const fixture = JSON.parse(readFileSync(url, 'utf8')) as { entries: [string, unknown][] };
    return fixture.entries.map(([key, value]) => [key, rebuildFixtureValue(key, value)]);
  }

  it('loads through the repository', async () => {
    const store = createTestIdbStore();
    await store.setMany(readFixture());
    const repo = createWorkspaceRepository(store, fixedNow);

    expect(await repo.listDatasets()).toEqual({
      ok: true,
      value: [
        {
          id: 'fixture-accounts',
          name: 'Tiny accounts',
          rowCount: 3,
          columnCount: 2,
          bytes: 180,
          savedAt: '2025-01-15T09:30:00.000Z',
        },
      ],
    });
    const loaded = await repo.loadDataset('fixture-accounts');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(repo.readOnly).toBe(false);
    const [revenue, segment] = loaded.value.columns;
    expect(revenue.storage.kind === 'numeric' && Array.from(revenue.storage.values)).toEqual([1200.5, NaN, 87]);
    expect(revenue.storage.kind === 'numeric' && revenue.storage.rejected.raw).toEqual(['n/a']);
    expect(segment.storage.kind === 'dictionary' && Array.from(segment.storage.codes)).toEqual([0, 1, -1]);
    expect(segment.storage.kind === 'dictionary' && unpackStrings(segment.storage.dictionary)).toEqual(['SMB', 'Enterprise']);
    expect(loaded.value.issues[0]).toMatchObject({ code: 'UNPARSED_NUMBER', row: 3, column: 'revenue' });

    // And the stored data stays writable by this version.
    expect((await repo.renameDataset('fixture-accounts', 'Renamed')).ok).toBe(true);
  });
});

describe('store opening and the memory fallback', () => {
  it('uses IndexedDB when the probe succeeds', async () => {
    const store = await openKvStore({ createIdbStore: createTestIdbStore });
    expect(store.mode).toBe('indexeddb');
    expect(await store.keys()).toEqual([]); // the probe key is removed
  });

  it('falls back to memory when the probe throws, and everything still works', async () => {
    const broken: KvStore = {
      mode: 'indexeddb',
      get: () => Promise.reject(new Error('unused')),
      getMany: () => Promise.reject(new Error('unused')),
      setMany: () => Promise.reject({ name: 'InvalidStateError', message: 'A mutation operation was attempted on a database that did not allow mutations.' }),
      delMany: () => Promise.reject(new Error('unused')),
      keys: () => Promise.reject(new Error('unused')),
    };
    const store = await openKvStore({ createIdbStore: () => broken });
    expect(store.mode).toBe('memory');

    const repo = createWorkspaceRepository(store, fixedNow);
    expect(repo.mode).toBe('memory');
    expect((await repo.saveDataset('ds-1', buildDataset())).ok).toBe(true);
    const list = await repo.listDatasets();
    expect(list.ok && list.value.map((entry) => entry.id)).toEqual(['ds-1']);
    const loaded = await repo.loadDataset('ds-1');
    expect(loaded).toEqual({ ok: true, value: buildDataset() });
    expect((await repo.renameDataset('ds-1', 'Renamed')).ok).toBe(true);
    expect((await repo.deleteDataset('ds-1')).ok).toBe(true);
    expect(await store.keys()).toEqual(['workspace:index']);
  });

  it('falls back to memory when the store factory itself throws or the probe never settles', async () => {
    const throwing = await openKvStore({
      createIdbStore: () => {
        throw new ReferenceError('indexedDB is not defined');
      },
    });
    expect(throwing.mode).toBe('memory');

    const hanging = createMemoryStore();
    const stuck: KvStore = { ...hanging, mode: 'indexeddb', setMany: () => new Promise<void>(() => {}) };
    expect((await openKvStore({ createIdbStore: () => stuck, probeTimeoutMs: 20 })).mode).toBe('memory');
  });

  it('keeps IndexedDB when only the probe write hits the quota', async () => {
    const full: KvStore = {
      ...createMemoryStore(),
      mode: 'indexeddb',
      setMany: () => Promise.reject({ name: 'QuotaExceededError', message: 'full' }),
    };
    expect((await openKvStore({ createIdbStore: () => full })).mode).toBe('indexeddb');
  });

  it('memory store copies values and writes nothing when one value cannot be cloned', async () => {
    const store = createMemoryStore();
    const values = new Float64Array([1, NaN]);
    await store.setMany([['a', { values }]]);
    values[0] = 99;
    const read = await store.get<{ values: Float64Array }>('a');
    expect(read?.values).toBeInstanceOf(Float64Array);
    expect(Array.from(read?.values ?? [])).toEqual([1, NaN]);

    await expect(store.setMany([['b', 1], ['c', () => 1]])).rejects.toThrow();
    expect(await store.keys()).toEqual(['a']);
  });
});

describe('error mapping and retry', () => {
  it('maps DOMException names to storage error codes', () => {
    expect(mapStorageError({ name: 'QuotaExceededError', message: 'full' }).code).toBe('STORAGE_QUOTA');
    expect(mapStorageError(new DOMException('closing', 'InvalidStateError'))).toMatchObject({
      code: 'STORAGE_FAILED',
      params: { name: 'InvalidStateError' },
    });
    expect(mapStorageError('weird').code).toBe('STORAGE_FAILED');
  });

  it('retries once on a fresh connection after a closing connection', async () => {
    let attempts = 0;
    let reconnects = 0;
    const value = await runWithSingleRetry(
      async () => {
        attempts += 1;
        if (attempts === 1) throw new DOMException('The database connection is closing.', 'InvalidStateError');
        return 'ok';
      },
      () => {
        reconnects += 1;
      },
    );
    expect([value, attempts, reconnects]).toEqual(['ok', 2, 1]);
  });

  it('does not retry a quota error, and gives up after the second failure', async () => {
    let attempts = 0;
    const quota = runWithSingleRetry(async () => {
      attempts += 1;
      throw { name: 'QuotaExceededError' };
    }, () => {});
    await expect(quota).rejects.toEqual({ name: 'QuotaExceededError' });
    expect(attempts).toBe(1);

    attempts = 0;
    const closing = runWithSingleRetry(async () => {
      attempts += 1;
      throw new DOMException('closing', 'InvalidStateError');
    }, () => {});
    await expect(closing).rejects.toThrow('closing');
    expect(attempts).toBe(2);
  });
});
