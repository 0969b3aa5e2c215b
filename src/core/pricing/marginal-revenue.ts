/**
 * Marginal revenue as the strategy text defines it, MR = P (1 − Q / Q0) − C: what one more
 * unit adds when the price P holds until the base quantity Q0 and the unit cost is C.
 */
import { fail, ok, type Result } from '../shared/result';

export interface MarginalRevenueInput {
  /** Price per unit, P. */
  price: number;
  /** Quantity sold, Q. */
  quantity: number;
  /** Base quantity Q0: the volume at which the price term falls to zero. */
  baseQuantity: number;
  /** Cost of one more unit, C. */
  unitCost: number;
}

/** Each step of MR = P (1 − Q / Q0) − C, for a teaching display. */
export interface MarginalRevenueWorking {
  /** Q / Q0 */
  ratio: number;
  /** 1 − Q / Q0 */
  factor: number;
  /** P · (1 − Q / Q0) */
  revenueTerm: number;
  /** revenueTerm − C */
  mr: number;
}

/**
 * MR = P (1 − Q / Q0) − C, without checks (see marginalRevenueWorking for checked input).
 * @example marginalRevenue({ price: 100, quantity: 1000, baseQuantity: 1000, unitCost: 60 }) // 100·(1 − 1) − 60 = −60
 */
export function marginalRevenue({ price, quantity, baseQuantity, unitCost }: MarginalRevenueInput): number {
  return price * (1 - quantity / baseQuantity) - unitCost;
}

/**
 * The steps of MR = P (1 − Q / Q0) − C, after checking that every input is a finite number,
 * none is negative and Q0 is above zero.
 * @example marginalRevenueWorking({ price: 100, quantity: 250, baseQuantity: 1000, unitCost: 60 })
 *   // ok({ ratio: 0.25, factor: 0.75, revenueTerm: 75, mr: 15 })
 */
export function marginalRevenueWorking(input: MarginalRevenueInput): Result<MarginalRevenueWorking> {
  const checked = checkMarginalRevenueInput(input);
  if (!checked.ok) return checked;
  const ratio = input.quantity / input.baseQuantity;
  const factor = 1 - ratio;
  const revenueTerm = input.price * factor;
  const mr = revenueTerm - input.unitCost;
  if (![ratio, factor, revenueTerm, mr].every(Number.isFinite)) {
    return fail('MR_OUT_OF_RANGE', 'The figures are too large or too small to work out: Q / Q0 or the result is beyond what the arithmetic holds. Enter them in other units.');
  }
  return ok({ ratio, factor, revenueTerm, mr });
}

/**
 * MR at evenly spaced quantities from 0 to max(Q0, Q), for a chart (the chosen Q is
 * inside the span, so its point can be marked on the line).
 * @param points how many quantities, at least 2 (RangeError otherwise: a programming error)
 * @example marginalRevenueCurve({ price: 100, quantity: 500, baseQuantity: 1000, unitCost: 60 }, 3)
 *   // ok([{ quantity: 0, mr: 40 }, { quantity: 500, mr: −10 }, { quantity: 1000, mr: −60 }])
 */
export function marginalRevenueCurve(input: MarginalRevenueInput, points = 51): Result<{ quantity: number; mr: number }[]> {
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`points must be a whole number of at least 2, got ${points}`);
  const checked = checkMarginalRevenueInput(input);
  if (!checked.ok) return checked;
  const end = Math.max(input.baseQuantity, input.quantity);
  const curve: { quantity: number; mr: number }[] = [];
  for (let i = 0; i < points; i++) {
    // The last point is exactly `end`, not a sum of rounded steps.
    const quantity = i === points - 1 ? end : (end * i) / (points - 1);
    curve.push({ quantity, mr: marginalRevenue({ ...input, quantity }) });
  }
  return ok(curve);
}

const FIELDS = ['price', 'quantity', 'baseQuantity', 'unitCost'] as const;

function checkMarginalRevenueInput(input: MarginalRevenueInput): Result<true> {
  for (const field of FIELDS) {
    const value = input[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return fail('MR_NOT_FINITE', `The ${field} must be a number, got ${value}.`, { field, value: String(value) });
    }
  }
  if (input.baseQuantity <= 0) {
    return fail('MR_BASE_NOT_POSITIVE', `The base quantity Q0 must be above zero, got ${input.baseQuantity}.`, {
      value: input.baseQuantity,
    });
  }
  for (const field of FIELDS) {
    if (input[field] < 0) {
      return fail('MR_NEGATIVE', `The ${field} cannot be negative, got ${input[field]}.`, { field, value: input[field] });
    }
  }
  return ok(true);
}
