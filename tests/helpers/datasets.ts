/** Small helpers for tests that read CSV text into data sets. */
import { parseCsv, type Column, type Dataset, type ParseCsvOptions } from '../../src/core';

/** parseCsv that fails the test with the engine's message when the input is refused. */
export function parsed(input: string | Uint8Array, options: ParseCsvOptions = {}): Dataset {
  const result = parseCsv(input, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The column of that name, or a failed test. */
export function column(dataset: Dataset, name: string): Column {
  const found = dataset.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}
