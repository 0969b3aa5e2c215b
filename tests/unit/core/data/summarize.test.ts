import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { summarizeColumn, summarizeDataset, type ColumnSummary } from '../../../../src/core/data/summarize';
import { parsed, column } from '../../../helpers/datasets';

const binCounts = (s: ColumnSummary) => s.numeric!.bins.map((b) => b.count);
const binTotal = (s: ColumnSummary) => binCounts(s).reduce((a, b) => a + b, 0);

describe('summarizeColumn on numbers', () => {
  // n: 1.5, 2.5, (missing), 4     i: 0, 1, 1, 1     c: b, a, b, (missing)
  const d = parsed('n,i,c\n1.5,0,b\n2.5,1,a\n,1,b\n4,1,\n');

  it('reads the types this test relies on', () => {
    expect(d.columns.map((c) => c.type)).toEqual(['number', 'integer', 'category']);
  });

  it('counts missing and present, and finds min, max and mean of a number column', () => {
    const s = summarizeColumn(column(d, 'n'));
    expect(s.name).toBe('n');
    expect(s.type).toBe('number');
    expect(s.missing).toBe(1);
    expect(s.present).toBe(3);
    expect(s.numeric!.min).toBe(1.5);
    expect(s.numeric!.max).toBe(4);
    // (1.5 + 2.5 + 4) / 3 = 8 / 3 = 2.6666…
    expect(s.numeric!.mean).toBeCloseTo(8 / 3, 12);
    // Numbers have no top values.
    expect(s.top).toBeUndefined();
    expect(s.distinct).toBeUndefined();
  });

  it('makes 20 equal bins by default whose counts sum to the present cells', () => {
    const s = summarizeColumn(column(d, 'n'));
    const bins = s.numeric!.bins;
    expect(bins).toHaveLength(20);
    // Width (4 - 1.5) / 20 = 0.125: 1.5 → bin 0, 2.5 → (1 / 0.125) = bin 8, 4 → bin 20 clamped to 19.
    expect(bins[0]).toEqual({ from: 1.5, to: 1.625, count: 1 });
    expect(bins[8]).toEqual({ from: 2.5, to: 2.625, count: 1 });
    expect(bins[19].count).toBe(1);
    expect(bins[19].to).toBeCloseTo(4, 12);
    expect(binTotal(s)).toBe(3);
    expect(bins.filter((b) => b.count > 0)).toHaveLength(3);
  });

  it('honours the bins option, the maximum landing in the last bin', () => {
    const s = summarizeColumn(column(d, 'n'), { bins: 5 });
    // Width (4 - 1.5) / 5 = 0.5: 1.5 → 0, 2.5 → 2, 4 → 5 clamped to 4.
    expect(s.numeric!.bins).toEqual([
      { from: 1.5, to: 2, count: 1 },
      { from: 2, to: 2.5, count: 0 },
      { from: 2.5, to: 3, count: 1 },
      { from: 3, to: 3.5, count: 0 },
      { from: 3.5, to: 4, count: 1 },
    ]);
  });

  it('gives a 0/1 integer column exactly two bins, one per value', () => {
    const s = summarizeColumn(column(d, 'i'));
    expect(s.type).toBe('integer');
    expect(s.missing).toBe(0);
    expect(s.present).toBe(4);
    expect(s.numeric!.min).toBe(0);
    expect(s.numeric!.max).toBe(1);
    // (0 + 1 + 1 + 1) / 4 = 0.75
    expect(s.numeric!.mean).toBeCloseTo(0.75, 12);
    // Span 1 - 0 + 1 = 2 values → 2 bins of width 0.5: one 0, three 1s.
    expect(s.numeric!.bins).toEqual([
      { from: 0, to: 0.5, count: 1 },
      { from: 0.5, to: 1, count: 3 },
    ]);
  });

  it('gives an integer column with a small range one bin per value', () => {
    // k: 1, 2, 3, 3, 5, 5, 5 → span 5 → 5 bins of width (5 - 1) / 5 = 0.8;
    // value v goes to floor((v - 1) / 0.8): 1 → 0, 2 → 1, 3 → 2, 4 → 3, 5 → 5 clamped to 4.
    const s = summarizeColumn(column(parsed('k,t\n1,a\n2,b\n3,c\n3,d\n5,e\n5,f\n5,g\n'), 'k'));
    expect(s.type).toBe('integer');
    expect(binCounts(s)).toEqual([1, 1, 2, 0, 3]);
    expect(s.numeric!.bins[0].from).toBe(1);
    expect(s.numeric!.bins[4].to).toBeCloseTo(5, 12);
    // (1 + 2 + 3 + 3 + 5 + 5 + 5) / 7 = 24 / 7
    expect(s.numeric!.mean).toBeCloseTo(24 / 7, 12);
  });

  it('caps an integer column with a wide range at the bins option', () => {
    // k: 0..30 (31 values, span 31) with bins 10 → 10 bins of width 3; 30 lands in bin 10 → clamped to 9.
    const rows = Array.from({ length: 31 }, (_, v) => `${v},r`).join('\n');
    const s = summarizeColumn(column(parsed(`k,t\n${rows}\n`), 'k'), { bins: 10 });
    expect(s.type).toBe('integer');
    expect(binCounts(s)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3, 4]);
    expect(binTotal(s)).toBe(31);
    // 0 + 1 + … + 30 = 465; 465 / 31 = 15
    expect(s.numeric!.mean).toBe(15);
  });

  it('puts every value of a constant integer column in a single bin', () => {
    // 7, 7, 7: max === min, so one bin from 7 to 7 holding all three.
    const s = summarizeColumn(column(parsed('k,t\n7,a\n7,b\n7,c\n'), 'k'));
    expect(s.numeric).toEqual({ min: 7, max: 7, mean: 7, bins: [{ from: 7, to: 7, count: 3 }] });
  });

  it('puts every value of a constant decimal column in a single bin, not twenty', () => {
    const s = summarizeColumn(column(parsed('k,t\n2.5,a\n2.5,b\n'), 'k'));
    expect(s.numeric?.bins).toEqual([{ from: 2.5, to: 2.5, count: 2 }]);
  });

  it('counts a rejected (non-number) cell of a numeric column as missing, not present', () => {
    // amount: 1..20 and one 'oops' in the middle (1 of 21 cells, under the 5% limit).
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 1},r${i}`);
    rows.splice(10, 0, 'oops,x');
    const c = column(parsed(`amount,tag\n${rows.join('\n')}\n`), 'amount');
    expect(c.type).toBe('integer');
    const s = summarizeColumn(c);
    expect(s.present).toBe(20);
    expect(s.missing).toBe(1);
    // (1 + … + 20) / 20 = 210 / 20 = 10.5
    expect(s.numeric!.mean).toBe(10.5);
    expect(binTotal(s)).toBe(20);
  });
});

describe('summarizeColumn on text', () => {
  it('orders top values by count, ties in order of first appearance, and counts distinct values', () => {
    // c: b, a, b, c, a, d, (missing) → b 2, a 2, c 1, d 1 (b seen first among the 2s, c before d).
    const d = parsed('c,k\nb,1\na,2\nb,3\nc,4\na,5\nd,6\n,7\n');
    const s = summarizeColumn(column(d, 'c'));
    expect(s.type).toBe('category');
    expect(s.missing).toBe(1);
    expect(s.present).toBe(6);
    expect(s.distinct).toBe(4);
    expect(s.top).toEqual([
      { value: 'b', count: 2 },
      { value: 'a', count: 2 },
      { value: 'c', count: 1 },
      { value: 'd', count: 1 },
    ]);
    expect(s.numeric).toBeUndefined();
  });

  it('lists a later, more frequent value before earlier ones', () => {
    // c: x, y, z, z, z, y → z 3, y 2, x 1.
    const s = summarizeColumn(column(parsed('c,k\nx,1\ny,2\nz,3\nz,4\nz,5\ny,6\n'), 'c'));
    expect(s.top).toEqual([
      { value: 'z', count: 3 },
      { value: 'y', count: 2 },
      { value: 'x', count: 1 },
    ]);
  });

  it('keeps only topValues entries, the most frequent ones', () => {
    // c: p, q, r, s, s, r, s → s 3, r 2, p 1, q 1; top 2 → s, r.
    const d = parsed('c,k\np,1\nq,2\nr,3\ns,4\ns,5\nr,6\ns,7\n');
    const s = summarizeColumn(column(d, 'c'), { topValues: 2 });
    expect(s.distinct).toBe(4);
    expect(s.top).toEqual([
      { value: 's', count: 3 },
      { value: 'r', count: 2 },
    ]);
    // Default of 5 shows all four.
    expect(summarizeColumn(column(d, 'c')).top!.map((t) => t.value)).toEqual(['s', 'r', 'p', 'q']);
  });

  it('summarises a boolean column by its words', () => {
    // flag: Yes, No, (missing), Yes
    const s = summarizeColumn(column(parsed('flag,k\nYes,1\nNo,2\n,3\nYes,4\n'), 'flag'));
    expect(s.type).toBe('boolean');
    expect(s.missing).toBe(1);
    expect(s.present).toBe(3);
    expect(s.distinct).toBe(2);
    expect(s.top).toEqual([
      { value: 'Yes', count: 2 },
      { value: 'No', count: 1 },
    ]);
    expect(s.numeric).toBeUndefined();
  });

  it('summarises a column with no values as all missing, no top values', () => {
    const s = summarizeColumn(column(parsed('e,k\n,1\n,2\n,3\n'), 'e'));
    expect(s.missing).toBe(3);
    expect(s.present).toBe(0);
    expect(s.distinct).toBe(0);
    expect(s.top).toEqual([]);
    expect(s.numeric).toBeUndefined();
  });
});

describe('summarizeColumn on dates', () => {
  // d: 2024-01-15, (missing), 2024-03-01, 2023-12-31
  const d = parsed('d,x\n2024-01-15,a\n,b\n2024-03-01,c\n2023-12-31,d\n');
  const s = summarizeColumn(column(d, 'd'));
  // Date.UTC(2023, 11, 31) = 1703980800000, Date.UTC(2024, 0, 15) = 1705276800000,
  // Date.UTC(2024, 2, 1) = 1709251200000.
  const dec31 = 1703980800000;
  const jan15 = 1705276800000;
  const mar1 = 1709251200000;

  it('gives min, max and mean in ms since the epoch (UTC)', () => {
    expect(s.type).toBe('date');
    expect(dec31).toBe(Date.UTC(2023, 11, 31));
    expect(s.missing).toBe(1);
    expect(s.present).toBe(3);
    expect(s.numeric!.min).toBe(dec31);
    expect(s.numeric!.max).toBe(mar1);
    // (1703980800000 + 1705276800000 + 1709251200000) / 3 = 5118508800000 / 3 = 1706169600000
    expect(s.numeric!.mean).toBe(1706169600000);
  });

  it('makes a 20-bin histogram of the dates', () => {
    const bins = s.numeric!.bins;
    expect(bins).toHaveLength(20);
    expect(binTotal(s)).toBe(3);
    // Width (mar1 - dec31) / 20 = 5270400000 / 20 = 263520000 ms; jan15 is 1296000000 ms in → bin 4 (4.918…).
    expect(bins[0].from).toBe(dec31);
    expect(bins[0].count).toBe(1);
    expect(bins[4].count).toBe(1);
    expect(bins[19].count).toBe(1);
    expect(bins[1].from - bins[0].from).toBe(263520000);
    expect(jan15 - dec31).toBe(1296000000);
  });

  it('also lists the date texts as values (dates are stored as text)', () => {
    expect(s.distinct).toBe(3);
    expect(s.top).toEqual([
      { value: '2024-01-15', count: 1 },
      { value: '2024-03-01', count: 1 },
      { value: '2023-12-31', count: 1 },
    ]);
  });
});

describe('summarizeDataset', () => {
  it('summarises every column in order', () => {
    const summaries = summarizeDataset(parsed('n,i,c\n1.5,0,b\n2.5,1,a\n,1,b\n4,1,\n'), { bins: 2, topValues: 1 });
    expect(summaries.map((s) => [s.name, s.type, s.missing, s.present])).toEqual([
      ['n', 'number', 1, 3],
      ['i', 'integer', 0, 4],
      ['c', 'category', 1, 3],
    ]);
    // n with 2 bins of width 1.25: 1.5 → 0, 2.5 → 0 (0.8), 4 → 2 clamped to 1.
    expect(binCounts(summaries[0])).toEqual([2, 1]);
    expect(summaries[2].top).toEqual([{ value: 'b', count: 2 }]);
  });
});

describe('summaries of telco-churn.csv', () => {
  const d = parsed(new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data/telco-churn.csv'))));

  it('MonthlyCharges: min 18.25, max 118.75, mean 456116.6 / 7043', () => {
    const s = summarizeColumn(column(d, 'MonthlyCharges'));
    expect(s.type).toBe('number');
    expect(s.missing).toBe(0);
    expect(s.present).toBe(7043);
    expect(s.numeric!.min).toBe(18.25);
    expect(s.numeric!.max).toBe(118.75);
    // 456116.6 / 7043 = 64.7616…
    expect(Math.abs(s.numeric!.mean - 456116.6 / 7043)).toBeLessThan(1e-9);
    expect(s.numeric!.bins).toHaveLength(20);
    expect(binTotal(s)).toBe(7043);
  });

  it('Contract: Month-to-month 3875, Two year 1695, One year 1473', () => {
    const s = summarizeColumn(column(d, 'Contract'));
    expect(s.type).toBe('category');
    expect(s.missing).toBe(0);
    expect(s.present).toBe(7043);
    expect(s.distinct).toBe(3);
    // 3875 + 1695 + 1473 = 7043
    expect(s.top).toEqual([
      { value: 'Month-to-month', count: 3875 },
      { value: 'Two year', count: 1695 },
      { value: 'One year', count: 1473 },
    ]);
  });
});
