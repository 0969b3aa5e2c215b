/** Words that spell a yes/no answer; a column is boolean when all its values are one pair. */
const TRUE_WORDS = new Set(['true', 'yes', 'y', 't', '是']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'f', '否']);

/**
 * Reads a boolean word (case-insensitive).
 * @param raw a cell's text
 * @returns true, false, or null when the text is not a yes/no word
 * @example booleanValueOf('Yes') // true
 */
export function booleanValueOf(raw: string): boolean | null {
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}
