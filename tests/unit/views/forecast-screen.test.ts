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
    expect(result.outcome.holdout?.ok && result.outcome.holdout.value.model.accuracy.mae).toBeCloseTo(402.86, 1);
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
    screen.exportCsv();
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('champagne-sales forecast Perrin Freres monthly champagne sales millions _64-_72.csv');
    const lines = saved[0].text.slice(1).split('\r\n');
    expect(lines[0]).toBe('period,forecast,lower80,upper80,lower95,upper95');
    expect(lines).toHaveLength(13);
    expect(lines[1].startsWith('1971-11,')).toBe(true);
  });

  it('keeps the forecast for the plan, and another screen on the same store finds it', async () => {
    const { screen, store } = screenOn(champagne);
    await screen.loadKept();
    expect(screen.kept.status).toBe('none');
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    await screen.keepForPlan();
    expect(screen.kept.status).toBe('kept');
    expect(screen.isKeptShown()).toBe(true);
    expect(screen.storeMode).toBe('memory');
    const kept = screen.kept.status === 'kept' ? screen.kept.record : null;
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

    // A weight set by hand makes another forecast: the kept one is no longer the one shown.
    screen.setWeightValue('alpha', 0.3);
    await vi.waitFor(() => expect(screen.result?.outcome.forecast.params.alpha).toBe(0.3));
    expect(screen.isKeptShown()).toBe(false);

    const later = screenOn(champagne, { store }).screen;
    await later.loadKept();
    expect(later.kept.status === 'kept' && later.kept.record.forecast.model).toBe('holt-winters-multiplicative');
  });

  it('backtests in its own worker and can be cancelled', async () => {
    const { screen, backtest } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    expect(screen.backtestStartShown).toBe(58);
    const running = screen.runBacktest();
    expect(screen.backtestJob.status).toBe('running');
    screen.cancelBacktest();
    await running;
    expect(screen.backtestJob.status).toBe('cancelled');
    expect(screen.backtest).toBeNull();

    screen.setBacktestStep(6);
    const again = screen.runBacktest();
    await vi.waitFor(() => expect(backtest.waiting()).toBe(1));
    backtest.release();
    await again;
    expect(screen.backtestJob.status === 'done' && screen.backtestJob.origins).toBe(5);
    expect(screen.backtestStale).toBe(false);
    screen.setHorizon(6);
    expect(screen.backtestStale).toBe(true);
  });

  it('refuses a backtest start or step that cannot be used', async () => {
    const { screen } = screenOn(champagne);
    await vi.waitFor(() => expect(screen.fitJob.status).toBe('done'));
    screen.setBacktestStart(90);
    expect(screen.backtestValid).toBe(false);
    screen.setBacktestStart(null);
    screen.setBacktestStep(NaN);
    expect(screen.backtestValid).toBe(false);
    await screen.runBacktest();
    expect(screen.backtestJob.status).toBe('idle');
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
});
