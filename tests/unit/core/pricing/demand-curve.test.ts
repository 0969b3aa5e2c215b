import { describe, expect, it } from 'vitest';
import { checkDemandModel, elasticityAt, profitAt, quantityAt, revenueAt, type DemandModel } from '../../../../src/core/pricing/demand-curve';

const EXACT = 12;
// Q = 100 − 2P: choke price 100/2 = 50
const LINEAR: DemandModel = { form: 'linear', a: 100, b: 2 };
// Q = 1000·P^−2
const POWER: DemandModel = { form: 'constant-elasticity', k: 1000, e: -2 };

describe('quantityAt', () => {
  it('linear: a − bP, and 0 beyond the choke price', () => {
    expect(quantityAt(LINEAR, 30)).toBeCloseTo(40, EXACT); // 100 − 60
    expect(quantityAt(LINEAR, 0)).toBeCloseTo(100, EXACT);
    expect(quantityAt(LINEAR, 60)).toBe(0); // 100 − 120 = −20, no negative sales
  });

  it('constant elasticity: k·P^e', () => {
    expect(quantityAt(POWER, 10)).toBeCloseTo(10, EXACT); // 1000 / 100
    expect(quantityAt(POWER, 4)).toBeCloseTo(62.5, EXACT); // 1000 / 16
  });

  it('throws for a negative or non-finite price (callers check prices)', () => {
    expect(() => quantityAt(LINEAR, -1)).toThrow(RangeError);
    expect(() => quantityAt(POWER, NaN)).toThrow(RangeError);
  });
});

describe('elasticityAt', () => {
  it('linear: −bP/Q', () => {
    expect(elasticityAt(LINEAR, 30)).toBeCloseTo(-1.5, EXACT); // −2·30/40
    expect(elasticityAt(LINEAR, 25)).toBeCloseTo(-1, EXACT); // −2·25/50: unit elastic at the revenue maximum
    expect(elasticityAt(LINEAR, 50)).toBe(-Infinity); // Q = 0
  });

  it('constant elasticity: e at every price', () => {
    expect(elasticityAt(POWER, 3)).toBe(-2);
    expect(elasticityAt(POWER, 300)).toBe(-2);
  });
});

describe('revenueAt and profitAt', () => {
  it('P·Q and (P − c)·Q − F', () => {
    expect(revenueAt(LINEAR, 30)).toBeCloseTo(1200, EXACT); // 30·40
    expect(profitAt(LINEAR, 30, 10, 0)).toBeCloseTo(800, EXACT); // 20·40
    expect(profitAt(LINEAR, 30, 10, 350)).toBeCloseTo(450, EXACT); // 800 − 350
    expect(revenueAt(POWER, 10)).toBeCloseTo(100, EXACT); // 10·10
    expect(profitAt(POWER, 10, 5)).toBeCloseTo(50, EXACT); // 5·10, F defaults to 0
  });
});

describe('checkDemandModel', () => {
  it('accepts falling demand', () => {
    expect(checkDemandModel(LINEAR).ok).toBe(true);
    expect(checkDemandModel(POWER).ok).toBe(true);
  });

  it('refuses demand that rises or stays flat, with the slope', () => {
    const rising = checkDemandModel({ form: 'linear', a: 10, b: -1 });
    expect(rising.ok).toBe(false);
    if (!rising.ok) expect(rising.error).toMatchObject({ code: 'DEMAND_NOT_DOWNWARD', params: { form: 'linear', slope: 1 } });
    const flat = checkDemandModel({ form: 'constant-elasticity', k: 10, e: 0 });
    expect(flat.ok ? '' : flat.error.code).toBe('DEMAND_NOT_DOWNWARD');
  });

  it('refuses coefficients that are not numbers, or k ≤ 0', () => {
    expect(checkDemandModel({ form: 'linear', a: NaN, b: 2 }).ok).toBe(false);
    const k = checkDemandModel({ form: 'constant-elasticity', k: 0, e: -2 });
    expect(k.ok ? '' : k.error.code).toBe('DEMAND_BAD_MODEL');
  });
});
