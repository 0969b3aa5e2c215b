import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { BOM } from '../../../../src/lib/csv-export';
import { datasetBaseName, exportNumber, forecastCsv, forecastCsvRows, safeFileName } from '../../../../src/lib/forecast/forecast-csv';

const figures = {
  forecast: [5099.999999999998, 6000.25],
  lower80: [4300, 5000.5],
  upper80: [5900, 7000],
  lower95: [3900.123456789012, 4500],
  upper95: [6300, 7500],
};

describe('exportNumber', () => {
  it('drops float noise beyond 10 significant digits, keeps whole and small values', () => {
    expect(exportNumber(5099.999999999998)).toBe(5100);
    expect(exportNumber(0.1 + 0.2)).toBe(0.3);
    expect(exportNumber(0.000123456789012)).toBe(0.000123456789);
    expect(exportNumber(-12)).toBe(-12);
  });

  it('leaves a value that is not finite empty', () => {
    expect(exportNumber(NaN)).toBeNull();
    expect(exportNumber(Infinity)).toBeNull();
  });
});

describe('forecastCsvRows', () => {
  it('gives one row per period: period, forecast, lower80, upper80, lower95, upper95', () => {
    expect(forecastCsvRows(['2026-03', '2026-04'], figures)).toEqual([
      ['2026-03', 5100, 4300, 5900, 3900.123457, 6300],
      ['2026-04', 6000.25, 5000.5, 7000, 4500, 7500],
    ]);
  });

  it('refuses figures of another length than the periods', () => {
    expect(() => forecastCsvRows(['2026-03'], figures)).toThrow(RangeError);
  });
});

describe('forecastCsv', () => {
  it('writes a BOM, the fixed header and numbers with a point whatever the locale', () => {
    const text = forecastCsv(['2026-03', '2026-04'], figures);
    expect(text.startsWith(BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toEqual(['period,forecast,lower80,upper80,lower95,upper95', '2026-03,5100,4300,5900,3900.123457,6300', '2026-04,6000.25,5000.5,7000,4500,7500']);
  });

  it('neutralises a period text a spreadsheet would run, and reads back as the same figures', () => {
    const text = forecastCsv(['=HYPERLINK("x")'], { forecast: [1], lower80: [0], upper80: [2], lower95: [-1], upper95: [3] });
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[1]).toEqual(['\'=HYPERLINK("x")', '1', '0', '2', '-1', '3']);
  });
});

describe('file names', () => {
  it('drops the extension of the data set', () => {
    expect(datasetBaseName('champagne-sales.csv')).toBe('champagne-sales');
    expect(datasetBaseName('Sales 2024.TSV')).toBe('Sales 2024');
    expect(datasetBaseName('ledger')).toBe('ledger');
  });

  it('replaces characters file systems refuse and keeps the extension', () => {
    expect(safeFileName('a/b: c?.csv')).toBe('a_b_ c_.csv');
    expect(safeFileName('champagne-sales forecast Sales ?64-?72.csv')).toBe('champagne-sales forecast Sales _64-_72.csv');
    expect(safeFileName('/.csv')).toBe('_.csv');
    expect(safeFileName(`${'x'.repeat(300)}.csv`)).toBe(`${'x'.repeat(120)}.csv`);
  });
});
