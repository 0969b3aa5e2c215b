import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  compareWithBaselines,
  forecastAccuracy,
  holdout,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanAbsoluteScaledError,
  naiveForecast,
  naiveScale,
  rollingOrigin,
  rollingOrigins,
  rootMeanSquaredError,
  seasonalNaiveForecast,
  symmetricMeanAbsolutePercentageError,
  type Forecaster,
} from '../../../../src/core/forecast/evaluate';
import { aggregateSeries } from '../../../../src/core/forecast/aggregate-series';
import { fail, ok } from '../../../../src/core/shared/result';
import { parsed } from '../../../helpers/datasets';

const EXACT = 12;

function monthly(file: string, value: string, date: string): number[] {
  const dataset = parsed(new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data', file))));
  const result = aggregateSeries(dataset, { date, value, period: 'month', how: 'sum' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.values;
}

// The tiny example: training [2, 4, 3, 5], actual [6, 4, 0], forecast [4, 5, 2].
// Errors A − F: 2, −1, −2.
const TRAIN = [2, 4, 3, 5];
const ACTUAL = [6, 4, 0];
const FORECAST = [4, 5, 2];

describe('metrics on a tiny example computed by hand', () => {
  it('MAE = (2 + 1 + 2) / 3 = 5/3', () => {
    expect(meanAbsoluteError(ACTUAL, FORECAST)).toBeCloseTo(5 / 3, EXACT);
  });

  it('RMSE = √((4 + 1 + 4) / 3) = √3', () => {
    expect(rootMeanSquaredError(ACTUAL, FORECAST)).toBeCloseTo(Math.sqrt(3), EXACT);
  });

  it('MAPE skips the zero actual: 100 · (2/6 + 1/4) / 2 = 29.1666…%, 1 skipped', () => {
    const mape = meanAbsolutePercentageError(ACTUAL, FORECAST);
    expect(mape.value).toBeCloseTo((100 * (2 / 6 + 1 / 4)) / 2, EXACT);
    expect(mape.skipped).toBe(1);
    expect(meanAbsolutePercentageError([0, 0], [1, 2])).toEqual({ value: NaN, skipped: 2 });
  });

  it('sMAPE = 100 · (2·2/10 + 2·1/9 + 2·2/2) / 3 = 87.407…%', () => {
    expect(symmetricMeanAbsolutePercentageError(ACTUAL, FORECAST)).toBeCloseTo((100 * (0.4 + 2 / 9 + 2)) / 3, EXACT);
    // Actual and forecast both 0 is a perfect forecast, not 0/0.
    expect(symmetricMeanAbsolutePercentageError([0, 10], [0, 10])).toBe(0);
  });

  it('MASE scales by the in-sample (seasonal) naive MAE', () => {
    // Naive scale: (|4−2| + |3−4| + |5−3|) / 3 = 5/3, so MASE = (5/3) / (5/3) = 1.
    expect(naiveScale(TRAIN, 1)).toEqual({ scale: 5 / 3, period: 1 });
    expect(meanAbsoluteScaledError(ACTUAL, FORECAST, TRAIN, 1)).toBeCloseTo(1, EXACT);
    // Season 2: (|3−2| + |5−4|) / 2 = 1, so MASE = 5/3.
    expect(naiveScale(TRAIN, 2)).toEqual({ scale: 1, period: 2 });
    expect(meanAbsoluteScaledError(ACTUAL, FORECAST, TRAIN, 2)).toBeCloseTo(5 / 3, EXACT);
    // A season as long as the training series falls back to the naive scale.
    expect(naiveScale(TRAIN, 4)).toEqual({ scale: 5 / 3, period: 1 });
    // A constant training series has no scale.
    expect(meanAbsoluteScaledError([1], [2], [3, 3, 3], 1)).toBeNaN();
  });

  it('forecastAccuracy gives all of them together', () => {
    const accuracy = forecastAccuracy(ACTUAL, FORECAST, { train: TRAIN, period: 2 });
    expect(accuracy.count).toBe(3);
    expect(accuracy.mae).toBeCloseTo(5 / 3, EXACT);
    expect(accuracy.rmse).toBeCloseTo(Math.sqrt(3), EXACT);
    expect(accuracy.mape).toBeCloseTo(175 / 6, EXACT);
    expect(accuracy.mapeSkipped).toBe(1);
    expect(accuracy.smape).toBeCloseTo(87.40740740740742, EXACT);
    expect(accuracy.mase).toBeCloseTo(5 / 3, EXACT);
    expect(accuracy.masePeriod).toBe(2);
    expect(forecastAccuracy(ACTUAL, FORECAST).mase).toBeNaN();
  });

  it('throws on programming errors: different lengths, values that are not numbers', () => {
    expect(() => meanAbsoluteError([1, 2], [1])).toThrow(RangeError);
    expect(() => meanAbsoluteError([1, NaN], [1, 2])).toThrow(TypeError);
    expect(() => naiveScale([1, 2, 3], 0)).toThrow(RangeError);
  });
});

describe('naiveForecast and seasonalNaiveForecast', () => {
  it('repeat the last value, or the last season', () => {
    expect(naiveForecast(TRAIN, 3)).toEqual([5, 5, 5]);
    // Last season of length 2 is [3, 5].
    expect(seasonalNaiveForecast(TRAIN, 3, 2)).toEqual([3, 5, 3]);
    expect(seasonalNaiveForecast([1, 2, 3, 4, 5, 6], 5, 4)).toEqual([3, 4, 5, 6, 3]);
    expect(seasonalNaiveForecast(TRAIN, 2, 1)).toEqual([5, 5]);
  });

  it('throw without enough values', () => {
    expect(() => naiveForecast([], 1)).toThrow(RangeError);
    expect(() => seasonalNaiveForecast([1, 2], 1, 3)).toThrow(RangeError);
  });
});

describe('rollingOrigins', () => {
  it('starts at initial and steps while a whole horizon follows', () => {
    // Length 10, initial 5, horizon 2, step 2: origin 5 tests indexes 5–6, origin 7 tests 7–8;
    // origin 9 would need index 10, past the end.
    expect(rollingOrigins(10, 5, 2, 2)).toEqual([5, 7]);
    // Step 1, horizon 1: 5, 6, 7, 8, 9 (the last tests index 9).
    expect(rollingOrigins(10, 5, 1, 1)).toEqual([5, 6, 7, 8, 9]);
    expect(rollingOrigins(10, 9, 2, 1)).toEqual([]);
  });
});

// y = 1, 2, …, 10. A forecaster that knows the slope is perfect; it records what it was given.
const LINE = Array.from({ length: 10 }, (_, i) => i + 1);
function recordingTrend(seen: number[][]): Forecaster {
  return (train, horizon) => {
    seen.push(train.slice());
    return ok(Array.from({ length: horizon }, (_, h) => train[train.length - 1] + h + 1));
  };
}

describe('rollingOrigin', () => {
  it('refits at each origin on the values before it and scores the next ones', () => {
    const seen: number[][] = [];
    const result = rollingOrigin(LINE, { initial: 5, horizon: 2, step: 2, period: 2 }, recordingTrend(seen));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const e = result.value;
    expect(seen).toEqual([[1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7]]);
    expect(e.model.origins.map((o) => o.origin)).toEqual([5, 7]);
    expect(e.model.origins.map((o) => o.actual)).toEqual([[6, 7], [8, 9]]);
    expect(e.model.accuracy.mae).toBe(0);
    // Naive: origin 5 forecasts 5, 5 for 6, 7 (errors 1, 2); origin 7 forecasts 7, 7 for 8, 9 (1, 2).
    expect(e.naive.origins.map((o) => o.errors)).toEqual([[1, 2], [1, 2]]);
    expect(e.naive.accuracy.mae).toBe(1.5);
    expect(e.naive.maeByStep).toEqual([1, 2]);
    // Seasonal naive, season 2: origin 5 repeats [4, 5] (errors 2, 2); origin 7 repeats [6, 7] (2, 2).
    expect(e.seasonalNaive.origins.map((o) => o.forecast)).toEqual([[4, 5], [6, 7]]);
    expect(e.seasonalNaive.accuracy.mae).toBe(2);
    // MASE of naive: both origins' season-2 scale is mean |y[t] − y[t−2]| = 2, so (0.5 + 1 + 0.5 + 1) / 4.
    expect(e.naive.accuracy.mase).toBeCloseTo(0.75, EXACT);
    expect(e.naive.accuracy.masePeriod).toBe(2);
    expect(e.verdict).toMatchObject({ beatsNaive: true, beatsSeasonalNaive: true, key: 'forecast.eval.verdict.beatsBoth' });
    expect(e.verdict.sentence).toBe("The model's mean absolute error (0) is lower than both the naive forecast's (1.5) and the seasonal-naive forecast's (2).");
    expect([e.initial, e.horizon, e.step, e.period]).toEqual([5, 2, 2, 2]);
  });

  it('reports progress and stops when asked', () => {
    const progress: [number, number][] = [];
    const done = rollingOrigin(LINE, { initial: 5, horizon: 1, onProgress: (d, t) => progress.push([d, t]) }, recordingTrend([]));
    expect(done.ok).toBe(true);
    expect(progress).toEqual([[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]]);
    let calls = 0;
    const stopped = rollingOrigin(LINE, { initial: 5, horizon: 1, shouldStop: () => ++calls > 2 }, recordingTrend([]));
    expect(stopped.ok ? null : stopped.error.code).toBe('CANCELLED');
  });

  it('fails when the series is too short, the model fails or returns the wrong forecasts', () => {
    const tooShort = rollingOrigin(LINE, { initial: 9, horizon: 2 }, recordingTrend([]));
    expect(tooShort.ok ? null : tooShort.error).toMatchObject({ code: 'EVAL_TOO_SHORT', params: { count: 10, needed: 11 } });
    // Season 12 needs 13 training values before the first origin.
    const noSeason = rollingOrigin(LINE, { initial: 5, horizon: 1, period: 12 }, recordingTrend([]));
    expect(noSeason.ok ? null : noSeason.error.code).toBe('EVAL_TOO_SHORT');
    const failing = rollingOrigin(LINE, { initial: 5, horizon: 1 }, () => fail('MODEL_SAYS_NO', 'no'));
    expect(failing.ok ? null : failing.error.code).toBe('MODEL_SAYS_NO');
    const short = rollingOrigin(LINE, { initial: 5, horizon: 2 }, () => ok([1]));
    expect(short.ok ? null : short.error).toMatchObject({ code: 'EVAL_BAD_FORECAST', params: { origin: 5, expected: 2, count: 1 } });
    const nan = rollingOrigin(LINE, { initial: 5, horizon: 1 }, () => ok([NaN]));
    expect(nan.ok ? null : nan.error.code).toBe('EVAL_BAD_FORECAST');
    expect(() => rollingOrigin(LINE, { initial: 5, horizon: 0 }, recordingTrend([]))).toThrow(RangeError);
  });

  it('gives the forecaster a copy, so a model cannot change the series', () => {
    const series = LINE.slice();
    rollingOrigin(series, { initial: 5, horizon: 1 }, (train, h) => {
      train.fill(0);
      return ok(new Array(h).fill(0));
    });
    expect(series).toEqual(LINE);
  });
});

describe('holdout', () => {
  const seasonalNaive12: Forecaster = (train, h) => ok(seasonalNaiveForecast(train, h, 12));

  it('scores the last k values: seasonal-naive MAE on champagne is 830.3', () => {
    const champagne = monthly('champagne-sales.csv', 'Perrin Freres monthly champagne sales millions ?64-?72', 'Month');
    const result = holdout(champagne, 12, seasonalNaive12, { period: 12 });
    if (!result.ok) throw new Error(result.error.message);
    // Last 12 months (1970-11 … 1971-10) minus the same months a year earlier, absolute:
    // 961 840 1295 263 916 936 2083 888 416 79 730 557, summing to 9964; 9964 / 12 = 830.33.
    expect(result.value.seasonalNaive.accuracy.mae).toBeCloseTo(830.3, 1);
    expect(result.value.seasonalNaive.accuracy.mae).toBeCloseTo(9964 / 12, EXACT);
    // The same computed straight from the series, without the evaluation code.
    const direct = champagne.slice(-12).reduce((s, y, i) => s + Math.abs(y - champagne[champagne.length - 24 + i]), 0) / 12;
    expect(result.value.seasonalNaive.accuracy.mae).toBeCloseTo(direct, EXACT);
    // Naive: every month forecast as 1970-10 (6424).
    const naive = champagne.slice(-12).reduce((s, y) => s + Math.abs(y - 6424), 0) / 12;
    expect(result.value.naive.accuracy.mae).toBeCloseTo(naive, EXACT);
    expect(result.value.model.origins).toHaveLength(1);
    expect(result.value.model.origins[0].origin).toBe(82);
    // The model is the seasonal naive: equal, so it does not beat it.
    expect(result.value.verdict).toMatchObject({ beatsNaive: true, beatsSeasonalNaive: false, key: 'forecast.eval.verdict.beatsNaiveOnly' });
  });

  it('scores the last k values: seasonal-naive MAE on air passengers is 47.8', () => {
    const air = monthly('air-passengers.csv', 'traffic', 'date');
    const result = holdout(air, 12, seasonalNaive12, { period: 12 });
    if (!result.ok) throw new Error(result.error.message);
    // 1960 minus 1959: 57 49 13 65 52 63 74 47 45 54 28 27 = 574; 574 / 12 = 47.83.
    expect(result.value.seasonalNaive.accuracy.mae).toBeCloseTo(47.8, 1);
    expect(result.value.seasonalNaive.accuracy.mae).toBeCloseTo(574 / 12, EXACT);
    // Naive: every month of 1960 forecast as Dec 1959 (405): Σ|y − 405| = 912, /12 = 76.
    expect(result.value.naive.accuracy.mae).toBeCloseTo(76, EXACT);
  });

  it('fails when k leaves too little to train on', () => {
    const result = holdout(LINE, 9, (train, h) => ok(naiveForecast(train, h)));
    expect(result.ok ? null : result.error.code).toBe('EVAL_TOO_SHORT');
    expect(() => holdout(LINE, 0, (train, h) => ok(naiveForecast(train, h)))).toThrow(RangeError);
  });
});

describe('compareWithBaselines', () => {
  it('says which baselines the model beats on MAE, strictly', () => {
    expect(compareWithBaselines(40, 76, 47.8, 12).key).toBe('forecast.eval.verdict.beatsBoth');
    expect(compareWithBaselines(50, 76, 47.8, 12)).toMatchObject({ beatsNaive: true, beatsSeasonalNaive: false, key: 'forecast.eval.verdict.beatsNaiveOnly' });
    expect(compareWithBaselines(80, 76, 90, 12).key).toBe('forecast.eval.verdict.beatsSeasonalOnly');
    expect(compareWithBaselines(76, 76, 47.8, 12)).toMatchObject({ beatsNaive: false, beatsSeasonalNaive: false, key: 'forecast.eval.verdict.beatsNeither' });
  });

  it('names only the naive forecast when there is no season', () => {
    expect(compareWithBaselines(1, 2, 2, 1).key).toBe('forecast.eval.verdict.beatsNaive');
    expect(compareWithBaselines(3, 2, 2, 1)).toMatchObject({ key: 'forecast.eval.verdict.notNaive', params: { mae: 3, naive: 2, seasonalNaive: 2 } });
  });
});
