import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ForecastScreen } from '../../../src/views/forecast/forecast.svelte';
import { forecastWorkerApi, type ForecastWorkerApi } from '../../../src/workers/forecast-api';
import { CANCELLED, type WorkerClient } from '../../../src/lib/worker-client';
import { createMemoryStore, type KvStore } from '../../../src/lib/persistence/idb';
import { currentLocale, setLocale } from '../../../src/lib/i18n/i18n';
import type { Dataset } from '../../../src/core';
import { parsed } from '../../helpers/datasets';
import { rollingOrigin, type Forecaster } from '../../../src/core/forecast/evaluate';
import { minimumLength, modelSpec } from '../../../src/core/forecast/models';
import { ok } from '../../../src/core/shared/result';
import { backtestMinimumStart, baselinesFor, evaluationMinimumTraining } from '../../../src/views/forecast/baselines';
import { forecastTotals, totalGroups, type ForecastTotal } from '../../../src/core/forecast/forecast-totals';

const initialLocale = currentLocale();
beforeEach(() => setLocale('en-US'));
afterAll(() => setLocale(initialLocale));

const champagne = { ...parsed(new Uint8Array(readFileSync(resolve(process.cwd(), 'public/samples/champagne-sales.csv')))), name: 'champagne-sales.csv' };
const VALUE = 'Perrin Freres monthly champagne sales millions ?64-?72';

/**
 * A worker client that runs the worker's api in this thread; the methods named in `hold`
 * wait until the test releases them (one release per call, oldest first), and an abort
 * answers CANCELLED as the real client does.
 */
function fakeClient(hold: (keyof ForecastWorkerApi)[] = []) {
  const held = new Set(hold);
  const releases: (() => void)[] = [];
  const call = vi.fn(async (signal: AbortSignal | undefined, method: keyof ForecastWorkerApi, ...args: unknown[]) => {
    if (signal?.aborted) return CANCELLED;
    if (held.has(method)) {
      const aborted = await new Promise<boolean>((done) => {
        const release = () => done(false);
        releases.push(release);
        signal?.addEventListener('abort', () => {
          releases.splice(releases.indexOf(release), 1);
          done(true);
        });
      });
      if (aborted) return CANCELLED;
    }
    return (forecastWorkerApi[method] as (...a: unknown[]) => unknown)(...args);
  });
  const client = { call, terminate() {} } as unknown as WorkerClient<ForecastWorkerApi>;
  return { client, call, release: () => releases.shift()?.(), waiting: () => releases.length };
}

function screenOn(dataset: Dataset, options: { hold?: (keyof ForecastWorkerApi)[]; store?: KvStore } = {}) {
  const fake = fakeClient(options.hold);
  const backtest = fakeClient(['backtest']);
  const saved: { name: string; text: string }[] = [];
  const store = options.store ?? createMemoryStore();
  const screen = new ForecastScreen({
    client: fake.client,
    backtestClient: backtest.client,
    save: (name, text) => saved.push({ name, text }),
    openStore: async () => store,
    now: () => new Date('2025-03-01T12:00:00.000Z'),
  });
  screen.useDataset({ id: 'ds-1', dataset, summaries: [] });
  return { screen, saved, store, backtest, ...fake };
}

const fitCalls = (call: ReturnType<typeof fakeClient>['call']) => call.mock.calls.filter((c) => c[1] === 'fit');

describe('ForecastScreen', () => {
  it('guesses the columns, the period and the season of the champagne sample, and forecasts a year', async () => {
    const { screen } = screenOn(champagne);
    expect(screen.dateColumn).toBe('Month');
    expect(screen.valueColumn).toBe(VALUE);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    expect(screen.unit).toBe('month');
    expect(screen.seasonChoice).toBe('detected');
    expect(screen.seasonLength).toBe(12);
    expect(screen.horizon).toBe(12);
    expect(screen.holdout).toBe(12);
    const result = screen.result!;
    expect(result.outcome.forecast.model).toBe('holt-winters-multiplicative');
    expect(result.outcome.futurePeriods).toHaveLength(12);
    expect(result.outcome.holdout?.ok && result.outcome.holdout.value.model.accuracy.mae).toBeCloseTo(400.08, 1);
    // The model has a season: the baselines use it.
    expect(result.baselines).toEqual({ period: 12, from: 'model', tooShortFor: null });
    expect(result.outcome.holdout?.ok && result.outcome.holdout.value.period).toBe(12);
  });

  it('runs one fit at a time: while one runs, only the latest slider position waits', async () => {
    const { screen, call, release, waiting } = screenOn(champagne, { hold: ['fit'] });
    await vi.waitFor(() => expect(waiting()).toBe(1));
    for (const alpha of [0.1, 0.2, 0.3, 0.4, 0.5]) screen.setWeightValue('alpha', alpha);
    expect(fitCalls(call)).toHaveLength(1);
    release();
    await vi.waitFor(() => expect(waiting()).toBe(1));
    // The first fit's result shows while the next one runs.
    expect(screen.result?.outcome.forecast.params.alpha).not.toBe(0.5);
    expect(fitCalls(call)).toHaveLength(2);
    expect((fitCalls(call)[1][5] as { alpha?: number }).alpha).toBe(0.5);
    release();
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    expect(screen.result?.outcome.forecast.params.alpha).toBe(0.5);
    expect(screen.result?.outcome.forecast.fittedParams).not.toContain('alpha');
    expect(fitCalls(call)).toHaveLength(2);
  });

  it('keeps γ ≤ 1 − α when both are set by hand', async () => {
    const { screen } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    screen.setWeightValue('gamma', 0.8);
    screen.setWeightValue('alpha', 0.5);
    expect(screen.weights.gamma).toEqual({ fit: false, value: 0.5 });
    expect(screen.weightMax('gamma')).toBe(0.5);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    expect(screen.result?.outcome.forecast.params).toMatchObject({ alpha: 0.5, gamma: 0.5 });
  });

  it('holds a fitted weight at its value when "Fitted" is unticked, and fits it again when ticked', async () => {
    const { screen } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    const fitted = screen.result!.outcome.forecast.params.alpha;
    screen.setWeightFit('alpha', false);
    expect(screen.weights.alpha).toEqual({ fit: false, value: Math.round(fitted * 100) / 100 });
    screen.setWeightFit('alpha', true);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    expect(screen.result?.outcome.forecast.params.alpha).toBe(fitted);
  });

  it('refuses a text column as the values and keeps the choice', async () => {
    const { screen } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    screen.chooseValueColumn('Month');
    await vi.waitFor(() => expect(screen.seriesJob.status).toBe('error'));
    expect(screen.seriesJob.status === 'error' && screen.seriesJob.error.code).toBe('SERIES_VALUE_NOT_NUMERIC');
    expect(screen.valueColumn).toBe('Month');
    expect(screen.result).toBeNull();
    screen.chooseHow('count');
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    expect(screen.result?.series.series.values.every((v) => v === 1)).toBe(true);
  });

  it('says a season is too long for the series, with the engine’s suggestion, and keeps the settings', async () => {
    const { screen } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    screen.chooseModel('holt-winters-multiplicative');
    screen.chooseSeason('custom');
    screen.setCustomSeason(48);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('error'));
    const job = screen.fitJob;
    expect(job.status === 'error' && job.error.code).toBe('FORECAST_TOO_FEW_SEASONS');
    expect(job.status === 'error' && job.error.params?.suggestedModel).toBe('holt');
    expect(screen.model).toBe('holt-winters-multiplicative');
    expect(screen.seasonLength).toBe(48);
    screen.chooseModel('holt');
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    expect(screen.result?.outcome.forecast.model).toBe('holt');
  });

  it('does not fit a horizon or hold-out out of range, and says which', async () => {
    const { screen, call } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    const before = fitCalls(call).length;
    screen.setHorizon(0);
    screen.setHoldout(94);
    expect(screen.problems).toEqual(['horizon', 'holdout']);
    expect(fitCalls(call).length).toBe(before);
    screen.setHorizon(6);
    screen.setHoldout(6);
    await vi.waitFor(() => expect(screen.result?.outcome.futurePeriods).toHaveLength(6));
  });

  it('exports the forecast as CSV named after the data set and the column', async () => {
    const { screen, saved } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    screen.keep.exportCsv();
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('champagne-sales forecast Perrin Freres monthly champagne sales millions _64-_72.csv');
    const lines = saved[0].text.slice(1).split('\r\n');
    expect(lines[0]).toBe('period,forecast,lower80,upper80,lower95,upper95');
    expect(lines).toHaveLength(13);
    expect(lines[1].startsWith('1971-11,')).toBe(true);
  });

  it('keeps the forecast for the plan, and another screen on the same store finds it', async () => {
    const { screen, store } = screenOn(champagne);
    await screen.keep.load();
    expect(screen.keep.state.status).toBe('none');
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    await screen.keep.keepForPlan();
    expect(screen.keep.state.status).toBe('kept');
    expect(screen.keep.isShown()).toBe(true);
    expect(screen.keep.storeMode).toBe('memory');
    const kept = screen.keep.state.status === 'kept' ? screen.keep.state.record : null;
    expect(kept?.savedAt).toBe('2025-03-01T12:00:00.000Z');
    expect(kept?.forecast).toMatchObject({
      model: 'holt-winters-multiplicative',
      seasonLength: 12,
      lastPeriod: '1971-10',
      lastValue: 6981,
      holdoutSize: 12,
      source: { datasetId: 'ds-1', datasetName: 'champagne-sales.csv', dateColumn: 'Month', valueColumn: VALUE, period: 'month', how: 'sum' },
    });
    expect(kept?.forecast.periods[0]).toBe('1971-11');
    // The series fitted is kept with it, so a re-plan can refit: its periods end at lastPeriod.
    expect(kept?.forecast.history?.values).toEqual(screen.result?.series.series.values);
    expect(kept?.forecast.history?.periods.at(-1)).toBe('1971-10');
    expect(kept?.forecast.history?.periods).toHaveLength(kept?.forecast.history?.values.length ?? -1);

    // A weight set by hand makes another forecast: the kept one is no longer the one shown.
    screen.setWeightValue('alpha', 0.3);
    await vi.waitFor(() => expect(screen.result?.outcome.forecast.params.alpha).toBe(0.3));
    expect(screen.keep.isShown()).toBe(false);

    const later = screenOn(champagne, { store }).screen;
    await later.keep.load();
    expect(later.keep.state.status === 'kept' && later.keep.state.record.forecast.model).toBe('holt-winters-multiplicative');
  });

  it('backtests in its own worker and can be cancelled', async () => {
    const { screen, backtest } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    expect(screen.backtest.startShown).toBe(58);
    const running = screen.backtest.run();
    expect(screen.backtest.job.status).toBe('running');
    screen.backtest.cancel();
    await running;
    expect(screen.backtest.job.status).toBe('cancelled');
    expect(screen.backtest.result).toBeNull();

    screen.backtest.setStep(6);
    const again = screen.backtest.run();
    await vi.waitFor(() => expect(backtest.waiting()).toBe(1));
    backtest.release();
    await again;
    expect(screen.backtest.job.status === 'done' && screen.backtest.job.origins).toBe(5);
    expect(screen.backtest.result?.model).toBe('auto');
    expect(screen.backtest.stale).toBe(false);
    // The forecast horizon is no part of a backtest (it forecasts the hold-out size ahead).
    screen.setHorizon(6);
    expect(screen.backtest.stale).toBe(false);
    screen.setHoldout(6);
    expect(screen.backtest.stale).toBe(true);
  });

  it('marks a backtest stale once its first training length, step or model settings change, and fresh when they come back', async () => {
    const { screen, backtest } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    screen.backtest.setStep(3);
    const run = screen.backtest.run();
    await vi.waitFor(() => expect(backtest.waiting()).toBe(1));
    backtest.release();
    await run;
    expect(screen.backtest.result?.evaluation.model.origins).toHaveLength(9);
    expect(screen.backtest.stale).toBe(false);

    // The reviewer's case: another first training length gives other origins than the table's.
    screen.backtest.setStart(24);
    expect(screen.backtest.origins).toBe(20);
    expect(screen.backtest.stale).toBe(true);
    screen.backtest.setStart(null);
    expect(screen.backtest.stale).toBe(false);
    screen.backtest.setStep(1);
    expect(screen.backtest.stale).toBe(true);
    screen.backtest.setStep(3);
    expect(screen.backtest.stale).toBe(false);
    screen.chooseModel('holt-winters-additive');
    expect(screen.backtest.stale).toBe(true);
    screen.chooseModel('auto');
    expect(screen.backtest.stale).toBe(false);
    screen.setWeightValue('alpha', 0.2);
    expect(screen.backtest.stale).toBe(true);
  });

  it('refuses a backtest start or step that cannot be used', async () => {
    const { screen } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    screen.backtest.setStart(90);
    expect(screen.backtest.valid).toBe(false);
    screen.backtest.setStart(null);
    screen.backtest.setStep(NaN);
    expect(screen.backtest.valid).toBe(false);
    await screen.backtest.run();
    expect(screen.backtest.job.status).toBe('idle');
  });

  it('refuses a first training length below what the evaluation and the model need', async () => {
    const { screen, backtest } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    // Automatic with a season of 12: the seasonal-naive needs 12 values and the MASE one more.
    expect(screen.backtest.minStart).toBe(13);
    expect(screen.backtest.maxStart).toBe(82);
    for (const start of [2, 5, 12]) {
      screen.backtest.setStart(start);
      expect(screen.backtest.valid).toBe(false);
    }
    await screen.backtest.run();
    expect(backtest.call).not.toHaveBeenCalled();
    screen.backtest.setStart(13);
    expect(screen.backtest.valid).toBe(true);
    // A Holt–Winters model needs two whole seasons.
    screen.chooseModel('holt-winters-additive');
    expect(screen.backtest.minStart).toBe(24);
    expect(screen.backtest.valid).toBe(false);
    // No season: the baselines take the usual season of months, so the minimum stays 13.
    screen.chooseModel('holt');
    screen.chooseSeason('none');
    expect(screen.backtest.baselines).toEqual({ period: 12, from: 'unit', tooShortFor: null });
    expect(screen.backtest.minStart).toBe(13);
    expect(screen.backtest.valid).toBe(true);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    const run = screen.backtest.run();
    await vi.waitFor(() => expect(backtest.waiting()).toBe(1));
    backtest.release();
    await run;
    // The worker was asked for baselines of 12, and the shortest start it was told is accepted.
    expect((backtest.call.mock.calls[0][4] as { period: number }).period).toBe(12);
    expect(screen.backtest.job.status).toBe('done');
    expect(screen.backtest.result?.evaluation.period).toBe(12);
    expect(screen.backtest.result?.evaluation.initial).toBe(13);
    expect(screen.backtest.result?.evaluation.seasonalNaive.origins).toHaveLength(82 - 13 + 1);
  });

  it('in automatic mode, a weight set by hand first makes the model shown the chosen one, and the model stays', async () => {
    const { screen, call } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    expect(screen.model).toBe('auto');
    const shown = screen.shownModel!.id;
    expect(shown).toBe('holt-winters-multiplicative');
    screen.setWeightValue('alpha', 0.3);
    expect(screen.model).toBe(shown);
    expect(screen.modelHeldForWeight).toBe(shown);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    const options = fitCalls(call).at(-1)![5] as { model: string; alpha?: number };
    expect(options).toMatchObject({ model: shown, alpha: 0.3 });
    expect(screen.result?.outcome.forecast.model).toBe(shown);
    expect(screen.result?.outcome.forecast.params.alpha).toBe(0.3);
    // Choosing a model by hand clears the note.
    screen.chooseModel('auto');
    expect(screen.modelHeldForWeight).toBeNull();
  });

  it('unticking "Fitted" in automatic mode holds the model shown too', async () => {
    const { screen } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    screen.setWeightFit('gamma', false);
    expect(screen.model).toBe('holt-winters-multiplicative');
    expect(screen.weights.gamma.fit).toBe(false);
    // Ticking it again changes nothing else.
    screen.setWeightFit('gamma', true);
    expect(screen.model).toBe('holt-winters-multiplicative');
  });

  it('leaves no weight set by hand that the chosen model does not use, and none in automatic mode', async () => {
    const { screen, call } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    screen.chooseModel('holt-winters-additive-damped');
    screen.setWeightValue('alpha', 0.2);
    screen.setWeightValue('gamma', 0.3);
    screen.setWeightValue('phi', 0.9);
    expect(screen.anyWeightSet).toBe(true);
    // Holt (linear trend) has no γ and no φ: they are fitted again, α stays set.
    screen.chooseModel('holt');
    expect(screen.weights.gamma.fit).toBe(true);
    expect(screen.weights.phi.fit).toBe(true);
    expect(screen.weights.alpha).toEqual({ fit: false, value: 0.2 });
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    const options = fitCalls(call).at(-1)![5] as Record<string, unknown>;
    expect(options).toMatchObject({ model: 'holt', alpha: 0.2 });
    expect(options).not.toHaveProperty('gamma');
    expect(options).not.toHaveProperty('phi');
    // The automatic choice fits every weight.
    screen.chooseModel('auto');
    expect(screen.anyWeightSet).toBe(false);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    const auto = fitCalls(call).at(-1)![5] as Record<string, unknown>;
    for (const name of ['alpha', 'beta', 'gamma', 'phi']) expect(auto).not.toHaveProperty(name);
    expect(screen.result?.outcome.forecast.fittedParams.length).toBe(Object.keys(screen.result!.outcome.forecast.params).length);
  });

  it('fits every weight again, α, β, γ and φ alike', async () => {
    const { screen } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    screen.chooseModel('holt-winters-additive-damped');
    for (const name of ['alpha', 'beta', 'gamma', 'phi'] as const) screen.setWeightValue(name, 0.1 + (name === 'phi' ? 0.8 : 0));
    expect(Object.values(screen.weights).every((w) => !w.fit)).toBe(true);
    screen.fitAllWeights();
    expect(Object.values(screen.weights).every((w) => w.fit)).toBe(true);
    expect(screen.anyWeightSet).toBe(false);
  });

  it('judges a model without a season against the seasonal-naive of the usual season (12 months), MASE scaled by it', async () => {
    const { screen, call } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    const seasonal = screen.result!.outcome.holdout!;
    screen.chooseSeason('none');
    await vi.waitFor(() => expect(screen.result?.request.season).toBe(1));
    const result = screen.result!;
    // The screen asks the worker for baselines of the unit's usual season.
    expect(result.baselines).toEqual({ period: 12, from: 'unit', tooShortFor: null });
    expect(fitCalls(call).at(-1)?.[8]).toBe(12);
    const test = result.outcome.holdout!;
    expect(test.ok).toBe(true);
    if (!test.ok || !seasonal.ok) return;
    expect(test.value.period).toBe(12);
    // The seasonal-naive does not depend on the model: the same as with the season of 12.
    expect(test.value.seasonalNaive.accuracy.mae).toBe(seasonal.value.seasonalNaive.accuracy.mae);
    expect(test.value.model.accuracy.masePeriod).toBe(12);
    expect(test.value.verdict.key).not.toMatch(/verdict\.(beatsNaive|notNaive)$/);
  });

  it('works the example of the strategy text by hand: S_1 = 1000, S_2 = 1060, S_3 = 1144', () => {
    const { screen } = screenOn(champagne);
    screen.openWorkedExample();
    expect(screen.workedOpen).toBe(true);
    expect(screen.workedLevels).toEqual([1000, 1060, 1144]);
    screen.workedAlpha = 0.5;
    expect(screen.workedLevels).toEqual([1000, 1050, 1125]);
  });

  it('starts afresh on another data set, and has nothing to fit without one', async () => {
    const { screen } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    const ledger = parsed('Date,Region,Amount\n2024-01-05,North,10\n2024-01-20,South,4\n2024-02-03,North,12\n2024-03-10,North,9\n2024-03-11,South,5\n');
    screen.useDataset({ id: 'ds-2', dataset: ledger, summaries: [] });
    expect(screen.result).toBeNull();
    expect(screen.valueColumn).toBe('Amount');
    expect(screen.filterColumns).toEqual(['Region']);
    await vi.waitFor(() => expect(screen.seriesJob.status).toBe('done'));
    expect(screen.unit).toBe('month');
    expect(screen.series?.series.values).toEqual([14, 12, 14]);
    screen.chooseFilterColumn('Region');
    expect(screen.filterValues).toEqual(['North', 'South']);
    screen.chooseFilterValue('North');
    await vi.waitFor(() => expect(screen.series?.series.values).toEqual([10, 12, 9]));
    screen.useDataset(null);
    expect(screen.dataset).toBeNull();
    expect(screen.series).toBeNull();
  });

  it('keeps a part-period and fills empty periods on a straight line when asked, through the worker, keeping the rest of the choices', async () => {
    // Daily sales of 10 from Monday 1 January 2024, none in the week of 15 January, and the
    // last week (from 12 February) covered only on its Monday to Wednesday.
    const lines = ['Day,Shop,Amount'];
    for (let d = new Date(Date.UTC(2024, 0, 1)); d <= new Date(Date.UTC(2024, 1, 14)); d.setUTCDate(d.getUTCDate() + 1)) {
      const day = d.toISOString().slice(0, 10);
      if (day >= '2024-01-15' && day <= '2024-01-21') continue;
      lines.push(`${day},North,10`);
    }
    const { screen, call } = screenOn(parsed(lines.join('\n') + '\n'));
    await vi.waitFor(() => expect(screen.seriesJob.status).toBe('done'));
    screen.chooseUnit('week');
    await vi.waitFor(() => expect(screen.series?.series.period).toBe('week'));
    await vi.waitFor(() => expect(screen.seriesJob.status).toBe('done'));
    const codes = () => screen.series!.series.details.map((note) => note.code);
    expect(screen.series!.series.values).toEqual([70, 70, 0, 70, 70, 70]);
    expect(codes()).toEqual(expect.arrayContaining(['SERIES_PARTIAL_DROPPED', 'SERIES_GAPS_ZERO']));
    expect(screen.hadPartial).toBe(true);
    expect(screen.hadGaps).toBe(true);

    const seriesCalls = () => call.mock.calls.filter((c) => c[1] === 'series');
    screen.chooseKeepPartial(true);
    expect(seriesCalls().at(-1)![3]).toMatchObject({ keepPartial: true, fill: 'zero', period: 'week', how: 'sum' });
    await vi.waitFor(() => expect(screen.series!.series.values).toEqual([70, 70, 0, 70, 70, 70, 30]));
    expect(codes()).toContain('SERIES_PARTIAL_KEPT');
    expect(codes()).not.toContain('SERIES_PARTIAL_DROPPED');

    screen.chooseFill('interpolate');
    expect(seriesCalls().at(-1)![3]).toMatchObject({ keepPartial: true, fill: 'interpolate', period: 'week' });
    await vi.waitFor(() => expect(screen.series!.series.values).toEqual([70, 70, 70, 70, 70, 70, 30]));
    expect(codes()).toContain('SERIES_GAPS_INTERPOLATED_TOTALS');
    expect(codes()).not.toContain('SERIES_GAPS_ZERO');
    // The rest of the selection stays, and the fit follows the new series.
    expect(screen.unit).toBe('week');
    expect(screen.how).toBe('sum');
    expect(screen.valueColumn).toBe('Amount');
    await vi.waitFor(() => expect(screen.fitJob.status).not.toBe('running'));
    const lastFit = fitCalls(call).at(-1);
    expect(lastFit?.[2]).toEqual([70, 70, 70, 70, 70, 70, 30]);

    // Another data set starts again from the defaults.
    screen.useDataset({ id: 'ds-2', dataset: champagne, summaries: [] });
    expect(screen.keepPartial).toBe(false);
    expect(screen.fill).toBe('zero');
    expect(screen.hadPartial).toBe(false);
  });
});

describe('baselinesFor', () => {
  it("takes the model's season, else the unit's usual one when the training values allow it, else none", () => {
    expect(baselinesFor(12, 12, 82)).toEqual({ period: 12, from: 'model', tooShortFor: null });
    expect(baselinesFor(3, 52, 82)).toEqual({ period: 3, from: 'model', tooShortFor: null });
    expect(baselinesFor(1, 12, 82)).toEqual({ period: 12, from: 'unit', tooShortFor: null });
    expect(baselinesFor(1, 4, 5)).toEqual({ period: 4, from: 'unit', tooShortFor: null });
    expect(baselinesFor(1, 4, 4)).toEqual({ period: 1, from: 'none', tooShortFor: 4 });
    expect(baselinesFor(1, 1, 30)).toEqual({ period: 1, from: 'none', tooShortFor: null });
  });
});

describe('evaluationMinimumTraining and backtestMinimumStart', () => {
  const series = Array.from({ length: 60 }, (_, i) => 100 + 10 * Math.sin((2 * Math.PI * i) / 12) + i);
  const naive: Forecaster = (train, horizon) => ok(new Array<number>(horizon).fill(train[train.length - 1]));

  it("is the engine's own minimum: rollingOrigin refuses one value fewer, with it as minTrain", () => {
    for (const period of [1, 4, 7, 12]) {
      const min = evaluationMinimumTraining(period);
      expect(rollingOrigin(series, { initial: min, horizon: 3, period }, naive).ok).toBe(true);
      const below = rollingOrigin(series, { initial: min - 1, horizon: 3, period }, naive);
      expect(below.ok).toBe(false);
      if (!below.ok) {
        expect(below.error.code).toBe('EVAL_TOO_SHORT');
        expect(below.error.params?.minTrain).toBe(min);
      }
    }
  });

  it('adds what the model needs to be fitted', () => {
    expect(backtestMinimumStart('auto', 12, 12)).toBe(13);
    expect(backtestMinimumStart('holt-winters-additive', 12, 12)).toBe(24);
    expect(backtestMinimumStart('holt', 1, 1)).toBe(Math.max(2, minimumLength(modelSpec('holt')!, 1)));
    expect(backtestMinimumStart('auto', 1, 1)).toBe(Math.max(2, minimumLength(modelSpec('ses')!, 1)));
  });
});

describe('forecastTotals', () => {
  const sum = (totals: ForecastTotal[]) => totals.map((t) => [t.kind, t.key, t.count, t.size, t.total]);

  it('totals months by calendar quarter and year, then the whole horizon, and says which are partial', () => {
    const periods = ['1971-11', '1971-12', '1972-01', '1972-02', '1972-03', '1972-04'];
    expect(sum(forecastTotals(periods, 'month', [1, 2, 3, 4, 5, 6]))).toEqual([
      ['quarter', '1971-Q4', 2, 3, 3],
      ['quarter', '1972-Q1', 3, 3, 12],
      ['quarter', '1972-Q2', 1, 3, 6],
      ['year', '1971', 2, 12, 3],
      ['year', '1972', 4, 12, 18],
      ['horizon', '', 6, 6, 21],
    ]);
    const whole = forecastTotals(periods, 'month', [1, 2, 3, 4, 5, 6]).at(-1)!;
    expect(whole).toMatchObject({ first: '1971-11', last: '1972-04', range: null });
  });

  it('counts a week in the quarter and year of its Thursday', () => {
    // 2020-W53 runs Mon 28 Dec 2020 – Sun 3 Jan 2021, Thursday 31 December: it is 2020's.
    expect(sum(forecastTotals(['2020-W53', '2021-W01'], 'week', [1, 2]))).toEqual([
      ['quarter', '2020-Q4', 1, 14, 1],
      ['quarter', '2021-Q1', 1, 12, 2],
      ['year', '2020', 1, 53, 1],
      ['year', '2021', 1, 52, 2],
      ['horizon', '', 2, 2, 3],
    ]);
  });

  it('totals days by quarter and year, quarters by year, and years only as a whole', () => {
    expect(sum(forecastTotals(['2024-12-31', '2025-01-01'], 'day', [1, 2]))).toEqual([
      ['quarter', '2024-Q4', 1, 92, 1],
      ['quarter', '2025-Q1', 1, 90, 2],
      ['year', '2024', 1, 366, 1],
      ['year', '2025', 1, 365, 2],
      ['horizon', '', 2, 2, 3],
    ]);
    expect(sum(forecastTotals(['2024-Q4', '2025-Q1'], 'quarter', [1, 2]))).toEqual([
      ['year', '2024', 1, 4, 1],
      ['year', '2025', 1, 4, 2],
      ['horizon', '', 2, 2, 3],
    ]);
    expect(sum(forecastTotals(['2024', '2025'], 'year', [1, 2]))).toEqual([['horizon', '', 2, 2, 3]]);
  });

  it('knows the steps of each group before the forecast, for the fit to range them', () => {
    expect(totalGroups(['2024-11', '2024-12', '2025-01'], 'month').map((group) => [group.key, group.steps])).toEqual([
      ['2024-Q4', [0, 1]],
      ['2025-Q1', [2]],
      ['2024', [0, 1]],
      ['2025', [2]],
      ['', [0, 1, 2]],
    ]);
  });

  it('fills each total’s range from the engine’s range of the same steps, and leaves the others without', () => {
    const periods = ['2024-11', '2024-12', '2025-01'];
    const range = (steps: number[], at: number) => ({ steps, total: 0, lower80: at - 1, upper80: at + 1, lower95: at - 2, upper95: at + 2 });
    // Matched by steps, not by order; 2025-Q1 and 2025 (both step 2) get the same range.
    const totals = forecastTotals(periods, 'month', [1, 2, 3], [range([0, 1, 2], 6), range([2], 3), range([0, 1], 3)]);
    expect(totals.map((total) => [total.key, total.total, total.range?.lower80 ?? null])).toEqual([
      ['2024-Q4', 3, 2],
      ['2025-Q1', 3, 2],
      ['2024', 3, 2],
      ['2025', 3, 2],
      ['', 6, 5],
    ]);
    expect(totals.at(-1)!.range).toEqual({ lower80: 5, upper80: 7, lower95: 4, upper95: 8 });
    expect(forecastTotals(periods, 'month', [1, 2, 3], [range([0, 1, 2], 6)]).map((total) => total.range !== null)).toEqual([false, false, false, false, true]);
  });

  it('has nothing for no periods and refuses figures of another length', () => {
    expect(forecastTotals([], 'month', [])).toEqual([]);
    expect(() => forecastTotals(['2024-01'], 'month', [1, 2])).toThrow(RangeError);
  });
});
