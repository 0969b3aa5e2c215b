/**
 * First guesses for the churn screen: which column says who left, and which of its values
 * means "left". The user can change both.
 */

/** Words naming a churn column, best first. */
const TARGET_WORDS = ['churn', 'churned', 'attrition', 'attrited', 'exited', 'left', 'cancelled', 'canceled', 'status'];

/**
 * The engine's words for the churn class (prepareChurn's guess when no class is given),
 * in its order. Keep in step with CHURN_WORDS in src/core/churn/train-churn-model.ts; a
 * unit test compares both guesses on the shared data sets.
 */
const CHURN_CLASS_WORDS = ['yes', 'true', '1', 'churn', 'churned', 'left', 'lost', 'attrited customer', 'attrited', 'cancelled', 'canceled', 'closed', 'gone', '是'];

/** The words of a column name: "Attrition_Flag" → attrition, flag; "hasLeft" → has, left. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

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
 * The churn class as the engine guesses it: the first of its churn words (yes, true, 1,
 * churned, attrited customer, …) among the classes, else the last class (the least
 * frequent, since classes come most frequent first).
 * @param classes the target's values, most frequent first
 * @example guessChurnClass(['No', 'Yes']) // 'Yes'
 */
export function guessChurnClass(classes: readonly string[]): string | null {
  for (const word of CHURN_CLASS_WORDS) {
    const found = classes.find((c) => c.trim().toLowerCase() === word);
    if (found !== undefined) return found;
  }
  return classes.length > 0 ? classes[classes.length - 1] : null;
}
