/**
 * Checks of what the user asks fitForecast for — the series, the horizon, the season length,
 * the fixed weights and whether a model suits the data — each refused with a code the UI
 * turns into a message saying what to do (messages.en.ts, `error.FORECAST_*`).
 */
import { fail, ok, type Result } from '../shared/result';
import { isSeasonal, minimumLength, modelSpec, type ModelSpec, type ParamName } from './models';

/** Longest horizon: beyond it the simulated intervals would need too much memory, and no smoothing model says anything useful. */
export const MAX_HORIZON = 1000;

/** The first non-finite value, or the horizon, period and model id not being usable. */
export function checkRequest(series: readonly number[], horizon: number, model: string, period: number | undefined): Result<true> {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
    return fail('FORECAST_BAD_HORIZON', `The horizon must be a whole number from 1 to ${MAX_HORIZON}, got ${horizon}.`, {
      horizon: String(horizon),
      max: MAX_HORIZON,
    });
  }
  if (model !== 'auto' && modelSpec(model) === undefined) {
    return fail('FORECAST_UNKNOWN_MODEL', `There is no forecast model "${model}".`, { model });
  }
  const bad = series.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) {
    return fail('FORECAST_NOT_FINITE', `Value ${bad + 1} of the series is not a number (${series[bad]}).`, {
      position: bad + 1,
      value: String(series[bad]),
    });
  }
  const spec = modelSpec(model);
  const needsSeason = spec !== undefined && isSeasonal(spec);
  // 'auto' and the non-seasonal models accept no period or 1 (no season); a seasonal model needs 2 or more.
  const badPeriod = period === undefined ? needsSeason : !Number.isInteger(period) || period < (needsSeason ? 2 : 1);
  if (badPeriod) {
    return fail('FORECAST_BAD_PERIOD', `A seasonal model needs a season length of 2 or more whole periods, got ${period ?? 'none'}.`, {
      period: String(period ?? ''),
    });
  }
  return ok(true);
}

/** Allowed range of each fixed weight (γ's upper end depends on α when α is fixed too). */
export function checkFixedParams(fixed: Partial<Record<ParamName, number>>): Result<true> {
  const ranges: [ParamName, number, number][] = [
    ['alpha', 0, 1],
    ['beta', 0, 1],
    ['gamma', 0, fixed.alpha !== undefined ? 1 - fixed.alpha : 1],
    ['phi', 0, 1],
  ];
  for (const [name, min, max] of ranges) {
    const value = fixed[name];
    if (value === undefined) continue;
    // φ = 0 would remove the trend altogether, and γ = 1 with α free leaves α no room.
    const aboveMin = name === 'phi' ? value > min : value >= min;
    const belowMax = name === 'gamma' && fixed.alpha === undefined ? value < max : value <= max + 1e-12;
    if (!(Number.isFinite(value) && aboveMin && belowMax)) {
      return fail('FORECAST_BAD_PARAM', `${name} must be between ${min} and ${max}, got ${value}.`, { name, value: String(value), min, max });
    }
  }
  return ok(true);
}

/**
 * The most capable non-seasonal model the series is long enough for; simple exponential
 * smoothing for the shortest series (from 2 values it forecasts once α is set).
 */
function suggestionFor(n: number): ModelSpec {
  const ses = modelSpec('ses') as ModelSpec;
  return [modelSpec('holt') as ModelSpec, ses].find((m) => n >= minimumLength(m, 1)) ?? ses;
}

/** The fewest values any model is fitted on: simple exponential smoothing's with α set (2). */
export const SHORTEST_SERIES = minimumLength(modelSpec('ses') as ModelSpec, 1, new Set(['alpha']));

/**
 * Whether a model can be fitted to the series: positive values for a multiplicative
 * season, and enough values (two full seasons for Holt–Winters; for simple exponential
 * smoothing 2 with α set and 3 with α fitted, see minimumLength).
 * @param fixed the weights the user set
 * @returns ok, or the refusal with a suggestion of a model that fits
 */
export function checkModelFits(model: ModelSpec, series: readonly number[], period: number, fixed: Partial<Record<ParamName, number>> = {}): Result<true> {
  const n = series.length;
  if (n < SHORTEST_SERIES) {
    return fail('FORECAST_SERIES_TOO_SHORT', `A forecast needs at least ${SHORTEST_SERIES} values; the series has ${n}.`, {
      count: n,
      needed: SHORTEST_SERIES,
    });
  }
  if (model.season === 'multiplicative') {
    const bad = series.findIndex((v) => !(v > 0));
    if (bad >= 0) {
      return fail('FORECAST_NONPOSITIVE', `A multiplicative season needs values above 0; value ${bad + 1} is ${series[bad]}.`, {
        position: bad + 1,
        value: series[bad],
      });
    }
  }
  const held = new Set((Object.keys(fixed) as ParamName[]).filter((p) => fixed[p] !== undefined));
  const needed = minimumLength(model, period, held);
  if (n >= needed) return ok(true);
  if (model.id === 'ses') {
    // Only α fitted on 2 values gets here: the one error X_2 − X_1 does not depend on α.
    return fail(
      'FORECAST_TOO_SHORT_TO_FIT',
      `${model.name} needs at least ${needed} values to fit α; the series has ${n}. Set α, or add more history.`,
      { model: model.name, count: n, needed },
    );
  }
  const suggested = suggestionFor(n);
  const params = { model: model.name, count: n, needed, suggestion: suggested.name, suggestedModel: suggested.id };
  if (isSeasonal(model)) {
    return fail(
      'FORECAST_TOO_FEW_SEASONS',
      `${model.name} needs at least two full seasons (${needed} values for a season of ${period}); the series has ${n}. Try ${suggested.name}.`,
      { ...params, period },
    );
  }
  return fail('FORECAST_TOO_SHORT', `${model.name} needs at least ${needed} values; the series has ${n}. Try ${suggested.name}.`, params);
}
