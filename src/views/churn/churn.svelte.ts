/**
 * The churn screen's state: the setup (target, churn class, columns, settings), the
 * training job, and what the user does with a trained model (threshold, retention
 * economics, scored customers). It lives as long as the app, so a trained model is still
 * there after a visit to another screen; a different data set (or a retyped column) starts
 * it afresh, but the last trained model is kept so other data sets can still be scored with
 * it. A model can also be saved as a model file and loaded back (it then becomes the kept
 * model), to score a new export later without training again. The worker does everything
 * that grows with the data: reading the target's classes, flagging columns, training,
 * cross-validating, scoring, and writing and reading model files.
 */
import * as Comlink from 'comlink';
import type { ColumnFlag } from '../../core/churn/column-flags';
import {
  bestRetentionThreshold,
  checkRetentionEconomics,
  retentionProfit,
  thresholdConfusion,
  type BinaryConfusion,
  type RetentionChoice,
} from '../../core/churn/metrics';
import type { ChurnModel, CrossValidation } from '../../core/churn/train-churn-model';
import type { Column, Dataset } from '../../core/data/dataset';
import { fail, type AppError, type Result } from '../../core/shared/result';
import { guessChurnClass, guessTargetColumn } from '../../lib/churn/churn-defaults';
import { checkChurnSettings, columnSelection, DEFAULT_SETTINGS, isTicked, type ChurnSettings, type SettingsProblem } from '../../lib/churn/churn-settings';
import {
  flaggedCount,
  scoredCsv,
  scoredCustomers,
  scoredDataset,
  scoredDatasetCsv,
  type ScoredCustomers,
  type ScoredDataset,
} from '../../lib/churn/scored-customers';
import { downloadText } from '../../lib/download';
import { t } from '../../lib/i18n/i18n';
import type { OpenDataset } from '../../lib/state/Workspace.svelte';
import { createWorkerClient, type WorkerClient } from '../../lib/worker-client';
import type { ChurnTrainOptions, ChurnWorkerApi } from '../../workers/churn-api';
import type { ChurnProgress, ChurnTraining, TargetClasses } from '../../workers/protocol';

/** The engine trains on at most this many classes (prepareChurn's limit). */
const MAX_CLASSES = 20;

/** A training run; with cross-validation on it goes on after training (progress phase 'folds'). */
export type TrainJob =
  | { status: 'idle' }
  | { status: 'running'; progress: ChurnProgress }
  | {
      status: 'done';
      trees: number;
      ms: number;
      /** Set when the run cross-validated: the folds and how long that took. */
      folds?: number;
      foldsMs?: number;
    }
  /** `phase: 'folds'`: the cross-validation stopped; the trained model and its results stay. */
  | { status: 'cancelled'; phase?: 'folds' }
  | { status: 'error'; error: AppError; phase?: 'folds' };

/**
 * The last trained or loaded model, kept (also when another data set is opened) to score
 * other data sets.
 */
export type TrainedModel = {
  model: ChurnModel;
  trees: number;
} & (
  | {
      source: 'training';
      /** The workspace id and name of the data set it was trained on. */
      datasetId: string;
      datasetName: string;
    }
  | {
      /** Loaded from a model file (its name as the user picked it). */
      source: 'file';
      fileName: string;
    }
);

/** Saving a model file: the worker writes the JSON, then the browser downloads it. */
export type ModelSaveJob =
  | { status: 'idle' }
  | { status: 'saving'; fileName: string }
  | { status: 'done'; fileName: string }
  | { status: 'error'; fileName: string; error: AppError };

/** Loading a model file: the worker reads and checks it; on success it is the kept model. */
export type ModelLoadJob =
  | { status: 'idle' }
  | { status: 'loading'; fileName: string }
  | { status: 'done'; fileName: string }
  | { status: 'error'; fileName: string; error: AppError };

/** Scoring another data set with the trained model: loading it from storage, then the worker. */
export type ScoreJob =
  | { status: 'idle' }
  | { status: 'running'; datasetName: string }
  | { status: 'done'; datasetId: string; scored: ScoredDataset }
  | { status: 'error'; datasetName: string; stage: 'load' | 'score'; error: AppError };

export interface ChurnResult {
  datasetName: string;
  training: ChurnTraining;
  customers: ScoredCustomers;
  /** 1 for a held-out customer of the churn class, in the order of report.test. */
  positives: Uint8Array;
  /** Filled when cross-validation was asked for and has finished. */
  crossValidation: CrossValidation | null;
}

export interface ChurnScreenDeps {
  client?: WorkerClient<ChurnWorkerApi>;
  /** Saves an export or a model file (`type` is its MIME type); the app downloads it. */
  save?: (fileName: string, text: string, type?: string) => void;
  /** Loads a data set of the workspace without opening it (the app passes the workspace's). */
  loadDataset?: (id: string) => Promise<Result<Dataset>>;
}

export class ChurnScreen {
  dataset = $state.raw<Dataset | null>(null);

  target = $state('');
  positive = $state('');
  classes = $state.raw<TargetClasses | null>(null);
  /** null while the worker checks them (or before a target is chosen). */
  flags = $state.raw<ColumnFlag[] | null>(null);
  inspecting = $state<'classes' | 'flags' | null>(null);
  inspectError = $state.raw<AppError | null>(null);
  /** The user's ticks where they differ from the suggestion. */
  choices = $state<Record<string, boolean>>({});
  settings = $state<ChurnSettings>(structuredClone(DEFAULT_SETTINGS));
  /** Set when Train was pressed with invalid settings; from then on problems show as they are. */
  showProblems = $state(false);

  job = $state.raw<TrainJob>({ status: 'idle' });
  result = $state.raw<ChurnResult | null>(null);
  /** The last trained model; it outlives a change of the open data set. */
  trained = $state.raw<TrainedModel | null>(null);
  /** The id of the data set chosen for scoring ('' for none). */
  scoreChoice = $state('');
  scoring = $state.raw<ScoreJob>({ status: 'idle' });
  modelSave = $state.raw<ModelSaveJob>({ status: 'idle' });
  modelLoad = $state.raw<ModelLoadJob>({ status: 'idle' });

  threshold = $state(0.5);
  offerCost = $state<number | undefined>(10);
  savedValue = $state<number | undefined>(200);
  successPercent = $state<number | undefined>(30);

  columnNames = $derived(this.dataset?.columns.map((c) => c.name) ?? []);
  /** Every column but the target. */
  candidates = $derived(this.dataset?.columns.filter((c) => c.name !== this.target) ?? []);
  numericColumns = $derived(this.dataset?.columns.filter((c) => c.type === 'number' || c.type === 'integer' || c.type === 'boolean').map((c) => c.name) ?? []);
  checked = $derived(checkChurnSettings(this.settings, this.columnNames));
  problems = $derived<SettingsProblem[]>(this.showProblems && !this.checked.ok ? this.checked.problems : []);
  /** Why the chosen target cannot be trained on, found before training. */
  targetProblem = $derived.by<AppError | null>(() => {
    const classes = this.classes?.classes;
    if (!classes) return null;
    const problem = (code: string, params: Record<string, string | number>): AppError => ({ code, message: code, params });
    if (classes.length < 2) return problem('CHURN_ONE_CLASS', { column: this.target });
    if (classes.length > MAX_CLASSES) return problem('CHURN_TOO_MANY_CLASSES', { column: this.target, count: classes.length });
    return null;
  });
  running = $derived(this.job.status === 'running');
  canTrain = $derived(this.dataset !== null && this.target !== '' && this.flags !== null && this.targetProblem === null && !this.running);

  economics = $derived(
    checkRetentionEconomics({
      offerCost: this.offerCost ?? NaN,
      savedValue: this.savedValue ?? NaN,
      successRate: (this.successPercent ?? NaN) / 100,
    }),
  );
  thresholdCounts = $derived.by<BinaryConfusion | null>(() => {
    const result = this.result;
    return result ? thresholdConfusion(result.training.report.test.scores, result.positives, this.threshold) : null;
  });
  best = $derived.by<RetentionChoice | null>(() => {
    const result = this.result;
    if (!result || !this.economics.ok) return null;
    return bestRetentionThreshold(result.training.report.test.scores, result.positives, this.economics.value);
  });
  currentProfit = $derived.by<number | null>(() => {
    const result = this.result;
    if (!result || !this.economics.ok) return null;
    return retentionProfit(result.training.report.test.scores, result.positives, this.threshold, this.economics.value);
  });
  /**
   * The model "Download the model" saves: the one whose results show, else the kept model
   * when it was trained here (a loaded one is a file already).
   */
  downloadable = $derived.by<{ model: ChurnModel; datasetName: string } | null>(() => {
    if (this.result) return { model: this.result.training.report.model, datasetName: this.result.datasetName };
    const trained = this.trained;
    return trained?.source === 'training' ? { model: trained.model, datasetName: trained.datasetName } : null;
  });
  /** Customers of the scored data set at or above the threshold. */
  scoredFlagged = $derived(this.scoring.status === 'done' ? flaggedCount(this.scoring.scored.rows.scores, this.threshold) : 0);

  #client: WorkerClient<ChurnWorkerApi>;
  #save: (fileName: string, text: string, type?: string) => void;
  #load: (id: string) => Promise<Result<Dataset>>;
  #scoreController: AbortController | null = null;
  #datasetId: string | null = null;
  #columns: Column[] | null = null;
  #inspectController: AbortController | null = null;
  #trainController: AbortController | null = null;
  #loadController: AbortController | null = null;

  constructor(deps: ChurnScreenDeps = {}) {
    this.#client =
      deps.client ?? createWorkerClient<ChurnWorkerApi>(() => new Worker(new URL('../../workers/churn.worker.ts', import.meta.url), { type: 'module', name: 'churn' }));
    this.#save = deps.save ?? downloadText;
    this.#load = deps.loadDataset ?? (async (id) => fail('DATASET_NOT_FOUND', `No data set "${id}" is stored.`, { id }));
  }

  /**
   * Follows the workspace's open data set. The same data set (even renamed) keeps the setup
   * and results; another one, or the same with a column retyped, starts afresh.
   */
  useDataset(open: OpenDataset | null): void {
    if (open && open.id === this.#datasetId && open.dataset.columns === this.#columns) {
      this.dataset = open.dataset;
      return;
    }
    this.#abortTraining();
    this.#datasetId = open?.id ?? null;
    this.#columns = open?.dataset.columns ?? null;
    this.dataset = open?.dataset ?? null;
    this.job = { status: 'idle' };
    this.result = null;
    this.modelSave = { status: 'idle' };
    // Derived features name columns of the old data set; the other settings carry over.
    this.settings.derived = [];
    this.showProblems = false;
    this.chooseTarget(guessTargetColumn(this.columnNames) ?? '');
  }

  chooseTarget(name: string): void {
    this.target = name;
    this.positive = '';
    this.classes = null;
    this.choices = {};
    void this.#inspect(true);
  }

  choosePositive(label: string): void {
    this.positive = label;
    void this.#inspect(false);
  }

  isTicked(column: string): boolean {
    return isTicked(column, this.flags ?? [], this.choices);
  }

  tick(column: string, ticked: boolean): void {
    this.choices[column] = ticked;
  }

  resetColumns(): void {
    this.choices = {};
  }

  flagOf(column: string): ColumnFlag | undefined {
    return this.flags?.find((f) => f.column === column);
  }

  addDerived(): void {
    this.settings.derived.push({ name: '', left: '', operation: 'product', right: '' });
  }

  removeDerived(index: number): void {
    this.settings.derived.splice(index, 1);
  }

  async train(): Promise<void> {
    const dataset = this.dataset;
    if (!dataset || !this.canTrain || !this.flags) return;
    const checked = this.checked;
    if (!checked.ok) {
      this.showProblems = true;
      return;
    }
    const { include, exclude } = columnSelection(
      this.candidates.map((c) => c.name),
      this.flags,
      this.choices,
    );
    const options: ChurnTrainOptions = { target: this.target, positive: this.positive, ...checked.options, include, exclude, permutationImportance: true };
    const folds = checked.folds;
    this.#trainController?.abort();
    const controller = new AbortController();
    this.#trainController = controller;
    // Scores of another data set belong to the model being replaced, and so does a model
    // file being loaded or the word that one was.
    this.#abortScoring();
    this.#abortModelLoad();
    this.modelSave = { status: 'idle' };
    this.job = { status: 'running', progress: { phase: 'trees', done: 0, total: options.trees ?? 0 } };
    const started = performance.now();
    const onProgress = (progress: ChurnProgress) => {
      if (this.#trainController === controller) this.job = { status: 'running', progress };
    };
    const result = await this.#client.call(controller.signal, 'train', dataset, options, Comlink.proxy(onProgress));
    if (this.#trainController !== controller) return;
    if (!result.ok) {
      this.#trainController = null;
      this.job = result.error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'error', error: result.error };
      return;
    }
    const training = result.value;
    const { test, positive, meta } = training.report;
    this.result = {
      datasetName: dataset.name,
      training,
      customers: scoredCustomers(dataset, training),
      positives: Uint8Array.from(test.labels, (label) => (label === positive ? 1 : 0)),
      crossValidation: null,
    };
    this.trained = { source: 'training', model: training.report.model, datasetId: this.#datasetId ?? '', datasetName: dataset.name, trees: meta.trees };
    this.threshold = 0.5;
    const ms = performance.now() - started;
    if (folds === null) {
      this.#trainController = null;
      this.job = { status: 'done', trees: meta.trees, ms };
      return;
    }

    // The second phase: the results above show while the folds are trained.
    this.job = { status: 'running', progress: { phase: 'folds', done: 0, total: folds * meta.trees, fold: 1, folds } };
    const foldsStarted = performance.now();
    const validated = await this.#client.call(controller.signal, 'crossValidate', dataset, options, folds, Comlink.proxy(onProgress));
    if (this.#trainController !== controller) return;
    this.#trainController = null;
    if (!validated.ok) {
      this.job =
        validated.error.code === 'CANCELLED' ? { status: 'cancelled', phase: 'folds' } : { status: 'error', error: validated.error, phase: 'folds' };
      return;
    }
    if (this.result) this.result = { ...this.result, crossValidation: validated.value };
    this.job = { status: 'done', trees: meta.trees, ms, folds, foldsMs: performance.now() - foldsStarted };
  }

  cancel(): void {
    this.#trainController?.abort();
  }

  dismissJob(): void {
    if (!this.running) this.job = { status: 'idle' };
  }

  /** Puts the threshold on the most profitable cut-off. */
  applyBestThreshold(): void {
    const best = this.best;
    if (best && Number.isFinite(best.threshold)) this.threshold = best.threshold;
  }

  exportScores(): void {
    const result = this.result;
    if (!result) return;
    this.#save(scoresFileName(result.datasetName), scoredCsv(result.customers, this.threshold));
  }

  /**
   * Scores a data set of the workspace with the trained model: loads it (without opening
   * it), then the worker scores every row. A column the model needs that the data set lacks
   * ends in CHURN_MISSING_COLUMN.
   * @param name the data set's name, shown while it loads
   */
  async scoreDataset(id: string, name: string): Promise<void> {
    const trained = this.trained;
    if (!trained || this.running || id === '') return;
    this.#scoreController?.abort();
    const controller = new AbortController();
    this.#scoreController = controller;
    const current = () => this.#scoreController === controller;
    this.scoring = { status: 'running', datasetName: name };
    const loaded = await this.#load(id);
    if (!current()) return;
    if (!loaded.ok) {
      this.#scoreController = null;
      this.scoring = { status: 'error', datasetName: name, stage: 'load', error: loaded.error };
      return;
    }
    const scored = await this.#client.call(controller.signal, 'score', trained.model, loaded.value);
    if (!current()) return;
    this.#scoreController = null;
    if (!scored.ok) {
      this.scoring =
        scored.error.code === 'CANCELLED' ? { status: 'idle' } : { status: 'error', datasetName: loaded.value.name, stage: 'score', error: scored.error };
      return;
    }
    this.scoring = { status: 'done', datasetId: id, scored: scoredDataset(loaded.value, scored.value) };
  }

  /** Downloads the scored data set as CSV: riskiest first, key, probability, flagged at the threshold. */
  exportScoredDataset(): void {
    const scoring = this.scoring;
    if (scoring.status !== 'done') return;
    this.#save(scoresFileName(scoring.scored.dataset.name), scoredDatasetCsv(scoring.scored, this.threshold));
  }

  /**
   * Downloads the model whose results show (else the kept trained model) as a model file,
   * "<data set>-churn-model.json": the worker writes the JSON (5.7 MB for 100 trees on Telco).
   */
  async downloadModel(): Promise<void> {
    const chosen = this.downloadable;
    if (!chosen || this.running || this.modelSave.status === 'saving') return;
    const fileName = modelFileName(chosen.datasetName);
    const job: ModelSaveJob = { status: 'saving', fileName };
    this.modelSave = job;
    const text = await this.#client.call(undefined, 'modelToJson', chosen.model);
    // A training run started meanwhile has reset the job: its model is not this one.
    if (this.modelSave !== job) return;
    if (!text.ok) {
      this.modelSave = { status: 'error', fileName, error: text.error };
      return;
    }
    this.#save(fileName, text.value, 'application/json');
    this.modelSave = { status: 'done', fileName };
  }

  dismissModelSave(): void {
    if (this.modelSave.status !== 'saving') this.modelSave = { status: 'idle' };
  }

  /**
   * Loads a model file: the worker reads and checks it (churnModelFromJson). A model becomes
   * the kept model that scores other data sets (scores of the one it replaces are dropped);
   * anything else is MODEL_FILE_INVALID with the reason, and the kept model stays.
   */
  async loadModelFile(file: File): Promise<void> {
    if (this.running) return;
    this.#loadController?.abort();
    const controller = new AbortController();
    this.#loadController = controller;
    this.modelLoad = { status: 'loading', fileName: file.name };
    const loaded = await this.#client.call(controller.signal, 'modelFromJson', file);
    if (this.#loadController !== controller) return;
    this.#loadController = null;
    if (!loaded.ok) {
      this.modelLoad = loaded.error.code === 'CANCELLED' ? { status: 'idle' } : { status: 'error', fileName: file.name, error: loaded.error };
      return;
    }
    this.#abortScoring();
    const model = loaded.value;
    this.trained = { source: 'file', model, fileName: file.name, trees: model.forest.trees.length };
    this.modelLoad = { status: 'done', fileName: file.name };
  }

  dismissModelLoad(): void {
    if (this.modelLoad.status !== 'loading') this.modelLoad = { status: 'idle' };
  }

  /** Reads the target's classes (when `withClasses`) and then the column flags, in the worker. */
  async #inspect(withClasses: boolean): Promise<void> {
    this.#inspectController?.abort();
    const controller = new AbortController();
    this.#inspectController = controller;
    const current = () => this.#inspectController === controller;
    this.flags = null;
    this.inspectError = null;
    const dataset = this.dataset;
    const column = dataset?.columns.find((c) => c.name === this.target);
    if (!dataset || !column) {
      this.inspecting = null;
      return;
    }
    if (withClasses || !this.classes) {
      this.inspecting = 'classes';
      const classes = await this.#client.call(controller.signal, 'classesOf', column);
      if (!current() || !this.#settled(classes)) return;
      this.classes = classes.value;
      this.positive = guessChurnClass(classes.value.classes.map((c) => c.label)) ?? '';
    }
    if (this.targetProblem) {
      this.inspecting = null;
      return;
    }
    this.inspecting = 'flags';
    const flags = await this.#client.call(controller.signal, 'flag', dataset, this.target, this.positive);
    if (!current() || !this.#settled(flags)) return;
    this.flags = flags.value;
    this.inspecting = null;
  }

  /** True for a success; a failure (other than a cancel) is shown. */
  #settled<T>(result: Result<T>): result is { ok: true; value: T } {
    if (result.ok) return true;
    this.inspecting = null;
    if (result.error.code !== 'CANCELLED') this.inspectError = result.error;
    return false;
  }

  #abortTraining(): void {
    const controller = this.#trainController;
    this.#trainController = null;
    controller?.abort();
  }

  #abortModelLoad(): void {
    const controller = this.#loadController;
    this.#loadController = null;
    controller?.abort();
    this.modelLoad = { status: 'idle' };
  }

  #abortScoring(): void {
    const controller = this.#scoreController;
    this.#scoreController = null;
    controller?.abort();
    this.scoring = { status: 'idle' };
  }
}

/** "telco-churn.csv" → "telco-churn churn scores.csv". */
function scoresFileName(datasetName: string): string {
  return t('churn.atRisk.fileName', { name: baseName(datasetName) });
}

/** "telco-churn.csv" → "telco-churn-churn-model.json". */
function modelFileName(datasetName: string): string {
  return t('churn.modelFile.fileName', { name: baseName(datasetName) });
}

/** A data set's name without the extension of the file it came from. */
function baseName(datasetName: string): string {
  return datasetName.replace(/\.(csv|tsv|txt)$/i, '');
}
