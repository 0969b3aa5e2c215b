/**
 * What the first rows say about each column: clearly numbers, clearly dates, nothing yet,
 * or anything else. The importer picks a column's storage from it; finishing uses it to
 * spot a footer line that does not fit its columns.
 */
import { isMissingToken, parseNumberCell } from './parse-number';
import { parseDateCell } from './parse-date';

export type SampleKind = 'number' | 'date' | 'empty' | 'any';

/** Share of a column's present cells that must agree for it to count as numbers or dates. */
const AGREEMENT = 0.8;

/**
 * @param rows the first data rows
 * @param width the number of columns
 * @example sampleKinds([['1', 'x'], ['2', 'y']], 2, '.') // ['number', 'any']
 */
export function sampleKinds(rows: readonly string[][], width: number, decimal: '.' | ','): SampleKind[] {
  const kinds: SampleKind[] = [];
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
    kinds.push(present === 0 ? 'empty' : numbers >= present * AGREEMENT ? 'number' : dates >= present * AGREEMENT ? 'date' : 'any');
  }
  return kinds;
}
