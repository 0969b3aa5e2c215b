import { describe, expect, it } from 'vitest';
import { createPlan } from '../../../../src/core/plan/create-plan';
import { PLAN_INDEX_KEY, planCurrentKey } from '../../../../src/core/plan/plan-store-format';
import { CURRENT_SCHEMA_VERSION } from '../../../../src/core/persistence/schema';
import { createIdbStore, createMemoryStore, type KvStore } from '../../../../src/lib/persistence/idb';
import { createPlanRepository, MAX_PLAN_VERSIONS } from '../../../../src/lib/persistence/plan-repository';

let clock = Date.parse('2026-01-01T09:00:00.000Z');
const now = () => new Date((clock += 1000));
let ids = 0;
const newId = () => `plan-${++ids}`;
let databases = 0;
const idbStore = (): KvStore => createIdbStore(`plan-repository-test-${++databases}`);

describe.each([
  ['memory', createMemoryStore],
  ['IndexedDB', idbStore],
])('createPlanRepository on %s', (_name, makeStore) => {
  it('creates, lists, opens and saves plans, newest first', async () => {
    const repo = createPlanRepository(makeStore(), now, newId);
    expect(await repo.list()).toEqual({ ok: true, value: [] });
    const a = await repo.create(createPlan('cloud-software'));
    const b = await repo.create(createPlan());
    if (!a.ok || !b.ok) throw new Error('create failed');
    expect(a.value).toMatchObject({ name: 'Cloud software: finance and healthcare, flexible pricing', illustrative: true, revision: 1 });
    const listed = await repo.list();
    expect(listed.ok && listed.value.map((e) => e.id)).toEqual([b.value.id, a.value.id]);

    const opened = await repo.open(a.value.id);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.readOnly).toBe(false);
    expect(opened.value.plan).toEqual(createPlan('cloud-software'));
    const changed = { ...opened.value.plan, name: 'Renamed' };
    const saved = await repo.save(a.value.id, changed, 1);
    expect(saved).toMatchObject({ ok: true, value: { name: 'Renamed', revision: 2 } });
    const again = await repo.open(a.value.id);
    expect(again.ok && again.value.plan.name).toBe('Renamed');
  });

  it('refuses a save from a tab that did not see the last save, and writes nothing', async () => {
    const repo = createPlanRepository(makeStore(), now, newId);
    const created = await repo.create(createPlan('medical-leasing'));
    if (!created.ok) throw new Error('create failed');
    const plan = createPlan('medical-leasing');
    // Tab 1 saves at revision 1; tab 2, which also opened revision 1, then tries to save.
    expect((await repo.save(created.value.id, { ...plan, name: 'Tab 1' }, 1)).ok).toBe(true);
    const late = await repo.save(created.value.id, { ...plan, name: 'Tab 2' }, 1);
    expect(late).toMatchObject({ ok: false, error: { code: 'PLAN_CONFLICT', params: { stored: 2, expected: 1 } } });
    const opened = await repo.open(created.value.id);
    expect(opened.ok && opened.value.plan.name).toBe('Tab 1');
  });

  it('keeps versions, lists them newest first, and restores one after keeping the current plan', async () => {
    const repo = createPlanRepository(makeStore(), now, newId);
    const created = await repo.create({ ...createPlan(), name: 'First' });
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    await repo.keepVersion(id, 'manual');
    await repo.save(id, { ...createPlan(), name: 'Second' }, 1);
    const versions = await repo.versions(id);
    expect(versions.ok && versions.value.map((v) => [v.n, v.name, v.reason])).toEqual([[1, 'First', 'manual']]);
    const restored = await repo.restoreVersion(id, 1, 2);
    expect(restored).toMatchObject({ ok: true, value: { plan: { name: 'First' }, entry: { revision: 3 } } });
    const after = await repo.versions(id);
    // The plan that was current ("Second") was kept before the restore.
    expect(after.ok && after.value.map((v) => [v.n, v.name, v.reason])).toEqual([
      [2, 'Second', 'before-restore'],
      [1, 'First', 'manual'],
    ]);
    expect(await repo.openVersion(id, 9)).toMatchObject({ ok: false, error: { code: 'PLAN_VERSION_NOT_FOUND' } });
  });

  it('duplicates and deletes a plan with all its records', async () => {
    const store = makeStore();
    const repo = createPlanRepository(store, now, newId);
    const created = await repo.create(createPlan('strategy-consultancy'));
    if (!created.ok) throw new Error('create failed');
    await repo.keepVersion(created.value.id, 'manual');
    const copy = await repo.duplicate(created.value.id, 'Copy');
    if (!copy.ok) throw new Error('duplicate failed');
    expect(copy.value.name).toBe('Copy');
    expect((await repo.remove(created.value.id)).ok).toBe(true);
    const keys = await store.keys();
    expect(keys.filter((k) => k.startsWith(`plans:${created.value.id}:`))).toEqual([]);
    const listed = await repo.list();
    expect(listed.ok && listed.value.map((e) => e.name)).toEqual(['Copy']);
    expect(await repo.open(created.value.id)).toMatchObject({ ok: false, error: { code: 'PLAN_NOT_FOUND' } });
  });

  it('keeps a damaged plan aside once and says so; opens a newer plan read-only and never saves over it', async () => {
    const store = makeStore();
    const repo = createPlanRepository(store, now, newId);
    const created = await repo.create(createPlan('industrial-equipment'));
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    const good = await store.get(planCurrentKey(id));
    await store.setMany([[planCurrentKey(id), { schemaVersion: 1, appVersion: '0.1.0', savedAt: 'x', data: { kind: 'plan', name: 7 } }]]);
    expect(await repo.open(id)).toMatchObject({ ok: false, error: { code: 'PLAN_CORRUPT' } });
    await repo.open(id);
    expect((await store.keys()).filter((k) => k.startsWith(`plans-aside:${id}:`))).toHaveLength(1);

    const newer = { ...(good as object), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    await store.setMany([[planCurrentKey(id), newer]]);
    expect(await repo.open(id)).toMatchObject({ ok: true, value: { readOnly: true } });
    expect(await repo.save(id, createPlan(), 1)).toMatchObject({ ok: false, error: { code: 'SCHEMA_TOO_NEW' } });
    expect(await store.get(planCurrentKey(id))).toEqual(newer);
  });

  it('never drops the version it has just kept', async () => {
    const repo = createPlanRepository(makeStore(), now, newId);
    const created = await repo.create(createPlan());
    if (!created.ok) throw new Error('create failed');
    for (let i = 0; i < MAX_PLAN_VERSIONS; i++) await repo.keepVersion(created.value.id, 'manual');
    const kept = await repo.keepVersion(created.value.id, 'interval');
    if (!kept.ok) throw new Error('keep failed');
    const versions = await repo.versions(created.value.id);
    // 51 kept: the newest (interval) stays; the oldest kept by hand, 1, goes.
    expect(versions.ok && versions.value.map((v) => v.n)[0]).toBe(kept.value.n);
    expect(versions.ok && versions.value.map((v) => v.n).at(-1)).toBe(2);
    expect((await repo.openVersion(created.value.id, kept.value.n)).ok).toBe(true);
  });

  it('drops the oldest automatic versions beyond the limit, and keeps those kept by hand', async () => {
    const repo = createPlanRepository(makeStore(), now, newId);
    const created = await repo.create(createPlan());
    if (!created.ok) throw new Error('create failed');
    await repo.keepVersion(created.value.id, 'manual');
    for (let i = 0; i < MAX_PLAN_VERSIONS; i++) await repo.keepVersion(created.value.id, 'interval');
    const versions = await repo.versions(created.value.id);
    if (!versions.ok) throw new Error('versions failed');
    expect(versions.value).toHaveLength(MAX_PLAN_VERSIONS);
    // 1 (manual) stays; 2, the oldest automatic one, went.
    expect(versions.value.map((v) => v.n).slice(-2)).toEqual([3, 1]);
    expect(await repo.openVersion(created.value.id, 2)).toMatchObject({ ok: false, error: { code: 'PLAN_VERSION_NOT_FOUND' } });
  });
});

describe('createPlanRepository and a broken store', () => {
  it('reports a full disk as STORAGE_QUOTA', async () => {
    const full: KvStore = { ...createMemoryStore(), setMany: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    expect(await createPlanRepository(full, now, newId).create(createPlan())).toMatchObject({ ok: false, error: { code: 'STORAGE_QUOTA' } });
  });

  it('keeps a damaged list of plans aside and rebuilds it from the plans themselves', async () => {
    const store = createMemoryStore();
    const repo = createPlanRepository(store, now, newId);
    const a = await repo.create(createPlan('cloud-software'));
    const b = await repo.create({ ...createPlan(), name: 'Mine' });
    if (!a.ok || !b.ok) throw new Error('create failed');
    await store.setMany([[PLAN_INDEX_KEY, { nonsense: true }]]);
    const listed = await repo.list();
    expect(listed.ok && listed.value.map((e) => e.name).sort()).toEqual(['Cloud software: finance and healthcare, flexible pricing', 'Mine']);
    expect((await store.keys()).filter((k) => k.startsWith('plans-aside:index:'))).toHaveLength(1);
    expect((await repo.open(a.value.id)).ok).toBe(true);
  });
});

describe('createPlanRepository with two tabs at once', () => {
  it('lets exactly one of two saves from the same revision through, whichever comes first', async () => {
    const store = createMemoryStore();
    const tab1 = createPlanRepository(store, now, newId);
    const tab2 = createPlanRepository(store, now, newId);
    const created = await tab1.create(createPlan());
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    const [one, two] = await Promise.all([tab1.save(id, { ...createPlan(), name: 'One' }, 1), tab2.save(id, { ...createPlan(), name: 'Two' }, 1)]);
    expect([one.ok, two.ok].sort()).toEqual([false, true]);
    const loser = one.ok ? two : one;
    expect(loser).toMatchObject({ ok: false, error: { code: 'PLAN_CONFLICT' } });
    const winner = one.ok ? 'One' : 'Two';
    const opened = await tab1.open(id);
    expect(opened.ok && [opened.value.plan.name, opened.value.entry.revision]).toEqual([winner, 2]);
  });

  it('keeps both plans when two tabs create at once', async () => {
    const store = createMemoryStore();
    const [one, two] = await Promise.all([createPlanRepository(store, now, newId).create(createPlan()), createPlanRepository(store, now, newId).create(createPlan())]);
    expect(one.ok && two.ok).toBe(true);
    const listed = await createPlanRepository(store, now, newId).list();
    expect(listed.ok && listed.value).toHaveLength(2);
  });
});

describe('recovering a damaged plan', () => {
  async function damaged(keepVersions: string[]) {
    const store = createMemoryStore();
    const repo = createPlanRepository(store, now, newId);
    const created = await repo.create({ ...createPlan(), name: keepVersions[0] ?? 'Plan' });
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    let revision = 1;
    for (const name of keepVersions) {
      const saved = await repo.save(id, { ...createPlan(), name }, revision);
      if (!saved.ok) throw new Error(saved.error.message);
      revision = saved.value.revision;
      await repo.keepVersion(id, 'manual');
    }
    await store.setMany([[planCurrentKey(id), { schemaVersion: 1, appVersion: '0.1.0', savedAt: 'x', data: { kind: 'plan' } }]]);
    return { store, repo, id, revision };
  }

  it('starts again from the newest readable version, the damaged copy kept aside', async () => {
    const { store, repo, id } = await damaged(['First', 'Second']);
    expect(await repo.open(id)).toMatchObject({ ok: false, error: { code: 'PLAN_CORRUPT' } });
    const recovered = await repo.recover(id);
    expect(recovered).toMatchObject({ ok: true, value: { from: 'version', version: 2, plan: { name: 'Second' } } });
    expect((await repo.open(id)).ok).toBe(true);
    expect((await store.keys()).filter((k) => k.startsWith(`plans-aside:${id}:`))).toHaveLength(1);
    expect(await repo.recover(id)).toMatchObject({ ok: false, error: { code: 'PLAN_NOT_DAMAGED' } });
    // Deleting the plan keeps the copy kept aside.
    await repo.remove(id);
    expect((await store.keys()).filter((k) => k.startsWith(`plans-aside:${id}:`))).toHaveLength(1);
  });

  it('starts clean, under the listed name, when no version can be read', async () => {
    const { repo, id } = await damaged([]);
    const recovered = await repo.recover(id);
    expect(recovered).toMatchObject({ ok: true, value: { from: 'empty', version: null, plan: { name: 'Plan', goals: [] } } });
  });

  it('restores a version over a damaged plan', async () => {
    const { repo, id, revision } = await damaged(['First']);
    const restored = await repo.restoreVersion(id, 1, revision);
    expect(restored).toMatchObject({ ok: true, value: { plan: { name: 'First' } } });
  });
});

describe('plans that could not be read back', () => {
  it('are refused before anything is written', async () => {
    const store = createMemoryStore();
    const repo = createPlanRepository(store, now, newId);
    const created = await repo.create(createPlan('cloud-software'));
    if (!created.ok) throw new Error('create failed');
    const broken = createPlan('cloud-software');
    broken.monitoring.periods.push(broken.monitoring.periods[0]);
    expect(await repo.save(created.value.id, broken, 1)).toMatchObject({ ok: false, error: { code: 'PLAN_INVALID' } });
    expect(await repo.create(broken)).toMatchObject({ ok: false, error: { code: 'PLAN_INVALID' } });
    const opened = await repo.open(created.value.id);
    expect(opened.ok && opened.value.entry.revision).toBe(1);
  });
});

describe('plans written by a newer version', () => {
  it('are not duplicated under this version’s schema', async () => {
    const store = createMemoryStore();
    const repo = createPlanRepository(store, now, newId);
    const created = await repo.create(createPlan('medical-leasing'));
    if (!created.ok) throw new Error('create failed');
    const stored = (await store.get(planCurrentKey(created.value.id))) as object;
    await store.setMany([[planCurrentKey(created.value.id), { ...stored, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }]]);
    expect(await repo.duplicate(created.value.id, 'Copy')).toMatchObject({ ok: false, error: { code: 'SCHEMA_TOO_NEW' } });
  });
});

describe('damaged records kept aside', () => {
  it('keeps each different damaged record once', async () => {
    const store = createMemoryStore();
    const repo = createPlanRepository(store, now, newId);
    const created = await repo.create(createPlan());
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    const aside = async () => (await store.keys()).filter((k) => k.startsWith(`plans-aside:${id}:`)).length;
    await store.setMany([[planCurrentKey(id), { schemaVersion: 1, appVersion: '0.1.0', savedAt: 'a', data: { kind: 'plan' } }]]);
    await repo.open(id);
    await repo.open(id);
    expect(await aside()).toBe(1);
    await repo.recover(id);
    // Damaged again, differently: kept too, before recover writes over it.
    await store.setMany([[planCurrentKey(id), { schemaVersion: 1, appVersion: '0.1.0', savedAt: 'b', data: { kind: 'plan', name: 3 } }]]);
    await repo.recover(id);
    expect(await aside()).toBe(2);
  });
});

describe('the plans lock', () => {
  it('turns a lock that cannot be had into PLAN_BUSY, not a thrown error', async () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    const locks = { request: () => Promise.reject(new DOMException('timed out', 'AbortError')) };
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
    try {
      const repo = createPlanRepository(createMemoryStore(), now, newId);
      expect(await repo.list()).toMatchObject({ ok: false, error: { code: 'PLAN_BUSY', params: { detail: 'AbortError' } } });
    } finally {
      if (original) Object.defineProperty(globalThis, 'navigator', original);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });
});
