/**
 * First guesses for the churn screen: which column says who left, and which of its values
 * means "left". The user can change both.
 */
import { columnWords as wordsOf } from '../../core/data/column-words';
import { guessChurnClass as guessChurnClassIndex } from '../../core/churn/train-churn-model';

/** Words naming a churn column, best first. */
const TARGET_WORDS = ['churn', 'churned', 'attrition', 'attrited', 'exited', 'left', 'cancelled', 'canceled', 'status'];

/**
 * The column most likely to say who left: the first whose name has one of the words
 * churn, attrition, exited, left, cancelled or status (in that order of preference).
 * @returns the column name, or null when no name fits
 * @example guessTargetColumn(['tenure', 'Contract', 'Churn']) // 'Churn'
 */
export function guessTargetColumn(names: readonly string[]): string | null {
  const words = names.map(wordsOf);
  for (const word of TARGET_WORDS) {
    const at = words.findIndex((w) => w.includes(word));
    if (at >= 0) return names[at];
  }
  return null;
}

/**
 * The churn class as the engine guesses it when none is given.
 * @param classes the target's values, most frequent first
 * @example guessChurnClass(['No', 'Yes']) // 'Yes'
 */
export function guessChurnClass(classes: readonly string[]): string | null {
  return classes.length > 0 ? classes[guessChurnClassIndex(classes)] : null;
}
