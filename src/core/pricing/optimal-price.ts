/**
 * The price that maximises profit on a demand curve (marginal revenue = marginal cost),
 * with what it sells, earns and where profit breaks even.
 */
import { fail, ok, type Result } from '../shared/result';
import { breakEvenPrices, type BreakEven } from './break-even';
import { checkDemandModel, elasticityAt, profitAt, quantityAt, type DemandModel } from './demand-curve';
import { checkCosts } from './costs';

export interface OptimalPrice {
  price: number;
  quantity: number;
  revenue: number;
  /** (p − c)·Q − F at the best price. */
  profit: number;
  /** Price elasticity of demand at the best price. */
  elasticity: number;
  /** The price that maximises revenue (a / 2b); null for constant elasticity, whose revenue has no interior maximum. */
  revenueMaxPrice: number | null;
  /** The best price lies outside the prices in the data: the curve is extrapolated there. */
  outsideData: boolean;
  breakEven: BreakEven;
}

/** A curve, and the price range of its data when it was fitted (fitDemand's DemandCurve). */
export type PricedCurve = DemandModel & { priceRange?: readonly [number, number] };

/**
 * Profit-maximising price. Linear Q = a − bP: p* = (a/b + c)/2, refused when the unit cost
 * is at or above the choke price a/b. Constant elasticity Q = k·P^e: p* = c·e/(1 + e)
 * (Lerner rule), refused when e ≥ −1 (profit rises without end with the price) or c = 0.
 * A fitted curve is also refused when the unit cost is at or above every price in its data.
 * @param fixedCost F, taken off profit and used for the break-even prices; it does not move p*
 * @example optimalPrice({ form: 'linear', a: 100, b: 2 }, 10) // ok({ price: 30, quantity: 40, profit: 800, revenueMaxPrice: 25, … })
 */
export function optimalPrice(curve: PricedCurve, unitCost: number, fixedCost = 0): Result<OptimalPrice> {
  const usable = checkDemandModel(curve);
  if (!usable.ok) return usable;
  const costs = checkCosts(unitCost, fixedCost);
  if (!costs.ok) return costs;
  const range = curve.priceRange;
  if (range !== undefined && unitCost >= range[1]) {
    return fail(
      'COST_ABOVE_DATA_PRICES',
      `The unit cost ${unitCost} is at or above every price in the data (the highest is ${range[1]}): no price tried covers the cost, so the data cannot say what would sell above it. Check the cost, or test higher prices.`,
      { unitCost, highest: range[1] },
    );
  }
  const best = bestPrice(curve, unitCost);
  if (!best.ok) return best;
  const price = best.value;
  const quantity = quantityAt(curve, price);
  return ok({
    price,
    quantity,
    revenue: price * quantity,
    profit: profitAt(curve, price, unitCost, fixedCost),
    elasticity: elasticityAt(curve, price),
    revenueMaxPrice: curve.form === 'linear' ? curve.a / (2 * curve.b) : null,
    outsideData: range !== undefined && (price < range[0] || price > range[1]),
    breakEven: breakEvenPrices(curve, unitCost, fixedCost, price),
  });
}

/**
 * p* alone, for a usable curve and checked costs: the MR = MC price, or why there is none.
 * recommendPrice reads the refusal codes to place a price inside a range instead.
 */
export function bestPrice(curve: DemandModel, unitCost: number): Result<number> {
  if (curve.form === 'linear') {
    const choke = curve.a / curve.b;
    if (unitCost >= choke) {
      return fail(
        'COST_ABOVE_EVERY_PRICE',
        `The unit cost ${unitCost} is at or above ${choke}, the price at which demand falls to zero, so no price covers the unit cost. Check the cost or the demand data.`,
        { unitCost, chokePrice: choke },
      );
    }
    return ok((choke + unitCost) / 2);
  }
  const { e } = curve;
  if (e >= -1) {
    return fail(
      'INELASTIC_DEMAND',
      `The elasticity is ${e}, so demand is inelastic: revenue falls less than the price rises and profit keeps rising with the price, with no best price. Try the linear fit, or collect sales at higher prices.`,
      { elasticity: e },
    );
  }
  if (unitCost <= 0) {
    return fail(
      'UNIT_COST_NOT_POSITIVE',
      'With constant-elasticity demand and no unit cost, profit keeps rising as the price falls toward zero, so there is no best price; enter a unit cost above zero.',
      { unitCost },
    );
  }
  return ok((unitCost * e) / (1 + e));
}
