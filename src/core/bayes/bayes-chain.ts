/**
 * Several pieces of evidence in a row: each posterior becomes the next prior.
 */
import { ok, type Result } from '../shared/result';
import { bayesUpdate, checkProbability, type BayesStep } from './bayes-rule';

export interface ChainEvidence {
  likelihood: number;
  falseAlarm: number;
  label?: string;
}

/**
 * Updates a prior on each piece of evidence in turn, the posterior of one step being the
 * prior of the next. This is only right when the pieces of evidence are independent given
 * the hypothesis (given loyal, and given not loyal, seeing one tells nothing about the other);
 * evidence that overlaps (two signs of the same thing) is counted twice and overstates the posterior.
 * @returns one step per piece of evidence (empty when there is none); errors carry the 1-based `step`
 * @example bayesChain(0.6, [{ likelihood: 0.8, falseAlarm: 0.2 }, { likelihood: 0.5, falseAlarm: 0.25 }]) // posteriors 6/7, 12/13
 */
export function bayesChain(prior: number, steps: readonly ChainEvidence[]): Result<BayesStep[]> {
  const checkedPrior = checkProbability('prior', prior);
  if (!checkedPrior.ok) return checkedPrior;
  const out: BayesStep[] = [];
  let current = prior;
  for (let i = 0; i < steps.length; i++) {
    const updated = bayesUpdate({ ...steps[i], prior: current }, i + 1);
    if (!updated.ok) return updated;
    out.push(updated.value);
    current = updated.value.posterior;
  }
  return ok(out);
}
