/**
 * Date cells as spreadsheets and statistics packages export them, read into ms since the epoch
 * (UTC). Times without a zone are taken as UTC so that a date never shifts with the viewer's
 * time zone. The scanner walks char codes without allocating: inference calls it on every
 * cell of a text column, most of which are not dates.
 */

/** Field order of numeric dates such as 03/04/2024. */
export type DateOrder = 'dmy' | 'mdy';

const CH_0 = 48;
const CH_9 = 57;
const CH_SPACE = 32;
const CH_TAB = 9;
const CH_NBSP = 0xa0;
const CH_COMMA = 44;
const CH_MINUS = 45;
const CH_DOT = 46;
const CH_SLASH = 47;
const CH_COLON = 58;
const CH_PLUS = 43;

const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

// Excel's two-digit year window: 00-29 → 2000s, 30-99 → 1900s.
const TWO_DIGIT_YEAR_PIVOT = 30;

// Scanner state, shared by the helpers below; parseDateCell is not re-entrant and needs not be.
let src = '';
let pos = 0;
let end = 0;
let digitCount = 0;

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

function isSpace(c: number): boolean {
  return c === CH_SPACE || c === CH_TAB || c === CH_NBSP;
}

function isLetter(c: number): boolean {
  const lower = c | 32;
  return lower >= 97 && lower <= 122;
}

function peek(): number {
  return pos < end ? src.charCodeAt(pos) : -1;
}

/** Reads a run of up to `max` digits; sets `digitCount` (0 when none). Returns the value. */
function readInt(max: number): number {
  let value = 0;
  const start = pos;
  while (pos < end && pos - start < max) {
    const c = src.charCodeAt(pos);
    if (!isDigit(c)) break;
    value = value * 10 + (c - CH_0);
    pos++;
  }
  digitCount = pos - start;
  // A longer run than allowed is never a date field.
  if (digitCount === max && isDigit(peek())) digitCount = -1;
  return value;
}

/** Digits read by the last readInt; -1 when the run was longer than allowed. A call, not a
 * variable read, so TypeScript does not carry narrowing across readInt calls. */
function digits(): number {
  return digitCount;
}

function skipSpaces(): number {
  const start = pos;
  while (pos < end && isSpace(src.charCodeAt(pos))) pos++;
  return pos - start;
}

/** Reads an English month name (full, 3-letter, or 'Sept', any case, optional '.'); 0 when none. */
function readMonthName(): number {
  const start = pos;
  while (pos < end && isLetter(src.charCodeAt(pos))) pos++;
  const length = pos - start;
  if (length < 3) return 0;
  for (let m = 0; m < 12; m++) {
    const name = MONTH_NAMES[m];
    if (length > name.length) continue;
    let same = true;
    for (let k = 0; k < length; k++) {
      if ((src.charCodeAt(start + k) | 32) !== name.charCodeAt(k)) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    if (length === 3 || length === name.length || (m === 8 && length === 4)) {
      // 'Sept. 2024' and 'Mar. 15, 2024' appear in hand-typed sheets.
      if (length < name.length && peek() === CH_DOT && (pos + 1 === end || isSpace(src.charCodeAt(pos + 1)))) pos++;
      return m + 1;
    }
  }
  return 0;
}

function expandYear(value: number, digits: number): number {
  if (digits === 4) return value;
  if (digits === 2) return value < TWO_DIGIT_YEAR_PIVOT ? 2000 + value : 1900 + value;
  return NaN;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function makeDate(y: number, m: number, d: number): number {
  if (!(y >= MIN_YEAR && y <= MAX_YEAR) || m < 1 || m > 12 || d < 1) return NaN;
  const days = m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1];
  if (d > days) return NaN;
  return Date.UTC(y, m - 1, d);
}

/**
 * Reads an optional time after the date: `HH:MM[:SS[.fff]]`, an optional AM/PM and an
 * optional zone (Z, ±HH, ±HHMM, ±HH:MM). Returns ms to add, or NaN when malformed. The caller
 * has consumed the 'T' or the spaces before it.
 */
function readTime(): number {
  let hour = readInt(2);
  if (digits() <= 0 || peek() !== CH_COLON) return NaN;
  pos++;
  const minute = readInt(2);
  if (digits() !== 2 || minute > 59) return NaN;
  let second = 0;
  let ms = 0;
  if (peek() === CH_COLON) {
    pos++;
    second = readInt(2);
    if (digits() !== 2 || second > 59) return NaN;
    const c = peek();
    if (c === CH_DOT || c === CH_COMMA) {
      pos++;
      const start = pos;
      let scale = 100;
      while (pos < end && isDigit(src.charCodeAt(pos))) {
        // Digits past milliseconds are below what a Date holds.
        ms += (src.charCodeAt(pos) - CH_0) * scale;
        scale /= 10;
        pos++;
      }
      if (pos === start) return NaN;
      ms = Math.floor(ms);
    }
  }
  const afterClock = pos;
  skipSpaces();
  const c0 = peek() | 32;
  if ((c0 === 97 || c0 === 112) && pos + 1 < end && (src.charCodeAt(pos + 1) | 32) === 109) {
    // 12-hour clock: 12 AM is midnight, 12 PM is noon.
    if (hour < 1 || hour > 12) return NaN;
    if (hour === 12) hour = 0;
    if (c0 === 112) hour += 12;
    pos += 2;
  } else {
    pos = afterClock;
  }
  if (hour > 23) return NaN;
  let offset = 0;
  const z = peek();
  if (z === 90 || z === 122) {
    pos++;
  } else if (z === CH_PLUS || z === CH_MINUS) {
    pos++;
    const v = readInt(4);
    let offsetHours = v;
    let offsetMinutes = 0;
    if (digits() === 4) {
      offsetHours = Math.floor(v / 100);
      offsetMinutes = v % 100;
    } else if (digits() !== 2) {
      return NaN;
    } else if (peek() === CH_COLON) {
      pos++;
      offsetMinutes = readInt(2);
      if (digits() !== 2) return NaN;
    }
    if (offsetHours > 14 || offsetMinutes > 59) return NaN;
    offset = (offsetHours * 60 + offsetMinutes) * 60000;
    if (z === CH_PLUS) offset = -offset;
  }
  return ((hour * 60 + minute) * 60 + second) * 1000 + ms + offset;
}

/** Adds an optional trailing time (after 'T' when allowed, or spaces) and checks the cell ends. */
function finish(date: number, allowT: boolean): number {
  if (date !== date) return NaN;
  if (pos === end) return date;
  const c = peek();
  if (allowT && (c === 84 || c === 116)) {
    pos++;
  } else if (skipSpaces() === 0) {
    return NaN;
  }
  const time = readTime();
  if (time !== time || pos !== end) return NaN;
  return date + time;
}

function quarterStart(y: number, q: number): number {
  if (q < 1 || q > 4) return NaN;
  return makeDate(y, q * 3 - 2, 1);
}

const CH_NIAN = 0x5e74; // 年 year
const CH_YUE = 0x6708; // 月 month
const CH_RI = 0x65e5; // 日 day
const CH_HAO = 0x53f7; // 号 day (spoken form)

/** Chinese dates after the year: `年M月`, `年M月D日` (also `号`). */
function parseChineseDate(y: number): number {
  pos++;
  const m = readInt(2);
  if (digits() <= 0 || peek() !== CH_YUE) return NaN;
  pos++;
  if (pos === end) return makeDate(y, m, 1);
  const d = readInt(2);
  if (digits() <= 0) return NaN;
  const last = peek();
  if (last !== CH_RI && last !== CH_HAO) return NaN;
  pos++;
  return finish(makeDate(y, m, d), false);
}

/** After a 4-digit year: `-MM`, `-MM-DD`, `-Qn`, ` Qn`, `Qn` (separators - / .), or Chinese `年M月D日`. */
function parseYearFirst(y: number): number {
  if (peek() === CH_NIAN) return parseChineseDate(y);
  let sep = peek();
  if (sep === CH_MINUS || sep === CH_SLASH || sep === CH_DOT || isSpace(sep)) {
    pos++;
  } else {
    sep = -1;
  }
  const c = peek();
  if ((c | 32) === 113) {
    if (sep === CH_DOT) return NaN;
    pos++;
    const q = readInt(1);
    if (digits() !== 1 || pos !== end) return NaN;
    return quarterStart(y, q);
  }
  if (sep === -1 || isSpace(sep)) return NaN;
  const m = readInt(2);
  if (digits() <= 0) return NaN;
  if (pos === end) {
    // '2024-03' is a month; '2024.03' is too likely a decimal to claim.
    if (digits() !== 2 || sep === CH_DOT) return NaN;
    return makeDate(y, m, 1);
  }
  if (peek() !== sep) return NaN;
  pos++;
  const d = readInt(2);
  if (digits() <= 0) return NaN;
  return finish(makeDate(y, m, d), sep === CH_MINUS);
}

/** After a 1-2 digit first field: `/MM/YYYY`, `.MM.YYYY`, `-MM-YY`, `-Mon-YYYY`, ` Mon YYYY`. */
function parseDayOrMonthFirst(first: number, order: DateOrder): number {
  const sep = peek();
  if (sep !== CH_MINUS && sep !== CH_SLASH && sep !== CH_DOT && !isSpace(sep)) return NaN;
  pos++;
  if (isSpace(sep)) skipSpaces();
  if (isLetter(peek())) {
    const m = readMonthName();
    if (m === 0) return NaN;
    if (isSpace(sep)) {
      if (skipSpaces() === 0) return NaN;
    } else if (peek() === sep) {
      pos++;
    } else {
      return NaN;
    }
    const yv = readInt(4);
    return finish(makeDate(expandYear(yv, digits()), m, first), false);
  }
  if (isSpace(sep)) return NaN;
  const second = readInt(2);
  if (digits() <= 0 || peek() !== sep) return NaN;
  pos++;
  const yv = readInt(4);
  // Two-digit years only with '/' (3/15/24): '12-10-15' or '1.2.24' are more often codes or versions.
  if (digits() === 2 && sep !== CH_SLASH) return NaN;
  const y = expandYear(yv, digits());
  const date = order === 'dmy' ? makeDate(y, second, first) : makeDate(y, first, second);
  return finish(date, false);
}

/** After a month name: ` YYYY`, `-YYYY`, `-YY`, ` DD, YYYY`, ` DD YYYY`. */
function parseMonthFirst(m: number): number {
  const sep = peek();
  if (sep !== CH_MINUS && sep !== CH_SLASH && !isSpace(sep)) return NaN;
  pos++;
  if (isSpace(sep)) skipSpaces();
  const v = readInt(4);
  if (digits() === 4 && pos === end) return makeDate(v, m, 1);
  // Excel's 'mmm-yy' format ('Mar-24' = March 2024); 'Mar 24' alone could be a day, so only with '-'.
  if (digits() === 2 && pos === end && sep === CH_MINUS) return makeDate(expandYear(v, 2), m, 1);
  if (!isSpace(sep) || digits() <= 0 || digits() > 2) return NaN;
  const comma = peek() === CH_COMMA;
  if (comma) pos++;
  if (skipSpaces() === 0 && !comma) return NaN;
  const yv = readInt(4);
  if (digits() !== 4) return NaN;
  return finish(makeDate(yv, m, v), false);
}

/** `Qn YYYY`, `Qn-YYYY`. */
function parseQuarterFirst(): number {
  pos++;
  const q = readInt(1);
  if (digits() !== 1) return NaN;
  const sep = peek();
  if (sep === CH_MINUS || sep === CH_SLASH) pos++;
  else if (skipSpaces() === 0) return NaN;
  const y = readInt(4);
  if (digits() !== 4 || pos !== end) return NaN;
  return quarterStart(y, q);
}

/**
 * Reads a date cell. Year first: 2024-03-15, 2024/3/15, 2024.03.15, 2024-03-15T10:20[:30[.5]][Z|±hh:mm],
 * 2024-03-15 10:20, 2024-03 (first of month), 2015-Q1, 2015 Q1, 2015Q1. Day or month first
 * (per `order`): 15/03/2024, 15.03.2024, 15-03-2024, 3/15/24 (two-digit years only with '/':
 * 00–29 → 20xx, 30–99 → 19xx, as Excel), optionally followed by a time (AM/PM allowed). Month names (English):
 * Mar 2024, March 2024, Mar-2024, Mar-24 (Excel 'mmm-yy' = March 2024), 15 Mar 2024, 15-Mar-24,
 * Mar 15, 2024. Quarters: Q1 2015, Q1-2015 (first day of the quarter). Times without a zone count
 * as UTC. A bare year or any other number is not a date.
 * @param raw The cell text; surrounding spaces are ignored.
 * @param order How to read numeric day/month forms.
 * @returns Milliseconds since the epoch (UTC), or NaN when the cell is not a valid date.
 * @example parseDateCell('15/03/2024', 'dmy') // Date.UTC(2024, 2, 15)
 */
export function parseDateCell(raw: string, order: DateOrder): number {
  src = raw;
  pos = 0;
  end = raw.length;
  while (pos < end && isSpace(raw.charCodeAt(pos))) pos++;
  while (end > pos && isSpace(raw.charCodeAt(end - 1))) end--;
  // Shortest forms ('1/2/24', 'Mar-24', '2024年3月') have six characters or more.
  if (end - pos < 6) return NaN;
  const c = raw.charCodeAt(pos);
  let result = NaN;
  if (isDigit(c)) {
    const v = readInt(4);
    if (digits() === 4) result = parseYearFirst(v);
    else if (digits() === 1 || digits() === 2) result = parseDayOrMonthFirst(v, order);
  } else if ((c | 32) === 113) {
    result = parseQuarterFirst();
  } else if (isLetter(c)) {
    const m = readMonthName();
    if (m !== 0) result = parseMonthFirst(m);
  }
  src = '';
  return result;
}

/**
 * Guesses the field order of numeric day/month dates (15/03/2024 vs 03/15/2024) from sample
 * cells: a first field above 12 can only be a day, a second field above 12 only a day too.
 * When samples disagree, the majority wins.
 * @param samples Cell texts; year-first and month-name forms are ignored.
 * @returns 'dmy' or 'mdy' when some sample decides it, else 'ambiguous'.
 * @example detectDateOrder(['03/04/2024', '25/12/2024']) // 'dmy'
 */
export function detectDateOrder(samples: Iterable<string>): DateOrder | 'ambiguous' {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const raw of samples) {
    src = raw;
    pos = 0;
    end = raw.length;
    skipSpaces();
    const first = readInt(2);
    if (digits() <= 0) continue;
    const sep = peek();
    if (sep !== CH_SLASH && sep !== CH_DOT && sep !== CH_MINUS) continue;
    pos++;
    const second = readInt(2);
    if (digits() <= 0 || peek() !== sep) continue;
    pos++;
    readInt(4);
    if (digits() !== 2 && digits() !== 4) continue;
    if (first > 12 && second >= 1 && second <= 12 && first <= 31) dayFirst++;
    else if (second > 12 && first >= 1 && first <= 12 && second <= 31) monthFirst++;
  }
  src = '';
  if (dayFirst > monthFirst) return 'dmy';
  if (monthFirst > dayFirst) return 'mdy';
  return 'ambiguous';
}
