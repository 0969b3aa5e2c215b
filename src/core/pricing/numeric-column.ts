/** Reading a column chosen for a pricing role as numbers, refusing one that is absent or holds no numbers. */
import type { Dataset } from '../data/dataset';
import { columnNumbers } from '../data/dataset-access';
import { fail, ok, type Result } from '../shared/result';

/**
 * The column as numbers (NaN = missing or not a number).
 * @param role what the column is used as (e.g. 'price'), named in the refusal
 */
export function numericColumn(dataset: Dataset, name: string, role: string): Result<Float64Array> {
  const column = dataset.columns.find((c) => c.name === name);
  if (!column) {
    return fail('PRICING_UNKNOWN_COLUMN', `The data set has no column "${name}" (chosen as the ${role} column).`, { column: name, role });
  }
  const values = columnNumbers(column, dataset.source);
  if (!values.some((v) => !Number.isNaN(v))) {
    return fail('PRICING_NOT_NUMERIC', `The column "${name}" (chosen as the ${role} column) holds no numbers; choose a column of numbers.`, {
      column: name,
      role,
    });
  }
  return ok(values);
}
