/**
 * The baselines a forecast is judged against: the naive forecast always, and the
 * seasonal-naive one with a season length: the model's season, or, when the model has none,
 * the unit's usual season (12 months, 4 quarters, 7 days, 52 weeks; years have none). The
 * MASE is scaled by the same season length. Also the shortest first training length a
 * backtest accepts, which follows from it.
 */
import { minimumLength, modelSpec, type ModelId, type ParamName } from '../../core/forecast/models';

/** Where the season length of the baselines comes from. */
export interface Baselines {
  /** Season length of the seasonal-naive baseline and of the MASE scale; 1 = the naive forecast only. */
  period: number;
  /** 'model': the model's season; 'unit': the unit's usual season (the model has none); 'none': no season. */
  from: 'model' | 'unit' | 'none';
  /** The unit's usual season when the training values are too few for it (a whole season and one more), else null. */
  tooShortFor: number | null;
}

/**
 * The season length of the baselines.
 * @param season the model's season length (1 = none)
 * @param natural the unit's usual season length (1 for years)
 * @param training the training values the evaluation starts from (series length − hold-out)
 * @example baselinesFor(1, 12, 82) // { period: 12, from: 'unit', tooShortFor: null }
 * @example baselinesFor(1, 12, 10) // { period: 1, from: 'none', tooShortFor: 12 }
 */
export function baselinesFor(season: number, natural: number, training: number): Baselines {
  if (season >= 2) return { period: season, from: 'model', tooShortFor: null };
  if (natural < 2) return { period: 1, from: 'none', tooShortFor: null };
  if (training < evaluationMinimumTraining(natural)) return { period: 1, from: 'none', tooShortFor: natural };
  return { period: natural, from: 'unit', tooShortFor: null };
}

/**
 * The fewest training values rolling-origin evaluation accepts at its first origin with this
 * season length: one whole season for the seasonal-naive forecast and one value more for the
 * MASE scale, and at least 2 (rollingOrigin in core/forecast/evaluate.ts answers EVAL_TOO_SHORT
 * below it, with this number as `minTrain`).
 * @example evaluationMinimumTraining(12) // 13
 */
export function evaluationMinimumTraining(period: number): number {
  return period > 1 ? period + 1 : 2;
}

/**
 * The shortest first training length of a backtest: what the evaluation needs (above) and
 * what the model needs to be fitted (minimumLength; the automatic choice needs what simple
 * exponential smoothing needs, the simplest model it tries).
 * @param model the model setting
 * @param season the model's season length (1 = none)
 * @param baselinePeriod the baselines' season length
 * @param fixed the weights set by hand
 * @example backtestMinimumStart('holt-winters-additive', 12, 12) // 24: two seasons
 * @example backtestMinimumStart('auto', 1, 12) // 13: a season and one value for the baselines
 */
export function backtestMinimumStart(model: ModelId | 'auto', season: number, baselinePeriod: number, fixed: ReadonlySet<ParamName> = new Set()): number {
  const spec = modelSpec(model === 'auto' ? 'ses' : model);
  const fitting = spec ? minimumLength(spec, model === 'auto' ? 1 : Math.max(season, 1), model === 'auto' ? new Set() : fixed) : 2;
  return Math.max(evaluationMinimumTraining(baselinePeriod), fitting);
}
