/**
 * First guesses of the forecast screen: which column holds the dates and which the values,
 * which calendar period the dates come in, whether their day/month order is in doubt, and the
 * default season length, horizon and hold-out. The user can change every one of them.
 */
import { columnWords as wordsOf } from '../data/column-words';
import type { ColumnType, Dataset } from '../data/dataset';
import type { DateOrder } from '../data/parse-date';
import { unpackStrings } from '../data/packed-strings';
import { fail, ok, type Result } from '../shared/result';
import { readColumnDates } from './aggregate-series';
import { isCoarserThan, PERIOD_UNITS, periodOrdinal, type PeriodUnit } from './periods';
import type { SeasonLength } from './season-length';

/** What the guesses read of a column. */
export interface ColumnInfo {
  name: string;
  type: ColumnType;
}

const DATE_WORDS = ['date', 'month', 'period', 'week', 'day', 'quarter', 'year', 'time', 'datum', 'fecha', 'mois'];
const VALUE_WORDS = ['sales', 'revenue', 'amount', 'total', 'value', 'turnover', 'units', 'quantity', 'qty', 'orders', 'volume', 'traffic', 'passengers', 'count'];

const isNumeric = (type: ColumnType) => type === 'number' || type === 'integer';

/**
 * The column most likely to hold the dates: the first date column; else the first whose name
 * says date, month, period, week, day, quarter, year or time.
 * @returns the column name, or null when none looks like dates
 * @example guessDateColumn([{ name: 'Region', type: 'category' }, { name: 'Month', type: 'date' }]) // 'Month'
 */
export function guessDateColumn(columns: readonly ColumnInfo[]): string | null {
  const dated = columns.find((c) => c.type === 'date');
  if (dated) return dated.name;
  const named = columns.find((c) => wordsOf(c.name).some((w) => DATE_WORDS.includes(w)));
  return named?.name ?? null;
}

/**
 * The column most likely to hold the values to forecast: a number column (not the date
 * column) whose name says sales, revenue, amount, total, value, units…; else the first
 * number column, preferring decimals to whole numbers only when the name does not decide.
 * @returns the column name, or null when there is no number column
 * @example guessValueColumn([{ name: 'Month', type: 'date' }, { name: 'Sales', type: 'integer' }], 'Month') // 'Sales'
 */
export function guessValueColumn(columns: readonly ColumnInfo[], dateColumn: string | null): string | null {
  const numeric = columns.filter((c) => c.name !== dateColumn && isNumeric(c.type));
  for (const word of VALUE_WORDS) {
    const found = numeric.find((c) => wordsOf(c.name).includes(word));
    if (found) return found.name;
  }
  // A whole-number column named like an id or a year is rarely what is forecast.
  const plain = numeric.find((c) => !wordsOf(c.name).some((w) => w === 'id' || w === 'year' || DATE_WORDS.includes(w)));
  return (plain ?? numeric[0])?.name ?? null;
}

const DAY_MS = 86_400_000;
/** A unit is chosen when at least this share of its periods, first to last, has a date. */
const MIN_COVERAGE = 0.7;

/**
 * The calendar period the dates come in: the finest unit in which at least 70% of the
 * periods from the first date to the last have a date. Monthly totals dated on the 1st are
 * months (one date per month, none per most days); orders on most days are days; orders a
 * few times a month are months, so the series has few periods without sales. Dates that name
 * whole months (or coarser) are never guessed finer than that.
 * @param starts the dates, ms since the epoch (UTC), in any order, repeats allowed
 * @param precision the coarsest thing the date texts name ('month' for '2024-03')
 * @returns the unit; 'month' when there are fewer than two distinct days
 * @example guessPeriodUnit([Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1)], 'day') // 'month'
 */
export function guessPeriodUnit(starts: readonly number[], precision: PeriodUnit = 'day'): PeriodUnit {
  const finite = starts.filter(Number.isFinite);
  if (new Set(finite.map((ms) => Math.floor(ms / DAY_MS))).size < 2) return atLeastMonth(precision);
  const units = PERIOD_UNITS.slice(PERIOD_UNITS.indexOf(precision));
  let previous: PeriodUnit | null = null;
  for (const unit of units) {
    const ordinals = new Set(finite.map((ms) => periodOrdinal(ms, unit)));
    let first = Infinity;
    let last = -Infinity;
    for (const o of ordinals) {
      if (o < first) first = o;
      if (o > last) last = o;
    }
    const span = last - first + 1;
    // Every date in one period of this unit: a coarser unit cannot make a series either.
    if (span < 2) return previous ?? unit;
    if (ordinals.size / span >= MIN_COVERAGE) return unit;
    previous = unit;
  }
  return 'year';
}

/** The unit for too few dates to judge: months, or the texts' own coarser precision. */
function atLeastMonth(precision: PeriodUnit): PeriodUnit {
  return isCoarserThan(precision, 'month') ? precision : 'month';
}

const NUMERIC_DAY_MONTH = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\D|$)/;

/**
 * Whether some date texts could be read day-first or month-first (03/04/2024): both leading
 * fields are 1–12 and differ. Then the screen offers the choice.
 * @example hasAmbiguousDayMonth(['03/04/2024', '15/04/2024']) // true
 * @example hasAmbiguousDayMonth(['2024-03-04']) // false
 */
export function hasAmbiguousDayMonth(texts: Iterable<string>): boolean {
  for (const text of texts) {
    const m = NUMERIC_DAY_MONTH.exec(text);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a >= 1 && a <= 12 && b >= 1 && b <= 12 && a !== b) return true;
  }
  return false;
}

/** What the dates of a column look like. */
export interface DateInspection {
  /** The calendar unit the dates seem to come in. */
  unit: PeriodUnit;
  /** Some texts read differently day-first and month-first (03/04/2024). */
  ambiguousOrder: boolean;
  /** Distinct readable dates seen. */
  readable: number;
}

/**
 * Reads the dates of a column exactly as aggregateSeries does (readColumnDates), to guess the
 * unit (guessPeriodUnit) and to tell whether the day/month order is in doubt: whether some of
 * its texts (or, in a number column, the cells the import rejected) read differently
 * day-first and month-first.
 * @param dataset the data set (not changed)
 * @param columnName the date column
 * @param dateOrder how numeric day/month texts are read
 * @returns the inspection, or SERIES_UNKNOWN_COLUMN
 * @example inspectColumnDates(champagne, 'Month', 'dmy') // ok({ unit: 'month', ambiguousOrder: false, readable: 94 })
 */
export function inspectColumnDates(dataset: Dataset, columnName: string, dateOrder: DateOrder): Result<DateInspection> {
  const column = dataset.columns.find((c) => c.name === columnName);
  if (!column) return fail('SERIES_UNKNOWN_COLUMN', `The data set has no column "${columnName}".`, { column: columnName, role: 'date' });
  const dates = readColumnDates(dataset, column, dateOrder);
  const distinct = new Set<number>();
  for (const ms of dates.ms) if (!Number.isNaN(ms)) distinct.add(ms);
  const { storage } = column;
  const texts = storage.kind === 'dictionary' ? unpackStrings(storage.dictionary) : storage.rejected.raw;
  const starts = [...distinct];
  return ok({ unit: guessPeriodUnit(starts, dates.precision), ambiguousOrder: hasAmbiguousDayMonth(texts), readable: starts.length });
}

/** How the season length is chosen: found in the data, the unit's usual one, none, or typed. */
export type SeasonChoice = 'detected' | 'natural' | 'none' | 'custom';

/**
 * The season length in force (1 = no season).
 * @param choice the user's choice
 * @param detection what detectSeasonLength found
 * @param natural the unit's usual season (12 for months; 1 for years)
 * @param custom the typed length (whole number ≥ 2), else null
 * @returns the length, or null when 'custom' has no valid length typed
 * @example seasonLengthOf('detected', { period: 'none', … }, 12, null) // 1
 */
export function seasonLengthOf(choice: SeasonChoice, detection: Pick<SeasonLength, 'period'> | null, natural: number, custom: number | null): number | null {
  if (choice === 'none') return 1;
  if (choice === 'natural') return Math.max(1, natural);
  if (choice === 'custom') return custom !== null && Number.isInteger(custom) && custom >= 2 ? custom : null;
  const found = detection?.period;
  return typeof found === 'number' ? found : 1;
}

/**
 * The first season choice for a series: the detected season when there is one, else the
 * unit's usual one when the series holds two of them, else none.
 * @example defaultSeasonChoice({ period: 12 }, 12, 94) // 'detected'
 */
export function defaultSeasonChoice(detection: Pick<SeasonLength, 'period'> | null, natural: number, length: number): SeasonChoice {
  if (typeof detection?.period === 'number') return 'detected';
  return natural >= 2 && length >= 2 * natural ? 'natural' : 'none';
}

/** The longest forecast horizon offered by default (a year of months). */
const DEFAULT_HORIZON = 12;

/**
 * The season the defaults span: the season in force, unless it is shorter than the unit's
 * usual one (a 3-week cycle in weekly data), when a whole usual season is the better default
 * horizon and test; 12 periods without a season.
 */
function defaultSpan(season: number, natural: number): number {
  if (season < 2) return DEFAULT_HORIZON;
  return season < natural ? natural : season;
}

/**
 * The default horizon: one season, or 12 periods when there is no season; never a season
 * shorter than the unit's usual one (that one is used instead).
 * @param season the season length in force (1 = none)
 * @param natural the unit's usual season (52 for weeks); 1 when unknown
 * @example defaultHorizon(4) // 4
 * @example defaultHorizon(1) // 12
 * @example defaultHorizon(3, 52) // 52
 */
export function defaultHorizon(season: number, natural = 1): number {
  return defaultSpan(season, natural);
}

/**
 * The default hold-out: the last season (or 12 periods without one; the unit's usual season
 * when the one in force is shorter), but never more than a fifth of the series, and at least 1.
 * @example defaultHoldout(12, 94) // 12
 * @example defaultHoldout(12, 30) // 6
 * @example defaultHoldout(3, 300, 52) // 52
 */
export function defaultHoldout(season: number, length: number, natural = 1): number {
  return Math.max(1, Math.min(defaultSpan(season, natural), Math.floor(length / 5)));
}

/**
 * The default first training length of the rolling-origin backtest: the model's shortest
 * series, or the series less three hold-outs when that is longer — a few dozen origins on a
 * few years of months.
 * @param length values in the series
 * @param holdout values forecast at each origin
 * @param shortest the fewest values the model is fitted on
 * @example defaultBacktestStart(94, 12, 24) // 58
 */
export function defaultBacktestStart(length: number, holdout: number, shortest: number): number {
  return Math.min(Math.max(shortest, length - 3 * holdout), Math.max(1, length - holdout));
}
