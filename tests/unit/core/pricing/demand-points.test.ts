import { describe, expect, it } from 'vitest';
import { demandPointsFromDataset } from '../../../../src/core/pricing/demand-points';
import { parseCsv } from '../../../../src/core/data/parse-csv';

function dataset(csv: string) {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

// Header is file row 1, so data row i is file row i + 2.
const SALES = dataset('price,qty,product\n10,100,A\n12,,A\n14,80,B\n,70,A\n16,60,A\n');

describe('demandPointsFromDataset', () => {
  it('one point per row with both values; rows missing one are skipped and counted', () => {
    const r = demandPointsFromDataset(SALES, { price: 'price', quantity: 'qty' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.points).toEqual([
      { price: 10, quantity: 100 },
      { price: 14, quantity: 80 },
      { price: 16, quantity: 60 },
    ]);
    // data rows 1 (no qty) and 3 (no price); the first is file row 3
    expect(r.value.skipped).toBe(2);
    expect(r.value.firstSkippedRow).toBe(3);
  });

  it('keeps only the rows the filter matches', () => {
    const r = demandPointsFromDataset(SALES, { price: 'price', quantity: 'qty', filter: { column: 'product', equals: 'B' } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toEqual({ points: [{ price: 14, quantity: 80 }], skipped: 0 });
  });

  it('refuses a column that holds no numbers, naming it', () => {
    const r = demandPointsFromDataset(SALES, { price: 'product', quantity: 'qty' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'PRICING_NOT_NUMERIC', params: { column: 'product', role: 'price' } });
  });

  it('refuses an unknown column and a filter value no row has', () => {
    const unknown = demandPointsFromDataset(SALES, { price: 'price', quantity: 'units' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toMatchObject({ code: 'PRICING_UNKNOWN_COLUMN', params: { column: 'units', role: 'quantity' } });
    const noRows = demandPointsFromDataset(SALES, { price: 'price', quantity: 'qty', filter: { column: 'product', equals: 'C' } });
    expect(noRows.ok).toBe(false);
    if (!noRows.ok) expect(noRows.error).toMatchObject({ code: 'PRICING_FILTER_NO_ROWS', params: { column: 'product', value: 'C' } });
  });
});
