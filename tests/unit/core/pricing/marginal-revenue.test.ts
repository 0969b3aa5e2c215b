import { describe, expect, it } from 'vitest';
import { marginalRevenue, marginalRevenueCurve, marginalRevenueWorking } from '../../../../src/core/pricing/marginal-revenue';

// Every answer is a few float operations on small numbers: compared to 12 digits.
const EXACT = 12;

describe('marginalRevenue', () => {
  it('the strategy text example: P = 100, C = 60, Q0 = 1000, Q = 1000', () => {
    // MR = 100·(1 − 1000/1000) − 60 = 100·0 − 60 = −60
    expect(marginalRevenue({ price: 100, quantity: 1000, baseQuantity: 1000, unitCost: 60 })).toBeCloseTo(-60, EXACT);
  });

  it('at a quarter of the base quantity', () => {
    // MR = 100·(1 − 250/1000) − 60 = 100·0.75 − 60 = 15
    expect(marginalRevenue({ price: 100, quantity: 250, baseQuantity: 1000, unitCost: 60 })).toBeCloseTo(15, EXACT);
  });
});

describe('marginalRevenueWorking', () => {
  it('shows each step', () => {
    const working = marginalRevenueWorking({ price: 100, quantity: 250, baseQuantity: 1000, unitCost: 60 });
    if (!working.ok) throw new Error(working.error.message);
    // ratio 250/1000 = 0.25; factor 1 − 0.25 = 0.75; revenue term 100·0.75 = 75; MR 75 − 60 = 15
    expect(working.value.ratio).toBeCloseTo(0.25, EXACT);
    expect(working.value.factor).toBeCloseTo(0.75, EXACT);
    expect(working.value.revenueTerm).toBeCloseTo(75, EXACT);
    expect(working.value.mr).toBeCloseTo(15, EXACT);
  });

  it('refuses a value that is not a finite number, naming the field', () => {
    const r = marginalRevenueWorking({ price: NaN, quantity: 250, baseQuantity: 1000, unitCost: 60 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'MR_NOT_FINITE', params: { field: 'price', value: 'NaN' } });
    const inf = marginalRevenueWorking({ price: 100, quantity: 250, baseQuantity: 1000, unitCost: Infinity });
    if (!inf.ok) expect(inf.error.params).toEqual({ field: 'unitCost', value: 'Infinity' });
    expect(inf.ok).toBe(false);
  });

  it('refuses a base quantity of zero or less', () => {
    const r = marginalRevenueWorking({ price: 100, quantity: 250, baseQuantity: 0, unitCost: 60 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'MR_BASE_NOT_POSITIVE', params: { value: 0 } });
  });

  it('refuses a negative quantity or price', () => {
    const q = marginalRevenueWorking({ price: 100, quantity: -1, baseQuantity: 1000, unitCost: 60 });
    expect(q.ok).toBe(false);
    if (!q.ok) expect(q.error).toMatchObject({ code: 'MR_NEGATIVE', params: { field: 'quantity', value: -1 } });
    const p = marginalRevenueWorking({ price: -5, quantity: 1, baseQuantity: 1000, unitCost: 60 });
    if (!p.ok) expect(p.error.params).toEqual({ field: 'price', value: -5 });
    expect(p.ok).toBe(false);
  });
});

describe('marginalRevenueCurve', () => {
  it('runs from Q = 0 to Q0 in even steps', () => {
    const curve = marginalRevenueCurve({ price: 100, quantity: 500, baseQuantity: 1000, unitCost: 60 }, 3);
    if (!curve.ok) throw new Error(curve.error.message);
    // Q = 0: 100·1 − 60 = 40; Q = 500: 100·0.5 − 60 = −10; Q = 1000: 100·0 − 60 = −60
    expect(curve.value.map((p) => p.quantity)).toEqual([0, 500, 1000]);
    [40, -10, -60].forEach((mr, i) => expect(curve.value[i].mr).toBeCloseTo(mr, EXACT));
  });

  it('reaches the chosen Q when it is beyond Q0, and has 51 points by default', () => {
    const curve = marginalRevenueCurve({ price: 100, quantity: 1500, baseQuantity: 1000, unitCost: 60 });
    if (!curve.ok) throw new Error(curve.error.message);
    expect(curve.value).toHaveLength(51);
    // last point Q = 1500: 100·(1 − 1.5) − 60 = −50 − 60 = −110; step 1500/50 = 30, so point 1 is Q = 30
    expect(curve.value[50]).toEqual({ quantity: 1500, mr: -110 });
    expect(curve.value[1].quantity).toBeCloseTo(30, EXACT);
  });

  it('refuses bad input as the working does, and throws for fewer than 2 points', () => {
    const r = marginalRevenueCurve({ price: 100, quantity: 1, baseQuantity: -3, unitCost: 60 });
    expect(r.ok ? '' : r.error.code).toBe('MR_BASE_NOT_POSITIVE');
    expect(() => marginalRevenueCurve({ price: 100, quantity: 1, baseQuantity: 10, unitCost: 60 }, 1)).toThrow(RangeError);
  });
});

describe('marginalRevenueWorking beyond the arithmetic', () => {
  it('refuses figures whose working is not a number, instead of showing Infinity', () => {
    // Q / Q0 = 1e308 / 1e-300 overflows.
    expect(marginalRevenueWorking({ price: 1e308, quantity: 1e308, baseQuantity: 1e-300, unitCost: 0 })).toMatchObject({ ok: false, error: { code: 'MR_OUT_OF_RANGE' } });
  });
});
