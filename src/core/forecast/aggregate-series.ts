/**
 * From rows to a time series: the rows of a data set are grouped by the calendar period of
 * their date (day, ISO week, month, quarter or year), their values summed, averaged or
 * counted, a first or last period the rows cover only in part left out, and the periods
 * without rows filled in, so that a forecast model gets one value per whole period with no
 * holes. Every row left out and every value made up is reported, in plain English (`notes`)
 * and as codes with parameters (`details`) for the translated interface.
 */
import type { Column, Dataset } from '../data/dataset';
import { cellText, columnNumbers, columnStrings, fileRowNumber } from '../data/dataset-access';
import { unpackStrings } from '../data/packed-strings';
import { fail, ok, type Result } from '../shared/result';
import type { DateOrder } from '../data/parse-date';
import {
  coarserUnit,
  isCoarserThan,
  ordinalKey,
  parsePeriodText,
  periodOrdinal,
  periodOrdinalStart,
  type PeriodUnit,
} from './periods';

/** How the values of the rows of one period become the period's value. */
export type AggregateHow = 'sum' | 'mean' | 'count';

/** How a period without rows gets a value: 0, or a straight line between its neighbours. */
export type GapFill = 'zero' | 'interpolate';

export interface AggregateSeriesOptions {
  /** Column holding the dates: a date column, or a text/category column of date-like texts. */
  date: string;
  /** Column holding the values; any column when `how` is 'count'. */
  value: string;
  /** Calendar unit of the series. */
  period: PeriodUnit;
  /** 'sum' and 'mean' of the values, or 'count' of the rows, per period. */
  how: AggregateHow;
  /** Keep only the rows whose `column` shows exactly `equals` (as the table shows the cell). */
  filter?: { column: string; equals: string };
  /**
   * How numeric day/month dates (03/04/2024) in a text column are read.
   * @default the data set's own reading rule, else 'dmy'
   */
  dateOrder?: DateOrder;
  /**
   * How the periods without rows are filled in a sum or a count: 'zero' (nothing was sold)
   * or 'interpolate', a straight line between the neighbouring values (the rows were not
   * recorded). Means are always interpolated, whatever this says: an average of no rows is
   * unknown, not 0.
   * @default 'zero'
   */
  fill?: GapFill;
  /**
   * Keep a first or last period that the rows cover only in part (a ledger exported on
   * 10 December, shown by month), instead of leaving it out. Either way a note says so.
   * @default false
   */
  keepPartial?: boolean;
}

/** Codes of the notes; the interface shows `issue.<code>`. */
export type SeriesNoteCode =
  | 'SERIES_RANGE'
  | 'SERIES_UNDATED_ROWS'
  | 'SERIES_NO_VALUE_ROWS'
  | 'SERIES_PERIODS_COMBINED'
  | 'SERIES_GAPS_ZERO'
  | 'SERIES_GAPS_INTERPOLATED'
  | 'SERIES_GAPS_INTERPOLATED_TOTALS'
  | 'SERIES_COARSE_DATES'
  | 'SERIES_PARTIAL_DROPPED'
  | 'SERIES_PARTIAL_KEPT';

/** A row left out, as the file numbers it, with what its cell holds ('' when empty). */
export interface RowExample {
  row: number;
  text: string;
}

/**
 * One note: `message` is the plain English of `notes[i]`, `params` fill the translated message.
 * Besides codes (`unit`: 'month', `how`: 'sum'), `params` carry the English words that agree
 * with the note's count (`unitWord`: 'month' or 'months', `rowWord`: 'row' or 'rows',
 * `aggregate`: 'sum', 'average' or 'count'), so one English template reads right for 1 and
 * for many; another language maps `unit` and `how` to its own words.
 */
export interface SeriesNote {
  code: SeriesNoteCode;
  message: string;
  params: Record<string, string | number>;
  /** Up to 5 rows concerned (undated and no-value notes). */
  examples?: RowExample[];
  /** Every period concerned (gap and partial-period notes). */
  periods?: string[];
}

/** A series with one value per period, the periods in order and without holes. */
export interface AggregatedSeries {
  /** Period keys in chronological order ('2024-03', '2024-W11'…). */
  periods: string[];
  values: number[];
  /** What was left out or filled in, as plain English sentences (for scripts and logs). */
  notes: string[];
  /** The same notes as codes and parameters, in the same order as `notes`. */
  details: SeriesNote[];
  /** True where the period had no rows and its value was filled in. */
  filled: boolean[];
  /** Rows that went into each period's value (0 where filled). */
  rowCounts: number[];
  /** True where the period is a first or last one the rows cover only in part (kept with `keepPartial`). */
  partial: boolean[];
  period: PeriodUnit;
  how: AggregateHow;
  /** How the periods without rows were filled: always 'interpolate' for means. */
  fill: GapFill;
}

/** More periods than this (e.g. days over 270 years) are refused: a browser chart cannot use them. */
export const MAX_SERIES_PERIODS = 100_000;
const EXAMPLE_ROWS = 5;
const LISTED_PERIODS = 12;

const UNIT_WORDS: Readonly<Record<PeriodUnit, [string, string]>> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  year: ['year', 'years'],
};

const HOW_WORDS: Readonly<Record<AggregateHow, string>> = { sum: 'summed', mean: 'averaged', count: 'counted' };
const AGGREGATE_NOUNS: Readonly<Record<AggregateHow, string>> = { sum: 'sum', mean: 'average', count: 'count' };

const DAY_MS = 86_400_000;
/**
 * The usual gap between the days of day-dated rows is this quantile of the gaps between
 * consecutive dates: 1 day for a ledger with sales every day, 3 for one without weekends
 * (Friday to Monday), whatever a few holidays add.
 */
const USUAL_GAP_QUANTILE = 0.9;

function unitWord(unit: PeriodUnit, count: number): string {
  return UNIT_WORDS[unit][count === 1 ? 0 : 1];
}

function rowWord(count: number): string {
  return count === 1 ? 'row' : 'rows';
}

/** The dates of a column, one per row, as aggregateSeries reads them. */
export interface ColumnDates {
  /** ms since the epoch (UTC) of the start of what each cell names; NaN where the row has no readable date. */
  ms: Float64Array;
  /** The coarsest thing the cells name ('month' when some say '2024-03'); 'day' for dates stored as numbers. */
  precision: PeriodUnit;
}

/**
 * Aggregates the rows of a data set into a time series with one value per period.
 *
 * Rows without a readable date are left out, and so are rows without a value (for 'sum' and
 * 'mean'; 'count' counts every dated row whatever its value).
 *
 * A first or last period that the rows cover only in part is left out unless `keepPartial`
 * (a week holding only 30 December would read as a collapse of sales). It is only judged
 * when the data's own dates are finer than the period (a monthly file shown by month is never
 * partial): the first period is partial when the data's usual step back from the first date
 * still lands inside it, the last when the usual step on from the last date does. The step is
 * one unit of what the dates name (a month for '2024-03' or for dates all on the 1st), and for
 * days the usual gap between the dates (the 90th percentile: 1 day, or 3 when weekends have
 * no rows, so a ledger ending on Friday 29 December is a whole December). When leaving them
 * out would leave fewer than 2 periods, they are kept.
 *
 * Periods between the first and the last one that have no rows are filled: with 0 for 'sum'
 * and 'count' (nothing was sold), or on a straight line between the neighbouring values when
 * `fill` is 'interpolate'; always on a straight line for 'mean' (an average of nothing is
 * unknown, not zero). Each of these is said in `notes` and `details`.
 *
 * Dates come from a date column, from a text or category column of date-like texts (see
 * parsePeriodText: '2015-Q1', 'Mar 2024', '15/03/2024', '2024年3月'…), or from a whole-number
 * column of years (2019) or compact dates (20240315).
 *
 * @param dataset the imported data set (not changed)
 * @param options the date and value columns, the period, how to aggregate, and an optional filter
 * @returns the series, or a failure: SERIES_UNKNOWN_COLUMN, SERIES_VALUE_NOT_NUMERIC,
 *   SERIES_FILTER_COLUMN, SERIES_FILTER_VALUE, SERIES_NO_DATES (with up to 5 example rows),
 *   SERIES_NO_VALUES, SERIES_TOO_FEW_PERIODS, SERIES_TOO_MANY_PERIODS
 * @example
 * aggregateSeries(sales, { date: 'Date', value: 'Amount', period: 'month', how: 'sum' })
 * // ok({ periods: ['2024-01', '2024-02', …], values: [1200, 0, …], notes: ['The series runs from …'], … })
 */
export function aggregateSeries(dataset: Dataset, options: AggregateSeriesOptions): Result<AggregatedSeries> {
  const { period, how } = options;
  const dateColumn = findColumn(dataset, options.date);
  if (!dateColumn) return unknownColumn(options.date, 'date');
  const valueColumn = findColumn(dataset, options.value);
  if (!valueColumn) return unknownColumn(options.value, 'value');
  if (how !== 'count' && !isNumericColumn(valueColumn)) {
    return fail(
      'SERIES_VALUE_NOT_NUMERIC',
      `Column "${valueColumn.name}" holds ${valueColumn.type} values, which cannot be ${how === 'sum' ? 'summed' : 'averaged'}; choose a number column, or count rows instead.`,
      { column: valueColumn.name, type: valueColumn.type, how },
    );
  }

  const keep = filterRows(dataset, options.filter);
  if (!keep.ok) return keep;
  const rows = keep.value;

  const dates = readColumnDates(dataset, dateColumn, options.dateOrder ?? dataset.source.dateOrder ?? 'dmy');
  const undated: number[] = [];
  const dated: number[] = [];
  for (const row of rows) (Number.isNaN(dates.ms[row]) ? undated : dated).push(row);
  if (dated.length === 0) {
    const examples = rowExamples(dataset, dateColumn, undated);
    return fail(
      'SERIES_NO_DATES',
      `No row has a date that can be read in column "${dateColumn.name}"${examples.length > 0 ? ` (${describeExamples(examples)})` : ''}.`,
      { column: dateColumn.name, count: undated.length, ...exampleParams(examples) },
    );
  }

  const values = how === 'count' ? null : columnNumbers(valueColumn, dataset.source);
  const withoutValue: number[] = [];
  // Per period ordinal: the sum of its values and its number of rows.
  const sums = new Map<number, { sum: number; rows: number }>();
  // The days that have rows in the series, for the partial first and last periods.
  const days = new Set<number>();
  let first = Infinity;
  let last = -Infinity;
  for (const row of dated) {
    const v = values ? values[row] : 1;
    if (Number.isNaN(v)) {
      withoutValue.push(row);
      continue;
    }
    const ms = dates.ms[row];
    const ordinal = periodOrdinal(ms, period);
    const cell = sums.get(ordinal);
    if (cell) {
      cell.sum += v;
      cell.rows++;
    } else {
      sums.set(ordinal, { sum: v, rows: 1 });
    }
    days.add(Math.floor(ms / DAY_MS));
    if (ordinal < first) first = ordinal;
    if (ordinal > last) last = ordinal;
  }
  if (sums.size === 0) {
    return fail('SERIES_NO_VALUES', `No dated row has a value in column "${valueColumn.name}".`, {
      column: valueColumn.name,
      count: dated.length,
    });
  }
  const unusable = checkPeriodCount(first, last, period);
  if (unusable) return unusable;

  // A partly covered first or last period is left out (or kept) before the series is built.
  const partial = partialEnds([...days].sort((x, y) => x - y), dates.precision, first, last, period);
  let dropped: PartialEnd[] = [];
  let kept: PartialEnd[] = [];
  if (partial.length > 0) {
    let from = first;
    let to = last;
    if (!options.keepPartial) {
      if (partial.some((end) => end.position === 'first')) from++;
      if (partial.some((end) => end.position === 'last')) to--;
      // What is left starts and ends with rows.
      while (from <= to && !sums.has(from)) from++;
      while (to >= from && !sums.has(to)) to--;
    }
    if (!options.keepPartial && to - from + 1 >= 2) {
      dropped = partial;
      first = from;
      last = to;
    } else {
      kept = partial;
    }
  }
  const count = last - first + 1;

  const fill: GapFill = how === 'mean' ? 'interpolate' : (options.fill ?? 'zero');
  const periods: string[] = new Array(count);
  const series: number[] = new Array(count);
  const filled: boolean[] = new Array(count);
  const rowCounts: number[] = new Array(count);
  const partialFlags: boolean[] = new Array(count).fill(false);
  let combined = 0;
  let combinedRows = 0;
  for (let i = 0; i < count; i++) {
    const cell = sums.get(first + i);
    periods[i] = ordinalKey(first + i, period);
    filled[i] = !cell;
    rowCounts[i] = cell ? cell.rows : 0;
    series[i] = cell ? (how === 'mean' ? cell.sum / cell.rows : cell.sum) : fill === 'interpolate' ? NaN : 0;
    if (cell && cell.rows > 1) {
      combined++;
      combinedRows += cell.rows;
    }
  }
  for (const end of kept) partialFlags[end.ordinal - first] = true;
  if (fill === 'interpolate') interpolateGaps(series);

  const details: SeriesNote[] = [];
  details.push({
    code: 'SERIES_RANGE',
    message: `The series runs from ${periods[0]} to ${periods[count - 1]}: ${count} ${unitWord(period, count)}.`,
    params: { first: periods[0], last: periods[count - 1], count, unit: period, unitWord: unitWord(period, count) },
  });
  for (const end of dropped) details.push(partialNote(end, period, sums, true));
  for (const end of kept) details.push(partialNote(end, period, sums, false));
  if (undated.length > 0) {
    const examples = rowExamples(dataset, dateColumn, undated);
    details.push({
      code: 'SERIES_UNDATED_ROWS',
      message: `${undated.length} ${undated.length === 1 ? 'row has' : 'rows have'} no date that can be read in column "${dateColumn.name}" and ${undated.length === 1 ? 'was' : 'were'} left out (${describeExamples(examples)}${undated.length > examples.length ? ', …' : ''}).`,
      params: { column: dateColumn.name, count: undated.length, rowWord: rowWord(undated.length), ...exampleParams(examples) },
      examples,
    });
  }
  if (withoutValue.length > 0) {
    const examples = rowExamples(dataset, valueColumn, withoutValue);
    details.push({
      code: 'SERIES_NO_VALUE_ROWS',
      message: `${withoutValue.length} dated ${withoutValue.length === 1 ? 'row has' : 'rows have'} no number in column "${valueColumn.name}" and ${withoutValue.length === 1 ? 'was' : 'were'} left out (${describeExamples(examples)}${withoutValue.length > examples.length ? ', …' : ''}).`,
      params: { column: valueColumn.name, count: withoutValue.length, rowWord: rowWord(withoutValue.length), ...exampleParams(examples) },
      examples,
    });
  }
  if (combined > 0) {
    details.push({
      code: 'SERIES_PERIODS_COMBINED',
      message: `${combined} ${unitWord(period, combined)} ${combined === 1 ? 'holds' : 'hold'} more than one row (${combinedRows} rows in all); their ${how === 'count' ? 'rows were' : 'values were'} ${HOW_WORDS[how]}.`,
      params: { count: combined, rows: combinedRows, unit: period, unitWord: unitWord(period, combined), how, aggregate: AGGREGATE_NOUNS[how] },
    });
  }
  const gaps = periods.filter((_, i) => filled[i]);
  if (gaps.length > 0) details.push(gapNote(gaps, period, how, fill));
  if (isCoarserThan(dates.precision, period)) {
    details.push({
      code: 'SERIES_COARSE_DATES',
      message: `Some dates in column "${dateColumn.name}" name a whole ${dates.precision}; each counts in the ${period} of its first day.`,
      params: { column: dateColumn.name, precision: dates.precision, unit: period },
    });
  }

  return ok({
    periods,
    values: series,
    notes: details.map((d) => d.message),
    details,
    filled,
    rowCounts,
    partial: partialFlags,
    period,
    how,
    fill,
  });
}

/** SERIES_TOO_MANY_PERIODS or SERIES_TOO_FEW_PERIODS for the periods first … last, else null. */
function checkPeriodCount(first: number, last: number, period: PeriodUnit): Result<never> | null {
  const count = last - first + 1;
  if (count > MAX_SERIES_PERIODS) {
    return fail(
      'SERIES_TOO_MANY_PERIODS',
      `From ${ordinalKey(first, period)} to ${ordinalKey(last, period)} there are ${count} ${unitWord(period, count)}; at most ${MAX_SERIES_PERIODS} can be used. Choose a longer period, or filter the rows.`,
      { count, max: MAX_SERIES_PERIODS, unit: period, first: ordinalKey(first, period), last: ordinalKey(last, period) },
    );
  }
  if (count < 2) {
    return fail(
      'SERIES_TOO_FEW_PERIODS',
      `All dated rows fall in one ${unitWord(period, 1)} (${ordinalKey(first, period)}); a series needs at least 2. Choose a shorter period.`,
      { count, needed: 2, unit: period, first: ordinalKey(first, period) },
    );
  }
  return null;
}

/** A first or last period that the rows cover only in part. */
interface PartialEnd {
  position: 'first' | 'last';
  ordinal: number;
  /** The days (since 1970) the rows cover in it, both included, and the days it has. */
  fromDay: number;
  toDay: number;
  periodDays: number;
}

/**
 * The first and last periods that the rows cover only in part (none, one or both) of a
 * series of 2 periods or more. Judged only when the data's own dates are finer than the
 * period; see aggregateSeries.
 * @param days the distinct days (since 1970) that have rows, in order
 * @param precision the coarsest thing the date texts name
 */
function partialEnds(days: readonly number[], precision: PeriodUnit, first: number, last: number, period: PeriodUnit): PartialEnd[] {
  const grain = coarserUnit(precision, calendarGrain(days));
  if (!isCoarserThan(period, grain) || days.length < 2) return [];
  const gap = grain === 'day' ? usualGap(days) : 0;
  // The day one usual step before or after `day`, in the data's own grain.
  const step = (day: number, direction: 1 | -1): number => {
    if (grain === 'day') return day + direction * gap;
    return periodOrdinalStart(periodOrdinal(day * DAY_MS, grain) + direction, grain) / DAY_MS;
  };
  const startDay = (ordinal: number) => periodOrdinalStart(ordinal, period) / DAY_MS;
  const firstDay = days[0];
  const lastDay = days[days.length - 1];
  const ends: PartialEnd[] = [];
  if (step(firstDay, -1) >= startDay(first)) {
    ends.push({ position: 'first', ordinal: first, fromDay: firstDay, toDay: startDay(first + 1) - 1, periodDays: startDay(first + 1) - startDay(first) });
  }
  if (step(lastDay, 1) < startDay(last + 1)) {
    // The last date covers its whole grain (a '2024-11' row covers November).
    const lastCovered = grain === 'day' ? lastDay : step(lastDay, 1) - 1;
    ends.push({ position: 'last', ordinal: last, fromDay: startDay(last), toDay: lastCovered, periodDays: startDay(last + 1) - startDay(last) });
  }
  return ends;
}

/**
 * The unit the dates themselves come in, read from the calendar: 'year' when every date is
 * a 1 January, 'quarter' when every one starts a quarter, 'month' when every one is a 1st
 * (monthly totals in a date column), else 'day'.
 */
function calendarGrain(days: readonly number[]): PeriodUnit {
  let grain: PeriodUnit = 'year';
  for (const day of days) {
    const date = new Date(day * DAY_MS);
    if (date.getUTCDate() !== 1) return 'day';
    const month = date.getUTCMonth();
    if (month !== 0 && grain === 'year') grain = 'quarter';
    if (month % 3 !== 0) grain = 'month';
  }
  return grain;
}

/** The usual gap in days between consecutive dates: their 90th percentile (nearest rank), at least 1. */
function usualGap(days: readonly number[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push(days[i] - days[i - 1]);
  gaps.sort((x, y) => x - y);
  return Math.max(1, gaps[Math.max(0, Math.ceil(USUAL_GAP_QUANTILE * gaps.length) - 1)]);
}

function dayKey(day: number): string {
  return ordinalKey(day, 'day');
}

function partialNote(end: PartialEnd, period: PeriodUnit, sums: ReadonlyMap<number, { rows: number }>, dropped: boolean): SeriesNote {
  const key = ordinalKey(end.ordinal, period);
  const word = unitWord(period, 1);
  const days = end.toDay - end.fromDay + 1;
  const rows = sums.get(end.ordinal)?.rows ?? 0;
  const covered = `is only partly covered by the rows (${dayKey(end.fromDay)} to ${dayKey(end.toDay)}: ${days} of its ${end.periodDays} days)`;
  return {
    code: dropped ? 'SERIES_PARTIAL_DROPPED' : 'SERIES_PARTIAL_KEPT',
    message: dropped
      ? `The ${end.position} ${word}, ${key}, ${covered} and was left out with its ${rows} ${rowWord(rows)}, so that a part-${word} is not read as a whole one; it can be kept instead.`
      : `The ${end.position} ${word}, ${key}, ${covered} and was kept: its value is for part of the ${word} only.`,
    params: {
      position: end.position,
      period: key,
      from: dayKey(end.fromDay),
      to: dayKey(end.toDay),
      days,
      periodDays: end.periodDays,
      rows,
      rowWord: rowWord(rows),
      unit: period,
      unitWord: word,
    },
    periods: [key],
  };
}

function gapNote(gaps: readonly string[], period: PeriodUnit, how: AggregateHow, fill: GapFill): SeriesNote {
  const listed = gaps.slice(0, LISTED_PERIODS).join(', ');
  const more = Math.max(0, gaps.length - LISTED_PERIODS);
  const list = more > 0 ? `${listed} and ${more} more` : listed;
  const head = `${gaps.length} ${unitWord(period, gaps.length)} without rows`;
  const params = { count: gaps.length, unit: period, unitWord: unitWord(period, gaps.length), how, aggregate: AGGREGATE_NOUNS[how], periods: listed, more };
  if (how === 'mean') {
    return {
      code: 'SERIES_GAPS_INTERPOLATED',
      message: `${head}, filled on a straight line between the neighbouring averages (an average of no rows is unknown, not 0): ${list}.`,
      params,
      periods: [...gaps],
    };
  }
  if (fill === 'interpolate') {
    return {
      code: 'SERIES_GAPS_INTERPOLATED_TOTALS',
      message: `${head}, filled on a straight line between the neighbouring values (counting them as 0 is the other choice): ${list}.`,
      params,
      periods: [...gaps],
    };
  }
  return {
    code: 'SERIES_GAPS_ZERO',
    message: `${head}, counted as 0 (a straight line between the neighbouring values is the other choice): ${list}.`,
    params,
    periods: [...gaps],
  };
}

function findColumn(dataset: Dataset, name: string): Column | undefined {
  return dataset.columns.find((c) => c.name === name);
}

function unknownColumn(name: string, role: 'date' | 'value' | 'filter'): Result<never> {
  return fail('SERIES_UNKNOWN_COLUMN', `The data set has no column "${name}" (chosen as the ${role} column).`, { column: name, role });
}

/** Numbers, whole numbers and yes/no (read as 1 and 0, so a sum counts the yeses). */
function isNumericColumn(column: Column): boolean {
  return column.type === 'number' || column.type === 'integer' || column.type === 'boolean';
}

/** The data rows that pass the filter, in order. */
function filterRows(dataset: Dataset, filter: AggregateSeriesOptions['filter']): Result<number[]> {
  if (!filter) return ok(Array.from({ length: dataset.rowCount }, (_, i) => i));
  const column = findColumn(dataset, filter.column);
  if (!column) {
    return fail('SERIES_FILTER_COLUMN', `The data set has no column "${filter.column}" to filter on.`, { column: filter.column });
  }
  const texts = columnStrings(column);
  const rows: number[] = [];
  for (let row = 0; row < texts.length; row++) if (texts[row] === filter.equals) rows.push(row);
  if (rows.length === 0) {
    return fail('SERIES_FILTER_VALUE', `No row has the value "${filter.equals}" in column "${column.name}".`, {
      column: column.name,
      value: filter.equals,
    });
  }
  return ok(rows);
}

/**
 * Reads the date of every row, whatever the column's storage: the one reading shared by
 * aggregateSeries and the date inspection of the forecast screen (inspectColumnDates).
 *
 * Texts are read by parsePeriodText: those of a date, text or category column (the importer
 * keeps a date column's texts) and the cells a number column's import rejected. So a moment
 * with a time-zone offset counts on the date written ('2024-03-31T22:00-05:00' is 31 March),
 * not on its UTC date as the importer's own reading of the cell has it (1 April, 03:00). A
 * date column stored as numbers (ms, UTC) would have lost the text and the written date: its
 * moments count on their UTC date. Whole numbers are read as years (2019) or compact dates
 * (20240315).
 * @param dataset the data set (not changed)
 * @param column one of its columns
 * @param dateOrder how numeric day/month texts (03/04/2024) are read
 * @returns one start (ms, UTC) per row, NaN where there is no readable date, and the coarsest
 *   precision the texts name
 */
export function readColumnDates(dataset: Dataset, column: Column, dateOrder: DateOrder): ColumnDates {
  const { storage } = column;
  const ms = new Float64Array(dataset.rowCount).fill(NaN);
  let precision: PeriodUnit = 'day';
  if (storage.kind === 'dictionary') {
    // Each distinct text is read once: a column of 100 000 sales has a few hundred dates.
    const parsed = unpackStrings(storage.dictionary).map((text) => parsePeriodText(text, { dateOrder }));
    for (let row = 0; row < dataset.rowCount; row++) {
      const code = storage.codes[row];
      const period = code < 0 ? null : parsed[code];
      if (period) {
        ms[row] = period.start;
        precision = coarserUnit(precision, period.precision);
      }
    }
    return { ms, precision };
  }
  const isDate = column.type === 'date';
  for (let row = 0; row < dataset.rowCount; row++) {
    const v = storage.values[row];
    if (Number.isNaN(v)) {
      // A cell the importer rejected may still be a period it does not read ('2024-W11').
      const raw = cellText(column, row);
      const period = raw === null ? null : parsePeriodText(raw, { dateOrder });
      if (period) {
        ms[row] = period.start;
        precision = coarserUnit(precision, period.precision);
      }
    } else if (isDate) {
      ms[row] = v;
    } else {
      // Whole numbers can be years (2019) or compact dates (20240315); other numbers are not dates.
      const period = Number.isInteger(v) && v > 0 ? parsePeriodText(String(v)) : null;
      if (period) {
        ms[row] = period.start;
        precision = coarserUnit(precision, period.precision);
      }
    }
  }
  return { ms, precision };
}

function rowExamples(dataset: Dataset, column: Column, rows: readonly number[]): RowExample[] {
  // Cells that hold something unreadable say more than empty ones: list those first.
  const filledCells: RowExample[] = [];
  const emptyCells: RowExample[] = [];
  for (const row of rows) {
    const text = cellText(column, row) ?? '';
    const target = text.trim() === '' ? emptyCells : filledCells;
    if (target.length < EXAMPLE_ROWS) target.push({ row: fileRowNumber(dataset, row), text });
    if (filledCells.length >= EXAMPLE_ROWS) break;
  }
  return [...filledCells, ...emptyCells].slice(0, EXAMPLE_ROWS).sort((a, b) => a.row - b.row);
}

function describeExamples(examples: readonly RowExample[]): string {
  return examples.map((e) => `row ${e.row}: ${JSON.stringify(e.text)}`).join(', ');
}

function exampleParams(examples: readonly RowExample[]): Record<string, string> {
  return {
    rows: examples.map((e) => String(e.row)).join(', '),
    examples: examples.map((e) => `${e.row}: ${JSON.stringify(e.text)}`).join(', '),
  };
}

/** Fills NaN runs by straight lines between the known neighbours; the ends are always known. */
function interpolateGaps(values: number[]): void {
  let previous = 0;
  for (let i = 1; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    for (let k = previous + 1; k < i; k++) {
      values[k] = values[previous] + ((values[i] - values[previous]) * (k - previous)) / (i - previous);
    }
    previous = i;
  }
}
