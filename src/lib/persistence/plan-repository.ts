/**
 * Plans in the workspace's one key-value store (layout in core/plan/plan-store-format.ts):
 * list, create, open, save (autosave), rename, duplicate, delete, and versions to see and
 * restore. Every record is in the usual envelope and read through the migrations.
 *
 * Safety rules:
 * - A save names the revision it started from; when the stored one differs, another tab
 *   saved in between: PLAN_CONFLICT, nothing written (the screen offers what to do).
 * - A record written by a newer version is never overwritten (SCHEMA_TOO_NEW); such a plan
 *   opens read-only when it can be shown at all.
 * - A damaged current record is copied aside under a corrupt key and reported
 *   (PLAN_CORRUPT), the plan's versions stay, so nothing is lost.
 */
import { openPlan, wrapPlan } from '../../core/plan/plan-file';
import type { Plan } from '../../core/plan/plan';
import {
  PLAN_INDEX_KEY,
  PLAN_INDEX_KIND,
  PLAN_VERSIONS_KIND,
  isPlanIndex,
  isPlanVersions,
  planCorruptKey,
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

/** Versions kept per plan; the oldest kept automatically go first. */
export const MAX_PLAN_VERSIONS = 50;

export interface OpenedPlan {
  plan: Plan;
  entry: PlanIndexEntry;
  /** Written by a newer version of the app: shown, never saved over. */
  readOnly: boolean;
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
  /** Makes version n the current plan, keeping the current one as a version first. */
  restoreVersion(id: string, n: number, revision: number): Promise<Result<{ plan: Plan; entry: PlanIndexEntry }>>;
  duplicate(id: string, name: string): Promise<Result<PlanIndexEntry>>;
  remove(id: string): Promise<Result<void>>;
}

/**
 * @param store the workspace store
 * @param now the time of writes
 * @param newId a fresh plan id (a UUID in the app)
 */
export function createPlanRepository(store: KvStore, now: () => Date, newId: () => string): PlanRepository {
  /** The index, or an empty one; SCHEMA_TOO_NEW when a newer version wrote it. */
  async function readIndex(): Promise<Result<PlanIndex>> {
    const raw = await store.get(PLAN_INDEX_KEY);
    if (raw === undefined) return ok({ kind: PLAN_INDEX_KIND, plans: [] });
    if (!isEnvelope(raw)) return fail('PLAN_INDEX_CORRUPT', 'The list of plans is damaged: not an envelope.');
    const migrated = migrateEnvelope(raw);
    if (!migrated.ok) return migrated;
    if (!isPlanIndex(migrated.value.data)) return fail('PLAN_INDEX_CORRUPT', 'The list of plans is damaged.');
    return ok(migrated.value.data);
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
    return entry ? ok(entry) : fail('PLAN_NOT_FOUND', 'This plan is no longer in this browser: it was deleted, perhaps in another tab.');
  }

  function withEntry(index: PlanIndex, entry: PlanIndexEntry): PlanIndex {
    const others = index.plans.filter((p) => p.id !== entry.id);
    return { kind: PLAN_INDEX_KIND, plans: [...others, entry] };
  }

  /** Runs a store operation, turning what the store throws into STORAGE_* results. */
  async function guarded<T>(operation: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await operation();
    } catch (error) {
      return { ok: false, error: mapStorageError(error) };
    }
  }

  async function writeNew(plan: Plan): Promise<Result<PlanIndexEntry>> {
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

  async function readCurrent(id: string): Promise<Result<{ plan: Plan; readOnly: boolean }>> {
    const raw = await store.get(planCurrentKey(id));
    if (raw === undefined) return fail('PLAN_NOT_FOUND', 'This plan is no longer in this browser: it was deleted, perhaps in another tab.');
    const opened = openPlan(raw);
    if (opened.ok) return ok({ plan: opened.value.plan, readOnly: opened.value.readOnly });
    if (opened.error.code === 'SCHEMA_TOO_NEW') return opened;
    // Damaged: kept aside (once) so nothing is lost, and said.
    const keptAside = (await store.keys()).some((key) => key.startsWith(`${planKeyPrefix(id)}corrupt:`));
    if (!keptAside) await store.setMany([[planCorruptKey(id, now().getTime()), raw]]);
    return fail('PLAN_CORRUPT', `The saved plan is damaged (${opened.error.message}); it was kept aside. Restore a version, or start again.`, { reason: opened.error.message });
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
      return current.ok ? ok({ ...current.value, entry: entry.value }) : current;
    }),

    save: (id, plan, revision) => guarded(async () => {
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
      if (isEnvelope(stored) && stored.schemaVersion > CURRENT_SCHEMA_VERSION) {
        return fail('SCHEMA_TOO_NEW', `Saved with schema v${stored.schemaVersion}; this version writes v${CURRENT_SCHEMA_VERSION}.`, { found: stored.schemaVersion, supported: CURRENT_SCHEMA_VERSION });
      }
      const savedAt = now().toISOString();
      const next: PlanIndexEntry = { ...entry.value, name: plan.name, template: plan.template, illustrative: plan.illustrative, savedAt, revision: revision + 1 };
      await store.setMany([
        [planCurrentKey(id), wrapPlan(plan, savedAt)],
        [PLAN_INDEX_KEY, wrapEnvelope(withEntry(index.value, next), savedAt)],
      ]);
      return ok(next);
    }),

    keepVersion: (id, reason) => guarded(async () => {
      const raw = await store.get(planCurrentKey(id));
      if (raw === undefined) return fail('PLAN_NOT_FOUND', 'This plan is no longer in this browser: it was deleted, perhaps in another tab.');
      const current = openPlan(raw);
      if (!current.ok) return current;
      const list = await readVersions(id);
      if (!list.ok) return list;
      const savedAt = now().toISOString();
      const n = list.value.versions.reduce((max, v) => Math.max(max, v.n), 0) + 1;
      const version: PlanVersion = { n, savedAt, name: current.value.plan.name, reason };
      let versions = [...list.value.versions, version];
      const dropped: string[] = [];
      while (versions.length > MAX_PLAN_VERSIONS) {
        // The oldest automatic one goes first; kept-by-hand versions only when nothing else is left.
        const i = versions.findIndex((v) => v.reason === 'interval');
        const [gone] = versions.splice(i >= 0 ? i : 0, 1);
        dropped.push(planVersionKey(id, gone.n));
      }
      versions = versions.sort((a, b) => a.n - b.n);
      await store.setMany([
        [planVersionKey(id, n), raw],
        [planVersionsKey(id), wrapEnvelope({ kind: PLAN_VERSIONS_KIND, versions }, savedAt)],
      ]);
      if (dropped.length > 0) await store.delMany(dropped);
      return ok(version);
    }),

    versions: (id) => guarded(async () => {
      const list = await readVersions(id);
      return list.ok ? ok([...list.value.versions].reverse()) : list;
    }),

    openVersion: (id, n) => guarded(async () => {
      const raw = await store.get(planVersionKey(id, n));
      if (raw === undefined) return fail('PLAN_VERSION_NOT_FOUND', `Version ${n} of this plan is no longer kept.`, { n });
      const opened = openPlan(raw);
      return opened.ok ? ok(opened.value.plan) : opened;
    }),

    async restoreVersion(id, n, revision) {
      const version = await this.openVersion(id, n);
      if (!version.ok) return version;
      const kept = await this.keepVersion(id, 'before-restore');
      if (!kept.ok) return kept;
      const saved = await this.save(id, version.value, revision);
      return saved.ok ? ok({ plan: version.value, entry: saved.value }) : saved;
    },

    async duplicate(id, name) {
      const opened = await this.open(id);
      if (!opened.ok) return opened;
      return guarded(() => writeNew({ ...opened.value.plan, name }));
    },

    remove: (id) => guarded(async () => {
      const index = await readIndex();
      if (!index.ok) return index;
      const savedAt = now().toISOString();
      const keys = (await store.keys()).filter((key) => key.startsWith(planKeyPrefix(id)));
      await store.setMany([[PLAN_INDEX_KEY, wrapEnvelope({ kind: PLAN_INDEX_KIND, plans: index.value.plans.filter((p) => p.id !== id) }, savedAt)]]);
      await store.delMany(keys);
      return ok(undefined);
    }),
  };
}
