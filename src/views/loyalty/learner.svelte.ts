/**
 * The learnt part of the loyalty screen: on the data set open in the workspace, the outcome
 * column and the value that means loyal, the evidence columns and the bins of numbers; the
 * prior and the per-level tables the worker learns from them; and the customer the user
 * describes (a level per evidence column) with the naive-Bayes posterior of that combination.
 * Every change learns again at once (one call in flight, the latest waiting); what the user
 * chose is kept when the engine refuses it, with the engine's message next to the control.
 */
import type { LearnedBayes } from '../../core/bayes/learned-bayes';
import { DEFAULT_BINS } from '../../core/bayes/learn-bayes';
import type { Column, Dataset } from '../../core/data/dataset';
import type { AppError, Result } from '../../core/shared/result';
import { currentLocale } from '../../lib/i18n/i18n';
import { readNumber } from '../../lib/i18n/read-number';
import type { OpenDataset } from '../../lib/state/Workspace.svelte';
import type { WorkerClient } from '../../lib/worker-client';
import type { ColumnInfo, CombinedOutcome, LoyaltyWorkerApi } from '../../workers/loyalty-api';
import { LatestCall } from './latest-call';
import { guessOutcome, guessPositive } from './loyalty-guesses';

export type Job = { status: 'idle' } | { status: 'running' } | { status: 'done' } | { status: 'error'; error: AppError };

/** Which control an engine error of learning belongs next to. */
export type LearnField = 'outcome' | 'positive' | 'evidence' | 'bins' | 'general';

/** The choice that adds no evidence from a column. */
export const SKIP = '';

export class LoyaltyLearner {
  dataset = $state.raw<Dataset | null>(null);
  /** What the worker found in each column; null while it looks. */
  columns = $state.raw<ColumnInfo[] | null>(null);
  describeJob = $state.raw<Job>({ status: 'idle' });

  outcome = $state('');
  positive = $state('');
  /** The ticked evidence columns (shown and learnt in the data set's column order). */
  evidence = $state<string[]>([]);
  bins = $state(String(DEFAULT_BINS));
  /** Level key chosen per evidence column (SKIP: not used). */
  chosen = $state<Record<string, string>>({});

  learnJob = $state.raw<Job>({ status: 'idle' });
  learned = $state.raw<LearnedBayes | null>(null);
  combineJob = $state.raw<Job>({ status: 'idle' });
  combined = $state.raw<CombinedOutcome | null>(null);

  /** The outcome column's description. */
  outcomeInfo = $derived(this.columns?.find((c) => c.name === this.outcome) ?? null);
  /** Every column but the outcome, as evidence candidates. */
  candidates = $derived(this.columns?.filter((c) => c.name !== this.outcome) ?? []);
  /** Why the bins text cannot be sent (it is not a number); the engine checks the range. */
  binsProblem = $derived(readNumber(this.bins, currentLocale()) === null);
  /** The control the learning error belongs to. */
  learnErrorField = $derived.by<LearnField | null>(() => (this.learnJob.status === 'error' ? fieldOfLearnError(this.learnJob.error.code) : null));

  #datasetId: string | null = null;
  #columnsRef: Column[] | null = null;
  #describeGeneration = 0;
  readonly #client: WorkerClient<LoyaltyWorkerApi>;
  readonly #learnCall: LatestCall<{ dataset: Dataset; outcome: string; positive: string; evidence: string[]; bins: number }, Result<LearnedBayes>>;
  readonly #combineCall: LatestCall<{ learned: LearnedBayes; chosen: Record<string, string> }, Result<CombinedOutcome>>;

  constructor(client: WorkerClient<LoyaltyWorkerApi>) {
    this.#client = client;
    this.#learnCall = new LatestCall(
      ({ dataset, ...options }) => client.call(undefined, 'learn', dataset, options),
      (answer) => {
        if (!answer.ok) {
          this.learned = null;
          this.combined = null;
          this.combineJob = { status: 'idle' };
          this.learnJob = { status: 'error', error: answer.error };
          return;
        }
        this.learned = answer.value;
        this.learnJob = { status: 'done' };
        this.#keepChoices(answer.value);
        this.#combine();
      },
    );
    this.#combineCall = new LatestCall(
      ({ learned, chosen }) => client.call(undefined, 'combine', learned, chosen),
      (answer) => {
        if (answer.ok) {
          this.combined = answer.value;
          this.combineJob = { status: 'done' };
        } else {
          this.combined = null;
          this.combineJob = { status: 'error', error: answer.error };
        }
      },
    );
  }

  /**
   * Follows the workspace's open data set. The same data set keeps the choices and tables;
   * another one (or the same with a column retyped) starts afresh with new guesses.
   */
  useDataset(open: OpenDataset | null): void {
    if (open && open.id === this.#datasetId && open.dataset.columns === this.#columnsRef) {
      this.dataset = open.dataset;
      return;
    }
    this.#learnCall.cancel();
    this.#combineCall.cancel();
    this.#datasetId = open?.id ?? null;
    this.#columnsRef = open?.dataset.columns ?? null;
    this.dataset = open?.dataset ?? null;
    this.columns = null;
    this.outcome = '';
    this.positive = '';
    this.evidence = [];
    this.chosen = {};
    this.learned = null;
    this.combined = null;
    this.learnJob = { status: 'idle' };
    this.combineJob = { status: 'idle' };
    void this.#describe();
  }

  chooseOutcome(name: string): void {
    this.outcome = name;
    const info = this.outcomeInfo;
    this.positive = info ? guessPositive(info) : '';
    // The outcome cannot be its own evidence.
    this.evidence = this.evidence.filter((e) => e !== name);
    this.#learn();
  }

  choosePositive(value: string): void {
    this.positive = value;
    this.#learn();
  }

  tickEvidence(name: string, ticked: boolean): void {
    const set = new Set(this.evidence);
    if (ticked) set.add(name);
    else set.delete(name);
    const order = (this.columns ?? []).map((c) => c.name);
    this.evidence = order.filter((n) => set.has(n));
    this.#learn();
  }

  setBins(text: string): void {
    this.bins = text;
    this.#learn();
  }

  /** Chooses the level of an evidence column for the customer described (SKIP: no evidence from it). */
  chooseLevel(column: string, key: string): void {
    this.chosen[column] = key;
    this.#combine();
  }

  async #describe(): Promise<void> {
    const dataset = this.dataset;
    const generation = ++this.#describeGeneration;
    if (!dataset) {
      this.describeJob = { status: 'idle' };
      return;
    }
    this.describeJob = { status: 'running' };
    const described = await this.#client.call(undefined, 'describeColumns', dataset);
    if (generation !== this.#describeGeneration) return;
    if (!described.ok) {
      this.describeJob = { status: 'error', error: described.error };
      return;
    }
    this.columns = described.value;
    this.describeJob = { status: 'done' };
    this.chooseOutcome(guessOutcome(described.value) ?? '');
  }

  #learn(): void {
    const dataset = this.dataset;
    const bins = readNumber(this.bins, currentLocale());
    if (!dataset || this.outcome === '' || this.evidence.length === 0 || bins === null) {
      this.#learnCall.cancel();
      this.#combineCall.cancel();
      this.learned = null;
      this.combined = null;
      this.learnJob = { status: 'idle' };
      this.combineJob = { status: 'idle' };
      return;
    }
    this.learnJob = { status: 'running' };
    this.#learnCall.request({ dataset, outcome: this.outcome, positive: this.positive, evidence: [...this.evidence], bins });
  }

  /** A level chosen before stays chosen when it still exists; a new column starts on its first level. */
  #keepChoices(learned: LearnedBayes): void {
    const next: Record<string, string> = {};
    for (const column of learned.evidence) {
      const before = this.chosen[column.column];
      const exists = before === SKIP || column.levels.some((l) => l.key === before);
      next[column.column] = before !== undefined && exists ? before : (column.levels[0]?.key ?? SKIP);
    }
    this.chosen = next;
  }

  #combine(): void {
    const learned = this.learned;
    if (!learned) return;
    const chosen: Record<string, string> = {};
    for (const column of learned.evidence) {
      const key = this.chosen[column.column];
      if (key !== undefined && key !== SKIP) chosen[column.column] = key;
    }
    this.combineJob = { status: 'running' };
    this.#combineCall.request({ learned, chosen });
  }
}

function fieldOfLearnError(code: string): LearnField {
  switch (code) {
    case 'OUTCOME_NO_ROWS':
    case 'OUTCOME_SINGLE_VALUE':
      return 'outcome';
    case 'POSITIVE_NOT_FOUND':
      return 'positive';
    case 'NO_EVIDENCE':
    case 'EVIDENCE_IS_OUTCOME':
    case 'EVIDENCE_TOO_MANY_LEVELS':
    case 'COLUMN_NOT_FOUND':
      return 'evidence';
    case 'BINS_INVALID':
      return 'bins';
    default:
      return 'general';
  }
}
