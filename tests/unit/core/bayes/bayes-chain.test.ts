import { describe, expect, it } from 'vitest';
import { bayesChain } from '../../../../src/core/bayes/bayes-chain';

describe('bayesChain', () => {
  it('two updates by hand: 0.6 → 6/7 → 12/13', () => {
    const chain = bayesChain(0.6, [
      { likelihood: 0.8, falseAlarm: 0.2, label: 'good service' },
      { likelihood: 0.5, falseAlarm: 0.25, label: 'uses the app' },
    ]);
    if (!chain.ok) throw new Error(chain.error.message);
    const [first, second] = chain.value;
    // Step 1: 0.48 / (0.48 + 0.08) = 6/7
    expect(first.posterior).toBeCloseTo(6 / 7, 12);
    expect(first.label).toBe('good service');
    // Step 2 starts from 6/7: p·L = 6/7·1/2 = 3/7 = 12/28; (1 − p)·F = 1/7·1/4 = 1/28;
    // P(E) = 13/28; posterior = 12/13 = 0.923077
    expect(second.prior).toBeCloseTo(6 / 7, 12);
    expect(second.jointPositive).toBeCloseTo(12 / 28, 12);
    expect(second.jointNegative).toBeCloseTo(1 / 28, 12);
    expect(second.evidence).toBeCloseTo(13 / 28, 12);
    expect(second.posterior).toBeCloseTo(12 / 13, 12);
    // Same as odds: 0.6/0.4 = 1.5; × (0.8/0.2 = 4) × (0.5/0.25 = 2) = 12 → 12/13
    expect(second.label).toBe('uses the app');
  });

  it('with no evidence there are no steps', () => {
    const chain = bayesChain(0.3, []);
    expect(chain.ok && chain.value).toEqual([]);
  });

  it('checks the prior, then each step, naming the step', () => {
    const badPrior = bayesChain(-1, [{ likelihood: 0.5, falseAlarm: 0.5 }]);
    expect(!badPrior.ok && badPrior.error.params).toEqual({ which: 'prior', value: -1 });
    const badStep = bayesChain(0.5, [
      { likelihood: 0.5, falseAlarm: 0.5 },
      { likelihood: 0.5, falseAlarm: 2 },
    ]);
    expect(!badStep.ok && badStep.error.params).toEqual({ which: 'falseAlarm', value: 2, step: 2 });
  });

  it('stops at evidence that became impossible: after certainty, evidence never seen when loyal', () => {
    // Step 1: F = 0 → posterior 0.5·0.5 / (0.25 + 0) = 1. Step 2 from 1 with L = 0: P(E) = 1·0 + 0·0.9 = 0
    const chain = bayesChain(0.5, [
      { likelihood: 0.5, falseAlarm: 0 },
      { likelihood: 0, falseAlarm: 0.9 },
    ]);
    expect(!chain.ok && chain.error.code).toBe('EVIDENCE_IMPOSSIBLE');
    expect(!chain.ok && chain.error.params?.step).toBe(2);
  });
});
