import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { KEPT_FORECAST_KIND, type KeptForecast } from '../../../../src/core/persistence/kept-forecast';
import { KEPT_FORECAST_KEY, WORKSPACE_INDEX_KEY, wrapEnvelope } from '../../../../src/core/persistence/schema';
import { createIdbStore, createMemoryStore, type KvStore } from '../../../../src/lib/persistence/idb';
import { createKeptForecastRepository } from '../../../../src/lib/persistence/kept-forecast-repository';

const NOW = new Date('2025-03-01T12:00:00.000Z');
const fixedNow = () => NOW;

function kept(model: KeptForecast['model'] = 'ses'): KeptForecast {
  return {
    kind: KEPT_FORECAST_KIND,
    source: { datasetId: 'ds-1', datasetName: 'sales.csv', dateColumn: 'Month', valueColumn: 'Sales', period: 'month', how: 'sum' },
    model,
    params: { alpha: 0.6 },
    fittedParams: [],
    seasonLength: null,
    lastPeriod: '2024-12',
    lastValue: 1200,
    periods: ['2025-01'],
    forecast: [1144],
    lower80: [1000],
    upper80: [1288],
    lower95: [920],
    upper95: [1368],
    holdoutMae: 40,
    holdoutSize: 1,
  };
}

let databaseCount = 0;
function idbStore(): KvStore {
  databaseCount += 1;
  return createIdbStore(`kept-forecast-test-${databaseCount}`);
}

describe('createKeptForecastRepository', () => {
  it('has nothing kept in an empty store', async () => {
    const repo = createKeptForecastRepository(createMemoryStore(), fixedNow);
    expect(await repo.load()).toEqual({ ok: true, value: null });
  });

  it('keeps a forecast in IndexedDB in the v1 envelope and reads it back with when it was kept', async () => {
    const store = idbStore();
    const repo = createKeptForecastRepository(store, fixedNow);
    const saved = await repo.save(kept());
    expect(saved).toEqual({ ok: true, value: { forecast: kept(), savedAt: '2025-03-01T12:00:00.000Z' } });
    expect(await store.get(KEPT_FORECAST_KEY)).toEqual({ schemaVersion: 1, appVersion: '0.1.0', savedAt: '2025-03-01T12:00:00.000Z', data: kept() });
    expect(await createKeptForecastRepository(store, fixedNow).load()).toEqual({ ok: true, value: { forecast: kept(), savedAt: '2025-03-01T12:00:00.000Z' } });
  });

  it('replaces the forecast kept before', async () => {
    const store = createMemoryStore();
    const repo = createKeptForecastRepository(store, fixedNow);
    await repo.save(kept('ses'));
    await repo.save(kept('holt'));
    const loaded = await repo.load();
    expect(loaded.ok && loaded.value?.forecast.model).toBe('holt');
    expect(await store.keys()).toEqual([KEPT_FORECAST_KEY]);
  });

  it('reads the frozen v1 fixture', async () => {
    const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/persisted/v1-kept-forecast.json', import.meta.url), 'utf8'));
    const store = createMemoryStore();
    await store.setMany([[fixture.key, fixture.value]]);
    const loaded = await createKeptForecastRepository(store, fixedNow).load();
    expect(loaded.ok).toBe(true);
    if (!loaded.ok || !loaded.value) return;
    expect(loaded.value.savedAt).toBe('2025-02-10T08:15:00.000Z');
    expect(loaded.value.forecast.model).toBe('holt-winters-additive');
    expect(loaded.value.forecast.source.filter).toEqual({ column: 'Region', equals: 'North' });
    expect(fixture.key).toBe(KEPT_FORECAST_KEY);
  });

  it('reports a damaged record and writes nothing on load', async () => {
    const store = createMemoryStore();
    await store.setMany([[KEPT_FORECAST_KEY, wrapEnvelope({ kind: 'kept-forecast', model: 'ses' }, 'x')]]);
    const loaded = await createKeptForecastRepository(store, fixedNow).load();
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error.code).toBe('KEPT_FORECAST_CORRUPT');
    await store.setMany([[KEPT_FORECAST_KEY, 'not an envelope']]);
    const again = await createKeptForecastRepository(store, fixedNow).load();
    expect(!again.ok && again.error.code).toBe('KEPT_FORECAST_CORRUPT');
    expect(await store.keys()).toEqual([KEPT_FORECAST_KEY]);
  });

  it('never overwrites a record or a workspace written by a newer version', async () => {
    const newer = { schemaVersion: 2, appVersion: '9.0.0', savedAt: '2030-01-01T00:00:00.000Z', data: { kind: 'kept-forecast', whatever: true } };
    const store = createMemoryStore();
    await store.setMany([[KEPT_FORECAST_KEY, newer]]);
    const repo = createKeptForecastRepository(store, fixedNow);
    const loaded = await repo.load();
    expect(!loaded.ok && loaded.error.code).toBe('SCHEMA_TOO_NEW');
    const saved = await repo.save(kept());
    expect(!saved.ok && saved.error.code).toBe('SCHEMA_TOO_NEW');
    expect(await store.get(KEPT_FORECAST_KEY)).toEqual(newer);

    const other = createMemoryStore();
    await other.setMany([[WORKSPACE_INDEX_KEY, { ...newer, data: { kind: 'workspace-index', datasets: [] } }]]);
    const refused = await createKeptForecastRepository(other, fixedNow).save(kept());
    expect(!refused.ok && refused.error.code).toBe('SCHEMA_TOO_NEW');
    expect(await other.get(KEPT_FORECAST_KEY)).toBeUndefined();
  });

  it('refuses an incomplete record without touching storage', async () => {
    const store = createMemoryStore();
    const saved = await createKeptForecastRepository(store, fixedNow).save({ ...kept(), forecast: [] });
    expect(!saved.ok && saved.error.code).toBe('INTERNAL');
    expect(await store.keys()).toEqual([]);
  });

  it('turns a storage failure into STORAGE_QUOTA or STORAGE_FAILED', async () => {
    const full: KvStore = {
      ...createMemoryStore(),
      setMany: async () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const saved = await createKeptForecastRepository(full, fixedNow).save(kept());
    expect(!saved.ok && saved.error.code).toBe('STORAGE_QUOTA');
    const broken: KvStore = {
      ...createMemoryStore(),
      get: async () => {
        throw new DOMException('gone', 'UnknownError');
      },
    };
    const loaded = await createKeptForecastRepository(broken, fixedNow).load();
    expect(!loaded.ok && loaded.error.code).toBe('STORAGE_FAILED');
  });
});
