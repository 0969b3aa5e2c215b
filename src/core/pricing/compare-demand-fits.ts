/** Both demand forms fitted to the same points, and which one follows the data more closely. */
import type { Result } from '../shared/result';
import type { DemandCurve, DemandForm } from './demand-curve';
import { fitDemand, type DemandPoint } from './fit-demand';

/**
 * Why `better` was chosen: the higher R² on quantities, the only form that could be fitted,
 * an equal fit (then linear, the simpler to read), or neither form fits.
 */
export type DemandComparisonReason = 'higher-r2-quantity' | 'only-linear' | 'only-constant-elasticity' | 'equal-fit' | 'neither';

export interface DemandComparison {
  linear: Result<DemandCurve>;
  constantElasticity: Result<DemandCurve>;
  /** The form whose quantities follow the observed ones more closely; null when neither fits. */
  better: DemandForm | null;
  reason: DemandComparisonReason;
}

/** R² on quantities closer than this counts as equal: the difference means nothing on real data. */
const EQUAL_R2 = 1e-9;

/**
 * Fits both forms and picks the better by R² of the fitted quantities (the one scale both
 * share: the log-scale R² of constant elasticity is not comparable with the linear R²).
 */
export function compareDemandFits(points: readonly DemandPoint[]): DemandComparison {
  const linear = fitDemand(points, 'linear');
  const constantElasticity = fitDemand(points, 'constant-elasticity');
  if (!linear.ok && !constantElasticity.ok) return { linear, constantElasticity, better: null, reason: 'neither' };
  if (!constantElasticity.ok) return { linear, constantElasticity, better: 'linear', reason: 'only-linear' };
  if (!linear.ok) return { linear, constantElasticity, better: 'constant-elasticity', reason: 'only-constant-elasticity' };
  const difference = constantElasticity.value.r2Quantity - linear.value.r2Quantity;
  if (Math.abs(difference) <= EQUAL_R2) return { linear, constantElasticity, better: 'linear', reason: 'equal-fit' };
  return { linear, constantElasticity, better: difference > 0 ? 'constant-elasticity' : 'linear', reason: 'higher-r2-quantity' };
}
