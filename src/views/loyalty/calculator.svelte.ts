/**
 * The calculator of the loyalty screen: a prior belief that a customer is loyal, then one or
 * more pieces of evidence, each with how often it shows among loyal customers and among the
 * others. Each change is read (in the user's locale) and sent to the worker at once; the
 * worker's chain of updates, with a frequency tree and an icon array per step, comes back.
 * What the user typed is never changed or cleared: a bad field gets its message and the
 * others stay as they are.
 */
import type { ProbabilityName } from '../../core/bayes/bayes-rule';
import type { AppError, Result } from '../../core/shared/result';
import { currentLocale, t } from '../../lib/i18n/i18n';
import type { WorkerClient } from '../../lib/worker-client';
import type { CalculatorOutcome, CalculatorRequest, LoyaltyWorkerApi } from '../../workers/loyalty-api';
import { LatestCall } from './latest-call';
import { errorText } from './loyalty-text';
import { readProbability, type ReadProblem } from './probability-text';

/** The worked example of the strategy text (DESIGN.md): 0.8 × 0.6 / 0.56 = 6/7 ≈ 0.857. */
export const WORKED = { prior: '0.6', likelihood: '0.8', falseAlarm: '0.2' } as const;

/** At most this many pieces of evidence in a chain (the table stays readable). */
export const MAX_EVIDENCE = 8;

/** A piece of evidence as typed. `id` stays with it when others are removed. */
export interface EvidenceDraft {
  id: number;
  label: string;
  likelihood: string;
  falseAlarm: string;
}

/** Where a message shows: the prior, one probability of a piece of evidence, or the piece as a whole. */
export type FieldKey = 'prior' | `${'likelihood' | 'falseAlarm' | 'evidence'}:${number}`;

/** What a piece of evidence gives the chain, once read. */
type ReadEvidence = { id: number; likelihood: number; falseAlarm: number };

/** The fields as read: the request to send, or what is wrong with which field. */
type ReadFields = { ok: true; request: CalculatorRequest; ids: number[] } | { ok: false; problems: Partial<Record<FieldKey, ReadProblem>> };

export type CalcJob = { status: 'idle' } | { status: 'running' } | { status: 'done' } | { status: 'error'; error: AppError; field: FieldKey | null };

/** An answer of the worker with the pieces of evidence it is about, in order. */
export interface CalcResult {
  outcome: CalculatorOutcome;
  ids: number[];
}

export class LoyaltyCalculator {
  /** What the hypothesis is called ("loyal"); its negation is "not …". */
  hypothesis = $state('');
  prior = $state<string>(WORKED.prior);
  evidence = $state<EvidenceDraft[]>([]);
  /** The id of the piece of evidence whose working (formula, tree, icons) is shown. */
  shownId = $state(1);

  job = $state.raw<CalcJob>({ status: 'idle' });
  result = $state.raw<CalcResult | null>(null);

  /** The fields as read (numbers in the user's locale). */
  read = $derived.by<ReadFields>(() => readFields(this.prior, this.evidence));
  /** Pieces of evidence left out of the chain because neither probability is typed yet. */
  pending = $derived(this.evidence.filter((e) => e.likelihood.trim() === '' && e.falseAlarm.trim() === '').map((e) => e.id));

  #nextId = 1;
  readonly #call: LatestCall<{ request: CalculatorRequest; ids: number[] }, Result<CalculatorOutcome>>;

  constructor(client: WorkerClient<LoyaltyWorkerApi>) {
    this.#call = new LatestCall(
      ({ request }) => client.call(undefined, 'calculate', request),
      (answer, { ids }) => {
        if (answer.ok) {
          this.result = { outcome: answer.value, ids };
          this.job = { status: 'done' };
        } else {
          this.result = null;
          this.job = { status: 'error', error: answer.error, field: fieldOfError(answer.error, ids) };
        }
      },
    );
    this.#fillWorkedExample();
  }

  /** The worked example of the strategy text: loyal, good service, 0.6 / 0.8 / 0.2. */
  loadWorkedExample(): void {
    this.#fillWorkedExample();
    this.#send();
  }

  /**
   * Computes the fields as they are when nothing was computed yet (the screen is shown for
   * the first time): the worker starts only when the screen is used.
   */
  start(): void {
    if (this.job.status === 'idle' && this.result === null) this.#send();
  }

  #fillWorkedExample(): void {
    this.hypothesis = t('loyalty.calc.defaultHypothesis');
    this.prior = WORKED.prior;
    this.#nextId = 1;
    this.evidence = [{ id: this.#nextId++, label: t('loyalty.calc.defaultEvidence'), likelihood: WORKED.likelihood, falseAlarm: WORKED.falseAlarm }];
    this.shownId = 1;
  }

  setHypothesis(label: string): void {
    this.hypothesis = label;
  }

  setPrior(text: string): void {
    this.prior = text;
    this.#send();
  }

  setEvidence(id: number, field: 'label' | 'likelihood' | 'falseAlarm', text: string): void {
    const draft = this.evidence.find((e) => e.id === id);
    if (!draft) return;
    draft[field] = text;
    if (field !== 'label') this.#send();
  }

  /** Adds an empty piece of evidence (left out of the chain until its probabilities are typed). */
  addEvidence(): number | null {
    if (this.evidence.length >= MAX_EVIDENCE) return null;
    const id = this.#nextId++;
    this.evidence.push({ id, label: t('loyalty.calc.evidenceN', { n: this.evidence.length + 1 }), likelihood: '', falseAlarm: '' });
    // Its working shows as soon as its probabilities are typed (step 1's until then).
    this.shownId = id;
    return id;
  }

  removeEvidence(id: number): void {
    if (this.evidence.length <= 1) return;
    this.evidence = this.evidence.filter((e) => e.id !== id);
    if (this.shownId === id) this.shownId = this.evidence[0].id;
    this.#send();
  }

  showStep(id: number): void {
    this.shownId = id;
  }

  /** The field's message: what is wrong with the text, or the engine's message for it. */
  problem(field: FieldKey): string | null {
    const read = this.read;
    if (!read.ok) {
      const problem = read.problems[field];
      return problem ? t(problem === 'empty' ? 'loyalty.calc.problem.empty' : 'loyalty.calc.problem.notNumber') : null;
    }
    const job = this.job;
    if (job.status !== 'error' || job.field !== field) return null;
    const which = job.error.params?.which;
    return errorText(job.error, typeof which === 'string' ? { which: this.fieldName(which as ProbabilityName, job.error.params?.step) } : {});
  }

  /** An engine error that belongs to no field (a crashed worker). */
  generalProblem = $derived.by<AppError | null>(() => (this.job.status === 'error' && this.job.field === null ? this.job.error : null));

  /** "the prior P(loyal)", "P(good service | not loyal)": a field named with the user's labels. */
  fieldName(which: ProbabilityName, step?: string | number): string {
    const h = this.hypothesis;
    if (which === 'prior') return t('loyalty.calc.which.prior', { h });
    const draft = typeof step === 'number' ? this.#includedDraft(step) : undefined;
    const e = draft?.label ?? '';
    return t(which === 'likelihood' ? 'loyalty.calc.which.likelihood' : 'loyalty.calc.which.falseAlarm', { h, e });
  }

  /** The draft of the n-th (1-based) piece of evidence of the last request. */
  #includedDraft(step: number): EvidenceDraft | undefined {
    const read = this.read;
    const ids = read.ok ? read.ids : [];
    return this.evidence.find((e) => e.id === ids[step - 1]);
  }

  #send(): void {
    const read = this.read;
    if (!read.ok) {
      this.#call.cancel();
      this.result = null;
      this.job = { status: 'idle' };
      return;
    }
    this.job = { status: 'running' };
    this.#call.request({ request: read.request, ids: read.ids });
  }
}

function readFields(priorText: string, evidence: readonly EvidenceDraft[]): ReadFields {
  const locale = currentLocale();
  const problems: Partial<Record<FieldKey, ReadProblem>> = {};
  const prior = readProbability(priorText, locale);
  if (!prior.ok) problems.prior = prior.problem;
  const used: ReadEvidence[] = [];
  for (const draft of evidence) {
    if (draft.likelihood.trim() === '' && draft.falseAlarm.trim() === '') continue;
    const likelihood = readProbability(draft.likelihood, locale);
    const falseAlarm = readProbability(draft.falseAlarm, locale);
    if (!likelihood.ok) problems[`likelihood:${draft.id}`] = likelihood.problem;
    if (!falseAlarm.ok) problems[`falseAlarm:${draft.id}`] = falseAlarm.problem;
    if (likelihood.ok && falseAlarm.ok) used.push({ id: draft.id, likelihood: likelihood.value, falseAlarm: falseAlarm.value });
  }
  if (!prior.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: { prior: prior.value, evidence: used.map(({ likelihood, falseAlarm }) => ({ likelihood, falseAlarm })) },
    ids: used.map((u) => u.id),
  };
}

/** The field an engine error is about: `which` and the 1-based `step` of the chain. */
function fieldOfError(error: AppError, ids: readonly number[]): FieldKey | null {
  const step = error.params?.step;
  const id = typeof step === 'number' ? ids[step - 1] : undefined;
  if (error.code === 'PROBABILITY_OUT_OF_RANGE') {
    const which = error.params?.which;
    if (which === 'prior') return 'prior';
    if ((which === 'likelihood' || which === 'falseAlarm') && id !== undefined) return `${which}:${id}`;
  }
  if (error.code === 'EVIDENCE_IMPOSSIBLE' && id !== undefined) return `evidence:${id}`;
  return null;
}
