/**
 * How a Dataset is cut into stored records: one small meta record plus one record per
 * column storage. A whole large data set can exceed what a browser accepts as one value
 * (Chrome: ~133 MB), a single column rarely does.
 */
import {
  COLUMN_TYPES,
  type Column,
  type ColumnStorage,
  type ColumnType,
  type DataIssue,
  type Dataset,
  type ImportSource,
} from '../data/dataset';
import { fail, ok, type Result } from '../shared/result';

/** A column without its storage; `storageKind` says which record kind to expect. */
export interface ColumnMeta {
  name: string;
  type: ColumnType;
  inferredType: ColumnType;
  missingCount: number;
  storageKind: ColumnStorage['kind'];
}

/** Everything of a Dataset except the column storages. */
export interface DatasetMeta {
  name: string;
  rowCount: number;
  columns: ColumnMeta[];
  issues: DataIssue[];
  source: ImportSource;
}

/** A Dataset cut into its stored records; `columns[n]` goes under `dataset:<id>:col:<n>`. */
export interface DatasetRecords {
  meta: DatasetMeta;
  columns: ColumnStorage[];
}

/**
 * Cuts a data set into records. Objects and string arrays are copied into plain values (so a
 * Svelte $state proxy that slipped through does not reach IndexedDB); typed arrays are shared,
 * not copied, as they can be large and storing clones them anyway.
 */
export function splitDataset(dataset: Dataset): DatasetRecords {
  const meta: DatasetMeta = {
    name: dataset.name,
    rowCount: dataset.rowCount,
    columns: dataset.columns.map((column) => ({
      name: column.name,
      type: column.type,
      inferredType: column.inferredType,
      missingCount: column.missingCount,
      storageKind: column.storage.kind,
    })),
    issues: dataset.issues.map(copyIssue),
    source: { ...dataset.source },
  };
  const columns = dataset.columns.map((column) => copyStorage(column.storage));
  return { meta, columns };
}

/**
 * Puts records back together and validates the result. `columns` is typed `unknown` as it
 * comes straight from storage.
 */
export function joinDataset(meta: DatasetMeta, columns: readonly unknown[]): Result<Dataset> {
  if (columns.length !== meta.columns.length) {
    return fail('DATASET_INVALID', `Expected ${meta.columns.length} column records, found ${columns.length}.`, {
      expected: meta.columns.length,
      found: columns.length,
    });
  }
  const joined: Column[] = [];
  for (let i = 0; i < columns.length; i++) {
    const columnMeta = meta.columns[i];
    const storage = columns[i];
    if (!isRecord(storage) || storage.kind !== columnMeta.storageKind) {
      return fail('DATASET_INVALID', `Column "${columnMeta.name}" record is not ${columnMeta.storageKind} storage.`, {
        column: columnMeta.name,
      });
    }
    joined.push({
      name: columnMeta.name,
      type: columnMeta.type,
      inferredType: columnMeta.inferredType,
      missingCount: columnMeta.missingCount,
      storage: storage as unknown as ColumnStorage,
    });
  }
  return validateDataset({
    name: meta.name,
    rowCount: meta.rowCount,
    columns: joined,
    issues: meta.issues,
    source: meta.source,
  });
}

/** Structural check of a meta record as read from storage. */
export function isDatasetMeta(value: unknown): value is DatasetMeta {
  if (!isRecord(value)) return false;
  if (typeof value.name !== 'string' || !isCount(value.rowCount)) return false;
  if (!Array.isArray(value.columns) || !value.columns.every(isColumnMeta)) return false;
  return checkIssues(value.issues) === undefined && checkSource(value.source) === undefined;
}

/**
 * Structural check of a whole data set: column types known, typed arrays of the right kind
 * with one entry per row, dictionary codes within the dictionary (or -1), rejected cells
 * consistent. Does not check that a column type matches its storage kind: the engine owns
 * that rule. Returns the same object, typed, or a `DATASET_INVALID` error naming the column.
 */
export function validateDataset(value: unknown): Result<Dataset> {
  if (!isRecord(value)) return invalid('not an object');
  if (typeof value.name !== 'string') return invalid('name is not a string');
  if (!isCount(value.rowCount)) return invalid('rowCount is not a non-negative integer');
  const rowCount = value.rowCount;
  if (!Array.isArray(value.columns)) return invalid('columns is not an array');
  for (const column of value.columns as unknown[]) {
    const reason = checkColumn(column, rowCount);
    if (reason !== undefined) {
      const name = isRecord(column) && typeof column.name === 'string' ? column.name : '?';
      return invalid(reason, name);
    }
  }
  const issuesReason = checkIssues(value.issues);
  if (issuesReason !== undefined) return invalid(issuesReason);
  const sourceReason = checkSource(value.source);
  if (sourceReason !== undefined) return invalid(sourceReason);
  return ok(value as unknown as Dataset);
}

/**
 * Rough stored size of a data set, for the storage list: typed array bytes plus 2 bytes per
 * character of stored strings (names, dictionaries, rejected cells, issue messages).
 */
export function estimateDatasetBytes(dataset: Dataset): number {
  let bytes = stringBytes(dataset.name);
  for (const column of dataset.columns) {
    bytes += stringBytes(column.name);
    const storage = column.storage;
    if (storage.kind === 'numeric') {
      bytes += storage.values.byteLength + storage.rejected.rows.byteLength;
      for (const raw of storage.rejected.raw) bytes += stringBytes(raw);
    } else {
      bytes += storage.codes.byteLength + storage.dictionary.ends.byteLength + stringBytes(storage.dictionary.text);
    }
  }
  for (const issue of dataset.issues) bytes += stringBytes(issue.code) + stringBytes(issue.message);
  return bytes;
}

function copyIssue(issue: DataIssue): DataIssue {
  const copy: DataIssue = { code: issue.code, message: issue.message };
  if (issue.row !== undefined) copy.row = issue.row;
  if (issue.column !== undefined) copy.column = issue.column;
  if (issue.params !== undefined) copy.params = { ...issue.params };
  return copy;
}

function copyStorage(storage: ColumnStorage): ColumnStorage {
  if (storage.kind === 'numeric') {
    return {
      kind: 'numeric',
      values: storage.values,
      rejected: { rows: storage.rejected.rows, raw: storage.rejected.raw.slice() },
    };
  }
  return { kind: 'dictionary', codes: storage.codes, dictionary: { text: storage.dictionary.text, ends: storage.dictionary.ends } };
}

function checkColumn(value: unknown, rowCount: number): string | undefined {
  if (!isRecord(value)) return 'column is not an object';
  if (typeof value.name !== 'string') return 'column name is not a string';
  if (!isColumnType(value.type)) return `unknown column type ${String(value.type)}`;
  if (!isColumnType(value.inferredType)) return `unknown inferred type ${String(value.inferredType)}`;
  if (!isCount(value.missingCount) || value.missingCount > rowCount) return 'missingCount out of range';
  return checkStorage(value.storage, rowCount);
}

function checkStorage(storage: unknown, rowCount: number): string | undefined {
  if (!isRecord(storage)) return 'storage is not an object';
  if (storage.kind === 'numeric') {
    if (!isTypedArray(storage.values, 'Float64Array')) return 'numeric values are not a Float64Array';
    if (storage.values.length !== rowCount) return `numeric values have ${storage.values.length} rows, expected ${rowCount}`;
    const rejected = storage.rejected;
    if (!isRecord(rejected)) return 'rejected cells missing';
    if (!isTypedArray(rejected.rows, 'Int32Array')) return 'rejected rows are not an Int32Array';
    if (!isStringArray(rejected.raw)) return 'rejected raw values are not strings';
    if (rejected.raw.length !== rejected.rows.length) return 'rejected rows and raw values differ in length';
    return undefined;
  }
  if (storage.kind === 'dictionary') {
    if (!isTypedArray(storage.codes, 'Int32Array')) return 'dictionary codes are not an Int32Array';
    if (storage.codes.length !== rowCount) return `dictionary codes have ${storage.codes.length} rows, expected ${rowCount}`;
    const problem = checkPackedStrings(storage.dictionary);
    if (problem) return problem;
    const size = (storage.dictionary as { ends: Int32Array }).ends.length;
    const codes = storage.codes;
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] < -1 || codes[i] >= size) return `code ${codes[i]} at row ${i} is outside the dictionary`;
    }
    return undefined;
  }
  return `unknown storage kind ${String(storage.kind)}`;
}

function checkPackedStrings(value: unknown): string | undefined {
  if (!isRecord(value) || typeof value.text !== 'string') return 'dictionary text is not a string';
  if (!isTypedArray(value.ends, 'Int32Array')) return 'dictionary ends are not an Int32Array';
  const ends = value.ends as Int32Array;
  let previous = 0;
  for (let i = 0; i < ends.length; i++) {
    if (ends[i] < previous) return `dictionary end ${i} goes backwards`;
    previous = ends[i];
  }
  if (previous !== value.text.length) return 'dictionary ends do not match its text';
  return undefined;
}

function checkIssues(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'issues is not an array';
  for (const issue of value as unknown[]) {
    if (!isRecord(issue) || typeof issue.code !== 'string' || typeof issue.message !== 'string') {
      return 'issue without code or message';
    }
  }
  return undefined;
}

function checkSource(value: unknown): string | undefined {
  if (
    !isRecord(value) ||
    typeof value.fileName !== 'string' ||
    typeof value.byteLength !== 'number' ||
    typeof value.encoding !== 'string' ||
    typeof value.delimiter !== 'string' ||
    (value.decimal !== '.' && value.decimal !== ',')
  ) {
    return 'source is malformed';
  }
  return undefined;
}

function isColumnMeta(value: unknown): value is ColumnMeta {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    isColumnType(value.type) &&
    isColumnType(value.inferredType) &&
    isCount(value.missingCount) &&
    (value.storageKind === 'numeric' || value.storageKind === 'dictionary')
  );
}

function isColumnType(value: unknown): value is ColumnType {
  return typeof value === 'string' && (COLUMN_TYPES as readonly string[]).includes(value);
}

type TypedArrayName = 'Float64Array' | 'Int32Array';
type TypedArrayOf<N extends TypedArrayName> = N extends 'Float64Array' ? Float64Array : Int32Array;

// The internal tag, not instanceof: values cloned in another realm (worker, iframe) still pass.
function isTypedArray<N extends TypedArrayName>(value: unknown, name: N): value is TypedArrayOf<N> {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === `[object ${name}]`;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringBytes(text: string): number {
  return text.length * 2;
}

function invalid(reason: string, column?: string): Result<never> {
  const message = column === undefined ? `Invalid data set: ${reason}.` : `Invalid data set, column "${column}": ${reason}.`;
  return fail('DATASET_INVALID', message, column === undefined ? { reason } : { reason, column });
}
