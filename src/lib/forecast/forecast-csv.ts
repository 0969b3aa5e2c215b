/**
 * The forecast as a CSV file: one row per future period with the point forecast and the 80%
 * and 95% prediction intervals. Numbers are written the same way in every locale (a point as
 * decimal mark, no grouping), so any spreadsheet or script reads them back; the period keys
 * and the header go through toCsv, which neutralises anything a spreadsheet would run.
 */
import { toCsv, type CsvCell } from '../csv-export';

/** The figures of a forecast, one value per period in each array. */
export interface ForecastFigures {
  forecast: readonly number[];
  lower80: readonly number[];
  upper80: readonly number[];
  lower95: readonly number[];
  upper95: readonly number[];
}

/** The header of the forecast CSV (column names are fixed, not translated, for scripts). */
export const FORECAST_CSV_FIELDS = ['period', 'forecast', 'lower80', 'upper80', 'lower95', 'upper95'] as const;

/**
 * A figure for the file: 10 significant digits, so float noise (5099.999999999998) does not
 * show, and whole values stay whole. Not finite becomes an empty cell.
 * @example exportNumber(5099.999999999998) // 5100
 */
export function exportNumber(value: number): number | null {
  return Number.isFinite(value) ? Number(value.toPrecision(10)) : null;
}

/**
 * The rows of the forecast CSV, without the header.
 * @throws RangeError when an array of figures has another length than `periods`
 * @example forecastCsvRows(['2024-01'], { forecast: [10.5], lower80: [8], upper80: [13], lower95: [7], upper95: [14] })
 * // [['2024-01', 10.5, 8, 13, 7, 14]]
 */
export function forecastCsvRows(periods: readonly string[], figures: ForecastFigures): CsvCell[][] {
  const columns = [figures.forecast, figures.lower80, figures.upper80, figures.lower95, figures.upper95];
  if (columns.some((c) => c.length !== periods.length)) {
    throw new RangeError(`${periods.length} periods but figures of lengths ${columns.map((c) => c.length).join(', ')}`);
  }
  return periods.map((period, i) => [period, ...columns.map((c) => exportNumber(c[i]))]);
}

/**
 * The whole CSV text (with the byte-order mark and CRLF line ends of toCsv).
 * @example forecastCsv(['2024-01'], figures) // '\uFEFFperiod,forecast,lower80,upper80,lower95,upper95\r\n2024-01,10.5,8,13,7,14'
 */
export function forecastCsv(periods: readonly string[], figures: ForecastFigures): string {
  return toCsv(FORECAST_CSV_FIELDS, forecastCsvRows(periods, figures));
}

/**
 * A data set's name without the extension of the file it came from.
 * @example datasetBaseName('champagne-sales.csv') // 'champagne-sales'
 */
export function datasetBaseName(datasetName: string): string {
  return datasetName.replace(/\.(csv|tsv|txt)$/i, '');
}

/**
 * A file name made safe: characters file systems refuse (\ / : * ? " < > | and control
 * characters) become "_", and the name is cut to 120 characters before its extension.
 * @example safeFileName('a/b: c.csv') // 'a_b_ c.csv'
 */
export function safeFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  const clean = stem.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 120).trim();
  return `${clean || 'forecast'}${extension}`;
}
