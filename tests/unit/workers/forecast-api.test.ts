import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { forecastWorkerApi, type BacktestProgress } from '../../../src/workers/forecast-api';
import { fitForecast } from '../../../src/core/forecast/fit-forecast';
import { forecastTotals, totalGroups } from '../../../src/core/forecast/forecast-totals';
import { parsed } from '../../helpers/datasets';

const champagne = parsed(new Uint8Array(readFileSync(resolve(process.cwd(), 'public/samples/champagne-sales.csv'))));
const air = parsed(new Uint8Array(readFileSync(resolve(process.cwd(), 'public/samples/air-passengers.csv'))));
const CHAMPAGNE_VALUE = 'Perrin Freres monthly champagne sales millions ?64-?72';

function valuesOf(dataset: typeof champagne, date: string, value: string): { values: number[]; periods: string[] } {
  const made = forecastWorkerApi.series(dataset, { date, value, period: 'month', how: 'sum' });
  if (!made.ok) throw new Error(made.error.message);
  return { values: made.value.series.values, periods: made.value.series.periods };
}

describe('forecastWorkerApi.inspectDates', () => {
  it('reads the champagne months and the "Mon YYYY" air passenger dates as monthly, without day/month doubt', () => {
    expect(forecastWorkerApi.inspectDates(champagne, 'Month', 'dmy')).toEqual({ ok: true, value: { unit: 'month', ambiguousOrder: false, readable: 94 } });
    expect(forecastWorkerApi.inspectDates(air, 'date', 'dmy')).toEqual({ ok: true, value: { unit: 'month', ambiguousOrder: false, readable: 144 } });
  });

  it('says when numeric dates could be day-first or month-first, and reads them either way', () => {
    const ledger = parsed('when,amount\n03/04/2024,10\n04/04/2024,12\n05/04/2024,9\n', {});
    const dmy = forecastWorkerApi.inspectDates(ledger, 'when', 'dmy');
    const mdy = forecastWorkerApi.inspectDates(ledger, 'when', 'mdy');
    expect(dmy.ok && dmy.value.ambiguousOrder).toBe(true);
    // 3, 4 and 5 April are a day apart; 4 March, 4 April and 4 May a month apart.
    expect(dmy.ok && dmy.value.unit).toBe('day');
    expect(mdy.ok && mdy.value.unit).toBe('month');
  });

  it('answers SERIES_UNKNOWN_COLUMN for a column that is not there', () => {
    const result = forecastWorkerApi.inspectDates(champagne, 'Nope', 'dmy');
    expect(!result.ok && result.error.code).toBe('SERIES_UNKNOWN_COLUMN');
  });
});

describe('forecastWorkerApi.series', () => {
  it('makes the champagne series and finds its season of 12', () => {
    const made = forecastWorkerApi.series(champagne, { date: 'Month', value: CHAMPAGNE_VALUE, period: 'month', how: 'sum' });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.value.series.values.length).toBe(94);
    expect(made.value.series.periods[0]).toBe('1964-01');
    expect(made.value.natural).toBe(12);
    expect(made.value.season.period).toBe(12);
  });

  it('refuses a text column as the values with the engine’s code', () => {
    const made = forecastWorkerApi.series(champagne, { date: 'Month', value: 'Month', period: 'month', how: 'sum' });
    expect(!made.ok && made.error.code).toBe('SERIES_VALUE_NOT_NUMERIC');
  });

  it('refuses dates that cannot be read, with example rows as the file numbers them', () => {
    const notes = parsed('when,amount\nsoon,10\nlater,12\n,9\n');
    const made = forecastWorkerApi.series(notes, { date: 'when', value: 'amount', period: 'month', how: 'sum' });
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.error.code).toBe('SERIES_NO_DATES');
    expect(made.error.params?.examples).toBe('2: "soon", 3: "later", 4: ""');
  });
});

describe('forecastWorkerApi.fit', () => {
  const { values, periods } = valuesOf(champagne, 'Month', CHAMPAGNE_VALUE);

  it('fits the automatic choice, names the forecast periods and runs the hold-out test', () => {
    const fitted = forecastWorkerApi.fit(values, periods[periods.length - 1], 'month', { model: 'auto', period: 12 }, 12, 12, 12);
    expect(fitted.ok).toBe(true);
    if (!fitted.ok) return;
    const { forecast, futurePeriods, holdout } = fitted.value;
    // The same fit as the engine's, asked for the ranges of the calendar totals of the periods.
    const totals = totalGroups(futurePeriods, 'month').map((group) => group.steps);
    expect(forecast).toEqual((fitForecast(values, { model: 'auto', period: 12, horizon: 12, totals }) as { value: unknown }).value);
    expect(futurePeriods[0]).toBe('1971-11');
    expect(futurePeriods[11]).toBe('1972-10');
    expect(holdout?.ok).toBe(true);
    if (!holdout?.ok) return;
    // The engine's reference test: 400.1 for the automatic choice, 830.3 for seasonal naive.
    expect(holdout.value.model.accuracy.mae).toBeCloseTo(400.08, 1);
    expect(holdout.value.seasonalNaive.accuracy.mae).toBeCloseTo(830.33, 1);
    expect(holdout.value.verdict.key).toBe('forecast.eval.verdict.beatsBoth');
  });

  it('asks for the range of every calendar total and fills the totals table from them', () => {
    // Additive errors: the ranges per period are analytic, those of the totals simulated.
    const fitted = forecastWorkerApi.fit(values, '1971-10', 'month', { model: 'holt-winters-additive', period: 12 }, 12, 0, 12);
    if (!fitted.ok) throw new Error(fitted.error.message);
    const { forecast, futurePeriods } = fitted.value;
    const groups = totalGroups(futurePeriods, 'month');
    // 1971-Q4 (2 months), 1972-Q1…Q3, 1972-Q4 (1 month: 1972-10), 1971, 1972, the whole horizon.
    expect(forecast.totals?.map((total) => total.steps)).toEqual(groups.map((group) => group.steps));
    const totals = forecastTotals(futurePeriods, 'month', forecast.forecast, forecast.totals);
    expect(totals.map((total) => total.key)).toEqual(['1971-Q4', '1972-Q1', '1972-Q2', '1972-Q3', '1972-Q4', '1971', '1972', '']);
    totals.forEach((total, i) => {
      // The point totals are the rows' sums, the very numbers the engine gives.
      expect(total.total).toBe(forecast.totals![i].total);
      const range = total.range!;
      expect(range).toEqual({ lower80: forecast.totals![i].lower80, upper80: forecast.totals![i].upper80, lower95: forecast.totals![i].lower95, upper95: forecast.totals![i].upper95 });
      expect(range.lower95).toBeLessThanOrEqual(range.lower80);
      expect(range.lower80).toBeLessThanOrEqual(total.total);
      expect(total.total).toBeLessThanOrEqual(range.upper80);
      expect(range.upper80).toBeLessThanOrEqual(range.upper95);
    });
    // A one-period group (1972-Q4 is 1972-10 alone, step 11): its range is that period's own.
    // Not to the digit: the period's range is analytic (ŷ ± z·σ_h), the total's is the 10 %, 90 %,
    // 2.5 % and 97.5 % quantiles of 5000 simulated paths (seeded, so this test is repeatable). A
    // quantile of 5000 normal draws has a standard error of about 0.024·σ_h (10 %/90 %) and
    // 0.038·σ_h (2.5 %/97.5 %), so 0.15·σ_h is about 4 standard errors: loose enough for any
    // seed, tight enough to catch a wrong step (the next period's range is off by more) or a
    // sum of ranges.
    const single = totals[4];
    expect(single.steps).toEqual([11]);
    const sigmaH = (forecast.upper95[11] - forecast.lower95[11]) / (2 * 1.959964);
    const tolerance = 0.15 * sigmaH;
    expect(Math.abs(single.range!.lower80 - forecast.lower80[11])).toBeLessThan(tolerance);
    expect(Math.abs(single.range!.upper80 - forecast.upper80[11])).toBeLessThan(tolerance);
    expect(Math.abs(single.range!.lower95 - forecast.lower95[11])).toBeLessThan(tolerance);
    expect(Math.abs(single.range!.upper95 - forecast.upper95[11])).toBeLessThan(tolerance);
    // A sum of 12 months is less certain than any one month of it.
    const whole = totals[7].range!;
    expect(whole.upper80 - whole.lower80).toBeGreaterThan(forecast.upper80[11] - forecast.lower80[11]);
  });

  it('holds a weight set by hand in the fit and in the hold-out refit', () => {
    const fitted = forecastWorkerApi.fit(values, '1971-10', 'month', { model: 'holt-winters-additive', period: 12, alpha: 0.2 }, 3, 12, 12);
    expect(fitted.ok).toBe(true);
    if (!fitted.ok) return;
    expect(fitted.value.forecast.params.alpha).toBe(0.2);
    expect(fitted.value.forecast.fittedParams).not.toContain('alpha');
    expect(fitted.value.futurePeriods).toEqual(['1971-11', '1971-12', '1972-01']);
  });

  it('passes on the engine’s refusal with its suggestion', () => {
    const fitted = forecastWorkerApi.fit(values.slice(0, 20), '1965-08', 'month', { model: 'holt-winters-multiplicative', period: 12 }, 12, 4, 12);
    expect(fitted.ok).toBe(false);
    if (fitted.ok) return;
    expect(fitted.error.code).toBe('FORECAST_TOO_FEW_SEASONS');
    expect(fitted.error.params?.suggestedModel).toBe('holt');
  });

  it('reports a hold-out that cannot run beside a forecast that can', () => {
    // 30 values: the model fits, but 24 training values leave Holt–Winters no second season… of 13.
    const fitted = forecastWorkerApi.fit(values.slice(0, 30), '1966-06', 'month', { model: 'holt-winters-additive', period: 13 }, 6, 6, 13);
    expect(fitted.ok).toBe(true);
    if (!fitted.ok) return;
    expect(fitted.value.holdout?.ok).toBe(false);
    if (fitted.value.holdout && !fitted.value.holdout.ok) expect(fitted.value.holdout.error.code).toBe('FORECAST_TOO_FEW_SEASONS');
  });

  it('skips the test when nothing is held out', () => {
    const fitted = forecastWorkerApi.fit(values, '1971-10', 'month', { model: 'ses' }, 2, 0, 12);
    expect(fitted.ok && fitted.value.holdout).toBeNull();
  });

  it('scores a model without a season against the seasonal-naive of the season length it is given', () => {
    const withSeason = forecastWorkerApi.fit(values, '1971-10', 'month', { model: 'ses' }, 2, 12, 12);
    const naiveOnly = forecastWorkerApi.fit(values, '1971-10', 'month', { model: 'ses' }, 2, 12, 1);
    if (!withSeason.ok || !naiveOnly.ok || !withSeason.value.holdout?.ok || !naiveOnly.value.holdout?.ok) throw new Error('fit failed');
    const seasonal = withSeason.value.holdout.value;
    expect(seasonal.period).toBe(12);
    expect(seasonal.seasonalNaive.accuracy.mae).toBeCloseTo(830.33, 1);
    expect(seasonal.model.accuracy.masePeriod).toBe(12);
    // The same forecasts either way: only the baselines and the MASE scale change.
    expect(seasonal.model.accuracy.mae).toBe(naiveOnly.value.holdout.value.model.accuracy.mae);
    expect(naiveOnly.value.holdout.value.period).toBe(1);
  });
});

describe('forecastWorkerApi.backtest', () => {
  const { values } = valuesOf(champagne, 'Month', CHAMPAGNE_VALUE);

  it('refits at every origin and reports progress up to the last origin', () => {
    const progress: BacktestProgress[] = [];
    const result = forecastWorkerApi.backtest(values, { model: 'holt-winters-additive', period: 12 }, { initial: 58, horizon: 12, step: 6, period: 12 }, (p) => {
      progress.push(p);
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Origins 58, 64, 70, 76, 82: each followed by 12 actual values.
    expect(result.value.evaluation.model.origins.map((o) => o.origin)).toEqual([58, 64, 70, 76, 82]);
    expect(progress[progress.length - 1]).toEqual({ done: 5, total: 5 });
  });

  it('counts the actual values inside the ranges each origin forecast', () => {
    const result = forecastWorkerApi.backtest(values, { model: 'holt-winters-additive', period: 12 }, { initial: 58, horizon: 12, step: 12, period: 12 });
    if (!result.ok) throw new Error(result.error.message);
    // Recounted here from fits of our own at origins 58, 70 and 82.
    let inside80 = 0;
    let inside95 = 0;
    for (const origin of [58, 70, 82]) {
      const fit = fitForecast(values.slice(0, origin), { model: 'holt-winters-additive', period: 12, horizon: 12 });
      if (!fit.ok) throw new Error(fit.error.message);
      values.slice(origin, origin + 12).forEach((actual, h) => {
        if (actual >= fit.value.lower80[h] && actual <= fit.value.upper80[h]) inside80++;
        if (actual >= fit.value.lower95[h] && actual <= fit.value.upper95[h]) inside95++;
      });
    }
    expect(result.value.coverage).toEqual({ count: 36, inside80, inside95 });
    expect(inside95).toBeGreaterThanOrEqual(inside80);
  });

  it('answers EVAL_TOO_SHORT when no origin fits, and INTERNAL for a step that is not whole', () => {
    const short = forecastWorkerApi.backtest(values.slice(0, 20), { model: 'ses' }, { initial: 15, horizon: 12, step: 1, period: 1 });
    expect(!short.ok && short.error.code).toBe('EVAL_TOO_SHORT');
    const bad = forecastWorkerApi.backtest(values, { model: 'ses' }, { initial: 58, horizon: 12, step: 0.5, period: 1 });
    expect(!bad.ok && bad.error.code).toBe('INTERNAL');
  });
});

describe('forecastWorkerApi.series with keepPartial and fill', () => {
  // 10 a day in January and March, nothing in February, and only 1 to 10 April.
  const lines = ['when,amount'];
  for (const month of ['01', '03']) for (let day = 1; day <= 28; day++) lines.push(`2024-${month}-${String(day).padStart(2, '0')},10`);
  for (let day = 1; day <= 10; day++) lines.push(`2024-04-${String(day).padStart(2, '0')},10`);
  const ledger = parsed(lines.join('\n') + '\n');
  const base = { date: 'when', value: 'amount', period: 'month', how: 'sum' } as const;
  const codes = (made: ReturnType<typeof forecastWorkerApi.series>) => (made.ok ? made.value.series.details.map((note) => note.code) : []);

  it('passes both options to aggregateSeries: the part-month is kept and the empty month filled on a line', () => {
    const plain = forecastWorkerApi.series(ledger, base);
    expect(plain.ok && plain.value.series.values).toEqual([280, 0, 280]);
    expect(codes(plain)).toEqual(expect.arrayContaining(['SERIES_PARTIAL_DROPPED', 'SERIES_GAPS_ZERO']));
    const asked = forecastWorkerApi.series(ledger, { ...base, keepPartial: true, fill: 'interpolate' });
    expect(asked.ok && asked.value.series.values).toEqual([280, 280, 280, 100]);
    expect(codes(asked)).toEqual(expect.arrayContaining(['SERIES_PARTIAL_KEPT', 'SERIES_GAPS_INTERPOLATED_TOTALS']));
  });
});
