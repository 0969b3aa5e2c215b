import { describe, expect, it } from 'vitest';
import { exponentialSmoothing } from '../../../../src/core/forecast/exponential-smoothing';

describe('exponentialSmoothing', () => {
  it('computes the worked example of the strategy text', () => {
    // S_1 = X_1 = 1000
    // S_2 = 0.6·1100 + 0.4·1000 = 660 + 400 = 1060
    // S_3 = 0.6·1200 + 0.4·1060 = 720 + 424 = 1144
    expect(exponentialSmoothing([1000, 1100, 1200], 0.6)).toEqual([1000, 1060, 1144]);
  });

  it('copies the data with α = 1 and holds the first value with α = 0', () => {
    expect(exponentialSmoothing([3, 7, 5], 1)).toEqual([3, 7, 5]);
    expect(exponentialSmoothing([3, 7, 5], 0)).toEqual([3, 3, 3]);
  });

  it('returns nothing for an empty series and the value for one point', () => {
    expect(exponentialSmoothing([], 0.5)).toEqual([]);
    expect(exponentialSmoothing([42], 0.5)).toEqual([42]);
  });

  it('does not change its input', () => {
    const series = Object.freeze([1, 2, 3]);
    // S_2 = 0.5·2 + 0.5·1 = 1.5; S_3 = 0.5·3 + 0.5·1.5 = 2.25
    expect(exponentialSmoothing(series, 0.5)).toEqual([1, 1.5, 2.25]);
  });

  it('throws on a weight outside [0, 1] or a value that is not a number', () => {
    expect(() => exponentialSmoothing([1, 2], 1.5)).toThrow(RangeError);
    expect(() => exponentialSmoothing([1, 2], -0.1)).toThrow(RangeError);
    expect(() => exponentialSmoothing([1, 2], NaN)).toThrow(RangeError);
    expect(() => exponentialSmoothing([1, NaN], 0.5)).toThrow(/value 2/);
  });
});
