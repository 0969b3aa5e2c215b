/**
 * The loyalty screen's analyses in one call each: Bayes' rule typed in by hand (a chain of
 * updates, each with its natural-frequency tree and icon array), a description of a data
 * set's columns (to guess the outcome and flag identifiers), and the naive-Bayes posterior
 * of a combination of learnt levels with a frequency tree of the same numbers.
 */
import { bayesChain, type ChainEvidence } from './bayes-chain';
import type { BayesStep } from './bayes-rule';
import { binnedKind, categoryCounts } from './evidence-levels';
import { MAX_EVIDENCE_LEVELS } from './learn-bayes';
import type { LearnedBayes } from './learned-bayes';
import { iconArray, naturalFrequencies, type IconArray, type NaturalFrequencies } from './natural-frequencies';
import { posteriorFor, type CombinedPosterior } from './posterior-for';
import type { ColumnType, Dataset } from '../data/dataset';
import { columnStrings } from '../data/dataset-access';
import { fail, ok, type Result } from '../shared/result';

/** People in a hand-typed frequency tree, and icons in its icon array. */
export const TREE_POPULATION = 1000;
export const ICONS = 100;
/** Values of a column listed for the outcome choice (most frequent first). */
export const MAX_LISTED_VALUES = 50;
/** A combined tree grows (×10) until at least this many people show the evidence. */
const MIN_WITH_EVIDENCE = 100;
const MAX_TREE_POPULATION = 10_000_000;

export interface CalculatorRequest {
  /** P(loyal) before any evidence. */
  prior: number;
  /** The pieces of evidence in the order they arrive. */
  evidence: ChainEvidence[];
}

/** One update with its working drawn as counts of people. */
export interface WorkedStep {
  step: BayesStep;
  tree: NaturalFrequencies;
  icons: IconArray;
}

export interface CalculatorOutcome {
  steps: WorkedStep[];
  /** The posterior after the last piece of evidence. */
  posterior: number;
}

/** What the setup needs to know about a column of the data set. */
export interface ColumnInfo {
  name: string;
  type: ColumnType;
  /** Distinct non-missing values. */
  distinct: number;
  missing: number;
  /** The most frequent values with their counts (at most MAX_LISTED_VALUES). */
  values: { value: string; count: number }[];
  /** Numbers and dates are cut into bins; other columns are taken value by value. */
  binned: boolean;
  /**
   * Why the column makes poor evidence: an identifier (unique per row), a single value, or
   * more values than the engine takes as levels.
   */
  flag: 'id' | 'constant' | 'manyLevels' | null;
}

/** A combination's posterior, with the same numbers as a frequency tree. */
export interface CombinedOutcome {
  combined: CombinedPosterior;
  /**
   * The tree of the prior and the product of the chosen levels' likelihoods (the naive-Bayes
   * assumption), so its counts give the same posterior; null when nothing is chosen.
   */
  tree: NaturalFrequencies | null;
}

/** The chain of updates of a hand-typed calculation, each step with its tree and icon array. */
export function calculate(request: CalculatorRequest): Result<CalculatorOutcome> {
  const chain = bayesChain(request.prior, request.evidence);
  if (!chain.ok) return chain;
  const steps: WorkedStep[] = [];
  for (const step of chain.value) {
    const tree = naturalFrequencies(step, TREE_POPULATION);
    if (!tree.ok) return tree;
    const icons = iconArray(step, ICONS);
    if (!icons.ok) return icons;
    steps.push({ step, tree: tree.value, icons: icons.value });
  }
  const last = chain.value[chain.value.length - 1];
  return ok({ steps, posterior: last ? last.posterior : request.prior });
}

/** Distinct values, counts and flags of every column, for the outcome and evidence choices. */
export function describeColumns(dataset: Dataset): Result<ColumnInfo[]> {
  const all = new Uint8Array(dataset.rowCount).fill(1);
  return ok(
    dataset.columns.map((column): ColumnInfo => {
      const counts = categoryCounts(columnStrings(column), all);
      const distinct = counts.size;
      const present = dataset.rowCount - column.missingCount;
      const binned = binnedKind(column) !== null;
      let flag: ColumnInfo['flag'] = null;
      if (distinct <= 1) flag = 'constant';
      else if (column.type === 'id' || (!binned && dataset.rowCount >= 20 && distinct >= 0.95 * present)) flag = 'id';
      else if (!binned && distinct > MAX_EVIDENCE_LEVELS) flag = 'manyLevels';
      const values = [...counts].slice(0, MAX_LISTED_VALUES).map(([value, count]) => ({ value, count }));
      return { name: column.name, type: column.type, distinct, missing: column.missingCount, values, binned, flag };
    }),
  );
}

/** The naive-Bayes posterior of the chosen levels (level key per column), and its tree. */
export function combine(learned: LearnedBayes, chosen: Record<string, string>): Result<CombinedOutcome> {
  const combined = posteriorFor(learned, chosen);
  if (!combined.ok) return combined;
  const steps = combined.value.steps;
  if (steps.length === 0) return ok({ combined: combined.value, tree: null });
  const input = {
    prior: combined.value.prior,
    likelihood: steps.reduce((p, s) => p * s.likelihood, 1),
    falseAlarm: steps.reduce((p, s) => p * s.falseAlarm, 1),
  };
  let population = TREE_POPULATION;
  let tree = naturalFrequencies(input, population);
  while (tree.ok && tree.value.withEvidence < MIN_WITH_EVIDENCE && population < MAX_TREE_POPULATION) {
    population *= 10;
    tree = naturalFrequencies(input, population);
  }
  if (!tree.ok) return fail(tree.error.code, tree.error.message, tree.error.params);
  return ok({ combined: combined.value, tree: tree.value });
}
