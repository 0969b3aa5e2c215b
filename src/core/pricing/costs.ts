/** The unit and fixed costs every price calculation takes, and the volume that covers the fixed cost. */
import { fail, ok, type Result } from '../shared/result';

/** Unit cost and fixed cost are finite and not negative. */
export function checkCosts(unitCost: number, fixedCost: number): Result<true> {
  for (const [field, value] of [['unitCost', unitCost], ['fixedCost', fixedCost]] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      return fail('PRICING_BAD_COST', `The ${field === 'unitCost' ? 'unit cost' : 'fixed cost'} must be a number of at least 0, got ${value}.`, {
        field,
        value: String(value),
      });
    }
  }
  return ok(true);
}

/**
 * Units to sell at a price so that the margin covers the fixed cost: F / (p − c).
 * Refused when the price does not exceed the unit cost (no volume ever covers F then).
 * @example breakEvenVolume(30, 10, 800) // ok(800 / 20 = 40)
 */
export function breakEvenVolume(price: number, unitCost: number, fixedCost: number): Result<number> {
  const costs = checkCosts(unitCost, fixedCost);
  if (!costs.ok) return costs;
  if (!Number.isFinite(price) || price <= 0) {
    return fail('PRICING_BAD_PRICE', `A price must be a number above zero, got ${price}.`, { value: String(price) });
  }
  if (price <= unitCost) {
    return fail(
      'PRICE_NOT_ABOVE_COST',
      `At ${price} each unit earns nothing over its cost of ${unitCost}, so no volume covers the fixed cost; choose a price above the unit cost.`,
      { price, unitCost },
    );
  }
  return ok(fixedCost / (price - unitCost));
}
