import { describe, expect, it } from 'vitest';
import { parsed } from '../../../helpers/datasets';
import {
  defaultBacktestStart,
  defaultHoldout,
  defaultHorizon,
  defaultSeasonChoice,
  guessDateColumn,
  guessPeriodUnit,
  guessValueColumn,
  hasAmbiguousDayMonth,
  inspectColumnDates,
  seasonLengthOf,
  type ColumnInfo,
} from '../../../../src/core/forecast/series-guesses';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

describe('guessDateColumn', () => {
  it('takes the first date column', () => {
    const columns: ColumnInfo[] = [
      { name: 'Region', type: 'category' },
      { name: 'Shipped', type: 'date' },
      { name: 'Ordered', type: 'date' },
    ];
    expect(guessDateColumn(columns)).toBe('Shipped');
  });

  it('falls back to a column named like dates when none has the date type', () => {
    expect(guessDateColumn([{ name: 'Amount', type: 'number' }, { name: 'OrderMonth', type: 'text' }])).toBe('OrderMonth');
    expect(guessDateColumn([{ name: 'fiscal_quarter', type: 'category' }])).toBe('fiscal_quarter');
  });

  it('gives null when nothing looks like dates', () => {
    expect(guessDateColumn([{ name: 'Amount', type: 'number' }, { name: 'Region', type: 'category' }])).toBeNull();
    expect(guessDateColumn([])).toBeNull();
  });
});

describe('guessValueColumn', () => {
  it('prefers a number column named like sales over the first number column', () => {
    const columns: ColumnInfo[] = [
      { name: 'Month', type: 'date' },
      { name: 'Discount', type: 'number' },
      { name: 'Net revenue', type: 'number' },
    ];
    expect(guessValueColumn(columns, 'Month')).toBe('Net revenue');
  });

  it('finds the champagne and air passengers value columns', () => {
    expect(guessValueColumn([{ name: 'Month', type: 'date' }, { name: 'Perrin Freres monthly champagne sales millions ?64-?72', type: 'integer' }], 'Month')).toBe(
      'Perrin Freres monthly champagne sales millions ?64-?72',
    );
    expect(guessValueColumn([{ name: 'date', type: 'date' }, { name: 'traffic', type: 'integer' }], 'date')).toBe('traffic');
  });

  it('skips ids and years when another number column exists, and never takes the date column', () => {
    const columns: ColumnInfo[] = [
      { name: 'customer_id', type: 'integer' },
      { name: 'Year', type: 'integer' },
      { name: 'Margin', type: 'number' },
    ];
    expect(guessValueColumn(columns, 'Year')).toBe('Margin');
    expect(guessValueColumn([{ name: 'Year', type: 'integer' }], 'Year')).toBeNull();
  });

  it('takes an id-like number column when it is the only one, and null without number columns', () => {
    expect(guessValueColumn([{ name: 'order_id', type: 'integer' }], null)).toBe('order_id');
    expect(guessValueColumn([{ name: 'Region', type: 'category' }], null)).toBeNull();
  });
});

describe('guessPeriodUnit', () => {
  it('reads monthly dates as months (the champagne sample: first days of months)', () => {
    const starts = Array.from({ length: 94 }, (_, i) => day(1964 + Math.floor(i / 12), (i % 12) + 1, 1));
    expect(guessPeriodUnit(starts, 'month')).toBe('month');
    // The same moments written as full dates (2024-01-01, 2024-02-01…) are months too.
    expect(guessPeriodUnit(starts, 'day')).toBe('month');
  });

  it('reads daily, weekly, quarterly and yearly spacing', () => {
    expect(guessPeriodUnit([day(2024, 3, 1), day(2024, 3, 2), day(2024, 3, 4), day(2024, 3, 5)])).toBe('day');
    expect(guessPeriodUnit([day(2024, 1, 1), day(2024, 1, 8), day(2024, 1, 15), day(2024, 1, 22)])).toBe('week');
    expect(guessPeriodUnit([day(2023, 1, 1), day(2023, 4, 1), day(2023, 7, 1), day(2023, 10, 1)])).toBe('quarter');
    expect(guessPeriodUnit([day(2019, 1, 1), day(2020, 1, 1), day(2021, 1, 1)])).toBe('year');
  });

  it('is not moved by a few missing months or repeated dates', () => {
    const months = [1, 2, 3, 5, 6, 7, 10, 11, 12].map((m) => day(2024, m, 1));
    expect(guessPeriodUnit([...months, ...months], 'day')).toBe('month');
  });

  it('reads a ledger of orders a few times a month as months, so few months are without sales', () => {
    const orders = [day(2024, 1, 5), day(2024, 1, 20), day(2024, 2, 3), day(2024, 3, 10), day(2024, 3, 11), day(2024, 4, 28)];
    expect(guessPeriodUnit(orders)).toBe('month');
  });

  it('reads business days (no weekends) as days', () => {
    const weekdays = Array.from({ length: 28 }, (_, i) => day(2024, 1, 1 + i)).filter((ms) => new Date(ms).getUTCDay() % 6 !== 0);
    expect(guessPeriodUnit(weekdays)).toBe('day');
  });

  it('reads transactions several a day as days, whatever their order', () => {
    const sales = [day(2024, 3, 5) + 3_600_000, day(2024, 3, 1), day(2024, 3, 1) + 7_200_000, day(2024, 3, 3), day(2024, 3, 2)];
    expect(guessPeriodUnit(sales)).toBe('day');
  });

  it('never guesses finer than what the texts name', () => {
    expect(guessPeriodUnit([day(2024, 1, 1), day(2024, 4, 1), day(2024, 7, 1)], 'quarter')).toBe('quarter');
    expect(guessPeriodUnit([day(2024, 1, 1), day(2024, 1, 8)], 'quarter')).toBe('quarter');
  });

  it('gives months (or the texts’ coarser precision) when there are fewer than two distinct days, and ignores NaN', () => {
    expect(guessPeriodUnit([])).toBe('month');
    expect(guessPeriodUnit([day(2024, 1, 1), day(2024, 1, 1), NaN])).toBe('month');
    expect(guessPeriodUnit([day(2024, 1, 1)], 'year')).toBe('year');
    expect(guessPeriodUnit([NaN, day(2020, 1, 1), day(2021, 1, 1)])).toBe('year');
  });

  it('does not change its input', () => {
    const starts = Object.freeze([day(2024, 3, 1), day(2024, 1, 1)]);
    guessPeriodUnit(starts);
    expect(starts).toEqual([day(2024, 3, 1), day(2024, 1, 1)]);
  });
});

describe('hasAmbiguousDayMonth', () => {
  it('is true when both leading fields could be the month', () => {
    expect(hasAmbiguousDayMonth(['03/04/2024'])).toBe(true);
    expect(hasAmbiguousDayMonth(['13/04/2024', '05.06.24'])).toBe(true);
  });

  it('is false when a field is above 12, both are equal, or the date is year first', () => {
    expect(hasAmbiguousDayMonth(['13/04/2024', '04/25/2024', '05/05/2024'])).toBe(false);
    expect(hasAmbiguousDayMonth(['2024-03-04', '2024/03/04', 'Mar 2024', '2015-Q1'])).toBe(false);
    expect(hasAmbiguousDayMonth([])).toBe(false);
  });
});

describe('seasonLengthOf and defaultSeasonChoice', () => {
  it('takes the detected season, the usual one, none or a typed one', () => {
    expect(seasonLengthOf('detected', { period: 12 }, 12, null)).toBe(12);
    expect(seasonLengthOf('detected', { period: 'none' }, 12, null)).toBe(1);
    expect(seasonLengthOf('natural', { period: 'none' }, 4, null)).toBe(4);
    expect(seasonLengthOf('natural', null, 1, null)).toBe(1);
    expect(seasonLengthOf('none', { period: 12 }, 12, 7)).toBe(1);
    expect(seasonLengthOf('custom', { period: 12 }, 12, 6)).toBe(6);
  });

  it('refuses a typed season that is not a whole number of at least 2', () => {
    expect(seasonLengthOf('custom', null, 12, null)).toBeNull();
    expect(seasonLengthOf('custom', null, 12, 1)).toBeNull();
    expect(seasonLengthOf('custom', null, 12, 2.5)).toBeNull();
  });

  it('starts from the detected season, else the usual one when two of them fit, else none', () => {
    expect(defaultSeasonChoice({ period: 12 }, 12, 94)).toBe('detected');
    expect(defaultSeasonChoice({ period: 'none' }, 12, 30)).toBe('natural');
    expect(defaultSeasonChoice({ period: 'none' }, 12, 20)).toBe('none');
    expect(defaultSeasonChoice({ period: 'none' }, 1, 40)).toBe('none');
  });
});

describe('defaultHorizon, defaultHoldout and defaultBacktestStart', () => {
  it('forecasts one season ahead, or 12 periods without a season', () => {
    expect(defaultHorizon(12)).toBe(12);
    expect(defaultHorizon(4)).toBe(4);
    expect(defaultHorizon(1)).toBe(12);
  });

  it('never takes a season shorter than the unit’s usual one for the horizon and the hold-out', () => {
    // A season of 3 found in weekly data: a year of weeks (52) is forecast and tested instead.
    expect(defaultHorizon(3, 52)).toBe(52);
    expect(defaultHoldout(3, 300, 52)).toBe(52);
    // … still at most a fifth of the series: 156 / 5 → 31.
    expect(defaultHoldout(3, 156, 52)).toBe(31);
    // A season of 6 in months gives a year; seasons as long as the usual one or longer stay.
    expect(defaultHorizon(6, 12)).toBe(12);
    expect(defaultHorizon(12, 12)).toBe(12);
    expect(defaultHorizon(24, 12)).toBe(24);
    // Quarters (usual 4) with a half-year season of 2; years have no usual season (1).
    expect(defaultHorizon(2, 4)).toBe(4);
    expect(defaultHorizon(2, 1)).toBe(2);
    // No season: 12 periods, as before.
    expect(defaultHorizon(1, 52)).toBe(12);
    expect(defaultHoldout(1, 300, 52)).toBe(12);
  });

  it('holds out one season, at most a fifth of the series, at least 1', () => {
    expect(defaultHoldout(12, 94)).toBe(12);
    expect(defaultHoldout(12, 30)).toBe(6);
    expect(defaultHoldout(1, 100)).toBe(12);
    expect(defaultHoldout(12, 3)).toBe(1);
  });

  it('starts the backtest three hold-outs before the end, never before the shortest training series', () => {
    expect(defaultBacktestStart(94, 12, 24)).toBe(58);
    expect(defaultBacktestStart(40, 12, 24)).toBe(24);
    // Never past the last origin that still has a whole hold-out after it.
    expect(defaultBacktestStart(30, 12, 24)).toBe(18);
  });
});

describe('inspectColumnDates', () => {
  it('reads the dates as aggregateSeries does, cells the importer rejected included', () => {
    // Years 2019 … 2038 in a whole-number column, one of them written 2029-Q2: the importer
    // rejects that cell, aggregateSeries reads it (in 2029), and so does the inspection.
    const years = Array.from({ length: 20 }, (_, i) => (i === 10 ? '2029-Q2' : String(2019 + i)));
    const dataset = parsed(`Year,Sales\n${years.map((y) => `${y},1`).join('\n')}\n`);
    expect(dataset.columns[0].type).toBe('integer');
    // 2019 … 2038 except 2029, plus 1 April 2029: 20 distinct dates.
    expect(inspectColumnDates(dataset, 'Year', 'dmy')).toEqual({ ok: true, value: { unit: 'year', ambiguousOrder: false, readable: 20 } });
  });

  it('answers SERIES_UNKNOWN_COLUMN for a column that is not there', () => {
    const dataset = parsed('d,v\n2024-01-01,1\n');
    const result = inspectColumnDates(dataset, 'Nope', 'dmy');
    expect(!result.ok && result.error).toMatchObject({ code: 'SERIES_UNKNOWN_COLUMN', params: { column: 'Nope', role: 'date' } });
  });
});
