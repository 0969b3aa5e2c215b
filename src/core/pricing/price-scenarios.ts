/** A few candidate prices side by side: what each sells and earns on a demand curve. */
import { fail, ok, type Result } from '../shared/result';
import { checkDemandModel, quantityAt, type DemandModel } from './demand-curve';
import { checkCosts } from './costs';

/** Most prices compared at once: more no longer fit side by side. */
export const MAX_SCENARIOS = 5;

export interface PriceScenario {
  price: number;
  quantity: number;
  revenue: number;
  /** p − c */
  unitMargin: number;
  /** (p − c) / p as a share (0.25 = 25%); negative when the price is below the unit cost. */
  marginShare: number;
  /** (p − c)·Q − F */
  profit: number;
}

/**
 * One row per price, in the order given: quantity, revenue, unit margin, margin as a share
 * of the price, profit. Refused for no prices, more than five, or a price that is not above zero.
 * @example priceScenarios({ form: 'linear', a: 100, b: 2 }, 10, 100, [30])
 *   // ok([{ price: 30, quantity: 40, revenue: 1200, unitMargin: 20, marginShare: 2/3, profit: 700 }])
 */
export function priceScenarios(curve: DemandModel, unitCost: number, fixedCost: number, prices: readonly number[]): Result<PriceScenario[]> {
  const usable = checkDemandModel(curve);
  if (!usable.ok) return usable;
  const costs = checkCosts(unitCost, fixedCost);
  if (!costs.ok) return costs;
  if (prices.length === 0) return fail('NO_SCENARIO_PRICES', 'Enter at least one price to compare.');
  if (prices.length > MAX_SCENARIOS) {
    return fail('TOO_MANY_SCENARIOS', `${prices.length} prices were given; compare at most ${MAX_SCENARIOS} at a time.`, {
      count: prices.length,
      max: MAX_SCENARIOS,
    });
  }
  const bad = prices.findIndex((p) => typeof p !== 'number' || !Number.isFinite(p) || p <= 0);
  if (bad >= 0) {
    return fail('SCENARIO_BAD_PRICE', `Price ${bad + 1} must be a number above zero, got ${prices[bad]}.`, {
      position: bad + 1,
      value: String(prices[bad]),
    });
  }
  return ok(
    prices.map((price) => {
      const quantity = quantityAt(curve, price);
      const unitMargin = price - unitCost;
      return { price, quantity, revenue: price * quantity, unitMargin, marginShare: unitMargin / price, profit: unitMargin * quantity - fixedCost };
    }),
  );
}
