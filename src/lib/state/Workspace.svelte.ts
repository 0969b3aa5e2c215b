/**
 * The workspace: the data sets kept in this browser, the one that is open, and the import
 * job. Views read it and call its methods; it talks to the import worker and to storage.
 * Big values (data sets, summaries) live in $state.raw and are replaced, never mutated.
 */
import type { Column, ColumnType, Dataset, ReadingRules } from '../../core/data/dataset';
import { summarizeColumn, type ColumnSummary } from '../../core/data/summarize';
import { fail, ok, type AppError, type Result } from '../../core/shared/result';
import { createWorkerClient, type WorkerClient } from '../worker-client';
import { importInParallel } from '../parallel-import';
import type { CsvWorkerApi } from '../../workers/csv.worker';
import type { ImportFileOptions, JobProgress } from '../../workers/protocol';
import { openWorkspaceStore, type KvStore, type StoreMode } from '../persistence/idb';
import {
  createWorkspaceRepository,
  type DatasetSummary,
  type StorageUsage,
  type WorkspaceRepository,
} from '../persistence/workspace-repository';

export type ImportJob =
  | { status: 'idle' }
  | { status: 'running'; fileName: string; progress: JobProgress | null }
  | { status: 'done'; fileName: string; rows: number; columns: number }
  | { status: 'cancelled'; fileName: string }
  | { status: 'error'; fileName: string; error: AppError };

export interface OpenDataset {
  id: string;
  dataset: Dataset;
  summaries: ColumnSummary[];
}

export type Notice = { kind: 'warning' | 'error'; error: AppError; context: 'save' | 'restore' | 'retype' };

/** What the workspace runs on; tests pass stand-ins, the app uses the defaults. */
export interface WorkspaceDeps {
  client?: WorkerClient<CsvWorkerApi>;
  helper?: WorkerClient<CsvWorkerApi>;
  openStore?: () => Promise<KvStore>;
}

export class Workspace {
  datasets = $state.raw<DatasetSummary[]>([]);
  open = $state.raw<OpenDataset | null>(null);
  job = $state.raw<ImportJob>({ status: 'idle' });
  mode = $state<StoreMode | 'starting'>('starting');
  readOnly = $state(false);
  usage = $state.raw<StorageUsage | null>(null);
  notice = $state.raw<Notice | null>(null);
  /** The last file read, so it can be read again with other settings. */
  lastFile = $state.raw<File | null>(null);

  #repository: WorkspaceRepository | null = null;
  #client: WorkerClient<CsvWorkerApi>;
  /** A second import worker, so large files are read on two cores. */
  #helper: WorkerClient<CsvWorkerApi>;
  #importController: AbortController | null = null;
  #openGeneration = 0;
  #openStore: () => Promise<KvStore>;
  /**
   * Rename, delete and retype (with its save) run one after another, so none of them
   * overwrites or resurrects what another just wrote.
   */
  #edits: Promise<unknown> = Promise.resolve();

  constructor(deps: WorkspaceDeps = {}) {
    const start = (name: string) => () => new Worker(new URL('../../workers/csv.worker.ts', import.meta.url), { type: 'module', name });
    this.#client = deps.client ?? createWorkerClient<CsvWorkerApi>(start('csv-import'));
    this.#helper = deps.helper ?? createWorkerClient<CsvWorkerApi>(start('csv-import-2'));
    this.#openStore = deps.openStore ?? openWorkspaceStore;
  }

  /** Opens storage and restores the list and the data set the address names (or the latest). */
  async start(wantedId: string | null): Promise<void> {
    const store = await this.#openStore();
    this.#repository = createWorkspaceRepository(store, () => new Date());
    this.mode = store.mode;
    await this.#refreshList();
    const target = wantedId && this.datasets.some((d) => d.id === wantedId) ? wantedId : latest(this.datasets)?.id;
    if (target) await this.openDataset(target);
  }

  async openDataset(id: string): Promise<void> {
    if (!this.#repository || this.open?.id === id) return;
    const generation = ++this.#openGeneration;
    const loaded = await this.#repository.loadDataset(id);
    if (generation !== this.#openGeneration) return;
    if (!loaded.ok) {
      this.notice = { kind: 'error', error: loaded.error, context: 'restore' };
      return;
    }
    const summaries = await summarizeInSlices(loaded.value);
    if (generation !== this.#openGeneration) return;
    this.open = { id, dataset: loaded.value, summaries };
  }

  /**
   * A stored data set without opening it (the open one as it is open), e.g. for the churn
   * screen to score it with a model trained on another data set.
   */
  async loadDataset(id: string): Promise<Result<Dataset>> {
    if (this.open?.id === id) return ok(this.open.dataset);
    if (!this.#repository) return fail('DATASET_NOT_FOUND', `No data set "${id}" is stored.`, { id });
    return this.#repository.loadDataset(id);
  }

  /** Reads a file in the worker; the open data set stays as it is unless the import succeeds. */
  async importFile(file: File, options: ImportFileOptions = {}): Promise<void> {
    this.#importController?.abort();
    const controller = new AbortController();
    this.#importController = controller;
    this.lastFile = file;
    this.job = { status: 'running', fileName: file.name, progress: null };
    const onProgress = (progress: JobProgress) => {
      if (!controller.signal.aborted) this.job = { status: 'running', fileName: file.name, progress };
    };
    const result = await importInParallel(this.#client, this.#helper, file, options, controller.signal, onProgress);
    if (this.#importController !== controller) return;
    this.#importController = null;
    if (!result.ok) {
      this.job =
        result.error.code === 'CANCELLED'
          ? { status: 'cancelled', fileName: file.name }
          : { status: 'error', fileName: file.name, error: result.error };
      return;
    }
    const { dataset, summaries } = result.value;
    const id = newId();
    this.#openGeneration++;
    this.open = { id, dataset, summaries };
    this.job = { status: 'done', fileName: file.name, rows: dataset.rowCount, columns: dataset.columns.length };
    // Let the page draw the new data set in its own task before storage copies the columns.
    await nextTask();
    await this.#save(id, dataset);
  }

  /**
   * Asks the browser not to evict this site's storage when space runs low. Browsers decide
   * by their own rules (Chrome by site engagement, Firefox by asking the user).
   */
  async requestPersistence(): Promise<void> {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) return;
    await navigator.storage.persist();
    if (this.#repository) this.usage = await this.#repository.storageUsage();
  }

  cancelImport(): void {
    this.#importController?.abort();
  }

  dismissJob(): void {
    if (this.job.status !== 'running') this.job = { status: 'idle' };
  }

  dismissNotice(): void {
    this.notice = null;
  }

  renameDataset(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (trimmed === '') return Promise.resolve();
    return this.#serialise(async () => {
      if (!this.#repository) return;
      const result = await this.#repository.renameDataset(id, trimmed);
      if (!result.ok) {
        this.notice = { kind: 'error', error: result.error, context: 'save' };
        return;
      }
      if (this.open?.id === id) this.open = { ...this.open, dataset: { ...this.open.dataset, name: trimmed } };
      await this.#refreshList();
    });
  }

  deleteDataset(id: string): Promise<void> {
    return this.#serialise(async () => {
      if (!this.#repository) return;
      const result = await this.#repository.deleteDataset(id);
      if (!result.ok) {
        this.notice = { kind: 'error', error: result.error, context: 'save' };
        return;
      }
      if (this.open?.id === id) this.open = null;
      await this.#refreshList();
    });
  }

  /** Applies the user's type for one column (in the worker) and saves the data set. */
  retypeColumn(columnName: string, type: ColumnType): Promise<void> {
    const id = this.open?.id;
    if (id === undefined) return Promise.resolve();
    return this.#serialise(async () => {
      // Deleted or closed while waiting for its turn: nothing to change.
      const before = this.open;
      if (before?.id !== id) return;
      const column = before.dataset.columns.find((c) => c.name === columnName);
      if (!column) return;
      const result = await this.#client.call(undefined, 'retype', column, type, readingRules(before.dataset));
      // Apply to the data set as it is open now, under its current name.
      const current = this.open;
      if (current?.id !== id) return;
      if (!result.ok) {
        this.notice = { kind: 'warning', error: result.error, context: 'retype' };
        return;
      }
      const index = current.dataset.columns.findIndex((c) => c.name === columnName);
      if (index < 0) return;
      const columns: Column[] = current.dataset.columns.slice();
      columns[index] = result.value.column;
      const summaries = current.summaries.slice();
      summaries[index] = result.value.summary;
      const dataset = { ...current.dataset, columns };
      this.open = { ...current, dataset, summaries };
      await this.#save(id, dataset);
    });
  }

  #serialise<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#edits.then(operation);
    this.#edits = result.catch(() => undefined);
    return result;
  }

  async #save(id: string, dataset: Dataset): Promise<void> {
    if (!this.#repository) return;
    const saved = await this.#repository.saveDataset(id, dataset);
    if (!saved.ok) this.notice = { kind: 'warning', error: saved.error, context: 'save' };
    await this.#refreshList();
  }

  async #refreshList(): Promise<void> {
    if (!this.#repository) return;
    const list = await this.#repository.listDatasets();
    this.readOnly = this.#repository.readOnly;
    if (list.ok) this.datasets = list.value;
    else this.notice = { kind: 'error', error: list.error, context: 'restore' };
    this.usage = await this.#repository.storageUsage();
  }
}

function latest(list: readonly DatasetSummary[]): DatasetSummary | undefined {
  return list.reduce<DatasetSummary | undefined>((best, d) => (!best || d.savedAt > best.savedAt ? d : best), undefined);
}

/** randomUUID exists only on secure origins; a page served over plain http on a LAN falls back. */
function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Summaries of a restored data set, one column at a time so the page never stalls. */
async function summarizeInSlices(dataset: Dataset): Promise<ColumnSummary[]> {
  const out: ColumnSummary[] = [];
  for (const column of dataset.columns) {
    out.push(summarizeColumn(column, { rules: readingRules(dataset) }));
    await nextTask();
  }
  return out;
}

/** Plain reading rules (never the proxied source object) for the worker and summaries. */
function readingRules(dataset: Dataset): ReadingRules {
  return { decimal: dataset.source.decimal, dateOrder: dataset.source.dateOrder };
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
