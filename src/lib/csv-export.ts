/**
 * CSV text for spreadsheets: UTF-8 with a byte-order mark (so Excel does not read it as
 * Windows-1252), CRLF line ends, cells quoted where needed, and spreadsheet formulas
 * neutralised: a text cell starting with =, +, -, @, tab or CR gets a leading apostrophe,
 * so a customer name like "=HYPERLINK(…)" is shown, not run.
 */
import Papa from 'papaparse';

export type CsvCell = string | number | null;

/**
 * Text cells that a spreadsheet would read as a formula. papaparse's own `escapeFormulae:
 * true` pattern ends in `.*$` without the s flag, so a cell with a line break slips through
 * (papaparse PR #1149); this one only looks at the first character.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The UTF-8 byte-order mark, as the first character of the text. */
export const BOM = '\uFEFF';

/**
 * A header row and data rows as CSV text, starting with the BOM.
 * Numbers are written as JavaScript writes them (a point as decimal mark) and are never
 * escaped; null is an empty cell.
 * @example toCsv(['id', 'score'], [['=1+1', 0.5]]) // '\uFEFFid,score\r\n"\'=1+1",0.5'
 */
export function toCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  // The header goes in as the first row: with `fields` and no rows papaparse adds an empty record.
  return BOM + Papa.unparse([[...fields], ...rows.map((row) => [...row])], { escapeFormulae: FORMULA_START, newline: '\r\n' });
}
