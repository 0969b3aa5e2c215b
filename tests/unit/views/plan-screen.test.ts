import { churnEstimateOf, type ChurnEstimate } from '../../../src/views/plan/churn-estimate';
import type { PricingEstimate } from '../../../src/views/plan/pricing-estimate';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlanScreen, type PlanChannelLike, type PlanMessage } from '../../../src/views/plan/plan.svelte';
import { planNoticeText } from '../../../src/views/plan/plan-notice';
import { lpWorkerApi, type LpWorkerApi } from '../../../src/workers/lp-api';
import { forecastWorkerApi, type ForecastWorkerApi } from '../../../src/workers/forecast-api';
import { CANCELLED, type WorkerClient } from '../../../src/lib/worker-client';
import { createMemoryStore, type KvStore } from '../../../src/lib/persistence/idb';
import { createPlanRepository } from '../../../src/lib/persistence/plan-repository';
import { createKeptForecastRepository } from '../../../src/lib/persistence/kept-forecast-repository';
import { currentLocale, setLocale } from '../../../src/lib/i18n/i18n';
import { createPlan } from '../../../src/core/plan/create-plan';
import { planFileText } from '../../../src/core/plan/plan-file';
import { planVariance } from '../../../src/core/plan/plan-variance';
import { KEPT_FORECAST_KIND } from '../../../src/core/persistence/kept-forecast';
import { CURRENT_SCHEMA_VERSION } from '../../../src/core/persistence/schema';
import { planCurrentKey, planVersionsKey } from '../../../src/core/plan/plan-store-format';
import { guardUnload, shouldWarnBeforeUnload, unloadRisk } from '../../../src/views/plan/leave-guard';
import { nothingLeftToPlan, originalName, replanPlan } from '../../../src/views/plan/replan';

const initialLocale = currentLocale();
beforeEach(() => setLocale('en-US'));
afterAll(() => setLocale(initialLocale));

/** An LP client that runs the worker's api in this thread (glpk.js/node), as the allocation tests do. */
function fakeLpClient() {
  const calls: string[] = [];
  const client = {
    async call(signal: AbortSignal | undefined, method: keyof LpWorkerApi, ...args: unknown[]) {
      calls.push(method);
      if (signal?.aborted) return CANCELLED;
      const result = await (lpWorkerApi[method] as (...a: unknown[]) => unknown)(...args);
      return signal?.aborted ? CANCELLED : result;
    },
    terminate() {},
  } as unknown as WorkerClient<LpWorkerApi>;
  return { client, calls };
}

/** A forecast client that runs the worker's api in this thread, as the forecast screen tests do. */
function fakeForecastClient() {
  const calls: string[] = [];
  const client = {
    async call(signal: AbortSignal | undefined, method: keyof ForecastWorkerApi, ...args: unknown[]) {
      calls.push(method);
      if (signal?.aborted) return CANCELLED;
      return (forecastWorkerApi[method] as (...a: unknown[]) => unknown)(...structuredClone(args));
    },
    terminate() {},
  } as unknown as WorkerClient<ForecastWorkerApi>;
  return { client, calls };
}

/** BroadcastChannels of one "browser": what one member posts, the others receive. */
function channelHub() {
  const members = new Set<PlanChannelLike>();
  return (): PlanChannelLike => {
    const channel: PlanChannelLike = {
      onmessage: null,
      postMessage(message: PlanMessage) {
        for (const other of members) if (other !== channel) queueMicrotask(() => other.onmessage?.({ data: structuredClone(message) } as MessageEvent<PlanMessage>));
      },
      close() {
        members.delete(channel);
      },
    };
    members.add(channel);
    return channel;
  };
}

/** A store that can be made full: every write then fails as the browser's QuotaExceededError. */
function fillableStore(inner: KvStore = createMemoryStore()) {
  let full = false;
  const store: KvStore = {
    mode: inner.mode,
    get: <T>(key: string) => inner.get<T>(key),
    getMany: <T>(keys: string[]) => inner.getMany<T>(keys),
    async setMany(entries) {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return inner.setMany(entries);
    },
    delMany: (keys) => inner.delMany(keys),
    keys: () => inner.keys(),
  };
  return { store, fill: (on: boolean) => (full = on) };
}

/**
 * A store that logs the keys read (`onRead`) and can hold one write: the first setMany that
 * `hold`'s test matches waits until `release()`.
 */
function holdingStore(inner: KvStore = createMemoryStore()) {
  let when: ((keys: string[]) => boolean) | null = null;
  let release: () => void = () => {};
  const state = { held: false, onRead: (_key: string) => {} };
  const store: KvStore = {
    mode: inner.mode,
    get: <T>(key: string) => {
      state.onRead(key);
      return inner.get<T>(key);
    },
    getMany: <T>(keys: string[]) => inner.getMany<T>(keys),
    async setMany(entries) {
      if (when?.(entries.map(([key]) => key))) {
        when = null;
        state.held = true;
        await new Promise<void>((resolve) => (release = resolve));
      }
      return inner.setMany(entries);
    },
    delMany: (keys) => inner.delMany(keys),
    keys: () => inner.keys(),
  };
  return { store, state, hold: (test: (keys: string[]) => boolean) => (when = test), release: () => release() };
}

/** A `beforeunload` event as the guard sees it. */
function unloadEvent() {
  const event = {
    prevented: false,
    returnValue: undefined as unknown,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

/** A channel whose messages from "another tab" the test sends by hand. */
function manualChannel() {
  const channel: PlanChannelLike = { onmessage: null, postMessage() {}, close() {} };
  const send = (message: PlanMessage) => channel.onmessage?.({ data: message } as MessageEvent<PlanMessage>);
  return { channel, send };
}

/** Makes the stored plan `id` one written by a newer version of the app. */
async function makeNewer(store: KvStore, id: string): Promise<void> {
  const stored = (await store.get(planCurrentKey(id))) as object;
  await store.setMany([[planCurrentKey(id), { ...stored, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }]]);
}

let clock = Date.parse('2025-04-02T09:00:00.000Z');
const now = () => new Date(clock);
let ids = 0;
const screens: PlanScreen[] = [];

function screenOn(store: KvStore, options: { channel?: PlanChannelLike | null; versionEveryMs?: number; churnEstimate?: () => ChurnEstimate | null; pricingEstimate?: () => PricingEstimate | null } = {}) {
  const lp = fakeLpClient();
  const forecast = fakeForecastClient();
  const saved: { name: string; text: string; type?: string }[] = [];
  const screen = new PlanScreen({
    openStore: async () => store,
    now,
    newId: () => `plan-${++ids}`,
    client: lp.client,
    forecastClient: forecast.client,
    save: (name, text, type) => saved.push({ name, text, type }),
    channel: options.channel ?? null,
    saveDelayMs: 5,
    solveDelayMs: 5,
    versionEveryMs: options.versionEveryMs,
    churnEstimate: options.churnEstimate,
    pricingEstimate: options.pricingEstimate,
  });
  screens.push(screen);
  return { screen, saved, lp, forecast };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const solvedObjective = (screen: PlanScreen) => (screen.allocation.solved?.solution.status === 'optimal' ? (screen.allocation.solved.solution.objective ?? null) : null);

afterEach(() => {
  for (const s of screens.splice(0)) s.dispose();
});

describe('PlanScreen', () => {
  it('starts empty, says the store is memory-only, and opens a ready-made plan with its allocation solved', async () => {
    const store = createMemoryStore();
    const { screen } = screenOn(store);
    await screen.start();
    expect(screen.storeMode).toBe('memory');
    expect(screen.plans).toEqual([]);

    await screen.createNew('cloud-software');
    expect(screen.plan?.name).toBe('Cloud software: finance and healthcare, flexible pricing');
    expect(screen.plan?.illustrative).toBe(true);
    expect(screen.entry?.revision).toBe(1);
    expect(screen.plans.map((p) => p.name)).toEqual([screen.plan?.name]);
    expect(screen.notice).toMatchObject({ kind: 'success', key: 'plan.notice.created' });
    expect(screen.page).toBe('resources');

    await screen.solveNow();
    await until(() => screen.allocation.job.status === 'done', 'the solve');
    expect(screen.built?.ok).toBe(true);
    expect(screen.allocation.solved?.solution.status).toBe('optimal');
    // The labels of the model are the plan's, translated.
    expect(Object.values(screen.allocation.solved?.meaning.labels ?? {})).toEqual(expect.arrayContaining(['Inside sales', 'Budget', 'Sales hours']));
  });

  it('takes the churn probability of step 4 from the churn model when there is one, and saves it', async () => {
    const store = createMemoryStore();
    const { screen } = screenOn(store, { churnEstimate: () => churnEstimateOf({ datasetName: 'telco.csv', training: { report: { test: { scores: Float64Array.from([0.1, 0.3, 0.5]) } } } as never }) });
    await screen.start();
    await screen.createNew('cloud-software');
    // Mean of the held-out scores: (0.1 + 0.3 + 0.5) / 3 = 0.3.
    expect(screen.churnEstimate()).toEqual({ probability: expect.closeTo(0.3, 12), customers: 3, datasetName: 'telco.csv' });
    screen.useChurnEstimate();
    expect(screen.plan?.allocation.customerValue.churnProbability).toBeCloseTo(0.3, 12);
    await until(() => screen.entry?.revision === 2, 'the save');
    const { screen: without } = screenOn(createMemoryStore());
    expect(without.churnEstimate()).toBeNull();
  });

  it('sets the lifetime value from the pricing screen’s margin and the units a customer buys', async () => {
    const store = createMemoryStore();
    const { screen } = screenOn(store, { pricingEstimate: () => ({ price: 48.2, unitCost: 10, margin: 38.2, basis: 'best' }) });
    await screen.start();
    await screen.createNew('cloud-software');
    // 38.2 a unit × 500 units over a customer's life = 19,100.
    screen.useLifetimeValueFromPricing(500);
    expect(screen.plan?.allocation.customerValue.lifetimeValue).toBeCloseTo(19_100, 9);
    // No units, no change.
    screen.useLifetimeValueFromPricing(0);
    expect(screen.plan?.allocation.customerValue.lifetimeValue).toBeCloseTo(19_100, 9);
    await until(() => screen.entry?.revision === 2, 'the save');
    const { screen: without } = screenOn(createMemoryStore());
    expect(without.pricingEstimate()).toBeNull();
  });

  it('autosaves an edited budget with the next revision, and re-solves the allocation', async () => {
    const store = createMemoryStore();
    const { screen } = screenOn(store);
    await screen.createNew('industrial-equipment');
    await until(() => screen.allocation.job.status === 'done', 'the first solve');
    const before = solvedObjective(screen);
    const budget = screen.plan!.resources.money.budget!;

    screen.update((plan) => (plan.resources.money.budget = budget * 1.5));
    expect(screen.saveState.status).toBe('pending');
    await until(() => screen.saveState.status === 'saved' && screen.entry?.revision === 2, 'the autosave');

    const repository = createPlanRepository(store, now, () => 'unused');
    const stored = await repository.open(screen.entry!.id);
    expect(stored.ok && stored.value.plan.resources.money.budget).toBe(budget * 1.5);
    expect(stored.ok && stored.value.entry.revision).toBe(2);

    await until(() => screen.allocation.job.status === 'done' && solvedObjective(screen) !== before, 'the re-solve');
    expect(solvedObjective(screen)).not.toBeNull();
    expect(screen.allocation.stale).toBe(false);
  });

  it('saves nothing for an edit that changes nothing, and shows an engine error instead of solving', async () => {
    const { screen } = screenOn(createMemoryStore());
    await screen.createNew();
    screen.touch();
    await screen.flush();
    expect(screen.entry?.revision).toBe(1);
    await screen.solveNow();
    expect(screen.built?.ok === false && screen.built.error.code).toBe('PLAN_NO_BUDGET');
  });

  it('meets a save from another screen on the same store with PLAN_CONFLICT, keeping the edit; a copy saves it', async () => {
    const store = createMemoryStore();
    const a = screenOn(store).screen;
    const b = screenOn(store).screen;
    await a.createNew('cloud-software');
    const id = a.entry!.id;
    await b.open(id);

    b.update((plan) => (plan.resources.money.cash = 1));
    await b.flush();
    expect(b.entry?.revision).toBe(2);

    a.update((plan) => (plan.resources.money.cash = 2));
    await a.flush();
    expect(a.saveState.status).toBe('conflict');
    expect(a.conflict).toEqual({ from: 'save' });
    expect(a.hasUnsaved).toBe(true);
    expect(a.plan?.resources.money.cash).toBe(2);
    // Nothing of A's was written.
    const repository = createPlanRepository(store, now, () => 'unused');
    const stored = await repository.open(id);
    expect(stored.ok && stored.value.plan.resources.money.cash).toBe(1);

    await a.saveMineAsCopy();
    expect(a.conflict).toBeNull();
    expect(a.entry?.id).not.toBe(id);
    expect(a.plan?.name).toMatch(/\(my copy\)$/);
    expect(a.plan?.resources.money.cash).toBe(2);
    expect(a.plans).toHaveLength(2);
  });

  it('warns at once when another tab saves the plan open here, and reloads theirs on request', async () => {
    const store = createMemoryStore();
    const hub = channelHub();
    const a = screenOn(store, { channel: hub() }).screen;
    const b = screenOn(store, { channel: hub() }).screen;
    await a.createNew('medical-leasing');
    await b.open(a.entry!.id);

    b.update((plan) => (plan.resources.notes = 'Changed in tab B'));
    await b.flush();
    await until(() => a.conflict !== null, 'the message from tab B');
    expect(a.conflict).toEqual({ from: 'other-tab' });
    expect(b.conflict).toBeNull();

    await a.reloadTheirs();
    expect(a.conflict).toBeNull();
    expect(a.plan?.resources.notes).toBe('Changed in tab B');
    expect(a.entry?.revision).toBe(2);
  });

  it('reports a foreign or broken file and changes nothing; imports an exported file as a new plan', async () => {
    const { screen, saved } = screenOn(createMemoryStore());
    await screen.createNew('strategy-consultancy');
    const open = screen.entry!;
    const before = JSON.stringify(screen.plan);

    expect(await screen.importText(JSON.stringify({ hello: 'world' }))).toBe(false);
    expect(screen.notice).toMatchObject({ kind: 'error', error: { code: 'PLAN_FILE_FOREIGN' } });
    expect(await screen.importText('{ not json')).toBe(false);
    expect(screen.notice).toMatchObject({ kind: 'error', error: { code: 'PLAN_FILE_NOT_JSON' } });
    expect(screen.plans).toHaveLength(1);
    expect(screen.entry).toEqual(open);
    expect(JSON.stringify(screen.plan)).toBe(before);

    await screen.exportPlan(open.id);
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('Strategy consultancy_ emerging markets with short trial contracts.json');
    expect(await screen.importText(saved[0].text)).toBe(true);
    expect(screen.plans).toHaveLength(2);
    expect(screen.entry?.id).not.toBe(open.id);
    expect(JSON.stringify(screen.plan)).toBe(before);
  });

  it('refuses a plan file written by a newer version instead of losing what it added', async () => {
    const { screen } = screenOn(createMemoryStore());
    await screen.start();
    const file = JSON.parse(planFileText(createPlan('cloud-software'), '2025-01-01T00:00:00.000Z')) as { schemaVersion: number };
    file.schemaVersion = CURRENT_SCHEMA_VERSION + 1;
    expect(await screen.importText(JSON.stringify(file))).toBe(false);
    expect(screen.notice).toMatchObject({ kind: 'error', key: 'plan.notice.importTooNew' });
    expect(screen.plans).toHaveLength(0);
  });

  it('gives variance rows for an entered actual, flags drift, and reads actuals from CSV with bad rows reported', async () => {
    const { screen } = screenOn(createMemoryStore());
    await screen.createNew('cloud-software');
    const plan = screen.plan!;
    const period = plan.monitoring.periods[3];
    const target = plan.goals[0].periodTargets.find((pt) => pt.period === period)!.target;

    screen.setActual(period, 'g1', target + 1000);
    const row = planVariance(screen.plan!).find((r) => r.period === period && r.goalId === 'g1')!;
    expect(row).toMatchObject({ actual: target + 1000, target, variance: 1000 });
    expect(row.varianceShare).toBeCloseTo(1000 / target, 9);
    // 15% above the forecast: outside its 80% range here.
    expect(row.drift).toBe('outside-80');
    screen.setActual(period, 'g1', Math.round(row.forecast!));
    expect(planVariance(screen.plan!).find((r) => r.period === period && r.goalId === 'g1')?.drift).toBe('inside');
    // Far below the forecast's 95% range: the goal is drifting.
    screen.setActual(period, 'g1', 1);
    expect(planVariance(screen.plan!).find((r) => r.period === period && r.goalId === 'g1')?.drift).toBe('outside-95');
    screen.setActual(period, 'g1', null);
    expect(planVariance(screen.plan!).find((r) => r.period === period && r.goalId === 'g1')?.actual).toBeNull();

    const p5 = plan.monitoring.periods[4];
    screen.importActualsText(`Period,Goal,Value\n${p5},g2,7\n${p5},New and expansion bookings,"150,000"\n1999-01,g1,5\n${p5},nobody,3\n${p5},g1,lots\n`, 'actuals.csv');
    expect(screen.actualsImport?.actuals).toHaveLength(2);
    expect(screen.actualsImport?.problems.map((p) => [p.line, p.problem])).toEqual([
      [4, 'period'],
      [5, 'goal'],
      [6, 'value'],
    ]);
    const rows = planVariance(screen.plan!).filter((r) => r.period === p5);
    expect(rows.map((r) => [r.goalId, r.actual])).toEqual([
      ['g1', 150000],
      ['g2', 7],
    ]);

    screen.importActualsText('when,what\n2025-01,3\n', 'wrong.csv');
    expect(screen.actualsImport?.missing).toEqual(['period', 'goal', 'value']);
  });

  it('attaches the forecast kept on the forecast screen as the baseline', async () => {
    const store = createMemoryStore();
    const { screen } = screenOn(store);
    await screen.createNew();
    await screen.attachKeptForecast();
    expect(screen.forecastAttach.status).toBe('none');

    const template = createPlan('cloud-software').forecast!;
    await createKeptForecastRepository(store, now).save({ kind: KEPT_FORECAST_KIND, ...template });
    await screen.attachKeptForecast();
    expect(screen.forecastAttach.status).toBe('attached');
    expect(screen.plan?.forecast?.periods).toEqual(template.periods);
    // With no periods of its own, the plan monitors the forecast's.
    expect(screen.plan?.monitoring.periods).toEqual(template.periods);

    screen.addGoal('revenue');
    const goal = screen.plan!.goals[0];
    goal.followsForecast = true;
    goal.due = template.periods[11];
    screen.spreadOverForecast(goal.id, 0.18);
    expect(goal.periodTargets).toHaveLength(12);
    expect(goal.target).toBe(goal.periodTargets.reduce((s, pt) => s + pt.target, 0));
    expect(goal.target / template.forecast.reduce((s, v) => s + v, 0) - 1).toBeCloseTo(0.18, 3);
  });

  it('keeps versions by hand and while editing, restores one keeping the current first', async () => {
    const store = createMemoryStore();
    const { screen } = screenOn(store, { versionEveryMs: 60_000 });
    await screen.createNew('cloud-software');
    screen.update((plan) => (plan.resources.notes = 'first'));
    await screen.keepVersion();
    expect(screen.versions.map((v) => v.reason)).toEqual(['manual']);

    screen.update((plan) => (plan.resources.notes = 'second'));
    clock += 61_000;
    await screen.flush();
    expect(screen.versions.map((v) => v.reason)).toEqual(['interval', 'manual']);

    await screen.viewVersion(1);
    expect(screen.viewing?.plan.resources.notes).toBe('first');
    await screen.restoreVersion(1);
    expect(screen.plan?.resources.notes).toBe('first');
    expect(screen.versions.map((v) => v.reason)).toEqual(['before-restore', 'interval', 'manual']);
    const kept = await createPlanRepository(store, now, () => 'x').openVersion(screen.entry!.id, 3);
    expect(kept.ok && kept.value.resources.notes).toBe('second');
  });

  it('re-plans: keeps the plan as a version and opens a new plan for the periods not yet reached', async () => {
    const store = createMemoryStore();
    const { screen } = screenOn(store);
    await screen.createNew('cloud-software');
    const old = screen.entry!;
    const oldPlan = JSON.parse(JSON.stringify(screen.plan)) as NonNullable<PlanScreen['plan']>;
    // The ready-made plan has actuals for its first three months.
    await screen.replan();

    const plan = screen.plan!;
    expect(screen.entry?.id).not.toBe(old.id);
    expect(plan.replannedFrom).toEqual({ name: oldPlan.name, savedAt: old.savedAt });
    expect(plan.monitoring.periods).toEqual(oldPlan.monitoring.periods.slice(3));
    expect(plan.monitoring.actuals).toEqual([]);
    expect(plan.goals[0].periodTargets.map((pt) => pt.period)).toEqual(oldPlan.monitoring.periods.slice(3));
    expect(plan.goals[0].target).toBe(oldPlan.goals[0].periodTargets.slice(3).reduce((s, pt) => s + pt.target, 0));
    expect(plan.goals[2].target).toBe(oldPlan.goals[2].target);
    expect(plan.stepNotes.monitoring).toContain(`${oldPlan.monitoring.periods[0]} · New and expansion bookings: actual`);

    const versions = await createPlanRepository(store, now, () => 'x').versions(old.id);
    expect(versions.ok && versions.value.map((v) => v.reason)).toEqual(['replan']);
  });

  it('re-plans with the forecast refitted in the forecast worker on the history plus the actuals', async () => {
    const { screen, forecast } = screenOn(createMemoryStore());
    await screen.createNew('cloud-software');
    const oldPlan = JSON.parse(JSON.stringify(screen.plan)) as NonNullable<PlanScreen['plan']>;
    const before = oldPlan.forecast!;
    expect(before.history?.values).toHaveLength(24);
    await screen.replan();

    expect(forecast.calls).toEqual(['refit']);
    const plan = screen.plan!;
    const after = plan.forecast!;
    // Three months of actuals (2025-01 … 2025-03): the forecast starts in April.
    expect(after.history?.values).toHaveLength(24 + 3);
    expect(after.history?.periods.slice(24)).toEqual(before.periods.slice(0, 3));
    expect(after.history?.values.slice(24)).toEqual(oldPlan.monitoring.actuals.filter((a) => a.goalId === 'g1').map((a) => a.value));
    expect(after.lastPeriod).toBe('2025-03');
    expect(after.periods[0]).toBe('2025-04');
    expect(after.periods).toEqual(plan.monitoring.periods);
    expect(after.model).toBe(before.model);
    expect(after.forecast).toHaveLength(9);
    expect(after.forecast).not.toEqual(before.forecast.slice(3));
    // Targets that follow the forecast are kept; the notes keep the actuals; the notice says what changed.
    expect(plan.goals[0].periodTargets).toEqual(oldPlan.goals[0].periodTargets.slice(3));
    expect(plan.stepNotes.monitoring).toContain(`${oldPlan.monitoring.periods[0]} · New and expansion bookings: actual`);
    expect(planNoticeText(screen.notice!)).toContain('3 more months of actuals (through 2025-03)');
  });

  it('re-plans with the old forecast when it cannot be refitted, and says why', async () => {
    const { screen } = screenOn(createMemoryStore());
    await screen.createNew('cloud-software');
    screen.update((plan) => delete plan.forecast!.history);
    const before = JSON.parse(JSON.stringify(screen.plan!.forecast)) as NonNullable<NonNullable<PlanScreen['plan']>['forecast']>;
    await screen.replan();
    expect(screen.plan!.forecast).toEqual(before);
    expect(screen.notice).toMatchObject({ key: 'plan.notice.replannedKept', cause: { code: 'REPLAN_NO_HISTORY' } });
    expect(planNoticeText(screen.notice!)).toContain('kept without the series it was fitted on');
  });

  it('renames, duplicates and deletes from the list', async () => {
    const { screen } = screenOn(createMemoryStore());
    await screen.createNew('cloud-software');
    const id = screen.entry!.id;
    await screen.close();
    await screen.rename(id, '  Our 2025 plan ');
    expect(screen.plans[0]).toMatchObject({ id, name: 'Our 2025 plan', revision: 2 });
    await screen.duplicate(id);
    expect(screen.plans.map((p) => p.name).sort()).toEqual(['Copy of Our 2025 plan', 'Our 2025 plan']);
    await screen.remove(id);
    expect(screen.plans.map((p) => p.name)).toEqual(['Copy of Our 2025 plan']);
  });

  it('shows a part asked for by the strategy map', async () => {
    const { screen } = screenOn(createMemoryStore());
    screen.showPart('strategy-contract');
    expect(screen.page).toBe('strategy');
    expect(screen.focusRequest).toBe('strategy-contract');
    await screen.createNew('cloud-software');
    // Opening keeps the page asked for.
    expect(screen.page).toBe('strategy');
  });

  describe('after review', () => {
    it('does not leave a plan whose edits cannot be saved (storage full): it stays open and offers try again, a copy or discarding', async () => {
      const { store, fill } = fillableStore();
      const { screen } = screenOn(store);
      await screen.createNew('industrial-equipment');
      const other = screen.entry!.id;
      await screen.createNew('cloud-software');
      const id = screen.entry!.id;
      fill(true);
      screen.update((plan) => (plan.resources.money.cash = 12_345));
      expect(await screen.flush()).toBe(false);
      expect(screen.saveState.status === 'error' && screen.saveState.error.code).toBe('STORAGE_QUOTA');
      expect(screen.hasUnsavable).toBe(true);

      // Closing, opening another plan and importing one all stay on this plan, edits kept.
      expect(await screen.close()).toBe(false);
      expect(screen.entry?.id).toBe(id);
      expect(screen.leaveBlocked).toEqual({ then: { kind: 'close' } });
      expect(await screen.open(other)).toBe(false);
      expect(screen.entry?.id).toBe(id);
      expect(screen.leaveBlocked).toEqual({ then: { kind: 'open', id: other } });
      const file = planFileText(createPlan('medical-leasing'), '2025-01-01T00:00:00.000Z');
      expect(await screen.importText(file)).toBe(false);
      expect(screen.entry?.id).toBe(id);
      expect(screen.leaveBlocked?.then.kind).toBe('create');
      expect(screen.plan?.resources.money.cash).toBe(12_345);
      expect(screen.hasUnsaved).toBe(true);

      // Still full: trying again stays; with room, it saves and goes on (here: the import).
      expect(await screen.leaveTryAgain()).toBe(false);
      expect(screen.entry?.id).toBe(id);
      fill(false);
      expect(await screen.leaveTryAgain()).toBe(true);
      expect(screen.plan?.name).toBe(createPlan('medical-leasing').name);
      expect(screen.leaveBlocked).toBeNull();
      const stored = await createPlanRepository(store, now, () => 'x').open(id);
      expect(stored.ok && stored.value.plan.resources.money.cash).toBe(12_345);
    });

    it('after a conflict, leaving keeps the edits until they are saved as a copy or discarded on purpose', async () => {
      const store = createMemoryStore();
      const a = screenOn(store).screen;
      const b = screenOn(store).screen;
      await a.createNew('strategy-consultancy');
      const other = a.entry!.id;
      await a.createNew('cloud-software');
      const id = a.entry!.id;
      await b.open(id);
      b.update((plan) => (plan.resources.notes = 'theirs'));
      await b.flush();

      a.update((plan) => (plan.resources.notes = 'mine'));
      expect(await a.flush()).toBe(false);
      expect(a.conflict).toEqual({ from: 'save' });
      expect(await a.close()).toBe(false);
      expect(a.plan?.resources.notes).toBe('mine');
      expect(a.hasUnsavable).toBe(true);

      // Saved as a copy, then closed as asked.
      expect(await a.leaveSaveCopy()).toBe(true);
      expect(a.plan).toBeNull();
      expect(a.notice).toMatchObject({ key: 'plan.notice.copySavedLeft', params: { name: 'Cloud software: finance and healthcare, flexible pricing (my copy)' } });
      const copy = a.plans.find((p) => p.name.endsWith('(my copy)'))!;
      const repository = createPlanRepository(store, now, () => 'x');
      const stored = await repository.open(copy.id);
      expect(stored.ok && stored.value.plan.resources.notes).toBe('mine');

      // Discarding on purpose goes on to the plan asked for.
      await a.open(id);
      await b.flush();
      b.update((plan) => (plan.resources.notes = 'theirs again'));
      await b.flush();
      a.update((plan) => (plan.resources.notes = 'mine again'));
      await a.flush();
      expect(await a.open(other)).toBe(false);
      expect(await a.leaveDiscard()).toBe(true);
      expect(a.entry?.id).toBe(other);
      expect(a.hasUnsaved).toBe(false);
      const theirs = await repository.open(id);
      expect(theirs.ok && theirs.value.plan.resources.notes).toBe('theirs again');
    });

    it('keeps actuals of months no longer monitored, hidden, and shows them again when the months are widened', async () => {
      const { screen } = screenOn(createMemoryStore());
      await screen.createNew('cloud-software');
      const periods = [...screen.plan!.monitoring.periods];
      const actuals = JSON.parse(JSON.stringify(screen.plan!.monitoring.actuals)) as unknown[];
      // The ready-made plan has actuals for its first three months.
      expect(actuals.length).toBeGreaterThan(0);
      expect(screen.hiddenActuals).toBe(0);

      expect(screen.setMonitoredPeriods(periods[3], periods.length - 3)).toBe(true);
      expect(screen.plan!.monitoring.periods).toEqual(periods.slice(3));
      expect(screen.plan!.monitoring.actuals).toEqual(actuals);
      expect(screen.hiddenActuals).toBe(actuals.length);
      expect(planVariance(screen.plan!).some((r) => r.actual !== null)).toBe(false);
      await screen.flush();
      expect(screen.saveState.status).toBe('saved');

      expect(screen.setMonitoredPeriods(periods[0], periods.length)).toBe(true);
      expect(screen.hiddenActuals).toBe(0);
      expect(planVariance(screen.plan!).filter((r) => r.actual !== null)).toHaveLength(actuals.length);
    });

    it('refuses to export or duplicate a plan written by a newer version, open or not', async () => {
      const store = createMemoryStore();
      const { screen, saved } = screenOn(store);
      await screen.createNew('cloud-software');
      const id = screen.entry!.id;
      await screen.close();
      await makeNewer(store, id);

      await screen.exportPlan(id);
      expect(saved).toHaveLength(0);
      expect(screen.notice).toMatchObject({ kind: 'error', key: 'plan.notice.exportTooNew' });
      await screen.duplicate(id);
      expect(screen.notice).toMatchObject({ kind: 'error', key: 'plan.notice.duplicateTooNew' });
      expect(screen.plans).toHaveLength(1);

      expect(await screen.open(id)).toBe(true);
      expect(screen.readOnly).toBe(true);
      await screen.exportPlan(id);
      expect(saved).toHaveLength(0);
      expect(screen.notice).toMatchObject({ kind: 'error', key: 'plan.notice.exportTooNew' });
      await screen.duplicate(id);
      expect(screen.notice).toMatchObject({ kind: 'error', key: 'plan.notice.duplicateTooNew' });
      await screen.refreshList();
      expect(screen.plans).toHaveLength(1);
    });

    it('warns of another tab’s save only for a later revision, and turns a raced save into a conflict', async () => {
      const { channel, send } = manualChannel();
      const { screen } = screenOn(createMemoryStore(), { channel });
      await screen.createNew('cloud-software');
      const id = screen.entry!.id;
      screen.update((plan) => (plan.resources.notes = 'one'));
      await screen.flush();
      screen.update((plan) => (plan.resources.notes = 'two'));
      await screen.flush();
      expect(screen.entry?.revision).toBe(3);

      // A late message about an older revision changes nothing.
      send({ type: 'saved', id, revision: 2, tab: 'other' });
      expect(screen.conflict).toBeNull();
      expect(screen.saveState.status).toBe('saved');

      // Another tab says it saved the very revision this tab saved: the saves raced.
      send({ type: 'saved', id, revision: 3, tab: 'other' });
      expect(screen.conflict).toEqual({ from: 'save' });
      expect(screen.saveState.status).toBe('conflict');
      expect(screen.hasUnsaved).toBe(true);
      expect(await screen.close()).toBe(false);

      // A later revision: the usual warning.
      const manual = manualChannel();
      const c = screenOn(createMemoryStore(), { channel: manual.channel }).screen;
      await c.createNew('medical-leasing');
      manual.send({ type: 'saved', id: c.entry!.id, revision: 2, tab: 'other' });
      expect(c.conflict).toEqual({ from: 'other-tab' });
    });

    it('ends two saves that race from one revision with the one not written in conflict, its edits kept', async () => {
      const store = createMemoryStore();
      const hub = channelHub();
      const a = screenOn(store, { channel: hub() }).screen;
      const b = screenOn(store, { channel: hub() }).screen;
      await a.createNew('cloud-software');
      await b.open(a.entry!.id);
      a.update((plan) => (plan.resources.notes = 'from A'));
      b.update((plan) => (plan.resources.notes = 'from B'));
      await Promise.all([a.flush(), b.flush()]);
      await new Promise((r) => setTimeout(r, 10));

      const stored = await createPlanRepository(store, now, () => 'x').open(a.entry!.id);
      const notes = stored.ok ? stored.value.plan.resources.notes : '';
      for (const s of [a, b]) {
        if (s.plan?.resources.notes !== notes) {
          expect(s.conflict).not.toBeNull();
          expect(s.saveState.status).toBe('conflict');
          expect(s.hasUnsaved).toBe(true);
        }
      }
      expect([a, b].filter((s) => s.conflict !== null).length).toBeGreaterThanOrEqual(1);
    });

    it('offers to recover a damaged plan, from its newest kept version or clean', async () => {
      const store = createMemoryStore();
      const { screen } = screenOn(store);
      await screen.createNew('cloud-software');
      const id = screen.entry!.id;
      screen.update((plan) => (plan.resources.notes = 'kept'));
      await screen.keepVersion();
      const keptAt = screen.versions[0].savedAt;
      await screen.close();
      await store.setMany([[planCurrentKey(id), { schemaVersion: 1, appVersion: '0.1.0', savedAt: 'x', data: { kind: 'plan' } }]]);

      expect(await screen.open(id)).toBe(false);
      expect(screen.notice).toMatchObject({ kind: 'error', error: { code: 'PLAN_CORRUPT' }, key: 'plan.notice.corrupt', recover: { id } });
      expect(planNoticeText(screen.notice!)).toMatch(/could not be opened: its saved copy is damaged/);

      expect(await screen.recover(id)).toBe(true);
      expect(screen.entry?.id).toBe(id);
      expect(screen.plan?.resources.notes).toBe('kept');
      expect(screen.notice).toMatchObject({ kind: 'success', key: 'plan.notice.recoveredVersion', params: { n: 1 } });
      expect(planNoticeText(screen.notice!)).toContain('from version 1, kept');
      expect(keptAt).toBeTruthy();
      // The damaged copy is kept aside.
      expect((await store.keys()).some((k) => k.includes(id) && !k.startsWith('plans:'))).toBe(true);

      // With no version to go back to, it starts clean under its listed name.
      await screen.createNew();
      const bare = screen.entry!.id;
      await screen.close();
      await store.setMany([[planCurrentKey(bare), { schemaVersion: 1, appVersion: '0.1.0', savedAt: 'x', data: { kind: 'plan' } }]]);
      expect(await screen.open(bare)).toBe(false);
      expect(await screen.recover(bare)).toBe(true);
      expect(screen.notice).toMatchObject({ kind: 'success', key: 'plan.notice.recoveredEmpty' });
      expect(planNoticeText(screen.notice!)).toMatch(/started clean/);
    });

    it('forgets a part asked for while no plan was open once the list is shown', async () => {
      const { screen } = screenOn(createMemoryStore());
      screen.showPart('strategy-contract');
      await screen.start();
      expect(screen.focusRequest).toBeNull();
      await screen.createNew('cloud-software');
      expect(screen.page).toBe('resources');
    });

    it('keeps the edits and the conflict when “Reload theirs” finds the plan deleted in another tab', async () => {
      const store = createMemoryStore();
      const hub = channelHub();
      const a = screenOn(store, { channel: hub() }).screen;
      const b = screenOn(store, { channel: hub() }).screen;
      await a.createNew('medical-leasing');
      const id = a.entry!.id;
      await b.start();
      await b.remove(id);
      await until(() => a.conflict !== null, 'the message from tab B');
      a.update((plan) => (plan.resources.notes = 'mine'));

      await a.reloadTheirs();
      expect(a.conflict).toEqual({ from: 'other-tab' });
      expect(a.hasUnsaved).toBe(true);
      expect(a.plan?.resources.notes).toBe('mine');
      expect(a.notice).toMatchObject({ kind: 'error', error: { code: 'PLAN_NOT_FOUND' }, key: 'plan.notice.reloadFailed' });

      await a.saveMineAsCopy();
      expect(a.conflict).toBeNull();
      expect(a.entry?.id).not.toBe(id);
      expect(a.plan?.resources.notes).toBe('mine');
    });

    it('shows translated text only for the refusals the screen builds itself', async () => {
      const store = createMemoryStore();
      const { screen } = screenOn(store);
      await screen.createNew('cloud-software');
      const id = screen.entry!.id;
      await screen.close();
      await makeNewer(store, id);

      const texts: string[] = [];
      const seen = (built = true) => {
        const notice = screen.notice!;
        expect(notice.kind).toBe('error');
        const text = planNoticeText(notice);
        // The English message of an error the screen builds is for logs only.
        if (built && notice.kind === 'error') expect(text).not.toContain(notice.error.message);
        expect(text).not.toMatch(/[{}]/);
        texts.push(text);
      };
      await screen.rename(id, 'Another name');
      expect(screen.notice).toMatchObject({ key: 'plan.notice.renameTooNew' });
      seen();
      const file = JSON.parse(planFileText(createPlan('cloud-software'), '2025-01-01T00:00:00.000Z')) as { schemaVersion: number };
      file.schemaVersion = CURRENT_SCHEMA_VERSION + 1;
      await screen.importText(JSON.stringify(file));
      seen();
      await screen.open(id);
      await screen.viewVersion(7);
      seen(false);
      expect(texts[2]).toBe('That did not work. Version 7 of this plan is no longer kept.');
    });
  });

  describe('leaving the page and re-planning', () => {
    const BUDGET_SENTENCE = 'The budget and its limits are copied as they were: set them for the months left.';

    it('warns before the page is left while an edit is waiting for its save, being written, or cannot be saved', async () => {
      const { store, fill } = fillableStore();
      const { screen } = screenOn(store);
      expect(shouldWarnBeforeUnload(screen)).toBe(false);
      await screen.createNew('cloud-software');
      expect(unloadRisk(screen)).toBe('none');
      const quiet = unloadEvent();
      expect(guardUnload(quiet, screen, () => screen.flush())).toBe(false);
      expect(quiet).toMatchObject({ prevented: false, returnValue: undefined });

      // An edit within the save delay: warns, and starts writing it at once.
      screen.update((plan) => (plan.resources.money.cash = 1));
      expect(unloadRisk(screen)).toBe('pending');
      let flushes = 0;
      const leaving = unloadEvent();
      expect(guardUnload(leaving, screen, () => (flushes++, screen.flush()))).toBe(true);
      expect(leaving).toMatchObject({ prevented: true, returnValue: '' });
      expect(flushes).toBe(1);
      // The save it started is under way: the edit is not written yet, so the page still warns.
      expect(screen.hasUnsaved).toBe(false);
      expect(screen.isSaving).toBe(true);
      expect(shouldWarnBeforeUnload(screen)).toBe(true);
      await screen.flush();
      expect(screen.isSaving).toBe(false);
      expect(shouldWarnBeforeUnload(screen)).toBe(false);

      // A failed save: warns, and starts no save that cannot write.
      fill(true);
      screen.update((plan) => (plan.resources.money.cash = 2));
      expect(await screen.flush()).toBe(false);
      expect(unloadRisk(screen)).toBe('unsavable');
      const full = unloadEvent();
      expect(guardUnload(full, screen, () => (flushes++, screen.flush()))).toBe(true);
      expect(full).toMatchObject({ prevented: true, returnValue: '' });
      expect(flushes).toBe(1);
      fill(false);
      await screen.retrySave();
      expect(shouldWarnBeforeUnload(screen)).toBe(false);

      // A conflict with another tab: warns while the edits are kept here.
      const other = screenOn(store).screen;
      await other.open(screen.entry!.id);
      other.update((plan) => (plan.resources.notes = 'theirs'));
      await other.flush();
      screen.update((plan) => (plan.resources.notes = 'mine'));
      expect(await screen.flush()).toBe(false);
      expect(screen.conflict).toEqual({ from: 'save' });
      expect(unloadRisk(screen)).toBe('unsavable');
      await screen.reloadTheirs();
      expect(shouldWarnBeforeUnload(screen)).toBe(false);
    });

    it('“Reload theirs” waits for the save under way, so it does not end after the reload', async () => {
      const held = holdingStore();
      const { channel, send } = manualChannel();
      // Every save keeps a version after it (versionEveryMs 0): that write is held, the save under way.
      const a = screenOn(held.store, { channel, versionEveryMs: 0 }).screen;
      await a.createNew('medical-leasing');
      const id = a.entry!.id;
      held.hold((keys) => keys.includes(planVersionsKey(id)));
      a.update((plan) => (plan.resources.notes = 'mine'));
      const events: string[] = [];
      const saving = a.flush().then(() => events.push('save ended'));
      await until(() => held.state.held, 'the save to keep its version');
      expect(a.isSaving).toBe(true);
      held.state.onRead = (key) => {
        if (key === planCurrentKey(id)) events.push('reloaded');
      };

      // Another tab says it saved a later revision; the user reloads theirs while the save runs.
      send({ type: 'saved', id, revision: 9, tab: 'other' });
      expect(a.conflict).toEqual({ from: 'other-tab' });
      const reloading = a.reloadTheirs();
      await new Promise((r) => setTimeout(r, 20));
      expect(events).toEqual([]);
      held.release();
      await Promise.all([saving, reloading]);

      expect(events).toEqual(['save ended', 'reloaded']);
      expect(a.conflict).toBeNull();
      expect(a.hasUnsaved).toBe(false);
      expect(a.isSaving).toBe(false);
      expect(a.saveState).toEqual({ status: 'saved', at: a.entry!.savedAt });
      expect(a.notice).toMatchObject({ key: 'plan.notice.reloaded' });
      await new Promise((r) => setTimeout(r, 30));
      expect(a.conflict).toBeNull();
      expect(a.saveState.status).toBe('saved');
    });

    it('re-plans a goal with only a whole target for what is left of it, when its actuals add up', () => {
      const plan = createPlan('cloud-software');
      const [revenue, customers, share] = plan.goals;
      revenue.periodTargets = [];
      customers.periodTargets = [];
      customers.target = 10;
      // Actuals of 2025-01 … 2025-03: revenue 214,309 + 236,559 + 229,932; customers 3 + 5 + 4.
      // One of a month no longer monitored does not count; a market share is a level, kept as it is.
      plan.monitoring.actuals.push({ period: '2024-12', goalId: revenue.id, value: 1_000_000 }, { period: '2025-02', goalId: share.id, value: 4 });
      const next = replanPlan(plan, '2025-04-01T00:00:00.000Z', '2025-04-02T09:00:00.000Z');
      expect(next.goals[0].target).toBe(3_358_314 - (214_309 + 236_559 + 229_932));
      expect(next.goals[1].target).toBe(0);
      expect(next.goals[2].target).toBe(5);
      // The plan given is not changed.
      expect(plan.goals[0].target).toBe(3_358_314);
    });

    it('says the budget and its limits are copied as they were, whatever became of the forecast', async () => {
      const { screen } = screenOn(createMemoryStore());
      await screen.createNew('cloud-software');
      const budget = screen.plan!.resources.money.budget;
      await screen.replan();
      expect(screen.notice).toMatchObject({ key: 'plan.notice.replannedRefit' });
      expect(planNoticeText(screen.notice!)).toContain(BUDGET_SENTENCE);
      expect(screen.plan!.resources.money.budget).toBe(budget);

      screen.update((plan) => delete plan.forecast!.history);
      screen.setActual('2025-04', 'g1', 250_000);
      await screen.replan();
      expect(screen.notice).toMatchObject({ key: 'plan.notice.replannedKept' });
      expect(planNoticeText(screen.notice!)).toContain(BUDGET_SENTENCE);

      screen.update((plan) => (plan.forecast = null));
      await screen.replan();
      expect(screen.notice).toMatchObject({ key: 'plan.notice.replanned' });
      expect(planNoticeText(screen.notice!)).toContain(BUDGET_SENTENCE);
    });

    it('refuses to re-plan when the actuals reach the last monitored month, and makes nothing', async () => {
      const store = createMemoryStore();
      const { screen, forecast } = screenOn(store);
      await screen.createNew('cloud-software');
      const id = screen.entry!.id;
      screen.setActual('2025-12', 'g1', 300_000);
      expect(nothingLeftToPlan(screen.plan!)).toBe(true);
      await screen.replan();

      expect(screen.entry?.id).toBe(id);
      expect(screen.plans).toHaveLength(1);
      expect(forecast.calls).toEqual([]);
      expect(screen.notice).toMatchObject({ kind: 'error', key: 'plan.notice.replanNothingLeft', params: { last: '2025-12' } });
      expect(planNoticeText(screen.notice!)).toBe('Nothing was re-planned: actuals are entered for every monitored month, up to 2025-12, so no month is left to plan. Widen the monitored months in step 5 first, then re-plan.');
      const versions = await createPlanRepository(store, now, () => 'x').versions(id);
      expect(versions.ok && versions.value).toEqual([]);

      // Widened, there are months left again.
      expect(screen.setMonitoredPeriods('2025-01', 18)).toBe(true);
      expect(nothingLeftToPlan(screen.plan!)).toBe(false);
      await screen.replan();
      expect(screen.entry?.id).not.toBe(id);
      expect(screen.plan!.monitoring.periods).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    });

    it('names a plan re-planned again after the original plan once', async () => {
      const { screen } = screenOn(createMemoryStore());
      await screen.createNew('cloud-software');
      const original = screen.plan!.name;
      await screen.replan();
      expect(screen.plan!.name).toBe(`${original} (re-planned from 2025-04)`);
      screen.setActual('2025-04', 'g1', 250_000);
      await screen.replan();
      expect(screen.plan!.name).toBe(`${original} (re-planned from 2025-05)`);
      expect(screen.plan!.replannedFrom?.name).toBe(`${original} (re-planned from 2025-04)`);

      // Names stacked before are mended; a plan renamed since, or never re-planned, keeps its name.
      const savedAt = '2025-04-01T00:00:00.000Z';
      expect(originalName({ name: 'Q (re-planned from 2025-04) (re-planned from 2025-05)', replannedFrom: { name: 'x', savedAt } })).toBe('Q');
      expect(originalName({ name: 'Autumn push', replannedFrom: { name: 'x', savedAt } })).toBe('Autumn push');
      expect(originalName({ name: 'Q (re-planned from 2025-04)', replannedFrom: null })).toBe('Q (re-planned from 2025-04)');
    });
  });
});
