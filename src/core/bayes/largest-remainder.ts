/**
 * Rounding shares to whole counts that still add up to the total (Hamilton's largest
 * remainder method): everyone gets the floor of their exact share, and the units left over
 * go to the largest fractional parts, ties to the earlier share.
 */

/**
 * Splits a whole number into integer counts proportional to non-negative weights.
 * @param total a non-negative integer
 * @param weights non-negative, finite; when they are all 0 every count is 0 (and total must be 0)
 * @throws RangeError on a negative or non-integer total, a bad weight, or positive total with zero weights (programming errors)
 * @example largestRemainder(10, [1, 1, 1]) // [4, 3, 3]
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer, got ${total}`);
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new RangeError('weights must be finite and non-negative');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    if (total !== 0) throw new RangeError('cannot share a positive total among zero weights');
    return weights.map(() => 0);
  }
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map((x) => Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, remainder: x - Math.floor(x) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]++;
    left--;
  }
  return counts;
}
