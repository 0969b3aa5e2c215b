/**
 * The incremental CSV importer: text goes in piece by piece (the worker feeds decoded
 * slices of a file, parseCsv feeds one string), and what it collects is finished into
 * typed columns. papaparse's low-level Parser splits records; everything about types,
 * problems and row numbers is ours.
 */
import Papa from 'papaparse';
import type { DataIssue, Dataset } from './dataset';
import { ColumnBuilder } from './column-builder';
import { sampleKinds } from './sample-kinds';
import { detectDelimiter, weighDecimalMark } from './detect-delimiter';
import { finishCsvParts } from './csv-finish';
import { KINDS_SAMPLE_ROWS, LISTED_ISSUES, TAIL_RECORDS, type CsvPart, type CsvSettings, type TailRecord } from './csv-part';
import type { Result } from '../shared/result';

export interface CsvImportOptions {
  /** Field separator; detected from the first rows when absent. */
  delimiter?: string;
  /** Decimal mark; detected (',' only for files not separated by commas) when absent. */
  decimal?: '.' | ',';
  /** Shown in the workspace and the import report. @default 'data.csv' */
  fileName?: string;
  /** Size of the whole file, for progress and for sizing the columns up front. @default 0 */
  byteLength?: number;
  /** Encoding the text was decoded from (reported only). @default 'utf-8' */
  encoding?: string;
  /**
   * Reads the second part of a split file: no header line, and the settings and column
   * names of the first part.
   */
  continuation?: { settings: CsvSettings; header: string[] };
}

/** Non-blank records read before the header is chosen among them. */
const HEADER_LOOKAHEAD = 30;
/** Rows looked at before each column picks numeric or text storage. */
const SAMPLE_ROWS = 500;

export interface CsvImporter {
  /** Feeds the next piece of text; `isLast` flushes the final record. */
  pushText(text: string, isLast: boolean): void;
  /** What was read, not yet typed: to be finished here or merged with the next part. */
  collect(): CsvPart;
  /** Types the columns and reports problems: the data set, or why there is none. */
  finish(): Result<Dataset>;
}

/**
 * Creates an importer that accepts text incrementally.
 * @example
 * const importer = createCsvImporter({ fileName: 'a.csv' });
 * importer.pushText('x,y\n1,2\n', true);
 * importer.finish(); // { ok: true, value: { rowCount: 1, ... } }
 */
export function createCsvImporter(options: CsvImportOptions = {}): CsvImporter {
  const byteLength = options.byteLength ?? 0;
  let settings: CsvSettings | null = options.continuation?.settings ?? null;
  let parser: Papa.Parser | null = settings ? createParser(settings) : null;
  let partial = '';
  let firstText = true;

  const continuing = options.continuation !== undefined;
  let header: string[] | null = options.continuation?.header ?? null;
  let builders: ColumnBuilder[] = [];
  let sample: string[][] | null = [];
  let sampleChars = 0;
  let dataRows = 0;
  const skippedRecords: number[] = [];
  const blankRecords: number[] = [];
  const shortRecords: number[] = [];
  const tail = new TailBuffer(TAIL_RECORDS);
  const issues: DataIssue[] = [];
  const issueCounts: Record<string, number> = {};
  let record = -1;
  let headerRecord = 0;
  let kindsSample: string[][] = [];
  /** Records before the header is known: title lines above it are told apart by their width. */
  let pending: { record: number; cells: string[] }[] | null = header === null ? [] : null;
  let pendingFilled = 0;
  let unclosedQuote: { row: number; swallowed: number } | null = null;

  function addIssue(issue: DataIssue): void {
    const seen = (issueCounts[issue.code] ?? 0) + 1;
    issueCounts[issue.code] = seen;
    if (seen <= LISTED_ISSUES) issues.push(issue);
  }

  function onRecord(cells: string[]): void {
    record++;
    if (settings!.trailingCR) stripTrailingCR(cells);
    if (pending !== null) {
      pending.push({ record, cells });
      if (!isBlank(cells)) pendingFilled++;
      if (pendingFilled >= HEADER_LOOKAHEAD) choosePendingHeader();
      return;
    }
    onDataRecord(record, cells);
  }

  /**
   * The header is the first record as wide as most records; narrower records above it
   * (a report title, an export date) are left out and reported. Blank lines and Excel's
   * "sep=;" hint line above it are skipped.
   */
  function choosePendingHeader(): void {
    const records = pending!;
    pending = null;
    const filled = records.filter((r) => !isBlank(r.cells) && !isSeparatorHint(r.cells, settings!.delimiter));
    // Widths up to the last non-empty cell: spreadsheets often end rows with empty cells.
    // Only a width most rows share (three at least) can push a narrower first line aside.
    const widths = filled.map((r) => filledWidth(r.cells));
    const width = modeOf(widths);
    const support = widths.filter((w) => w === width).length;
    const headerAt = (support >= 3 && filled.find((r) => filledWidth(r.cells) >= width)) || filled[0];
    if (!headerAt) {
      for (const r of records) skippedRecords.push(r.record);
      return;
    }
    const preamble: number[] = [];
    for (const r of records) {
      if (r.record < headerAt.record) {
        skippedRecords.push(r.record);
        if (!isBlank(r.cells) && !isSeparatorHint(r.cells, settings!.delimiter)) preamble.push(r.record);
      } else if (r.record === headerAt.record) {
        header = r.cells;
        headerRecord = r.record;
      } else {
        onDataRecord(r.record, r.cells);
      }
    }
    if (preamble.length > 0) {
      const rows = preamble.map((r) => r + 1);
      addIssue({
        code: 'PREAMBLE_SKIPPED',
        row: rows[0],
        message: `Rows ${rows.join(', ')} above the header are not part of the table and were left out.`,
        params: { rows: rows.join(', '), count: rows.length },
      });
    }
  }

  function onDataRecord(record: number, cells: string[]): void {
    const empty = isBlank(cells);
    // In a one-column file an empty line is a missing value, not a gap between rows.
    const blank = empty && header!.length > 1;
    tail.push(record, cells, empty, !blank);
    if (blank) {
      skippedRecords.push(record);
      blankRecords.push(record);
      return;
    }
    checkWidth(cells, record);
    dataRows++;
    if (sample !== null) {
      sample.push(cells);
      if (sample.length >= SAMPLE_ROWS) flushSample();
      return;
    }
    for (let c = 0; c < builders.length; c++) builders[c].push(cells[c]);
  }

  function checkWidth(cells: string[], record: number): void {
    const expected = header!.length;
    if (cells.length < expected) {
      shortRecords.push(record);
      addIssue({
        code: 'ROW_TOO_SHORT',
        row: record + 1,
        message: `Row ${record + 1} has ${cells.length} cells, the header has ${expected}; the rest count as missing.`,
        params: { cells: cells.length, expected },
      });
    } else if (cells.length > expected) {
      let lastFilled = cells.length - 1;
      while (lastFilled >= expected && cells[lastFilled].trim() === '') lastFilled--;
      if (lastFilled >= expected) {
        addIssue({
          code: 'ROW_TOO_LONG',
          row: record + 1,
          message: `Row ${record + 1} has ${cells.length} cells, the header has ${expected}; the extra cells were left out.`,
          params: { cells: cells.length, expected, extra: cells.slice(expected, lastFilled + 1).join(settings!.delimiter) },
        });
      }
    }
  }

  /** Decides each column's storage from the first rows, then replays them. */
  function flushSample(): void {
    const rows = sample!;
    sample = null;
    const decimal = settings!.decimal;
    const avgChars = rows.length > 0 ? Math.max(1, sampleChars / rows.length) : 1;
    // Sized for the whole file, so a second part can be appended without copying.
    const expectedRows = byteLength > 0 ? Math.ceil((byteLength / avgChars) * 1.05) : rows.length;
    // Columns with no value yet start as numbers: the cheaper storage, and easy to leave.
    const kinds = sampleKinds(rows, header!.length, decimal);
    builders = header!.map((name, c) => {
      const mode = kinds[c] === 'number' || kinds[c] === 'empty' ? 'numeric' : 'dictionary';
      return new ColumnBuilder(name, mode, decimal, expectedRows);
    });
    for (const cells of rows) for (let c = 0; c < builders.length; c++) builders[c].push(cells[c]);
    kindsSample = rows.slice(0, KINDS_SAMPLE_ROWS);
  }

  function pushText(text: string, isLast: boolean): void {
    if (firstText) {
      firstText = false;
      if (!continuing && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (!settings) {
        settings = detectSettings(text, options);
        parser = createParser(settings);
      }
    }
    let input = partial + text;
    // The newline that ends the last line does not start another record.
    if (isLast) input = withoutFinalNewline(input);
    const result = parser!.parse(input, 0, !isLast) as Papa.ParseResult<string[]>;
    const cursor = isLast ? input.length : result.meta.cursor;
    partial = input.substring(cursor);
    if (sample !== null) sampleChars += cursor;
    const recordsBefore = record + 1;
    const quoteRows = new Set<number>();
    for (const error of result.errors) {
      const index = error.row ?? 0;
      // The unfinished last record is parsed again with the next piece: report it then.
      if (!isLast && index >= result.data.length) continue;
      const row = recordsBefore + index + 1;
      if (error.code === 'MissingQuotes') {
        const swallowed = countLineBreaks(result.data[index] ?? []);
        unclosedQuote = { row, swallowed };
        addIssue({
          code: 'UNCLOSED_QUOTE',
          row,
          message: `A quoted cell that starts in row ${row} is never closed; the ${swallowed} line breaks after it were read into that cell.`,
          params: { lines: swallowed },
        });
      } else if (error.code === 'InvalidQuotes' && !quoteRows.has(row)) {
        quoteRows.add(row);
        addIssue({ code: 'MALFORMED_QUOTES', row, message: `Row ${row} has a quote in the wrong place; the cell was read as it stands.` });
      }
    }
    for (const cells of result.data) onRecord(cells);
  }

  function collect(): CsvPart {
    if (firstText) pushText('', true);
    if (pending !== null) choosePendingHeader();
    if (sample !== null && header !== null) flushSample();
    return {
      settings: settings!,
      header: continuing ? null : header,
      headerRecord,
      recordCount: record + 1,
      dataRows,
      skippedRecords,
      blankRecords,
      shortRecords,
      tail: tail.toArray(),
      issues,
      issueCounts,
      sample: kindsSample,
      endsInsideQuotes: unclosedQuote !== null,
      unclosedQuote,
      columns: [],
      builders,
    };
  }

  return {
    pushText,
    collect,
    finish: () =>
      finishCsvParts([collect()], {
        fileName: options.fileName ?? 'data.csv',
        byteLength,
        encoding: options.encoding ?? 'utf-8',
      }),
  };
}

/**
 * Separator, decimal mark and line ending of a file, from its first text (the options win).
 * @example detectSettings('a;b\n1,5;2\n', {}) // { delimiter: ';', decimal: ',', newline: '\n' }
 */
export function detectSettings(text: string, options: Pick<CsvImportOptions, 'delimiter' | 'decimal'> = {}): CsvSettings {
  const guess = options.delimiter ? { delimiter: options.delimiter, confident: true } : detectDelimiter(text);
  const delimiter = guess.delimiter;
  const weighed = options.decimal ? { decimal: options.decimal, decided: true } : weighDecimalMark(text, delimiter);
  const settings: CsvSettings = { delimiter, decimal: weighed.decimal, newline: guessNewline(text) };
  if (!weighed.decided) settings.decimalAssumed = true;
  if (!guess.confident) settings.delimiterAssumed = true;
  // Mostly LF after a CRLF start (files edited with different tools): split at LF. A few bare
  // LFs in a CRLF file are line breaks inside cells, and stay there.
  if (settings.newline === '\r\n' && mostlyBareLineFeeds(text)) {
    settings.newline = '\n';
    settings.trailingCR = true;
  }
  return settings;
}

function createParser(settings: CsvSettings): Papa.Parser {
  return new Papa.Parser({ delimiter: settings.delimiter, newline: settings.newline, quoteChar: '"' });
}

function withoutFinalNewline(text: string): string {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  return end === text.length ? text : text.slice(0, end);
}

function filledWidth(cells: string[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1].trim() === '') width--;
  return width;
}

function modeOf(values: number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount || (c === bestCount && v > best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

function countLineBreaks(cells: string[]): number {
  let n = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

/** In a file whose lines end in a mix of CRLF and LF, records are split at LF: drop the CR. */
function stripTrailingCR(cells: string[]): void {
  const last = cells.length - 1;
  if (last >= 0 && cells[last].charCodeAt(cells[last].length - 1) === 13) cells[last] = cells[last].slice(0, -1);
}

function isSeparatorHint(cells: string[], delimiter: string): boolean {
  return cells.length <= 2 && cells.join(delimiter) === `sep=${delimiter}`;
}

function isBlank(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell.length > 0 && (cell.charCodeAt(0) > 32 || cell.trim() !== '')) return false;
  }
  return true;
}

/** The last few records, kept in a ring so that a million rows cost no allocation here. */
class TailBuffer {
  private readonly records: number[] = [];
  private readonly cells: string[][] = [];
  private readonly blanks: boolean[] = [];
  private readonly counted: boolean[] = [];
  private next = 0;
  private size = 0;

  constructor(private readonly capacity: number) {}

  push(record: number, cells: string[], blank: boolean, counted: boolean): void {
    this.records[this.next] = record;
    this.cells[this.next] = cells;
    this.blanks[this.next] = blank;
    this.counted[this.next] = counted;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  /** Oldest first. */
  toArray(): TailRecord[] {
    const out: TailRecord[] = [];
    for (let i = 0; i < this.size; i++) {
      const at = (this.next - this.size + i + this.capacity) % this.capacity;
      out.push({ record: this.records[at], cells: this.cells[at], blank: this.blanks[at], counted: this.counted[at] });
    }
    return out;
  }
}

function mostlyBareLineFeeds(text: string): boolean {
  let bare = 0;
  let crlf = 0;
  for (let i = text.indexOf('\n'); i > 0; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++;
    else bare++;
  }
  return bare > crlf;
}

/** The first newline outside quotes tells the file's line ending. */
function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (!quoted && ch === 10) return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
    else if (!quoted && ch === 13 && text.charCodeAt(i + 1) !== 10) return '\r';
  }
  return '\n';
}
