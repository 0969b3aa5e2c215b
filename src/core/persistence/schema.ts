/**
 * The persisted format of the workspace: schema version, storage keys, the envelope every
 * top-level record is wrapped in, and the workspace index.
 *
 * Layout in the one key-value store:
 * - `workspace:index`          Envelope<WorkspaceIndex>: the list the UI shows.
 * - `dataset:<id>:meta`        Envelope<DatasetMeta>: everything but the column arrays.
 * - `dataset:<id>:col:<n>`     ColumnStorage of column n, bare (no envelope).
 * - `dataset:<id>:corrupt:<t>` Raw meta value kept aside when a load found it damaged.
 * - `plan:forecast`            Envelope<KeptForecast>: the forecast kept for the plan
 *                              (kept-forecast.ts); absent until one is kept, so a v1 store
 *                              without it is still a complete v1 store.
 *
 * Columns carry no envelope of their own: they are always written in the same transaction
 * as their meta, so the meta's schemaVersion is theirs too, and a migration sees the meta and
 * the columns together (see migrations.ts).
 */

/** Version of the persisted format this build reads and writes. Bump only with a migration. */
export const CURRENT_SCHEMA_VERSION = 1;

/** Version of the app that wrote a record; informational (logs, bug reports), never branched on. */
export const APP_VERSION = '0.1.0';

/** `kind` of the workspace index document (lets a migration tell documents apart). */
export const WORKSPACE_INDEX_KIND = 'workspace-index';

/** `kind` of the document a migration receives for one data set: `{ kind, meta, columns }`. */
export const DATASET_DOCUMENT_KIND = 'dataset';

// ---------------------------------------------------------------------------------------
// DO NOT CHANGE THESE WITHOUT A MIGRATION: stored data is found by these exact keys.
// ---------------------------------------------------------------------------------------

/** Key of the workspace index. */
export const WORKSPACE_INDEX_KEY = 'workspace:index';

/** Key of the forecast kept for the plan (one record, replaced by the next one kept). */
export const KEPT_FORECAST_KEY = 'plan:forecast';

/** Key of a data set's meta record. */
export function buildDatasetMetaKey(id: string): string {
  return `dataset:${id}:meta`;
}

/** Key of a data set's column `n` (0-based, in column order). */
export function buildDatasetColumnKey(id: string, n: number): string {
  return `dataset:${id}:col:${n}`;
}

/** Key under which a damaged meta record is kept aside; `timestamp` is ms since epoch. */
export function buildDatasetCorruptKey(id: string, timestamp: number): string {
  return `dataset:${id}:corrupt:${timestamp}`;
}

/** Prefix shared by every key of one data set (meta, columns, corrupt copies). */
export function buildDatasetKeyPrefix(id: string): string {
  return `dataset:${id}:`;
}

/** Prefix shared by the column keys of one data set. */
export function buildDatasetColumnPrefix(id: string): string {
  return `dataset:${id}:col:`;
}

/** Prefix shared by the corrupt copies of one data set. */
export function buildDatasetCorruptPrefix(id: string): string {
  return `dataset:${id}:corrupt:`;
}

// ---------------------------------------------------------------------------------------

/**
 * Whether `id` may be used as a data set id. No ':' allowed, so `dataset:<id>:` prefixes
 * never overlap (id "a" must not own the keys of id "a:col").
 */
export function isValidDatasetId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(id);
}

/** What every top-level stored record is wrapped in. */
export interface Envelope<T> {
  schemaVersion: number;
  appVersion: string;
  /** ISO 8601 timestamp of the write. */
  savedAt: string;
  data: T;
}

/** Wraps `data` at the current schema version; `savedAt` is passed in (core has no clock). */
export function wrapEnvelope<T>(data: T, savedAt: string): Envelope<T> {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, appVersion: APP_VERSION, savedAt, data };
}

/**
 * Runtime check that a stored value has the envelope shape. Any integer version passes:
 * whether it is known is for `migrateEnvelope` to say.
 */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (!isRecord(value)) return false;
  return (
    typeof value.schemaVersion === 'number' &&
    Number.isInteger(value.schemaVersion) &&
    typeof value.appVersion === 'string' &&
    typeof value.savedAt === 'string' &&
    'data' in value
  );
}

/** One data set as listed in the workspace index. */
export interface WorkspaceIndexEntry {
  id: string;
  name: string;
  rowCount: number;
  columnCount: number;
  /** Estimated stored size (see estimateDatasetBytes). */
  bytes: number;
  /** ISO 8601 timestamp of the last write of this data set. */
  savedAt: string;
}

/** The workspace index document (the `data` of the `workspace:index` envelope). */
export interface WorkspaceIndex {
  kind: typeof WORKSPACE_INDEX_KIND;
  datasets: WorkspaceIndexEntry[];
}

/** An index with no data sets. */
export function createEmptyWorkspaceIndex(): WorkspaceIndex {
  return { kind: WORKSPACE_INDEX_KIND, datasets: [] };
}

/** Structural check of a workspace index document (ids valid and unique). */
export function isWorkspaceIndex(value: unknown): value is WorkspaceIndex {
  if (!isRecord(value) || value.kind !== WORKSPACE_INDEX_KIND || !Array.isArray(value.datasets)) return false;
  const seen = new Set<string>();
  for (const entry of value.datasets as unknown[]) {
    if (!isWorkspaceIndexEntry(entry) || seen.has(entry.id)) return false;
    seen.add(entry.id);
  }
  return true;
}

function isWorkspaceIndexEntry(value: unknown): value is WorkspaceIndexEntry {
  return (
    isRecord(value) &&
    isValidDatasetId(value.id) &&
    typeof value.name === 'string' &&
    isCount(value.rowCount) &&
    isCount(value.columnCount) &&
    typeof value.bytes === 'number' &&
    Number.isFinite(value.bytes) &&
    value.bytes >= 0 &&
    typeof value.savedAt === 'string'
  );
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
