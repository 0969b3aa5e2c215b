import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { BOM, FORMULA_START, toCsv } from '../../../src/lib/csv-export';

/** The CSV without its BOM, split into records as a spreadsheet would read them. */
function readBack(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

describe('toCsv', () => {
  it('starts with the UTF-8 byte-order mark and a header row, rows end in CRLF', () => {
    const csv = toCsv(['id', 'score'], [
      ['a', 0.5],
      ['b', 0.25],
    ]);
    expect(csv).toBe('\uFEFFid,score\r\na,0.5\r\nb,0.25');
    // U+FEFF is the three bytes EF BB BF in UTF-8.
    expect([...new TextEncoder().encode(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('puts an apostrophe before text cells starting with =, +, -, @, tab or CR, and quotes them', () => {
    const cells = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '\tTAB', '\rCR'];
    const csv = toCsv(['value'], cells.map((c) => [c]));
    const back = readBack(csv).slice(1).map((r) => r[0]);
    expect(back).toEqual(cells.map((c) => `'${c}`));
    expect(csv).toContain('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('neutralises a formula cell that contains a line break (papaparse’s own pattern misses it)', () => {
    const cell = '=1+1\nsecond line';
    expect(FORMULA_START.test(cell)).toBe(true);
    const back = readBack(toCsv(['note'], [[cell]]));
    expect(back[1][0]).toBe(`'${cell}`);
  });

  it('neutralises the header too (column names come from the user’s file)', () => {
    const back = readBack(toCsv(['=cmd', 'ok'], [['x', 'y']]));
    expect(back[0]).toEqual(["'=cmd", 'ok']);
  });

  it('leaves numbers alone, negative ones included, and ordinary text unquoted', () => {
    expect(toCsv(['n', 'text'], [[-0.5, 'a-b']])).toBe('\uFEFFn,text\r\n-0.5,a-b');
  });

  it('quotes cells with the separator, quotes or line breaks; null is an empty cell', () => {
    const csv = toCsv(['a', 'b', 'c', 'd'], [['x,y', 'say "hi"', 'two\nlines', null]]);
    expect(csv).toBe('\uFEFFa,b,c,d\r\n"x,y","say ""hi""","two\nlines",');
    expect(readBack(csv)[1]).toEqual(['x,y', 'say "hi"', 'two\nlines', '']);
  });

  it('keeps non-ASCII text as it is', () => {
    expect(readBack(toCsv(['客户', 'name'], [['张三', 'Zoë']]))).toEqual([
      ['客户', 'name'],
      ['张三', 'Zoë'],
    ]);
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa,b');
  });
});
