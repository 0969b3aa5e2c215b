/**
 * Learning Bayes' rule from a data set: the prior of an outcome (renewed, churned) and, for
 * each evidence column, the likelihood of each of its levels among positives and negatives,
 * with Laplace smoothing so a level never seen in one class does not get probability 0.
 */
import type { Column, Dataset } from '../data/dataset';
import { columnStrings } from '../data/dataset-access';
import { booleanValueOf } from '../data/boolean-values';
import { fail, ok, type Result } from '../shared/result';
import { bayesPosterior } from './bayes-rule';
import { binnedKind, categoryCounts, columnLevels, type ColumnLevels } from './evidence-levels';
import { SMOOTHING, type EvidenceColumn, type EvidenceLevel, type LearnedBayes, type LearnedPrior } from './learned-bayes';

export interface LearnBayesOptions {
  /** The column with the outcome. */
  outcome: string;
  /** The outcome value counted as positive (e.g. 'Yes' for renewed). */
  positive: string;
  /** Columns whose values are the evidence. */
  evidence: string[];
  /** Quantile bins for number and date columns. @default 4 */
  bins?: number;
}

export const DEFAULT_BINS = 4;
export const MAX_BINS = 20;
/** A category column with more values than this looks like an identifier, not evidence. */
export const MAX_EVIDENCE_LEVELS = 50;

/**
 * Learns the prior and the per-level likelihoods of an outcome from a data set. Rows whose
 * outcome is missing are left out (and counted); missing evidence is a level of its own.
 * @returns the learned tables, or why they cannot be learned (see the error codes in the report)
 * @example learnBayes(dataset, { outcome: 'renewed', positive: 'yes', evidence: ['service', 'tenure'] })
 */
export function learnBayes(dataset: Dataset, options: LearnBayesOptions): Result<LearnedBayes> {
  const bins = options.bins ?? DEFAULT_BINS;
  if (!Number.isInteger(bins) || bins < 2 || bins > MAX_BINS) {
    return fail('BINS_INVALID', `The number of bins is ${bins}; use a whole number from 2 to ${MAX_BINS}.`, { bins: String(bins), max: MAX_BINS });
  }
  const outcomeColumn = findColumn(dataset, options.outcome);
  if (!outcomeColumn) return columnNotFound(options.outcome);

  const outcomes = columnStrings(outcomeColumn);
  const used = new Uint8Array(dataset.rowCount);
  for (let row = 0; row < dataset.rowCount; row++) used[row] = outcomes[row] === null ? 0 : 1;
  const usedCount = used.reduce((n, u) => n + u, 0);
  const missingOutcome = dataset.rowCount - usedCount;
  if (usedCount === 0) {
    return fail('OUTCOME_NO_ROWS', `No row has a value in "${options.outcome}"; choose another outcome column or load data where it is filled in.`, {
      column: options.outcome,
      missing: missingOutcome,
    });
  }
  const outcomeValues = [...categoryCounts(outcomes, used).keys()];
  if (outcomeValues.length === 1) {
    return fail(
      'OUTCOME_SINGLE_VALUE',
      `Every row of "${options.outcome}" is "${outcomeValues[0]}"; both outcomes are needed to learn what tells them apart, so choose another column.`,
      { column: options.outcome, value: outcomeValues[0] },
    );
  }
  const positive = matchOutcomeValue(outcomeValues, options.positive, outcomeColumn);
  if (positive === null) {
    return fail('POSITIVE_NOT_FOUND', `The column "${options.outcome}" has no value "${options.positive}"; pick one of its values: ${listValues(outcomeValues)}.`, {
      column: options.outcome,
      value: options.positive,
      values: listValues(outcomeValues),
    });
  }

  const evidenceNames = [...new Set(options.evidence)];
  if (evidenceNames.length === 0) return fail('NO_EVIDENCE', 'No evidence column is chosen; pick at least one column whose values may tell the outcomes apart.');
  const evidenceColumns: Column[] = [];
  for (const name of evidenceNames) {
    if (name === options.outcome) {
      return fail('EVIDENCE_IS_OUTCOME', `"${name}" is the outcome itself and cannot be its own evidence; remove it from the evidence columns.`, { column: name });
    }
    const column = findColumn(dataset, name);
    if (!column) return columnNotFound(name);
    if (binnedKind(column) === null) {
      const levels = categoryCounts(columnStrings(column), used).size;
      if (levels > MAX_EVIDENCE_LEVELS) {
        return fail(
          'EVIDENCE_TOO_MANY_LEVELS',
          `"${name}" has ${levels} different values (at most ${MAX_EVIDENCE_LEVELS} are allowed), so it looks like an identifier; pick another column, or make it a number column so it is binned.`,
          { column: name, count: levels, max: MAX_EVIDENCE_LEVELS },
        );
      }
    }
    evidenceColumns.push(column);
  }

  const isPositive = new Uint8Array(dataset.rowCount);
  let nPos = 0;
  for (let row = 0; row < dataset.rowCount; row++) {
    if (used[row] && outcomes[row] === positive) {
      isPositive[row] = 1;
      nPos++;
    }
  }
  const nNeg = usedCount - nPos;
  const prior: LearnedPrior = {
    positive: nPos,
    negative: nNeg,
    total: usedCount,
    probability: (nPos + SMOOTHING) / (usedCount + 2 * SMOOTHING),
    observed: nPos / usedCount,
  };
  const evidence = evidenceColumns.map((column): EvidenceColumn => {
    const shape = columnLevels(column, used, bins, dataset.source);
    return { column: column.name, kind: shape.kind, edges: shape.edges, levels: levelStats(shape, isPositive, prior), missing: shape.missing };
  });
  return ok({
    outcome: options.outcome,
    positive,
    negativeValues: outcomeValues.filter((v) => v !== positive),
    rows: { total: dataset.rowCount, used: usedCount, missingOutcome },
    prior,
    evidence,
    reading: { decimal: dataset.source.decimal, dateOrder: dataset.source.dateOrder ?? 'dmy' },
  });
}

/** Counts per level and class, the smoothed likelihoods and the single-evidence posterior. */
function levelStats(shape: ColumnLevels, isPositive: Uint8Array, prior: LearnedPrior): EvidenceLevel[] {
  const k = shape.levels.length;
  const pos = new Array<number>(k).fill(0);
  const neg = new Array<number>(k).fill(0);
  shape.levelOfRow.forEach((level, row) => {
    if (level < 0) return;
    if (isPositive[row]) pos[level]++;
    else neg[level]++;
  });
  return shape.levels.map((level, i): EvidenceLevel => {
    const pGivenPositive = (pos[i] + SMOOTHING) / (prior.positive + SMOOTHING * k);
    const pGivenNegative = (neg[i] + SMOOTHING) / (prior.negative + SMOOTHING * k);
    const { posterior } = bayesPosterior({ prior: prior.probability, likelihood: pGivenPositive, falseAlarm: pGivenNegative });
    const count = pos[i] + neg[i];
    return {
      ...level,
      countPositive: pos[i],
      countNegative: neg[i],
      count,
      pGivenPositive,
      pGivenNegative,
      posterior,
      lift: posterior / prior.probability,
      observedRate: count > 0 ? pos[i] / count : 0,
      zeroIn: pos[i] === 0 ? 'positive' : neg[i] === 0 ? 'negative' : null,
    };
  });
}

function findColumn(dataset: Dataset, name: string): Column | undefined {
  return dataset.columns.find((c) => c.name === name);
}

function columnNotFound(name: string): Result<never> {
  return fail('COLUMN_NOT_FOUND', `The data set has no column "${name}"; choose one of its columns.`, { column: name });
}

/**
 * The outcome value the user meant: exact, else the one value equal ignoring case and
 * surrounding spaces, else (for a yes/no column) the value with the same yes/no meaning.
 */
function matchOutcomeValue(values: readonly string[], wanted: string, column: Column): string | null {
  if (values.includes(wanted)) return wanted;
  const folded = wanted.trim().toLowerCase();
  const loose = values.filter((v) => v.trim().toLowerCase() === folded);
  if (loose.length === 1) return loose[0];
  if (column.type === 'boolean') {
    const meaning = booleanValueOf(wanted);
    const same = meaning === null ? [] : values.filter((v) => booleanValueOf(v) === meaning);
    if (same.length === 1) return same[0];
  }
  return null;
}

/** The first few values for a message: "Yes, No" or "a, b, c, … (12 in all)". */
function listValues(values: readonly string[]): string {
  const shown = values.slice(0, 5).map((v) => `"${v}"`).join(', ');
  return values.length > 5 ? `${shown}, … (${values.length} in all)` : shown;
}
