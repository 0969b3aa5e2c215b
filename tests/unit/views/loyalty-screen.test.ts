import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LoyaltyScreen } from '../../../src/views/loyalty/loyalty.svelte';
import { loyaltyWorkerApi, type LoyaltyWorkerApi } from '../../../src/workers/loyalty-api';
import type { WorkerClient } from '../../../src/lib/worker-client';
import { currentLocale, setLocale } from '../../../src/lib/i18n/i18n';
import type { Dataset } from '../../../src/core';
import { parsed } from '../../helpers/datasets';

const initialLocale = currentLocale();
beforeEach(() => setLocale('en-US'));
afterAll(() => setLocale(initialLocale));

const telco: Dataset = { ...parsed(new Uint8Array(readFileSync(resolve(process.cwd(), 'public/samples/telco-churn.csv')))), name: 'telco-churn.csv' };

/** A worker client that runs the worker's api in this thread, one call after another as the real one does. */
function fakeClient() {
  const call = vi.fn(async (_signal: AbortSignal | undefined, method: keyof LoyaltyWorkerApi, ...args: unknown[]) => {
    await Promise.resolve();
    return (loyaltyWorkerApi[method] as (...a: unknown[]) => unknown)(...args);
  });
  const client = { call, terminate() {} } as unknown as WorkerClient<LoyaltyWorkerApi>;
  return { client, call };
}

function newScreen() {
  const fake = fakeClient();
  const screen = new LoyaltyScreen({ client: fake.client });
  return { screen, calc: screen.calculator, learner: screen.learner, ...fake };
}

describe('LoyaltyScreen: the calculator', () => {
  it('does not start the worker before the screen is shown', () => {
    const { call } = newScreen();
    expect(call).not.toHaveBeenCalled();
  });

  it('works the example of the strategy text to 6/7 ≈ 0.857, with the tree 600/480/400/80/560', async () => {
    const { calc } = newScreen();
    calc.setPrior('0.5');
    calc.loadWorkedExample();
    expect(calc.prior).toBe('0.6');
    expect(calc.evidence.map((e) => [e.label, e.likelihood, e.falseAlarm])).toEqual([['good service', '0.8', '0.2']]);
    await vi.waitFor(() => expect(calc.job.status).toBe('done'));
    const outcome = calc.result!.outcome;
    expect(outcome.posterior).toBeCloseTo(6 / 7, 12);
    expect(outcome.posterior.toFixed(3)).toBe('0.857');
    const tree = outcome.steps[0].tree;
    expect([tree.loyal, tree.loyalWithEvidence, tree.notLoyal, tree.notLoyalWithEvidence, tree.withEvidence]).toEqual([600, 480, 400, 80, 560]);
  });

  it('reads percentages and the user’s decimal comma', async () => {
    const { calc } = newScreen();
    setLocale('de-DE');
    calc.setPrior('60 %');
    calc.setEvidence(1, 'likelihood', '0,8');
    calc.setEvidence(1, 'falseAlarm', '20%');
    await vi.waitFor(() => expect(calc.job.status).toBe('done'));
    expect(calc.result!.outcome.posterior).toBeCloseTo(6 / 7, 12);
  });

  it('chains two pieces of evidence: 6/7, then 12/13', async () => {
    const { calc } = newScreen();
    calc.start();
    const id = calc.addEvidence()!;
    // An empty piece of evidence waits outside the chain, without a complaint.
    expect(calc.pending).toEqual([id]);
    expect(calc.problem(`likelihood:${id}`)).toBeNull();
    calc.setEvidence(id, 'label', 'uses it weekly');
    calc.setEvidence(id, 'likelihood', '0.5');
    calc.setEvidence(id, 'falseAlarm', '0.25');
    await vi.waitFor(() => expect(calc.result?.ids).toEqual([1, id]));
    const steps = calc.result!.outcome.steps;
    expect(steps[0].step.posterior).toBeCloseTo(6 / 7, 12);
    expect(steps[1].step.prior).toBeCloseTo(6 / 7, 12);
    expect(steps[1].step.posterior).toBeCloseTo(12 / 13, 12);
    expect(calc.result!.outcome.posterior).toBeCloseTo(12 / 13, 12);
  });

  it('puts the engine’s message next to a probability out of range and keeps every field as typed', async () => {
    const { calc } = newScreen();
    calc.start();
    await vi.waitFor(() => expect(calc.job.status).toBe('done'));
    calc.setEvidence(1, 'likelihood', '1.2');
    await vi.waitFor(() => expect(calc.job.status).toBe('error'));
    expect(calc.problem('likelihood:1')).toBe('The P(good service | loyal) is 1.2: a probability must be a number from 0 to 1.');
    expect(calc.problem('prior')).toBeNull();
    expect(calc.problem('falseAlarm:1')).toBeNull();
    expect(calc.result).toBeNull();
    expect([calc.prior, calc.evidence[0].likelihood, calc.evidence[0].falseAlarm, calc.evidence[0].label]).toEqual(['0.6', '1.2', '0.2', 'good service']);
    // The user's own names go into the message.
    calc.setHypothesis('staying');
    expect(calc.problem('likelihood:1')).toBe('The P(good service | staying) is 1.2: a probability must be a number from 0 to 1.');
    calc.setEvidence(1, 'likelihood', '0.8');
    await vi.waitFor(() => expect(calc.job.status).toBe('done'));
    expect(calc.problem('likelihood:1')).toBeNull();
  });

  it('names the prior out of range, text that is no number, and evidence that can never be seen', async () => {
    const { calc } = newScreen();
    calc.setPrior('1.5');
    await vi.waitFor(() => expect(calc.job.status).toBe('error'));
    expect(calc.problem('prior')).toBe('The prior P(loyal) is 1.5: a probability must be a number from 0 to 1.');
    calc.setPrior('lots');
    expect(calc.problem('prior')).toMatch(/^This is not a number/);
    calc.setPrior('0.6');
    calc.setEvidence(1, 'likelihood', '0');
    calc.setEvidence(1, 'falseAlarm', '0');
    await vi.waitFor(() => expect(calc.job.status).toBe('error'));
    expect(calc.problem('evidence:1')).toMatch(/^Under these numbers the evidence can never be seen/);
    expect(calc.evidence[0].likelihood).toBe('0');
  });

  it('drops stale answers: only the latest of quick changes shows', async () => {
    const { calc, call } = newScreen();
    calc.start();
    for (const text of ['0.1', '0.2', '0.3', '0.4', '0.5']) calc.setPrior(text);
    await vi.waitFor(() => expect(calc.job.status).toBe('done'));
    await new Promise((done) => setTimeout(done, 20));
    expect(calc.result!.outcome.steps[0].step.prior).toBe(0.5);
    // One call in flight and the latest waiting: not one call per keystroke.
    expect(call.mock.calls.filter((c) => c[1] === 'calculate').length).toBeLessThanOrEqual(3);
  });
});

describe('LoyaltyScreen: learnt from the Telco sample', () => {
  async function onTelco() {
    const made = newScreen();
    made.screen.useDataset({ id: 'ds-telco', dataset: telco, summaries: [] });
    await vi.waitFor(() => expect(made.learner.columns).not.toBeNull());
    return made;
  }

  it('guesses Churn as the outcome and “No” (stayed) as loyal; waits for evidence columns', async () => {
    const { learner } = await onTelco();
    expect(learner.outcome).toBe('Churn');
    expect(learner.positive).toBe('No');
    expect(learner.evidence).toEqual([]);
    expect(learner.learnJob.status).toBe('idle');
    expect(learner.candidates.map((c) => c.name)).not.toContain('Churn');
  });

  it('learns Contract and tenure, starts each on its first level, and combines them', async () => {
    const { learner } = await onTelco();
    learner.tickEvidence('tenure', true);
    learner.tickEvidence('Contract', true);
    // The data set's column order, whatever the order of the ticks.
    expect(learner.evidence).toEqual(['tenure', 'Contract']);
    await vi.waitFor(() => expect(learner.combineJob.status).toBe('done'));
    expect(learner.learned!.prior.probability).toBeCloseTo(5175 / 7045, 12);
    expect(learner.chosen).toEqual({ tenure: 'bin:0', Contract: 'Month-to-month' });
    expect(learner.combined!.combined.posterior).toBeCloseTo(0.328711, 6);
    learner.chooseLevel('tenure', '');
    await vi.waitFor(() => expect(learner.combined!.combined.steps).toHaveLength(1));
    expect(learner.combined!.combined.posterior).toBeCloseTo(0.573033, 6);
  });

  it('keeps the choices when the engine refuses them, with the message next to the control', async () => {
    const { learner } = await onTelco();
    learner.tickEvidence('Contract', true);
    await vi.waitFor(() => expect(learner.learnJob.status).toBe('done'));
    learner.tickEvidence('tenure', true);
    learner.setBins('1');
    await vi.waitFor(() => expect(learner.learnJob.status).toBe('error'));
    expect(learner.learnErrorField).toBe('bins');
    expect(learner.learned).toBeNull();
    expect([learner.outcome, learner.positive, learner.evidence, learner.bins]).toEqual(['Churn', 'No', ['tenure', 'Contract'], '1']);
    learner.setBins('3');
    await vi.waitFor(() => expect(learner.learnJob.status).toBe('done'));
    expect(learner.learned!.evidence.find((e) => e.column === 'tenure')!.levels).toHaveLength(3);
    // Contract's level chosen before stays chosen.
    expect(learner.chosen.Contract).toBe('Month-to-month');
  });

  it('names an outcome with a single value', async () => {
    const { screen, learner } = newScreen();
    screen.useDataset({ id: 'one', dataset: parsed('plan,renewed,seats\na,yes,1\nb,yes,2\na,yes,3\n'), summaries: [] });
    await vi.waitFor(() => expect(learner.columns).not.toBeNull());
    learner.chooseOutcome('renewed');
    learner.tickEvidence('plan', true);
    await vi.waitFor(() => expect(learner.learnJob.status).toBe('error'));
    expect(learner.learnErrorField).toBe('outcome');
  });
});
