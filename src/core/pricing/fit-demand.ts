/**
 * Fitting a demand curve to observed (price, quantity) points: a straight line Q = a − bP,
 * or constant elasticity Q = k·P^e through a straight line of ln Q on ln P.
 */
import { fail, ok, type Result } from '../shared/result';
import { notDownward, quantityAt, type DemandCurve, type DemandForm } from './demand-curve';
import { fitLine, rSquared } from './least-squares';

export interface DemandPoint {
  price: number;
  quantity: number;
}

/** Fewest different prices a fit needs: two fix a line, a third gives it something to be tested on. */
export const MIN_DISTINCT_PRICES = 3;

/**
 * Fits demand to price/quantity points by ordinary least squares: linear regresses Q on P,
 * constant elasticity regresses ln Q on ln P (so it needs prices and quantities above zero).
 * Refused when fewer than 3 prices differ, a value is not a finite number, a value is
 * negative (zero too for constant elasticity), or the fitted quantity does not fall as the
 * price rises.
 * @example fitDemand([{ price: 10, quantity: 80 }, { price: 20, quantity: 60 }, { price: 30, quantity: 40 }], 'linear')
 *   // ok({ form: 'linear', a: 100, b: 2, r2: 1, … })
 */
export function fitDemand(points: readonly DemandPoint[], form: DemandForm): Result<DemandCurve> {
  const checked = checkPoints(points, form);
  if (!checked.ok) return checked;
  const prices = points.map((p) => p.price);
  const quantities = points.map((p) => p.quantity);
  const n = points.length;
  const priceRange: [number, number] = [Math.min(...prices), Math.max(...prices)];

  if (form === 'linear') {
    // Fitted on prices and quantities scaled to at most 1, so squares of large figures do not
    // overflow; Q/sq = a' − b'·P/sp gives a = a'·sq and b = b'·sq/sp, R² is the same.
    const sp = priceRange[1];
    const sq = Math.max(...quantities.map(Math.abs)) || 1;
    const line = fitLine(prices.map((p) => p / sp), quantities.map((q) => q / sq));
    if (line.slope >= 0) return notDownward('linear', (line.slope * sq) / sp);
    const curve = { form, a: line.intercept * sq, b: (-line.slope * sq) / sp } as const;
    const r2 = 1 - line.sse / line.sst;
    return finite({ ...curve, r2, r2Quantity: r2, n, priceRange, residualStandardError: Math.sqrt(line.sse / (n - 2)) * sq });
  }

  const line = fitLine(prices.map(Math.log), quantities.map(Math.log));
  if (line.slope >= 0) return notDownward('constant-elasticity', line.slope);
  const curve = { form, k: Math.exp(line.intercept), e: line.slope } as const;
  return finite({
    ...curve,
    r2: 1 - line.sse / line.sst,
    r2Quantity: rSquared(quantities, prices.map((p) => quantityAt(curve, p))),
    n,
    priceRange,
    residualStandardError: Math.sqrt(line.sse / (n - 2)),
  });
}

/** A fit whose figures are all numbers; figures too large or too small for the arithmetic are refused. */
function finite(curve: DemandCurve): Result<DemandCurve> {
  const figures = curve.form === 'linear' ? [curve.a, curve.b] : [curve.k, curve.e];
  if ([...figures, curve.r2, curve.r2Quantity].every(Number.isFinite)) return ok(curve);
  return fail('DEMAND_OUT_OF_RANGE', 'The prices or quantities are too large or too small to fit a curve to. Enter them in other units (thousands, millions).');
}

/** Finite values, none negative (none zero for constant elasticity), at least 3 different prices. */
function checkPoints(points: readonly DemandPoint[], form: DemandForm): Result<true> {
  for (let i = 0; i < points.length; i++) {
    for (const field of ['price', 'quantity'] as const) {
      const value = points[i][field];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return fail('DEMAND_NOT_FINITE', `The ${field} of point ${i + 1} is not a number (${value}).`, {
          index: i,
          position: i + 1,
          field,
          value: String(value),
        });
      }
    }
  }
  const distinct = new Set(points.map((p) => p.price)).size;
  if (distinct < MIN_DISTINCT_PRICES) {
    return fail(
      'TOO_FEW_PRICES',
      `The data have ${distinct} different price${distinct === 1 ? '' : 's'}; a demand curve needs at least ${MIN_DISTINCT_PRICES}. Add sales at other prices.`,
      { distinct, needed: MIN_DISTINCT_PRICES },
    );
  }
  for (let i = 0; i < points.length; i++) {
    for (const field of ['price', 'quantity'] as const) {
      const value = points[i][field];
      if (form === 'constant-elasticity' && value <= 0) {
        return fail(
          'DEMAND_NOT_POSITIVE',
          `The ${field} of point ${i + 1} is ${value}; a constant-elasticity curve works on logarithms, so every price and quantity must be above zero. Remove the point or use the linear fit.`,
          { index: i, position: i + 1, field, value },
        );
      }
      if (value < 0) {
        return fail('DEMAND_NEGATIVE', `The ${field} of point ${i + 1} is negative (${value}); prices and quantities cannot be below zero.`, {
          index: i,
          position: i + 1,
          field,
          value,
        });
      }
    }
  }
  return ok(true);
}
