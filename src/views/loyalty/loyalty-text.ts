/**
 * Words and figures of the loyalty screen that several parts share: engine errors in the
 * user's words, probabilities as figures, level names with numbers in the user's locale, and
 * the names of the two classes of a learnt outcome.
 */
import { formatEdge } from '../../core/bayes/quantile-bins';
import type { EvidenceColumn, EvidenceLevel, LearnedBayes } from '../../core/bayes/learned-bayes';
import type { AppError } from '../../core/shared/result';
import { formatDate, formatNumber, formatPercent, t } from '../../lib/i18n/i18n';
import { errorText as dataErrorText } from '../data/error-text';

/** An engine error as the user reads it; `params` adds or replaces values (a translated field name). */
export function errorText(error: AppError, params: Record<string, string | number> = {}): string {
  return dataErrorText({ ...error, params: { ...error.params, ...params } });
}

/** A probability as a figure of the working: up to three decimals (0.857). */
export function prob(value: number): string {
  return formatNumber(value, 3);
}

/** A probability as a percentage with one decimal (85.7%). */
export function pct(value: number): string {
  return formatPercent(value, 1);
}

/** A lift (posterior ÷ prior) with two decimals. */
export function lift(value: number): string {
  return formatNumber(value, 2);
}

/**
 * A level's name for people: a category value as written, a number in the locale, a bin as
 * "0 to 9" or "over 9 to 29" (dates as dates), and the missing level in words.
 */
export function levelName(level: EvidenceLevel, column: Pick<EvidenceColumn, 'kind'>): string {
  if (level.kind === 'missing') return t('loyalty.level.missing');
  const show = (v: number) => (column.kind === 'date' ? formatDate(v) : formatNumber(Number(formatEdge(v)), 6));
  if (level.kind === 'bin' && level.bin) {
    const { lower, upper, lowerIncluded } = level.bin;
    if (lower === upper) return show(lower);
    return t(lowerIncluded ? 'loyalty.level.binFirst' : 'loyalty.level.bin', { lower: show(lower), upper: show(upper) });
  }
  if (level.value !== undefined && column.kind !== 'category') return show(level.value);
  return level.label;
}

/** "Churn = No": the class counted as loyal. */
export function positiveName(learned: Pick<LearnedBayes, 'outcome' | 'positive'>): string {
  return t('loyalty.learn.classIs', { column: learned.outcome, value: learned.positive });
}

/** "Churn = Yes", or "Churn ≠ No" when the outcome has more than two values. */
export function negativeName(learned: Pick<LearnedBayes, 'outcome' | 'positive' | 'negativeValues'>): string {
  if (learned.negativeValues.length === 1) return t('loyalty.learn.classIs', { column: learned.outcome, value: learned.negativeValues[0] });
  return t('loyalty.learn.classIsNot', { column: learned.outcome, value: learned.positive });
}
