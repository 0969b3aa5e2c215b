/**
 * What the pricing screen says a customer is worth per unit: the price it recommends (the
 * best profit inside the survey's acceptable range) or, without a survey, the profit-
 * maximising price, less the unit cost. The plan turns it into a lifetime value.
 */
import type { DemandAnalysis } from '../../core/pricing/demand-analysis';

export interface PricingEstimate {
  price: number;
  unitCost: number;
  /** price − unit cost. */
  margin: number;
  /** Which price: the recommendation inside the acceptable range, or the best on the demand curve. */
  basis: 'recommended' | 'best';
}

/**
 * @param analysis the pricing screen's demand analysis
 * @param unitCost the unit cost it was made with
 * @returns null without a price above the unit cost
 * @example pricingEstimateOf(analysis, 10) // { price: 48.2, unitCost: 10, margin: 38.2, basis: 'best' }
 */
export function pricingEstimateOf(analysis: Pick<DemandAnalysis, 'optimal' | 'recommendation'> | null, unitCost: number | null): PricingEstimate | null {
  if (!analysis || unitCost === null) return null;
  const recommended = analysis.recommendation?.ok ? analysis.recommendation.value.price : null;
  const best = analysis.optimal?.ok ? analysis.optimal.value.price : null;
  const price = recommended ?? best;
  if (price === null || !(price > unitCost)) return null;
  return { price, unitCost, margin: price - unitCost, basis: recommended !== null ? 'recommended' : 'best' };
}
