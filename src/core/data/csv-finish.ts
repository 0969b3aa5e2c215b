/**
 * Finishing an import: merges the parts of a file in order, names the columns, drops a
 * footer, numbers the rows as a spreadsheet would, and types every column.
 */
import type { Column, DataIssue, Dataset } from './dataset';
import { ColumnBuilder } from './column-builder';
import { detectFileDateOrder, inferColumn } from './infer-type';
import { sampleKinds, type SampleKind } from './sample-kinds';
import { rowInFile } from './dataset-access';
import { isMissingToken, parseNumberCell } from './parse-number';
import { parseDateCell } from './parse-date';
import { KINDS_SAMPLE_ROWS, LISTED_ISSUES, TAIL_RECORDS, type CsvPart, type TailRecord } from './csv-part';
import { fail, ok, type Result } from '../shared/result';

/** At most this many non-blank rows at the end can be a footer. */
const MAX_FOOTER_ROWS = 5;

export interface FinishSource {
  fileName: string;
  byteLength: number;
  encoding: string;
}

/**
 * Turns the parts of a file (one, or two read side by side) into a data set.
 * @param parts in file order; only the first has a header
 * @returns the data set, or EMPTY_FILE / NO_DATA_ROWS
 */
export function finishCsvParts(parts: readonly CsvPart[], source: FinishSource): Result<Dataset> {
  const first = parts[0];
  if (!first || first.header === null) {
    return fail('EMPTY_FILE', 'The file is empty. Choose a CSV file with a header row and at least one row of data.');
  }
  const { decimal, delimiter } = first.settings;
  const swallowing = firstSwallowingQuote(parts);
  if (swallowing) {
    return fail(
      'UNCLOSED_QUOTE',
      `Row ${swallowing.row} opens a quoted cell that is never closed, so the ${swallowing.swallowed} lines after it would be read as one cell. Close or remove the quote in row ${swallowing.row}, then import the file again.`,
      { row: swallowing.row, lines: swallowing.swallowed },
    );
  }
  const merged = mergeParts(parts);
  let dataRows = merged.dataRows;
  if (dataRows === 0) {
    return fail('NO_DATA_ROWS', 'The file has a header row but no data rows. Check that you exported the whole table.');
  }
  const issues = merged.issues;
  const names = dedupeHeader(first.header, first.headerRecord + 1, (issue) => issues.unshift(issue));
  const builders = merged.builders;
  builders.forEach((b, c) => ((b as { name: string }).name = names[c]));

  const junk = findTrailingJunk(merged, builders, first.header.length, decimal);
  if (junk.dataRows > 0) {
    dataRows -= junk.dataRows;
    for (const b of builders) b.truncate(dataRows);
    dropIssuesOfRows(merged, new Set(junk.records.map((r) => r + 1)));
  }
  if (dataRows === 0) {
    return fail('NO_DATA_ROWS', 'The file has a header row but no data rows. Check that you exported the whole table.');
  }
  const skipped = [...new Set([...merged.skippedRecords, ...junk.records])].sort((a, b) => a - b);
  const blankInside = merged.blankRecords.filter((r) => !junk.records.includes(r));
  if (blankInside.length > 0) issues.push(blankRowsIssue(blankInside.map((r) => r + 1)));
  if (junk.records.length > 0) {
    const rows = junk.records.map((r) => r + 1);
    issues.push({
      code: 'TRAILING_JUNK',
      row: rows[0],
      message: `Rows ${rows.join(', ')} at the end are not data (blank lines or a footer) and were left out.`,
      params: { rows: rows.join(', '), count: rows.length },
    });
  }
  if (first.settings.delimiterAssumed && merged.builders.length > 0) {
    const oneColumn = merged.builders.length === 1;
    issues.unshift({
      code: oneColumn ? 'ONE_COLUMN' : 'DELIMITER_ASSUMED',
      message: oneColumn
        ? 'The file was read as a single column. If it has several, choose the separator in the reading settings and read it again.'
        : `The separator could not be told for sure from the first lines; "${delimiter}" was used. If the columns look wrong, choose the separator in the reading settings and read the file again.`,
      params: { delimiter },
    });
  }
  if (first.settings.decimalAssumed) {
    const example = decimal === ',' ? '1.250 = 1250' : '1,250 = 1250';
    issues.unshift({
      code: 'DECIMAL_MARK_ASSUMED',
      message: `Numbers like 1.250 could be read two ways; they were read with "${decimal}" as the decimal mark (${example}). If that is wrong, choose the decimal mark in the reading settings and read the file again.`,
      params: { decimal, example },
    });
  }
  const rowNumber = (dataRow: number) => rowInFile(skipped, dataRow);
  const dateOrder = detectFileDateOrder(builders.filter((b) => b.mode === 'dictionary').map((b) => b.dictionary));
  const kept = withoutEmptyTrailingColumns(builders, first.header, issues);
  const columns: Column[] = [];
  for (const builder of kept) {
    const inferred = inferColumn(builder, { decimal, dateOrder, rowNumber });
    columns.push(inferred.column);
    issues.push(...inferred.issues);
  }
  for (const [code, count] of Object.entries(merged.issueCounts)) {
    if (count > LISTED_ISSUES) {
      issues.push({
        code: 'MORE_ISSUES',
        message: `${count - LISTED_ISSUES} more problems of the kind ${code} are not listed.`,
        params: { kind: code, count: count - LISTED_ISSUES },
      });
    }
  }
  return ok({
    name: source.fileName,
    rowCount: dataRows,
    columns,
    issues,
    source: {
      fileName: source.fileName,
      byteLength: source.byteLength,
      encoding: source.encoding,
      delimiter,
      decimal,
      dateOrder: dateOrder === 'mdy' ? 'mdy' : 'dmy',
      skippedRecords: skipped,
    },
  });
}

/** A quote never closed that swallowed more than a few lines: the file cannot be read as meant. */
const MAX_SWALLOWED_LINES = 10;

function firstSwallowingQuote(parts: readonly CsvPart[]): { row: number; swallowed: number } | null {
  let offset = 0;
  for (const part of parts) {
    const quote = part.unclosedQuote;
    if (quote && quote.swallowed > MAX_SWALLOWED_LINES) return { row: quote.row + offset, swallowed: quote.swallowed };
    offset += part.recordCount;
  }
  return null;
}

/** A footer dropped as junk is not also reported as a short or long row. */
function dropIssuesOfRows(merged: MergedParts, rows: Set<number>): void {
  const kept = merged.issues.filter((issue) => {
    const drop = issue.row !== undefined && rows.has(issue.row) && (issue.code === 'ROW_TOO_SHORT' || issue.code === 'ROW_TOO_LONG');
    if (drop) merged.issueCounts[issue.code]--;
    return !drop;
  });
  merged.issues.splice(0, merged.issues.length, ...kept);
}

/**
 * Spreadsheets often export empty columns at the right with no name: they are left out,
 * with one line in the report, instead of becoming "Column 27", "Column 28"…
 */
function withoutEmptyTrailingColumns(builders: ColumnBuilder[], header: string[], issues: DataIssue[]): ColumnBuilder[] {
  let keep = builders.length;
  while (keep > 1 && header[keep - 1].trim() === '' && builders[keep - 1].isEmpty()) keep--;
  if (keep === builders.length) return builders;
  const dropped = builders.length - keep;
  const names = new Set(builders.slice(keep).map((b) => b.name));
  const others = issues.filter((issue) => !(issue.code === 'EMPTY_HEADER' && issue.column !== undefined && names.has(issue.column)));
  issues.length = 0;
  issues.push(...others, {
    code: 'EMPTY_COLUMNS_DROPPED',
    message: `${dropped} empty columns without a name at the right were left out.`,
    params: { count: dropped },
  });
  return builders.slice(0, keep);
}

interface MergedParts {
  builders: ColumnBuilder[];
  dataRows: number;
  /** Record indices across the whole file (the header is record 0 or later). */
  skippedRecords: number[];
  blankRecords: number[];
  shortRecords: Set<number>;
  tail: TailRecord[];
  issues: DataIssue[];
  issueCounts: Record<string, number>;
  sample: string[][];
}

/** Appends the parts in order, moving each part's record numbers past those before it. */
function mergeParts(parts: readonly CsvPart[]): MergedParts {
  const decimal = parts[0].settings.decimal;
  const merged: MergedParts = {
    builders: buildersOf(parts[0], decimal),
    dataRows: 0,
    skippedRecords: [],
    blankRecords: [],
    shortRecords: new Set(),
    tail: [],
    issues: [],
    issueCounts: {},
    sample: [],
  };
  let offset = 0;
  parts.forEach((part, index) => {
    if (index > 0) {
      buildersOf(part, decimal).forEach((builder, c) => merged.builders[c]?.append(builder));
    }
    merged.dataRows += part.dataRows;
    for (const r of part.skippedRecords) merged.skippedRecords.push(r + offset);
    for (const r of part.blankRecords) merged.blankRecords.push(r + offset);
    for (const r of part.shortRecords) merged.shortRecords.add(r + offset);
    for (const t of part.tail) merged.tail.push({ ...t, record: t.record + offset });
    for (const issue of part.issues) {
      const listed = merged.issues.filter((i) => i.code === issue.code).length;
      if (listed < LISTED_ISSUES) merged.issues.push(issue.row === undefined ? issue : shiftIssue(issue, offset));
    }
    for (const [code, count] of Object.entries(part.issueCounts)) merged.issueCounts[code] = (merged.issueCounts[code] ?? 0) + count;
    if (merged.sample.length < KINDS_SAMPLE_ROWS) merged.sample.push(...part.sample.slice(0, KINDS_SAMPLE_ROWS - merged.sample.length));
    offset += part.recordCount;
  });
  merged.tail = merged.tail.slice(-TAIL_RECORDS);
  return merged;
}

/** The same problem, numbered within the whole file instead of within its part. */
function buildersOf(part: CsvPart, decimal: '.' | ','): ColumnBuilder[] {
  return part.builders ?? part.columns.map((state) => ColumnBuilder.fromState(state, decimal));
}

function shiftIssue(issue: DataIssue, offset: number): DataIssue {
  if (offset === 0) return issue;
  const row = issue.row! + offset;
  const message = issue.message.replace(new RegExp(`\\b([Rr]ow) ${issue.row}\\b`, 'g'), `$1 ${row}`);
  return { ...issue, row, message };
}

/** Blank lines and footers after the last real row, walking back from the end. */
function findTrailingJunk(merged: MergedParts, builders: ColumnBuilder[], width: number, decimal: '.' | ','): { records: number[]; dataRows: number } {
  // A column that turned to text part-way is not strict: its odd cells are not a footer.
  const kinds = sampleKinds(merged.sample, width, decimal).map((kind, c) => (kind === 'number' && builders[c]?.mode !== 'numeric' ? 'any' : kind));
  const records: number[] = [];
  let junkDataRows = 0;
  for (let i = merged.tail.length - 1; i >= 0; i--) {
    const t = merged.tail[i];
    const junk = t.blank || isFooter(t, kinds, width, decimal, merged.shortRecords);
    if (!junk) break;
    records.unshift(t.record);
    if (t.counted) junkDataRows++;
  }
  // Never call more than a few rows junk: past that they are data with problems.
  if (junkDataRows > MAX_FOOTER_ROWS || junkDataRows >= merged.dataRows) return { records: [], dataRows: 0 };
  return { records, dataRows: junkDataRows };
}

function isFooter(t: TailRecord, kinds: SampleKind[], width: number, decimal: '.' | ',', shortRecords: Set<number>): boolean {
  let filled = 0;
  let fails = false;
  for (let c = 0; c < width; c++) {
    const cell = t.cells[c];
    if (cell === undefined || isMissingToken(cell)) continue;
    filled++;
    if (kinds[c] === 'number' && Number.isNaN(parseNumberCell(cell, decimal))) fails = true;
    if (kinds[c] === 'date' && Number.isNaN(parseDateCell(cell, 'dmy')) && Number.isNaN(parseDateCell(cell, 'mdy'))) fails = true;
  }
  return fails || (shortRecords.has(t.record) && filled <= width / 2 && width > 1);
}

function blankRowsIssue(rows: number[]): DataIssue {
  const listed = rows.slice(0, 10);
  return {
    code: 'BLANK_ROWS',
    row: rows[0],
    message: `${rows.length} blank rows were skipped (rows ${listed.join(', ')}${rows.length > 10 ? ', …' : ''}).`,
    params: { count: rows.length, rows: listed.join(', '), more: Math.max(0, rows.length - 10) },
  };
}

/** Empty names become "Column N"; repeated names get " (2)", " (3)"; each change is reported. */
function dedupeHeader(raw: string[], headerRow: number, report: (issue: DataIssue) => void): string[] {
  const used = new Set<string>();
  const found: DataIssue[] = [];
  const names = raw.map((cell, c) => {
    let name = cell.trim();
    if (name === '') {
      name = `Column ${c + 1}`;
      found.push({ code: 'EMPTY_HEADER', column: name, row: headerRow, message: `Column ${c + 1} has no name; it is called "${name}".`, params: { index: c + 1 } });
    }
    if (used.has(name)) {
      let k = 2;
      while (used.has(`${name} (${k})`)) k++;
      const renamed = `${name} (${k})`;
      found.push({
        code: 'DUPLICATE_HEADER',
        column: renamed,
        row: headerRow,
        message: `The header "${name}" appears more than once; column ${c + 1} is called "${renamed}".`,
        params: { original: name, renamed, index: c + 1 },
      });
      name = renamed;
    }
    used.add(name);
    return name;
  });
  for (const issue of found.reverse()) report(issue);
  return names;
}
