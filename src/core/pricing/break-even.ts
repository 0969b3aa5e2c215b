/**
 * Break-even prices of a demand curve: where profit (p − c)·Q(p) − F is exactly zero, on
 * each side of the best price.
 */
import { profitAt, quantityAt, type DemandModel } from './demand-curve';

export interface BreakEvenPoint {
  price: number;
  /** Units sold at that price. */
  quantity: number;
}

/**
 * low: the price below the best price where profit reaches zero; high: the price above it
 * where profit falls back to zero, or null when it never does (constant elasticity with no
 * fixed cost: profit stays above zero at every higher price).
 */
export type BreakEven =
  | { low: BreakEvenPoint; high: BreakEvenPoint | null; reason: null }
  | { low: null; high: null; reason: 'best-price-loses-money' };

/** Bisection steps: each halves the bracket, 200 take any double bracket down to adjacent numbers. */
const STEPS = 200;

/**
 * The break-even prices around a best price (the caller found bestPrice and that it is the
 * profit maximum). Linear: the roots of −b p² + (a + b c) p − (a c + F) = 0. Constant
 * elasticity: bisection on each side of the best price.
 */
export function breakEvenPrices(curve: DemandModel, unitCost: number, fixedCost: number, bestPrice: number): BreakEven {
  const bestProfit = profitAt(curve, bestPrice, unitCost, fixedCost);
  if (bestProfit < 0) return { low: null, high: null, reason: 'best-price-loses-money' };
  const point = (price: number): BreakEvenPoint => ({ price, quantity: quantityAt(curve, price) });

  if (curve.form === 'linear') {
    const { a, b } = curve;
    const middle = a + b * unitCost;
    // Rounding can leave a tiny negative discriminant when the best profit is exactly 0.
    const root = Math.sqrt(Math.max(0, middle * middle - 4 * b * (a * unitCost + fixedCost)));
    return { low: point((middle - root) / (2 * b)), high: point((middle + root) / (2 * b)), reason: null };
  }

  const profit = (p: number): number => profitAt(curve, p, unitCost, fixedCost);
  // At p = c profit is −F ≤ 0; at the best price it is ≥ 0.
  const low = bisect(profit, unitCost, bestPrice);
  if (fixedCost === 0) return { low: point(low), high: null, reason: null };
  // Above the best price profit falls toward −F: double the price until it is below zero.
  let top = bestPrice * 2;
  for (let i = 0; i < STEPS && profit(top) >= 0; i++) top *= 2;
  const high = profit(top) < 0 ? point(bisect(profit, top, bestPrice)) : null;
  return { low: point(low), high, reason: null };
}

/** A zero of f between `from` (f ≤ 0) and `to` (f ≥ 0), in either order of from and to. */
function bisect(f: (x: number) => number, from: number, to: number): number {
  let negative = from;
  let positive = to;
  for (let i = 0; i < STEPS; i++) {
    const middle = (negative + positive) / 2;
    if (middle === negative || middle === positive) break;
    if (f(middle) < 0) negative = middle;
    else positive = middle;
  }
  return (negative + positive) / 2;
}
