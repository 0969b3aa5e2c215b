/**
 * Delimiter and decimal-mark detection from the first records of a CSV file, so that
 * European exports (`;` with decimal commas), TSV and pipe files import without questions.
 */
import { parseNumberCell, type DecimalMark } from './parse-number';

/** The delimiters the importer recognises. */
export type Delimiter = ',' | ';' | '\t' | '|' | typeof ONE_COLUMN;

/** Outcome of delimiter detection. */
export interface DelimiterGuess {
  delimiter: Delimiter;
  /** False when the sample did not decide clearly (one column, rivals close); the UI should ask. */
  confident: boolean;
}

/** Ties go to the earlier entry: ',' is the least telling since decimal commas and prose contain it. */
const CANDIDATES: readonly Delimiter[] = ['\t', ';', '|', ','];

const MAX_RECORDS = 50;

// A rival this close in consistency means the sample does not settle the question.
const CLOSE_SHARE = 0.1;
const CONFIDENT_SHARE = 0.9;

const CH_QUOTE = 34;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;

function isCandidateCode(c: number): boolean {
  return c === 44 || c === 59 || c === 9 || c === 124;
}

function candidateIndex(c: number): number {
  return c === 9 ? 0 : c === 59 ? 1 : c === 124 ? 2 : c === 44 ? 3 : -1;
}

/** Index after the line end at `i` (\n, \r\n or a lone \r), or -1 when `i` is not a line end. */
function skipLineEnd(sample: string, i: number): number {
  const c = sample.charCodeAt(i);
  if (c === CH_LF) return i + 1;
  if (c === CH_CR) return sample.charCodeAt(i + 1) === CH_LF ? i + 2 : i + 1;
  return -1;
}

/**
 * Counts each candidate outside quotes, per complete record. A quote opens a quoted field only
 * at the start of a line or right after a candidate delimiter (spaces allowed), so a stray
 * inch mark in `Pipe 5" long` does not swallow the rest of the file.
 */
function countPerRecord(sample: string): { counts: number[][]; firstLine: string } {
  const counts: number[][] = [];
  let current = [0, 0, 0, 0];
  let firstLine = '';
  let inQuotes = false;
  let fieldStart = true;
  let lineHasContent = false;
  let lineStart = 0;
  const n = sample.length;
  let i = 0;
  while (i < n && counts.length < MAX_RECORDS) {
    const c = sample.charCodeAt(i);
    if (inQuotes) {
      if (c === CH_QUOTE) {
        if (sample.charCodeAt(i + 1) === CH_QUOTE) i++;
        else inQuotes = false;
      }
      i++;
      continue;
    }
    const next = skipLineEnd(sample, i);
    if (next >= 0) {
      if (lineHasContent) {
        if (counts.length === 0 && firstLine === '') firstLine = sample.slice(lineStart, i);
        counts.push(current);
      }
      current = [0, 0, 0, 0];
      lineHasContent = false;
      fieldStart = true;
      i = next;
      lineStart = i;
      continue;
    }
    if (c === CH_QUOTE && fieldStart) {
      inQuotes = true;
      lineHasContent = true;
      fieldStart = false;
      i++;
      continue;
    }
    const k = candidateIndex(c);
    if (k >= 0) {
      current[k]++;
      fieldStart = true;
    } else if (c !== CH_SPACE) {
      fieldStart = false;
    }
    lineHasContent = true;
    i++;
  }
  // An unterminated last line is probably cut by the sample size; use it only when it is all there is.
  if (counts.length === 0 && lineHasContent && !inQuotes) {
    firstLine = sample.slice(lineStart);
    counts.push(current);
  }
  return { counts, firstLine };
}

function modeOf(values: number[]): { mode: number; share: number } {
  const frequency = new Map<number, number>();
  let mode = 0;
  let best = 0;
  for (const v of values) {
    if (v === 0) continue;
    const f = (frequency.get(v) ?? 0) + 1;
    frequency.set(v, f);
    if (f > best || (f === best && v > mode)) {
      best = f;
      mode = v;
    }
  }
  return { mode, share: values.length === 0 ? 0 : best / values.length };
}

/** Excel's `sep=;` hint line, which some exports put before the header. */
function readSeparatorHint(firstLine: string): Delimiter | undefined {
  if (firstLine.length !== 5 || firstLine.slice(0, 4).toLowerCase() !== 'sep=') return undefined;
  const c = firstLine.charCodeAt(4);
  return isCandidateCode(c) ? CANDIDATES[candidateIndex(c)] : undefined;
}

/**
 * Detects the field delimiter from the first ~50 records: the candidate (`,` `;` tab `|`) whose
 * count per line is non-zero and most consistent. Quoted fields may hold delimiters and line
 * breaks; a final record cut by the sample's end is ignored. Candidates whose header count
 * differs from their usual count are dropped first, which is what makes `;` win over the
 * decimal commas of `1,5;2,25`. Ties prefer tab, then `;`, `|`, `,`.
 * @param sample The start of the file, decoded.
 * @returns The delimiter, and whether the sample decided it clearly (one column → ',' not confident).
 * @example detectDelimiter('a;b\n1,5;2,25\n3,0;4,1\n') // { delimiter: ';', confident: true }
 */
export function detectDelimiter(sample: string): DelimiterGuess {
  const { counts, firstLine } = countPerRecord(sample);
  const hint = readSeparatorHint(firstLine);
  if (hint) return { delimiter: hint, confident: true };

  const stats = CANDIDATES.map((_, k) => {
    const column = counts.map((record) => record[k]);
    const { mode, share } = modeOf(column);
    return { k, mode, share, headerFits: column.length > 0 && column[0] === mode };
  }).filter((s) => s.mode > 0);
  if (stats.length === 0) return { delimiter: ',', confident: false };

  // A title line above the header fits no candidate; then the header cannot arbitrate.
  const fitting = stats.filter((s) => s.headerFits);
  // ...unless the lines are decimal-comma numbers under a one-word header: one column.
  if (fitting.length === 0 && looksLikeOneColumnOfDecimals(sample)) return { delimiter: ONE_COLUMN, confident: false };
  const pool = fitting.length > 0 ? fitting : stats;
  let best = pool[0];
  for (const s of pool) if (s.share > best.share) best = s;
  const rivalClose = pool.some((s) => s !== best && s.share >= best.share - CLOSE_SHARE);
  return {
    delimiter: CANDIDATES[best.k],
    confident: fitting.length > 0 && best.share >= CONFIDENT_SHARE && !rivalClose,
  };
}

/**
 * The separator of a file with a single column: a control character that text files do not
 * contain, so no line is ever split.
 */
export const ONE_COLUMN = '\u001f';

const DECIMAL_COMMA_LINE = /^\s*[-+]?\d{1,3}(?:\.?\d{3})*,\d+\s*$/;

function looksLikeOneColumnOfDecimals(sample: string): boolean {
  const lines = sample.split(/\r?\n|\r/).slice(1, MAX_RECORDS).filter((line) => line.trim() !== '');
  if (lines.length === 0) return false;
  return lines.filter((line) => DECIMAL_COMMA_LINE.test(line)).length >= lines.length * 0.8;
}

/** Calls `visit` with each unquoted field text of the first complete records. */
function forEachField(sample: string, delimiter: string, visit: (field: string) => void): void {
  const delimiterCode = delimiter.charCodeAt(0);
  const n = sample.length;
  let records = 0;
  let i = 0;
  let pending: string[] = [];
  while (i < n && records < MAX_RECORDS) {
    let field = '';
    let start = i;
    while (start < n && sample.charCodeAt(start) === CH_SPACE) start++;
    if (sample.charCodeAt(start) === CH_QUOTE) {
      let j = start + 1;
      let closed = false;
      while (j < n) {
        if (sample.charCodeAt(j) === CH_QUOTE) {
          if (sample.charCodeAt(j + 1) === CH_QUOTE) {
            field += sample.slice(start + 1, j + 1);
            start = j + 1;
            j += 2;
            continue;
          }
          closed = true;
          break;
        }
        j++;
      }
      // A quote still open at the end of the sample: the record is incomplete.
      if (!closed) return;
      field += sample.slice(start + 1, j);
      i = j + 1;
      while (i < n && sample.charCodeAt(i) !== delimiterCode && skipLineEnd(sample, i) < 0) i++;
    } else {
      while (i < n && sample.charCodeAt(i) !== delimiterCode && skipLineEnd(sample, i) < 0) i++;
      field = sample.slice(start, i);
    }
    pending.push(field);
    if (i >= n) return;
    if (sample.charCodeAt(i) === delimiterCode) {
      i++;
      continue;
    }
    i = skipLineEnd(sample, i);
    for (const f of pending) visit(f);
    pending = [];
    records++;
  }
}

/**
 * Detects the decimal mark. Always '.' when the delimiter is ','. Otherwise every field of the
 * first ~50 records is read both ways: cells only valid with a comma decimal (`12,5`, `-0,25`,
 * `1.234,56`) vote ',', cells only valid with a dot decimal (`3.14`, `1,234.5`) vote '.'. When
 * no cell decides, cells like `12,500` (valid both ways, different values) break the tie.
 * @param sample The start of the file, decoded.
 * @param delimiter The field delimiter, e.g. from `detectDelimiter`.
 * @returns ',' when comma decimals outnumber dot decimals, else '.'.
 * @example detectDecimalMark('a;b\n1,5;2\n', ';') // ','
 */
export function detectDecimalMark(sample: string, delimiter: string): DecimalMark {
  return weighDecimalMark(sample, delimiter).decimal;
}

/**
 * Like detectDecimalMark, and also says whether any cell decided it, or only cells like
 * 1.250 that read both ways (then the user should be told which reading was taken).
 * @example weighDecimalMark('a;b\n1.250;3\n', ';') // { decimal: ',', decided: false }
 */
export function weighDecimalMark(sample: string, delimiter: string): { decimal: DecimalMark; decided: boolean } {
  if (delimiter === ',') return { decimal: '.', decided: true };
  let comma = 0;
  let dot = 0;
  let commaAmbiguous = 0;
  let dotAmbiguous = 0;
  forEachField(sample, delimiter, (field) => {
    const asDot = parseNumberCell(field, '.');
    const asComma = parseNumberCell(field, ',');
    const dotValid = asDot === asDot;
    const commaValid = asComma === asComma;
    if (commaValid && !dotValid) comma++;
    else if (dotValid && !commaValid) dot++;
    else if (dotValid && asDot !== asComma) {
      // '1,234' or '1.234': whichever mark the cell shows is more likely the decimal one.
      if (field.includes(',')) commaAmbiguous++;
      else dotAmbiguous++;
    }
  });
  if (comma !== dot) return { decimal: comma > dot ? ',' : '.', decided: true };
  const ambiguous = commaAmbiguous + dotAmbiguous > 0;
  // Only cells like 1.250 or 12,500 (valid both ways). In a semicolon file these are
  // thousands groups far more often than three-decimal figures: 1.250 is 1250.
  if (delimiter === ';' && ambiguous) return { decimal: ',', decided: false };
  return { decimal: commaAmbiguous > dotAmbiguous ? ',' : '.', decided: !ambiguous };
}
