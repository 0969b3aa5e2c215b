import { describe, expect, it } from 'vitest';
import { largestRemainder } from '../../../../src/core/bayes/largest-remainder';

describe('largestRemainder', () => {
  it('exact shares stay as they are: 1000 · (0.6, 0.4) = 600, 400', () => {
    expect(largestRemainder(1000, [0.6, 0.4])).toEqual([600, 400]);
  });

  it('leftover units go to the largest remainders', () => {
    // 7 · (0.15, 0.35, 0.5) = 1.05, 2.45, 3.5 → floors 1, 2, 3 (sum 6); 1 left → largest remainder 0.5 → [1, 2, 4]
    expect(largestRemainder(7, [0.15, 0.35, 0.5])).toEqual([1, 2, 4]);
  });

  it('ties go to the earlier share: 10 in thirds = 4, 3, 3', () => {
    // 3.33… each; floors 3, 3, 3; 1 left, all remainders equal → the first
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('plain rounding would break the total; this does not', () => {
    // 100 · (1/3, 1/3, 1/3): rounding each gives 33 · 3 = 99
    const counts = largestRemainder(100, [1 / 3, 1 / 3, 1 / 3]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(counts).toEqual([34, 33, 33]);
  });

  it('zero total and zero weights give zeros; bad input is a programming error', () => {
    expect(largestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(() => largestRemainder(5, [0, 0])).toThrow(RangeError);
    expect(() => largestRemainder(2.5, [1])).toThrow(RangeError);
    expect(() => largestRemainder(5, [-1, 2])).toThrow(RangeError);
  });
});
