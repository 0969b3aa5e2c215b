/**
 * The equations of a smoothing model written out with the weights in use, as a teacher
 * writes them on the board: "S_t = 0.6·X_t + 0.4·S_(t−1)". Simple exponential smoothing uses
 * the textbook names (X_t the value, S_t the smoothed level); Holt and Holt–Winters use FPP's
 * component names (ℓ level, b trend, s season) in the engine's component form (recursions.ts).
 */
import type { ForecastParams } from '../../core/forecast/fit-forecast';
import type { ModelId } from '../../core/forecast/models';
import { formatNumber, t } from '../i18n/i18n';

/** One equation and what it is for. */
export interface FormulaLine {
  /** 'forecast' (one step ahead), 'level', 'trend', 'season', 'error' or 'ahead' (h steps). */
  part: 'forecast' | 'level' | 'trend' | 'season' | 'error' | 'ahead';
  text: string;
}

/** Decimals of the weights in the equations. */
const WEIGHT_DIGITS = 3;

const weight = (value: number) => formatNumber(value, WEIGHT_DIGITS);

/**
 * The equations of `model` with `params` filled in.
 * @param model the model whose equations to write
 * @param params the weights used (fitted or set)
 * @param season the season length m, for the seasonal models
 * @example formulaLines('ses', { alpha: 0.6 }, null)[1].text // 'S_t = 0.6·X_t + 0.4·S_(t−1)'
 */
export function formulaLines(model: ModelId, params: ForecastParams, season: number | null): FormulaLine[] {
  const alpha = weight(params.alpha);
  const rest = weight(1 - params.alpha);
  if (model === 'ses') {
    return [
      { part: 'forecast', text: t('forecast.formula.ses.forecast') },
      { part: 'level', text: t('forecast.formula.ses.level', { alpha, rest }) },
      { part: 'error', text: t('forecast.formula.error') },
      { part: 'ahead', text: t('forecast.formula.ses.ahead') },
    ];
  }
  const damped = model === 'holt-damped' || model.endsWith('-damped');
  const phi = damped ? weight(params.phi ?? 1) : '';
  const damp = damped ? `${phi}·` : '';
  const beta = weight(params.beta ?? 0);
  const betaRest = weight(1 - (params.beta ?? 0));
  const trendPart = damped ? t('forecast.formula.aheadTrend.damped', { phi }) : t('forecast.formula.aheadTrend.linear');
  const trend: FormulaLine = { part: 'trend', text: t('forecast.formula.trend', { beta, betaRest, damp }) };
  if (model === 'holt' || model === 'holt-damped') {
    return [
      { part: 'forecast', text: t('forecast.formula.holt.forecast', { damp }) },
      { part: 'level', text: t('forecast.formula.holt.level', { alpha, rest, damp }) },
      trend,
      { part: 'error', text: t('forecast.formula.error') },
      { part: 'ahead', text: t('forecast.formula.holt.ahead', { trendPart }) },
    ];
  }
  const m = String(season ?? 'm');
  const gamma = weight(params.gamma ?? 0);
  const gammaRest = weight(1 - (params.gamma ?? 0));
  const kind = model.startsWith('holt-winters-multiplicative') ? 'hwm' : 'hwa';
  return [
    { part: 'forecast', text: t(`forecast.formula.${kind}.forecast`, { damp, m }) },
    { part: 'level', text: t(`forecast.formula.${kind}.level`, { alpha, rest, damp, m }) },
    trend,
    { part: 'season', text: t(`forecast.formula.${kind}.season`, { gamma, gammaRest, damp, m }) },
    { part: 'error', text: t('forecast.formula.error') },
    { part: 'ahead', text: t(`forecast.formula.${kind}.ahead`, { trendPart, m }) },
  ];
}
