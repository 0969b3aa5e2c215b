/**
 * Calendar periods of a time series: the key of the day, ISO week, month, quarter or year a
 * moment falls in, the keys that follow, and the reading of period-like cell texts.
 *
 * Keys sort chronologically as plain strings (4-digit years, 2-digit fields):
 * day '2024-03-15', ISO week '2024-W11' (weeks start on Monday; week 1 holds the year's first
 * Thursday, ISO 8601), month '2024-03', quarter '2024-Q1', year '2024'. Every computation is in
 * UTC, so a key never depends on the viewer's time zone.
 *
 * Each period also has an ordinal, a whole number that grows by one from a period to the next
 * (days and weeks since 1970, months and quarters since year 0, the year itself): gaps and
 * ranges are counted on ordinals, keys are written from them.
 */
import { parseDateCell, type DateOrder } from '../data/parse-date';

/** The calendar unit a series is aggregated by. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The units from the finest to the coarsest: the one place their order is written. */
export const PERIOD_UNITS: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

const DAY_MS = 86_400_000;
// 1970-01-05, day 4 after the epoch, is the first Monday: week ordinals count from it.
const FIRST_MONDAY_DAY = 4;

const NATURAL_SEASON: Readonly<Record<PeriodUnit, number>> = { day: 7, week: 52, month: 12, quarter: 4, year: 1 };

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function checkUnit(unit: PeriodUnit): void {
  if (!PERIOD_UNITS.includes(unit)) throw new RangeError(`Unknown period unit "${String(unit)}"`);
}

/**
 * The ordinal of the period a moment falls in: consecutive periods have consecutive ordinals.
 * @param ms milliseconds since the epoch (UTC); a time of day counts in its day
 * @param unit the calendar unit
 * @returns days since 1970-01-01, weeks since the week of 1970-01-05, year·12 + month − 1,
 *   year·4 + quarter − 1, or the year
 * @throws RangeError when `ms` is not a finite number
 * @example periodOrdinal(Date.UTC(2024, 2, 15), 'quarter') // 2024·4 + 0 = 8096
 */
export function periodOrdinal(ms: number, unit: PeriodUnit): number {
  if (!Number.isFinite(ms)) throw new RangeError(`A period needs a finite moment, got ${ms}`);
  checkUnit(unit);
  const day = Math.floor(ms / DAY_MS);
  if (unit === 'day') return day;
  if (unit === 'week') return Math.floor((day - FIRST_MONDAY_DAY) / 7);
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (unit === 'month') return year * 12 + month;
  if (unit === 'quarter') return year * 4 + Math.floor(month / 3);
  return year;
}

/**
 * The first moment (UTC midnight) of the period with this ordinal.
 * @example periodOrdinalStart(2024 * 12 + 2, 'month') // Date.UTC(2024, 2, 1)
 */
export function periodOrdinalStart(ordinal: number, unit: PeriodUnit): number {
  if (!Number.isInteger(ordinal)) throw new RangeError(`A period ordinal is a whole number, got ${ordinal}`);
  checkUnit(unit);
  if (unit === 'day') return ordinal * DAY_MS;
  if (unit === 'week') return (ordinal * 7 + FIRST_MONDAY_DAY) * DAY_MS;
  if (unit === 'month') return utc(Math.floor(ordinal / 12), ordinal - Math.floor(ordinal / 12) * 12, 1);
  if (unit === 'quarter') return utc(Math.floor(ordinal / 4), (ordinal - Math.floor(ordinal / 4) * 4) * 3, 1);
  return utc(ordinal, 0, 1);
}

/** Date.UTC without its two-digit-year shift (Date.UTC(24, 0) is 1924). */
function utc(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

/**
 * The key of the period with this ordinal ('2024-03-15', '2024-W11', '2024-03', '2024-Q1', '2024').
 * @example ordinalKey(2024 * 4, 'quarter') // '2024-Q1'
 */
export function ordinalKey(ordinal: number, unit: PeriodUnit): string {
  const start = periodOrdinalStart(ordinal, unit);
  if (unit === 'year') return pad(ordinal, 4);
  if (unit === 'quarter') return `${pad(Math.floor(ordinal / 4), 4)}-Q${ordinal - Math.floor(ordinal / 4) * 4 + 1}`;
  if (unit === 'month') return `${pad(Math.floor(ordinal / 12), 4)}-${pad(ordinal - Math.floor(ordinal / 12) * 12 + 1, 2)}`;
  const date = new Date(start);
  if (unit === 'day') return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  // ISO 8601: a week belongs to the year of its Thursday and is numbered from that year's first Thursday.
  const thursday = new Date(start + 3 * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - utc(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${pad(isoYear, 4)}-W${pad(week, 2)}`;
}

/**
 * The key of the period a moment falls in.
 * @param ms milliseconds since the epoch (UTC)
 * @param unit the calendar unit
 * @returns the period key, such as '2024-W11' for a week
 * @throws RangeError when `ms` is not finite
 * @example periodKey(Date.UTC(2024, 2, 15), 'week') // '2024-W11'
 */
export function periodKey(ms: number, unit: PeriodUnit): string {
  return ordinalKey(periodOrdinal(ms, unit), unit);
}

const KEY_PATTERNS: Readonly<Record<PeriodUnit, RegExp>> = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  week: /^(\d{4})-W(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

/**
 * The ordinal of a period key, or NaN when the text is not a valid key of that unit
 * (such as '2024-13' or '2021-W53': 2021 has 52 ISO weeks).
 * @example keyOrdinal('2024-03', 'month') // 24290
 */
export function keyOrdinal(key: string, unit: PeriodUnit): number {
  checkUnit(unit);
  const match = KEY_PATTERNS[unit].exec(key);
  if (!match) return NaN;
  const year = Number(match[1]);
  let ordinal: number;
  if (unit === 'year') ordinal = year;
  else if (unit === 'quarter') ordinal = year * 4 + Number(match[2]) - 1;
  else if (unit === 'month') ordinal = year * 12 + Number(match[2]) - 1;
  else if (unit === 'day') ordinal = Math.floor(utc(year, Number(match[2]) - 1, Number(match[3])) / DAY_MS);
  else ordinal = periodOrdinal(isoWeekMonday(year, Number(match[2])), 'week');
  // Date arithmetic rolls over (month 13, 31 April, week 53 of a 52-week year): only keys
  // that come back unchanged are real.
  return ordinalKey(ordinal, unit) === key ? ordinal : NaN;
}

/** The Monday of ISO week `week` of `isoYear`: week 1 holds 4 January. */
function isoWeekMonday(isoYear: number, week: number): number {
  const jan4 = utc(isoYear, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * DAY_MS + (week - 1) * 7 * DAY_MS;
}

/**
 * The first moment (UTC midnight) of a period key, or NaN when the key is not valid for the unit.
 * @example periodStart('2024-W11', 'week') // Date.UTC(2024, 2, 11), a Monday
 */
export function periodStart(key: string, unit: PeriodUnit): number {
  const ordinal = keyOrdinal(key, unit);
  return Number.isNaN(ordinal) ? NaN : periodOrdinalStart(ordinal, unit);
}

function ordinalOrThrow(key: string, unit: PeriodUnit): number {
  const ordinal = keyOrdinal(key, unit);
  if (Number.isNaN(ordinal)) throw new RangeError(`"${key}" is not a ${unit} key`);
  return ordinal;
}

/**
 * The key of the period after this one.
 * @throws RangeError when `key` is not a valid key of `unit`
 * @example nextPeriodKey('2024-Q4', 'quarter') // '2025-Q1'
 */
export function nextPeriodKey(key: string, unit: PeriodUnit): string {
  return ordinalKey(ordinalOrThrow(key, unit) + 1, unit);
}

/**
 * Every key from `first` to `last`, both included, in order; empty when `last` comes before `first`.
 * @throws RangeError when either key is not valid for `unit`
 * @example periodKeysBetween('2023-11', '2024-02', 'month') // ['2023-11', '2023-12', '2024-01', '2024-02']
 */
export function periodKeysBetween(first: string, last: string, unit: PeriodUnit): string[] {
  const from = ordinalOrThrow(first, unit);
  const to = ordinalOrThrow(last, unit);
  const keys: string[] = [];
  for (let ordinal = from; ordinal <= to; ordinal++) keys.push(ordinalKey(ordinal, unit));
  return keys;
}

/**
 * The keys of the `horizon` periods after the last observed one: the x axis of a forecast.
 * @throws RangeError when `lastKey` is not valid for `unit` or `horizon` is not a whole number ≥ 0
 * @example futurePeriodKeys('2024-11', 3, 'month') // ['2024-12', '2025-01', '2025-02']
 */
export function futurePeriodKeys(lastKey: string, horizon: number, unit: PeriodUnit): string[] {
  if (!Number.isInteger(horizon) || horizon < 0) throw new RangeError(`A horizon is a whole number ≥ 0, got ${horizon}`);
  const last = ordinalOrThrow(lastKey, unit);
  return Array.from({ length: horizon }, (_, h) => ordinalKey(last + h + 1, unit));
}

/**
 * The season length a unit usually has: 12 months, 4 quarters, 7 days (a week), 52 weeks, and
 * 1 for years (no season).
 * @example naturalSeasonLength('quarter') // 4
 */
export function naturalSeasonLength(unit: PeriodUnit): number {
  checkUnit(unit);
  return NATURAL_SEASON[unit];
}

/** A cell read as a period: when it starts and how fine the text was. */
export interface ParsedPeriod {
  /** ms since the epoch (UTC) of the start of what the text names (the day, the month…). */
  start: number;
  /** What the text names: '2024-03' a month, '15/03/2024' a day, '2015-Q1' a quarter. */
  precision: PeriodUnit;
}

export interface ParsePeriodOptions {
  /** How numeric day/month dates such as 03/04/2024 are read. @default 'dmy' */
  dateOrder?: DateOrder;
}

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

// Forms that name a whole period; anything else goes to the importer's date reader.
const YEAR = /^(\d{4})年?$/;
const YEAR_QUARTER = /^(\d{4})\s*[-/ ]?\s*[Qq]([1-4])$/;
const QUARTER_YEAR = /^[Qq]([1-4])\s*[-/ ]?\s*(\d{4})$/;
const CHINESE_QUARTER = /^(\d{4})年\s*(?:第([1-4一二三四])季度?|[Qq]([1-4]))$/;
const ISO_WEEK = /^(\d{4})-?W(\d{2})(?:-?([1-7]))?$/i;
const YEAR_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const CHINESE_MONTH = /^(\d{4})年(\d{1,2})月$/;
const MONTH_NAME_YEAR = /^[A-Za-z]{3,9}\.?[\s\-/]+(\d{2}|\d{4})$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
// A time of day followed at once by a zone: '…T22:00-05:00', '… 10:20:30.5+0100', '…T08:00Z'.
const TIME_WITH_ZONE = /(\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp][Mm])?)(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;
const CHINESE_DIGITS = '一二三四';

function validYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Reads a cell that names a day, week, month, quarter or year. Besides every date the importer
 * reads (2024-03-15, 15/03/2024, Mar 15, 2024, 2024-03-15T10:20Z… see parseDateCell), it reads
 * period forms: years '2024', '2024年'; quarters '2015-Q1', '2015 Q1', '2015Q1', 'Q1 2015',
 * '2015年第1季度', '2015年Q1'; ISO weeks '2024-W11', '2024W11', '2024-W11-5' (a day); months
 * '2024-03', '2024/3', '03/2024', '3.2024', 'Mar 2024', 'March-2024', 'Mar-24', '2024年3月';
 * compact days '20240315'.
 *
 * A moment written with a time-zone offset counts on the date written, not on the UTC date:
 * '2024-03-31T22:00-05:00' is 31 March (in UTC it is 1 April, 03:00). The period of a sale is
 * the seller's calendar day, which is what the file wrote.
 * @param text the cell; surrounding spaces are ignored
 * @param options how to read numeric day/month dates
 * @returns when the period starts and how fine the text is, or null when it is not a period
 * @example parsePeriodText('2015-Q1') // { start: Date.UTC(2015, 0, 1), precision: 'quarter' }
 * @example parsePeriodText('03/04/2024', { dateOrder: 'mdy' }) // { start: Date.UTC(2024, 2, 4), precision: 'day' }
 */
export function parsePeriodText(text: string, options: ParsePeriodOptions = {}): ParsedPeriod | null {
  const cell = text.trim();
  if (cell.length < 4) return null;
  let m = YEAR.exec(cell);
  if (m) return validYear(Number(m[1])) ? { start: utc(Number(m[1]), 0, 1), precision: 'year' } : null;
  m = YEAR_QUARTER.exec(cell);
  if (m) return quarter(Number(m[1]), Number(m[2]));
  m = QUARTER_YEAR.exec(cell);
  if (m) return quarter(Number(m[2]), Number(m[1]));
  m = CHINESE_QUARTER.exec(cell);
  if (m) {
    const q = m[2] ? (CHINESE_DIGITS.includes(m[2]) ? CHINESE_DIGITS.indexOf(m[2]) + 1 : Number(m[2])) : Number(m[3]);
    return quarter(Number(m[1]), q);
  }
  m = ISO_WEEK.exec(cell);
  if (m) return isoWeek(Number(m[1]), Number(m[2]), m[3] === undefined ? 0 : Number(m[3]));
  m = YEAR_MONTH.exec(cell) ?? CHINESE_MONTH.exec(cell);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = MONTH_YEAR.exec(cell);
  if (m) return month(Number(m[2]), Number(m[1]));
  m = COMPACT_DAY.exec(cell);
  if (m) return compactDay(Number(m[1]), Number(m[2]), Number(m[3]));
  // The offset is dropped so the written clock time stays on its written date.
  const ms = parseDateCell(cell.replace(TIME_WITH_ZONE, '$1'), options.dateOrder ?? 'dmy');
  if (Number.isNaN(ms)) return null;
  // 'Mar 2024' and 'Mar-24' name a month; parseDateCell gives its first day.
  if (MONTH_NAME_YEAR.test(cell)) return { start: ms, precision: 'month' };
  return { start: Math.floor(ms / DAY_MS) * DAY_MS, precision: 'day' };
}

function quarter(year: number, q: number): ParsedPeriod | null {
  return validYear(year) ? { start: utc(year, (q - 1) * 3, 1), precision: 'quarter' } : null;
}

function month(year: number, m: number): ParsedPeriod | null {
  return validYear(year) && m >= 1 && m <= 12 ? { start: utc(year, m - 1, 1), precision: 'month' } : null;
}

function compactDay(year: number, m: number, d: number): ParsedPeriod | null {
  if (!validYear(year) || m < 1 || m > 12 || d < 1) return null;
  const start = utc(year, m - 1, d);
  // 20240231 would roll over into March.
  return new Date(start).getUTCDate() === d ? { start, precision: 'day' } : null;
}

function isoWeek(year: number, week: number, weekday: number): ParsedPeriod | null {
  if (!validYear(year) || week < 1) return null;
  const key = `${pad(year, 4)}-W${pad(week, 2)}`;
  const start = periodStart(key, 'week');
  if (Number.isNaN(start)) return null;
  return weekday === 0 ? { start, precision: 'week' } : { start: start + (weekday - 1) * DAY_MS, precision: 'day' };
}

/**
 * Whether dates written to `precision` are too coarse for periods of `unit` (months read by week).
 * @example isCoarserThan('month', 'week') // true
 */
export function isCoarserThan(precision: PeriodUnit, unit: PeriodUnit): boolean {
  return PERIOD_UNITS.indexOf(precision) > PERIOD_UNITS.indexOf(unit);
}

/**
 * The coarser of two units.
 * @example coarserUnit('week', 'month') // 'month'
 */
export function coarserUnit(a: PeriodUnit, b: PeriodUnit): PeriodUnit {
  return isCoarserThan(b, a) ? b : a;
}
