/**
 * The allocation screen's state: the model being edited (as a table of typed cells, or as
 * LP text for models too large for a table), the solve job, and the last solution with the
 * model it belongs to. It lives as long as the app, so a model, the builder's entries and
 * an answer are still there after a visit to another screen. Workers read and write LP text
 * and solve: one for solving (Cancel terminates it) and one for text, so an import or an
 * export does not wait behind a long solve.
 */
import type { BuiltBudgetModel } from '../../core/lp/budget-model';
import type { LpModel } from '../../core/lp/lp-model';
import type { LpSolution } from '../../core/lp/solve-lp';
import type { AppError, Result } from '../../core/shared/result';
import { downloadText } from '../../lib/download';
import { currentLocale, t } from '../../lib/i18n/i18n';
import { budgetUnits } from '../../lib/lp/budget-units';
import { draftFromModel, modelFromDraft, type ModelDraft } from '../../lib/lp/model-draft';
import type { SentenceUnits } from '../../lib/lp/sensitivity-sentences';
import { createWorkerClient, type WorkerClient } from '../../lib/worker-client';
import type { LpWorkerApi } from '../../workers/lp-api';
import { emptyDraft, type BudgetDraft } from './budget-draft';
import { WORKED_EXAMPLE, workedExampleLabels } from './worked-example';

/** Larger models are edited as LP text: a table of this many cells is no longer usable. */
export const MAX_TABLE_CELLS = 2_500;
/** @default time limit of a solve, in seconds */
export const DEFAULT_TIME_LIMIT = 60;

export type EditorMode = 'table' | 'text';

export type SolveJob =
  | { status: 'idle' }
  | { status: 'running'; started: number }
  | { status: 'done'; ms: number }
  | { status: 'cancelled' }
  | { status: 'error'; error: AppError };

/** What a model means beyond its numbers, when the builder or the example made it. */
export interface ModelMeaning {
  /** Display names of variables and rows, by model name. */
  labels: Record<string, string>;
  units: SentenceUnits;
  /** What the objective measures: revenue, net return or spend. */
  objective?: 'revenue' | 'net' | 'spend';
}

export interface Solved {
  model: LpModel;
  solution: LpSolution;
  meaning: ModelMeaning;
  /** What the editor held when this was solved: a later edit makes the answer stale. */
  fingerprint: string;
}

/** What the editor held, to bring back after a model replaced it. */
interface EditorContent {
  mode: EditorMode;
  draft: ModelDraft;
  text: string;
  meaning: ModelMeaning;
  meaningFor: string | null;
  fileName: string;
}

export interface AllocationScreenDeps {
  client?: WorkerClient<LpWorkerApi>;
  save?: (fileName: string, text: string, type?: string) => void;
}

const NO_MEANING: ModelMeaning = { labels: {}, units: {} };

export class AllocationScreen {
  mode = $state<EditorMode>('table');
  draft = $state<ModelDraft>(draftFromModel(WORKED_EXAMPLE, currentLocale()));
  text = $state('');
  /** Why the editor's content cannot become a model (shown next to the editor). */
  editorError = $state.raw<AppError | null>(null);
  /** What the model in the editor means (labels, units), from the builder or the example. */
  meaning = $state.raw<ModelMeaning>({ labels: workedExampleLabels(), units: {} });
  timeLimit = $state<number | null>(DEFAULT_TIME_LIMIT);
  job = $state.raw<SolveJob>({ status: 'idle' });
  solved = $state.raw<Solved | null>(null);
  /** The budget builder's entries, and those the example replaced, kept while the app is open. */
  budget = $state<BudgetDraft>(emptyDraft(t('lp.budget.defaultBudget')));
  budgetBefore = $state<BudgetDraft | null>(null);
  /** The editor's content before a model replaced it (example, builder or file), to bring back. */
  replaced = $state.raw<EditorContent | null>(null);
  /** The file name of the last imported LP file, for the export. */
  fileName = $state('model.lp');

  /** True when the editor no longer holds the model of the shown solution. */
  stale = $derived(this.solved !== null && this.solved.fingerprint !== this.#fingerprint());

  #solver: WorkerClient<LpWorkerApi>;
  #text: WorkerClient<LpWorkerApi>;
  #save: (fileName: string, text: string, type?: string) => void;
  #controller: AbortController | null = null;
  /** The editor content the meaning was made for; text typed over it has no meaning. */
  #meaningFor: string | null = null;

  constructor(deps: AllocationScreenDeps = {}) {
    const start = (name: string) => () => new Worker(new URL('../../workers/lp.worker.ts', import.meta.url), { type: 'module', name });
    this.#solver = deps.client ?? createWorkerClient<LpWorkerApi>(start('lp'));
    this.#text = deps.client ?? createWorkerClient<LpWorkerApi>(start('lp-text'));
    this.#save = deps.save ?? downloadText;
    this.#meaningFor = this.#fingerprint();
  }

  #fingerprint(): string {
    return this.mode === 'table' ? JSON.stringify(this.draft) : this.text;
  }

  #content(): EditorContent {
    return { mode: this.mode, draft: $state.snapshot(this.draft), text: this.text, meaning: this.meaning, meaningFor: this.#meaningFor, fileName: this.fileName };
  }

  /** The meaning, if the editor still holds the model it was made for (a table keeps it through edits). */
  #currentMeaning(): ModelMeaning {
    return this.mode === 'table' || this.#fingerprint() === this.#meaningFor ? this.meaning : NO_MEANING;
  }

  /** Puts a model in the editor: as a table when it fits, else as LP text. */
  async setModel(model: LpModel, meaning: ModelMeaning = NO_MEANING): Promise<void> {
    const before = this.#content();
    const previous = this.#fingerprint();
    this.editorError = null;
    if (fitsTable(model)) {
      this.draft = draftFromModel(model, currentLocale());
      this.mode = 'table';
    } else {
      const text = await this.#text.call(undefined, 'write', model);
      if (!text.ok) {
        this.editorError = text.error;
        return;
      }
      this.text = text.value;
      this.mode = 'text';
    }
    this.meaning = meaning;
    this.#meaningFor = this.#fingerprint();
    // Only a model the user would miss is offered back, not the same one again.
    if (this.#fingerprint() !== previous) this.replaced = before;
  }

  /** Brings back what the editor held before the last model replaced it. */
  restoreReplaced(): void {
    const before = this.replaced;
    if (!before) return;
    this.replaced = null;
    this.mode = before.mode;
    this.draft = before.draft;
    this.text = before.text;
    this.meaning = before.meaning;
    this.#meaningFor = before.meaningFor;
    this.fileName = before.fileName;
    this.editorError = null;
  }

  /** The worked example from the strategy text, solved at once. */
  async openWorkedExample(): Promise<void> {
    await this.setModel(WORKED_EXAMPLE, { labels: workedExampleLabels(), units: {} });
    this.fileName = 'worked-example.lp';
    await this.solve();
  }

  /** A model from the budget builder, with its labels and units, solved at once. */
  async useBuilt(built: BuiltBudgetModel): Promise<void> {
    await this.setModel(built.model, { labels: built.labels, units: budgetUnits(built), objective: built.objective.what });
    this.fileName = 'budget-allocation.lp';
    await this.solve();
  }

  /** Switches editor; the content is converted, and a content that cannot be keeps the editor as it is. */
  async switchMode(mode: EditorMode): Promise<boolean> {
    if (mode === this.mode) return true;
    const model = await this.currentModel();
    if (!model.ok) {
      this.editorError = model.error;
      return false;
    }
    const before = this.#fingerprint();
    const meaningful = this.#currentMeaning() !== NO_MEANING;
    this.editorError = null;
    if (mode === 'table') {
      if (!fitsTable(model.value)) {
        this.editorError = tooLargeForTable(model.value);
        return false;
      }
      this.draft = draftFromModel(model.value, currentLocale());
    } else {
      const text = await this.#text.call(undefined, 'write', model.value);
      if (!text.ok) {
        this.editorError = text.error;
        return false;
      }
      this.text = text.value;
    }
    this.mode = mode;
    // The same model in another editor: the answer and the meaning still belong to it.
    const after = this.#fingerprint();
    if (this.solved?.fingerprint === before) this.solved = { ...this.solved, fingerprint: after };
    if (meaningful) this.#meaningFor = after;
    return true;
  }

  /** The model the editor holds, or why it cannot be read. */
  async currentModel(): Promise<Result<LpModel>> {
    if (this.mode === 'table') return modelFromDraft($state.snapshot(this.draft), currentLocale());
    return this.#text.call(undefined, 'parse', this.text);
  }

  /** Reads an LP file into the editor; a bad file changes nothing. */
  async importFile(file: File): Promise<void> {
    const text = await file.text();
    const model = await this.#text.call(undefined, 'parse', text);
    if (!model.ok) {
      this.editorError = model.error;
      return;
    }
    await this.setModel(model.value);
    this.fileName = file.name;
    // The file's own text, comments included, rather than a rewrite of it.
    if (this.mode === 'text') {
      this.text = text;
      this.#meaningFor = text;
    }
  }

  async exportFile(): Promise<void> {
    const model = await this.currentModel();
    if (!model.ok) {
      this.editorError = model.error;
      return;
    }
    let text = this.text;
    if (this.mode === 'table') {
      const written = await this.#text.call(undefined, 'write', model.value);
      if (!written.ok) {
        this.editorError = written.error;
        return;
      }
      text = written.value;
    }
    this.#save(this.fileName.endsWith('.lp') ? this.fileName : `${this.fileName}.lp`, text, 'text/plain;charset=utf-8');
  }

  async solve(): Promise<void> {
    this.cancel();
    const fingerprint = this.#fingerprint();
    const meaning = this.#currentMeaning();
    const controller = new AbortController();
    this.#controller = controller;
    const started = performance.now();
    this.job = { status: 'running', started };
    const model = await this.currentModel();
    if (controller.signal.aborted) return;
    if (!model.ok) {
      this.#controller = null;
      this.editorError = model.error;
      this.job = { status: 'error', error: model.error };
      return;
    }
    this.editorError = null;
    const limit = this.timeLimit;
    const timeLimitSeconds = limit !== null && Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_TIME_LIMIT;
    const solution = await this.#solver.call(controller.signal, 'solve', model.value, { timeLimitSeconds });
    if (this.#controller !== controller) return;
    this.#controller = null;
    if (!solution.ok) {
      this.job = solution.error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'error', error: solution.error };
      return;
    }
    this.solved = { model: model.value, solution: solution.value, meaning, fingerprint };
    this.job = { status: 'done', ms: performance.now() - started };
  }

  cancel(): void {
    if (!this.#controller) return;
    this.#controller.abort();
    this.#controller = null;
    this.job = { status: 'cancelled' };
  }

  dismissJob(): void {
    if (this.job.status !== 'running') this.job = { status: 'idle' };
  }
}

function fitsTable(model: LpModel): boolean {
  return model.variables.length * (model.constraints.length + 1) <= MAX_TABLE_CELLS;
}

function tooLargeForTable(model: LpModel): AppError {
  const variables = model.variables.length;
  const constraints = model.constraints.length;
  return {
    code: 'LP_TABLE_TOO_LARGE',
    message: `${variables} variables × ${constraints} constraints is too large for the table; edit it as LP text.`,
    params: { variables, constraints },
  };
}
