/**
 * The user's override of a column's type. Text-stored columns keep their exact strings,
 * so any change is reversible; a numeric column turned to text shows its numbers in
 * plain form (thousands separators and currency signs of the file are not kept).
 */
import type { Column, ColumnType, DictionaryStorage, NumericStorage, ReadingRules } from './dataset';
import { columnStrings } from './dataset-access';
import { parseNumberCell, isLeadingZeroCode } from './parse-number';
import { booleanValueOf } from './boolean-values';
import { datesOf } from './infer-type';
import { packStrings, unpackStrings } from './packed-strings';
import { fail, ok, type Result } from '../shared/result';

/**
 * Re-types one column.
 * @param column the column as it is now (not changed)
 * @param type the type the user chose
 * @param rules the data set's reading rules (its `source`): decimal mark and date order
 * @returns the new column, or RETYPE_INVALID when no value can be read as that type
 * @example retypeColumn(column, 'category', dataset.source)
 */
export function retypeColumn(column: Column, type: ColumnType, rules: ReadingRules): Result<Column> {
  const { decimal } = rules;
  if (type === column.type) return ok(column);
  const invalid = () =>
    fail<Column>('RETYPE_INVALID', `The values of "${column.name}" cannot be read as ${type}.`, { column: column.name, type });

  if (type === 'number' || type === 'integer') {
    const storage = column.storage.kind === 'numeric' ? column.storage : toNumericStorage(column.storage, decimal);
    const values = storage.values;
    let present = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      present++;
      if (type === 'integer' && !Number.isInteger(v)) return invalid();
    }
    if (present === 0) return invalid();
    return ok({ ...column, type, storage, missingCount: values.length - present - storage.rejected.rows.length });
  }

  const storage = column.storage.kind === 'dictionary' ? column.storage : toDictionaryStorage(column, decimal);
  const values = unpackStrings(storage.dictionary);
  if (type === 'date' && !datesOf(values, rules.dateOrder).values.some((v) => v === v)) return invalid();
  if (type === 'boolean' && (values.length > 2 || values.some((v) => booleanValueOf(v) === null))) {
    return invalid();
  }
  let missing = 0;
  for (let i = 0; i < storage.codes.length; i++) if (storage.codes[i] < 0) missing++;
  return ok({ ...column, type, storage, missingCount: missing });
}

function toNumericStorage(storage: DictionaryStorage, decimal: '.' | ','): NumericStorage {
  const dictionary = unpackStrings(storage.dictionary);
  const byCode = dictionary.map((v) => (isLeadingZeroCode(v) ? Number(v) : parseNumberCell(v, decimal)));
  const values = new Float64Array(storage.codes.length);
  const rows: number[] = [];
  const raw: string[] = [];
  for (let row = 0; row < values.length; row++) {
    const code = storage.codes[row];
    const v = code < 0 ? NaN : byCode[code];
    values[row] = v;
    if (code >= 0 && v !== v) {
      rows.push(row);
      raw.push(dictionary[code]);
    }
  }
  return { kind: 'numeric', values, rejected: { rows: Int32Array.from(rows), raw } };
}

/**
 * Numbers become text written with the file's decimal mark, so they read back the same;
 * cells that were not numbers keep their text exactly.
 */
function toDictionaryStorage(column: Column, decimal: '.' | ','): DictionaryStorage {
  const strings = columnStrings(column);
  if (decimal === ',' && column.storage.kind === 'numeric') {
    const values = column.storage.values;
    for (let row = 0; row < strings.length; row++) {
      const v = values[row];
      if (v === v) strings[row] = String(v).replace('.', ',');
    }
  }
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(strings.length);
  for (let row = 0; row < strings.length; row++) {
    const s = strings[row];
    if (s === null) {
      codes[row] = -1;
      continue;
    }
    let code = index.get(s);
    if (code === undefined) {
      code = dictionary.length;
      index.set(s, code);
      dictionary.push(s);
    }
    codes[row] = code;
  }
  return { kind: 'dictionary', codes, dictionary: packStrings(dictionary) };
}
