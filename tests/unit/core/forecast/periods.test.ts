import { describe, expect, it } from 'vitest';
import {
  coarserUnit,
  futurePeriodKeys,
  isCoarserThan,
  keyOrdinal,
  naturalSeasonLength,
  nextPeriodKey,
  ordinalKey,
  parsePeriodText,
  periodKey,
  periodKeysBetween,
  periodOrdinal,
  periodStart,
  PERIOD_UNITS,
} from '../../../../src/core/forecast/periods';

const utc = Date.UTC;

describe('periodKey', () => {
  it('writes the day, ISO week, month, quarter and year of a moment', () => {
    const ms = utc(2024, 2, 15, 13, 30); // Friday 15 March 2024, 13:30 UTC
    expect(periodKey(ms, 'day')).toBe('2024-03-15');
    // 1 January 2024 is a Monday, so week 1 starts then; 15 March is day 74 → week ⌊74/7⌋ + 1 = 11.
    expect(periodKey(ms, 'week')).toBe('2024-W11');
    expect(periodKey(ms, 'month')).toBe('2024-03');
    expect(periodKey(ms, 'quarter')).toBe('2024-Q1');
    expect(periodKey(ms, 'year')).toBe('2024');
  });

  it('puts the days around New Year in the ISO week of their Thursday', () => {
    // 2020-12-31 is a Thursday: week 53 of 2020; Friday 2021-01-01 to Sunday 01-03 are in it too.
    expect(periodKey(utc(2020, 11, 31), 'week')).toBe('2020-W53');
    expect(periodKey(utc(2021, 0, 3), 'week')).toBe('2020-W53');
    expect(periodKey(utc(2021, 0, 4), 'week')).toBe('2021-W01');
    // 2024-12-30 is a Monday whose Thursday is 2025-01-02: week 1 of 2025.
    expect(periodKey(utc(2024, 11, 30), 'week')).toBe('2025-W01');
    // Sunday belongs to the week that started on Monday.
    expect(periodKey(utc(2024, 2, 17), 'week')).toBe('2024-W11');
    expect(periodKey(utc(2024, 2, 18), 'week')).toBe('2024-W12');
  });

  it('handles moments before 1970', () => {
    expect(periodKey(utc(1949, 0, 1), 'month')).toBe('1949-01');
    expect(periodKey(utc(1964, 11, 31, 23, 59), 'day')).toBe('1964-12-31');
    // 1 January 1949 is a Saturday: its Thursday is 30 December 1948, the last ISO week of 1948.
    expect(periodKey(utc(1949, 0, 1), 'week')).toBe('1948-W53');
  });

  it('throws on a moment that is not a number', () => {
    expect(() => periodKey(NaN, 'day')).toThrow(RangeError);
  });
});

describe('ordinals', () => {
  it('number consecutive periods consecutively and round-trip through keys', () => {
    expect(periodOrdinal(utc(2024, 2, 15), 'month')).toBe(2024 * 12 + 2);
    expect(periodOrdinal(utc(2024, 2, 15), 'quarter')).toBe(2024 * 4);
    expect(periodOrdinal(utc(1970, 0, 5), 'week')).toBe(0);
    expect(periodOrdinal(utc(1970, 0, 4), 'week')).toBe(-1);
    for (const unit of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      for (const ordinal of [periodOrdinal(utc(1964, 0, 1), unit), periodOrdinal(utc(2024, 11, 30), unit)]) {
        expect(keyOrdinal(ordinalKey(ordinal, unit), unit)).toBe(ordinal);
      }
    }
  });

  it('rejects keys that are not real periods', () => {
    expect(keyOrdinal('2024-13', 'month')).toBeNaN();
    expect(keyOrdinal('2024-02-30', 'day')).toBeNaN();
    // 2021 has 52 ISO weeks (1 January 2021 is a Friday); 2020 has 53 (a Wednesday in a leap year).
    expect(keyOrdinal('2021-W53', 'week')).toBeNaN();
    expect(keyOrdinal('2020-W53', 'week')).not.toBeNaN();
    expect(keyOrdinal('2024-Q5', 'quarter')).toBeNaN();
    expect(keyOrdinal('2024-3', 'month')).toBeNaN();
    expect(keyOrdinal('2024-03', 'day')).toBeNaN();
  });
});

describe('periodStart', () => {
  it('gives the first UTC midnight of a key', () => {
    expect(periodStart('2024-W11', 'week')).toBe(utc(2024, 2, 11));
    expect(periodStart('2020-W53', 'week')).toBe(utc(2020, 11, 28));
    expect(periodStart('2024-Q3', 'quarter')).toBe(utc(2024, 6, 1));
    expect(periodStart('1949-02', 'month')).toBe(utc(1949, 1, 1));
    expect(periodStart('2024', 'year')).toBe(utc(2024, 0, 1));
    expect(periodStart('nonsense', 'year')).toBeNaN();
  });
});

describe('nextPeriodKey', () => {
  it('steps over month, quarter, year and ISO-year ends', () => {
    expect(nextPeriodKey('2024-02-28', 'day')).toBe('2024-02-29');
    expect(nextPeriodKey('2023-02-28', 'day')).toBe('2023-03-01');
    expect(nextPeriodKey('2020-W53', 'week')).toBe('2021-W01');
    expect(nextPeriodKey('2024-W52', 'week')).toBe('2025-W01');
    expect(nextPeriodKey('2024-12', 'month')).toBe('2025-01');
    expect(nextPeriodKey('2024-Q4', 'quarter')).toBe('2025-Q1');
    expect(nextPeriodKey('1999', 'year')).toBe('2000');
  });

  it('throws on a key of another unit', () => {
    expect(() => nextPeriodKey('2024-03', 'quarter')).toThrow(RangeError);
  });
});

describe('periodKeysBetween', () => {
  it('lists every key from first to last, both included', () => {
    expect(periodKeysBetween('2023-11', '2024-02', 'month')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(periodKeysBetween('2023-Q4', '2023-Q4', 'quarter')).toEqual(['2023-Q4']);
    expect(periodKeysBetween('2020-W52', '2021-W02', 'week')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(periodKeysBetween('2024-02-27', '2024-03-01', 'day')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('is empty when last comes before first', () => {
    expect(periodKeysBetween('2024-02', '2024-01', 'month')).toEqual([]);
  });
});

describe('futurePeriodKeys', () => {
  it('gives the keys after the last observed period', () => {
    expect(futurePeriodKeys('2024-11', 3, 'month')).toEqual(['2024-12', '2025-01', '2025-02']);
    expect(futurePeriodKeys('1960-12', 2, 'month')).toEqual(['1961-01', '1961-02']);
    expect(futurePeriodKeys('2024-Q3', 2, 'quarter')).toEqual(['2024-Q4', '2025-Q1']);
    expect(futurePeriodKeys('2024-12-31', 1, 'day')).toEqual(['2025-01-01']);
    expect(futurePeriodKeys('2024', 0, 'year')).toEqual([]);
  });

  it('throws on a horizon that is not a whole number', () => {
    expect(() => futurePeriodKeys('2024', 1.5, 'year')).toThrow(RangeError);
    expect(() => futurePeriodKeys('2024', -1, 'year')).toThrow(RangeError);
  });
});

describe('naturalSeasonLength', () => {
  it('is 12 for months, 4 for quarters, 7 for days, 52 for weeks and 1 for years', () => {
    expect(naturalSeasonLength('month')).toBe(12);
    expect(naturalSeasonLength('quarter')).toBe(4);
    expect(naturalSeasonLength('day')).toBe(7);
    expect(naturalSeasonLength('week')).toBe(52);
    expect(naturalSeasonLength('year')).toBe(1);
  });
});

describe('parsePeriodText', () => {
  it('reads quarters in their usual spellings', () => {
    const q1 = { start: utc(2015, 0, 1), precision: 'quarter' };
    for (const text of ['2015-Q1', '2015 Q1', '2015Q1', '2015-q1', 'Q1 2015', 'Q1-2015', '2015年第1季度', '2015年第一季度', '2015年Q1']) {
      expect(parsePeriodText(text), text).toEqual(q1);
    }
    expect(parsePeriodText('2015-Q3')).toEqual({ start: utc(2015, 6, 1), precision: 'quarter' });
    expect(parsePeriodText('2015-Q5')).toBeNull();
  });

  it('reads months as numbers, names and Chinese', () => {
    const march = { start: utc(2024, 2, 1), precision: 'month' };
    for (const text of ['2024-03', '2024/3', '03/2024', '3.2024', 'Mar 2024', 'March 2024', 'Mar-2024', 'Mar-24', 'mar. 2024', '2024年3月', ' 2024-03 ']) {
      expect(parsePeriodText(text), text).toEqual(march);
    }
    expect(parsePeriodText('1964-01')).toEqual({ start: utc(1964, 0, 1), precision: 'month' });
    expect(parsePeriodText('Jan 1949')).toEqual({ start: utc(1949, 0, 1), precision: 'month' });
    expect(parsePeriodText('2024-13')).toBeNull();
  });

  it('reads numeric day/month dates in the order asked for', () => {
    expect(parsePeriodText('15/03/2024')).toEqual({ start: utc(2024, 2, 15), precision: 'day' });
    // 03/04/2024: 3 April day-first (the default), 4 March month-first.
    expect(parsePeriodText('03/04/2024')).toEqual({ start: utc(2024, 3, 3), precision: 'day' });
    expect(parsePeriodText('03/04/2024', { dateOrder: 'mdy' })).toEqual({ start: utc(2024, 2, 4), precision: 'day' });
    expect(parsePeriodText('15/03/2024', { dateOrder: 'mdy' })).toBeNull();
  });

  it('reads days, with a time of day dropped', () => {
    const day = { start: utc(2024, 2, 15), precision: 'day' };
    for (const text of ['2024-03-15', '2024-03-15T10:20:30Z', '2024-03-15 23:59', 'Mar 15, 2024', '15 Mar 2024', '20240315', '2024年3月15日', '2024-W11-5']) {
      expect(parsePeriodText(text), text).toEqual(day);
    }
    expect(parsePeriodText('20240230')).toBeNull();
  });

  it('reads a moment with a time-zone offset on the date written, not on its UTC date', () => {
    // 22:00 on 31 March at −05:00 is 03:00 on 1 April in UTC; 01:00 on 1 April at +09:00 is
    // 16:00 on 31 March in UTC. Each is the day written.
    const march31 = { start: utc(2024, 2, 31), precision: 'day' };
    const april1 = { start: utc(2024, 3, 1), precision: 'day' };
    for (const text of ['2024-03-31T22:00-05:00', '2024-03-31T22:00:00-05:00', '2024-03-31T22:00:00.250-0500', '2024-03-31 10:00 PM-05:00', '31/03/2024 22:00-05']) {
      expect(parsePeriodText(text), text).toEqual(march31);
    }
    for (const text of ['2024-04-01T01:00+09:00', '2024-04-01T01:00:00+0900', '2024-04-01T00:30Z']) {
      expect(parsePeriodText(text), text).toEqual(april1);
    }
    // A zone after a space was never a date the importer reads, and still is not.
    expect(parsePeriodText('2024-03-31T22:00 -05:00')).toBeNull();
  });

  it('reads ISO weeks and years', () => {
    expect(parsePeriodText('2024-W11')).toEqual({ start: utc(2024, 2, 11), precision: 'week' });
    expect(parsePeriodText('2024W11')).toEqual({ start: utc(2024, 2, 11), precision: 'week' });
    expect(parsePeriodText('2021-W53')).toBeNull();
    expect(parsePeriodText('2024')).toEqual({ start: utc(2024, 0, 1), precision: 'year' });
    expect(parsePeriodText('2024年')).toEqual({ start: utc(2024, 0, 1), precision: 'year' });
  });

  it('reads nothing from texts that are not periods', () => {
    for (const text of ['', 'n/a', 'North', '12', '999', '12.5', '2024.03', 'Q1', 'March', '10000']) {
      expect(parsePeriodText(text), text).toBeNull();
    }
  });
});

describe('isCoarserThan', () => {
  it('compares the fineness of units', () => {
    expect(isCoarserThan('month', 'week')).toBe(true);
    expect(isCoarserThan('month', 'month')).toBe(false);
    expect(isCoarserThan('day', 'year')).toBe(false);
  });

  it('gives the coarser of two units, in the one order of PERIOD_UNITS', () => {
    expect(PERIOD_UNITS).toEqual(['day', 'week', 'month', 'quarter', 'year']);
    expect(coarserUnit('week', 'month')).toBe('month');
    expect(coarserUnit('year', 'day')).toBe('year');
    expect(coarserUnit('quarter', 'quarter')).toBe('quarter');
  });
});
