/**
 * The workspace as the UI sees it: a list of saved data sets that can be saved, loaded,
 * renamed and deleted. Sits on a KvStore (IndexedDB or memory) and keeps the stored layout
 * of schema.ts consistent:
 * - a save writes meta, columns and the updated index in ONE setMany, so a failed or
 *   interrupted save changes nothing;
 * - the index only ever lists data sets whose records are complete;
 * - an index written by a newer schema makes the repository read-only: every write returns
 *   SCHEMA_TOO_NEW without touching storage, so an older tab never overwrites newer data.
 *
 * Calls are serialised within this repository (read-modify-write of the index). Two tabs
 * writing at the same moment are not coordinated: the last index write wins.
 */
import type { Dataset } from '../../core/data/dataset';
import {
  estimateDatasetBytes,
  isDatasetMeta,
  joinDataset,
  splitDataset,
  validateDataset,
} from '../../core/persistence/dataset-record';
import { migrateEnvelope } from '../../core/persistence/migrations';
import {
  buildDatasetColumnKey,
  buildDatasetColumnPrefix,
  buildDatasetCorruptKey,
  buildDatasetCorruptPrefix,
  buildDatasetKeyPrefix,
  buildDatasetMetaKey,
  createEmptyWorkspaceIndex,
  CURRENT_SCHEMA_VERSION,
  DATASET_DOCUMENT_KIND,
  isEnvelope,
  isValidDatasetId,
  isWorkspaceIndex,
  WORKSPACE_INDEX_KEY,
  wrapEnvelope,
  type WorkspaceIndex,
  type WorkspaceIndexEntry,
} from '../../core/persistence/schema';
import { fail, ok, type AppError, type Result } from '../../core/shared/result';
import { mapStorageError, type KvStore, type StoreMode } from './idb';

/** One saved data set in the workspace list (same fields as its index entry). */
export type DatasetSummary = WorkspaceIndexEntry;

/** How much browser storage the workspace uses. */
export interface StorageUsage {
  /** Whole-origin usage from the browser when known, else the sum of data set estimates. */
  usedBytes: number;
  quotaBytes?: number;
  /** Whether the browser promised not to evict this origin's storage. */
  persisted?: boolean;
}

/** The subset of `navigator.storage` used here (injectable for tests). */
export interface StorageManagerLike {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persisted?(): Promise<boolean>;
}

/** Options of `createWorkspaceRepository`. */
export interface WorkspaceRepositoryOptions {
  /** Defaults to `navigator.storage` when present. */
  storageManager?: StorageManagerLike;
}

/** The workspace API used by the UI. Every method resolves; failures are Results. */
export interface WorkspaceRepository {
  /** 'memory': nothing survives a reload; the UI says "kept in memory only". */
  readonly mode: StoreMode;
  /**
   * True once an index written by a newer version has been read (after the first call,
   * e.g. `listDatasets()` at start-up). Writes then return SCHEMA_TOO_NEW.
   */
  readonly readOnly: boolean;
  listDatasets(): Promise<Result<DatasetSummary[]>>;
  /** Creates or replaces data set `id` (letters, digits, '-' and '_'). Pass plain values. */
  saveDataset(id: string, dataset: Dataset): Promise<Result<DatasetSummary>>;
  loadDataset(id: string): Promise<Result<Dataset>>;
  renameDataset(id: string, name: string): Promise<Result<DatasetSummary>>;
  deleteDataset(id: string): Promise<Result<void>>;
  storageUsage(): Promise<StorageUsage>;
}

interface IndexState {
  /** Undefined only when a newer index is not readable by this version. */
  index: WorkspaceIndex | undefined;
  readOnly: boolean;
  /** Set when read-only: the error every write returns. */
  tooNew?: AppError;
}

/**
 * Creates the repository over `store`. `now` gives the time of writes (savedAt, corrupt-copy
 * keys); injected so tests are deterministic.
 */
export function createWorkspaceRepository(
  store: KvStore,
  now: () => Date,
  options: WorkspaceRepositoryOptions = {},
): WorkspaceRepository {
  let readOnly = false;
  let queue: Promise<unknown> = Promise.resolve();

  // One operation at a time: each one reads the index, changes it and writes it back.
  function serialise<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation, operation);
    queue = result.catch(() => undefined);
    return result;
  }

  async function readIndex(): Promise<Result<IndexState>> {
    let raw: unknown;
    try {
      raw = await store.get(WORKSPACE_INDEX_KEY);
    } catch (error) {
      return { ok: false, error: mapStorageError(error) };
    }
    if (raw === undefined) {
      readOnly = false;
      return ok({ index: createEmptyWorkspaceIndex(), readOnly: false });
    }
    if (!isEnvelope(raw)) return fail('WORKSPACE_CORRUPT', 'The workspace index is not readable.');
    const migrated = migrateEnvelope(raw);
    if (!migrated.ok) {
      if (migrated.error.code !== 'SCHEMA_TOO_NEW') return migrated;
      readOnly = true;
      // A newer index may still have a shape this version understands: list it if so.
      const index = isWorkspaceIndex(raw.data) ? raw.data : undefined;
      return ok({ index, readOnly: true, tooNew: migrated.error });
    }
    if (!isWorkspaceIndex(migrated.value.data)) {
      return fail('WORKSPACE_CORRUPT', 'The workspace index is not readable.');
    }
    readOnly = false;
    return ok({ index: migrated.value.data, readOnly: false });
  }

  // Every write goes through here first: nothing is written while read-only.
  async function readWritableIndex(): Promise<Result<WorkspaceIndex>> {
    const state = await readIndex();
    if (!state.ok) return state;
    if (state.value.readOnly || state.value.index === undefined) {
      return { ok: false, error: state.value.tooNew ?? tooNewError() };
    }
    return ok(state.value.index);
  }

  async function writeDataset(index: WorkspaceIndex, id: string, dataset: Dataset): Promise<Result<DatasetSummary>> {
    const savedAt = now().toISOString();
    const { meta, columns } = splitDataset(dataset);
    const summary: DatasetSummary = {
      id,
      name: dataset.name,
      rowCount: dataset.rowCount,
      columnCount: columns.length,
      bytes: estimateDatasetBytes(dataset),
      savedAt,
    };
    const entries: [string, unknown][] = [[buildDatasetMetaKey(id), wrapEnvelope(meta, savedAt)]];
    columns.forEach((column, n) => entries.push([buildDatasetColumnKey(id, n), column]));
    entries.push([WORKSPACE_INDEX_KEY, wrapEnvelope(upsertEntry(index, summary), savedAt)]);

    // Columns beyond the new count, left by an earlier wider version of this data set.
    let staleKeys: string[] = [];
    try {
      const prefix = buildDatasetColumnPrefix(id);
      staleKeys = (await store.keys()).filter(
        (key) => key.startsWith(prefix) && Number(key.slice(prefix.length)) >= columns.length,
      );
    } catch {
      // Not knowing the leftovers only costs space; the save itself can go ahead.
    }
    try {
      await store.setMany(entries);
    } catch (error) {
      return { ok: false, error: mapStorageError(error) };
    }
    if (staleKeys.length > 0) {
      // After the write, not before: until then the old meta still references them.
      try {
        await store.delMany(staleKeys);
      } catch {
        // Unreferenced leftovers are harmless; deleting the data set removes them.
      }
    }
    return ok({ ...summary });
  }

  async function readDataset(id: string): Promise<Result<Dataset>> {
    if (!isValidDatasetId(id)) return invalidId(id);
    const state = await readIndex();
    if (!state.ok) return state;
    if (state.value.index === undefined) return { ok: false, error: state.value.tooNew ?? tooNewError() };
    const entry = state.value.index.datasets.find((candidate) => candidate.id === id);
    // Keys not listed in the index are leftovers of an interrupted delete: never resurrect them.
    if (entry === undefined) return notFound(id);

    let rawMeta: unknown;
    let columns: unknown[];
    try {
      rawMeta = await store.get(buildDatasetMetaKey(id));
      // The index's columnCount was written in the same transaction as the meta.
      const columnKeys = Array.from({ length: entry.columnCount }, (_, n) => buildDatasetColumnKey(id, n));
      columns = columnKeys.length > 0 ? await store.getMany(columnKeys) : [];
    } catch (error) {
      return { ok: false, error: mapStorageError(error) };
    }
    if (!isEnvelope(rawMeta)) return keepCorrupt(id, rawMeta, 'meta record missing or not an envelope');
    if (columns.some((column) => column === undefined)) return keepCorrupt(id, rawMeta, 'column record missing');

    const migrated = migrateEnvelope({
      ...rawMeta,
      data: { kind: DATASET_DOCUMENT_KIND, meta: rawMeta.data, columns },
    });
    if (!migrated.ok) return migrated; // too new, or a broken migration: the data is not at fault
    const document = migrated.value.data;
    if (!isRecord(document) || !isDatasetMeta(document.meta) || !Array.isArray(document.columns)) {
      return keepCorrupt(id, rawMeta, 'meta record malformed');
    }
    const joined = joinDataset(document.meta, document.columns);
    if (!joined.ok) return keepCorrupt(id, rawMeta, joined.error.message);
    return joined;
  }

  /**
   * Keeps the raw meta aside under `dataset:<id>:corrupt:<ms>` (once per data set, so
   * repeated loads do not pile up copies) and reports DATASET_CORRUPT. The data set stays
   * listed so the user can see it and delete it. Nothing is written while read-only.
   */
  async function keepCorrupt(id: string, rawMeta: unknown, reason: string): Promise<Result<never>> {
    if (!readOnly && rawMeta !== undefined) {
      try {
        const prefix = buildDatasetCorruptPrefix(id);
        if (!(await store.keys()).some((key) => key.startsWith(prefix))) {
          await store.setMany([[buildDatasetCorruptKey(id, now().getTime()), rawMeta]]);
        }
      } catch {
        // Keeping the copy is best effort: the load has failed either way.
      }
    }
    return fail('DATASET_CORRUPT', `Data set ${id} is damaged: ${reason}`, { id, reason });
  }

  async function sumEstimates(): Promise<number> {
    const state = await readIndex();
    if (!state.ok || state.value.index === undefined) return 0;
    return state.value.index.datasets.reduce((sum, entry) => sum + entry.bytes, 0);
  }

  const storageManager =
    options.storageManager ?? (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;

  return {
    mode: store.mode,
    get readOnly() {
      return readOnly;
    },

    listDatasets: () =>
      serialise(async () => {
        const state = await readIndex();
        if (!state.ok) return state;
        if (state.value.index === undefined) return { ok: false, error: state.value.tooNew ?? tooNewError() };
        return ok(state.value.index.datasets.map((entry) => ({ ...entry })));
      }),

    saveDataset: (id, dataset) =>
      serialise(async () => {
        if (!isValidDatasetId(id)) return invalidId(id);
        const valid = validateDataset(dataset);
        if (!valid.ok) return valid;
        const index = await readWritableIndex();
        if (!index.ok) return index;
        return writeDataset(index.value, id, dataset);
      }),

    loadDataset: (id) => serialise(() => readDataset(id)),

    renameDataset: (id, name) =>
      serialise(async (): Promise<Result<DatasetSummary>> => {
        if (!isValidDatasetId(id)) return invalidId(id);
        const trimmed = name.trim();
        if (trimmed === '') return fail('INVALID_NAME', 'A data set name cannot be empty.');
        const index = await readWritableIndex();
        if (!index.ok) return index;
        const entry = index.value.datasets.find((candidate) => candidate.id === id);
        if (entry === undefined) return notFound(id);

        let rawMeta: unknown;
        try {
          rawMeta = await store.get(buildDatasetMetaKey(id));
        } catch (error) {
          return { ok: false, error: mapStorageError(error) };
        }
        if (isEnvelope(rawMeta) && rawMeta.schemaVersion === CURRENT_SCHEMA_VERSION && isDatasetMeta(rawMeta.data)) {
          // Usual case: rewrite the small meta and the index, leave the columns alone.
          const savedAt = now().toISOString();
          const summary: DatasetSummary = { ...entry, name: trimmed, savedAt };
          try {
            await store.setMany([
              [buildDatasetMetaKey(id), wrapEnvelope({ ...rawMeta.data, name: trimmed }, savedAt)],
              [WORKSPACE_INDEX_KEY, wrapEnvelope(upsertEntry(index.value, summary), savedAt)],
            ]);
          } catch (error) {
            return { ok: false, error: mapStorageError(error) };
          }
          return ok({ ...summary });
        }
        // Older (or damaged) meta: a current-version meta must not sit beside old-format
        // columns, so load (migrating, or reporting the damage) and save the whole data set.
        const loaded = await readDataset(id);
        if (!loaded.ok) return loaded;
        return writeDataset(index.value, id, { ...loaded.value, name: trimmed });
      }),

    deleteDataset: (id) =>
      serialise(async (): Promise<Result<void>> => {
        if (!isValidDatasetId(id)) return invalidId(id);
        const index = await readWritableIndex();
        if (!index.ok) return index;
        let ownKeys: string[];
        try {
          const prefix = buildDatasetKeyPrefix(id);
          ownKeys = (await store.keys()).filter((key) => key.startsWith(prefix));
        } catch (error) {
          return { ok: false, error: mapStorageError(error) };
        }
        const listed = index.value.datasets.some((entry) => entry.id === id);
        if (!listed && ownKeys.length === 0) return notFound(id);
        // Index first, records second: a crash in between leaves unlisted leftovers (which a
        // later delete of the same id sweeps) but never an index entry pointing at nothing.
        if (listed) {
          const next: WorkspaceIndex = { ...index.value, datasets: index.value.datasets.filter((entry) => entry.id !== id) };
          try {
            await store.setMany([[WORKSPACE_INDEX_KEY, wrapEnvelope(next, now().toISOString())]]);
          } catch (error) {
            return { ok: false, error: mapStorageError(error) };
          }
        }
        if (ownKeys.length > 0) {
          try {
            await store.delMany(ownKeys);
          } catch {
            // The data set is already gone from the workspace; only space is not reclaimed yet.
          }
        }
        return ok(undefined);
      }),

    storageUsage: () =>
      serialise(async (): Promise<StorageUsage> => {
        // The browser's figure only describes IndexedDB when the data is actually there.
        if (store.mode === 'indexeddb' && storageManager?.estimate) {
          try {
            const estimate = await storageManager.estimate();
            const usage: StorageUsage = { usedBytes: estimate.usage ?? (await sumEstimates()) };
            if (estimate.quota !== undefined) usage.quotaBytes = estimate.quota;
            if (storageManager.persisted) {
              try {
                usage.persisted = await storageManager.persisted();
              } catch {
                // Unknown persistence is reported as such (absent).
              }
            }
            return usage;
          } catch {
            // Fall through to our own estimate.
          }
        }
        return { usedBytes: await sumEstimates() };
      }),
  };
}

function upsertEntry(index: WorkspaceIndex, entry: WorkspaceIndexEntry): WorkspaceIndex {
  const found = index.datasets.some((candidate) => candidate.id === entry.id);
  const datasets = found
    ? index.datasets.map((candidate) => (candidate.id === entry.id ? entry : candidate))
    : [...index.datasets, entry];
  return { ...index, datasets };
}

function tooNewError(): AppError {
  return {
    code: 'SCHEMA_TOO_NEW',
    message: 'The workspace was saved by a newer version of the app; it is open read-only.',
  };
}

function invalidId(id: string): Result<never> {
  return fail('INVALID_DATASET_ID', `"${id}" is not a valid data set id.`, { id });
}

function notFound(id: string): Result<never> {
  return fail('DATASET_NOT_FOUND', `No saved data set ${id}.`, { id });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
