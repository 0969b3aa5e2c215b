/**
 * The forecast kept for the plan: the one forecast the user chose on the forecast screen,
 * stored so that the plan (a later screen) can turn it into targets. One record, replaced
 * each time another forecast is kept, under KEPT_FORECAST_KEY in an Envelope (schema.ts).
 *
 * DO NOT CHANGE THE SHAPE WITHOUT A MIGRATION (migrations.ts handles this document kind too)
 * and a frozen fixture (tests/fixtures/persisted/).
 */
import type { AggregateHow } from '../forecast/aggregate-series';
import { MODELS, type ModelId, type ParamName } from '../forecast/models';
import type { PeriodUnit } from '../forecast/periods';

/** `kind` of the kept forecast document. */
export const KEPT_FORECAST_KIND = 'kept-forecast';

/** How the series was made from the data set, so the plan can say what was forecast. */
export interface KeptSeriesSource {
  datasetId: string;
  datasetName: string;
  dateColumn: string;
  valueColumn: string;
  period: PeriodUnit;
  how: AggregateHow;
  filter?: { column: string; equals: string };
}

/** The kept forecast (the `data` of its envelope; the envelope's savedAt says when it was kept). */
export interface KeptForecast {
  kind: typeof KEPT_FORECAST_KIND;
  source: KeptSeriesSource;
  model: ModelId;
  /** The weights used; β, γ and φ only where the model has them. */
  params: Partial<Record<ParamName, number>>;
  /** The weights that were fitted (the others were set by the user). */
  fittedParams: ParamName[];
  /** Season length used, or null for a model without a season. */
  seasonLength: number | null;
  /** The last observed period and its value. */
  lastPeriod: string;
  lastValue: number;
  /** The forecast periods (keys such as '2024-03'), one per value below. */
  periods: string[];
  forecast: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
  /** Mean absolute error on the held-out last periods, when the hold-out test ran. */
  holdoutMae: number | null;
  holdoutSize: number | null;
  /**
   * The series the forecast was fitted on, oldest first (its last period is `lastPeriod`), so
   * that a re-plan can add the actuals to it and fit the same model again. Optional: absent in
   * records written before it existed (a kept forecast or plan without it still loads as it
   * was, which is why adding it needed no schema version); without it nothing can be refitted.
   */
  history?: KeptHistory;
}

/** The periods (keys such as '2024-03') and values of a forecast's series, one value per period. */
export interface KeptHistory {
  periods: string[];
  values: number[];
}

const MODEL_IDS: readonly string[] = MODELS.map((m) => m.id);const PARAM_NAMES: readonly string[] = ['alpha', 'beta', 'gamma', 'phi'];
const UNITS: readonly string[] = ['day', 'week', 'month', 'quarter', 'year'];
const HOWS: readonly string[] = ['sum', 'mean', 'count'];

/**
 * Structural check of a kept forecast as read from storage: known model, unit and
 * aggregation, finite numbers, and one value per period in every series of figures.
 * @example isKeptForecast({ kind: 'kept-forecast', … }) // true for a well-formed record
 */
export function isKeptForecast(value: unknown): value is KeptForecast {
  if (!isRecord(value) || value.kind !== KEPT_FORECAST_KIND) return false;
  if (!isSource(value.source)) return false;
  if (typeof value.model !== 'string' || !MODEL_IDS.includes(value.model)) return false;
  if (!isRecord(value.params) || !Object.entries(value.params).every(([name, v]) => PARAM_NAMES.includes(name) && isFiniteNumber(v))) return false;
  if (!Array.isArray(value.fittedParams) || !value.fittedParams.every((p) => typeof p === 'string' && PARAM_NAMES.includes(p))) return false;
  if (!(value.seasonLength === null || (Number.isInteger(value.seasonLength) && (value.seasonLength as number) >= 1))) return false;
  if (typeof value.lastPeriod !== 'string' || !isFiniteNumber(value.lastValue)) return false;
  if (!Array.isArray(value.periods) || value.periods.length === 0 || !value.periods.every((p) => typeof p === 'string')) return false;
  const length = value.periods.length;
  for (const key of ['forecast', 'lower80', 'upper80', 'lower95', 'upper95'] as const) {
    const figures = value[key];
    if (!Array.isArray(figures) || figures.length !== length || !figures.every(isFiniteNumber)) return false;
  }
  if (!(value.holdoutMae === null || isFiniteNumber(value.holdoutMae))) return false;
  if (!(value.holdoutSize === null || (Number.isInteger(value.holdoutSize) && (value.holdoutSize as number) >= 1))) return false;
  // Absent in records written before the history was kept.
  return value.history === undefined || isKeptHistory(value.history);
}

/**
 * Check of a kept series (`KeptForecast.history`): period keys as text and finite values, as
 * many of one as of the other.
 * @example isKeptHistory({ periods: ['2024-01', '2024-02'], values: [10, 20] }) // true
 */
export function isKeptHistory(value: unknown): value is KeptHistory {
  if (!isRecord(value) || !Array.isArray(value.periods) || !Array.isArray(value.values)) return false;
  if (value.periods.length !== value.values.length) return false;
  return value.periods.every((p) => typeof p === 'string') && value.values.every(isFiniteNumber);
}

function isSource(value: unknown): value is KeptSeriesSource {
  if (!isRecord(value)) return false;
  const texts = [value.datasetId, value.datasetName, value.dateColumn, value.valueColumn];
  if (!texts.every((v) => typeof v === 'string')) return false;
  if (typeof value.period !== 'string' || !UNITS.includes(value.period)) return false;
  if (typeof value.how !== 'string' || !HOWS.includes(value.how)) return false;
  if (value.filter === undefined) return true;
  return isRecord(value.filter) && typeof value.filter.column === 'string' && typeof value.filter.equals === 'string';
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
