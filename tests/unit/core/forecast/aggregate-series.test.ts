import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { aggregateSeries, MAX_SERIES_PERIODS, type AggregateSeriesOptions } from '../../../../src/core/forecast/aggregate-series';
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
    expect(s.details[0].params).toEqual({ first: '2024-01', last: '2025-02', count: 14, unit: 'month' });
    // Rows g (file row 9, after the blank row 8) and h (row 10, empty date).
    const undated = s.details[1];
    expect(undated.examples).toEqual([
      { row: 9, text: 'not a date' },
      { row: 10, text: '' },
    ]);
    expect(undated.params).toMatchObject({ column: 'Date', count: 2, rows: '9, 10' });
    expect(s.notes[1]).toBe('2 rows have no date that can be read in column "Date" and were left out (row 9: "not a date", row 10: "").');
    // Row i (file row 11) has a date but no amount.
    expect(s.details[2].examples).toEqual([{ row: 11, text: '' }]);
    expect(s.details[2].params).toMatchObject({ column: 'Amount', count: 1, rows: '11' });
    // 2024-01 has 4 rows and 2024-03 has 2: 2 months, 6 rows.
    expect(s.details[3].params).toEqual({ count: 2, rows: 6, unit: 'month', how: 'sum' });
    expect(s.notes[3]).toBe('2 months hold more than one row (6 rows in all); their values were summed.');
    expect(s.notes[4]).toBe('10 months had no rows and count as 0: 2024-02, 2024-04, 2024-05, 2024-06, 2024-08, 2024-09, 2024-10, 2024-11, 2024-12, 2025-01.');
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
    expect(s.notes.find((n) => n.includes('interpolated'))).toMatch(/^10 months had no rows; their averages were interpolated/);
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
    expect(s.notes.at(-1)).toMatch(/^399 days had no rows and count as 0: 2024-01-02, 2024-01-04, .* and 387 more\.$/);
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
    expect(s.notes).toContain('1 quarter had no rows and counts as 0: 2024-Q4.');
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
