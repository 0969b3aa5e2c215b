/**
 * First guesses for the learnt part of the loyalty screen: which column says whether a
 * customer stayed (an outcome with two values), and which of its values means "loyal". The
 * user can change both.
 */
import { columnWords as wordsOf } from '../../core/data/column-words';
import { booleanValueOf } from '../../core/data/boolean-values';
import type { ColumnInfo } from '../../workers/loyalty-api';

/** Words of a column whose "yes" means the customer stayed. */
const STAY_WORDS = ['loyal', 'loyalty', 'renewed', 'renewal', 'renews', 'retained', 'retention', 'stayed', 'active', 'repeat', 'repurchase'];
/** Words of a column whose "yes" means the customer left. */
const LEAVE_WORDS = ['churn', 'churned', 'attrition', 'attrited', 'exited', 'left', 'cancelled', 'canceled', 'lapsed', 'lost'];

function meaning(name: string): 'stay' | 'leave' | null {
  const words = wordsOf(name);
  if (LEAVE_WORDS.some((w) => words.includes(w))) return 'leave';
  if (STAY_WORDS.some((w) => words.includes(w))) return 'stay';
  return null;
}

/**
 * The outcome column: a two-valued column whose name says churn or renewal (in the order of
 * the words above), else the first two-valued yes/no column, else the first two-valued one.
 * @example guessOutcome(columns of the Telco sample) // 'Churn'
 */
export function guessOutcome(columns: readonly ColumnInfo[]): string | null {
  const twoValued = columns.filter((c) => c.distinct === 2);
  for (const word of [...LEAVE_WORDS, ...STAY_WORDS]) {
    const found = twoValued.find((c) => wordsOf(c.name).includes(word));
    if (found) return found.name;
  }
  return (twoValued.find((c) => c.type === 'boolean') ?? twoValued[0])?.name ?? null;
}

/**
 * The value that means loyal: for a churn-like column its "no" (the customer did not leave),
 * for a renewal-like column its "yes"; otherwise the most frequent value (most customers
 * usually stay).
 * @example guessPositive({ name: 'Churn', values: [{ value: 'No' }, { value: 'Yes' }] }) // 'No'
 */
export function guessPositive(column: Pick<ColumnInfo, 'name' | 'values'>): string {
  const values = column.values.map((v) => v.value);
  const sense = meaning(column.name);
  if (sense !== null) {
    const wanted = sense === 'stay';
    const match = values.filter((v) => booleanValueOf(v) === wanted);
    if (match.length === 1) return match[0];
  }
  return values[0] ?? '';
}
