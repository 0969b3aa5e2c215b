/**
 * What the forecast screen does with the forecast shown: download it as CSV, or keep it in
 * the workspace store for the plan (one kept forecast, replaced by the next one kept).
 */
import { KEPT_FORECAST_KIND, type KeptForecast } from '../../core/persistence/kept-forecast';
import type { AppError } from '../../core/shared/result';
import { downloadText } from '../../lib/download';
import { datasetBaseName, forecastCsv, safeFileName } from '../../lib/forecast/forecast-csv';
import { t } from '../../lib/i18n/i18n';
import { openWorkspaceStore, type KvStore, type StoreMode } from '../../lib/persistence/idb';
import { createKeptForecastRepository, type KeptForecastRecord, type KeptForecastRepository } from '../../lib/persistence/kept-forecast-repository';
import type { FitResult } from './forecast.svelte';

export type KeptState =
  | { status: 'unknown' }
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'kept'; record: KeptForecastRecord }
  | { status: 'saving'; record: KeptForecastRecord | null }
  | { status: 'error'; error: AppError; record: KeptForecastRecord | null; during: 'load' | 'save' };

export interface ForecastKeepDeps {
  /** Saves the export; the app downloads it. */
  save?: (fileName: string, text: string, type?: string) => void;
  /** The workspace store the kept forecast lives in. */
  openStore?: () => Promise<KvStore>;
  now?: () => Date;
}

export class ForecastKeep {
  state = $state.raw<KeptState>({ status: 'unknown' });
  storeMode = $state<StoreMode | null>(null);

  #source: { readonly result: FitResult | null };
  #save: (fileName: string, text: string, type?: string) => void;
  #openStore: () => Promise<KvStore>;
  #now: () => Date;
  #repository: Promise<KeptForecastRepository> | null = null;

  /** @param source where the forecast shown is read */
  constructor(source: { readonly result: FitResult | null }, deps: ForecastKeepDeps = {}) {
    this.#source = source;
    this.#save = deps.save ?? downloadText;
    this.#openStore = deps.openStore ?? openWorkspaceStore;
    this.#now = deps.now ?? (() => new Date());
  }

  /** Downloads the forecast as CSV: period, forecast, lower80, upper80, lower95, upper95. */
  exportCsv(): void {
    const result = this.#source.result;
    if (!result) return;
    const name = t('forecast.export.fileName', { name: datasetBaseName(result.source.datasetName), column: result.source.options.value });
    this.#save(safeFileName(name), forecastCsv(result.outcome.futurePeriods, result.outcome.forecast));
  }

  /** Reads the kept forecast from storage (once; the view calls it when it shows). */
  async load(): Promise<void> {
    if (this.state.status !== 'unknown') return;
    this.state = { status: 'loading' };
    const repository = await this.#repo();
    const loaded = await repository.load();
    if (this.state.status !== 'loading') return;
    if (!loaded.ok) this.state = { status: 'error', error: loaded.error, record: null, during: 'load' };
    else this.state = loaded.value ? { status: 'kept', record: loaded.value } : { status: 'none' };
  }

  /** Keeps the shown forecast for the plan, replacing the one kept before. */
  async keepForPlan(): Promise<void> {
    const result = this.#source.result;
    if (!result || this.state.status === 'saving') return;
    const before = this.state.status === 'kept' ? this.state.record : this.state.status === 'error' ? this.state.record : null;
    this.state = { status: 'saving', record: before };
    const repository = await this.#repo();
    const saved = await repository.save(keptForecastOf(result));
    this.state = saved.ok ? { status: 'kept', record: saved.value } : { status: 'error', error: saved.error, record: before, during: 'save' };
  }

  /** Whether the kept forecast is the one shown (same source, model, weights and figures). */
  isShown(): boolean {
    const result = this.#source.result;
    const kept = this.state.status === 'kept' ? this.state.record.forecast : null;
    if (!result || !kept) return false;
    return JSON.stringify(keptForecastOf(result)) === JSON.stringify(kept);
  }

  #repo(): Promise<KeptForecastRepository> {
    this.#repository ??= this.#openStore().then((store) => {
      this.storeMode = store.mode;
      return createKeptForecastRepository(store, this.#now);
    });
    return this.#repository;
  }
}

/** The record kept for the plan, from a fit (plain values only: it goes to IndexedDB). */
function keptForecastOf(result: FitResult): KeptForecast {
  const { outcome, series, source } = result;
  const forecast = outcome.forecast;
  const n = series.series.values.length;
  const holdout = outcome.holdout?.ok ? outcome.holdout.value : null;
  const { date, value, period, how, filter } = source.options;
  return {
    kind: KEPT_FORECAST_KIND,
    source: {
      datasetId: source.datasetId,
      datasetName: source.datasetName,
      dateColumn: date,
      valueColumn: value,
      period,
      how,
      ...(filter ? { filter: { column: filter.column, equals: filter.equals } } : {}),
    },
    model: forecast.model,
    params: { ...forecast.params },
    fittedParams: [...forecast.fittedParams],
    seasonLength: forecast.period,
    lastPeriod: series.series.periods[n - 1],
    lastValue: series.series.values[n - 1],
    periods: [...outcome.futurePeriods],
    forecast: [...forecast.forecast],
    lower80: [...forecast.lower80],
    upper80: [...forecast.upper80],
    lower95: [...forecast.lower95],
    upper95: [...forecast.upper95],
    holdoutMae: holdout && Number.isFinite(holdout.model.accuracy.mae) ? holdout.model.accuracy.mae : null,
    holdoutSize: holdout ? holdout.horizon : null,
    // The series fitted, so a re-plan can refit the model with the actuals added.
    history: { periods: [...series.series.periods], values: [...series.series.values] },
  };
}
