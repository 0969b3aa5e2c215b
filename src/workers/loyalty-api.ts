/**
 * What the loyalty worker does, apart from the messaging (loyalty.worker.ts exposes it), so
 * tests call it directly: the analyses of core/bayes/loyalty-analysis.ts (Bayes' rule typed
 * in by hand, the columns of the open data set, the naive-Bayes posterior of learnt levels)
 * and learnBayes. Every failure is a Result, never a throw.
 */
import {
  calculate as calculateInCore,
  combine as combineInCore,
  describeColumns as describeColumnsInCore,
  type CalculatorOutcome,
  type CalculatorRequest,
  type ColumnInfo,
  type CombinedOutcome,
} from '../core/bayes/loyalty-analysis';
import { learnBayes, type LearnBayesOptions } from '../core/bayes/learn-bayes';
import type { LearnedBayes } from '../core/bayes/learned-bayes';
import type { Dataset } from '../core/data/dataset';
import { fail, type Result } from '../core/shared/result';

export type { CalculatorOutcome, CalculatorRequest, ColumnInfo, CombinedOutcome, WorkedStep } from '../core/bayes/loyalty-analysis';
export { ICONS, MAX_LISTED_VALUES, TREE_POPULATION } from '../core/bayes/loyalty-analysis';

/** The chain of updates of a hand-typed calculation, each step with its tree and icon array. */
function calculate(request: CalculatorRequest): Result<CalculatorOutcome> {
  return guarded(() => calculateInCore(request));
}

/** Distinct values, counts and flags of every column, for the outcome and evidence choices. */
function describeColumns(dataset: Dataset): Result<ColumnInfo[]> {
  return guarded(() => describeColumnsInCore(dataset));
}

/** The prior and per-level likelihoods of an outcome (learnBayes). */
function learn(dataset: Dataset, options: LearnBayesOptions): Result<LearnedBayes> {
  return guarded(() => learnBayes(dataset, options));
}

/** The naive-Bayes posterior of the chosen levels (level key per column), and its tree. */
function combine(learned: LearnedBayes, chosen: Record<string, string>): Result<CombinedOutcome> {
  return guarded(() => combineInCore(learned, chosen));
}

/** Runs an analysis; anything it throws becomes INTERNAL instead of crossing the boundary. */
function guarded<T>(analysis: () => Result<T>): Result<T> {
  try {
    return analysis();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('INTERNAL', detail, { detail });
  }
}

export const loyaltyWorkerApi = { calculate, describeColumns, learn, combine };
export type LoyaltyWorkerApi = typeof loyaltyWorkerApi;
