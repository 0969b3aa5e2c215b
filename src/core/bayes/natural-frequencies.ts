/**
 * Bayes' rule as counts of people ("of 1,000 customers, 600 are loyal; 480 of them get good
 * service…"), which most readers follow more easily than conditional probabilities, and the
 * same counts laid out as an icon array.
 */
import { fail, ok, type Result } from '../shared/result';
import { bayesPosterior, checkProbability, type BayesInput } from './bayes-rule';
import { largestRemainder } from './largest-remainder';

/** A frequency tree: population → loyal / not loyal → with / without the evidence. */
export interface NaturalFrequencies {
  population: number;
  loyal: number;
  notLoyal: number;
  loyalWithEvidence: number;
  loyalWithoutEvidence: number;
  notLoyalWithEvidence: number;
  notLoyalWithoutEvidence: number;
  /** loyalWithEvidence + notLoyalWithEvidence. */
  withEvidence: number;
  /** notLoyal… + loyal… without the evidence. */
  withoutEvidence: number;
  /** loyalWithEvidence / withEvidence, read from the rounded counts; null when no one shows the evidence. */
  posterior: number | null;
  /** The posterior from Bayes' rule itself (NaN when P(E) = 0), to show how far rounding moved it. */
  exactPosterior: number;
}

export type IconCategory = 'loyalWithEvidence' | 'loyalWithoutEvidence' | 'notLoyalWithEvidence' | 'notLoyalWithoutEvidence';

/** Icons per category in drawing order: the loyal first, each group with the evidence first. */
export interface IconArray {
  icons: number;
  groups: { category: IconCategory; count: number }[];
}

/** Above this the tree stops being a picture anyone reads. */
const MAX_POPULATION = 1_000_000_000;

/**
 * Turns probabilities into whole counts of a population, top down: the population is split
 * into loyal and not loyal, then each group into with and without the evidence, each split
 * rounded by largest remainder so children add up to their parent exactly.
 * @returns the tree, PROBABILITY_OUT_OF_RANGE, or POPULATION_INVALID (not a whole number from 1)
 * @example naturalFrequencies({ prior: 0.6, likelihood: 0.8, falseAlarm: 0.2 }).value // 600 loyal, 480 + 80 = 560 with good service
 */
export function naturalFrequencies(input: BayesInput, population = 1000): Result<NaturalFrequencies> {
  for (const which of ['prior', 'likelihood', 'falseAlarm'] as const) {
    const checked = checkProbability(which, input[which]);
    if (!checked.ok) return checked;
  }
  if (!Number.isInteger(population) || population < 1 || population > MAX_POPULATION) {
    return fail('POPULATION_INVALID', `The population is ${population}; use a whole number from 1 to ${MAX_POPULATION}.`, {
      population: String(population),
      max: MAX_POPULATION,
    });
  }
  const { prior, likelihood, falseAlarm } = input;
  const [loyal, notLoyal] = largestRemainder(population, [prior, 1 - prior]);
  const [loyalWithEvidence, loyalWithoutEvidence] = largestRemainder(loyal, [likelihood, 1 - likelihood]);
  const [notLoyalWithEvidence, notLoyalWithoutEvidence] = largestRemainder(notLoyal, [falseAlarm, 1 - falseAlarm]);
  const withEvidence = loyalWithEvidence + notLoyalWithEvidence;
  return ok({
    population,
    loyal,
    notLoyal,
    loyalWithEvidence,
    loyalWithoutEvidence,
    notLoyalWithEvidence,
    notLoyalWithoutEvidence,
    withEvidence,
    withoutEvidence: loyalWithoutEvidence + notLoyalWithoutEvidence,
    posterior: withEvidence === 0 ? null : loyalWithEvidence / withEvidence,
    exactPosterior: bayesPosterior(input).posterior,
  });
}

/**
 * The four groups of a frequency tree as icon counts (default 100 icons), adding up to `icons`.
 * @returns the groups in drawing order, or the errors of naturalFrequencies
 * @example iconArray({ prior: 0.6, likelihood: 0.8, falseAlarm: 0.2 }).value.groups // 48, 12, 8, 32
 */
export function iconArray(input: BayesInput, icons = 100): Result<IconArray> {
  const tree = naturalFrequencies(input, icons);
  if (!tree.ok) return tree;
  const t = tree.value;
  const order: IconCategory[] = ['loyalWithEvidence', 'loyalWithoutEvidence', 'notLoyalWithEvidence', 'notLoyalWithoutEvidence'];
  return ok({ icons, groups: order.map((category) => ({ category, count: t[category] })) });
}
