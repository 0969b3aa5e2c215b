import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PricingScreen } from '../../../src/views/pricing/pricing.svelte';
import { pricingWorkerApi, type PricingWorkerApi } from '../../../src/workers/pricing-api';
import type { WorkerClient } from '../../../src/lib/worker-client';
import { currentLocale, setLocale } from '../../../src/lib/i18n/i18n';
import { pricingErrorText } from '../../../src/views/pricing/pricing-text';
import { parsed } from '../../helpers/datasets';

const initialLocale = currentLocale();
beforeEach(() => setLocale('en-US'));
afterAll(() => setLocale(initialLocale));

const sample = (name: string) => ({ ...parsed(new Uint8Array(readFileSync(resolve(process.cwd(), 'public/samples', name)))), name });
const priceTests = sample('price-tests.csv');
const priceSurvey = sample('price-survey.csv');

/**
 * A worker client that runs the worker's api in this thread; the methods named in `hold` wait
 * until the test releases them (one release per call, oldest first).
 */
function fakeClient(hold: (keyof PricingWorkerApi)[] = []) {
  const held = new Set(hold);
  const releases: (() => void)[] = [];
  const call = vi.fn(async (_signal: AbortSignal | undefined, method: keyof PricingWorkerApi, ...args: unknown[]) => {
    if (held.has(method)) await new Promise<void>((done) => releases.push(done));
    return (pricingWorkerApi[method] as (...a: unknown[]) => unknown)(...args);
  });
  const client = { call, terminate() {} } as unknown as WorkerClient<PricingWorkerApi>;
  return { client, call, release: () => releases.shift()?.(), waiting: () => releases.length };
}

function screenWith(hold: (keyof PricingWorkerApi)[] = []) {
  const fake = fakeClient(hold);
  return { screen: new PricingScreen({ client: fake.client }), ...fake };
}

describe('PricingScreen: marginal revenue', () => {
  it('works the strategy text example: MR = −60', async () => {
    const { screen } = screenWith();
    screen.fillWorkedExample();
    expect(screen.mrTexts).toEqual({ price: '100', quantity: '1,000', baseQuantity: '1,000', unitCost: '60' });
    await vi.waitFor(() => expect(screen.mrOutcome).not.toBeNull());
    expect(screen.mrOutcome!.working.mr).toBe(-60);
    expect(screen.mrOutcome!.input).toEqual({ price: 100, quantity: 1000, baseQuantity: 1000, unitCost: 60 });
    expect(screen.mrOutcome!.curve).toHaveLength(51);
  });

  it('puts a refusal next to its field and keeps every text as typed', async () => {
    const { screen } = screenWith();
    screen.fillWorkedExample();
    screen.setMrText('baseQuantity', '0');
    await vi.waitFor(() => expect(screen.mrProblems.baseQuantity?.code).toBe('MR_BASE_NOT_POSITIVE'));
    expect(screen.mrOutcome).toBeNull();
    expect(screen.mrTexts).toEqual({ price: '100', quantity: '1,000', baseQuantity: '0', unitCost: '60' });
    screen.setMrText('price', '12x');
    expect(pricingErrorText(screen.mrProblems.price!)).toBe('The price P must be a number, but it is 12x. Enter a number.');
    screen.setMrText('price', '100');
    screen.setMrText('baseQuantity', '2000');
    await vi.waitFor(() => expect(screen.mrOutcome?.working.mr).toBe(-10));
    expect(screen.mrProblems).toEqual({});
  });
});

describe('PricingScreen: demand', () => {
  it('guesses the columns and the segment on the price-tests sample, and fits it', async () => {
    const { screen } = screenWith();
    screen.useDataset({ id: 'ds-tests', dataset: priceTests, summaries: [] });
    expect(screen.demandSource).toBe('dataset');
    expect(screen.priceColumn).toBe('list_price');
    expect(screen.quantityColumn).toBe('licences_sold');
    expect(screen.filterColumn).toBe('segment');
    expect(screen.filterValue).toBe('Small firms');
    await vi.waitFor(() => expect(screen.result?.optimal).toBeTruthy());
    // The current price is the latest Small firms price.
    expect(screen.currentPriceText).toBe('60');
    expect(screen.result!.form).toBe('linear');
    // No unit cost yet: the best price is the revenue-maximising one, a/2b ≈ 43.20 (see pricing-api.test.ts).
    const best = screen.result!.optimal!;
    expect(best.ok && best.value.price.toFixed(2)).toBe('43.20');
    screen.setCost('unitCost', '10');
    await vi.waitFor(() => expect(screen.result?.optimal?.ok && screen.result.optimal.value.price.toFixed(2)).toBe('48.20'));
  });

  it('keeps the other inputs when one cannot be read, and fits again once it can', async () => {
    const { screen } = screenWith();
    screen.useDataset({ id: 'ds-tests', dataset: priceTests, summaries: [] });
    await vi.waitFor(() => expect(screen.result).not.toBeNull());
    screen.setCost('fixedCost', '1000');
    screen.setCost('unitCost', 'ten');
    expect(screen.costProblems.unitCost?.code).toBe('PRICING_BAD_COST');
    expect(pricingErrorText(screen.costProblems.unitCost!)).toBe('The unit cost must be a number of at least 0, but it is ten. Enter the cost.');
    expect(screen.request).toBeNull();
    await vi.waitFor(() => expect(screen.result).toBeNull());
    expect(screen.fixedCostText).toBe('1000');
    expect(screen.currentPriceText).toBe('60');
    expect(screen.priceColumn).toBe('list_price');
    // A negative cost is the engine's refusal, also next to the field.
    screen.setCost('unitCost', '-5');
    await vi.waitFor(() => expect(screen.costProblems.unitCost?.code).toBe('PRICING_BAD_COST'));
    screen.setCost('unitCost', '10');
    await vi.waitFor(() => expect(screen.result?.optimal?.ok).toBe(true));
    expect(screen.costProblems).toEqual({});
  });

  it('says when pooled segments show no demand curve', async () => {
    const { screen } = screenWith();
    screen.useDataset({ id: 'ds-tests', dataset: priceTests, summaries: [] });
    screen.chooseFilterColumn('');
    await vi.waitFor(() => expect(screen.result?.fit.ok).toBe(false));
    const fit = screen.result!.fit;
    expect(!fit.ok && pricingErrorText(fit.error)).toMatch(/^The data do not show a demand curve: quantity rises or stays flat as the price rises \(fitted slope 2\.888\)/);
  });

  it('fits typed points, naming the rows left out, and refuses fewer than three prices', async () => {
    const { screen } = screenWith();
    screen.setCell(0, 'price', '10');
    screen.setCell(0, 'quantity', '80');
    screen.setCell(1, 'price', '20');
    screen.setCell(1, 'quantity', '60');
    await vi.waitFor(() => expect(screen.result?.fit.ok).toBe(false));
    expect(!screen.result!.fit.ok && screen.result!.fit.error.code).toBe('TOO_FEW_PRICES');
    screen.setCell(2, 'price', '30');
    screen.addRow();
    screen.setCell(3, 'price', 'abc');
    screen.setCell(3, 'quantity', '5');
    screen.setCell(2, 'quantity', '40');
    expect(screen.typed.notes).toEqual([{ row: 4, reason: 'unreadable', text: 'abc' }]);
    await vi.waitFor(() => expect(screen.result?.fit.ok).toBe(true));
    // Q = 100 − 2P, c = 0: p* = a/2b = 25.
    expect(screen.result!.optimal?.ok && screen.result!.optimal.value.price).toBeCloseTo(25, 10);
    expect(screen.rows[3]).toEqual({ price: 'abc', quantity: '5' });
    // A refusal stays when an empty row is added: the new table is asked about again.
    screen.setCost('unitCost', '-5');
    await vi.waitFor(() => expect(screen.costProblems.unitCost?.code).toBe('PRICING_BAD_COST'));
    screen.addRow();
    await vi.waitFor(() => expect(screen.costProblems.unitCost?.code).toBe('PRICING_BAD_COST'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.costProblems.unitCost?.code).toBe('PRICING_BAD_COST');
  });

  it('runs one analysis at a time and drops answers to inputs changed since', async () => {
    const { screen, call, release, waiting } = screenWith(['analyseDemand']);
    screen.useDataset({ id: 'ds-tests', dataset: priceTests, summaries: [] });
    await vi.waitFor(() => expect(waiting()).toBe(1));
    for (const cost of ['1', '12', '12.5']) screen.setCost('unitCost', cost);
    release();
    await vi.waitFor(() => expect(waiting()).toBe(1));
    // The first answer was for a unit cost of 0: dropped.
    expect(screen.result).toBeNull();
    release();
    await vi.waitFor(() => expect(screen.result).not.toBeNull());
    expect(call.mock.calls.filter((c) => c[1] === 'analyseDemand')).toHaveLength(2);
    expect((call.mock.calls.filter((c) => c[1] === 'analyseDemand')[1][2] as { unitCost: number }).unitCost).toBe(12.5);
  });
});

describe('PricingScreen: survey and scenarios', () => {
  it('keeps the demand curve when a survey opens, and recommends a price inside its range', async () => {
    const { screen } = screenWith();
    screen.useDataset({ id: 'ds-tests', dataset: priceTests, summaries: [] });
    screen.setCost('unitCost', '10');
    await vi.waitFor(() => expect(screen.result?.optimal?.ok).toBe(true));
    screen.useDataset({ id: 'ds-survey', dataset: priceSurvey, summaries: [] });
    expect(screen.demandData?.id).toBe('ds-tests');
    expect(screen.surveyColumns).toEqual({ tooCheap: 'too_cheap', cheap: 'cheap', expensive: 'expensive', tooExpensive: 'too_expensive' });
    // The survey is read for the segment the demand curve is fitted on.
    expect(screen.surveyFilterColumn).toBe('segment');
    expect(screen.surveyFilterValue).toBe('Small firms');
    await vi.waitFor(() => expect(screen.result?.recommendation?.ok).toBe(true));
    expect(screen.range!.map((v) => v.toFixed(2))).toEqual(['34.26', '84.33']);
    const rec = screen.result!.recommendation!;
    expect(rec.ok && rec.value.reason).toBe('optimum-inside');
    expect(screen.scenarioCells).toEqual(['60', '48.2', '34.26', '84.33', '43.2']);
  });

  it('keeps scenario prices as typed once edited, with a message next to a bad one', async () => {
    const { screen } = screenWith();
    screen.useDataset({ id: 'ds-tests', dataset: priceTests, summaries: [] });
    await vi.waitFor(() => expect(screen.scenarioCells.length).toBeGreaterThan(0));
    const before = [...screen.scenarioCells];
    screen.setScenario(1, '-3');
    expect(screen.scenarioEdited).toBe(true);
    expect(screen.scenarioCells).toEqual([before[0], '-3', ...before.slice(2)]);
    await vi.waitFor(() => expect(screen.scenarioProblems[1]?.code).toBe('SCENARIO_BAD_PRICE'));
    expect(pricingErrorText(screen.scenarioProblems[1]!)).toBe('Price 2 is -3, but it must be a number above zero. Correct it.');
    screen.setScenario(1, '55');
    await vi.waitFor(() => expect(screen.result?.scenarios?.table.ok).toBe(true));
    expect(screen.result!.scenarios!.prices[1]).toBe(55);
    screen.suggestScenarios();
    await vi.waitFor(() => expect(screen.scenarioCells).toEqual(before));
  });
});
