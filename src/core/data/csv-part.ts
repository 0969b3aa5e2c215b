/**
 * What the importer collected from one stretch of a file, before types are decided. A file
 * can be read as one part, or split at a line break and read as two parts by two workers;
 * finishing merges the parts in order, so both ways give the same data set.
 */
import type { DataIssue } from './dataset';
import type { ColumnBuilder, ColumnState } from './column-builder';

/** Per problem kind, how many rows get their own line in the report. */
export const LISTED_ISSUES = 50;
/** How many trailing records are examined for footers and junk. */
export const TAIL_RECORDS = 20;
/** Rows kept to tell strictly numeric or date columns when looking for a footer. */
export const KINDS_SAMPLE_ROWS = 200;

/** How the file is split into cells; fixed for all parts of one file. */
export interface CsvSettings {
  delimiter: string;
  decimal: '.' | ',';
  newline: '\n' | '\r\n' | '\r';
  /** Lines end in a mix of CRLF and LF: split at LF and drop a CR left at a record's end. */
  trailingCR?: boolean;
  /** Only cells that read both ways (1.250) decided the decimal mark: tell the user. */
  decimalAssumed?: boolean;
  /** The first lines did not tell the separator clearly (one column, or rivals): tell the user. */
  delimiterAssumed?: boolean;
}

export interface TailRecord {
  /** Record index within the part (the first part's header is record 0). */
  record: number;
  cells: string[];
  blank: boolean;
  /** Whether the record became a data row (an empty line in a one-column file does). */
  counted: boolean;
}

export interface CsvPart {
  settings: CsvSettings;
  /** The raw header cells; only the first part has them. */
  header: string[] | null;
  /** Record index of the header (blank lines may come before it). */
  headerRecord: number;
  /** Records read, the header and skipped ones included. */
  recordCount: number;
  dataRows: number;
  /** Record indices (within the part) that did not become data rows. */
  skippedRecords: number[];
  blankRecords: number[];
  /** Records with fewer cells than the header. */
  shortRecords: number[];
  /** The last records, to find a footer. */
  tail: TailRecord[];
  /** Problems found while reading; `row` is 1 + the record index within the part. */
  issues: DataIssue[];
  /** Problems per code, listed or not. */
  issueCounts: Record<string, number>;
  /** The first data rows, to tell which columns strictly hold numbers or dates. */
  sample: string[][];
  /** True when the part ended inside a quoted cell: a split there was not a record boundary. */
  endsInsideQuotes: boolean;
  /** Where a never-closed quote starts, and how many line breaks it swallowed. */
  unclosedQuote: { row: number; swallowed: number } | null;
  /** The columns as plain data, when the part crosses to another worker (see exportCsvPart). */
  columns: ColumnState[];
  /** The encoding the part was read in, when bytes were decoded (it may differ from the plan's). */
  encoding?: string;
  encodingGuessed?: boolean;
  /** The columns still being built, when the part is finished where it was read. */
  builders?: ColumnBuilder[];
}

/** The part as plain data that can be transferred to another worker. */
export function exportCsvPart(part: CsvPart): CsvPart {
  const { builders, ...rest } = part;
  return builders ? { ...rest, columns: builders.map((b) => b.exportState()) } : rest;
}
