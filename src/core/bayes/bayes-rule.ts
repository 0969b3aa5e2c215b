/**
 * Bayes' rule for one piece of evidence: how a prior belief in a hypothesis (the customer is
 * loyal) changes after seeing evidence (good service), given how often that evidence shows
 * up when the hypothesis is true (the likelihood) and when it is false (the false alarm).
 */
import { fail, ok, type Result } from '../shared/result';

export interface BayesInput {
  /** P(H): belief in the hypothesis before the evidence. */
  prior: number;
  /** P(E | H): how often the evidence is seen when the hypothesis holds. */
  likelihood: number;
  /** P(E | not H): how often the evidence is seen when it does not (the false-alarm rate). */
  falseAlarm: number;
}

/** One update with all its working, as the UI shows it. */
export interface BayesStep extends BayesInput {
  /** What the step's evidence was, when the caller named it. */
  label?: string;
  /** P(H and E) = p·L. */
  jointPositive: number;
  /** P(not H and E) = (1 − p)·F. */
  jointNegative: number;
  /** P(E) = p·L + (1 − p)·F. */
  evidence: number;
  /** P(H | E) = p·L / P(E). */
  posterior: number;
  /** P(not H | E) = (1 − p)·F / P(E) = 1 − posterior. */
  posteriorNot: number;
}

/** Which input a PROBABILITY_OUT_OF_RANGE error is about. */
export type ProbabilityName = 'prior' | 'likelihood' | 'falseAlarm';

/**
 * Bayes' rule, unchecked: P(E) = p·L + (1 − p)·F and P(H | E) = p·L / P(E).
 * When P(E) = 0 (the evidence cannot happen under these numbers) the posterior is NaN;
 * use bayesUpdate for checked input and a clear error instead.
 * @example bayesPosterior({ prior: 0.6, likelihood: 0.8, falseAlarm: 0.2 }) // { evidence: 0.56, posterior: 0.857142857… }
 */
export function bayesPosterior({ prior, likelihood, falseAlarm }: BayesInput): { evidence: number; posterior: number } {
  const joint = prior * likelihood;
  const evidence = joint + (1 - prior) * falseAlarm;
  return { evidence, posterior: evidence === 0 ? NaN : joint / evidence };
}

/**
 * Checks that a value is a probability (a number in [0, 1]).
 * @returns the value, or PROBABILITY_OUT_OF_RANGE naming the input
 */
export function checkProbability(which: ProbabilityName, value: unknown, step?: number): Result<number> {
  if (typeof value === 'number' && value >= 0 && value <= 1) return ok(value);
  const shown = typeof value === 'number' ? value : String(value);
  const params: Record<string, string | number> = { which, value: shown };
  if (step !== undefined) params.step = step;
  const where = step !== undefined ? ` in step ${step}` : '';
  return fail('PROBABILITY_OUT_OF_RANGE', `The ${which}${where} is ${shown}; a probability must be a number from 0 to 1.`, params);
}

/**
 * Bayes' rule with checked input and the full working: joint terms, evidence, posterior and
 * its complement.
 * @param step 1-based step number, added to error params when the update is part of a chain
 * @returns the step, PROBABILITY_OUT_OF_RANGE, or EVIDENCE_IMPOSSIBLE when P(E) = 0
 * @example bayesUpdate({ prior: 0.6, likelihood: 0.8, falseAlarm: 0.2 }).value.posterior // 6/7
 */
export function bayesUpdate(input: BayesInput & { label?: string }, step?: number): Result<BayesStep> {
  for (const which of ['prior', 'likelihood', 'falseAlarm'] as const) {
    const checked = checkProbability(which, input[which], step);
    if (!checked.ok) return fail(checked.error.code, checked.error.message, checked.error.params);
  }
  const { prior, likelihood, falseAlarm } = input;
  const jointPositive = prior * likelihood;
  const jointNegative = (1 - prior) * falseAlarm;
  const evidence = jointPositive + jointNegative;
  if (evidence === 0) {
    const params: Record<string, string | number> = { prior, likelihood, falseAlarm };
    if (step !== undefined) params.step = step;
    return fail(
      'EVIDENCE_IMPOSSIBLE',
      'Under these numbers the evidence can never be seen: P(E) = prior × P(E | loyal) + (1 − prior) × P(E | not loyal) is 0, so there is nothing to update on. ' +
        'The evidence must be possible in a group that has customers: check the prior and the two likelihoods.',
      params,
    );
  }
  const result: BayesStep = {
    prior,
    likelihood,
    falseAlarm,
    jointPositive,
    jointNegative,
    evidence,
    posterior: jointPositive / evidence,
    posteriorNot: jointNegative / evidence,
  };
  if (input.label !== undefined) result.label = input.label;
  return ok(result);
}
