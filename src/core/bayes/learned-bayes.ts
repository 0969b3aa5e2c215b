/**
 * What learnBayes finds in a data set: the prior of the positive outcome and, for each
 * evidence column, how often each of its levels occurs among positives and negatives.
 */
import type { ReadingRules } from '../data/dataset';
import type { NumericBin } from './quantile-bins';

/** The key of the level that holds a column's missing values (no cell text can be this). */
export const MISSING_LEVEL_KEY = '\u0000missing';

/** Laplace smoothing adds this many pretend rows to every count. */
export const SMOOTHING = 1;

export interface LearnedPrior {
  /** Rows whose outcome is the positive value. */
  positive: number;
  /** Rows with any other outcome. */
  negative: number;
  total: number;
  /** Smoothed P(positive) = (positive + 1) / (total + 2): what the updates start from. */
  probability: number;
  /** Raw share positive / total. */
  observed: number;
}

export interface EvidenceLevel {
  /** Stable key for posteriorFor: the value as text, `bin:i`, or MISSING_LEVEL_KEY. */
  key: string;
  /** What to show: the value, the bin as an interval ("(2, 4]"), or "missing". */
  label: string;
  kind: 'value' | 'bin' | 'missing';
  /** For a bin: its edges (ms since the epoch for dates). */
  bin?: NumericBin;
  /** For a level of a number or date column with few distinct values: that value. */
  value?: number;
  countPositive: number;
  countNegative: number;
  count: number;
  /** Smoothed P(level | positive) = (countPositive + 1) / (positives + K), K = number of levels. */
  pGivenPositive: number;
  /** Smoothed P(level | negative) = (countNegative + 1) / (negatives + K). */
  pGivenNegative: number;
  /** P(positive | this level alone), by Bayes' rule from the smoothed prior and likelihoods. */
  posterior: number;
  /** posterior / prior: above 1 the level makes the positive outcome more likely. */
  lift: number;
  /** Raw share of positives among the level's rows (countPositive / count). */
  observedRate: number;
  /**
   * The class in which the level never occurs in the data (its raw count is 0), so its
   * probability there comes from smoothing alone; null when it occurs in both.
   */
  zeroIn: 'positive' | 'negative' | null;
}

export interface EvidenceColumn {
  column: string;
  /**
   * category: one level per value. number and date: quantile bins, or one level per value
   * when the column has no more distinct values than bins were asked for.
   */
  kind: 'category' | 'number' | 'date';
  /** For binned number and date columns: the distinct quantile edges; empty otherwise. */
  edges: number[];
  /** Category values (most frequent first), numbers or bins in ascending order; then the missing level if any. */
  levels: EvidenceLevel[];
  /** Rows (with an outcome) where this column is missing. */
  missing: number;
}

export interface LearnedBayes {
  outcome: string;
  /** The outcome value counted as positive, as written in the data. */
  positive: string;
  /** Every other outcome value, most frequent first. */
  negativeValues: string[];
  rows: { total: number; used: number; missingOutcome: number };
  prior: LearnedPrior;
  evidence: EvidenceColumn[];
  /** How the data set's text is read as numbers and dates, for levelOf. */
  reading: ReadingRules;
}
