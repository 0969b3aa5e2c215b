import { describe, expect, it } from 'vitest';
import { thinCurve } from '../../../../src/lib/churn/thin-curve';

describe('thinCurve', () => {
  it('returns short curves whole, as copies', () => {
    const x = Object.freeze([0, 0.5, 1]);
    const out = thinCurve(x, [0, 0.7, 1], 3);
    expect(out).toEqual({ x: [0, 0.5, 1], y: [0, 0.7, 1] });
    expect(out.x).not.toBe(x);
  });

  it('keeps the first and last point and evenly spaced ones between', () => {
    // 4 points to 3: positions 0, round(1.5) = 2, 3.
    expect(thinCurve([0, 0.1, 0.2, 1], [0, 0.5, 0.7, 1], 3)).toEqual({ x: [0, 0.2, 1], y: [0, 0.7, 1] });
    const long = Array.from({ length: 1001 }, (_, i) => i / 1000);
    const thin = thinCurve(long, long, 11);
    expect(thin.x).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('throws on mismatched lengths or fewer than 2 points', () => {
    expect(() => thinCurve([0, 1], [0], 5)).toThrow(RangeError);
    expect(() => thinCurve([0, 1], [0, 1], 1)).toThrow(RangeError);
  });
});
