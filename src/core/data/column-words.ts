/** Reading a column's name as words, to guess what the column holds. */

/**
 * The words of a column name, lower case, in any script: camel case and any run of signs
 * other than letters and digits split them.
 * @example columnWords('OrderDate') // ['order', 'date']
 * @example columnWords('Attrition_Flag') // ['attrition', 'flag']
 * @example columnWords('价格_元') // ['价格', '元']
 */
export function columnWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
