/**
 * What the pricing worker does, apart from the messaging (pricing.worker.ts exposes it), so
 * tests call it directly: the marginal revenue calculator with its curve, the (price,
 * quantity) points of a data set, the demand analysis (both fits, the curve chosen, the best
 * price, the figures at the current price, the recommendation inside a range, the scenarios
 * and the charts' lines), and Van Westendorp from a survey. Every failure is a Result, never
 * a throw.
 */
import type { Dataset } from '../core/data/dataset';
import { analyseDemand as analyseDemandInCore, type DemandAnalysis, type DemandRequest } from '../core/pricing/demand-analysis';
import { demandPointsFromDataset, type DemandPointColumns, type DemandPointsRead } from '../core/pricing/demand-points';
import { marginalRevenueCurve, marginalRevenueWorking, type MarginalRevenueInput, type MarginalRevenueWorking } from '../core/pricing/marginal-revenue';
import type { RowFilter } from '../core/pricing/row-filter';
import { vanWestendorpFromDataset, type VanWestendorpColumns } from '../core/pricing/van-westendorp-dataset';
import type { VanWestendorpResult } from '../core/pricing/van-westendorp';
import { fail, ok, type Result } from '../core/shared/result';

export type { DemandAnalysis, DemandChartLines, DemandRequest, FormChoice, PriceFigures } from '../core/pricing/demand-analysis';

export interface MarginalRevenueOutcome {
  working: MarginalRevenueWorking;
  /** MR from Q = 0 to max(Q0, Q). */
  curve: { quantity: number; mr: number }[];
}

/** MR = P (1 − Q / Q0) − C with each step, and its curve against Q for the chart. */
function marginalRevenue(input: MarginalRevenueInput): Result<MarginalRevenueOutcome> {
  try {
    const working = marginalRevenueWorking(input);
    if (!working.ok) return working;
    const curve = marginalRevenueCurve(input, 51);
    if (!curve.ok) return curve;
    return ok({ working: working.value, curve: curve.value });
  } catch (error) {
    return internal(error);
  }
}

/** The (price, quantity) points of two columns, optionally of the rows where a column reads a value. */
function demandPoints(dataset: Dataset, columns: DemandPointColumns): Result<DemandPointsRead> {
  try {
    return demandPointsFromDataset(dataset, columns);
  } catch (error) {
    return internal(error);
  }
}

/** The demand analysis (core/pricing/demand-analysis.ts). */
function analyseDemand(request: DemandRequest): Result<DemandAnalysis> {
  try {
    return analyseDemandInCore(request);
  } catch (error) {
    return internal(error);
  }
}

/** Van Westendorp's curves and price points from four answer columns, optionally of one segment. */
function survey(dataset: Dataset, columns: VanWestendorpColumns, filter: RowFilter | null): Result<VanWestendorpResult> {
  try {
    return vanWestendorpFromDataset(dataset, columns, filter ?? undefined);
  } catch (error) {
    return internal(error);
  }
}

function internal(error: unknown): Result<never> {
  const detail = error instanceof Error ? error.message : String(error);
  return fail('INTERNAL', detail, { detail });
}

export const pricingWorkerApi = { marginalRevenue, demandPoints, analyseDemand, survey };
export type PricingWorkerApi = typeof pricingWorkerApi;
