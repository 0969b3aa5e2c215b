import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ChurnScreen } from '../../../src/views/churn/churn.svelte';
import { churnWorkerApi, type ChurnTrainOptions, type ChurnWorkerApi } from '../../../src/workers/churn-api';
import { CANCELLED, type WorkerClient } from '../../../src/lib/worker-client';
import { currentLocale, setLocale } from '../../../src/lib/i18n/i18n';
import type { Dataset } from '../../../src/core';
import { parsed } from '../../helpers/datasets';

const initialLocale = currentLocale();
beforeEach(() => setLocale('en-US'));
afterAll(() => setLocale(initialLocale));

const shared = (name: string) => parsed(new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data', name))));
const telco = { ...shared('telco-churn.csv'), name: 'telco-churn.csv' };

/**
 * A worker client that runs the worker's api in this thread. Training can be held until the
 * test releases it, so a run can be cancelled while it "runs"; an abort answers CANCELLED
 * as the real client does.
 */
function fakeClient(holdTraining = false) {
  const trainOptions: ChurnTrainOptions[] = [];
  const releases: (() => void)[] = [];
  const call = vi.fn(async (signal: AbortSignal | undefined, method: keyof ChurnWorkerApi, ...args: unknown[]) => {
    if (signal?.aborted) return CANCELLED;
    if (method === 'train') {
      trainOptions.push(args[1] as ChurnTrainOptions);
      if (holdTraining) {
        const aborted = await new Promise<boolean>((done) => {
          releases.push(() => done(false));
          signal?.addEventListener('abort', () => done(true));
        });
        if (aborted) return CANCELLED;
      }
    }
    return (churnWorkerApi[method] as (...a: unknown[]) => unknown)(...args);
  });
  const client = { call, terminate() {} } as unknown as WorkerClient<ChurnWorkerApi>;
  return { client, call, trainOptions, release: () => releases.pop()?.() };
}

function screenOn(dataset: Dataset, holdTraining = false) {
  const fake = fakeClient(holdTraining);
  const saved: { name: string; text: string }[] = [];
  const screen = new ChurnScreen({ client: fake.client, save: (name, text) => saved.push({ name, text }) });
  screen.useDataset({ id: 'ds-1', dataset, summaries: [] });
  screen.settings.trees = 5;
  return { screen, saved, ...fake };
}

const ready = (screen: ChurnScreen) => vi.waitFor(() => expect(screen.flags).not.toBeNull());

describe('ChurnScreen', () => {
  it('guesses the target and the churn class, then has the columns checked in the worker', async () => {
    const { screen, call } = screenOn(telco);
    expect(screen.target).toBe('Churn');
    await ready(screen);
    expect(screen.positive).toBe('Yes');
    expect(screen.classes?.classes.map((c) => c.label)).toEqual(['No', 'Yes']);
    expect(screen.flags).toEqual([]);
    expect(screen.canTrain).toBe(true);
    expect(call.mock.calls.map((c) => c[1])).toEqual(['classesOf', 'flag']);
  });

  it('trains, then derives the threshold matrix, the best retention threshold and the export', async () => {
    const { screen, saved } = screenOn(telco);
    await ready(screen);
    await screen.train();
    expect(screen.job).toMatchObject({ status: 'done', trees: 5 });
    const result = screen.result!;
    expect(result.training.report.rows.test).toBe(1409);
    const counts = screen.thresholdCounts!;
    expect(counts.tp + counts.fn).toBe(374);
    expect(counts.tp + counts.fp + counts.tn + counts.fn).toBe(1409);

    screen.threshold = 0;
    expect(screen.thresholdCounts).toEqual({ tp: 374, fp: 1035, tn: 0, fn: 0 });
    expect(screen.best).not.toBeNull();
    screen.applyBestThreshold();
    expect(screen.threshold).toBe(screen.best!.threshold);
    expect(screen.currentProfit).toBeCloseTo(screen.best!.profit, 9);

    screen.exportScores();
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('telco-churn churn scores.csv');
    expect(saved[0].text.startsWith('\uFEFFFile row,Churn probability,Churn (actual),')).toBe(true);
    expect(saved[0].text.split('\r\n')).toHaveLength(7044);
  });

  it('checks the retention figures: a success rate above 100% has no best threshold', async () => {
    const { screen } = screenOn(telco);
    await ready(screen);
    await screen.train();
    screen.successPercent = 150;
    expect(screen.economics).toMatchObject({ ok: false, error: { code: 'RETENTION_ECONOMICS_INVALID', params: { field: 'successRate' } } });
    expect(screen.best).toBeNull();
    screen.successPercent = undefined;
    expect(screen.economics.ok).toBe(false);
    screen.successPercent = 30;
    expect(screen.best).not.toBeNull();
  });

  it('does not train with invalid settings, and shows the problems from then on', async () => {
    const { screen, trainOptions } = screenOn(telco);
    await ready(screen);
    screen.settings.trees = 0;
    expect(screen.problems).toEqual([]);
    await screen.train();
    expect(trainOptions).toEqual([]);
    expect(screen.problems.map((p) => p.field)).toEqual(['trees']);
    screen.settings.trees = 5;
    expect(screen.problems).toEqual([]);
  });

  it('sends the settings, derived features and the column choices as the engine’s options', async () => {
    const { screen, trainOptions } = screenOn(telco);
    await ready(screen);
    screen.tick('gender', false);
    screen.settings.balanced = true;
    screen.settings.fill = 'median';
    screen.addDerived();
    Object.assign(screen.settings.derived[0], { name: 'spend', left: 'tenure', right: 'MonthlyCharges' });
    await screen.train();
    expect(trainOptions[0]).toEqual({
      target: 'Churn',
      positive: 'Yes',
      trees: 5,
      seed: 42,
      testFraction: 0.2,
      classWeight: 'balanced',
      fill: 'median',
      derived: [{ name: 'spend', left: 'tenure', right: 'MonthlyCharges', operation: 'product' }],
      include: [],
      exclude: ['gender'],
      permutationImportance: true,
    });
    expect(screen.result?.training.report.features).toContain('spend');
    expect(screen.result?.training.report.columns).not.toContain('gender');
  });

  it('leaves flagged columns out unless ticked, and includes them when ticked', async () => {
    const { screen, trainOptions } = screenOn(shared('bank-churners.csv'));
    expect(screen.target).toBe('Attrition_Flag');
    await ready(screen);
    expect(screen.positive).toBe('Attrited Customer');
    expect(screen.isTicked('CLIENTNUM')).toBe(false);
    expect(screen.flagOf('CLIENTNUM')?.reason).toBe('id');
    screen.tick('CLIENTNUM', true);
    await screen.train();
    expect(trainOptions[0].include).toEqual(['CLIENTNUM']);
    expect(trainOptions[0].exclude).toEqual([]);
  });

  it('a cancelled run says so and changes nothing; the next run works', async () => {
    const { screen, release } = screenOn(telco, true);
    await ready(screen);
    const run = screen.train();
    expect(screen.running).toBe(true);
    expect(screen.canTrain).toBe(false);
    screen.cancel();
    await run;
    expect(screen.job).toEqual({ status: 'cancelled' });
    expect(screen.result).toBeNull();

    const again = screen.train();
    release();
    await again;
    expect(screen.job.status).toBe('done');
    expect(screen.result).not.toBeNull();
  });

  it('keeps the results for the same data set renamed, and starts afresh for another one', async () => {
    const { screen } = screenOn(telco);
    await ready(screen);
    await screen.train();
    const result = screen.result;
    screen.useDataset({ id: 'ds-1', dataset: { ...telco, name: 'renamed.csv' }, summaries: [] });
    expect(screen.result).toBe(result);
    expect(screen.dataset?.name).toBe('renamed.csv');

    const bank = shared('bank-churners.csv');
    screen.useDataset({ id: 'ds-2', dataset: bank, summaries: [] });
    expect(screen.result).toBeNull();
    expect(screen.job).toEqual({ status: 'idle' });
    expect(screen.target).toBe('Attrition_Flag');
    screen.useDataset(null);
    expect(screen.dataset).toBeNull();
    expect(screen.target).toBe('');
  });

  it('says before training when the target has one class or too many', async () => {
    const { screen } = screenOn(telco);
    await ready(screen);
    screen.chooseTarget('MonthlyCharges');
    await vi.waitFor(() => expect(screen.classes).not.toBeNull());
    expect(screen.targetProblem).toMatchObject({ code: 'CHURN_TOO_MANY_CLASSES', params: { column: 'MonthlyCharges' } });
    expect(screen.canTrain).toBe(false);
  });
});
