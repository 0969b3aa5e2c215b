import { describe, expect, it } from 'vitest';
import { bayesPosterior, bayesUpdate } from '../../../../src/core/bayes/bayes-rule';

describe('bayesPosterior', () => {
  it('worked example: P(loyal) 0.6, P(good | loyal) 0.8, P(good | not loyal) 0.2 → 6/7', () => {
    // P(E) = 0.6·0.8 + 0.4·0.2 = 0.48 + 0.08 = 0.56; posterior = 0.48 / 0.56 = 6/7 = 0.857142857…
    const { evidence, posterior } = bayesPosterior({ prior: 0.6, likelihood: 0.8, falseAlarm: 0.2 });
    expect(evidence).toBeCloseTo(0.56, 12);
    expect(posterior).toBeCloseTo(0.857142857, 9);
  });

  it('evidence that is as likely either way leaves the prior unchanged', () => {
    // P(E) = 0.3·0.5 + 0.7·0.5 = 0.5; posterior = 0.15 / 0.5 = 0.3
    expect(bayesPosterior({ prior: 0.3, likelihood: 0.5, falseAlarm: 0.5 }).posterior).toBeCloseTo(0.3, 12);
  });

  it('returns a NaN posterior when the evidence has probability 0', () => {
    // P(E) = 0.5·0 + 0.5·0 = 0: 0/0
    const { evidence, posterior } = bayesPosterior({ prior: 0.5, likelihood: 0, falseAlarm: 0 });
    expect(evidence).toBe(0);
    expect(posterior).toBeNaN();
  });
});

describe('bayesUpdate', () => {
  it('gives the joint terms, the evidence, the posterior and its complement', () => {
    const step = bayesUpdate({ prior: 0.6, likelihood: 0.8, falseAlarm: 0.2, label: 'good service' });
    if (!step.ok) throw new Error(step.error.message);
    // p·L = 0.48; (1 − p)·F = 0.4·0.2 = 0.08; P(E) = 0.56; 0.48/0.56 = 6/7; 0.08/0.56 = 1/7
    expect(step.value.jointPositive).toBeCloseTo(0.48, 12);
    expect(step.value.jointNegative).toBeCloseTo(0.08, 12);
    expect(step.value.evidence).toBeCloseTo(0.56, 12);
    expect(step.value.posterior).toBeCloseTo(6 / 7, 12);
    expect(step.value.posteriorNot).toBeCloseTo(1 / 7, 12);
    expect(step.value.label).toBe('good service');
    expect(step.value.prior).toBe(0.6);
  });

  it('evidence against the hypothesis lowers it', () => {
    // p·L = 0.6·0.2 = 0.12; (1 − p)·F = 0.4·0.8 = 0.32; posterior = 0.12 / 0.44 = 3/11
    const step = bayesUpdate({ prior: 0.6, likelihood: 0.2, falseAlarm: 0.8 });
    expect(step.ok && step.value.posterior).toBeCloseTo(3 / 11, 12);
  });

  it.each([
    ['prior', { prior: 1.2, likelihood: 0.8, falseAlarm: 0.2 }, 1.2],
    ['likelihood', { prior: 0.5, likelihood: -0.1, falseAlarm: 0.2 }, -0.1],
    ['falseAlarm', { prior: 0.5, likelihood: 0.8, falseAlarm: 1.0001 }, 1.0001],
  ] as const)('rejects a %s outside [0, 1]', (which, input, value) => {
    const step = bayesUpdate(input);
    expect(step.ok).toBe(false);
    if (step.ok) return;
    expect(step.error.code).toBe('PROBABILITY_OUT_OF_RANGE');
    expect(step.error.params).toEqual({ which, value });
  });

  it('rejects a probability that is not a number', () => {
    const step = bayesUpdate({ prior: 0.5, likelihood: NaN, falseAlarm: 0.2 });
    expect(!step.ok && step.error.code).toBe('PROBABILITY_OUT_OF_RANGE');
    expect(!step.ok && step.error.params?.which).toBe('likelihood');
    const text = bayesUpdate({ prior: '0.5' as unknown as number, likelihood: 0.5, falseAlarm: 0.2 });
    expect(!text.ok && text.error.params).toEqual({ which: 'prior', value: '0.5' });
  });

  it('accepts the bounds 0 and 1', () => {
    // p = 0: p·L = 0, P(E) = 1·0.3 = 0.3, posterior 0; L = 1, F = 0: posterior 0.2·1 / 0.2 = 1
    const zero = bayesUpdate({ prior: 0, likelihood: 1, falseAlarm: 0.3 });
    expect(zero.ok && zero.value.posterior).toBe(0);
    const one = bayesUpdate({ prior: 0.2, likelihood: 1, falseAlarm: 0 });
    expect(one.ok && one.value.posterior).toBe(1);
  });

  it('says when the evidence is impossible under the numbers', () => {
    // p = 1, L = 0: P(E) = 1·0 + 0·0.5 = 0
    const step = bayesUpdate({ prior: 1, likelihood: 0, falseAlarm: 0.5 });
    expect(step.ok).toBe(false);
    if (step.ok) return;
    expect(step.error.code).toBe('EVIDENCE_IMPOSSIBLE');
    expect(step.error.params).toEqual({ prior: 1, likelihood: 0, falseAlarm: 0.5 });
  });
});
