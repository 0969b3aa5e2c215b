/**
 * Column-type inference: decides number, integer, boolean, category, date, id or text from
 * what a ColumnBuilder collected. Every cell was read as a string; the decision is ours,
 * not the parser's, and it works on distinct values, so it costs little on large files.
 */
import type { Column, ColumnStorage, ColumnType, DataIssue, DictionaryStorage, NumericStorage } from './dataset';
import { ColumnBuilder, MAX_REJECTED_SHARE } from './column-builder';
import { isLeadingZeroCode, parseNumberCell } from './parse-number';
import { detectDateOrder, parseDateCell } from './parse-date';
import { booleanValueOf } from './boolean-values';
import { packStrings } from './packed-strings';

/** How many row numbers an issue lists before it says "and N more". */
const LISTED_ROWS = 10;
/** Unique code-like strings count as an id only with at least this many rows. */
const MIN_ID_ROWS = 20;
/** Dates like 03/04/2024, where the order of day and month is a question. */
const DAY_MONTH_FORM = /^\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b/;
const ID_NAME = /(^|[^a-z])(id|num|no|nr|number|code|key|ref)$|^id([^a-z]|$)|(client|customer|account|user|order)(id|num|number|no)$/i;

export interface InferContext {
  decimal: '.' | ',';
  /** Day/month order of numeric dates, decided from every column of the file. */
  dateOrder: 'dmy' | 'mdy' | 'ambiguous';
  /** Maps a 0-based data row to the 1-based record number a spreadsheet would show. */
  rowNumber: (dataRow: number) => number;
}

export interface InferredColumn {
  column: Column;
  issues: DataIssue[];
}

/** Finalises a builder into a typed column plus the problems found in it. */
export function inferColumn(builder: ColumnBuilder, context: InferContext): InferredColumn {
  if (builder.mode === 'numeric') {
    const numeric = inferNumeric(builder, context);
    if (numeric) return numeric;
    builder.convertToDictionary();
  }
  builder.compactDictionary();
  return inferDictionary(builder, context);
}

function inferNumeric(builder: ColumnBuilder, context: InferContext): InferredColumn | null {
  const values = builder.takeValues();
  const rejected = builder.rejectedRows.length;
  let present = 0;
  let allIntegers = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      present++;
      if (allIntegers && !Number.isInteger(v)) allIntegers = false;
    }
  }
  const nonMissing = present + rejected;
  if (nonMissing === 0) return null;
  if (rejected > nonMissing * MAX_REJECTED_SHARE || builder.rejectedRaw.some(isLeadingZeroCode)) return null;
  const storage: NumericStorage = {
    kind: 'numeric',
    values,
    rejected: { rows: Int32Array.from(builder.rejectedRows), raw: builder.rejectedRaw.slice() },
  };
  let type: ColumnType = allIntegers ? 'integer' : 'number';
  if (type === 'integer' && rejected === 0 && looksLikeIdName(builder.name) && allDistinct(values, present)) {
    builder.convertToDictionary();
    return inferDictionary(builder, context);
  }
  const column = makeColumn(builder.name, type, values.length - present - rejected, storage);
  const issues: DataIssue[] = [];
  if (rejected > 0) {
    issues.push(mixedIssue(builder.name, 'number', builder.rejectedRows, builder.rejectedRaw, context));
  }
  if (rejected === 0 && isConstantNumbers(values)) issues.push(constantIssue(builder.name));
  return { column, issues };
}

function inferDictionary(builder: ColumnBuilder, context: InferContext): InferredColumn {
  const codes = builder.takeCodes();
  const { dictionary, counts } = builder;
  const name = builder.name;
  let nonMissing = 0;
  for (const c of counts) nonMissing += c;
  const missingCount = codes.length - nonMissing;
  const storage: DictionaryStorage = { kind: 'dictionary', codes, dictionary: packStrings(dictionary) };
  const issues: DataIssue[] = [];

  if (nonMissing === 0) {
    issues.push({ code: 'EMPTY_COLUMN', column: name, message: `Column "${name}" has no values.` });
    return { column: makeColumn(name, 'text', missingCount, storage), issues };
  }

  // Numbers that arrived as text (the first rows were not numbers, or a few junk cells).
  const numbers = dictionary.map((v) => parseNumberCell(v, context.decimal));
  const numericRows = weightedCount(counts, (code) => numbers[code] === numbers[code]);
  const hasLeadingZeros = dictionary.some(isLeadingZeroCode);
  if (!hasLeadingZeros && numericRows >= nonMissing * (1 - MAX_REJECTED_SHARE)) {
    const integerOnly = numbers.every((v) => v !== v || Number.isInteger(v));
    const idLike = integerOnly && numericRows === nonMissing && looksLikeIdName(name) && dictionary.length === nonMissing && nonMissing >= MIN_ID_ROWS;
    if (!idLike) return toNumeric(builder, codes, numbers, integerOnly ? 'integer' : 'number', context);
  }

  const dates = datesOf(dictionary, context.dateOrder === 'mdy' ? 'mdy' : 'dmy');
  const dateRows = weightedCount(counts, (code) => dates.values[code] === dates.values[code]);
  let type: ColumnType;
  if (dateRows > 0 && dateRows >= nonMissing * (1 - MAX_REJECTED_SHARE)) {
    type = 'date';
    if (dateRows < nonMissing) {
      const bad = rowsWhere(codes, (code) => dates.values[code] !== dates.values[code]);
      issues.push(mixedIssue(name, 'date', bad, bad.map((r) => dictionary[codes[r]]), context));
    }
    if (context.dateOrder === 'ambiguous' && dictionary.some((v) => DAY_MONTH_FORM.test(v))) {
      issues.push({
        code: 'DATE_ORDER_AMBIGUOUS',
        column: name,
        message: `Dates in "${name}" could be day-first or month-first; read as day-first.`,
      });
    }
  } else if (isBooleanDictionary(dictionary)) {
    type = 'boolean';
  } else if (isIdDictionary(dictionary, nonMissing)) {
    type = 'id';
  } else if (isTextDictionary(dictionary, nonMissing)) {
    type = 'text';
  } else {
    type = 'category';
  }

  if (type !== 'date' && numericRows >= nonMissing / 2 && numericRows < nonMissing) {
    const bad = rowsWhere(codes, (code) => numbers[code] !== numbers[code]);
    issues.push(mixedIssue(name, 'text', bad, bad.map((r) => dictionary[codes[r]]), context));
  }
  if (dictionary.length === 1 && codes.length > 1) issues.push(constantIssue(name));
  return { column: makeColumn(name, type, missingCount, storage), issues };
}

function toNumeric(
  builder: ColumnBuilder,
  codes: Int32Array,
  numbers: number[],
  type: ColumnType,
  context: InferContext,
): InferredColumn {
  const values = new Float64Array(codes.length);
  const rejectedRows: number[] = [];
  const rejectedRaw: string[] = [];
  let missing = 0;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    if (code < 0) {
      values[row] = NaN;
      missing++;
    } else {
      const v = numbers[code];
      values[row] = v;
      if (v !== v) {
        rejectedRows.push(row);
        rejectedRaw.push(builder.dictionary[code]);
      }
    }
  }
  const storage: NumericStorage = { kind: 'numeric', values, rejected: { rows: Int32Array.from(rejectedRows), raw: rejectedRaw } };
  const issues: DataIssue[] = [];
  if (rejectedRows.length > 0) issues.push(mixedIssue(builder.name, 'number', rejectedRows, rejectedRaw, context));
  if (rejectedRows.length === 0 && isConstantNumbers(values)) issues.push(constantIssue(builder.name));
  return { column: makeColumn(builder.name, type, missing, storage), issues };
}

/** Parses each distinct value once, day-first unless told month-first. */
export function datesOf(dictionary: readonly string[], order: 'dmy' | 'mdy' = 'dmy'): { values: number[] } {
  return { values: dictionary.map((v) => parseDateCell(v, order)) };
}

/**
 * The day/month order of a whole file: one order for all its date columns, so a month-first
 * column that happens to hold only days up to 12 is not read day-first.
 * @param dictionaries the distinct values of every text column
 */
export function detectFileDateOrder(dictionaries: readonly (readonly string[])[]): 'dmy' | 'mdy' | 'ambiguous' {
  const forms: string[] = [];
  for (const values of dictionaries) for (const v of values) if (DAY_MONTH_FORM.test(v)) forms.push(v);
  return forms.length === 0 ? 'ambiguous' : detectDateOrder(forms);
}

function isBooleanDictionary(dictionary: readonly string[]): boolean {
  if (dictionary.length === 0 || dictionary.length > 2) return false;
  const values = dictionary.map(booleanValueOf);
  if (values.some((v) => v === null)) return false;
  return dictionary.length === 1 || values[0] !== values[1];
}

function isIdDictionary(dictionary: readonly string[], nonMissing: number): boolean {
  if (dictionary.length !== nonMissing || nonMissing < MIN_ID_ROWS) return false;
  return dictionary.every((v) => v.length <= 64 && !/\s/.test(v));
}

function isTextDictionary(dictionary: readonly string[], nonMissing: number): boolean {
  let chars = 0;
  for (const v of dictionary) chars += v.length;
  const longValues = chars / dictionary.length > 40;
  const highCardinality = dictionary.length > 50 && dictionary.length > nonMissing / 2;
  return longValues || highCardinality;
}

function looksLikeIdName(name: string): boolean {
  return ID_NAME.test(name.replace(/[\s_\-.]+/g, ''));
}

function allDistinct(values: Float64Array, present: number): boolean {
  if (present < MIN_ID_ROWS || present !== values.length) return false;
  return new Set(values).size === values.length;
}

function isConstantNumbers(values: Float64Array): boolean {
  let first = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (first !== first) first = v;
    else if (v !== first) return false;
  }
  return first === first && values.length > 1;
}

function weightedCount(counts: readonly number[], accept: (code: number) => boolean): number {
  let total = 0;
  for (let code = 0; code < counts.length; code++) if (accept(code)) total += counts[code];
  return total;
}

function rowsWhere(codes: Int32Array, accept: (code: number) => boolean): number[] {
  const rows: number[] = [];
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    if (code >= 0 && accept(code)) rows.push(row);
  }
  return rows;
}

function makeColumn(name: string, type: ColumnType, missingCount: number, storage: ColumnStorage): Column {
  return { name, type, inferredType: type, missingCount, storage };
}

function constantIssue(name: string): DataIssue {
  return { code: 'CONSTANT_COLUMN', column: name, message: `Column "${name}" has the same value in every row.` };
}

/** One issue per column for the cells that do not fit its type, listing the first rows. */
function mixedIssue(
  name: string,
  expected: 'number' | 'date' | 'text',
  rows: readonly number[],
  raw: readonly string[],
  context: InferContext,
): DataIssue {
  const listed = rows.slice(0, LISTED_ROWS).map(context.rowNumber);
  const examples = [...new Set(raw.slice(0, 50))].slice(0, 3).map((v) => JSON.stringify(v)).join(', ');
  const what =
    expected === 'text'
      ? `Column "${name}" is mostly numbers, but ${rows.length} cells are not (${examples}); it is kept as text.`
      : `Column "${name}" is read as ${expected}s, but ${rows.length} cells are not (${examples}); they count as missing.`;
  return {
    code: expected === 'text' ? 'MIXED_TYPE_TEXT' : 'MIXED_TYPE',
    column: name,
    row: listed[0],
    message: `${what} Rows: ${listed.join(', ')}${rows.length > LISTED_ROWS ? ', …' : ''}.`,
    params: { count: rows.length, rows: listed.join(', '), more: Math.max(0, rows.length - LISTED_ROWS), examples, expected },
  };
}
