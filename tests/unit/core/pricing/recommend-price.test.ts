import { describe, expect, it } from 'vitest';
import { recommendPrice } from '../../../../src/core/pricing/recommend-price';
import type { DemandModel } from '../../../../src/core/pricing/demand-curve';

const EXACT = 10;
// Q = 100 − 2P, c = 10: p* = 30, profit (p − 10)(100 − 2p)
const LINEAR: DemandModel = { form: 'linear', a: 100, b: 2 };

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('recommendPrice', () => {
  it('the optimum when it lies inside the range', () => {
    const r = value(recommendPrice(LINEAR, 10, 0, [20, 35]));
    expect(r.reason).toBe('optimum-inside');
    expect(r.price).toBeCloseTo(30, EXACT);
    expect(r.profit).toBeCloseTo(800, EXACT);
    expect(r.optimum).toBeCloseTo(30, EXACT);
  });

  it('the low end when the optimum is below the range', () => {
    // price 35: Q = 30, profit 25·30 − 100 = 650
    const r = value(recommendPrice(LINEAR, 10, 100, [35, 45]));
    expect(r.reason).toBe('below-range');
    expect(r.price).toBe(35);
    expect(r.quantity).toBeCloseTo(30, EXACT);
    expect(r.revenue).toBeCloseTo(1050, EXACT); // 35·30
    expect(r.profit).toBeCloseTo(650, EXACT);
  });

  it('the high end when the optimum is above the range', () => {
    // price 25: Q = 50, profit 15·50 = 750
    const r = value(recommendPrice(LINEAR, 10, 0, [15, 25]));
    expect(r.reason).toBe('above-range');
    expect(r.price).toBe(25);
    expect(r.profit).toBeCloseTo(750, EXACT);
  });

  it('inelastic demand: profit rises with the price, so the top of the range', () => {
    // Q = 1000/√P, c = 5 at P = 40: Q = 1000/√40 ≈ 158.11, profit 35·1000/√40 ≈ 5533.9
    const r = value(recommendPrice({ form: 'constant-elasticity', k: 1000, e: -0.5 }, 5, 0, [20, 40]));
    expect(r.reason).toBe('above-range');
    expect(r.optimum).toBeNull();
    expect(r.price).toBe(40);
    expect(r.profit).toBeCloseTo((35 * 1000) / Math.sqrt(40), 8);
  });

  it('constant elasticity with no unit cost: profit rises as the price falls, so the bottom', () => {
    const r = value(recommendPrice({ form: 'constant-elasticity', k: 1000, e: -2 }, 0, 0, [20, 40]));
    expect(r.reason).toBe('below-range');
    expect(r.price).toBe(20);
  });

  it('refuses a range that is empty, reversed or not above zero', () => {
    for (const range of [[20, 10], [0, 10], [NaN, 10]] as [number, number][]) {
      const r = recommendPrice(LINEAR, 10, 0, range);
      expect(r.ok ? '' : r.error.code).toBe('PRICING_BAD_RANGE');
    }
  });

  it('passes on a cost above every price', () => {
    const r = recommendPrice(LINEAR, 60, 0, [20, 40]);
    expect(r.ok ? '' : r.error.code).toBe('COST_ABOVE_EVERY_PRICE');
  });
});
