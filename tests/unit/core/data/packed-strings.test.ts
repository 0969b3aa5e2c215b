import { describe, expect, it } from 'vitest';
import { packStrings, packedAt, packedCount, unpackStrings } from '../../../../src/core/data/packed-strings';

describe('packStrings', () => {
  it('packs the documented example into one string and end offsets', () => {
    // 'No' ends at 2, 'Yes' at 2 + 3 = 5.
    const packed = packStrings(['No', 'Yes']);
    expect(packed.text).toBe('NoYes');
    expect(packed.ends).toBeInstanceOf(Int32Array);
    expect(Array.from(packed.ends)).toEqual([2, 5]);
  });

  it('packs an empty list into an empty string and no offsets', () => {
    const packed = packStrings([]);
    expect(packed.text).toBe('');
    expect(packed.ends).toBeInstanceOf(Int32Array);
    expect(packed.ends.length).toBe(0);
    expect(packedCount(packed)).toBe(0);
    expect(unpackStrings(packed)).toEqual([]);
  });

  it('keeps empty strings as values of their own (repeated ends)', () => {
    // '' ends at 0, 'a' at 1, '' at 1, '' at 1, 'bc' at 3, '' at 3.
    const values = ['', 'a', '', '', 'bc', ''];
    const packed = packStrings(values);
    expect(packed.text).toBe('abc');
    expect(Array.from(packed.ends)).toEqual([0, 1, 1, 1, 3, 3]);
    expect(packedCount(packed)).toBe(6);
    expect(values.map((_, i) => packedAt(packed, i))).toEqual(['', 'a', '', '', 'bc', '']);
    expect(unpackStrings(packed)).toEqual(values);
  });

  it('a list of only empty strings has an empty text but the right count', () => {
    const packed = packStrings(['', '', '']);
    expect(packed.text).toBe('');
    expect(Array.from(packed.ends)).toEqual([0, 0, 0]);
    expect(packedCount(packed)).toBe(3);
    expect(packedAt(packed, 2)).toBe('');
    expect(unpackStrings(packed)).toEqual(['', '', '']);
  });

  it('measures offsets in UTF-16 code units, so astral characters (emoji) survive', () => {
    // '😀' (U+1F600) is 2 code units; 'é' (U+00E9) 1; 'e\u0301' (e + combining acute) 2;
    // '中文' 2; '👍🏽' (thumbs up + skin tone modifier, both astral) 4.
    // Ends: 'a😀' 3, 'é' 4, 'e\u0301' 6, '中文' 8, '👍🏽' 12, '' 12, 'z' 13.
    const values = ['a😀', 'é', 'e\u0301', '中文', '👍🏽', '', 'z'];
    const packed = packStrings(values);
    expect(packed.text).toBe('a😀ée\u0301中文👍🏽z');
    expect(packed.text.length).toBe(13);
    expect(Array.from(packed.ends)).toEqual([3, 4, 6, 8, 12, 12, 13]);
    expect(packedAt(packed, 0)).toBe('a😀');
    expect(packedAt(packed, 2)).toBe('e\u0301');
    expect(packedAt(packed, 4)).toBe('👍🏽');
    expect(packedAt(packed, 5)).toBe('');
    expect(packedAt(packed, 6)).toBe('z');
    expect(unpackStrings(packed)).toEqual(values);
  });

  it('keeps lone surrogate halves apart even when the joined text pairs them up', () => {
    // '\ud83d' + '\ude00' joined is the single character '😀', but each value is one code unit.
    const values = ['\ud83d', '\ude00'];
    const packed = packStrings(values);
    expect(packed.text).toBe('😀');
    expect(Array.from(packed.ends)).toEqual([1, 2]);
    expect(packedAt(packed, 0)).toBe('\ud83d');
    expect(packedAt(packed, 1)).toBe('\ude00');
    expect(unpackStrings(packed)).toEqual(values);
  });
});

describe('round trip', () => {
  it('unpackStrings and packedAt give back every value of a mixed list, in order', () => {
    const values = ['Month-to-month', 'One year', 'Two year', '', ' padded ', 'with,comma', 'line\nbreak', 'tab\tx', '€ 5', '🇩🇪', 'a'.repeat(1000)];
    const packed = packStrings(values);
    expect(packedCount(packed)).toBe(11);
    expect(unpackStrings(packed)).toEqual(values);
    for (let i = 0; i < values.length; i++) expect(packedAt(packed, i)).toBe(values[i]);
    // The last end is the total length: 14 + 8 + 8 + 0 + 8 + 10 + 10 + 5 + 3 + 4 + 1000 = 1070.
    expect(packed.ends[packed.ends.length - 1]).toBe(1070);
    expect(packed.text.length).toBe(1070);
  });

  it('does not keep a reference to the input array', () => {
    const values = ['x', 'y'];
    const packed = packStrings(values);
    values[0] = 'changed';
    values.push('z');
    expect(unpackStrings(packed)).toEqual(['x', 'y']);
    expect(packedCount(packed)).toBe(2);
  });

  it('unpackStrings returns a new array each time', () => {
    const packed = packStrings(['p', 'q']);
    const first = unpackStrings(packed);
    first[0] = 'mutated';
    expect(unpackStrings(packed)).toEqual(['p', 'q']);
  });
});

describe('packedAt bounds', () => {
  const packed = packStrings(['a', 'bb', 'ccc']);

  it('reads the first and last value', () => {
    expect(packedAt(packed, 0)).toBe('a');
    expect(packedAt(packed, 1)).toBe('bb');
    expect(packedAt(packed, 2)).toBe('ccc');
  });

  it('throws RangeError for a negative index', () => {
    expect(() => packedAt(packed, -1)).toThrow(RangeError);
  });

  it('throws RangeError for index === count and beyond', () => {
    expect(() => packedAt(packed, 3)).toThrow(RangeError);
    expect(() => packedAt(packed, 3)).toThrow('No value 3 in a list of 3');
    expect(() => packedAt(packed, 100)).toThrow(RangeError);
  });

  it('throws RangeError for any index of an empty list', () => {
    const empty = packStrings([]);
    expect(() => packedAt(empty, 0)).toThrow(RangeError);
    expect(() => packedAt(empty, 0)).toThrow('No value 0 in a list of 0');
  });
});
