/** Keeping the rows of a data set whose column reads exactly a chosen value (e.g. one segment). */
import type { Dataset } from '../data/dataset';
import { columnStrings } from '../data/dataset-access';
import { fail, ok, type Result } from '../shared/result';

export interface RowFilter {
  column: string;
  equals: string;
}

/** The data rows that pass the filter, in order (all rows without one); refused when no row matches. */
export function filteredRows(dataset: Dataset, filter: RowFilter | undefined): Result<number[]> {
  if (!filter) return ok(Array.from({ length: dataset.rowCount }, (_, i) => i));
  const column = dataset.columns.find((c) => c.name === filter.column);
  if (!column) {
    return fail('PRICING_UNKNOWN_COLUMN', `The data set has no column "${filter.column}" (chosen as the filter column).`, {
      column: filter.column,
      role: 'filter',
    });
  }
  const texts = columnStrings(column);
  const rows: number[] = [];
  for (let row = 0; row < texts.length; row++) if (texts[row] === filter.equals) rows.push(row);
  if (rows.length === 0) {
    return fail('PRICING_FILTER_NO_ROWS', `No row has the value "${filter.equals}" in column "${column.name}".`, {
      column: column.name,
      value: filter.equals,
    });
  }
  return ok(rows);
}
