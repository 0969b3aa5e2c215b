import { describe, expect, it } from 'vitest';
import { optimalPrice } from '../../../../src/core/pricing/optimal-price';
import { breakEvenVolume } from '../../../../src/core/pricing/costs';
import { fitDemand } from '../../../../src/core/pricing/fit-demand';
import type { DemandModel } from '../../../../src/core/pricing/demand-curve';

const EXACT = 10;
// Q = 100 − 2P; choke price 50
const LINEAR: DemandModel = { form: 'linear', a: 100, b: 2 };
// Q = 1000·P^−2
const POWER: DemandModel = { form: 'constant-elasticity', k: 1000, e: -2 };

/** The value of an ok result, or a failed test. */
function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('optimalPrice, linear', () => {
  it('Q = 100 − 2P, c = 10', () => {
    // p* = (a/b + c)/2 = (50 + 10)/2 = 30; Q* = 100 − 60 = 40; profit (30 − 10)·40 = 800
    // revenue 30·40 = 1200; revenue maximum a/(2b) = 25; elasticity −2·30/40 = −1.5
    const best = value(optimalPrice(LINEAR, 10));
    expect(best.price).toBeCloseTo(30, EXACT);
    expect(best.quantity).toBeCloseTo(40, EXACT);
    expect(best.profit).toBeCloseTo(800, EXACT);
    expect(best.revenue).toBeCloseTo(1200, EXACT);
    expect(best.revenueMaxPrice).toBeCloseTo(25, EXACT);
    expect(best.elasticity).toBeCloseTo(-1.5, EXACT);
    expect(best.outsideData).toBe(false); // no data range on a typed-in curve
  });

  it('break-even prices with a fixed cost of 350', () => {
    // −2p² + (100 + 2·10)p − (100·10 + 350) = 0 → p² − 60p + 675 = 0
    // discriminant 3600 − 2700 = 900 → p = (60 ∓ 30)/2 = 15 and 45; Q = 70 and 10
    // check: (15 − 10)·70 = 350 = F; (45 − 10)·10 = 350 = F
    const best = value(optimalPrice(LINEAR, 10, 350));
    expect(best.profit).toBeCloseTo(450, EXACT); // 800 − 350
    expect(best.price).toBeCloseTo(30, EXACT); // F does not move p*
    expect(best.breakEven.reason).toBeNull();
    expect(best.breakEven.low?.price).toBeCloseTo(15, EXACT);
    expect(best.breakEven.low?.quantity).toBeCloseTo(70, EXACT);
    expect(best.breakEven.high?.price).toBeCloseTo(45, EXACT);
    expect(best.breakEven.high?.quantity).toBeCloseTo(10, EXACT);
  });

  it('with no fixed cost, profit is zero at the unit cost and at the choke price', () => {
    const best = value(optimalPrice(LINEAR, 10));
    expect(best.breakEven.low?.price).toBeCloseTo(10, EXACT);
    expect(best.breakEven.high?.price).toBeCloseTo(50, EXACT);
    expect(best.breakEven.high?.quantity).toBeCloseTo(0, EXACT);
  });

  it('no break-even when even the best price loses money', () => {
    // best profit 800 − 900 = −100
    const best = value(optimalPrice(LINEAR, 10, 900));
    expect(best.profit).toBeCloseTo(-100, EXACT);
    expect(best.breakEven).toEqual({ low: null, high: null, reason: 'best-price-loses-money' });
  });

  it('refuses a unit cost at or above the choke price', () => {
    const r = optimalPrice(LINEAR, 50);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'COST_ABOVE_EVERY_PRICE', params: { unitCost: 50, chokePrice: 50 } });
  });

  it('flags a best price outside the prices of the data', () => {
    // fit of (10, 82), (20, 58), (30, 42): a = 302/3, b = 2 (see fit-demand.test), data prices 10 to 30
    const curve = value(fitDemand([{ price: 10, quantity: 82 }, { price: 20, quantity: 58 }, { price: 30, quantity: 42 }], 'linear'));
    // c = 10: p* = (151/3 + 10)/2 = 181/6 ≈ 30.17 > 30 → outside
    const above = value(optimalPrice(curve, 10));
    expect(above.price).toBeCloseTo(181 / 6, EXACT);
    expect(above.outsideData).toBe(true);
    // c = 8: p* = (151/3 + 8)/2 = 175/6 ≈ 29.17 → inside
    expect(value(optimalPrice(curve, 8)).outsideData).toBe(false);
  });
});

describe('optimalPrice, constant elasticity', () => {
  it('Lerner rule: Q = 1000·P^−2, c = 5', () => {
    // p* = c·e/(1 + e) = 5·(−2)/(−1) = 10; Q* = 1000/100 = 10; profit (10 − 5)·10 = 50; revenue 100
    const best = value(optimalPrice(POWER, 5));
    expect(best.price).toBeCloseTo(10, EXACT);
    expect(best.quantity).toBeCloseTo(10, EXACT);
    expect(best.profit).toBeCloseTo(50, EXACT);
    expect(best.revenue).toBeCloseTo(100, EXACT);
    expect(best.elasticity).toBe(-2);
    expect(best.revenueMaxPrice).toBeNull();
  });

  it('e = −3, c = 4: p* = 4·(−3)/(−2) = 6', () => {
    expect(value(optimalPrice({ form: 'constant-elasticity', k: 1, e: -3 }, 4)).price).toBeCloseTo(6, EXACT);
  });

  it('break-even prices by bisection match the closed form for e = −2, F = 30', () => {
    // (p − 5)·1000/p² = 30 → 30p² − 1000p + 5000 = 0 → 3p² − 100p + 500 = 0
    // p = (100 ∓ √(10000 − 6000))/6 = (100 ∓ √4000)/6 ≈ 6.1257 and 27.2076
    const best = value(optimalPrice(POWER, 5, 30));
    const low = (100 - Math.sqrt(4000)) / 6;
    const high = (100 + Math.sqrt(4000)) / 6;
    expect(best.breakEven.low?.price).toBeCloseTo(low, 8);
    expect(best.breakEven.high?.price).toBeCloseTo(high, 8);
    expect(best.breakEven.low?.quantity).toBeCloseTo(1000 / low ** 2, 6);
    expect(best.breakEven.high?.quantity).toBeCloseTo(1000 / high ** 2, 6);
  });

  it('with no fixed cost: break-even at the unit cost, none above', () => {
    // profit (p − 5)·1000/p² is zero at p = 5 and above zero for every higher price
    const best = value(optimalPrice(POWER, 5));
    expect(best.breakEven.low?.price).toBeCloseTo(5, 8);
    expect(best.breakEven.high).toBeNull();
  });

  it('no break-even when the best profit (50) is below the fixed cost (60)', () => {
    expect(value(optimalPrice(POWER, 5, 60)).breakEven.reason).toBe('best-price-loses-money');
  });

  it('refuses inelastic demand (e ≥ −1)', () => {
    for (const e of [-1, -0.5]) {
      const r = optimalPrice({ form: 'constant-elasticity', k: 100, e }, 5);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'INELASTIC_DEMAND', params: { elasticity: e } });
    }
  });

  it('refuses a unit cost of 0', () => {
    const r = optimalPrice(POWER, 0);
    expect(r.ok ? '' : r.error.code).toBe('UNIT_COST_NOT_POSITIVE');
  });
});

describe('optimalPrice input checks', () => {
  it('refuses a negative or non-finite cost', () => {
    const r = optimalPrice(LINEAR, -1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'PRICING_BAD_COST', params: { field: 'unitCost', value: '-1' } });
    const f = optimalPrice(LINEAR, 10, NaN);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error.params?.field).toBe('fixedCost');
  });

  it('refuses a typed-in curve that rises', () => {
    const r = optimalPrice({ form: 'linear', a: 10, b: -2 }, 1);
    expect(r.ok ? '' : r.error.code).toBe('DEMAND_NOT_DOWNWARD');
  });
});

describe('breakEvenVolume', () => {
  it('F / (p − c)', () => {
    // 800 / (30 − 10) = 40
    expect(value(breakEvenVolume(30, 10, 800))).toBeCloseTo(40, EXACT);
    expect(value(breakEvenVolume(30, 10, 0))).toBe(0);
  });

  it('refuses a price at or below the unit cost', () => {
    const r = breakEvenVolume(10, 10, 800);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'PRICE_NOT_ABOVE_COST', params: { price: 10, unitCost: 10 } });
    expect(breakEvenVolume(0, 0, 1).ok ? '' : 'refused').toBe('refused');
  });
});

describe('optimalPrice and the prices in the data', () => {
  it('refuses a unit cost at or above every observed price, even where the curve would extrapolate a price', () => {
    // Q = 100 − 2P fitted on prices 10 to 30: the choke price is 50, so a cost of 35 would give
    // p* = (50 + 35)/2 = 42.5 on the curve, but nothing at or above 35 was ever tried.
    const fit = fitDemand([10, 15, 20, 25, 30].map((price) => ({ price, quantity: 100 - 2 * price })), 'linear');
    if (!fit.ok) throw new Error(fit.error.message);
    expect(optimalPrice(fit.value, 35)).toMatchObject({ ok: false, error: { code: 'COST_ABOVE_DATA_PRICES', params: { unitCost: 35, highest: 30 } } });
    expect(optimalPrice(fit.value, 30)).toMatchObject({ ok: false, error: { code: 'COST_ABOVE_DATA_PRICES' } });
    expect(optimalPrice(fit.value, 29).ok).toBe(true);
  });
});
