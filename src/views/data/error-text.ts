import type { AppError } from '../../core/shared/result';
import { hasMessage, t } from '../../lib/i18n/i18n';

/** The translated sentence for an error code; unknown codes fall back to the generic one. */
export function errorText(error: AppError): string {
  const key = `error.${error.code}`;
  const params = { ...error.params, detail: error.params?.detail ?? error.message };
  return hasMessage(key) ? t(key, params) : t('error.INTERNAL', { detail: error.message });
}
