/**
 * Number cells as spreadsheets export them. These functions run once per cell on files of
 * 100 MB, so plain decimals take an allocation-free char-code path and only formatted cells
 * (grouping, currency, percent, accounting brackets, padding) reach the slower one.
 */

/** The decimal mark of a file: '.' (1,234.5) or ',' (1.234,5). */
export type DecimalMark = '.' | ',';

const CH_0 = 48;
const CH_9 = 57;
const CH_PLUS = 43;
const CH_MINUS = 45;
/** U+2212, the typographic minus that word processors and some reports write. */
const CH_MINUS_SIGN = 0x2212;
const CH_DOT = 46;
const CH_COMMA = 44;
const CH_APOSTROPHE = 39;
const CH_SPACE = 32;
const CH_TAB = 9;
const CH_NBSP = 0xa0;
const CH_NARROW_NBSP = 0x202f;
const CH_FIGURE_SPACE = 0x2007;
const CH_THIN_SPACE = 0x2009;
const CH_LOWER_E = 101;
const CH_UPPER_E = 69;
const CH_PERCENT = 37;
const CH_OPEN = 40;
const CH_CLOSE = 41;

/** Exact powers of ten: a double holds 10^0..10^22 without rounding. */
const POW10: readonly number[] = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

/**
 * Lowercased tokens that mean "no value". pandas' default NA strings plus '-', which reports
 * use for an empty figure. Excel errors such as '#DIV/0!' are not here on purpose: they are
 * bad values to report, not gaps.
 */
const MISSING_TOKENS: readonly string[] = [
  'na',
  'n/a',
  '#n/a',
  '#na',
  '#n/a n/a',
  '<na>',
  'nan',
  '-nan',
  'null',
  '-',
  '—',
];

const LONGEST_MISSING_TOKEN = 8;

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

// '1e999' overflows to Infinity, which is not a cell value.
function finiteOrNaN(x: number): number {
  return x - x === 0 ? x : NaN;
}

function isSpace(c: number): boolean {
  return (
    c === CH_SPACE ||
    c === CH_TAB ||
    c === CH_NBSP ||
    c === CH_NARROW_NBSP ||
    c === CH_FIGURE_SPACE ||
    c === CH_THIN_SPACE
  );
}

function isCurrency(c: number): boolean {
  // $ £ ¥ € ￥ (full-width yen, as Chinese and Japanese exports write it) and 元 (yuan, written after the amount)
  return c === 0x24 || c === 0xa3 || c === 0xa5 || c === 0x20ac || c === 0xffe5 || c === 0x5143;
}

function isGroupSeparator(c: number, decimalCode: number): boolean {
  if (c === CH_APOSTROPHE || c === CH_SPACE || c === CH_NBSP || c === CH_NARROW_NBSP || c === CH_THIN_SPACE) return true;
  return decimalCode === CH_DOT ? c === CH_COMMA : c === CH_DOT;
}

/**
 * Reads `[sign] digits [mark digits] [e [sign] digits]` spanning exactly s[start, end), with
 * no grouping. Returns NaN when the span is anything else. Allocation-free and Number()-free
 * unless the value has more than 15 digits or a large exponent.
 */
/** A double holds every whole number of up to 15 digits exactly. */
const MAX_EXACT_DIGITS = 15;

function readPlain(s: string, start: number, end: number, decimalCode: number): number {
  let i = start;
  if (i >= end) return NaN;
  let c = s.charCodeAt(i);
  let negative = false;
  if (c === CH_MINUS || c === CH_PLUS) {
    negative = c === CH_MINUS;
    i++;
  }
  const intStart = i;
  let mantissa = 0;
  while (i < end && isDigit((c = s.charCodeAt(i)))) {
    mantissa = mantissa * 10 + (c - CH_0);
    i++;
  }
  const intDigits = i - intStart;
  // '007', '-01': codes, not quantities.
  if (intDigits > 1 && s.charCodeAt(intStart) === CH_0) return NaN;
  let fracDigits = 0;
  if (i < end && s.charCodeAt(i) === decimalCode) {
    i++;
    const fracStart = i;
    while (i < end && isDigit((c = s.charCodeAt(i)))) {
      mantissa = mantissa * 10 + (c - CH_0);
      i++;
    }
    fracDigits = i - fracStart;
    // '5.' is a list marker or a typo more often than a number.
    if (fracDigits === 0) return NaN;
  }
  if (intDigits + fracDigits === 0) return NaN;
  let exponent = 0;
  const hasExponent = i < end && ((c = s.charCodeAt(i)) === CH_LOWER_E || c === CH_UPPER_E);
  if (hasExponent) {
    i++;
    let expNegative = false;
    if (i < end && ((c = s.charCodeAt(i)) === CH_MINUS || c === CH_PLUS)) {
      expNegative = c === CH_MINUS;
      i++;
    }
    const expStart = i;
    while (i < end && isDigit((c = s.charCodeAt(i)))) {
      // Clamp: anything this large over- or underflows anyway.
      if (exponent < 100000) exponent = exponent * 10 + (c - CH_0);
      i++;
    }
    if (i === expStart) return NaN;
    if (expNegative) exponent = -exponent;
  }
  if (i !== end) return NaN;
  // Long digit strings (card, account or ID-card numbers) are codes: as numbers they would
  // lose their last digits.
  if (intDigits > MAX_EXACT_DIGITS && fracDigits === 0 && !hasExponent) return NaN;

  // Clinger's fast path: an exact integer mantissa (<= 15 digits) times or divided by an exact
  // power of ten is correctly rounded, i.e. equal to what Number() gives for the same text.
  const scale = exponent - fracDigits;
  if (intDigits + fracDigits <= 15 && scale >= -22 && scale <= 22) {
    const value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
    return negative ? -value : value;
  }
  if (decimalCode === CH_DOT) {
    return finiteOrNaN(Number(start === 0 && end === s.length ? s : s.slice(start, end)));
  }
  const text = s.slice(start, end);
  const mark = text.indexOf(',');
  return finiteOrNaN(Number(mark < 0 ? text : text.slice(0, mark) + '.' + text.slice(mark + 1)));
}

/**
 * Reads unsigned `digits`, optionally grouped in threes with one consistent separator, then an
 * optional fraction and (ungrouped only) exponent, spanning exactly s[start, end).
 */
function readGrouped(s: string, start: number, end: number, decimalCode: number): number {
  let i = start;
  let digits = '';
  let separator = -1;
  let runLength = 0;
  let c = 0;
  while (i < end) {
    c = s.charCodeAt(i);
    if (isDigit(c)) {
      runLength++;
      i++;
      continue;
    }
    if (separator === -1 ? !isGroupSeparator(c, decimalCode) : c !== separator) break;
    // The first group holds 1-3 digits and no leading zero ('0,123' is a decimal in disguise).
    if (separator === -1) {
      if (runLength < 1 || runLength > 3 || s.charCodeAt(start) === CH_0) return NaN;
      separator = c;
    } else if (runLength !== 3) {
      return NaN;
    }
    digits += s.slice(i - runLength, i);
    runLength = 0;
    i++;
  }
  if (separator === -1) return readPlain(s, start, end, decimalCode);
  if (runLength !== 3) return NaN;
  digits += s.slice(i - runLength, i);
  if (i === end) return Number(digits);
  if (c !== decimalCode) return NaN;
  i++;
  const fracStart = i;
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  if (i === fracStart || i !== end) return NaN;
  return Number(digits + '.' + s.slice(fracStart, end));
}

/** Formatted cells: padding, currency, percent, accounting brackets, grouping. */
function parseFormatted(raw: string, decimalCode: number): number {
  let start = 0;
  let end = raw.length;
  while (start < end && isSpace(raw.charCodeAt(start))) start++;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  if (start === end) return NaN;

  let bracketed = false;
  if (raw.charCodeAt(start) === CH_OPEN) {
    if (raw.charCodeAt(end - 1) !== CH_CLOSE) return NaN;
    bracketed = true;
    start++;
    end--;
    while (start < end && isSpace(raw.charCodeAt(start))) start++;
    while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  }

  let percent = false;
  if (end > start && raw.charCodeAt(end - 1) === CH_PERCENT) {
    percent = true;
    end--;
    while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  }

  // Sign and currency may come in either order before the digits: '-$5', '$-5', '€ 5'.
  let sign = 0;
  let currency = false;
  for (let k = 0; k < 2 && start < end; k++) {
    const c = raw.charCodeAt(start);
    if ((c === CH_MINUS || c === CH_PLUS || c === CH_MINUS_SIGN) && sign === 0) {
      sign = c === CH_PLUS ? 1 : -1;
      start++;
    } else if (isCurrency(c) && !currency) {
      currency = true;
      start++;
      while (start < end && isSpace(raw.charCodeAt(start))) start++;
    } else {
      break;
    }
  }
  if (!currency && end > start && isCurrency(raw.charCodeAt(end - 1))) {
    currency = true;
    end--;
    while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  }
  if (start >= end) return NaN;
  if (percent && currency) return NaN;
  if (bracketed && sign !== 0) return NaN;

  const first = raw.charCodeAt(start);
  if (!isDigit(first) && first !== decimalCode) return NaN;
  const magnitude = readGrouped(raw, start, end, decimalCode);
  if (magnitude !== magnitude) return NaN;
  const value = bracketed || sign < 0 ? -magnitude : magnitude;
  // Dividing the parsed value keeps 12% exactly 12/100.
  return percent ? value / 100 : value;
}

/**
 * Whether a cell means "no value": empty or whitespace-only, or (after trimming, any case)
 * one of NA, N/A, #N/A, #NA, <NA>, NaN, -NaN, null, None, '-'.
 * @param raw The cell text as read from the file.
 * @returns True when the cell should count as missing.
 * @example isMissingToken(' N/A ') // true
 */
export function isMissingToken(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return true;
  // Runs once per cell: no allocation, and most cells leave on their first character.
  let start = 0;
  let end = n;
  while (start < end && isSpace(raw.charCodeAt(start))) start++;
  if (start === end) return true;
  while (isSpace(raw.charCodeAt(end - 1))) end--;
  const length = end - start;
  if (length > LONGEST_MISSING_TOKEN) return false;
  if (raw.charCodeAt(start) === 0x2014) return length === 1; // an em dash alone, as reports print a blank figure
  const first = raw.charCodeAt(start) | 0x20;
  // Every token starts with n, #, < or - ('#', '<' and '-' are unchanged by | 0x20).
  if (first !== 0x6e && first !== 0x23 && first !== 0x3c && first !== 0x2d) return false;
  for (const token of MISSING_TOKENS) {
    if (token.length === length && equalsLowerCase(raw, start, token)) return true;
  }
  return false;
}

/** raw[start..] equals the lowercase ASCII `token`, ignoring the case of raw's letters. */
function equalsLowerCase(raw: string, start: number, token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    let c = raw.charCodeAt(start + i);
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if (c !== token.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Reads a number cell. Accepts a sign, surrounding spaces, thousands separators grouped in
 * threes (',' with decimal '.'; '.' with decimal ','; with either: space, no-break space,
 * narrow no-break space, thin space, apostrophe), a currency symbol ($ € £ ¥ ￥) before or after,
 * a trailing % (12% → 0.12), accounting brackets ((500) → -500), an exponent and a leading
 * decimal mark (.5). Rejects leading-zero codes (007), hex, Infinity, dates, bare symbols and text.
 * @param raw The cell text.
 * @param decimal The file's decimal mark.
 * @returns The value, or NaN when the cell is not a number (missing cells are NaN too).
 * @example parseNumberCell('($1,234.50)', '.') // -1234.5
 */
export function parseNumberCell(raw: string, decimal: DecimalMark): number {
  const decimalCode = decimal === ',' ? CH_COMMA : CH_DOT;
  const plain = readPlain(raw, 0, raw.length, decimalCode);
  if (plain === plain) return plain;
  return parseFormatted(raw, decimalCode);
}

/**
 * Whether a cell is a digit string with a leading zero, such as a ZIP code or an article
 * number ('007', '02134'); inference keeps such columns as text so the zeros survive.
 * @param raw The cell text; surrounding spaces are ignored.
 * @returns True for two or more ASCII digits starting with '0'.
 * @example isLeadingZeroCode('02134') // true
 */
export function isLeadingZeroCode(raw: string): boolean {
  let start = 0;
  let end = raw.length;
  while (start < end && isSpace(raw.charCodeAt(start))) start++;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  if (end - start < 2 || raw.charCodeAt(start) !== CH_0) return false;
  for (let i = start + 1; i < end; i++) {
    if (!isDigit(raw.charCodeAt(i))) return false;
  }
  return true;
}
