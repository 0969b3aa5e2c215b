import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDateOrder, parseDateCell } from '../../../../src/core/data/parse-date';

const readSharedCsv = (name: string): string[][] =>
  readFileSync(resolve(process.cwd(), '../shared/data', name), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => line.split(','));

describe('parseDateCell year-first forms', () => {
  it.each<[string, number]>([
    ['2024-03-15', Date.UTC(2024, 2, 15)],
    ['2024/03/15', Date.UTC(2024, 2, 15)],
    ['2024.03.15', Date.UTC(2024, 2, 15)],
    ['2024/3/5', Date.UTC(2024, 2, 5)],
    ['2024-3-5', Date.UTC(2024, 2, 5)],
    [' 2024-03-15 ', Date.UTC(2024, 2, 15)],
    ['2024-03-15T10:20:30', Date.UTC(2024, 2, 15, 10, 20, 30)],
    ['2024-03-15t10:20:30', Date.UTC(2024, 2, 15, 10, 20, 30)],
    ['2024-03-15T10:20', Date.UTC(2024, 2, 15, 10, 20)],
    ['2024-03-15T10:20:30Z', Date.UTC(2024, 2, 15, 10, 20, 30)],
    ['2024-03-15T10:20:30.5Z', Date.UTC(2024, 2, 15, 10, 20, 30, 500)],
    ['2024-03-15T10:20:30.123456', Date.UTC(2024, 2, 15, 10, 20, 30, 123)],
    ['2024-03-15T10:20:30+02:00', Date.UTC(2024, 2, 15, 8, 20, 30)],
    ['2024-03-15T10:20:30-0530', Date.UTC(2024, 2, 15, 15, 50, 30)],
    ['2024-03-15T10:20+01', Date.UTC(2024, 2, 15, 9, 20)],
    ['2024-03-15 10:20', Date.UTC(2024, 2, 15, 10, 20)],
    ['2024-03-15 10:20:30', Date.UTC(2024, 2, 15, 10, 20, 30)],
    ['2024/03/15 0:05', Date.UTC(2024, 2, 15, 0, 5)],
    ['2024-03-15 23:59:59.999', Date.UTC(2024, 2, 15, 23, 59, 59, 999)],
    ['2024-03', Date.UTC(2024, 2, 1)],
    ['2024/03', Date.UTC(2024, 2, 1)],
    ['1964-01', Date.UTC(1964, 0, 1)],
    ['2015-Q1', Date.UTC(2015, 0, 1)],
    ['2015 Q2', Date.UTC(2015, 3, 1)],
    ['2015Q3', Date.UTC(2015, 6, 1)],
    ['2015-q4', Date.UTC(2015, 9, 1)],
  ])('reads %j', (raw, expected) => {
    expect(parseDateCell(raw, 'dmy')).toBe(expected);
    expect(parseDateCell(raw, 'mdy')).toBe(expected);
  });
});

describe('parseDateCell day/month-first forms', () => {
  it.each<[string, number]>([
    ['15/03/2024', Date.UTC(2024, 2, 15)],
    ['15.03.2024', Date.UTC(2024, 2, 15)],
    ['15-03-2024', Date.UTC(2024, 2, 15)],
    ['5/3/2024', Date.UTC(2024, 2, 5)],
    ['03/04/2024', Date.UTC(2024, 3, 3)],
    ['15/03/24', Date.UTC(2024, 2, 15)],
    ['15/03/99', Date.UTC(1999, 2, 15)],
    ['01/01/29', Date.UTC(2029, 0, 1)],
    ['01/01/30', Date.UTC(1930, 0, 1)],
    ['15/03/2024 10:20', Date.UTC(2024, 2, 15, 10, 20)],
    ['15.03.2024 10:20:30', Date.UTC(2024, 2, 15, 10, 20, 30)],
  ])('reads %j as day-first with order dmy', (raw, expected) => {
    expect(parseDateCell(raw, 'dmy')).toBe(expected);
  });

  it.each<[string, number]>([
    ['03/15/2024', Date.UTC(2024, 2, 15)],
    ['3/15/2024', Date.UTC(2024, 2, 15)],
    ['03-15-2024', Date.UTC(2024, 2, 15)],
    ['03/04/2024', Date.UTC(2024, 2, 4)],
    ['3/15/24', Date.UTC(2024, 2, 15)],
    ['3/15/2024 14:30', Date.UTC(2024, 2, 15, 14, 30)],
    ['3/15/2024 2:30 PM', Date.UTC(2024, 2, 15, 14, 30)],
    ['3/15/2024 2:30pm', Date.UTC(2024, 2, 15, 14, 30)],
    ['3/15/2024 12:05 AM', Date.UTC(2024, 2, 15, 0, 5)],
    ['3/15/2024 12:05 PM', Date.UTC(2024, 2, 15, 12, 5)],
  ])('reads %j as month-first with order mdy', (raw, expected) => {
    expect(parseDateCell(raw, 'mdy')).toBe(expected);
  });

  it('rejects a day-first date read month-first and vice versa', () => {
    expect(parseDateCell('15/03/2024', 'mdy')).toBeNaN();
    expect(parseDateCell('03/15/2024', 'dmy')).toBeNaN();
  });
});

describe('parseDateCell month names and quarters', () => {
  it.each<[string, number]>([
    ['Mar 2024', Date.UTC(2024, 2, 1)],
    ['March 2024', Date.UTC(2024, 2, 1)],
    ['MARCH 2024', Date.UTC(2024, 2, 1)],
    ['mar 2024', Date.UTC(2024, 2, 1)],
    ['Mar-2024', Date.UTC(2024, 2, 1)],
    ['Mar/2024', Date.UTC(2024, 2, 1)],
    ['Sep 2024', Date.UTC(2024, 8, 1)],
    ['Sept 2024', Date.UTC(2024, 8, 1)],
    ['Sept. 2024', Date.UTC(2024, 8, 1)],
    ['May 2024', Date.UTC(2024, 4, 1)],
    ['Jan 1949', Date.UTC(1949, 0, 1)],
    ['Mar-24', Date.UTC(2024, 2, 1)],
    ['Dec-99', Date.UTC(1999, 11, 1)],
    ['15 Mar 2024', Date.UTC(2024, 2, 15)],
    ['15 March 2024', Date.UTC(2024, 2, 15)],
    ['15-Mar-2024', Date.UTC(2024, 2, 15)],
    ['15-Mar-24', Date.UTC(2024, 2, 15)],
    ['15/Mar/2024', Date.UTC(2024, 2, 15)],
    ['1 Feb 2024 08:00', Date.UTC(2024, 1, 1, 8)],
    ['Mar 15, 2024', Date.UTC(2024, 2, 15)],
    ['Mar 15,2024', Date.UTC(2024, 2, 15)],
    ['March 15 2024', Date.UTC(2024, 2, 15)],
    ['Mar. 15, 2024', Date.UTC(2024, 2, 15)],
    ['Mar 15, 2024 10:20', Date.UTC(2024, 2, 15, 10, 20)],
    ['Q1 2015', Date.UTC(2015, 0, 1)],
    ['Q4 2015', Date.UTC(2015, 9, 1)],
    ['q2-2015', Date.UTC(2015, 3, 1)],
    ['Q3/2015', Date.UTC(2015, 6, 1)],
  ])('reads %j', (raw, expected) => {
    expect(parseDateCell(raw, 'dmy')).toBe(expected);
    expect(parseDateCell(raw, 'mdy')).toBe(expected);
  });
});

describe('parseDateCell rejects', () => {
  it.each([
    '',
    '   ',
    '2024',
    '1964',
    '20240315',
    '12',
    '-12.5',
    '1,234',
    '3.14159',
    '2023-02-29',
    '2100-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-13',
    '2024-00',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-01-32',
    '13/13/2024',
    '32/01/2024',
    '00/01/2024',
    '0999-01-01',
    '0999-01',
    '10000-01-01',
    '2024-3',
    '2024.03',
    '2024-03-',
    '2024-03-15T',
    '2024-03-15T10',
    '2024-03-15T24:00',
    '2024-03-15T10:60',
    '2024-03-15T10:20:60',
    '2024-03-15T10:20:30.',
    '2024-03-15T10:20+15:00',
    '2024-03-15 10:20 XM',
    '3/15/2024 13:00 PM',
    '2024-03-15x',
    '15/03/2024T10:20',
    '15-03-24',
    '15.03.24',
    '1/2/3',
    '15/03',
    '15 03 2024',
    '15/03-2024',
    '2024/03-15',
    'Mar 24',
    'Mar 15',
    '15 Mar',
    'Marc 2024',
    'Mayor 2024',
    'Mar 15, 24',
    'March',
    'Q5 2015',
    'Q0 2015',
    '2015-Q5',
    '2015.Q1',
    'Q1 15',
    'Quarterly',
    'Electronic check',
    'Month-to-month',
    '7590-VHVEG',
    'NA',
    'N/A',
  ])('reads %j as NaN', (raw) => {
    expect(parseDateCell(raw, 'dmy')).toBeNaN();
    expect(parseDateCell(raw, 'mdy')).toBeNaN();
  });

  it('accepts 29 February in leap years only (divisible by 4, centuries by 400)', () => {
    expect(parseDateCell('2024-02-29', 'dmy')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDateCell('2000-02-29', 'dmy')).toBe(Date.UTC(2000, 1, 29));
    expect(parseDateCell('29/02/2024', 'dmy')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDateCell('2023-02-29', 'dmy')).toBeNaN();
    expect(parseDateCell('1900-02-29', 'dmy')).toBeNaN();
    expect(parseDateCell('02/29/2023', 'mdy')).toBeNaN();
  });

  it('accepts the year bounds 1000 and 9999', () => {
    expect(parseDateCell('1000-01-01', 'dmy')).toBe(Date.UTC(1000, 0, 1));
    expect(parseDateCell('9999-12-31', 'dmy')).toBe(Date.UTC(9999, 11, 31));
  });
});

describe('parseDateCell on the shared sample data', () => {
  it('reads every month of air-passengers.csv ("Jan 1949")', () => {
    const rows = readSharedCsv('air-passengers.csv');
    expect(rows[0]).toEqual(['"date"', '"traffic"']);
    const data = rows.slice(1);
    expect(data.length).toBe(144);
    expect(data[0][0]).toBe('Jan 1949');
    data.forEach(([cell], i) => {
      expect(parseDateCell(cell, 'dmy'), cell).toBe(Date.UTC(1949 + Math.floor(i / 12), i % 12, 1));
    });
  });

  it('reads every month of champagne-sales.csv ("1964-01")', () => {
    const rows = readSharedCsv('champagne-sales.csv');
    // 1964-01 .. 1971-10, then a blank record and a repeated title line as a footer.
    const data = rows.slice(1, 95);
    expect(data[0][0]).toBe('1964-01');
    expect(data[93][0]).toBe('1971-10');
    data.forEach(([cell], i) => {
      expect(parseDateCell(cell, 'mdy'), cell).toBe(Date.UTC(1964 + Math.floor(i / 12), i % 12, 1));
    });
    for (const [cell] of rows.slice(95)) expect(parseDateCell(cell, 'dmy'), cell).toBeNaN();
  });
});

describe('detectDateOrder', () => {
  it('says dmy when some first field is above 12', () => {
    expect(detectDateOrder(['03/04/2024', '25/12/2024', '01/02/2024'])).toBe('dmy');
    expect(detectDateOrder(['15.03.2024'])).toBe('dmy');
    expect(detectDateOrder(['15-03-2024 10:20'])).toBe('dmy');
  });

  it('says mdy when some second field is above 12', () => {
    expect(detectDateOrder(['03/04/2024', '12/25/2024'])).toBe('mdy');
    expect(detectDateOrder(['3/15/24'])).toBe('mdy');
  });

  it('says ambiguous when every field is 12 or below, or there are no such dates', () => {
    expect(detectDateOrder(['03/04/2024', '01/02/2024', '12/12/2024'])).toBe('ambiguous');
    expect(detectDateOrder([])).toBe('ambiguous');
    expect(detectDateOrder(['2024-03-15', 'Mar 2024', '15 Mar 2024', 'abc', ''])).toBe('ambiguous');
  });

  it('ignores impossible fields (13/13, 32/01) and lets the majority win on conflicts', () => {
    expect(detectDateOrder(['13/13/2024', '32/01/2024'])).toBe('ambiguous');
    expect(detectDateOrder(['25/12/2024', '26/12/2024', '12/25/2024'])).toBe('dmy');
    expect(detectDateOrder(['25/12/2024', '12/25/2024'])).toBe('ambiguous');
  });

  it('accepts any iterable, such as a Set', () => {
    expect(detectDateOrder(new Set(['31/01/2024']))).toBe('dmy');
  });
});
