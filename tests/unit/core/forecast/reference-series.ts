/**
 * The two monthly reference series of the forecast goals, read with a tiny parser of their
 * own (not the app's importer): the second column of every line whose first cell is not
 * empty and whose second cell is a number — which skips the header, champagne's lone-comma
 * line and its footer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function readSeries(file: 'champagne-sales.csv' | 'air-passengers.csv'): number[] {
  const text = readFileSync(resolve(process.cwd(), '../shared/data', file), 'utf8');
  return text
    .split(/\r?\n/)
    .map((line) => line.split(','))
    .filter(([first, second]) => first !== undefined && first.trim() !== '' && /^\s*-?\d+(\.\d+)?\s*$/.test(second ?? ''))
    .map(([, second]) => Number(second));
}

/** Mean absolute error of a forecast against the actual values. */
export function meanAbsoluteError(forecast: readonly number[], actual: readonly number[]): number {
  return forecast.reduce((sum, f, i) => sum + Math.abs(f - actual[i]), 0) / forecast.length;
}
