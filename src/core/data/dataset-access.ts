/**
 * Reading columns by name, whatever their storage: the helpers models use to get numbers
 * or strings out of a data set.
 */
import type { Column, Dataset } from './dataset';
import { booleanValueOf } from './boolean-values';
import { datesOf } from './infer-type';
import { parseNumberCell } from './parse-number';
import { packedAt, unpackStrings } from './packed-strings';
import type { DictionaryStorage, ReadingRules } from './dataset';

/**
 * Finds a column by name.
 * @throws RangeError when the data set has no such column (a programming error: callers pick from `columns`)
 */
export function getColumn(dataset: Dataset, columnName: string): Column {
  const column = dataset.columns.find((c) => c.name === columnName);
  if (!column) throw new RangeError(`No column named "${columnName}"`);
  return column;
}

/**
 * A column as numbers: NaN where missing or not a number. Dates give ms since the epoch
 * (UTC), booleans 1 and 0, categories their numeric reading where they have one.
 * @example getNumbers(dataset, 'MonthlyCharges')[0] // 29.85
 */
export function getNumbers(dataset: Dataset, columnName: string): Float64Array {
  return columnNumbers(getColumn(dataset, columnName), dataset.source);
}

/** A column as numbers (see getNumbers), read with the data set's rules (decimal mark, date order). */
export function columnNumbers(column: Column, rules: ReadingRules = { decimal: '.' }): Float64Array {
  const { storage } = column;
  if (storage.kind === 'numeric') return storage.values.slice();
  const byCode = codeNumbers(column, rules);
  const out = new Float64Array(storage.codes.length);
  for (let row = 0; row < out.length; row++) {
    const code = storage.codes[row];
    out[row] = code < 0 ? NaN : byCode[code];
  }
  return out;
}

function codeNumbers(column: Column, rules: ReadingRules): number[] {
  const dictionary = unpackStrings((column.storage as DictionaryStorage).dictionary);
  if (column.type === 'date') return datesOf(dictionary, rules.dateOrder).values;
  if (column.type === 'boolean') {
    return dictionary.map((v) => {
      const b = booleanValueOf(v);
      return b === null ? NaN : b ? 1 : 0;
    });
  }
  // Text columns read the way import reads numbers: '007' and '0x10' are not numbers.
  return dictionary.map((v) => parseNumberCell(v, rules.decimal));
}

/**
 * A column as text: null where missing. Numbers come back in plain form ("1234.5").
 * @example getStrings(dataset, 'Churn')[0] // 'No'
 */
export function getStrings(dataset: Dataset, columnName: string): (string | null)[] {
  return columnStrings(getColumn(dataset, columnName));
}

export function columnStrings(column: Column): (string | null)[] {
  const { storage } = column;
  if (storage.kind === 'dictionary') {
    const dictionary = unpackStrings(storage.dictionary);
    const out: (string | null)[] = new Array(storage.codes.length);
    for (let row = 0; row < out.length; row++) {
      const code = storage.codes[row];
      out[row] = code < 0 ? null : dictionary[code];
    }
    return out;
  }
  const out: (string | null)[] = new Array(storage.values.length);
  for (let row = 0; row < out.length; row++) out[row] = cellText(column, row);
  return out;
}

/**
 * The row a data row has in the file, as a spreadsheet numbers it: the header is row 1, and
 * blank lines, title lines and a footer that were left out still count.
 * @example fileRowNumber(dataset, 0) // 2 when the header is the first line
 */
export function fileRowNumber(dataset: Dataset, dataRow: number): number {
  return rowInFile(dataset.source.skippedRecords ?? [], dataRow);
}

/** As fileRowNumber, from the sorted record indices that are not data rows. */
export function rowInFile(skippedRecords: readonly number[], dataRow: number): number {
  let recordIndex = dataRow + 1;
  for (const s of skippedRecords) {
    if (s <= recordIndex) recordIndex++;
    else break;
  }
  return recordIndex + 1;
}

/** One cell as text (what the table shows before locale formatting); null when missing. */
export function cellText(column: Column, row: number): string | null {
  const { storage } = column;
  if (storage.kind === 'dictionary') {
    const code = storage.codes[row];
    return code < 0 ? null : packedAt(storage.dictionary, code);
  }
  const v = storage.values[row];
  if (v === v) return String(v);
  const at = binarySearch(storage.rejected.rows, row);
  return at >= 0 ? storage.rejected.raw[at] : null;
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
