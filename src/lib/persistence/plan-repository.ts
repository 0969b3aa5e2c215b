/**
 * Plans in the workspace's one key-value store (layout in core/plan/plan-store-format.ts):
 * list, create, open, save (autosave), rename, duplicate, delete, versions to see and
 * restore, and recovery of a damaged plan. Every record is in the usual envelope and read
 * through the migrations.
 *
 * Safety rules:
 * - Every operation holds one lock shared by all tabs of the app (Web Locks), so a check
 *   and the write after it are never split by another tab's write.
 * - A plan is checked before it is written: one that could not be read back is refused
 *   (PLAN_INVALID), never stored.
 * - A save names the revision it started from; when the stored one differs, another tab
 *   saved in between: PLAN_CONFLICT, nothing written (the screen offers what to do).
 * - A record written by a newer version is never overwritten, nor copied under this
 *   version's schema (SCHEMA_TOO_NEW); such a plan opens read-only when it can be shown.
 * - A damaged record is copied aside (each different one once), outside the plan's keys, and reported
 *   (PLAN_CORRUPT); `recover` then starts the plan again from its newest readable version.
 *   A damaged list of plans is kept aside and rebuilt from the plans themselves.
 */
import { emptyPlan, type Plan } from '../../core/plan/plan';
import { openPlan, wrapPlan } from '../../core/plan/plan-file';
import { validatePlan } from '../../core/plan/validate-plan';
import {
  PLAN_INDEX_KEY,
  PLAN_INDEX_KIND,
  PLAN_VERSIONS_KIND,
  isPlanIndex,
  isPlanVersions,
  isValidPlanId,
  planAsideKey,
  planAsidePrefix,
  planCurrentKey,
  planKeyPrefix,
  planVersionKey,
  planVersionsKey,
  type PlanIndex,
  type PlanIndexEntry,
  type PlanVersion,
  type PlanVersions,
} from '../../core/plan/plan-store-format';
import { migrateEnvelope } from '../../core/persistence/migrations';
import { CURRENT_SCHEMA_VERSION, isEnvelope, wrapEnvelope } from '../../core/persistence/schema';
import { fail, ok, type Result } from '../../core/shared/result';
import { mapStorageError, type KvStore, type StoreMode } from './idb';

/** Versions kept per plan. Beyond it the oldest go: kept every so often first, kept by hand last. */
export const MAX_PLAN_VERSIONS = 50;

/** The name of the lock all plan operations of all tabs share. */
const LOCK_NAME = 'b2b-strategy-lab-plans';

export interface OpenedPlan {
  plan: Plan;
  entry: PlanIndexEntry;
  /** Written by a newer version of the app: shown, never saved over. */
  readOnly: boolean;
}

export interface RecoveredPlan {
  plan: Plan;
  entry: PlanIndexEntry;
  /** 'version': the newest readable kept version; 'empty': no version could be read. */
  from: 'version' | 'empty';
  version: number | null;
}

export interface PlanRepository {
  readonly mode: StoreMode;
  list(): Promise<Result<PlanIndexEntry[]>>;
  /** Stores a new plan (from a template, an import or a copy) under a new id. */
  create(plan: Plan): Promise<Result<PlanIndexEntry>>;
  open(id: string): Promise<Result<OpenedPlan>>;
  /** Saves the plan over the current record if the stored revision is still `revision`. */
  save(id: string, plan: Plan, revision: number): Promise<Result<PlanIndexEntry>>;
  /** Keeps the current record as a new version. */
  keepVersion(id: string, reason: PlanVersion['reason']): Promise<Result<PlanVersion>>;
  versions(id: string): Promise<Result<PlanVersion[]>>;
  openVersion(id: string, n: number): Promise<Result<Plan>>;
  /** Makes version n the current plan, keeping the current one as a version first (when it can be read). */
  restoreVersion(id: string, n: number, revision: number): Promise<Result<{ plan: Plan; entry: PlanIndexEntry }>>;
  /** A damaged plan started again from its newest readable version, or empty. */
  recover(id: string): Promise<Result<RecoveredPlan>>;
  duplicate(id: string, name: string): Promise<Result<PlanIndexEntry>>;
  remove(id: string): Promise<Result<void>>;
}

let pageQueue: Promise<unknown> = Promise.resolve();

/** How long an operation waits for the lock before it gives up (another tab hung holding it). */
const LOCK_WAIT_MS = 15_000;

/**
 * Runs `operation` while holding the plans lock: across tabs with Web Locks, or, where the
 * browser (or Node, in tests) has none, one operation at a time within this page. Waiting
 * for the lock gives up after LOCK_WAIT_MS (the promise rejects with an AbortError).
 */
function exclusive<T>(operation: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return locks.request(LOCK_NAME, { signal: AbortSignal.timeout(LOCK_WAIT_MS) }, () => operation()) as Promise<T>;
  const run = pageQueue.then(operation, operation);
  pageQueue = run.catch(() => undefined);
  return run;
}

const NOT_FOUND = 'This plan is no longer in this browser: it was deleted, perhaps in another tab.';

/**
 * @param store the workspace store
 * @param now the time of writes
 * @param newId a fresh plan id (a UUID in the app)
 */
export function createPlanRepository(store: KvStore, now: () => Date, newId: () => string): PlanRepository {
  /** The index, or an empty one; a damaged one is kept aside and rebuilt from the plans. */
  async function readIndex(): Promise<Result<PlanIndex>> {
    const raw = await store.get(PLAN_INDEX_KEY);
    if (raw === undefined) return ok({ kind: PLAN_INDEX_KIND, plans: [] });
    if (isEnvelope(raw)) {
      const migrated = migrateEnvelope(raw);
      if (!migrated.ok && migrated.error.code === 'SCHEMA_TOO_NEW') return migrated;
      if (migrated.ok && isPlanIndex(migrated.value.data)) return ok(migrated.value.data);
    }
    return rebuildIndex(raw);
  }

  /** A list of plans made from the plans' own records, the damaged list kept aside. */
  async function rebuildIndex(damaged: unknown): Promise<Result<PlanIndex>> {
    const ids = (await store.keys()).filter((key) => key.startsWith('plans:') && key.endsWith(':current')).map((key) => key.slice('plans:'.length, -':current'.length));
    const plans: PlanIndexEntry[] = [];
    for (const id of ids.filter(isValidPlanId)) {
      const raw = await store.get(planCurrentKey(id));
      const opened = openPlan(raw);
      const savedAt = isEnvelope(raw) ? raw.savedAt : now().toISOString();
      const plan = opened.ok ? opened.value.plan : null;
      plans.push({ id, name: plan?.name ?? '', template: plan?.template ?? null, illustrative: plan?.illustrative ?? false, savedAt, revision: 1 });
    }
    const index: PlanIndex = { kind: PLAN_INDEX_KIND, plans };
    await store.setMany([
      [planAsideKey('index', now().getTime()), damaged],
      [PLAN_INDEX_KEY, wrapEnvelope(index, now().toISOString())],
    ]);
    return ok(index);
  }

  async function readVersions(id: string): Promise<Result<PlanVersions>> {
    const raw = await store.get(planVersionsKey(id));
    if (raw === undefined) return ok({ kind: PLAN_VERSIONS_KIND, versions: [] });
    if (!isEnvelope(raw)) return fail('PLAN_VERSIONS_CORRUPT', 'The list of versions of this plan is damaged.');
    const migrated = migrateEnvelope(raw);
    if (!migrated.ok) return migrated;
    return isPlanVersions(migrated.value.data) ? ok(migrated.value.data) : fail('PLAN_VERSIONS_CORRUPT', 'The list of versions of this plan is damaged.');
  }

  function entryOf(index: PlanIndex, id: string): Result<PlanIndexEntry> {
    const entry = index.plans.find((p) => p.id === id);
    return entry ? ok(entry) : fail('PLAN_NOT_FOUND', NOT_FOUND);
  }

  function withEntry(index: PlanIndex, entry: PlanIndexEntry): PlanIndex {
    const others = index.plans.filter((p) => p.id !== entry.id);
    return { kind: PLAN_INDEX_KIND, plans: [...others, entry] };
  }

  /**
   * Runs an operation under the lock, turning what the store throws into STORAGE_* results,
   * and a lock that could not be had into PLAN_BUSY.
   */
  async function guarded<T>(operation: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await exclusive(async () => {
        try {
          return await operation();
        } catch (error) {
          return { ok: false, error: mapStorageError(error) } as Result<T>;
        }
      });
    } catch (error) {
      const name = error instanceof Error || error instanceof DOMException ? error.name : 'Error';
      return fail('PLAN_BUSY', `The plans could not be locked for this change (${name}). Another tab may be busy; try again in a moment.`, { detail: name });
    }
  }

  async function writeNew(plan: Plan): Promise<Result<PlanIndexEntry>> {
    const valid = validatePlan(plan);
    if (!valid.ok) return valid;
    const index = await readIndex();
    if (!index.ok) return index;
    const savedAt = now().toISOString();
    const entry: PlanIndexEntry = { id: newId(), name: plan.name, template: plan.template, illustrative: plan.illustrative, savedAt, revision: 1 };
    await store.setMany([
      [planCurrentKey(entry.id), wrapPlan(plan, savedAt)],
      [PLAN_INDEX_KEY, wrapEnvelope(withEntry(index.value, entry), savedAt)],
    ]);
    return ok(entry);
  }

  /** Copies a damaged record aside, unless the same one is already kept aside. */
  async function keepAside(id: string, raw: unknown): Promise<void> {
    const keys = (await store.keys()).filter((key) => key.startsWith(planAsidePrefix(id)));
    const text = JSON.stringify(raw);
    const kept = await store.getMany(keys);
    if (kept.some((copy) => JSON.stringify(copy) === text)) return;
    await store.setMany([[planAsideKey(id, now().getTime()), raw]]);
  }

  async function readCurrent(id: string): Promise<Result<{ plan: Plan; readOnly: boolean; raw: unknown }>> {
    const raw = await store.get(planCurrentKey(id));
    if (raw === undefined) return fail('PLAN_NOT_FOUND', NOT_FOUND);
    const opened = openPlan(raw);
    if (opened.ok) return ok({ plan: opened.value.plan, readOnly: opened.value.readOnly, raw });
    if (opened.error.code === 'SCHEMA_TOO_NEW') return opened;
    await keepAside(id, raw);
    return fail('PLAN_CORRUPT', `The saved plan is damaged (${opened.error.message}); it was kept aside. Recover it from its newest version, or start again.`, { reason: opened.error.message });
  }

  async function writeCurrent(id: string, plan: Plan, index: PlanIndex, entry: PlanIndexEntry): Promise<PlanIndexEntry> {
    const savedAt = now().toISOString();
    const next: PlanIndexEntry = { ...entry, name: plan.name, template: plan.template, illustrative: plan.illustrative, savedAt, revision: entry.revision + 1 };
    await store.setMany([
      [planCurrentKey(id), wrapPlan(plan, savedAt)],
      [PLAN_INDEX_KEY, wrapEnvelope(withEntry(index, next), savedAt)],
    ]);
    return next;
  }

  async function save(id: string, plan: Plan, revision: number): Promise<Result<PlanIndexEntry>> {
    // A plan that could not be read back is never written (it would open as damaged).
    const valid = validatePlan(plan);
    if (!valid.ok) return valid;
    const index = await readIndex();
    if (!index.ok) return index;
    const entry = entryOf(index.value, id);
    if (!entry.ok) return entry;
    if (entry.value.revision !== revision) {
      return fail('PLAN_CONFLICT', 'This plan was saved in another tab since you opened it here. Reload it to see those changes, or save yours as a copy.', {
        stored: entry.value.revision,
        expected: revision,
      });
    }
    const stored = await store.get(planCurrentKey(id));
    if (isEnvelope(stored) && stored.schemaVersion > CURRENT_SCHEMA_VERSION) return tooNew(stored.schemaVersion);
    return ok(await writeCurrent(id, plan, index.value, entry.value));
  }

  async function keepVersion(id: string, reason: PlanVersion['reason']): Promise<Result<PlanVersion>> {
    const current = await readCurrent(id);
    if (!current.ok) return current;
    const list = await readVersions(id);
    if (!list.ok) return list;
    const savedAt = now().toISOString();
    const n = list.value.versions.reduce((max, v) => Math.max(max, v.n), 0) + 1;
    const version: PlanVersion = { n, savedAt, name: current.value.plan.name, reason };
    const { kept, dropped } = prune([...list.value.versions, version], n);
    await store.setMany([
      [planVersionKey(id, n), current.value.raw],
      [planVersionsKey(id), wrapEnvelope({ kind: PLAN_VERSIONS_KIND, versions: kept }, savedAt)],
    ]);
    if (dropped.length > 0) await store.delMany(dropped.map((v) => planVersionKey(id, v.n)));
    return ok(version);
  }

  async function openVersion(id: string, n: number): Promise<Result<Plan>> {
    const raw = await store.get(planVersionKey(id, n));
    if (raw === undefined) return fail('PLAN_VERSION_NOT_FOUND', `Version ${n} of this plan is no longer kept.`, { n });
    const opened = openPlan(raw);
    return opened.ok ? ok(opened.value.plan) : opened;
  }

  return {
    mode: store.mode,

    list: () => guarded(async () => {
      const index = await readIndex();
      return index.ok ? ok([...index.value.plans].sort((a, b) => b.savedAt.localeCompare(a.savedAt))) : index;
    }),

    create: (plan) => guarded(() => writeNew(plan)),

    open: (id) => guarded(async () => {
      const index = await readIndex();
      if (!index.ok) return index;
      const entry = entryOf(index.value, id);
      if (!entry.ok) return entry;
      const current = await readCurrent(id);
      return current.ok ? ok({ plan: current.value.plan, readOnly: current.value.readOnly, entry: entry.value }) : current;
    }),

    save: (id, plan, revision) => guarded(() => save(id, plan, revision)),

    keepVersion: (id, reason) => guarded(() => keepVersion(id, reason)),

    versions: (id) => guarded(async () => {
      const list = await readVersions(id);
      return list.ok ? ok([...list.value.versions].reverse()) : list;
    }),

    openVersion: (id, n) => guarded(() => openVersion(id, n)),

    restoreVersion: (id, n, revision) => guarded(async () => {
      const version = await openVersion(id, n);
      if (!version.ok) return version;
      // The plan being replaced is kept as a version; a damaged one is already kept aside.
      const kept = await keepVersion(id, 'before-restore');
      if (!kept.ok && kept.error.code !== 'PLAN_CORRUPT') return kept;
      const saved = await save(id, version.value, revision);
      return saved.ok ? ok({ plan: version.value, entry: saved.value }) : saved;
    }),

    recover: (id) => guarded(async () => {
      const index = await readIndex();
      if (!index.ok) return index;
      const entry = entryOf(index.value, id);
      if (!entry.ok) return entry;
      const raw = await store.get(planCurrentKey(id));
      if (raw !== undefined) {
        if (isEnvelope(raw) && raw.schemaVersion > CURRENT_SCHEMA_VERSION) return tooNew(raw.schemaVersion);
        if (openPlan(raw).ok) return fail('PLAN_NOT_DAMAGED', 'This plan is not damaged: open it as usual.');
        await keepAside(id, raw);
      }
      const list = await readVersions(id);
      const versions = list.ok ? [...list.value.versions].sort((a, b) => b.n - a.n) : [];
      for (const version of versions) {
        const plan = await openVersion(id, version.n);
        if (plan.ok) return ok({ plan: plan.value, entry: await writeCurrent(id, plan.value, index.value, entry.value), from: 'version', version: version.n });
      }
      const plan = emptyPlan(entry.value.name);
      return ok({ plan, entry: await writeCurrent(id, plan, index.value, entry.value), from: 'empty', version: null });
    }),

    duplicate: (id, name) => guarded(async () => {
      const current = await readCurrent(id);
      if (!current.ok) return current;
      // Copied under this version's schema, a newer plan would lose what this version cannot read.
      if (current.value.readOnly) return tooNew(isEnvelope(current.value.raw) ? current.value.raw.schemaVersion : CURRENT_SCHEMA_VERSION + 1);
      return writeNew({ ...current.value.plan, name });
    }),

    remove: (id) => guarded(async () => {
      const index = await readIndex();
      if (!index.ok) return index;
      const savedAt = now().toISOString();
      // Kept-aside copies are outside the plan's keys and stay.
      const keys = (await store.keys()).filter((key) => key.startsWith(planKeyPrefix(id)));
      await store.setMany([[PLAN_INDEX_KEY, wrapEnvelope({ kind: PLAN_INDEX_KIND, plans: index.value.plans.filter((p) => p.id !== id) }, savedAt)]]);
      await store.delMany(keys);
      return ok(undefined);
    }),
  };
}

/**
 * The versions to keep when there are more than MAX_PLAN_VERSIONS, never the one just kept
 * (`newest`): the oldest kept every so often go first, then those kept before a restore or
 * at a re-plan, then those kept by hand.
 */
function prune(versions: PlanVersion[], newest: number): { kept: PlanVersion[]; dropped: PlanVersion[] } {
  const rank = (v: PlanVersion) => (v.reason === 'interval' ? 0 : v.reason === 'manual' ? 2 : 1);
  const candidates = versions.filter((v) => v.n !== newest).sort((a, b) => rank(a) - rank(b) || a.n - b.n);
  const dropped = candidates.slice(0, Math.max(0, versions.length - MAX_PLAN_VERSIONS));
  const gone = new Set(dropped.map((v) => v.n));
  return { kept: versions.filter((v) => !gone.has(v.n)).sort((a, b) => a.n - b.n), dropped };
}

function tooNew(found: number): Result<never> {
  return fail('SCHEMA_TOO_NEW', `Saved with schema v${found}; this version writes v${CURRENT_SCHEMA_VERSION}.`, { found, supported: CURRENT_SCHEMA_VERSION });
}
