import { describe, expect, it } from 'vitest';
import { pricingEstimateOf } from '../../../src/views/plan/pricing-estimate';
import { churnEstimateOf } from '../../../src/views/plan/churn-estimate';
import { fitDemand } from '../../../src/core/pricing/fit-demand';
import { optimalPrice } from '../../../src/core/pricing/optimal-price';
import { recommendPrice } from '../../../src/core/pricing/recommend-price';

describe('pricingEstimateOf', () => {
  // Q = 100 − 2P: with c = 10 the best price is 30; inside [12, 25] the best profit is at 25.
  const fit = fitDemand([10, 15, 20, 25, 30].map((price) => ({ price, quantity: 100 - 2 * price })), 'linear');
  if (!fit.ok) throw new Error(fit.error.message);
  const optimal = optimalPrice(fit.value, 10);
  const recommendation = recommendPrice(fit.value, 10, 0, [12, 25]);

  it('takes the recommended price when a survey gave a range, else the best price', () => {
    expect(pricingEstimateOf({ optimal, recommendation }, 10)).toEqual({ price: 25, unitCost: 10, margin: 15, basis: 'recommended' });
    expect(pricingEstimateOf({ optimal, recommendation: null }, 10)).toEqual({ price: 30, unitCost: 10, margin: 20, basis: 'best' });
  });

  it('gives nothing without an analysis, a cost, or a price above the cost', () => {
    expect(pricingEstimateOf(null, 10)).toBeNull();
    expect(pricingEstimateOf({ optimal, recommendation }, null)).toBeNull();
    expect(pricingEstimateOf({ optimal: { ok: false, error: { code: 'X', message: '' } }, recommendation: null }, 10)).toBeNull();
  });
});

describe('churnEstimateOf', () => {
  it('is the mean predicted churn probability of the held-out customers', () => {
    const training = { report: { test: { scores: Float64Array.from([0.2, 0.4, 0.9]) } } } as never;
    // (0.2 + 0.4 + 0.9) / 3 = 0.5
    expect(churnEstimateOf({ datasetName: 'telco.csv', training })).toEqual({ probability: expect.closeTo(0.5, 12), customers: 3, datasetName: 'telco.csv' });
    expect(churnEstimateOf(null)).toBeNull();
    expect(churnEstimateOf({ datasetName: 'x', training: { report: { test: { scores: new Float64Array(0) } } } as never })).toBeNull();
  });
});
