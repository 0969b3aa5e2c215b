/** Price/quantity points for a demand fit, read from two columns of a data set. */
import type { Dataset } from '../data/dataset';
import { fileRowNumber } from '../data/dataset-access';
import { ok, type Result } from '../shared/result';
import type { DemandPoint } from './fit-demand';
import { numericColumn } from './numeric-column';
import { filteredRows, type RowFilter } from './row-filter';

export interface DemandPointColumns {
  price: string;
  quantity: string;
  /** Keep only the rows whose `column` reads exactly `equals` (e.g. one product). */
  filter?: RowFilter;
}

export interface DemandPointsRead {
  points: DemandPoint[];
  /** Rows (among those the filter keeps) left out because the price or the quantity is missing or not a number. */
  skipped: number;
  /** The spreadsheet row number of the first row left out, for the message. */
  firstSkippedRow?: number;
}

/**
 * One point per row with both a price and a quantity; rows missing either are skipped and
 * counted. Refused when a column is absent or holds no numbers, or the filter matches no row.
 * @example demandPointsFromDataset(parseCsv('price,qty\n10,100\n12,\n').value, { price: 'price', quantity: 'qty' })
 *   // ok({ points: [{ price: 10, quantity: 100 }], skipped: 1, firstSkippedRow: 3 })
 */
export function demandPointsFromDataset(dataset: Dataset, columns: DemandPointColumns): Result<DemandPointsRead> {
  const prices = numericColumn(dataset, columns.price, 'price');
  if (!prices.ok) return prices;
  const quantities = numericColumn(dataset, columns.quantity, 'quantity');
  if (!quantities.ok) return quantities;
  const rows = filteredRows(dataset, columns.filter);
  if (!rows.ok) return rows;

  const points: DemandPoint[] = [];
  let skipped = 0;
  let firstSkippedRow: number | undefined;
  for (const row of rows.value) {
    const price = prices.value[row];
    const quantity = quantities.value[row];
    if (Number.isNaN(price) || Number.isNaN(quantity)) {
      skipped++;
      firstSkippedRow ??= fileRowNumber(dataset, row);
      continue;
    }
    points.push({ price, quantity });
  }
  return ok(firstSkippedRow === undefined ? { points, skipped } : { points, skipped, firstSkippedRow });
}
