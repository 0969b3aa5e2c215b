/**
 * The text of a plan notice, translated: the notice's key filled with its values, and for a
 * failure (or a notice's `cause`) the translated sentence of its error code as {reason}. An error's English
 * `message` is for logs and never shown.
 */
import { t } from '../../lib/i18n/i18n';
import { errorText } from '../data/error-text';
import type { PlanNotice } from './plan.svelte';

export function planNoticeText(notice: PlanNotice): string {
  if (notice.kind === 'error') {
    const reason = errorText(notice.error);
    return notice.key ? t(notice.key, { ...notice.params, reason }) : reason;
  }
  return t(notice.key, notice.cause ? { ...notice.params, reason: errorText(notice.cause) } : notice.params);
}
