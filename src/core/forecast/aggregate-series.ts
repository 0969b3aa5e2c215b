/**
 * From rows to a time series: the rows of a data set are grouped by the calendar period of
 * their date (day, ISO week, month, quarter or year), their values summed, averaged or
 * counted, and the periods without rows filled in, so that a forecast model gets one value per
 * period with no holes. Every row left out and every value made up is reported, in plain
 * English (`notes`) and as codes with parameters (`details`) for the translated interface.
 */
import type { Column, Dataset } from '../data/dataset';
import { cellText, columnNumbers, columnStrings, fileRowNumber } from '../data/dataset-access';
import { unpackStrings } from '../data/packed-strings';
import { fail, ok, type Result } from '../shared/result';
import type { DateOrder } from '../data/parse-date';
import { isCoarserThan, ordinalKey, parsePeriodText, periodOrdinal, type PeriodUnit } from './periods';

/** How the values of the rows of one period become the period's value. */
export type AggregateHow = 'sum' | 'mean' | 'count';

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
}

/** Codes of the notes; the interface shows `issue.<code>`. */
export type SeriesNoteCode =
  | 'SERIES_RANGE'
  | 'SERIES_UNDATED_ROWS'
  | 'SERIES_NO_VALUE_ROWS'
  | 'SERIES_PERIODS_COMBINED'
  | 'SERIES_GAPS_ZERO'
  | 'SERIES_GAPS_INTERPOLATED'
  | 'SERIES_COARSE_DATES';

/** A row left out, as the file numbers it, with what its cell holds ('' when empty). */
export interface RowExample {
  row: number;
  text: string;
}

/** One note: `message` is the plain English of `notes[i]`, `params` fill the translated message. */
export interface SeriesNote {
  code: SeriesNoteCode;
  message: string;
  params: Record<string, string | number>;
  /** Up to 5 rows concerned (undated and no-value notes). */
  examples?: RowExample[];
  /** Every period concerned (gap notes). */
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
  period: PeriodUnit;
  how: AggregateHow;
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

function unitWord(unit: PeriodUnit, count: number): string {
  return UNIT_WORDS[unit][count === 1 ? 0 : 1];
}

/** The dates of a column, one per row: NaN where the row has none, with the precision of the text. */
interface RowDates {
  ms: Float64Array;
  /** Coarsest precision met among readable cells. */
  coarsest: PeriodUnit;
}

/**
 * Aggregates the rows of a data set into a time series with one value per period.
 *
 * Rows without a readable date are left out, and so are rows without a value (for 'sum' and
 * 'mean'; 'count' counts every dated row whatever its value). Periods between the first and
 * the last one that have no rows are filled: with 0 for 'sum' and 'count' (nothing was sold),
 * by linear interpolation between the neighbouring periods for 'mean' (an average of nothing
 * is unknown, not zero). Each of these is said in `notes` and `details`.
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

  const dates = readDates(dataset, dateColumn, options.dateOrder ?? dataset.source.dateOrder ?? 'dmy');
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
  let first = Infinity;
  let last = -Infinity;
  for (const row of dated) {
    const v = values ? values[row] : 1;
    if (Number.isNaN(v)) {
      withoutValue.push(row);
      continue;
    }
    const ordinal = periodOrdinal(dates.ms[row], period);
    const cell = sums.get(ordinal);
    if (cell) {
      cell.sum += v;
      cell.rows++;
    } else {
      sums.set(ordinal, { sum: v, rows: 1 });
    }
    if (ordinal < first) first = ordinal;
    if (ordinal > last) last = ordinal;
  }
  if (sums.size === 0) {
    return fail('SERIES_NO_VALUES', `No dated row has a value in column "${valueColumn.name}".`, {
      column: valueColumn.name,
      count: dated.length,
    });
  }
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

  const periods: string[] = new Array(count);
  const series: number[] = new Array(count);
  const filled: boolean[] = new Array(count);
  const rowCounts: number[] = new Array(count);
  let combined = 0;
  let combinedRows = 0;
  for (let i = 0; i < count; i++) {
    const cell = sums.get(first + i);
    periods[i] = ordinalKey(first + i, period);
    filled[i] = !cell;
    rowCounts[i] = cell ? cell.rows : 0;
    series[i] = cell ? (how === 'mean' ? cell.sum / cell.rows : cell.sum) : how === 'mean' ? NaN : 0;
    if (cell && cell.rows > 1) {
      combined++;
      combinedRows += cell.rows;
    }
  }
  if (how === 'mean') interpolateGaps(series);

  const details: SeriesNote[] = [];
  details.push({
    code: 'SERIES_RANGE',
    message: `The series runs from ${periods[0]} to ${periods[count - 1]}: ${count} ${unitWord(period, count)}.`,
    params: { first: periods[0], last: periods[count - 1], count, unit: period },
  });
  if (undated.length > 0) {
    const examples = rowExamples(dataset, dateColumn, undated);
    details.push({
      code: 'SERIES_UNDATED_ROWS',
      message: `${undated.length} ${undated.length === 1 ? 'row has' : 'rows have'} no date that can be read in column "${dateColumn.name}" and ${undated.length === 1 ? 'was' : 'were'} left out (${describeExamples(examples)}${undated.length > examples.length ? ', …' : ''}).`,
      params: { column: dateColumn.name, count: undated.length, ...exampleParams(examples) },
      examples,
    });
  }
  if (withoutValue.length > 0) {
    const examples = rowExamples(dataset, valueColumn, withoutValue);
    details.push({
      code: 'SERIES_NO_VALUE_ROWS',
      message: `${withoutValue.length} dated ${withoutValue.length === 1 ? 'row has' : 'rows have'} no number in column "${valueColumn.name}" and ${withoutValue.length === 1 ? 'was' : 'were'} left out (${describeExamples(examples)}${withoutValue.length > examples.length ? ', …' : ''}).`,
      params: { column: valueColumn.name, count: withoutValue.length, ...exampleParams(examples) },
      examples,
    });
  }
  if (combined > 0) {
    details.push({
      code: 'SERIES_PERIODS_COMBINED',
      message: `${combined} ${unitWord(period, combined)} ${combined === 1 ? 'holds' : 'hold'} more than one row (${combinedRows} rows in all); their ${how === 'count' ? 'rows were' : 'values were'} ${HOW_WORDS[how]}.`,
      params: { count: combined, rows: combinedRows, unit: period, how },
    });
  }
  const gaps = periods.filter((_, i) => filled[i]);
  if (gaps.length > 0) {
    const listed = gaps.slice(0, LISTED_PERIODS).join(', ');
    const more = Math.max(0, gaps.length - LISTED_PERIODS);
    const list = more > 0 ? `${listed} and ${more} more` : listed;
    const interpolated = how === 'mean';
    details.push({
      code: interpolated ? 'SERIES_GAPS_INTERPOLATED' : 'SERIES_GAPS_ZERO',
      message: interpolated
        ? `${gaps.length} ${unitWord(period, gaps.length)} had no rows; ${gaps.length === 1 ? 'its average was' : 'their averages were'} interpolated on a straight line between the neighbouring ${UNIT_WORDS[period][1]}: ${list}.`
        : `${gaps.length} ${unitWord(period, gaps.length)} had no rows and ${gaps.length === 1 ? 'counts' : 'count'} as 0: ${list}.`,
      params: { count: gaps.length, unit: period, periods: listed, more },
      periods: gaps,
    });
  }
  if (isCoarserThan(dates.coarsest, period)) {
    details.push({
      code: 'SERIES_COARSE_DATES',
      message: `Some dates in column "${dateColumn.name}" name a whole ${dates.coarsest}; each counts in the ${period} of its first day.`,
      params: { column: dateColumn.name, precision: dates.coarsest, unit: period },
    });
  }

  return ok({ periods, values: series, notes: details.map((d) => d.message), details, filled, rowCounts, period, how });
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

const PRECISION_RANK: Readonly<Record<PeriodUnit, number>> = { day: 0, week: 1, month: 2, quarter: 3, year: 4 };

/** Reads the date of every row, whatever the column's storage. */
function readDates(dataset: Dataset, column: Column, dateOrder: DateOrder): RowDates {
  const { storage } = column;
  const ms = new Float64Array(dataset.rowCount).fill(NaN);
  let coarsest: PeriodUnit = 'day';
  const note = (precision: PeriodUnit) => {
    if (PRECISION_RANK[precision] > PRECISION_RANK[coarsest]) coarsest = precision;
  };
  if (storage.kind === 'dictionary') {
    // Each distinct text is read once: a column of 100 000 sales has a few hundred dates.
    const parsed = unpackStrings(storage.dictionary).map((text) => parsePeriodText(text, { dateOrder }));
    for (let row = 0; row < dataset.rowCount; row++) {
      const code = storage.codes[row];
      const period = code < 0 ? null : parsed[code];
      if (period) {
        ms[row] = period.start;
        note(period.precision);
      }
    }
    return { ms, coarsest };
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
        note(period.precision);
      }
    } else if (isDate) {
      ms[row] = v;
    } else {
      // Whole numbers can be years (2019) or compact dates (20240315); other numbers are not dates.
      const period = Number.isInteger(v) && v > 0 ? parsePeriodText(String(v)) : null;
      if (period) {
        ms[row] = period.start;
        note(period.precision);
      }
    }
  }
  return { ms, coarsest };
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
