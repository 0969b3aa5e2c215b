import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { aggregateSeries, MAX_SERIES_PERIODS, readColumnDates, type AggregateSeriesOptions } from '../../../../src/core/forecast/aggregate-series';
import type { Dataset } from '../../../../src/core';
import { parsed } from '../../../helpers/datasets';

const shared = (name: string) => parsed(new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data', name))));

// A small sales ledger. File rows (header = row 1): a–f are rows 2–7, the blank line is row 8
// (skipped by the importer, still counted), g is row 9, h row 10, i row 11, j row 12, k row 13.
// ISO weeks: 2024-01-01 and 2024-03-04, 2024-07-01, 2025-02-10 are Mondays; 2024-01-01 starts
// 2024-W01 (1 January is a Monday), so 2024-01-03 is W01, 01-10 W02, 01-31 W05, 03-04/05 W10,
// 07-01 W27 (day 182 = 26 weeks after 1 January), 2025-02-10 is 2025-W07.
const LEDGER = [
  'Date,Region,Amount,Note',
  '2024-01-01,North,100,a',
  '2024-01-03,South,50,b',
  '2024-01-10,North,30,c',
  '2024-01-31,North,20,d',
  '2024-03-04,South,40,e',
  '2024-03-05,North,10,f',
  '',
  'not a date,North,99,g',
  ',South,7,h',
  '2024-04-15,North,,i',
  '2024-07-01,North,60,j',
  '2025-02-10,South,5,k',
].join('\n') + '\n';

function series(dataset: Dataset, options: AggregateSeriesOptions) {
  const result = aggregateSeries(dataset, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failure(dataset: Dataset, options: AggregateSeriesOptions) {
  const result = aggregateSeries(dataset, options);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

const ledger = parsed(LEDGER);
const base = { date: 'Date', value: 'Amount' } as const;

describe('aggregateSeries', () => {
  it('sums by month and fills the months without rows with 0', () => {
    const s = series(ledger, { ...base, period: 'month', how: 'sum' });
    // 2024-01: 100 + 50 + 30 + 20 = 200; 2024-03: 40 + 10 = 50; 2024-04: only row i, which has
    // no amount, so it is a gap; 2024-07: 60; 2025-02: 5. 2024-01 … 2025-02 is 14 months.
    expect(s.periods).toEqual([
      '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07',
      '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02',
    ]);
    expect(s.values).toEqual([200, 0, 50, 0, 0, 0, 60, 0, 0, 0, 0, 0, 0, 5]);
    expect(s.filled).toEqual([false, true, false, true, true, true, false, true, true, true, true, true, true, false]);
    expect(s.rowCounts).toEqual([4, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
    const gaps = s.details.find((d) => d.code === 'SERIES_GAPS_ZERO');
    expect(gaps?.periods).toEqual(['2024-02', '2024-04', '2024-05', '2024-06', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01']);
    expect(gaps?.params.count).toBe(10);
  });

  it('reports the range, the rows left out with their file rows, and the combined periods', () => {
    const s = series(ledger, { ...base, period: 'month', how: 'sum' });
    expect(s.details.map((d) => d.code)).toEqual([
      'SERIES_RANGE',
      'SERIES_UNDATED_ROWS',
      'SERIES_NO_VALUE_ROWS',
      'SERIES_PERIODS_COMBINED',
      'SERIES_GAPS_ZERO',
    ]);
    expect(s.notes).toEqual(s.details.map((d) => d.message));
    expect(s.notes[0]).toBe('The series runs from 2024-01 to 2025-02: 14 months.');
    expect(s.details[0].params).toEqual({ first: '2024-01', last: '2025-02', count: 14, unit: 'month', unitWord: 'months' });
    // Rows g (file row 9, after the blank row 8) and h (row 10, empty date).
    const undated = s.details[1];
    expect(undated.examples).toEqual([
      { row: 9, text: 'not a date' },
      { row: 10, text: '' },
    ]);
    expect(undated.params).toMatchObject({ column: 'Date', count: 2, rowWord: 'rows', rows: '9, 10' });
    expect(s.notes[1]).toBe('2 rows have no date that can be read in column "Date" and were left out (row 9: "not a date", row 10: "").');
    // Row i (file row 11) has a date but no amount.
    expect(s.details[2].examples).toEqual([{ row: 11, text: '' }]);
    expect(s.details[2].params).toMatchObject({ column: 'Amount', count: 1, rowWord: 'row', rows: '11' });
    // 2024-01 has 4 rows and 2024-03 has 2: 2 months, 6 rows.
    expect(s.details[3].params).toEqual({ count: 2, rows: 6, unit: 'month', unitWord: 'months', how: 'sum', aggregate: 'sum' });
    expect(s.notes[3]).toBe('2 months hold more than one row (6 rows in all); their values were summed.');
    expect(s.notes[4]).toBe(
      '10 months without rows, counted as 0 (a straight line between the neighbouring values is the other choice): 2024-02, 2024-04, 2024-05, 2024-06, 2024-08, 2024-09, 2024-10, 2024-11, 2024-12, 2025-01.',
    );
    expect(s.details[4].params).toMatchObject({ count: 10, unit: 'month', unitWord: 'months', how: 'sum', more: 0 });
    expect(s.fill).toBe('zero');
  });

  it('averages by month and interpolates the gaps on a straight line', () => {
    const s = series(ledger, { ...base, period: 'month', how: 'mean' });
    // Known: 2024-01 = 200/4 = 50 (index 0), 2024-03 = 50/2 = 25 (2), 2024-07 = 60 (6), 2025-02 = 5 (13).
    // 2024-02 = (50 + 25)/2 = 37.5; 2024-04…06 = 25 + 35·k/4 = 33.75, 42.5, 51.25;
    // 2024-08…2025-01 = 60 − 55·k/7, k = 1…6.
    const expected = [50, 37.5, 25, 33.75, 42.5, 51.25, 60, ...[1, 2, 3, 4, 5, 6].map((k) => 60 - (55 * k) / 7), 5];
    expect(s.values).toHaveLength(14);
    s.values.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    expect(s.details.map((d) => d.code)).toContain('SERIES_GAPS_INTERPOLATED');
    expect(s.details.map((d) => d.code)).not.toContain('SERIES_GAPS_ZERO');
    expect(s.notes.find((n) => n.includes('straight line'))).toMatch(/^10 months without rows, filled on a straight line between the neighbouring averages/);
    expect(s.fill).toBe('interpolate');
  });

  it('sums by day over 407 days (2024 is a leap year: 366 + 31 + 10)', () => {
    const s = series(ledger, { ...base, period: 'day', how: 'sum' });
    expect(s.periods).toHaveLength(407);
    expect(s.periods.slice(0, 4)).toEqual(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04']);
    expect(s.values.slice(0, 4)).toEqual([100, 0, 50, 0]);
    expect(s.periods[406]).toBe('2025-02-10');
    // Every amount is on its own day: the total is 100+50+30+20+40+10+60+5 = 315, no period combined.
    expect(s.values.reduce((a, b) => a + b, 0)).toBe(315);
    expect(s.details.map((d) => d.code)).not.toContain('SERIES_PERIODS_COMBINED');
    // 8 days have rows, 399 are filled; the note lists 12 and says how many more.
    expect(s.filled.filter(Boolean)).toHaveLength(399);
    expect(s.notes.at(-1)).toMatch(/^399 days without rows, counted as 0 \(.*\): 2024-01-02, 2024-01-04, .* and 387 more\.$/);
  });

  it('sums by ISO week, weeks starting on Monday', () => {
    const s = series(ledger, { ...base, period: 'week', how: 'sum' });
    // 2024 has 52 ISO weeks (1 January is a Monday), then 2025-W01 … W07: 59 weeks.
    expect(s.periods).toHaveLength(59);
    expect(s.periods[0]).toBe('2024-W01');
    expect(s.periods[51]).toBe('2024-W52');
    expect(s.periods[52]).toBe('2025-W01');
    const at = (key: string) => s.values[s.periods.indexOf(key)];
    expect(at('2024-W01')).toBe(150);
    expect(at('2024-W02')).toBe(30);
    expect(at('2024-W05')).toBe(20);
    expect(at('2024-W10')).toBe(50);
    expect(at('2024-W27')).toBe(60);
    expect(at('2025-W07')).toBe(5);
    expect(s.values.reduce((a, b) => a + b, 0)).toBe(315);
  });

  it('counts rows by quarter, rows without an amount included', () => {
    const s = series(ledger, { ...base, period: 'quarter', how: 'count' });
    // Q1: a–f = 6 rows; Q2: row i (no amount, still a row); Q3: j; Q4: none; 2025-Q1: k.
    expect(s.periods).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1']);
    expect(s.values).toEqual([6, 1, 1, 0, 1]);
    expect(s.details.map((d) => d.code)).not.toContain('SERIES_NO_VALUE_ROWS');
    expect(s.notes).toContain('1 quarter without rows, counted as 0 (a straight line between the neighbouring values is the other choice): 2024-Q4.');
    expect(s.notes).toContain('1 quarter holds more than one row (6 rows in all); their rows were counted.');
  });

  it('sums by quarter and by year', () => {
    // Quarters: Q1 200 + 50 = 250, Q2 gap, Q3 60, Q4 gap, 2025-Q1 5.
    expect(series(ledger, { ...base, period: 'quarter', how: 'sum' }).values).toEqual([250, 0, 60, 0, 5]);
    // Years: 2024 = 315 − 5 = 310, 2025 = 5.
    const years = series(ledger, { ...base, period: 'year', how: 'sum' });
    expect(years.periods).toEqual(['2024', '2025']);
    expect(years.values).toEqual([310, 5]);
    // Means by year: 310 / 7 rows with an amount, 5 / 1.
    expect(series(ledger, { ...base, period: 'year', how: 'mean' }).values).toEqual([310 / 7, 5]);
  });

  it('counts with a column of any type', () => {
    const s = series(ledger, { date: 'Date', value: 'Note', period: 'year', how: 'count' });
    // 2024: a–f, i, j = 8 rows; 2025: k.
    expect(s.values).toEqual([8, 1]);
  });

  it('keeps only the rows of the filter', () => {
    // South: b (2024-01-03, 50), e (2024-03-04, 40), h (no date, file row 10), k (2025-02-10, 5).
    const s = series(ledger, { ...base, period: 'quarter', how: 'sum', filter: { column: 'Region', equals: 'South' } });
    expect(s.periods).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1']);
    expect(s.values).toEqual([90, 0, 0, 0, 5]);
    expect(s.details.find((d) => d.code === 'SERIES_UNDATED_ROWS')?.examples).toEqual([{ row: 10, text: '' }]);
  });

  it('fails with a code for an unknown column, a text value column and a filter that matches nothing', () => {
    expect(failure(ledger, { date: 'Datum', value: 'Amount', period: 'month', how: 'sum' })).toMatchObject({
      code: 'SERIES_UNKNOWN_COLUMN',
      params: { column: 'Datum', role: 'date' },
    });
    expect(failure(ledger, { date: 'Date', value: 'Revenue', period: 'month', how: 'count' })).toMatchObject({
      code: 'SERIES_UNKNOWN_COLUMN',
      params: { column: 'Revenue', role: 'value' },
    });
    const notNumeric = failure(ledger, { date: 'Date', value: 'Region', period: 'month', how: 'sum' });
    expect(notNumeric).toMatchObject({ code: 'SERIES_VALUE_NOT_NUMERIC', params: { column: 'Region', type: 'category', how: 'sum' } });
    expect(notNumeric.message).toContain('"Region"');
    expect(failure(ledger, { ...base, period: 'month', how: 'mean', filter: { column: 'Zone', equals: 'North' } })).toMatchObject({
      code: 'SERIES_FILTER_COLUMN',
      params: { column: 'Zone' },
    });
    expect(failure(ledger, { ...base, period: 'month', how: 'sum', filter: { column: 'Region', equals: 'East' } })).toMatchObject({
      code: 'SERIES_FILTER_VALUE',
      params: { column: 'Region', value: 'East' },
    });
  });

  it('fails without readable dates, naming up to 5 rows with their text', () => {
    const error = failure(ledger, { date: 'Region', value: 'Amount', period: 'month', how: 'sum' });
    expect(error.code).toBe('SERIES_NO_DATES');
    // Rows a–e are file rows 2–6.
    expect(error.params).toEqual({
      column: 'Region',
      count: 11,
      rows: '2, 3, 4, 5, 6',
      examples: '2: "North", 3: "South", 4: "North", 5: "North", 6: "South"',
    });
  });

  it('fails when every row falls in one period, or when there are too many periods', () => {
    const one = parsed('d,v\n2024-01-05,1\n2024-02-05,2\n');
    expect(failure(one, { date: 'd', value: 'v', period: 'year', how: 'sum' })).toMatchObject({
      code: 'SERIES_TOO_FEW_PERIODS',
      params: { count: 1, needed: 2, first: '2024' },
    });
    // 1800-01-01 … 2200-01-01 is 146 098 days.
    const long = parsed('d,v\n1800-01-01,1\n2200-01-01,2\n');
    expect(failure(long, { date: 'd', value: 'v', period: 'day', how: 'sum' })).toMatchObject({
      code: 'SERIES_TOO_MANY_PERIODS',
      params: { count: 146_098, max: MAX_SERIES_PERIODS },
    });
    expect(series(long, { date: 'd', value: 'v', period: 'year', how: 'sum' }).periods).toHaveLength(401);
  });

  it('fails when no dated row has a value', () => {
    // The only amount is on the row without a date.
    const empty = parsed('d,v\n2024-01-05,\nsoon,3\n2024-02-05,\n');
    expect(failure(empty, { date: 'd', value: 'v', period: 'month', how: 'sum' })).toMatchObject({ code: 'SERIES_NO_VALUES', params: { column: 'v', count: 2 } });
  });

  it('reads dates from a text column the importer left untyped, with the day/month order asked for', () => {
    // Too many non-dates for the importer to type the column as dates.
    const text = 'when,v\n03/04/2024,1\n03/05/2024,2\nsoon,3\nlater,4\nnever,5\n';
    const dataset = parsed(text);
    expect(dataset.columns[0].type).not.toBe('date');
    const dayFirst = series(dataset, { date: 'when', value: 'v', period: 'day', how: 'sum', dateOrder: 'dmy' });
    expect([dayFirst.periods[0], dayFirst.periods.at(-1)]).toEqual(['2024-04-03', '2024-05-03']);
    const monthFirst = series(dataset, { date: 'when', value: 'v', period: 'day', how: 'sum', dateOrder: 'mdy' });
    expect(monthFirst.periods).toEqual(['2024-03-04', '2024-03-05']);
    expect(monthFirst.values).toEqual([1, 2]);
  });

  it('reads quarters, ISO weeks and Chinese months written as text', () => {
    const quarters = parsed('q,v\nQ1 2015,1\n2015-Q2,2\n2015 Q4,4\n');
    expect(series(quarters, { date: 'q', value: 'v', period: 'quarter', how: 'sum' }).values).toEqual([1, 2, 0, 4]);
    const weeks = parsed('w,v\n2024-W52,1\n2025-W01,2\n2025-W02,3\n');
    expect(series(weeks, { date: 'w', value: 'v', period: 'week', how: 'sum' }).periods).toEqual(['2024-W52', '2025-W01', '2025-W02']);
    const chinese = parsed('月份,v\n2024年3月,1\n2024年5月,3\n');
    const s = series(chinese, { date: '月份', value: 'v', period: 'month', how: 'mean' });
    expect(s.periods).toEqual(['2024-03', '2024-04', '2024-05']);
    expect(s.values).toEqual([1, 2, 3]);
  });

  it('says when dates are coarser than the period asked for', () => {
    const months = parsed('m,v\n2024-01,1\n2024-02,2\n');
    const s = series(months, { date: 'm', value: 'v', period: 'week', how: 'sum' });
    // 2024-01-01 is in 2024-W01, 2024-02-01 (a Thursday) in 2024-W05.
    expect(s.periods).toEqual(['2024-W01', '2024-W02', '2024-W03', '2024-W04', '2024-W05']);
    expect(s.details.at(-1)).toMatchObject({ code: 'SERIES_COARSE_DATES', params: { column: 'm', precision: 'month', unit: 'week' } });
  });

  it('reads whole years from a number column', () => {
    const years = parsed('Year,Sales\n2019,10\n2020,12\n2022,9\n');
    const s = series(years, { date: 'Year', value: 'Sales', period: 'year', how: 'sum' });
    expect(s.periods).toEqual(['2019', '2020', '2021', '2022']);
    expect(s.values).toEqual([10, 12, 0, 9]);
  });

  it('sums yes/no values as ones and zeros', () => {
    const churn = parsed('Month,Churned\n2024-01,Yes\n2024-01,No\n2024-01,Yes\n2024-02,No\n');
    expect(series(churn, { date: 'Month', value: 'Churned', period: 'month', how: 'sum' }).values).toEqual([2, 0]);
  });

  it('does not change the data set', () => {
    const dataset = parsed(LEDGER);
    const before = JSON.stringify(dataset);
    series(dataset, { ...base, period: 'month', how: 'mean', filter: { column: 'Region', equals: 'North' } });
    expect(JSON.stringify(dataset)).toBe(before);
  });

  it('gives 94 monthly points for the champagne sample, its footer left out by the importer', () => {
    // The file holds 1964-01 … 1971-10: 8 years × 12 − 2 = 94 months, then a blank "," line
    // and a footer that the importer drops (TRAILING_JUNK). (The often quoted 105-month series
    // runs to 1972-09; this copy stops at 1971-10.)
    const champagne = shared('champagne-sales.csv');
    const value = champagne.columns[1].name;
    const s = series(champagne, { date: 'Month', value, period: 'month', how: 'sum' });
    expect(s.periods).toHaveLength(94);
    expect([s.periods[0], s.periods.at(-1)]).toEqual(['1964-01', '1971-10']);
    expect([s.values[0], s.values[1], s.values.at(-1)]).toEqual([2815, 2672, 6981]);
    expect(s.details.map((d) => d.code)).toEqual(['SERIES_RANGE']);
  });

  it('gives 144 monthly points for the air passengers sample ("Jan 1949" … "Dec 1960")', () => {
    const s = series(shared('air-passengers.csv'), { date: 'date', value: 'traffic', period: 'month', how: 'sum' });
    // 12 years × 12 months.
    expect(s.periods).toHaveLength(144);
    expect([s.periods[0], s.periods.at(-1)]).toEqual(['1949-01', '1960-12']);
    expect([s.values[0], s.values.at(-1)]).toEqual([112, 432]);
    expect(s.filled.some(Boolean)).toBe(false);
  });
});

const DAY = 86_400_000;

/** A CSV of one row per day from `first` to `last` (UTC ms, both included), amount 1, where `keep(day)` says so. */
function dailyCsv(first: number, last: number, keep: (date: Date) => boolean = () => true): string {
  const lines = ['Date,Amount'];
  for (let ms = first; ms <= last; ms += DAY) if (keep(new Date(ms))) lines.push(`${new Date(ms).toISOString().slice(0, 10)},1`);
  return lines.join('\n') + '\n';
}

const weekday = (date: Date) => date.getUTCDay() !== 0 && date.getUTCDay() !== 6;

describe('aggregateSeries: a first or last period the rows cover only in part', () => {
  // Every day from Monday 2 December 2024 to Monday 30 December 2024, one row of 1 each:
  // 2024-W49 … W52 are whole weeks (2–8, 9–15, 16–22, 23–29 December), and 2025-W01 starts on
  // Monday 30 December, its only day with rows.
  const december = parsed(dailyCsv(Date.UTC(2024, 11, 2), Date.UTC(2024, 11, 30)));

  it('leaves out a last week holding one day of seven, and says so', () => {
    const s = series(december, { ...base, period: 'week', how: 'sum' });
    expect(s.periods).toEqual(['2024-W49', '2024-W50', '2024-W51', '2024-W52']);
    expect(s.values).toEqual([7, 7, 7, 7]);
    expect(s.partial).toEqual([false, false, false, false]);
    const note = s.details.find((d) => d.code === 'SERIES_PARTIAL_DROPPED');
    expect(note?.params).toEqual({
      position: 'last',
      period: '2025-W01',
      from: '2024-12-30',
      to: '2024-12-30',
      days: 1,
      periodDays: 7,
      rows: 1,
      rowWord: 'row',
      unit: 'week',
      unitWord: 'week',
    });
    expect(note?.periods).toEqual(['2025-W01']);
    expect(s.notes).toContain(
      'The last week, 2025-W01, is only partly covered by the rows (2024-12-30 to 2024-12-30: 1 of its 7 days) and was left out with its 1 row, so that a part-week is not read as a whole one; it can be kept instead.',
    );
    // The range note comes first and names what is left.
    expect(s.notes[0]).toBe('The series runs from 2024-W49 to 2024-W52: 4 weeks.');
  });

  it('keeps it when asked, marked as partial', () => {
    const s = series(december, { ...base, period: 'week', how: 'sum', keepPartial: true });
    expect(s.periods).toEqual(['2024-W49', '2024-W50', '2024-W51', '2024-W52', '2025-W01']);
    expect(s.values).toEqual([7, 7, 7, 7, 1]);
    expect(s.partial).toEqual([false, false, false, false, true]);
    expect(s.details.map((d) => d.code)).toContain('SERIES_PARTIAL_KEPT');
    expect(s.details.map((d) => d.code)).not.toContain('SERIES_PARTIAL_DROPPED');
  });

  it('leaves out both ends of a ledger from 16 September to 10 December shown by month', () => {
    // September: 16–30 is 15 of 30 days; December: 1–10 is 10 of 31 days.
    const ledger = parsed(dailyCsv(Date.UTC(2024, 8, 16), Date.UTC(2024, 11, 10)));
    const s = series(ledger, { ...base, period: 'month', how: 'sum' });
    expect(s.periods).toEqual(['2024-10', '2024-11']);
    expect(s.values).toEqual([31, 30]);
    const notes = s.details.filter((d) => d.code === 'SERIES_PARTIAL_DROPPED');
    expect(notes.map((d) => [d.params.position, d.params.period, d.params.days, d.params.periodDays, d.params.rows])).toEqual([
      ['first', '2024-09', 15, 30, 15],
      ['last', '2024-12', 10, 31, 10],
    ]);
    // Counts and means are cut the same way.
    expect(series(ledger, { ...base, period: 'month', how: 'count' }).values).toEqual([31, 30]);
  });

  it('keeps partial ends when leaving them out would leave fewer than 2 periods', () => {
    // 16 September – 10 November: dropping September and November would leave October alone.
    const ledger = parsed(dailyCsv(Date.UTC(2024, 8, 16), Date.UTC(2024, 10, 10)));
    const s = series(ledger, { ...base, period: 'month', how: 'sum' });
    expect(s.periods).toEqual(['2024-09', '2024-10', '2024-11']);
    expect(s.values).toEqual([15, 31, 10]);
    expect(s.partial).toEqual([true, false, true]);
    expect(s.details.filter((d) => d.code === 'SERIES_PARTIAL_KEPT').map((d) => d.params.position)).toEqual(['first', 'last']);
  });

  it('takes a ledger without weekend rows that ends on a Friday as a whole month', () => {
    // Weekdays from Monday 2 September to Friday 29 November 2024: 21, 23 and 21 of them. The
    // usual gap is 3 days (Friday to Monday), so 1 September (a Sunday) and 30 November (a
    // Saturday) need no rows.
    const ledger = parsed(dailyCsv(Date.UTC(2024, 8, 2), Date.UTC(2024, 10, 29), weekday));
    const s = series(ledger, { ...base, period: 'month', how: 'sum' });
    expect(s.periods).toEqual(['2024-09', '2024-10', '2024-11']);
    expect(s.values).toEqual([21, 23, 21]);
    expect(s.details.map((d) => d.code)).toEqual(['SERIES_RANGE', 'SERIES_PERIODS_COMBINED']);
    // Ending on Wednesday 27 November instead, Thursday 28 and Friday 29 are missing.
    const early = parsed(dailyCsv(Date.UTC(2024, 8, 2), Date.UTC(2024, 10, 27), weekday));
    const cut = series(early, { ...base, period: 'month', how: 'sum' });
    expect(cut.periods).toEqual(['2024-09', '2024-10']);
    expect(cut.details.find((d) => d.code === 'SERIES_PARTIAL_DROPPED')?.params).toMatchObject({ period: '2024-11', days: 27, periodDays: 30, rows: 19 });
  });

  it('never finds a monthly file partial by month, and judges it by quarter in whole months', () => {
    // February … November 2024, as month texts and as dates on the 1st.
    const months = ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11'];
    for (const cell of [(m: string) => `2024-${m}`, (m: string) => `2024-${m}-01`]) {
      const file = parsed(`Month,Sales\n${months.map((m) => `${cell(m)},1`).join('\n')}\n`);
      const byMonth = series(file, { date: 'Month', value: 'Sales', period: 'month', how: 'sum' });
      expect(byMonth.periods).toHaveLength(10);
      expect(byMonth.details.map((d) => d.code)).toEqual(['SERIES_RANGE']);
      // By quarter: Q1 lacks January (February 1 – March 31 is 29 + 31 = 60 of 91 days, 2024
      // is a leap year); Q4 lacks December (October 1 – November 30, 61 of 92 days).
      const byQuarter = series(file, { date: 'Month', value: 'Sales', period: 'quarter', how: 'sum' });
      expect(byQuarter.periods).toEqual(['2024-Q2', '2024-Q3']);
      expect(byQuarter.values).toEqual([3, 3]);
      const dropped = byQuarter.details.filter((d) => d.code === 'SERIES_PARTIAL_DROPPED');
      expect(dropped.map((d) => [d.params.period, d.params.from, d.params.to, d.params.days, d.params.periodDays])).toEqual([
        ['2024-Q1', '2024-02-01', '2024-03-31', 60, 91],
        ['2024-Q4', '2024-10-01', '2024-11-30', 61, 92],
      ]);
    }
  });

  it('takes weekly rows (Mondays) by month as whole months when the next Monday falls in the next month', () => {
    // Mondays 1 January … 30 December 2024: the Monday after 30 December is in January.
    const mondays = parsed(dailyCsv(Date.UTC(2024, 0, 1), Date.UTC(2024, 11, 30), (d) => d.getUTCDay() === 1));
    const s = series(mondays, { ...base, period: 'month', how: 'sum' });
    expect([s.periods[0], s.periods.at(-1), s.periods.length]).toEqual(['2024-01', '2024-12', 12]);
    expect(s.details.map((d) => d.code)).toEqual(['SERIES_RANGE', 'SERIES_PERIODS_COMBINED']);
  });
});

describe('aggregateSeries: filling the periods without rows', () => {
  it('fills sums with 0 by default and says interpolation is the other choice', () => {
    const s = series(ledger, { ...base, period: 'quarter', how: 'sum' });
    expect(s.values).toEqual([250, 0, 60, 0, 5]);
    expect(s.fill).toBe('zero');
    expect(s.notes.at(-1)).toBe('2 quarters without rows, counted as 0 (a straight line between the neighbouring values is the other choice): 2024-Q2, 2024-Q4.');
  });

  it('interpolates sums and counts when asked', () => {
    // Sums: Q2 = (250 + 60) / 2 = 155, Q4 = (60 + 5) / 2 = 32.5.
    const sums = series(ledger, { ...base, period: 'quarter', how: 'sum', fill: 'interpolate' });
    expect(sums.values).toEqual([250, 155, 60, 32.5, 5]);
    expect(sums.fill).toBe('interpolate');
    expect(sums.filled).toEqual([false, true, false, true, false]);
    const note = sums.details.at(-1);
    expect(note?.code).toBe('SERIES_GAPS_INTERPOLATED_TOTALS');
    expect(note?.message).toBe('2 quarters without rows, filled on a straight line between the neighbouring values (counting them as 0 is the other choice): 2024-Q2, 2024-Q4.');
    expect(note?.params).toMatchObject({ count: 2, unitWord: 'quarters', how: 'sum', aggregate: 'sum' });
    // Counts: 6, 1, 1, gap, 1: the gap is (1 + 1) / 2 = 1.
    expect(series(ledger, { ...base, period: 'quarter', how: 'count', fill: 'interpolate' }).values).toEqual([6, 1, 1, 1, 1]);
  });

  it('always interpolates means, whatever the option says', () => {
    const s = series(ledger, { ...base, period: 'quarter', how: 'mean', fill: 'zero' });
    // Q1: 250 / 6 rows with an amount; Q3 60; 2025-Q1 5; Q2 and Q4 halfway.
    expect(s.values).toEqual([250 / 6, (250 / 6 + 60) / 2, 60, 32.5, 5]);
    expect(s.fill).toBe('interpolate');
    expect(s.details.at(-1)?.code).toBe('SERIES_GAPS_INTERPOLATED');
  });
});

describe('aggregateSeries: notes that read right for 1 and for many', () => {
  it('gives the unit and the aggregation in words that agree with the count', () => {
    const one = series(ledger, { ...base, period: 'quarter', how: 'mean' });
    // One quarter (Q1, rows a–f) holds more than one row; one (Q2: only row i, no amount) and Q4 have none.
    const combined = one.details.find((d) => d.code === 'SERIES_PERIODS_COMBINED');
    expect(combined?.params).toEqual({ count: 1, rows: 6, unit: 'quarter', unitWord: 'quarter', how: 'mean', aggregate: 'average' });
    const counted = series(ledger, { ...base, period: 'quarter', how: 'count' }).details.find((d) => d.code === 'SERIES_GAPS_ZERO');
    expect(counted?.params).toMatchObject({ count: 1, unitWord: 'quarter', aggregate: 'count' });
  });
});

describe('aggregateSeries: dates written with a time-zone offset', () => {
  // 22:00 on 31 March in New York is 03:00 on 1 April in UTC; 01:00 on 1 April in Tokyo is
  // 16:00 on 31 March in UTC. Each counts on the date written.
  const rows = 'when,v\n2024-03-31T22:00-05:00,1\n2024-04-01T01:00+09:00,2\n2024-05-01T00:00Z,4\n';

  it('counts a moment on the date written, in a date column', () => {
    const dataset = parsed(rows);
    expect(dataset.columns[0].type).toBe('date');
    const s = series(dataset, { date: 'when', value: 'v', period: 'month', how: 'sum', keepPartial: true });
    expect(s.periods).toEqual(['2024-03', '2024-04', '2024-05']);
    expect(s.values).toEqual([1, 2, 4]);
  });

  it('counts a moment on the date written, in a text column', () => {
    const dataset = parsed(`${rows}soon,8\nlater,16\nnever,32\n`);
    expect(dataset.columns[0].type).not.toBe('date');
    const s = series(dataset, { date: 'when', value: 'v', period: 'day', how: 'sum' });
    expect(s.periods).toEqual(readDays('2024-03-31', 32));
    expect([s.values[0], s.values[1], s.values[31]]).toEqual([1, 2, 4]);
  });
});

/** `count` consecutive day keys from `first`. */
function readDays(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * DAY).toISOString().slice(0, 10));
}

describe('readColumnDates', () => {
  it('reads every row as aggregateSeries does, with the coarsest precision of the texts', () => {
    const dataset = parsed('d,v\n2024-03-15,1\n2024-Q2,2\nsoon,3\n2024-W20,4\n,5\n2024-06-01,6\n2024-07-02,7\n2024-08-03,8\n');
    const dates = readColumnDates(dataset, dataset.columns[0], 'dmy');
    expect(Array.from(dates.ms)).toEqual([
      Date.UTC(2024, 2, 15),
      Date.UTC(2024, 3, 1),
      NaN,
      // 2024-W20 starts on Monday 13 May.
      Date.UTC(2024, 4, 13),
      NaN,
      Date.UTC(2024, 5, 1),
      Date.UTC(2024, 6, 2),
      Date.UTC(2024, 7, 3),
    ]);
    expect(dates.precision).toBe('quarter');
  });
});
