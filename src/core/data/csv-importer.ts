/**
 * The incremental CSV importer: text goes in piece by piece (the worker feeds decoded
 * slices of a file, parseCsv feeds one string), typed columns come out. papaparse's
 * low-level Parser splits records; everything about types, problems and row numbers is ours.
 */
import Papa from 'papaparse';
import type { Column, DataIssue, Dataset } from './dataset';
import { ColumnBuilder } from './column-builder';
import { inferColumn } from './infer-type';
import { isMissingToken, parseNumberCell } from './parse-number';
import { parseDateCell } from './parse-date';
import { detectDecimalMark, detectDelimiter } from './detect-delimiter';
import { fail, ok, type Result } from '../shared/result';

export interface CsvImportOptions {
  /** Field separator; detected from the first rows when absent. */
  delimiter?: string;
  /** Decimal mark; detected (',' only for files not separated by commas) when absent. */
  decimal?: '.' | ',';
  /** Shown in the workspace and the import report. @default 'data.csv' */
  fileName?: string;
  /** File size, for progress and for sizing the columns up front. @default 0 */
  byteLength?: number;
  /** Encoding the text was decoded from (reported only). @default 'utf-8' */
  encoding?: string;
}

/** Rows looked at before each column picks numeric or text storage. */
const SAMPLE_ROWS = 500;
/** How many trailing records are examined for footers and junk. */
const TAIL_RECORDS = 20;
/** At most this many non-blank rows at the end can be a footer. */
const MAX_FOOTER_ROWS = 5;
/** Per problem kind, how many rows get their own line in the report. */
const LISTED_ISSUES = 50;

interface TailRecord {
  record: number;
  cells: string[];
  blank: boolean;
}

export interface CsvImporter {
  /** Feeds the next piece of text; `isLast` flushes the final record. */
  pushText(text: string, isLast: boolean): void;
  /** Characters consumed so far (for progress when the total is known in characters). */
  readonly consumedChars: number;
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
  const fileName = options.fileName ?? 'data.csv';
  const byteLength = options.byteLength ?? 0;
  let delimiter = options.delimiter;
  let decimal = options.decimal;
  let parser: Papa.Parser | null = null;
  let partial = '';
  let consumedChars = 0;
  let firstText = true;

  let header: string[] | null = null;
  let builders: ColumnBuilder[] = [];
  let sample: string[][] | null = [];
  let sampleChars = 0;
  let dataRows = 0;
  /** Record index (0 = header) of every record that did not become a data row. */
  const skippedRecords: number[] = [];
  const blankRecords: number[] = [];
  const tail = new TailBuffer(TAIL_RECORDS);
  const issues: DataIssue[] = [];
  const issueCounts = new Map<string, number>();
  let record = -1;
  const shortRecords = new Set<number>();
  /** The first rows, kept to tell which columns are strictly numbers or dates. */
  let kindsSample: string[][] = [];

  function addIssue(issue: DataIssue): void {
    const seen = (issueCounts.get(issue.code) ?? 0) + 1;
    issueCounts.set(issue.code, seen);
    if (seen <= LISTED_ISSUES) issues.push(issue);
  }

  function startParser(text: string): void {
    const detected = detectDelimiter(text);
    delimiter ??= detected.delimiter;
    decimal ??= detectDecimalMark(text, delimiter);
    parser = new Papa.Parser({ delimiter, newline: guessNewline(text), quoteChar: '"' });
  }

  function onRecord(cells: string[]): void {
    record++;
    if (header === null) {
      // Blank lines above the header, and Excel's "sep=;" hint line, are skipped;
      // the first other record names the columns.
      if (isBlank(cells) || isSeparatorHint(cells, delimiter!)) skippedRecords.push(record);
      else header = cells;
      return;
    }
    const blank = isBlank(cells);
    tail.push(record, cells, blank);
    if (blank) {
      skippedRecords.push(record);
      blankRecords.push(record);
      return;
    }
    checkWidth(cells);
    dataRows++;
    if (sample !== null) {
      sample.push(cells);
      if (sample.length >= SAMPLE_ROWS) flushSample();
      return;
    }
    for (let c = 0; c < builders.length; c++) builders[c].push(cells[c]);
  }

  function checkWidth(cells: string[]): void {
    const expected = header!.length;
    if (cells.length < expected) {
      shortRecords.add(record);
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
          params: { cells: cells.length, expected, extra: cells.slice(expected, lastFilled + 1).join(delimiter) },
        });
      }
    }
  }

  /** Decides each column's storage from the first rows, then replays them. */
  function flushSample(): void {
    const rows = sample!;
    sample = null;
    const names = header!;
    const avgChars = rows.length > 0 ? Math.max(1, sampleChars / rows.length) : 1;
    const expectedRows = byteLength > 0 ? Math.ceil((byteLength / avgChars) * 1.05) : rows.length;
    builders = names.map((name, c) => {
      const mode = mostlyNumbers(rows, c, decimal!) ? 'numeric' : 'dictionary';
      return new ColumnBuilder(name, mode, decimal!, expectedRows);
    });
    for (const cells of rows) for (let c = 0; c < builders.length; c++) builders[c].push(cells[c]);
    kindsSample = rows.slice(0, 200);
  }

  function pushText(text: string, isLast: boolean): void {
    if (firstText) {
      firstText = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      startParser(text);
    }
    if (parser === null) return;
    let input = partial + text;
    // The newline that ends the last line does not start another record.
    if (isLast) input = withoutFinalNewline(input);
    const result = parser.parse(input, 0, !isLast) as Papa.ParseResult<string[]>;
    const cursor = isLast ? input.length : result.meta.cursor;
    partial = input.substring(cursor);
    consumedChars += text.length;
    if (sample !== null) sampleChars += cursor;
    const recordsBefore = record + 1;
    for (const error of result.errors) {
      const row = recordsBefore + (error.row ?? 0) + 1;
      if (error.code === 'MissingQuotes' || error.code === 'InvalidQuotes') {
        addIssue({
          code: error.code === 'MissingQuotes' ? 'UNCLOSED_QUOTE' : 'MALFORMED_QUOTES',
          row,
          message:
            error.code === 'MissingQuotes'
              ? `A quoted cell that starts in row ${row} is never closed; the rest of the file was read into it.`
              : `Row ${row} has a quote in the wrong place; the cell was read as it stands.`,
        });
      }
    }
    for (const cells of result.data) onRecord(cells);
  }

  function finish(): Result<Dataset> {
    if (header === null) {
      return fail('EMPTY_FILE', 'The file is empty. Choose a CSV file with a header row and at least one row of data.');
    }
    if (sample !== null) flushSample();
    if (dataRows === 0) {
      return fail('NO_DATA_ROWS', 'The file has a header row but no data rows. Check that you exported the whole table.');
    }
    const names = dedupeHeader(header, addIssue);
    builders.forEach((b, c) => ((b as { name: string }).name = names[c]));
    const junk = findTrailingJunk();
    if (junk.dataRows > 0) {
      dataRows -= junk.dataRows;
      for (const b of builders) b.truncate(dataRows);
      for (const r of junk.records) if (!skippedRecords.includes(r)) skippedRecords.push(r);
      skippedRecords.sort((a, b) => a - b);
    }
    if (dataRows === 0) {
      return fail('NO_DATA_ROWS', 'The file has a header row but no data rows. Check that you exported the whole table.');
    }
    reportBlankRows(junk.records);
    if (junk.records.length > 0) {
      const rows = junk.records.map((r) => r + 1);
      issues.push({
        code: 'TRAILING_JUNK',
        row: rows[0],
        message: `Rows ${rows.join(', ')} at the end are not data (blank lines or a footer) and were left out.`,
        params: { rows: rows.join(', '), count: rows.length },
      });
    }
    const rowNumber = makeRowNumber(skippedRecords);
    const columns: Column[] = [];
    for (const builder of builders) {
      const inferred = inferColumn(builder, { decimal: decimal!, rowNumber });
      columns.push(inferred.column);
      issues.push(...inferred.issues);
    }
    for (const [code, count] of issueCounts) {
      if (count > LISTED_ISSUES) {
        issues.push({
          code: 'MORE_ISSUES',
          message: `${count - LISTED_ISSUES} more problems of the kind ${code} are not listed.`,
          params: { kind: code, count: count - LISTED_ISSUES },
        });
      }
    }
    return ok({
      name: fileName,
      rowCount: dataRows,
      columns,
      issues,
      source: { fileName, byteLength, encoding: options.encoding ?? 'utf-8', delimiter: delimiter!, decimal: decimal! },
    });
  }

  /** Blank lines and footers after the last real row, walking back from the end. */
  function findTrailingJunk(): { records: number[]; dataRows: number } {
    // A column that turned to text part-way is not strict: its odd cells are not a footer.
    const kinds = strictKinds(kindsSample, header!.length, decimal!).map((kind, c) =>
      kind === 'number' && builders[c]?.mode !== 'numeric' ? 'any' : kind,
    );
    const records: number[] = [];
    let junkDataRows = 0;
    const recent = tail.toArray();
    for (let i = recent.length - 1; i >= 0; i--) {
      const t = recent[i];
      const junk = t.blank || isFooter(t, kinds);
      if (!junk) break;
      records.unshift(t.record);
      if (!t.blank) junkDataRows++;
    }
    // Never call more than a few rows junk: past that they are data with problems.
    if (junkDataRows > MAX_FOOTER_ROWS || junkDataRows >= dataRows) return { records: [], dataRows: 0 };
    return { records, dataRows: junkDataRows };
  }

  function isFooter(t: TailRecord, kinds: StrictKind[]): boolean {
    const width = header!.length;
    let filled = 0;
    let fails = false;
    for (let c = 0; c < width; c++) {
      const cell = t.cells[c];
      if (cell === undefined || isMissingToken(cell)) continue;
      filled++;
      if (kinds[c] === 'number' && parseNumberCell(cell, decimal!) !== parseNumberCell(cell, decimal!)) fails = true;
      if (kinds[c] === 'date' && Number.isNaN(parseDateCell(cell, 'dmy')) && Number.isNaN(parseDateCell(cell, 'mdy'))) fails = true;
    }
    return fails || (shortRecords.has(t.record) && filled <= width / 2 && width > 1);
  }

  function reportBlankRows(trailing: number[]): void {
    const inside = blankRecords.filter((r) => !trailing.includes(r)).map((r) => r + 1);
    if (inside.length === 0) return;
    const listed = inside.slice(0, 10);
    issues.push({
      code: 'BLANK_ROWS',
      row: inside[0],
      message: `${inside.length} blank rows were skipped (rows ${listed.join(', ')}${inside.length > 10 ? ', …' : ''}).`,
      params: { count: inside.length, rows: listed.join(', '), more: Math.max(0, inside.length - 10) },
    });
  }

  return {
    pushText,
    finish,
    get consumedChars() {
      return consumedChars;
    },
  };
}

type StrictKind = 'number' | 'date' | 'any';

/** Which columns clearly hold numbers or dates in the first rows (used to spot footers). */
function strictKinds(rows: string[][], width: number, decimal: '.' | ','): StrictKind[] {
  const kinds: StrictKind[] = [];
  for (let c = 0; c < width; c++) {
    let present = 0;
    let numbers = 0;
    let dates = 0;
    for (const cells of rows) {
      const cell = cells[c];
      if (cell === undefined || isMissingToken(cell)) continue;
      present++;
      if (!Number.isNaN(parseNumberCell(cell, decimal))) numbers++;
      else if (!Number.isNaN(parseDateCell(cell, 'dmy')) || !Number.isNaN(parseDateCell(cell, 'mdy'))) dates++;
    }
    kinds.push(present === 0 ? 'any' : numbers >= present * 0.8 ? 'number' : dates >= present * 0.8 ? 'date' : 'any');
  }
  return kinds;
}

function mostlyNumbers(rows: string[][], c: number, decimal: '.' | ','): boolean {
  let present = 0;
  let numbers = 0;
  for (const cells of rows) {
    const cell = cells[c];
    if (cell === undefined || isMissingToken(cell)) continue;
    present++;
    if (!Number.isNaN(parseNumberCell(cell, decimal))) numbers++;
  }
  return present === 0 || numbers >= present * 0.8;
}

function withoutFinalNewline(text: string): string {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  return end === text.length ? text : text.slice(0, end);
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
  private next = 0;
  private size = 0;

  constructor(private readonly capacity: number) {}

  push(record: number, cells: string[], blank: boolean): void {
    this.records[this.next] = record;
    this.cells[this.next] = cells;
    this.blanks[this.next] = blank;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  /** Oldest first. */
  toArray(): TailRecord[] {
    const out: TailRecord[] = [];
    for (let i = 0; i < this.size; i++) {
      const at = (this.next - this.size + i + this.capacity) % this.capacity;
      out.push({ record: this.records[at], cells: this.cells[at], blank: this.blanks[at] });
    }
    return out;
  }
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

/** Empty names become "Column N"; repeated names get " (2)", " (3)"; each change is reported. */
function dedupeHeader(raw: string[], addIssue: (issue: DataIssue) => void): string[] {
  const used = new Set<string>();
  return raw.map((cell, c) => {
    let name = cell.trim();
    if (name === '') {
      name = `Column ${c + 1}`;
      addIssue({ code: 'EMPTY_HEADER', column: name, row: 1, message: `Column ${c + 1} has no name; it is called "${name}".`, params: { index: c + 1 } });
    }
    if (used.has(name)) {
      let k = 2;
      while (used.has(`${name} (${k})`)) k++;
      const renamed = `${name} (${k})`;
      addIssue({
        code: 'DUPLICATE_HEADER',
        column: renamed,
        row: 1,
        message: `The header "${name}" appears more than once; column ${c + 1} is called "${renamed}".`,
        params: { original: name, renamed, index: c + 1 },
      });
      name = renamed;
    }
    used.add(name);
    return name;
  });
}

/** Maps a 0-based data row to its 1-based record number, skipping blank and junk records. */
function makeRowNumber(skipped: readonly number[]): (dataRow: number) => number {
  return (dataRow) => {
    let recordIndex = dataRow + 1;
    for (const s of skipped) {
      if (s <= recordIndex) recordIndex++;
      else break;
    }
    return recordIndex + 1;
  };
}
