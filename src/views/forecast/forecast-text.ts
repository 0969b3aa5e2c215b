/**
 * Words of the forecast screen that depend on engine values: model names, weight names, and
 * error messages whose parameters name models (the engine names them in English; the screen
 * names them in the interface's language).
 */
import { MODELS, type ModelId, type ParamName } from '../../core/forecast/models';
import type { AppError } from '../../core/shared/result';
import { hasMessage, t } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/messages.en';
import { errorText } from '../data/error-text';
import type { ModelChoice } from './forecast.svelte';

/** The interface's name of a model ('auto' is the automatic choice). */
export function modelName(model: ModelChoice | string): string {
  const key = `forecast.model.${model}`;
  return hasMessage(key) ? t(key) : model;
}

/** α, β, γ or φ. */
export function weightSymbol(name: ParamName): string {
  return t(`forecast.symbol.${name}` as MessageKey);
}

/** The message of a fit or backtest failure, with the models named in the interface's words. */
export function forecastErrorText(error: AppError, requested: ModelChoice): string {
  const params: Record<string, string | number> = { ...error.params };
  if (typeof params.suggestedModel === 'string') params.suggestion = modelName(params.suggestedModel);
  if (typeof params.model === 'string') {
    // The engine names models in English ('Holt–Winters with an additive season') or by id.
    const named = params.model;
    const spec = MODELS.find((m) => m.name === named || m.id === named);
    params.model = modelName(spec?.id ?? (named === 'auto' ? 'auto' : requested));
  }
  if (typeof params.name === 'string' && ['alpha', 'beta', 'gamma', 'phi'].includes(params.name)) params.name = weightSymbol(params.name as ParamName);
  return errorText({ ...error, params });
}

/** Why a model was left out of the automatic choice. */
export function skippedText(model: ModelId, code: string, params: Record<string, string | number> | undefined): string {
  return forecastErrorText({ code, message: code, params: { ...params, model } }, model);
}
