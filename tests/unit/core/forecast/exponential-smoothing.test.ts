import { describe, expect, it } from 'vitest';
import { exponentialSmoothing } from '../../../../src/core/forecast/exponential-smoothing';
import { fitForecast } from '../../../../src/core/forecast/fit-forecast';
import { createRng } from '../../../../src/core/shared/rng';

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

describe("exponentialSmoothing and fitForecast's simple exponential smoothing", () => {
  it('give the same levels, to the last bit, on random series and weights (seeded)', () => {
    const rng = createRng(20240515);
    for (let trial = 0; trial < 300; trial++) {
      const n = 2 + rng.int(60);
      const scale = 10 ** (rng.int(9) - 3);
      const drift = rng.next() - 0.5;
      const series = Array.from({ length: n }, (_, t) => scale * (100 + drift * t + 20 * (rng.next() - 0.5)) * (rng.int(10) === 0 ? -1 : 1));
      // α = 0 and 1, the ends, now and then; otherwise uniform in [0, 1).
      const pick = rng.int(10);
      const alpha = pick === 0 ? 0 : pick === 1 ? 1 : rng.next();
      const result = fitForecast(series, { model: 'ses', alpha, horizon: 3 });
      if (!result.ok) throw new Error(result.error.message);
      const levels = exponentialSmoothing(series, alpha);
      const f = result.value;
      expect(f.steps.map((s) => s.level)).toEqual(levels);
      // ŷ_t = S_(t−1) (ŷ_1 = X_1), and every forecast is S_n.
      expect(f.fitted).toEqual([series[0], ...levels.slice(0, -1)]);
      expect(f.forecast).toEqual([levels[n - 1], levels[n - 1], levels[n - 1]]);
      expect(f.initialStates.level).toBe(series[0]);
    }
  });
});

