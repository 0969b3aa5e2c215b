/**
 * Quantile bins for a numeric evidence column: edges at the 0, 1/k, …, 1 quantiles (linear
 * interpolation between order statistics, as numpy and pandas.qcut compute them), equal edges
 * merged so ties never make an empty bin. Bin i holds lower < v ≤ upper; the first bin also
 * holds its lower edge.
 */

export interface NumericBin {
  index: number;
  lower: number;
  upper: number;
  /** True for the first bin only: [lower, upper] rather than (lower, upper]. */
  lowerIncluded: boolean;
}

/**
 * The q-quantile of sorted values, interpolating linearly between neighbours (type 7).
 * @example quantileSorted([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Unique quantile edges of the values that are numbers (NaN ignored).
 * @param bins how many bins to aim for; ties can leave fewer
 * @returns ascending distinct edges (one edge when every value is the same; none when no value is a number)
 * @example quantileEdges(Float64Array.of(1, 2, 3, 4, 5), 4) // [1, 2, 3, 4, 5]
 */
export function quantileEdges(values: ArrayLike<number>, bins: number): number[] {
  const sorted = Float64Array.from(Array.prototype.filter.call(values, (v: number) => v === v) as number[]).sort();
  if (sorted.length === 0) return [];
  const edges: number[] = [];
  for (let b = 0; b <= bins; b++) {
    const edge = quantileSorted(sorted, b / bins);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/** The bins that edges make: edges.length − 1 of them, or one degenerate [v, v] bin from a single edge. */
export function binsOf(edges: readonly number[]): NumericBin[] {
  if (edges.length === 1) return [{ index: 0, lower: edges[0], upper: edges[0], lowerIncluded: true }];
  return edges.slice(1).map((upper, i) => ({ index: i, lower: edges[i], upper, lowerIncluded: i === 0 }));
}

/**
 * The bin of a number: the count of inner edges below it, so values beyond the outer
 * edges fall into the first or last bin.
 * @example binIndex(2.5, [1, 2, 3, 4]) // 1 (the bin (2, 3])
 */
export function binIndex(value: number, edges: readonly number[]): number {
  let bin = 0;
  for (let i = 1; i < edges.length - 1; i++) if (edges[i] < value) bin = i;
  return bin;
}

/**
 * A bin's label in interval notation: "[1, 2]" for the first, "(2, 3]" after; "5" for a
 * single-value bin. Numbers keep six significant digits; the UI can relabel from the edges.
 */
export function binLabel(bin: NumericBin, format: (value: number) => string = formatEdge): string {
  if (bin.lower === bin.upper) return format(bin.lower);
  return `${bin.lowerIncluded ? '[' : '('}${format(bin.lower)}, ${format(bin.upper)}]`;
}

/** Six significant digits without trailing zeros: 2.5, 1234.57, 0.000123. */
export function formatEdge(value: number): string {
  return String(Number(value.toPrecision(6)));
}
