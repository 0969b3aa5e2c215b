/**
 * Quantile binning: each feature's values are cut once, on the training rows, into at most
 * 256 ordered bins, so trees split on small integers with class histograms instead of
 * sorting values at every node (the histogram method of LightGBM and scikit-learn's
 * HistGradientBoosting).
 */

/** At most this many bins per feature: bin codes fit a byte. */
export const MAX_BINS = 256;

/**
 * Cut points of one feature, fitted on the given rows. With few distinct values every value
 * gets its own bin (cut halfway between neighbours); otherwise the cuts are quantiles.
 * @param values the feature, one value per row (no NaN: impute first)
 * @param rows the training rows to fit on
 * @returns ascending cut points; bin(v) = how many cut points are below v
 * @example fitBinEdges(Float64Array.of(1, 2, 3), Int32Array.of(0, 1, 2)) // [1.5, 2.5]
 */
export function fitBinEdges(values: Float64Array, rows: Int32Array, maxBins = MAX_BINS): Float64Array {
  const sample = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) sample[i] = values[rows[i]];
  sample.sort();
  const distinct: number[] = [];
  for (let i = 0; i < sample.length; i++) if (i === 0 || sample[i] !== sample[i - 1]) distinct.push(sample[i]);
  if (distinct.length <= maxBins) {
    const edges = new Float64Array(Math.max(0, distinct.length - 1));
    for (let i = 0; i < edges.length; i++) edges[i] = (distinct[i] + distinct[i + 1]) / 2;
    return edges;
  }
  const edges: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    const at = Math.floor((b * sample.length) / maxBins);
    // Halfway between the quantile value and the next larger one, so equal values share a bin.
    let next = at;
    while (next < sample.length && sample[next] === sample[at]) next++;
    if (next >= sample.length) break;
    const edge = (sample[at] + sample[next]) / 2;
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return Float64Array.from(edges);
}

/**
 * The bin of a value: the number of cut points below it (binary search).
 * @example binOf(2.7, Float64Array.of(1.5, 2.5)) // 2
 */
export function binOf(value: number, edges: Float64Array): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The bins of every row of a feature. */
export function applyBins(values: Float64Array, edges: Float64Array): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = binOf(values[i], edges);
  return out;
}
