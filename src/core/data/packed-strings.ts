/**
 * A list of strings kept as one string plus end offsets. A dictionary of a million
 * distinct values (an id column) then crosses a worker boundary or goes into IndexedDB as
 * two flat copies instead of a million small objects, which would stall the page.
 */
export interface PackedStrings {
  /** Every value, one after the other. */
  text: string;
  /** ends[i] is where value i stops in `text`; value i starts at ends[i - 1] (or 0). */
  ends: Int32Array;
}

/**
 * Packs a list of strings.
 * @example packStrings(['No', 'Yes']) // { text: 'NoYes', ends: Int32Array [2, 5] }
 */
export function packStrings(values: readonly string[]): PackedStrings {
  const ends = new Int32Array(values.length);
  let end = 0;
  for (let i = 0; i < values.length; i++) {
    end += values[i].length;
    ends[i] = end;
  }
  return { text: values.join(''), ends };
}

/** Number of values. */
export function packedCount(packed: PackedStrings): number {
  return packed.ends.length;
}

/** Value i. @throws RangeError when i is out of range */
export function packedAt(packed: PackedStrings, i: number): string {
  if (!Number.isInteger(i) || i < 0 || i >= packed.ends.length) throw new RangeError(`No value ${i} in a list of ${packed.ends.length}`);
  return packed.text.slice(i === 0 ? 0 : packed.ends[i - 1], packed.ends[i]);
}

/** All values as an ordinary array (for work that touches every value once). */
export function unpackStrings(packed: PackedStrings): string[] {
  const out: string[] = new Array(packed.ends.length);
  let start = 0;
  for (let i = 0; i < out.length; i++) {
    const end = packed.ends[i];
    out[i] = packed.text.slice(start, end);
    start = end;
  }
  return out;
}
