/**
 * The forecast kept for the plan, in the workspace's one key-value store (idb.ts) under
 * KEPT_FORECAST_KEY, wrapped in the usual envelope. Reading runs: read → migrate stepwise →
 * validate → Result. Writing is refused (SCHEMA_TOO_NEW, storage untouched) when the stored
 * record, or the workspace index, was written by a newer version of the app: an older tab
 * never overwrites newer data.
 */
import { isKeptForecast, type KeptForecast } from '../../core/persistence/kept-forecast';
import { migrateEnvelope } from '../../core/persistence/migrations';
import { CURRENT_SCHEMA_VERSION, isEnvelope, KEPT_FORECAST_KEY, WORKSPACE_INDEX_KEY, wrapEnvelope } from '../../core/persistence/schema';
import { fail, ok, type Result } from '../../core/shared/result';
import { mapStorageError, type KvStore, type StoreMode } from './idb';

/** A kept forecast and when it was kept (ISO 8601). */
export interface KeptForecastRecord {
  forecast: KeptForecast;
  savedAt: string;
}

export interface KeptForecastRepository {
  readonly mode: StoreMode;
  /** The kept forecast, or null when none is kept. A damaged record is KEPT_FORECAST_CORRUPT. */
  load(): Promise<Result<KeptForecastRecord | null>>;
  /** Keeps `forecast` (a plain value, never a $state proxy), replacing the one kept before. */
  save(forecast: KeptForecast): Promise<Result<KeptForecastRecord>>;
}

/**
 * @param store the workspace store
 * @param now the time of writes (injected so tests are deterministic)
 */
export function createKeptForecastRepository(store: KvStore, now: () => Date): KeptForecastRepository {
  return {
    mode: store.mode,

    async load() {
      let raw: unknown;
      try {
        raw = await store.get(KEPT_FORECAST_KEY);
      } catch (error) {
        return { ok: false, error: mapStorageError(error) };
      }
      if (raw === undefined) return ok(null);
      if (!isEnvelope(raw)) return corrupt('not an envelope');
      const migrated = migrateEnvelope(raw);
      if (!migrated.ok) return migrated;
      if (!isKeptForecast(migrated.value.data)) return corrupt('malformed');
      return ok({ forecast: migrated.value.data, savedAt: migrated.value.savedAt });
    },

    async save(forecast) {
      // A programmer error (the screen builds the record), not the user's: no message of its own.
      if (!isKeptForecast(forecast)) return fail('INTERNAL', 'The forecast to keep is not complete.', { detail: 'incomplete kept forecast' });
      try {
        const [stored, index] = await store.getMany([KEPT_FORECAST_KEY, WORKSPACE_INDEX_KEY]);
        for (const existing of [stored, index]) {
          if (isEnvelope(existing) && existing.schemaVersion > CURRENT_SCHEMA_VERSION) {
            return fail('SCHEMA_TOO_NEW', `Saved with schema v${existing.schemaVersion}; this version writes v${CURRENT_SCHEMA_VERSION}.`, {
              found: existing.schemaVersion,
              supported: CURRENT_SCHEMA_VERSION,
            });
          }
        }
        const savedAt = now().toISOString();
        await store.setMany([[KEPT_FORECAST_KEY, wrapEnvelope(forecast, savedAt)]]);
        return ok({ forecast, savedAt });
      } catch (error) {
        return { ok: false, error: mapStorageError(error) };
      }
    },
  };
}

function corrupt(reason: string): Result<never> {
  return fail('KEPT_FORECAST_CORRUPT', `The kept forecast is damaged: ${reason}.`, { reason });
}
