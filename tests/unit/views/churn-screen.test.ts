import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ChurnScreen } from '../../../src/views/churn/churn.svelte';
import { churnWorkerApi, type ChurnTrainOptions, type ChurnWorkerApi } from '../../../src/workers/churn-api';
import { CANCELLED, type WorkerClient } from '../../../src/lib/worker-client';
import { currentLocale, setLocale } from '../../../src/lib/i18n/i18n';
import type { Dataset } from '../../../src/core';
import { crossValidateChurn } from '../../../src/core/churn/train-churn-model';
import { fail, ok } from '../../../src/core/shared/result';
import { parsed } from '../../helpers/datasets';

const initialLocale = currentLocale();
beforeEach(() => setLocale('en-US'));
afterAll(() => setLocale(initialLocale));

const shared = (name: string) => parsed(new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data', name))));
const telco = { ...shared('telco-churn.csv'), name: 'telco-churn.csv' };

/**
 * A worker client that runs the worker's api in this thread. Training (or any method named
 * in `hold`) can be held until the test releases it, so a run can be cancelled while it
 * "runs"; an abort answers CANCELLED as the real client does.
 */
function fakeClient(hold: boolean | (keyof ChurnWorkerApi)[] = false) {
  const held = new Set<keyof ChurnWorkerApi>(hold === true ? ['train'] : hold === false ? [] : hold);
  const trainOptions: ChurnTrainOptions[] = [];
  const releases: (() => void)[] = [];
  const call = vi.fn(async (signal: AbortSignal | undefined, method: keyof ChurnWorkerApi, ...args: unknown[]) => {
    if (signal?.aborted) return CANCELLED;
    if (method === 'train') trainOptions.push(args[1] as ChurnTrainOptions);
    if (held.has(method)) {
      const aborted = await new Promise<boolean>((done) => {
        releases.push(() => done(false));
        signal?.addEventListener('abort', () => done(true));
      });
      if (aborted) return CANCELLED;
    }
    return (churnWorkerApi[method] as (...a: unknown[]) => unknown)(...args);
  });
  const client = { call, terminate() {} } as unknown as WorkerClient<ChurnWorkerApi>;
  return { client, call, trainOptions, release: () => releases.pop()?.() };
}

/** The other data sets of the workspace, by id, as the screen's loader finds them. */
const messy = { ...shared('telco-churn-messy.csv'), name: 'telco-churn-messy.csv' };
const stored: Record<string, Dataset> = {
  'ds-2': messy,
  'ds-3': { ...messy, name: 'no-tenure.csv', columns: messy.columns.filter((c) => c.name !== 'tenure') },
};

function screenOn(dataset: Dataset, hold: boolean | (keyof ChurnWorkerApi)[] = false) {
  const fake = fakeClient(hold);
  const saved: { name: string; text: string; type?: string }[] = [];
  const loadDataset = vi.fn(async (id: string) => (stored[id] ? ok(stored[id]) : fail<Dataset>('DATASET_NOT_FOUND', `No saved data set ${id}.`, { id })));
  const screen = new ChurnScreen({ client: fake.client, save: (name, text, type) => saved.push({ name, text, type }), loadDataset });
  screen.useDataset({ id: 'ds-1', dataset, summaries: [] });
  screen.settings.trees = 5;
  return { screen, saved, loadDataset, ...fake };
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
  it('does not cross-validate unless asked', async () => {
    const { screen, call } = screenOn(telco);
    await ready(screen);
    await screen.train();
    expect(call.mock.calls.map((c) => c[1])).not.toContain('crossValidate');
    expect(screen.result?.crossValidation).toBeNull();
    expect(screen.job).not.toHaveProperty('folds');
  });

  it('cross-validates after training with the same options: results first, then the folds as a second phase', async () => {
    const { screen, call, trainOptions, release } = screenOn(telco, ['crossValidate']);
    await ready(screen);
    screen.settings.crossValidate = true;
    screen.settings.folds = 3;
    const run = screen.train();
    await vi.waitFor(() => expect(screen.result).not.toBeNull());
    // Training is done and shown; the folds run on (5 trees × 3 folds).
    expect(screen.job).toEqual({ status: 'running', progress: { phase: 'folds', done: 0, total: 15, fold: 1, folds: 3 } });
    expect(screen.running).toBe(true);
    expect(screen.canTrain).toBe(false);
    expect(screen.result?.crossValidation).toBeNull();
    release();
    await run;
    expect(screen.job).toMatchObject({ status: 'done', trees: 5, folds: 3 });
    const cvCall = call.mock.calls.find((c) => c[1] === 'crossValidate')!;
    expect(cvCall[3]).toBe(trainOptions[0]);
    expect(cvCall[4]).toBe(3);
    const direct = crossValidateChurn(telco, trainOptions[0], 3);
    expect(direct.ok && screen.result?.crossValidation).toEqual(direct.ok && direct.value);
    expect(screen.result?.crossValidation?.accuracy.values).toHaveLength(3);
  });

  it('cancelling the cross-validation keeps the trained model and its results', async () => {
    const { screen } = screenOn(telco, ['crossValidate']);
    await ready(screen);
    screen.settings.crossValidate = true;
    const run = screen.train();
    await vi.waitFor(() => expect(screen.job).toMatchObject({ status: 'running', progress: { phase: 'folds' } }));
    const result = screen.result;
    screen.cancel();
    await run;
    expect(screen.job).toEqual({ status: 'cancelled', phase: 'folds' });
    expect(screen.result).toBe(result);
    expect(screen.result?.crossValidation).toBeNull();
    expect(screen.trained).not.toBeNull();
  });

  it('does not train with a fold count outside 2–10 when cross-validation is on', async () => {
    const { screen, trainOptions } = screenOn(telco);
    await ready(screen);
    screen.settings.folds = 11;
    screen.settings.crossValidate = true;
    await screen.train();
    expect(trainOptions).toEqual([]);
    expect(screen.problems.map((p) => p.field)).toEqual(['folds']);
    screen.settings.crossValidate = false;
    expect(screen.problems).toEqual([]);
  });

  it('scores another data set of the workspace with the model it sends, and exports it like the training data set', async () => {
    const { screen, saved, call, loadDataset } = screenOn(telco);
    await ready(screen);
    expect(screen.trained).toBeNull();
    await screen.train();
    expect(screen.trained).toMatchObject({ datasetId: 'ds-1', datasetName: 'telco-churn.csv', trees: 5 });
    await screen.scoreDataset('ds-2', 'telco-churn-messy.csv');
    expect(loadDataset).toHaveBeenCalledWith('ds-2');
    const scoreCall = call.mock.calls.find((c) => c[1] === 'score')!;
    expect(scoreCall[2]).toBe(screen.result!.training.report.model);
    expect(scoreCall[3]).toBe(messy);
    const scoring = screen.scoring;
    if (scoring.status !== 'done') throw new Error(`scoring ${scoring.status}`);
    expect(scoring.datasetId).toBe('ds-2');
    expect(scoring.scored.rows.order.length).toBe(7043);
    expect(scoring.scored.idColumn?.name).toBe('customerID');
    screen.threshold = 0.4;
    const flagged = Array.from(scoring.scored.rows.scores).filter((p) => p >= 0.4).length;
    expect(screen.scoredFlagged).toBe(flagged);

    screen.exportScoredDataset();
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('telco-churn-messy churn scores.csv');
    const lines = saved[0].text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFcustomerID,Churn probability,Flagged');
    expect(lines).toHaveLength(7044);
    expect(lines.slice(1).filter((line) => line.endsWith(',yes'))).toHaveLength(flagged);
    const probabilities = lines.slice(1).map((line) => Number(line.split(',')[1]));
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
  });

  it('shows the engine’s CHURN_MISSING_COLUMN when the data set lacks a column the model needs', async () => {
    const { screen, saved } = screenOn(telco);
    await ready(screen);
    await screen.train();
    await screen.scoreDataset('ds-3', 'no-tenure.csv');
    expect(screen.scoring).toMatchObject({ status: 'error', stage: 'score', datasetName: 'no-tenure.csv', error: { code: 'CHURN_MISSING_COLUMN', params: { column: 'tenure' } } });
    screen.exportScoredDataset();
    expect(saved).toEqual([]);
  });

  it('says when a data set cannot be loaded, and does nothing without a trained model', async () => {
    const { screen, call } = screenOn(telco);
    await ready(screen);
    await screen.scoreDataset('ds-2', 'telco-churn-messy.csv');
    expect(screen.scoring).toEqual({ status: 'idle' });
    await screen.train();
    await screen.scoreDataset('gone', 'gone.csv');
    expect(screen.scoring).toMatchObject({ status: 'error', stage: 'load', datasetName: 'gone.csv', error: { code: 'DATASET_NOT_FOUND' } });
    expect(call.mock.calls.map((c) => c[1])).not.toContain('score');
  });

  it('keeps the last model when another data set opens, scores with it, and replaces it with the next one trained', async () => {
    const { screen } = screenOn(telco);
    await ready(screen);
    await screen.train();
    const model = screen.result!.training.report.model;
    screen.useDataset({ id: 'ds-2', dataset: messy, summaries: [] });
    expect(screen.result).toBeNull();
    expect(screen.trained).toMatchObject({ model, datasetId: 'ds-1', datasetName: 'telco-churn.csv' });
    // The open data set is the other one now; the kept model scores it.
    await screen.scoreDataset('ds-2', 'telco-churn-messy.csv');
    expect(screen.scoring.status).toBe('done');

    await ready(screen);
    expect(screen.flagOf('customerID')?.reason).toBe('id');
    await screen.train();
    expect(screen.trained).toMatchObject({ datasetId: 'ds-2', datasetName: 'telco-churn-messy.csv' });
    expect(screen.trained?.model).not.toBe(model);
    // Scores of the replaced model are gone.
    expect(screen.scoring).toEqual({ status: 'idle' });
  });

  describe('model files', () => {
    /** A trained screen and the text of its model file, as "Download the model" saves it. */
    async function trainedModelFile() {
      const trained = screenOn(telco);
      await ready(trained.screen);
      await trained.screen.train();
      await trained.screen.downloadModel();
      return { ...trained, file: trained.saved[0] };
    }

    it('downloads the model the results show as “<data set>-churn-model.json”, written in the worker', async () => {
      const { screen, call, file } = await trainedModelFile();
      const modelCall = call.mock.calls.find((c) => c[1] === 'modelToJson')!;
      expect(modelCall[2]).toBe(screen.result!.training.report.model);
      expect(file.name).toBe('telco-churn-churn-model.json');
      expect(file.type).toBe('application/json');
      expect(file.text.startsWith('{"kind":"b2b-strategy-lab/churn-model"')).toBe(true);
      expect(screen.modelSave).toEqual({ status: 'done', fileName: 'telco-churn-churn-model.json' });
      screen.dismissModelSave();
      expect(screen.modelSave).toEqual({ status: 'idle' });
    });

    it('downloads the kept model when another data set is open, and nothing without a model', async () => {
      const { screen, saved } = screenOn(telco);
      await ready(screen);
      expect(screen.downloadable).toBeNull();
      await screen.downloadModel();
      expect(saved).toEqual([]);
      await screen.train();
      screen.useDataset({ id: 'ds-2', dataset: messy, summaries: [] });
      expect(screen.result).toBeNull();
      expect(screen.downloadable?.model).toBe(screen.trained!.model);
      await screen.downloadModel();
      expect(saved.map((f) => f.name)).toEqual(['telco-churn-churn-model.json']);
    });

    it('loads a saved model file after a reload: it is the kept model and scores a data set exactly like the original', async () => {
      const original = await trainedModelFile();
      await original.screen.scoreDataset('ds-2', 'telco-churn-messy.csv');
      if (original.screen.scoring.status !== 'done') throw new Error('not scored');
      const expected = original.screen.scoring.scored.rows;

      // A fresh screen, as after reloading the page: no model is kept.
      const { screen, call } = screenOn(messy);
      await ready(screen);
      expect(screen.trained).toBeNull();
      await screen.loadModelFile(new File([original.file.text], original.file.name, { type: 'application/json' }));
      const loadCall = call.mock.calls.find((c) => c[1] === 'modelFromJson')!;
      expect(loadCall[2]).toBeInstanceOf(File);
      expect(screen.modelLoad).toEqual({ status: 'done', fileName: 'telco-churn-churn-model.json' });
      expect(screen.trained).toMatchObject({ source: 'file', fileName: 'telco-churn-churn-model.json', trees: 5 });
      expect(screen.trained!.model.target).toBe('Churn');
      // A loaded model is a file already: only a trained one is offered for download.
      expect(screen.downloadable).toBeNull();

      await screen.scoreDataset('ds-2', 'telco-churn-messy.csv');
      if (screen.scoring.status !== 'done') throw new Error(`scoring ${screen.scoring.status}`);
      expect(screen.scoring.scored.rows.scores).toEqual(expected.scores);
      expect(screen.scoring.scored.rows.order).toEqual(expected.order);
    });

    it('shows the engine’s reason for a file that is not a model, and keeps the current model', async () => {
      const { screen } = screenOn(telco);
      await ready(screen);
      await screen.train();
      const kept = screen.trained;
      await screen.loadModelFile(new File(['{"customers": [1, 2, 3]}'], 'garbage.json'));
      expect(screen.modelLoad).toMatchObject({
        status: 'error',
        fileName: 'garbage.json',
        error: { code: 'MODEL_FILE_INVALID', params: { reason: 'it is not a churn model of this app' } },
      });
      expect(screen.trained).toBe(kept);
      screen.dismissModelLoad();
      expect(screen.modelLoad).toEqual({ status: 'idle' });
    });

    it('a loaded model replaces the scores of the one before; the next training replaces it', async () => {
      const { screen, file } = await trainedModelFile();
      await screen.scoreDataset('ds-2', 'telco-churn-messy.csv');
      expect(screen.scoring.status).toBe('done');
      await screen.loadModelFile(new File([file.text], 'saved.json'));
      expect(screen.scoring).toEqual({ status: 'idle' });
      expect(screen.trained).toMatchObject({ source: 'file', fileName: 'saved.json' });
      // The results still show the trained model, and download that one.
      expect(screen.downloadable?.model).toBe(screen.result!.training.report.model);

      await screen.train();
      expect(screen.trained).toMatchObject({ source: 'training', datasetId: 'ds-1' });
      expect(screen.modelLoad).toEqual({ status: 'idle' });
    });

    it('neither saves nor loads while a training runs; a failed save says why', async () => {
      const { screen, call, saved, release } = screenOn(telco, true);
      await ready(screen);
      const run = screen.train();
      release();
      await run;
      const again = screen.train();
      await screen.downloadModel();
      await screen.loadModelFile(new File(['{}'], 'x.json'));
      expect(screen.modelSave).toEqual({ status: 'idle' });
      expect(screen.modelLoad).toEqual({ status: 'idle' });
      release();
      await again;

      call.mockResolvedValueOnce({ ok: false, error: { code: 'WORKER_CRASHED', message: 'gone' } });
      await screen.downloadModel();
      expect(screen.modelSave).toMatchObject({ status: 'error', fileName: 'telco-churn-churn-model.json', error: { code: 'WORKER_CRASHED' } });
      expect(saved).toEqual([]);
    });
  });
});
