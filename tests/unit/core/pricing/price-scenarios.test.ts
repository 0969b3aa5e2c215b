import { describe, expect, it } from 'vitest';
import { priceScenarios } from '../../../../src/core/pricing/price-scenarios';
import type { DemandModel } from '../../../../src/core/pricing/demand-curve';

const EXACT = 10;
const LINEAR: DemandModel = { form: 'linear', a: 100, b: 2 };

describe('priceScenarios', () => {
  it('Q = 100 − 2P, c = 10, F = 100 at 20, 30, 40 and 60', () => {
    const r = priceScenarios(LINEAR, 10, 100, [20, 30, 40, 60]);
    if (!r.ok) throw new Error(r.error.message);
    // 20: Q 60, revenue 1200, margin 10, share 10/20 = 0.5,  profit 600 − 100 = 500
    // 30: Q 40, revenue 1200, margin 20, share 20/30 = 2/3,  profit 800 − 100 = 700
    // 40: Q 20, revenue  800, margin 30, share 30/40 = 0.75, profit 600 − 100 = 500
    // 60: beyond the choke price 50: Q 0, revenue 0, margin 50, share 50/60, profit −100
    const expected = [
      [20, 60, 1200, 10, 0.5, 500],
      [30, 40, 1200, 20, 2 / 3, 700],
      [40, 20, 800, 30, 0.75, 500],
      [60, 0, 0, 50, 5 / 6, -100],
    ];
    expect(r.value).toHaveLength(4);
    r.value.forEach((row, i) => {
      const [price, quantity, revenue, unitMargin, marginShare, profit] = expected[i];
      expect(row.price).toBe(price);
      expect(row.quantity).toBeCloseTo(quantity, EXACT);
      expect(row.revenue).toBeCloseTo(revenue, EXACT);
      expect(row.unitMargin).toBeCloseTo(unitMargin, EXACT);
      expect(row.marginShare).toBeCloseTo(marginShare, EXACT);
      expect(row.profit).toBeCloseTo(profit, EXACT);
    });
  });

  it('a price below the unit cost has a negative margin', () => {
    const r = priceScenarios(LINEAR, 10, 0, [8]);
    if (!r.ok) throw new Error(r.error.message);
    // margin 8 − 10 = −2, share −2/8 = −0.25, profit −2·84 = −168
    expect(r.value[0].marginShare).toBeCloseTo(-0.25, EXACT);
    expect(r.value[0].profit).toBeCloseTo(-168, EXACT);
  });

  it('refuses more than five prices, none, or a price not above zero', () => {
    const many = priceScenarios(LINEAR, 10, 0, [1, 2, 3, 4, 5, 6]);
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.error).toMatchObject({ code: 'TOO_MANY_SCENARIOS', params: { count: 6, max: 5 } });
    expect(priceScenarios(LINEAR, 10, 0, [1, 2, 3, 4, 5]).ok).toBe(true);
    const none = priceScenarios(LINEAR, 10, 0, []);
    expect(none.ok ? '' : none.error.code).toBe('NO_SCENARIO_PRICES');
    const zero = priceScenarios(LINEAR, 10, 0, [20, 0]);
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.error).toMatchObject({ code: 'SCENARIO_BAD_PRICE', params: { position: 2, value: '0' } });
  });
});
