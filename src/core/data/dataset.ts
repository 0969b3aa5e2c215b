/**
 * The columnar data set: what an imported file becomes, what workers transfer and what
 * the workspace stores. DO NOT CHANGE THE SHAPE WITHOUT A STORAGE MIGRATION.
 *
 * Numeric and date columns keep a Float64Array (NaN = missing); every other column is
 * dictionary-encoded: an Int32Array of codes (-1 = missing) into a packed list of distinct strings.
 */
import type { PackedStrings } from './packed-strings';

export type ColumnType = 'number' | 'integer' | 'boolean' | 'category' | 'date' | 'id' | 'text';

export const COLUMN_TYPES: readonly ColumnType[] = ['number', 'integer', 'boolean', 'category', 'date', 'id', 'text'];

export interface NumericStorage {
  kind: 'numeric';
  /** Parsed values; NaN where the cell is missing or is not a number. Dates: ms since epoch (UTC). */
  values: Float64Array;
  /** Cells that were not missing but could not be read as this type, with their raw text. */
  rejected: { rows: Int32Array; raw: string[] };
}

export interface DictionaryStorage {
  kind: 'dictionary';
  /** Index into `dictionary` per row; -1 = missing. */
  codes: Int32Array;
  /** Distinct non-missing values in order of first appearance, packed into one string. */
  dictionary: PackedStrings;
}

export type ColumnStorage = NumericStorage | DictionaryStorage;

export interface Column {
  name: string;
  /** The type in force: the inferred one unless the user overrode it. */
  type: ColumnType;
  /** What inference decided, kept so an override can be undone. */
  inferredType: ColumnType;
  missingCount: number;
  storage: ColumnStorage;
}

export interface DataIssue {
  code: string;
  message: string;
  /** 1-based record number in the file, the header being row 1 (as a spreadsheet shows it). */
  row?: number;
  column?: string;
  /** Values for the translated message. */
  params?: Record<string, string | number>;
}

/** How the file's text is read as numbers and dates; retyping and access use the same rules. */
export interface ReadingRules {
  decimal: '.' | ',';
  /** Day-first or month-first numeric dates (03/04/2024), decided once for the whole file. @default 'dmy' */
  dateOrder?: 'dmy' | 'mdy';
}

export interface ImportSource extends ReadingRules {
  fileName: string;
  byteLength: number;
  encoding: string;
  delimiter: string;
  /**
   * Records of the file, other than the header, that are not data rows (0 = the file's first
   * record): blank lines, title lines, a footer. With them data row i is shown as its row in
   * the file, as a spreadsheet numbers it.
   */
  skippedRecords?: number[];
}

export interface Dataset {
  name: string;
  rowCount: number;
  columns: Column[];
  issues: DataIssue[];
  source: ImportSource;
}
