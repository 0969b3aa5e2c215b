/** The most profitable price inside a range of acceptable prices (e.g. Van Westendorp's). */
import { fail, ok, type Result } from '../shared/result';
import { checkDemandModel, profitAt, quantityAt, type DemandModel } from './demand-curve';
import { checkCosts } from './costs';
import { bestPrice } from './optimal-price';

/** Where the unconstrained best price lies relative to the range (the UI makes a sentence of it). */
export type RecommendationReason = 'optimum-inside' | 'below-range' | 'above-range';

export interface PriceRecommendation {
  price: number;
  quantity: number;
  revenue: number;
  profit: number;
  reason: RecommendationReason;
  /** The best price without the range; null when there is none (inelastic demand, or no unit cost with constant elasticity). */
  optimum: number | null;
}

/**
 * The best-profit price in [low, high]. Profit on these curves rises up to the best price
 * and falls after it, so the answer is the best price when it is inside the range, and
 * otherwise the end of the range nearer to it. Inelastic constant-elasticity demand
 * (profit rising with the price) gives the top of the range; no unit cost with constant
 * elasticity (profit rising as the price falls) gives the bottom.
 * @example recommendPrice({ form: 'linear', a: 100, b: 2 }, 10, 0, [35, 45]) // ok({ price: 35, reason: 'below-range', optimum: 30, … })
 */
export function recommendPrice(curve: DemandModel, unitCost: number, fixedCost: number, range: readonly [number, number]): Result<PriceRecommendation> {
  const usable = checkDemandModel(curve);
  if (!usable.ok) return usable;
  const costs = checkCosts(unitCost, fixedCost);
  if (!costs.ok) return costs;
  const [low, high] = range;
  if (!Number.isFinite(low) || !Number.isFinite(high) || low <= 0 || low > high) {
    return fail('PRICING_BAD_RANGE', `The price range must run from a price above zero up to a price at least as high, got ${low} to ${high}.`, {
      low: String(low),
      high: String(high),
    });
  }
  const best = bestPrice(curve, unitCost);
  let optimum: number | null;
  let reason: RecommendationReason;
  if (best.ok) {
    optimum = best.value;
    reason = optimum < low ? 'below-range' : optimum > high ? 'above-range' : 'optimum-inside';
  } else if (best.error.code === 'INELASTIC_DEMAND') {
    optimum = null;
    reason = 'above-range';
  } else if (best.error.code === 'UNIT_COST_NOT_POSITIVE') {
    optimum = null;
    reason = 'below-range';
  } else {
    return best;
  }
  const price = reason === 'below-range' ? low : reason === 'above-range' ? high : (optimum as number);
  const quantity = quantityAt(curve, price);
  return ok({ price, quantity, revenue: price * quantity, profit: profitAt(curve, price, unitCost, fixedCost), reason, optimum });
}
