import { describe, expect, it } from 'vitest';
import { analyseDemand, chartLines, marginalRevenueOf, suggestedPrices, CHART_POINTS } from '../../../../src/core/pricing/demand-analysis';
import { fitDemand } from '../../../../src/core/pricing/fit-demand';
import { optimalPrice } from '../../../../src/core/pricing/optimal-price';
import type { DemandCurve } from '../../../../src/core/pricing/demand-curve';

// Q = 100 − 2P through five exact points.
const linearPoints = [10, 15, 20, 25, 30].map((price) => ({ price, quantity: 100 - 2 * price }));
// Q = 1000 · P^−2 through four exact points.
const elasticPoints = [2, 4, 5, 10].map((price) => ({ price, quantity: 1000 / price ** 2 }));

function fitted(points: { price: number; quantity: number }[], form: 'linear' | 'constant-elasticity'): DemandCurve {
  const fit = fitDemand(points, form);
  if (!fit.ok) throw new Error(fit.error.message);
  return fit.value;
}

describe('marginalRevenueOf', () => {
  it('is the derivative of revenue in quantity, and equals the unit cost at the best price', () => {
    const linear = fitted(linearPoints, 'linear');
    // P = 50 − Q/2, R = 50Q − Q²/2, MR = 50 − Q; at P = 30, Q = 40: MR = 10 = 2·30 − 100/2.
    expect(marginalRevenueOf(linear, 30)).toBeCloseTo(10, 9);
    // With c = 10 the best price is (50 + 10)/2 = 30, where MR = MC.
    const best = optimalPrice(linear, 10);
    expect(best.ok && marginalRevenueOf(linear, best.value.price)).toBeCloseTo(10, 9);

    const elastic = fitted(elasticPoints, 'constant-elasticity');
    // P = (Q/1000)^(−1/2), R = P·Q, MR = P(1 + 1/e) = P/2 for e = −2: at P = 10, 5.
    expect(marginalRevenueOf(elastic, 10)).toBeCloseTo(5, 9);
    // Lerner with c = 5: p* = 5·(−2)/(−1) = 10, where MR = 5 = MC.
    const lerner = optimalPrice(elastic, 5);
    expect(lerner.ok && marginalRevenueOf(elastic, lerner.value.price)).toBeCloseTo(5, 9);
  });
});

describe('chartLines', () => {
  it('runs from half the lowest price of interest to the choke price of linear demand, in order', () => {
    const linear = fitted(linearPoints, 'linear');
    const lines = chartLines(linear, 10, 0, [30]);
    expect(lines.prices).toHaveLength(CHART_POINTS);
    // Lowest of interest 10 (data) → 5; highest 30 × 1.25 = 37.5 is below the choke price 50.
    expect(lines.prices[0]).toBeCloseTo(5, 12);
    expect(lines.prices.at(-1)).toBeCloseTo(37.5, 12);
    for (let i = 1; i < lines.prices.length; i++) expect(lines.prices[i]).toBeGreaterThan(lines.prices[i - 1]);
    // Revenue is price × quantity; profit (p − 10)·Q.
    expect(lines.revenue[0]).toBeCloseTo(5 * 90, 9);
    expect(lines.profit[0]).toBeCloseTo(-5 * 90, 9);
    // Against quantity, ascending, with MR = 2P − 50.
    const q = lines.byQuantity.map((p) => p.quantity);
    expect([...q].sort((a, b) => a - b)).toEqual(q);
    for (const point of lines.byQuantity) expect(point.mr).toBeCloseTo(2 * point.price - 50, 9);
    // A mark past the choke price is cut there.
    expect(chartLines(linear, 10, 0, [60]).prices.at(-1)).toBeCloseTo(50, 12);
  });
});

describe('suggestedPrices', () => {
  it('offers the current, best and revenue-maximising prices and the data’s ends, each once, at most five, in cents', () => {
    const linear = fitted(linearPoints, 'linear');
    const best = optimalPrice(linear, 10);
    // Current 30 is also the best price (30): once. Then 25 (a/2b), then the data's ends 10 and 30 (already there).
    expect(suggestedPrices(linear, 30, best, null, null)).toEqual([30, 25, 10]);
    const range: [number, number] = [12.345, 40];
    expect(suggestedPrices(linear, 20, best, null, range)).toEqual([20, 30, 12.35, 40, 25]);
  });
});

describe('analyseDemand', () => {
  it('refuses a bad current price as a whole, and keeps a failed fit as part of the answer', () => {
    const request = { points: linearPoints, form: 'better' as const, unitCost: 10, fixedCost: 0, currentPrice: 30, range: null, scenarioPrices: null };
    expect(analyseDemand({ ...request, currentPrice: -1 })).toMatchObject({ ok: false, error: { code: 'PRICING_BAD_PRICE' } });
    const rising = analyseDemand({ ...request, points: linearPoints.map((p) => ({ price: p.price, quantity: 200 - p.quantity })) });
    expect(rising.ok && rising.value.fit.ok).toBe(false);
    expect(rising.ok && rising.value.chart).toBeNull();
    const good = analyseDemand(request);
    expect(good.ok && good.value.optimal?.ok && good.value.optimal.value.price).toBeCloseTo(30, 9);
  });
});
