/**
 * Demand curves — how many units sell at a price — and what follows from one at a given
 * price: quantity, elasticity, revenue and profit.
 */
import { fail, ok, type Result } from '../shared/result';

/** Q = a − bP (b > 0 for demand that falls as the price rises). */
export interface LinearDemand {
  form: 'linear';
  a: number;
  b: number;
}

/** Q = k · P^e (e < 0 for demand that falls as the price rises; e is the elasticity). */
export interface ConstantElasticityDemand {
  form: 'constant-elasticity';
  k: number;
  e: number;
}

/** The coefficients alone: a fitted curve, or one typed in for teaching. */
export type DemandModel = LinearDemand | ConstantElasticityDemand;

export type DemandForm = DemandModel['form'];

/** How well a curve fits the data it came from. */
export interface DemandFitStats {
  /** R² on the scale fitted: quantity for linear, ln quantity for constant elasticity. */
  r2: number;
  /** R² of the curve's quantities against the observed quantities: comparable across forms (can be below 0). */
  r2Quantity: number;
  /** Number of points fitted. */
  n: number;
  /** Lowest and highest price in the data: outside it the curve is extrapolated. */
  priceRange: [number, number];
  /** √(SSE / (n − 2)) on the scale fitted (units for linear, ln units for constant elasticity). */
  residualStandardError: number;
}

/** A demand curve fitted to price/quantity data (fitDemand). */
export type DemandCurve = (LinearDemand & DemandFitStats) | (ConstantElasticityDemand & DemandFitStats);

/**
 * Units sold at a price; linear demand gives 0 above its choke price a/b (no negative sales).
 * @throws RangeError for a negative or non-finite price (callers check prices first)
 * @example quantityAt({ form: 'linear', a: 100, b: 2 }, 30) // 100 − 2·30 = 40
 */
export function quantityAt(curve: DemandModel, price: number): number {
  checkPrice(price);
  if (curve.form === 'linear') return Math.max(0, curve.a - curve.b * price);
  return curve.k * Math.pow(price, curve.e);
}

/**
 * Price elasticity of demand at a price, (dQ/dP)·(P/Q): linear −bP/Q (−Infinity where Q is 0),
 * constant elasticity e at every price.
 * @example elasticityAt({ form: 'linear', a: 100, b: 2 }, 30) // −2·30/40 = −1.5
 */
export function elasticityAt(curve: DemandModel, price: number): number {
  checkPrice(price);
  if (curve.form === 'constant-elasticity') return curve.e;
  const quantity = quantityAt(curve, price);
  if (quantity <= 0) return -Infinity;
  return (-curve.b * price) / quantity;
}

/** Revenue P·Q at a price. @example revenueAt({ form: 'linear', a: 100, b: 2 }, 30) // 30·40 = 1200 */
export function revenueAt(curve: DemandModel, price: number): number {
  return price * quantityAt(curve, price);
}

/**
 * Profit (P − c)·Q − F at a price.
 * @example profitAt({ form: 'linear', a: 100, b: 2 }, 30, 10, 0) // (30 − 10)·40 = 800
 */
export function profitAt(curve: DemandModel, price: number, unitCost: number, fixedCost = 0): number {
  return (price - unitCost) * quantityAt(curve, price) - fixedCost;
}

/**
 * A curve's coefficients are usable: finite, demand falling as the price rises (b > 0,
 * e < 0), and k > 0. For curves typed in by hand; fitDemand only returns usable ones.
 */
export function checkDemandModel(curve: DemandModel): Result<true> {
  const values = curve.form === 'linear' ? [curve.a, curve.b] : [curve.k, curve.e];
  if (!values.every(Number.isFinite) || (curve.form === 'constant-elasticity' && curve.k <= 0)) {
    return fail('DEMAND_BAD_MODEL', `The demand curve's coefficients must be numbers (and k above zero), got ${values.join(', ')}.`, {
      form: curve.form,
    });
  }
  const slope = curve.form === 'linear' ? -curve.b : curve.e;
  if (slope >= 0) return notDownward(curve.form, slope);
  return ok(true);
}

/**
 * The refusal of a curve on which quantity does not fall as the price rises.
 * @param slope dQ/dP for linear, the exponent e for constant elasticity
 */
export function notDownward(form: DemandForm, slope: number): Result<never> {
  return fail(
    'DEMAND_NOT_DOWNWARD',
    `The data do not show a demand curve: quantity rises or stays flat as the price rises (fitted ${form === 'linear' ? 'slope' : 'elasticity'} ${slope}). ` +
      'This happens when prices were set in response to demand, or other things changed at the same time; use data where the price changed for other reasons.',
    { form, slope },
  );
}

function checkPrice(price: number): void {
  if (!(price >= 0) || !Number.isFinite(price)) throw new RangeError(`A price must be a finite number of at least 0, got ${price}`);
}
