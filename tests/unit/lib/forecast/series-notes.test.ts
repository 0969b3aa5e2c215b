import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateSeries, type AggregateSeriesOptions, type SeriesNote } from '../../../../src/core/forecast/aggregate-series';
import { currentLocale, hasMessage, setLocale, t } from '../../../../src/lib/i18n/i18n';
import { parsed } from '../../../helpers/datasets';

/** The note as the screen shows it: its `issue.<code>` message filled with its params. */
function shown(note: SeriesNote): string {
  const key = `issue.${note.code}`;
  if (!hasMessage(key)) throw new Error(`no message ${key}`);
  return t(key, note.params);
}

function notes(text: string, options: AggregateSeriesOptions): string[] {
  const result = aggregateSeries(parsed(text), options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.details.map(shown);
}

const initialLocale = currentLocale();
beforeAll(() => setLocale('en-US'));
afterAll(() => setLocale(initialLocale));

// One month without rows (February), one month with two rows (January), one undated row and
// one dated row without an amount (file rows 5 and 6).
const ONE = 'Date,Amount\n2024-01-05,1\n2024-01-09,2\n2024-03-05,3\nsoon,4\n2024-03-09,\n';
// Two months without rows (February, April), two with two rows, two undated rows, two dated
// rows without an amount (file rows 8–11).
const MANY = 'Date,Amount\n2024-01-05,1\n2024-01-09,2\n2024-03-05,3\n2024-03-07,3\n2024-05-05,5\nsoon,4\nlater,4\n2024-03-09,\n2024-03-10,\n';

describe('series notes in the English dictionary', () => {
  it('read right for one of a kind', () => {
    expect(notes(ONE, { date: 'Date', value: 'Amount', period: 'month', how: 'sum' })).toEqual([
      'The series runs from 2024-01 to 2024-03: 3 months.',
      '1 row left out: no date can be read in column “Date” (rows and what they hold: 5: "soon").',
      '1 dated row left out: no number in column “Amount” (rows and what they hold: 6: "").',
      '1 month with more than one row (2 rows in all): each shows the sum of its rows.',
      '1 month without rows, counted as 0 (a straight line between the neighbouring values is the other choice): 2024-02.',
    ]);
  });

  it('read right for many, and name the aggregation and the fill', () => {
    expect(notes(MANY, { date: 'Date', value: 'Amount', period: 'month', how: 'mean' })).toEqual([
      'The series runs from 2024-01 to 2024-05: 5 months.',
      '2 rows left out: no date can be read in column “Date” (rows and what they hold: 7: "soon", 8: "later").',
      '2 dated rows left out: no number in column “Amount” (rows and what they hold: 9: "", 10: "").',
      '2 months with more than one row (4 rows in all): each shows the average of its rows.',
      '2 months without rows, filled on a straight line between the neighbouring averages (an average of no rows is unknown, not 0): 2024-02, 2024-04.',
    ]);
    expect(notes(MANY, { date: 'Date', value: 'Amount', period: 'month', how: 'count', fill: 'interpolate' }).slice(-2)).toEqual([
      // Counts take every dated row: March has 4 (two of them without an amount).
      '2 months with more than one row (6 rows in all): each shows the count of its rows.',
      '2 months without rows, filled on a straight line between the neighbouring values (counting them as 0 is the other choice): 2024-02, 2024-04.',
    ]);
  });

  it('say which period was left out or kept as partial, and how much of it the rows cover', () => {
    // Every day from Monday 2 to Monday 30 December 2024: 2025-W01 holds only 30 December.
    const lines = ['Date,Amount'];
    for (let day = 2; day <= 30; day++) lines.push(`2024-12-${String(day).padStart(2, '0')},1`);
    const text = lines.join('\n') + '\n';
    expect(notes(text, { date: 'Date', value: 'Amount', period: 'week', how: 'sum' })[1]).toBe(
      'The last week, 2025-W01, is only partly covered by the rows (2024-12-30 to 2024-12-30: 1 of its 7 days) and was left out with its 1 row, so that a part-week is not read as a whole one; it can be kept instead.',
    );
    expect(notes(text, { date: 'Date', value: 'Amount', period: 'week', how: 'sum', keepPartial: true })[1]).toBe(
      'The last week, 2025-W01, is only partly covered by the rows (2024-12-30 to 2024-12-30: 1 of its 7 days) and was kept: its value is for part of the week only.',
    );
  });

  it('name the precision and the unit of coarse dates', () => {
    expect(notes('m,v\n2024-01,1\n2024-02,2\n', { date: 'm', value: 'v', period: 'week', how: 'sum' }).at(-1)).toBe(
      'Some dates in column “m” name a whole month; each counts in the week of its first day.',
    );
  });
});
