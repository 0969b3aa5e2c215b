/**
 * Fewer points of a long curve for drawing: a ROC curve has one point per distinct score
 * (thousands on a large test set), far more than a chart of a few hundred pixels shows.
 * Keeps the first and last point and points at evenly spaced positions between.
 * @param maxPoints at most this many points come back (≥ 2)
 * @example thinCurve([0, 0.1, 0.2, 1], [0, 0.5, 0.7, 1], 3) // { x: [0, 0.2, 1], y: [0, 0.7, 1] } (positions 0, 2, 3)
 */
export function thinCurve(x: readonly number[], y: readonly number[], maxPoints: number): { x: number[]; y: number[] } {
  if (x.length !== y.length) throw new RangeError(`x and y lengths differ (${x.length} and ${y.length})`);
  if (!(maxPoints >= 2)) throw new RangeError(`maxPoints must be at least 2, got ${maxPoints}`);
  if (x.length <= maxPoints) return { x: [...x], y: [...y] };
  const outX: number[] = [];
  const outY: number[] = [];
  const last = x.length - 1;
  for (let i = 0; i < maxPoints; i++) {
    const at = Math.round((i * last) / (maxPoints - 1));
    outX.push(x[at]);
    outY.push(y[at]);
  }
  return { x: outX, y: outY };
}
