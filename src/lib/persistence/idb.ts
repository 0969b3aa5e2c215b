/**
 * The one key-value store the workspace lives in: IndexedDB through idb-keyval, or an
 * in-memory stand-in when IndexedDB cannot be opened (some private modes).
 *
 * Rules this file enforces (known idb-keyval pitfalls):
 * - ONE database with ONE object store (`b2b-strategy-lab` / `kv`); records are told apart by
 *   key prefix. A second createStore on the same database with another store name never gets
 *   its store created (no version upgrade) and its writes fail.
 * - Every call is retried once on a fresh connection: browsers close idle connections after
 *   sleep or backgrounding ("The database connection is closing").
 * - Values must be structured-cloneable plain data: a Svelte 5 $state proxy throws a
 *   DataCloneError. Callers pass plain values ($state.snapshot).
 * - Stores throw; `mapStorageError` turns what they throw into an AppError.
 */
import {
  createStore,
  delMany as idbDelMany,
  get as idbGet,
  getMany as idbGetMany,
  keys as idbKeys,
  promisifyRequest,
  type UseStore,
} from 'idb-keyval';
import type { AppError } from '../../core/shared/result';

/** Where the workspace is kept: on disk, or only until the tab closes. */
export type StoreMode = 'indexeddb' | 'memory';

/** Minimal key-value store the repository needs. Methods throw on failure. */
export interface KvStore {
  readonly mode: StoreMode;
  get<T = unknown>(key: string): Promise<T | undefined>;
  getMany<T = unknown>(keys: string[]): Promise<(T | undefined)[]>;
  /** Writes all entries in one transaction: all of them or none. */
  setMany(entries: [string, unknown][]): Promise<void>;
  /** Deletes all keys in one transaction. */
  delMany(keys: string[]): Promise<void>;
  /** Every key, sorted. */
  keys(): Promise<string[]>;
}

/** Database name of the workspace. DO NOT CHANGE: existing data would become invisible. */
export const WORKSPACE_DB_NAME = 'b2b-strategy-lab';
/** The single object store of that database. DO NOT CHANGE (see above). */
export const WORKSPACE_STORE_NAME = 'kv';

const PROBE_KEY = 'probe:open-check';
const DEFAULT_PROBE_TIMEOUT_MS = 5000;

// Errors a second attempt cannot fix; everything else (closing connection, transaction
// inactive, Safari's "UnknownError") gets one retry.
const NON_RETRYABLE = new Set(['QuotaExceededError', 'DataCloneError', 'DataError', 'ConstraintError', 'VersionError']);

/**
 * Runs `operation`, and once more after `reconnect()` if it failed with a retryable error.
 * Only idempotent operations go through here (get, put, delete).
 */
export async function runWithSingleRetry<T>(operation: () => Promise<T>, reconnect: () => void): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (NON_RETRYABLE.has(readErrorName(error) ?? '')) throw error;
    reconnect();
    return operation();
  }
}

/** A KvStore on IndexedDB. Opens lazily: the first call opens the database. */
export function createIdbStore(dbName: string = WORKSPACE_DB_NAME, storeName: string = WORKSPACE_STORE_NAME): KvStore {
  let useStore: UseStore = createStore(dbName, storeName);
  // A fresh createStore opens a fresh connection; idb-keyval keeps the old one cached
  // otherwise when the browser closed it without firing `close`.
  const reconnect = () => {
    useStore = createStore(dbName, storeName);
  };
  const run = <T>(operation: (store: UseStore) => Promise<T>) =>
    runWithSingleRetry(() => operation(useStore), reconnect);
  return {
    mode: 'indexeddb',
    get: <T>(key: string) => run((store) => idbGet<T>(key, store)),
    getMany: <T>(keys: string[]) => run((store) => idbGetMany<T>(keys, store)),
    setMany: (entries) => run((store) => putInTurn(entries, store)),
    delMany: (keys) => run((store) => idbDelMany(keys, store)),
    keys: () => run(async (store) => (await idbKeys(store)).map(String).sort()),
  };
}

/**
 * Writes entries in ONE transaction (all or nothing), but one put per browser task: each
 * put is issued from the previous one's success event. The browser copies a value when it
 * is put, so a data set of many large columns never freezes the page in one long copy,
 * as idb-keyval's setMany (all puts at once) would.
 */
function putInTurn(entries: [string, unknown][], useStore: UseStore): Promise<void> {
  return useStore('readwrite', (store) => {
    const transaction = store.transaction;
    const done = promisifyRequest(transaction);
    let failure: unknown = null;
    let next = 0;
    const putNext = () => {
      if (next >= entries.length) return;
      const [key, value] = entries[next++];
      try {
        store.put(value, key).onsuccess = putNext;
      } catch (error) {
        // The browser already aborted the transaction (a full disk): its own error says why.
        if (transaction.error) return;
        // A value that cannot be stored (DataCloneError): undo the puts before it, and
        // report this error rather than the transaction's generic AbortError.
        failure = error;
        try {
          transaction.abort();
        } catch {
          // Already finished: nothing to undo.
        }
      }
    };
    putNext();
    return done.catch((error: unknown) => {
      throw failure ?? error;
    });
  }) as Promise<void>;
}

/**
 * A KvStore in memory, for when IndexedDB is unavailable (and for tests). Values are
 * structured-cloned on the way in and out, as IndexedDB does, so callers see the same
 * behaviour: no aliasing, typed arrays and NaN kept, uncloneable values rejected.
 */
export function createMemoryStore(): KvStore {
  const data = new Map<string, unknown>();
  return {
    mode: 'memory',
    async get<T>(key: string) {
      return data.has(key) ? (structuredClone(data.get(key)) as T) : undefined;
    },
    async getMany<T>(keys: string[]) {
      return keys.map((key) => (data.has(key) ? (structuredClone(data.get(key)) as T) : undefined));
    },
    async setMany(entries) {
      // Clone everything first: if one value fails, nothing is written.
      const cloned = entries.map(([key, value]) => [key, structuredClone(value)] as const);
      for (const [key, value] of cloned) data.set(key, value);
    },
    async delMany(keys) {
      for (const key of keys) data.delete(key);
    },
    async keys() {
      return [...data.keys()].sort();
    },
  };
}

/** Options of `openKvStore`; the defaults are what the app uses. */
export interface OpenKvStoreOptions {
  /** Makes the IndexedDB-backed store to probe. */
  createIdbStore?: () => KvStore;
  /** Probe time limit: an open that never settles (seen in Safari) counts as a failure. */
  probeTimeoutMs?: number;
}

/**
 * Opens an IndexedDB store and checks it works by writing, reading and deleting a probe
 * key; falls back to a memory store if that fails. A quota error on the probe keeps
 * IndexedDB: the existing workspace is still readable, and later writes report the quota.
 */
export async function openKvStore(options: OpenKvStoreOptions = {}): Promise<KvStore> {
  const timeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  let store: KvStore;
  try {
    store = (options.createIdbStore ?? createIdbStore)();
  } catch {
    return createMemoryStore();
  }
  try {
    await withTimeout(probeStore(store), timeoutMs);
    return store;
  } catch (error) {
    if (readErrorName(error) === 'QuotaExceededError') return store;
    return createMemoryStore();
  }
}

let workspaceStore: Promise<KvStore> | undefined;

/** The app's workspace store, probed once per page load. Check `mode` to warn "memory only". */
export function openWorkspaceStore(): Promise<KvStore> {
  workspaceStore ??= openKvStore();
  return workspaceStore;
}

/**
 * Turns what a store threw into an AppError: `STORAGE_QUOTA` for a full disk or quota,
 * `STORAGE_FAILED` (with the DOMException name) for anything else.
 */
export function mapStorageError(error: unknown): AppError {
  const name = readErrorName(error) ?? 'Error';
  const detail = readErrorMessage(error);
  // Firefox used a non-standard name for the same condition.
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return { code: 'STORAGE_QUOTA', message: `Browser storage is full: ${detail}`, params: { name } };
  }
  return { code: 'STORAGE_FAILED', message: `Browser storage failed (${name}): ${detail}`, params: { name } };
}

async function probeStore(store: KvStore): Promise<void> {
  await store.setMany([[PROBE_KEY, 1]]);
  if ((await store.get(PROBE_KEY)) !== 1) throw new Error('Probe value did not read back.');
  await store.delMany([PROBE_KEY]);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms.`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

// DOMException-like: anything with a string `name` (real DOMExceptions, test doubles).
function readErrorName(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') {
    return error.name;
  }
  return undefined;
}

function readErrorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return String(error);
}
