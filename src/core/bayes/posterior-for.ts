/**
 * Naive Bayes: combining the learned evidence of several columns for one customer by
 * updating on each column in turn.
 */
import { fail, ok, type Result } from '../shared/result';
import { bayesChain } from './bayes-chain';
import type { BayesStep } from './bayes-rule';
import type { EvidenceLevel, LearnedBayes } from './learned-bayes';
import { evidenceColumn, levelByKey, unknownColumn } from './level-of';

/** One column's update, with what it was. */
export interface EvidenceStep extends BayesStep {
  column: string;
  /** The level's key and its label. */
  level: string;
  levelLabel: string;
}

export interface CombinedPosterior {
  /** The smoothed prior the updates start from. */
  prior: number;
  /** P(positive | all the chosen evidence); the prior when nothing is chosen. */
  posterior: number;
  /** posterior / prior. */
  lift: number;
  /** One update per chosen column, in the order the columns were learned. */
  steps: EvidenceStep[];
}

/**
 * The posterior of the positive outcome given a level of any of the learned evidence columns
 * (columns left out of `chosen` add no evidence). Each column's evidence updates the previous
 * posterior, with likelihoods P(level | positive) and P(level | negative) as learned. This is
 * naive Bayes: it assumes the columns are independent given the outcome (among positives, and
 * among negatives, one column's value says nothing about another's). Columns that measure the
 * same thing break that assumption and push the posterior too far.
 * @param chosen level key per column (EvidenceLevel.key; find it with levelOf)
 * @returns the posterior and its working, or EVIDENCE_COLUMN_UNKNOWN / LEVEL_NOT_SEEN
 * @example posteriorFor(learned, { service: 'good', tenure: 'bin:3' }).value.posterior
 */
export function posteriorFor(learned: LearnedBayes, chosen: Readonly<Record<string, string>>): Result<CombinedPosterior> {
  for (const column of Object.keys(chosen)) if (!evidenceColumn(learned, column)) return unknownColumn(column);
  const picked: { column: string; level: EvidenceLevel }[] = [];
  for (const evidence of learned.evidence) {
    // Own keys only: a column named "constructor" must not find Object's.
    if (!Object.hasOwn(chosen, evidence.column)) continue;
    const key = chosen[evidence.column];
    const level = levelByKey(evidence, key);
    if (!level.ok) return level;
    picked.push({ column: evidence.column, level: level.value });
  }
  const prior = learned.prior.probability;
  const chain = bayesChain(
    prior,
    picked.map(({ column, level }) => ({ likelihood: level.pGivenPositive, falseAlarm: level.pGivenNegative, label: `${column} = ${level.label}` })),
  );
  // Smoothed likelihoods are never 0, so the chain cannot fail on learned tables.
  if (!chain.ok) return fail(chain.error.code, chain.error.message, chain.error.params);
  const steps = chain.value.map((step, i): EvidenceStep => ({ ...step, column: picked[i].column, level: picked[i].level.key, levelLabel: picked[i].level.label }));
  const posterior = steps.length > 0 ? steps[steps.length - 1].posterior : prior;
  return ok({ prior, posterior, lift: posterior / prior, steps });
}
