/**
 * The plan screen's state: the plans kept in this browser, the one plan open (one document,
 * edited in place and saved by itself), its versions, the allocation solved from it, and the
 * import and export of plan files and actuals. It lives as long as the app, so the plan stays
 * open across visits to other screens (the strategy map reads it).
 *
 * Saving: every edit calls `touch()`; the plan is saved SAVE_DELAY_MS after the last edit, at
 * once on `flush()` (the app flushes when the page is hidden or left, and warns before the page
 * is left while an edit is not yet written: see leave-guard.ts), with the revision it
 * was opened at. A save another tab made in between gives PLAN_CONFLICT: nothing is written,
 * the edit stays here, and the user chooses (reload theirs, or save this one as a copy). After
 * each save a message on a BroadcastChannel lets other tabs with the same plan warn at once.
 *
 * Leaving: closing the plan, opening another or importing one first saves the edits; when
 * they cannot be saved (a conflict, a full storage), the plan stays open and `leaveBlocked`
 * offers to save them as a copy, to try again or to discard them, then goes on.
 */
import type { ChurnEstimate } from './churn-estimate';
import type { PricingEstimate } from './pricing-estimate';
import type { BuiltBudgetModel } from '../../core/lp/budget-model';
import { createPlan, PLAN_TEMPLATE_IDS } from '../../core/plan/create-plan';
import { emptyPlan, nextGoalId, type GoalKind, type Plan, type PlanGoal } from '../../core/plan/plan';
import { planBudgetModel } from '../../core/plan/plan-allocation';
import { planFileText, readPlanFile } from '../../core/plan/plan-file';
import type { PlanIndexEntry, PlanVersion } from '../../core/plan/plan-store-format';
import { futurePeriodKeys, keyOrdinal, ordinalKey } from '../../core/forecast/periods';
import type { AppError, Result } from '../../core/shared/result';
import { downloadText } from '../../lib/download';
import { safeFileName } from '../../lib/forecast/forecast-csv';
import { currentLocale, formatDateTime, t } from '../../lib/i18n/i18n';
import { openWorkspaceStore, type KvStore, type StoreMode } from '../../lib/persistence/idb';
import { createKeptForecastRepository } from '../../lib/persistence/kept-forecast-repository';
import { createPlanRepository, type OpenedPlan, type PlanRepository } from '../../lib/persistence/plan-repository';
import type { LpWorkerApi } from '../../workers/lp-api';
import type { ForecastWorkerApi } from '../../workers/forecast-api';
import { createWorkerClient, type WorkerClient } from '../../lib/worker-client';
import { followedActuals } from '../../core/plan/replan-forecast';
import { AllocationScreen } from '../allocation/allocation.svelte';
import { mergeActuals, readActualsCsv, type ActualsCsvRead } from './actuals-csv';
import { lastReachedPeriod, nothingLeftToPlan, remainingPeriods, replanPlan } from './replan';

/** A part of the plan the screen can show: a step, or a section of the strategy notes. */
export type PlanPart =
  | 'resources'
  | 'goals'
  | 'priorities'
  | 'allocation'
  | 'monitoring'
  | 'strategy-marketResearch'
  | 'strategy-segmentation'
  | 'strategy-differentiation'
  | 'strategy-pricingChannels'
  | 'strategy-contract'
  | 'strategy-crm';

/** The pages of the open plan: the five steps, then the strategy notes. */
export const PLAN_PAGES = ['resources', 'goals', 'priorities', 'allocation', 'monitoring', 'strategy'] as const;
export type PlanPage = (typeof PLAN_PAGES)[number];

/** The sections of the strategy notes, in the order of the strategy text. */
export const STRATEGY_SECTIONS = ['marketResearch', 'segmentation', 'differentiation', 'pricingChannels', 'contract', 'crm'] as const;
export type StrategySection = (typeof STRATEGY_SECTIONS)[number];

/** The page a part is on. */
export function pageOf(part: PlanPart): PlanPage {
  return part.startsWith('strategy-') ? 'strategy' : (part as PlanPage);
}

/** The name of the BroadcastChannel tabs tell each other about saves on. */
export const PLAN_CHANNEL_NAME = 'b2b-strategy-lab-plans';
/** Quiet time after the last edit before the plan is saved. */
export const SAVE_DELAY_MS = 800;
/** Quiet time after the last edit before the allocation is solved again. */
export const SOLVE_DELAY_MS = 500;
/** Editing this long keeps a version by itself (reason 'interval'). */
export const VERSION_EVERY_MS = 10 * 60 * 1000;

export type SaveState =
  | { status: 'idle' }
  | { status: 'saved'; at: string }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'error'; error: AppError }
  | { status: 'conflict' };

/** A message between tabs. */
export type PlanMessage = { type: 'saved'; id: string; revision: number; tab: string } | { type: 'removed'; id: string; tab: string };

/** What the screen needs of a BroadcastChannel. */
export interface PlanChannelLike {
  postMessage(message: PlanMessage): void;
  onmessage: ((event: MessageEvent<PlanMessage>) => void) | null;
  close(): void;
}

/** A short status line of the list or the open plan (the view translates `key`). */
export type PlanNotice =
  /** `cause`: a failure the notice tells of in passing, its translated sentence as {reason}. */
  | { kind: 'success' | 'info'; key: PlanNoticeKey; params?: Record<string, string | number>; cause?: AppError }
  | { kind: 'error'; error: AppError; key?: PlanNoticeKey; params?: Record<string, string | number>; recover?: { id: string } };

export type PlanNoticeKey =
  | 'plan.notice.created'
  | 'plan.notice.imported'
  | 'plan.notice.duplicated'
  | 'plan.notice.deleted'
  | 'plan.notice.renamed'
  | 'plan.notice.exported'
  | 'plan.notice.versionKept'
  | 'plan.notice.restored'
  | 'plan.notice.copySaved'
  | 'plan.notice.replanned'
  | 'plan.notice.replannedRefit'
  | 'plan.notice.replannedKept'
  | 'plan.notice.replanNothingLeft'
  | 'plan.notice.reloaded'
  | 'plan.notice.removedElsewhere'
  | 'plan.notice.importFailed'
  | 'plan.notice.actionFailed'
  | 'plan.notice.importTooNew'
  | 'plan.notice.renameTooNew'
  | 'plan.notice.exportTooNew'
  | 'plan.notice.duplicateTooNew'
  | 'plan.notice.corrupt'
  | 'plan.notice.recoveredVersion'
  | 'plan.notice.recoveredEmpty'
  | 'plan.notice.reloadFailed'
  | 'plan.notice.copySavedLeft';

/** What the user set out to do when the plan could not be left (its edits unsaved). */
export type PlanLeave = { kind: 'close' } | { kind: 'open'; id: string } | { kind: 'create'; plan: Plan; notice: PlanNotice };

/** The kept forecast step 2 attaches: none kept, or a failure to read it. */
export type ForecastAttach = { status: 'idle' } | { status: 'loading' } | { status: 'none' } | { status: 'attached'; savedAt: string } | { status: 'error'; error: AppError };

export interface PlanScreenDeps {
  openStore?: () => Promise<KvStore>;
  now?: () => Date;
  newId?: () => string;
  /** The LP worker client of the embedded allocation. */
  client?: WorkerClient<LpWorkerApi>;
  /** The forecast worker client that refits the forecast when re-planning. */
  forecastClient?: WorkerClient<ForecastWorkerApi>;
  /** Saves an export; the app downloads it. */
  save?: (fileName: string, text: string, type?: string) => void;
  /** The channel to other tabs; null for none. @default a BroadcastChannel when the browser has one */
  channel?: PlanChannelLike | null;
  saveDelayMs?: number;
  solveDelayMs?: number;
  versionEveryMs?: number;
  /** What the churn screen's model says about churn (the app passes it); null without a model. */
  churnEstimate?: () => ChurnEstimate | null;
  /** What the pricing screen's analysis says a unit earns (the app passes it); null without one. */
  pricingEstimate?: () => PricingEstimate | null;
}

function newUuid(): string {
  return crypto.randomUUID();
}

function defaultChannel(): PlanChannelLike | null {
  return typeof BroadcastChannel === 'undefined' ? null : (new BroadcastChannel(PLAN_CHANNEL_NAME) as unknown as PlanChannelLike);
}

const TEMPLATE_IDS = new Set(PLAN_TEMPLATE_IDS);

/** The refusal of an action on a plan written by a newer version (the message is for logs; the notice's key is shown). */
function tooNew(action: 'rename' | 'duplicate' | 'export'): AppError {
  return { code: 'SCHEMA_TOO_NEW', message: `A plan written by a newer version of the app is not changed or copied here (${action} refused).` };
}

export class PlanScreen {
  /** Where plans are kept, once known: 'memory' means they vanish when the tab closes. */
  storeMode = $state<StoreMode | null>(null);
  /** The plans kept in this browser, last saved first. */
  plans = $state.raw<PlanIndexEntry[]>([]);
  listState = $state.raw<{ status: 'idle' | 'loading' | 'ready' } | { status: 'error'; error: AppError }>({ status: 'idle' });

  /** The plan open (deep state: the view binds its fields), or null. */
  plan = $state<Plan | null>(null);
  /** Its entry in the list: id and the revision saves start from. */
  entry = $state.raw<PlanIndexEntry | null>(null);
  /** Written by a newer version of the app: shown, never saved. */
  readOnly = $state(false);
  saveState = $state.raw<SaveState>({ status: 'idle' });
  /** Another tab saved this plan since it was opened here (from a save, or told at once). */
  conflict = $state.raw<{ from: 'save' | 'other-tab' } | null>(null);
  notice = $state.raw<PlanNotice | null>(null);
  /** The page of the open plan shown. */
  page = $state<PlanPage>('resources');
  /** A part to scroll to and focus when the plan screen is next visible. */
  focusRequest = $state.raw<PlanPart | null>(null);
  /** Leaving the plan was stopped because its edits could not be saved: what was asked. */
  leaveBlocked = $state.raw<{ then: PlanLeave } | null>(null);

  versions = $state.raw<PlanVersion[]>([]);
  /** A version shown read-only, to look at or restore. */
  viewing = $state.raw<{ version: PlanVersion; plan: Plan } | null>(null);
  forecastAttach = $state.raw<ForecastAttach>({ status: 'idle' });
  actualsImport = $state.raw<(ActualsCsvRead & { fileName: string }) | null>(null);
  /** The print layout is shown. */
  reportOpen = $state(false);
  busy = $state(false);

  /** The allocation model steps 1–4 make, or why they make none. */
  built = $state.raw<Result<BuiltBudgetModel> | null>(null);
  /** The embedded allocation: solving, the sensitivity report and the graphical view. */
  readonly allocation: AllocationScreen;

  #openStore: () => Promise<KvStore>;
  #now: () => Date;
  #newId: () => string;
  #save: (fileName: string, text: string, type?: string) => void;
  #channel: PlanChannelLike | null;
  #saveDelay: number;
  #solveDelay: number;
  #versionEvery: number;
  #forecastClient: WorkerClient<ForecastWorkerApi>;
  #repository: Promise<PlanRepository> | null = null;
  #store: KvStore | null = null;
  readonly #tab = Math.random().toString(36).slice(2);

  #dirty = false;
  #saving: Promise<void> | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #solveTimer: ReturnType<typeof setTimeout> | undefined;
  #lastSolvedKey: string | null = null;
  #lastSavedJson = '';
  /** The revision of the open plan this tab wrote itself, or null. */
  #wroteRevision: number | null = null;
  /** The highest revision of the open plan another tab said it saved. */
  #othersRevision = 0;
  /** When editing began since the last version was kept (ms), or null. */
  #editingSince: number | null = null;

  readonly #churnEstimate: () => ChurnEstimate | null;

  /** The churn model's estimate for step 4, or null when no model was trained in this session. */
  churnEstimate(): ChurnEstimate | null {
    return this.#churnEstimate();
  }

  /** Takes the churn model's mean churn probability as the plan's churn probability. */
  useChurnEstimate(): void {
    const estimate = this.#churnEstimate();
    if (!estimate) return;
    this.update((plan) => {
      plan.allocation.customerValue.churnProbability = estimate.probability;
    });
  }

  readonly #pricingEstimate: () => PricingEstimate | null;

  /** The pricing screen's margin per unit for step 4, or null without a priced demand curve. */
  pricingEstimate(): PricingEstimate | null {
    return this.#pricingEstimate();
  }

  /**
   * Sets the lifetime value of a customer from the pricing screen: its margin per unit times
   * the units a customer buys over its life (the user's figure).
   */
  useLifetimeValueFromPricing(unitsPerCustomer: number): void {
    const estimate = this.#pricingEstimate();
    if (!estimate || !(unitsPerCustomer > 0) || !Number.isFinite(unitsPerCustomer)) return;
    this.update((plan) => {
      plan.allocation.customerValue.lifetimeValue = estimate.margin * unitsPerCustomer;
    });
  }

  constructor(deps: PlanScreenDeps = {}) {
    this.#pricingEstimate = deps.pricingEstimate ?? (() => null);
    this.#openStore = deps.openStore ?? openWorkspaceStore;
    this.#now = deps.now ?? (() => new Date());
    this.#newId = deps.newId ?? newUuid;
    this.#save = deps.save ?? downloadText;
    this.#channel = deps.channel === undefined ? defaultChannel() : deps.channel;
    this.#saveDelay = deps.saveDelayMs ?? SAVE_DELAY_MS;
    this.#solveDelay = deps.solveDelayMs ?? SOLVE_DELAY_MS;
    this.#versionEvery = deps.versionEveryMs ?? VERSION_EVERY_MS;
    this.#churnEstimate = deps.churnEstimate ?? (() => null);
    // The worker starts on the first re-plan only.
    this.#forecastClient =
      deps.forecastClient ??
      createWorkerClient<ForecastWorkerApi>(() => new Worker(new URL('../../workers/forecast.worker.ts', import.meta.url), { type: 'module', name: 'plan-forecast' }));
    this.allocation = new AllocationScreen({ client: deps.client, save: deps.save });
    if (this.#channel) this.#channel.onmessage = (event) => this.#onMessage(event.data);
  }

  // ── the list ──

  #repo(): Promise<PlanRepository> {
    this.#repository ??= this.#openStore().then((store) => {
      this.#store = store;
      this.storeMode = store.mode;
      return createPlanRepository(store, this.#now, this.#newId);
    });
    return this.#repository;
  }

  /** Reads the list of plans (the view calls it when it shows). */
  async start(): Promise<void> {
    // The list is shown: a part asked for with no plan open must not move the next plan opened.
    if (!this.plan) this.focusRequest = null;
    if (this.listState.status === 'idle') this.listState = { status: 'loading' };
    await this.refreshList();
  }

  async refreshList(): Promise<void> {
    const repo = await this.#repo();
    const listed = await repo.list();
    if (!listed.ok) {
      this.listState = { status: 'error', error: listed.error };
      return;
    }
    this.plans = listed.value;
    this.listState = { status: 'ready' };
  }

  /** A new plan, empty or ready-made (`template`: one of PLAN_TEMPLATE_IDS), opened at once. */
  async createNew(template?: string): Promise<void> {
    if (template !== undefined && !TEMPLATE_IDS.has(template)) return;
    const plan = template === undefined ? emptyPlan(t('plan.list.newName')) : createPlan(template);
    await this.#createAndOpen(plan, { kind: 'success', key: 'plan.notice.created', params: { name: plan.name } });
  }

  /** Reads a plan file; a broken or foreign file is reported and nothing changes. */
  async importText(text: string): Promise<boolean> {
    const read = readPlanFile(text);
    if (!read.ok) {
      this.notice = { kind: 'error', error: read.error, key: 'plan.notice.importFailed' };
      return false;
    }
    if (read.value.readOnly) {
      // Storing it with this version's schema would drop what the newer version added.
      this.notice = { kind: 'error', error: { code: 'SCHEMA_TOO_NEW', message: 'The plan file was written by a newer version of the app.', params: { found: read.value.schemaVersion } }, key: 'plan.notice.importTooNew' };
      return false;
    }
    return this.#createAndOpen(read.value.plan, { kind: 'success', key: 'plan.notice.imported', params: { name: read.value.plan.name } });
  }

  async importFile(file: File): Promise<boolean> {
    return this.importText(await file.text());
  }

  async #createAndOpen(plan: Plan, notice: PlanNotice): Promise<boolean> {
    if (!(await this.#canLeave({ kind: 'create', plan, notice }))) return false;
    return this.#create(plan, notice);
  }

  /** Stores `plan` as a new plan and opens it (the open plan's edits are saved or given up already). */
  async #create(plan: Plan, notice: PlanNotice): Promise<boolean> {
    const repo = await this.#repo();
    const created = await repo.create(plan);
    if (!created.ok) {
      this.notice = { kind: 'error', error: created.error, key: 'plan.notice.actionFailed' };
      return false;
    }
    await this.refreshList();
    const opened = await this.#load(created.value.id);
    if (opened) this.notice = notice;
    return opened;
  }

  /**
   * Saves the open plan's edits before it is left. When they cannot be saved (a conflict with
   * another tab, a failed save) the plan stays open and `leaveBlocked` says what was asked.
   */
  async #canLeave(then: PlanLeave): Promise<boolean> {
    if (await this.flush()) {
      this.leaveBlocked = null;
      return true;
    }
    this.leaveBlocked = { then };
    return false;
  }

  async #proceed(then: PlanLeave): Promise<boolean> {
    this.leaveBlocked = null;
    if (then.kind === 'close') {
      this.#closeNow();
      await this.refreshList();
      return true;
    }
    if (then.kind === 'open') return this.#load(then.id);
    return this.#create(then.plan, then.notice);
  }

  /** Leaving was stopped: saves the edits again, and goes on when they are saved. */
  async leaveTryAgain(): Promise<boolean> {
    const then = this.leaveBlocked?.then;
    if (!then) return false;
    if (!(await this.flush())) return false;
    return this.#proceed(then);
  }

  /** Leaving was stopped: gives up the edits (as asked) and goes on. */
  async leaveDiscard(): Promise<boolean> {
    const then = this.leaveBlocked?.then;
    if (!then) return false;
    this.#dropEdits();
    return this.#proceed(then);
  }

  /** Leaving was stopped: keeps the edits as a new plan, then goes on. */
  async leaveSaveCopy(): Promise<boolean> {
    const then = this.leaveBlocked?.then;
    if (!then || !this.plan) return false;
    const copy = await this.#storeCopy();
    if (!copy) return false;
    const done = await this.#proceed(then);
    if (done && then.kind !== 'create') this.notice = { kind: 'success', key: 'plan.notice.copySavedLeft', params: { name: copy.name } };
    return done;
  }

  /** Opens a plan (saving the one open first; when that cannot be saved, it stays open). */
  async open(id: string): Promise<boolean> {
    if (!(await this.#canLeave({ kind: 'open', id }))) return false;
    return this.#load(id);
  }

  /** Opens a plan in place of the one open, whose edits are saved or given up already. */
  async #load(id: string): Promise<boolean> {
    const repo = await this.#repo();
    const opened = await repo.open(id);
    if (!opened.ok) {
      const corrupt = opened.error.code === 'PLAN_CORRUPT';
      this.notice = corrupt
        ? { kind: 'error', error: opened.error, key: 'plan.notice.corrupt', params: { name: this.#nameOf(id) }, recover: { id } }
        : { kind: 'error', error: opened.error, key: 'plan.notice.actionFailed' };
      return false;
    }
    this.#show(opened.value.plan, opened.value.entry, opened.value.readOnly);
    this.notice = null;
    if (!this.focusRequest) this.page = 'resources';
    await this.loadVersions();
    return true;
  }

  #nameOf(id: string): string {
    return this.plans.find((p) => p.id === id)?.name || t('plan.list.unnamed');
  }

  /**
   * A plan whose saved record is damaged: makes its newest readable version (or, with none,
   * an empty plan) the plan and opens it; the damaged record stays kept aside.
   */
  async recover(id: string): Promise<boolean> {
    if (this.entry && this.entry.id !== id && !(await this.#canLeave({ kind: 'open', id }))) return false;
    this.busy = true;
    try {
      const repo = await this.#repo();
      const recovered = await repo.recover(id);
      if (!recovered.ok) {
        this.notice = { kind: 'error', error: recovered.error, key: 'plan.notice.actionFailed' };
        return false;
      }
      const { plan, entry, from, version } = recovered.value;
      this.#show(plan, entry, false);
      this.#wroteRevision = entry.revision;
      this.page = 'resources';
      this.focusRequest = null;
      this.#post({ type: 'saved', id, revision: entry.revision, tab: this.#tab });
      await this.loadVersions();
      await this.refreshList();
      const kept = from === 'version' && version !== null ? this.versions.find((v) => v.n === version) : undefined;
      this.notice =
        from === 'version' && version !== null
          ? { kind: 'success', key: 'plan.notice.recoveredVersion', params: { name: plan.name, n: version, when: kept ? formatDateTime(kept.savedAt) : '—' } }
          : { kind: 'success', key: 'plan.notice.recoveredEmpty', params: { name: plan.name } };
      return true;
    } finally {
      this.busy = false;
    }
  }

  #show(plan: Plan, entry: PlanIndexEntry, readOnly: boolean): void {
    clearTimeout(this.#saveTimer);
    this.plan = plan;
    this.entry = entry;
    this.readOnly = readOnly;
    this.conflict = null;
    this.leaveBlocked = null;
    this.viewing = null;
    this.actualsImport = null;
    this.forecastAttach = { status: 'idle' };
    this.#dirty = false;
    this.#editingSince = null;
    this.#wroteRevision = null;
    this.#othersRevision = 0;
    this.#lastSavedJson = JSON.stringify(plan);
    this.saveState = { status: 'saved', at: entry.savedAt };
    this.#lastSolvedKey = null;
    this.#scheduleSolve(0);
  }

  /** Back to the list (the plan is saved first; when that cannot be saved, it stays open). */
  async close(): Promise<boolean> {
    if (!(await this.#canLeave({ kind: 'close' }))) return false;
    this.#closeNow();
    await this.refreshList();
    return true;
  }

  #closeNow(): void {
    clearTimeout(this.#saveTimer);
    clearTimeout(this.#solveTimer);
    this.allocation.cancel();
    this.plan = null;
    this.entry = null;
    this.readOnly = false;
    this.conflict = null;
    this.leaveBlocked = null;
    this.viewing = null;
    this.reportOpen = false;
    this.focusRequest = null;
    this.#dirty = false;
    this.#wroteRevision = null;
    this.#othersRevision = 0;
    this.saveState = { status: 'idle' };
  }

  /** Gives up the open plan's unsaved edits (they are not written anywhere). */
  #dropEdits(): void {
    clearTimeout(this.#saveTimer);
    this.#dirty = false;
  }

  async rename(id: string, name: string): Promise<void> {
    const clean = name.trim();
    if (clean === '') return;
    if (this.entry?.id === id && this.plan) {
      if (this.readOnly) {
        this.notice = { kind: 'error', error: tooNew('rename'), key: 'plan.notice.renameTooNew' };
        return;
      }
      this.plan.name = clean;
      this.touch();
      await this.flush();
      await this.refreshList();
      this.notice = { kind: 'success', key: 'plan.notice.renamed', params: { name: clean } };
      return;
    }
    const repo = await this.#repo();
    const opened = await this.#openStored(id, 'rename');
    if (!opened) return;
    const saved = await repo.save(id, { ...opened.plan, name: clean }, opened.entry.revision);
    if (!saved.ok) {
      this.notice = { kind: 'error', error: saved.error, key: 'plan.notice.actionFailed' };
      return;
    }
    this.#post({ type: 'saved', id, revision: saved.value.revision, tab: this.#tab });
    await this.refreshList();
    this.notice = { kind: 'success', key: 'plan.notice.renamed', params: { name: clean } };
  }

  /** Copies a plan under a new name; a plan written by a newer version is refused (the copy would be written as this version's). */
  async duplicate(id: string): Promise<void> {
    if (this.entry?.id === id) {
      if (this.readOnly) {
        this.notice = { kind: 'error', error: tooNew('duplicate'), key: 'plan.notice.duplicateTooNew' };
        return;
      }
      await this.flush();
    }
    const repo = await this.#repo();
    if (this.entry?.id !== id) {
      const opened = await repo.open(id);
      if (opened.ok && opened.value.readOnly) {
        this.notice = { kind: 'error', error: tooNew('duplicate'), key: 'plan.notice.duplicateTooNew' };
        return;
      }
    }
    const name = this.plans.find((p) => p.id === id)?.name ?? this.plan?.name ?? '';
    const copy = await repo.duplicate(id, t('plan.list.copyName', { name }));
    if (!copy.ok) {
      const refused = copy.error.code === 'SCHEMA_TOO_NEW';
      this.notice = { kind: 'error', error: copy.error, key: refused ? 'plan.notice.duplicateTooNew' : 'plan.notice.actionFailed' };
      return;
    }
    await this.refreshList();
    this.notice = { kind: 'success', key: 'plan.notice.duplicated', params: { name: copy.value.name } };
  }

  async remove(id: string): Promise<void> {
    const repo = await this.#repo();
    const name = this.plans.find((p) => p.id === id)?.name ?? '';
    if (this.entry?.id === id) {
      clearTimeout(this.#saveTimer);
      this.#dirty = false;
      await this.close();
    }
    const removed = await repo.remove(id);
    if (!removed.ok) {
      this.notice = { kind: 'error', error: removed.error, key: 'plan.notice.actionFailed' };
      return;
    }
    this.#post({ type: 'removed', id, tab: this.#tab });
    await this.refreshList();
    this.notice = { kind: 'success', key: 'plan.notice.deleted', params: { name } };
  }

  /**
   * Downloads a plan as a plan file (the open one as it is now, saved first). A plan written by
   * a newer version is refused: the file would say it is of this version's schema.
   */
  async exportPlan(id: string): Promise<void> {
    let plan: Plan;
    let savedAt: string;
    if (this.entry?.id === id && this.plan) {
      if (this.readOnly) {
        this.notice = { kind: 'error', error: tooNew('export'), key: 'plan.notice.exportTooNew' };
        return;
      }
      await this.flush();
      plan = $state.snapshot(this.plan) as Plan;
      savedAt = this.entry.savedAt;
    } else {
      const opened = await this.#openStored(id, 'export');
      if (!opened) return;
      plan = opened.plan;
      savedAt = opened.entry.savedAt;
    }
    const fileName = safeFileName(`${plan.name.trim() || t('plan.list.fileStem')}.json`);
    this.#save(fileName, planFileText(plan, savedAt), 'application/json;charset=utf-8');
    this.notice = { kind: 'success', key: 'plan.notice.exported', params: { file: fileName } };
  }

  /**
   * A stored plan (not the one open) for renaming or exporting it, or null after saying why
   * not: it could not be read, or a newer version wrote it (it would be re-labelled as this
   * version's schema).
   */
  async #openStored(id: string, action: 'rename' | 'export'): Promise<OpenedPlan | null> {
    const opened = await (await this.#repo()).open(id);
    if (!opened.ok) {
      this.notice = { kind: 'error', error: opened.error, key: 'plan.notice.actionFailed' };
      return null;
    }
    if (opened.value.readOnly) {
      this.notice = { kind: 'error', error: tooNew(action), key: action === 'rename' ? 'plan.notice.renameTooNew' : 'plan.notice.exportTooNew' };
      return null;
    }
    return opened.value;
  }

  // ── editing and saving ──

  /** Changes the open plan and schedules the save (no change to a read-only plan). */
  update(change: (plan: Plan) => void): void {
    if (!this.plan || this.readOnly) return;
    change(this.plan);
    this.touch();
  }

  /** Says the open plan was edited (the view calls it on every input): saves and re-solves soon. */
  touch(): void {
    if (!this.plan || this.readOnly) return;
    this.#dirty = true;
    this.#editingSince ??= this.#now().getTime();
    if (!this.conflict && this.saveState.status !== 'saving') this.saveState = { status: 'pending' };
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.flush(), this.#saveDelay);
    this.#scheduleSolve(this.#solveDelay);
  }

  /** Unsaved edits are waiting. */
  get hasUnsaved(): boolean {
    return this.#dirty;
  }

  /** Unsaved edits that a save cannot write now (a conflict with another tab, or a failed save). */
  get hasUnsavable(): boolean {
    return this.#dirty && (this.conflict !== null || this.saveState.status === 'error');
  }

  /** A save is writing edits now: they are not stored until it ends. */
  get isSaving(): boolean {
    return this.#saving !== null;
  }

  /**
   * Saves the open plan now if it has unsaved edits (and waits for a save under way).
   * @returns true when every edit is saved; false when some are not (a conflict, a failed save)
   */
  async flush(): Promise<boolean> {
    clearTimeout(this.#saveTimer);
    // Edits made while a save was under way are saved by the next round.
    for (let round = 0; round < 3; round++) {
      while (this.#saving) await this.#saving;
      if (!this.#dirty) return true;
      if (!this.plan || !this.entry || this.readOnly || this.conflict) return false;
      this.#saving = this.#write().finally(() => {
        this.#saving = null;
      });
      await this.#saving;
      clearTimeout(this.#saveTimer);
      if (this.saveState.status === 'error' || this.conflict) return !this.#dirty;
    }
    return !this.#dirty;
  }

  async #write(): Promise<void> {
    const entry = this.entry;
    if (!entry || !this.plan) return;
    const snapshot = $state.snapshot(this.plan) as Plan;
    const json = JSON.stringify(snapshot);
    this.#dirty = false;
    if (json === this.#lastSavedJson) {
      this.saveState = { status: 'saved', at: entry.savedAt };
      return;
    }
    this.saveState = { status: 'saving' };
    const repo = await this.#repo();
    const saved = await repo.save(entry.id, snapshot, entry.revision);
    if (this.entry?.id !== entry.id) return;
    if (!saved.ok) {
      // The edit stays here, unsaved.
      this.#dirty = true;
      if (saved.error.code === 'PLAN_CONFLICT') {
        this.conflict = { from: 'save' };
        this.saveState = { status: 'conflict' };
      } else {
        this.saveState = { status: 'error', error: saved.error };
      }
      return;
    }
    this.entry = saved.value;
    this.#wroteRevision = saved.value.revision;
    this.#lastSavedJson = json;
    if (this.#othersRevision >= saved.value.revision) {
      // Another tab said it saved this revision (or a later one) while this save was under way:
      // the two saves raced, one may have written over the other. The edits stay unsaved here.
      this.#raced();
      return;
    }
    this.plans = [saved.value, ...this.plans.filter((p) => p.id !== saved.value.id)];
    this.#post({ type: 'saved', id: entry.id, revision: saved.value.revision, tab: this.#tab });
    if (this.#editingSince !== null && this.#now().getTime() - this.#editingSince >= this.#versionEvery) {
      const kept = await repo.keepVersion(entry.id, 'interval');
      if (kept.ok) {
        this.#editingSince = null;
        await this.loadVersions();
      }
    }
    if (this.#dirty) {
      this.saveState = { status: 'pending' };
      clearTimeout(this.#saveTimer);
      this.#saveTimer = setTimeout(() => void this.flush(), this.#saveDelay);
    } else {
      this.saveState = { status: 'saved', at: saved.value.savedAt };
      // Everything is saved now: nothing stops leaving any more (the user leaves when they like).
      this.leaveBlocked = null;
    }
  }

  /** Another tab saved the same revision as this one: the edits here count as unsaved, in conflict. */
  #raced(): void {
    clearTimeout(this.#saveTimer);
    this.#dirty = true;
    this.#lastSavedJson = '';
    this.conflict = { from: 'save' };
    this.saveState = { status: 'conflict' };
  }

  /** Tries a failed save again; when leaving the plan was stopped by it, goes on once saved. */
  async retrySave(): Promise<void> {
    if (this.leaveBlocked) {
      await this.leaveTryAgain();
      return;
    }
    await this.flush();
  }

  /**
   * After a conflict: drops the edits here and opens what the other tab saved. When that
   * cannot be opened (deleted in the other tab), the edits and the conflict stay. A save under
   * way is waited for first: ending after the reload, it would raise the conflict again (or
   * take the plan shown for its own).
   */
  async reloadTheirs(): Promise<void> {
    const id = this.entry?.id;
    if (!id) return;
    clearTimeout(this.#saveTimer);
    while (this.#saving) await this.#saving;
    // The save may have scheduled another for edits made meanwhile: they are dropped below.
    clearTimeout(this.#saveTimer);
    if (this.entry?.id !== id) return;
    const repo = await this.#repo();
    const opened = await repo.open(id);
    if (this.entry?.id !== id) return;
    if (!opened.ok) {
      this.notice = { kind: 'error', error: opened.error, key: 'plan.notice.reloadFailed' };
      return;
    }
    this.#dropEdits();
    this.#show(opened.value.plan, opened.value.entry, opened.value.readOnly);
    await this.loadVersions();
    this.notice = { kind: 'info', key: 'plan.notice.reloaded' };
  }

  /** After a conflict: keeps the edits here as a new plan and opens it, and leaves the other tab's as it is. */
  async saveMineAsCopy(): Promise<void> {
    if (!this.plan) return;
    const copy = await this.#storeCopy();
    if (copy && (await this.#load(copy.id))) this.notice = { kind: 'success', key: 'plan.notice.copySaved', params: { name: copy.name } };
  }

  /**
   * Stores the open plan as it is here as a new plan "… (my copy)"; once stored, the edits
   * count as saved (there) and the conflict is over.
   * @returns the copy's id and name, or null when it could not be stored (nothing changes)
   */
  async #storeCopy(): Promise<{ id: string; name: string } | null> {
    if (!this.plan) return null;
    const snapshot = $state.snapshot(this.plan) as Plan;
    const name = t('plan.conflict.copyName', { name: snapshot.name });
    const repo = await this.#repo();
    const created = await repo.create({ ...snapshot, name });
    if (!created.ok) {
      this.notice = { kind: 'error', error: created.error, key: 'plan.notice.actionFailed' };
      return null;
    }
    this.#dropEdits();
    this.conflict = null;
    await this.refreshList();
    return { id: created.value.id, name };
  }

  #post(message: PlanMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel: other tabs learn of the save at their next one (PLAN_CONFLICT).
    }
  }

  #onMessage(message: PlanMessage): void {
    if (!message || message.tab === this.#tab) return;
    void this.refreshList();
    if (!this.entry || message.id !== this.entry.id) return;
    if (message.type === 'removed') {
      this.conflict = { from: 'other-tab' };
      this.saveState = { status: 'conflict' };
      this.notice = { kind: 'info', key: 'plan.notice.removedElsewhere' };
      return;
    }
    this.#othersRevision = Math.max(this.#othersRevision, message.revision);
    if (message.revision > this.entry.revision) {
      clearTimeout(this.#saveTimer);
      this.conflict = { from: 'other-tab' };
      this.saveState = { status: 'conflict' };
    } else if (message.revision === this.entry.revision && this.#wroteRevision === message.revision) {
      // Both tabs saved this revision: the saves raced and one wrote over the other.
      this.#raced();
    }
  }

  /** Stops listening to other tabs (tests; the app's screen lives as long as the page). */
  dispose(): void {
    clearTimeout(this.#saveTimer);
    clearTimeout(this.#solveTimer);
    this.#channel?.close();
    this.#channel = null;
    this.#forecastClient.terminate();
  }

  // ── versions ──

  async loadVersions(): Promise<void> {
    const id = this.entry?.id;
    if (!id) return;
    const repo = await this.#repo();
    const listed = await repo.versions(id);
    if (this.entry?.id !== id) return;
    this.versions = listed.ok ? listed.value : [];
    if (!listed.ok) this.notice = { kind: 'error', error: listed.error, key: 'plan.notice.actionFailed' };
  }

  /**
   * Saves the edits before an action that needs them stored; when they cannot be, the action
   * is not done (the conflict banner or the failed save says why).
   */
  async #flushBefore(): Promise<boolean> {
    if (await this.flush()) return true;
    if (this.saveState.status === 'error') this.notice = { kind: 'error', error: this.saveState.error, key: 'plan.notice.actionFailed' };
    return false;
  }

  /** Keeps the plan as it is now as a version. */
  async keepVersion(): Promise<void> {
    const id = this.entry?.id;
    if (!id || this.readOnly) return;
    if (!(await this.#flushBefore())) return;
    const repo = await this.#repo();
    const kept = await repo.keepVersion(id, 'manual');
    if (!kept.ok) {
      this.notice = { kind: 'error', error: kept.error, key: 'plan.notice.actionFailed' };
      return;
    }
    this.#editingSince = null;
    await this.loadVersions();
    this.notice = { kind: 'success', key: 'plan.notice.versionKept', params: { n: kept.value.n } };
  }

  async viewVersion(n: number): Promise<void> {
    const id = this.entry?.id;
    if (!id) return;
    const repo = await this.#repo();
    const opened = await repo.openVersion(id, n);
    const version = this.versions.find((v) => v.n === n);
    if (!opened.ok || !version) {
      this.notice = { kind: 'error', error: opened.ok ? { code: 'PLAN_VERSION_NOT_FOUND', message: `Version ${n} of plan ${id} is not kept.`, params: { n } } : opened.error, key: 'plan.notice.actionFailed' };
      return;
    }
    this.viewing = { version, plan: opened.value };
  }

  /** Makes version n the plan; the plan as it is now is kept as a version first. */
  async restoreVersion(n: number): Promise<void> {
    const id = this.entry?.id;
    if (!id || this.readOnly) return;
    if (!(await this.#flushBefore()) || !this.entry) return;
    const repo = await this.#repo();
    const restored = await repo.restoreVersion(id, n, this.entry.revision);
    if (!restored.ok) {
      if (restored.error.code === 'PLAN_CONFLICT') {
        this.conflict = { from: 'save' };
        this.saveState = { status: 'conflict' };
      }
      this.notice = { kind: 'error', error: restored.error, key: 'plan.notice.actionFailed' };
      return;
    }
    this.#show(restored.value.plan, restored.value.entry, false);
    this.#post({ type: 'saved', id, revision: restored.value.entry.revision, tab: this.#tab });
    await this.loadVersions();
    await this.refreshList();
    this.notice = { kind: 'success', key: 'plan.notice.restored', params: { n } };
  }

  // ── parts of the plan ──

  /** Makes the plan screen show `part` next time it is visible (scrolled to and focused). */
  showPart(part: PlanPart): void {
    this.page = pageOf(part);
    this.focusRequest = part;
  }

  addGoal(kind: GoalKind = 'revenue'): void {
    this.update((plan) => {
      const goal: PlanGoal = {
        id: nextGoalId(plan),
        kind,
        label: '',
        target: 0,
        due: plan.monitoring.periods.at(-1) ?? '',
        measure: '',
        importance: 3,
        feasibility: 3,
        term: 'short',
        use: 'none',
        periodTargets: [],
        followsForecast: false,
      };
      plan.goals.push(goal);
    });
  }

  removeGoal(id: string): void {
    this.update((plan) => {
      plan.goals = plan.goals.filter((g) => g.id !== id);
      plan.monitoring.actuals = plan.monitoring.actuals.filter((a) => a.goalId !== id);
    });
  }

  /**
   * Monthly targets of a goal that follows the forecast: the forecast of each period up to the
   * goal's due period raised by `share` (0.1 = forecast + 10%); the target is their sum.
   */
  spreadOverForecast(goalId: string, share: number): void {
    this.update((plan) => {
      const goal = plan.goals.find((g) => g.id === goalId);
      const f = plan.forecast;
      if (!goal || !f || !Number.isFinite(share)) return;
      const periods = f.periods.filter((p, i) => (goal.due === '' || p <= goal.due) && i < f.forecast.length);
      goal.periodTargets = periods.map((period) => ({ period, target: Math.round(f.forecast[f.periods.indexOf(period)] * (1 + share)) }));
      goal.target = goal.periodTargets.reduce((sum, pt) => sum + pt.target, 0);
    });
  }

  /** Monthly targets of a goal: its whole target in equal parts over the monitored periods. */
  spreadEvenly(goalId: string): void {
    this.update((plan) => {
      const goal = plan.goals.find((g) => g.id === goalId);
      const periods = plan.monitoring.periods.filter((p) => goal?.due === '' || p <= (goal?.due ?? ''));
      if (!goal || periods.length === 0) return;
      const each = goal.target / periods.length;
      const rounded = periods.map((_, i) => Math.round(each * (i + 1)) - Math.round(each * i));
      goal.periodTargets = periods.map((period, i) => ({ period, target: rounded[i] }));
      goal.target = goal.periodTargets.reduce((sum, pt) => sum + pt.target, 0);
    });
  }

  clearPeriodTargets(goalId: string): void {
    this.update((plan) => {
      const goal = plan.goals.find((g) => g.id === goalId);
      if (goal) goal.periodTargets = [];
    });
  }

  /** After a monthly target changed: the goal's target is their sum. */
  syncTarget(goalId: string): void {
    this.update((plan) => {
      const goal = plan.goals.find((g) => g.id === goalId);
      if (goal && goal.periodTargets.length > 0) goal.target = goal.periodTargets.reduce((sum, pt) => sum + pt.target, 0);
    });
  }

  addChannel(): void {
    this.update((plan) => {
      let n = plan.allocation.channels.length + 1;
      const labels = new Set(plan.allocation.channels.map((c) => c.label));
      while (labels.has(t('plan.allocation.channelName', { n }))) n++;
      plan.allocation.channels.push({
        label: t('plan.allocation.channelName', { n }),
        returnPerUnit: 1,
        returnFrom: 'entered',
        costPerCustomer: null,
        minSpend: null,
        maxSpend: null,
        hoursPerUnit: 0,
        source: '',
      });
    });
  }

  removeChannel(index: number): void {
    this.update((plan) => {
      const [gone] = plan.allocation.channels.splice(index, 1);
      if (!gone) return;
      for (const limit of plan.resources.money.limits) limit.channels = limit.channels.filter((c) => c !== gone.label);
    });
  }

  /** Renames a channel, and the limits that name it follow. */
  renameChannel(index: number, label: string): void {
    this.update((plan) => {
      const channel = plan.allocation.channels[index];
      if (!channel) return;
      const before = channel.label;
      channel.label = label;
      for (const limit of plan.resources.money.limits) limit.channels = limit.channels.map((c) => (c === before ? label : c));
    });
  }

  addLimit(): void {
    this.update((plan) => {
      plan.resources.money.limits.push({ label: t('plan.resources.limitName', { n: plan.resources.money.limits.length + 1 }), amount: 0, channels: [] });
    });
  }

  removeLimit(index: number): void {
    this.update((plan) => {
      plan.resources.money.limits.splice(index, 1);
    });
  }

  setLimitChannel(index: number, channel: string, on: boolean): void {
    this.update((plan) => {
      const limit = plan.resources.money.limits[index];
      if (!limit) return;
      const others = limit.channels.filter((c) => c !== channel);
      limit.channels = on ? [...others, channel] : others;
    });
  }

  /** The monitored periods: `count` months from `first` (a key such as '2025-01'). */
  setMonitoredPeriods(first: string, count: number): boolean {
    const start = keyOrdinal(first.trim(), 'month');
    if (!Number.isFinite(start) || !Number.isInteger(count) || count < 1 || count > 120) return false;
    const periods = futurePeriodKeys(ordinalKey(start - 1, 'month'), count, 'month');
    // Actuals of months left out stay in the plan, hidden (`hiddenActuals` counts them, step 5
    // says so): widening the months shows them again.
    this.update((plan) => {
      plan.monitoring.periods = periods;
    });
    return true;
  }

  /** Entered actuals of months the plan does not monitor (kept, not shown). */
  get hiddenActuals(): number {
    const plan = this.plan;
    if (!plan) return 0;
    const monitored = new Set(plan.monitoring.periods);
    return plan.monitoring.actuals.filter((a) => !monitored.has(a.period)).length;
  }

  /** Enters (or, with null, clears) the actual of a goal in a period. */
  setActual(period: string, goalId: string, value: number | null): void {
    this.update((plan) => {
      const others = plan.monitoring.actuals.filter((a) => !(a.period === period && a.goalId === goalId));
      plan.monitoring.actuals = value === null ? others : [...others, { period, goalId, value }];
    });
  }

  /** Reads actuals from a CSV text; the usable rows replace the actuals of their period and goal. */
  importActualsText(text: string, fileName: string): void {
    if (!this.plan || this.readOnly) return;
    const read = readActualsCsv(text, $state.snapshot(this.plan) as Plan, currentLocale());
    this.actualsImport = { ...read, fileName };
    if (read.actuals.length > 0) this.update((plan) => (plan.monitoring.actuals = mergeActuals(plan.monitoring.actuals, read.actuals)));
  }

  async importActualsFile(file: File): Promise<void> {
    this.importActualsText(await file.text(), file.name);
  }

  /** Attaches the forecast kept on the forecast screen as the goals' baseline. */
  async attachKeptForecast(): Promise<void> {
    if (!this.plan || this.readOnly) return;
    this.forecastAttach = { status: 'loading' };
    await this.#repo();
    const store = this.#store;
    if (!store) return;
    const loaded = await createKeptForecastRepository(store, this.#now).load();
    if (!loaded.ok) {
      this.forecastAttach = { status: 'error', error: loaded.error };
      return;
    }
    if (!loaded.value) {
      this.forecastAttach = { status: 'none' };
      return;
    }
    const { kind: _kind, ...forecast } = loaded.value.forecast;
    this.update((plan) => {
      plan.forecast = forecast;
      if (plan.monitoring.periods.length === 0) plan.monitoring.periods = [...forecast.periods];
    });
    this.forecastAttach = { status: 'attached', savedAt: loaded.value.savedAt };
  }

  detachForecast(): void {
    this.update((plan) => {
      plan.forecast = null;
      for (const goal of plan.goals) goal.followsForecast = false;
    });
    this.forecastAttach = { status: 'idle' };
  }

  /**
   * Re-plans: keeps the plan as a version (reason 'replan') and opens a new plan that goes on
   * from the periods not yet reached (see replan.ts), its forecast refitted in the forecast
   * worker with the actuals as new history; when it cannot be refitted, the old forecast stays
   * and the notice says why. Refused (nothing kept, nothing made) when the actuals reach the
   * last monitored period: no period is left to plan.
   */
  async replan(): Promise<void> {
    if (!this.plan || !this.entry || this.readOnly) return;
    const last = lastReachedPeriod(this.plan);
    if (last !== null && nothingLeftToPlan(this.plan)) {
      this.notice = {
        kind: 'error',
        error: { code: 'REPLAN_NOTHING_LEFT', message: `The actuals reach ${last}, the last monitored period: no period is left to re-plan.`, params: { period: last } },
        key: 'plan.notice.replanNothingLeft',
        params: { last },
      };
      return;
    }
    this.busy = true;
    try {
      if (!(await this.#flushBefore()) || !this.entry) return;
      const repo = await this.#repo();
      const kept = await repo.keepVersion(this.entry.id, 'replan');
      if (!kept.ok) {
        this.notice = { kind: 'error', error: kept.error, key: 'plan.notice.actionFailed' };
        return;
      }
      const old = $state.snapshot(this.plan) as Plan;
      // Without a forecast or any actual there is nothing to refit: the plain notice.
      const refit = old.forecast === null || lastReachedPeriod(old) === null ? null : await this.#forecastClient.call(undefined, 'refit', old.forecast, followedActuals(old), remainingPeriods(old));
      const next = replanPlan(old, this.entry.savedAt, this.#now().toISOString(), refit?.ok ? refit.value.forecast : null);
      let notice: PlanNotice = { kind: 'success', key: 'plan.notice.replanned', params: { name: next.name } };
      if (refit?.ok) {
        const { added, through } = refit.value;
        const months = old.forecast?.source.period === 'month';
        const more = added === 1 ? t(months ? 'plan.replan.moreMonth' : 'plan.replan.morePeriod') : t(months ? 'plan.replan.moreMonths' : 'plan.replan.morePeriods', { count: added });
        notice = { kind: 'success', key: 'plan.notice.replannedRefit', params: { name: next.name, more, last: through } };
      } else if (refit) {
        notice = { kind: 'success', key: 'plan.notice.replannedKept', params: { name: next.name }, cause: refit.error };
      }
      await this.#createAndOpen(next, notice);
    } finally {
      this.busy = false;
    }
  }

  // ── the allocation ──

  #scheduleSolve(delay: number): void {
    clearTimeout(this.#solveTimer);
    this.#solveTimer = setTimeout(() => void this.solveNow(), delay);
  }

  /** Builds the allocation model from the plan and solves it when it changed. */
  async solveNow(): Promise<void> {
    clearTimeout(this.#solveTimer);
    if (!this.plan) return;
    const built = planBudgetModel($state.snapshot(this.plan) as Plan, {
      budget: t('plan.allocation.words.budget'),
      salesHours: t('plan.allocation.words.salesHours'),
      hours: t('plan.allocation.words.hours'),
    });
    this.built = built;
    if (!built.ok) {
      this.#lastSolvedKey = null;
      this.allocation.cancel();
      return;
    }
    const key = JSON.stringify([built.value.model, built.value.labels]);
    if (key === this.#lastSolvedKey) return;
    this.#lastSolvedKey = key;
    await this.allocation.useBuilt(built.value);
  }
}
