import type { DataIssue } from '../../core/data/dataset';
import { hasMessage, t } from '../../lib/i18n/i18n';

/** The translated sentence for an import problem; the engine's English is the fallback. */
export function issueText(issue: DataIssue): string {
  const key = `issue.${issue.code}`;
  if (!hasMessage(key)) return issue.message;
  const params: Record<string, string | number> = { ...issue.params };
  if (issue.row !== undefined) params.row = issue.row;
  if (issue.column !== undefined) params.column = issue.column;
  if (typeof params.expected === 'string' && issue.code === 'MIXED_TYPE') params.expected = t(params.expected === 'date' ? 'type.date' : 'type.number').toLowerCase();
  if (issue.code === 'MORE_ISSUES') params.kind = issueKindName(params.kind);
  let text = t(key, params);
  if (typeof params.more === 'number' && params.more > 0) text += ` (${t('issue.more', { count: params.more })})`;
  return text;
}

/** The kind of problem a MORE_ISSUES entry counts, in words ("rows with too few cells"). */
function issueKindName(kind: string | number | undefined): string {
  const key = `issueKind.${kind}`;
  return hasMessage(key) ? t(key) : t('issueKind.other');
}
