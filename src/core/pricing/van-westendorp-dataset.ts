/** Van Westendorp answers read from four numeric columns of a survey data set. */
import type { Dataset } from '../data/dataset';
import type { Result } from '../shared/result';
import { numericColumn } from './numeric-column';
import { filteredRows, type RowFilter } from './row-filter';
import { vanWestendorp, type VanWestendorpAnswers, type VanWestendorpResult } from './van-westendorp';

export type VanWestendorpColumns = Record<keyof VanWestendorpAnswers, string>;

/**
 * vanWestendorp on one respondent per row; empty cells and text become missing answers, so
 * those respondents are counted as dropped. Refused when a column is absent or holds no
 * numbers, or the filter (e.g. one segment) matches no row.
 * @example vanWestendorpFromDataset(survey, { tooCheap: 'TooCheap', cheap: 'Cheap', expensive: 'Expensive', tooExpensive: 'TooExpensive' })
 */
export function vanWestendorpFromDataset(dataset: Dataset, columns: VanWestendorpColumns, filter?: RowFilter): Result<VanWestendorpResult> {
  const read: Partial<Record<keyof VanWestendorpAnswers, Float64Array>> = {};
  for (const key of ['tooCheap', 'cheap', 'expensive', 'tooExpensive'] as const) {
    const values = numericColumn(dataset, columns[key], ROLE[key]);
    if (!values.ok) return values;
    read[key] = values.value;
  }
  const { tooCheap, cheap, expensive, tooExpensive } = read as Record<keyof VanWestendorpAnswers, Float64Array>;
  const kept = filteredRows(dataset, filter);
  if (!kept.ok) return kept;
  const rows: VanWestendorpAnswers[] = [];
  for (const i of kept.value) {
    rows.push({ tooCheap: tooCheap[i], cheap: cheap[i], expensive: expensive[i], tooExpensive: tooExpensive[i] });
  }
  return vanWestendorp(rows);
}

/** The role named in a refusal, as the survey question reads. */
const ROLE: Record<keyof VanWestendorpAnswers, string> = {
  tooCheap: 'too cheap',
  cheap: 'cheap',
  expensive: 'expensive',
  tooExpensive: 'too expensive',
};
