/** The public engine: tests, benchmarks and outside scripts use these names. */
export type { Result, AppError } from './shared/result';
export { ok, fail } from './shared/result';
export type { Dataset, Column, ColumnType, ColumnStorage, DataIssue, ImportSource } from './data/dataset';
export { COLUMN_TYPES } from './data/dataset';
export { parseCsv, type ParseCsvOptions } from './data/parse-csv';
export { createCsvImporter, type CsvImportOptions, type CsvImporter } from './data/csv-importer';
export { createByteImporter, HEAD_BYTES, type ByteImporter, type ByteImportOptions } from './data/byte-importer';
export { getNumbers, getStrings, getColumn, columnNumbers, columnStrings, cellText, fileRowNumber } from './data/dataset-access';
export { retypeColumn } from './data/retype-column';
export { summarizeColumn, summarizeDataset, type ColumnSummary, type HistogramBin } from './data/summarize';
export {
  trainChurnModel,
  crossValidateChurn,
  scoreRows,
  type CrossValidation,
  type ChurnOptions,
  type ChurnReport,
  type ChurnModel,
  type FeatureImportance,
} from './churn/train-churn-model';
export type { ColumnFlag } from './churn/column-flags';
export { churnModelToJson, churnModelFromJson } from './churn/model-file';
export { parseLpFormat } from './lp/parse-lp-format';
export { writeLpFormat } from './lp/write-lp-format';
export { solveLp, type LpSolution, type SolveLpOptions } from './lp/solve-lp';
export { validateLpModel, MAX_NONZEROS } from './lp/validate-lp-model';
export type { LpSolver, RawStatus as LpStatus } from './lp/run-glpk';
export type { AlternativeOptimum } from './lp/alternative-optimum';
export type { LpSensitivity, VariableRange, ConstraintRange } from './lp/sensitivity';
export type { UnboundedRay } from './lp/unbounded-ray';
export type { LpModel, LpVariable, LpConstraint, ConstraintOp } from './lp/lp-model';
export type { ClassificationReport } from './churn/metrics';
export { exponentialSmoothing } from './forecast/exponential-smoothing';
export {
  fitForecast,
  type Forecast,
  type ForecastOptions,
  type ForecastParams,
  type ForecastStep,
  type InitialStates,
  type RankedModel,
  type SkippedModel,
  type ForecastNote,
  type ModelId,
  type ParamName,
  type Estimation,
} from './forecast/fit-forecast';
export { aggregateSeries, type AggregatedSeries, type SeriesNote } from './forecast/aggregate-series';
export { marginalRevenue, marginalRevenueWorking, marginalRevenueCurve, type MarginalRevenueInput, type MarginalRevenueWorking } from './pricing/marginal-revenue';
export { fitDemand, type DemandPoint } from './pricing/fit-demand';
export { compareDemandFits, type DemandComparison } from './pricing/compare-demand-fits';
export { quantityAt, elasticityAt, revenueAt, profitAt, type DemandCurve, type DemandModel, type DemandForm } from './pricing/demand-curve';
export { optimalPrice, type OptimalPrice } from './pricing/optimal-price';
export type { BreakEven } from './pricing/break-even';
export { recommendPrice, type PriceRecommendation } from './pricing/recommend-price';
export { priceScenarios, type PriceScenario } from './pricing/price-scenarios';
export { vanWestendorp, type VanWestendorpAnswers, type VanWestendorpResult } from './pricing/van-westendorp';
export { vanWestendorpFromDataset } from './pricing/van-westendorp-dataset';
export { demandPointsFromDataset } from './pricing/demand-points';
export { bayesPosterior, bayesUpdate, type BayesInput, type BayesStep } from './bayes/bayes-rule';
export { bayesChain, type ChainEvidence } from './bayes/bayes-chain';
export { naturalFrequencies, iconArray, type NaturalFrequencies, type IconArray } from './bayes/natural-frequencies';
export { learnBayes, type LearnBayesOptions } from './bayes/learn-bayes';
export type { LearnedBayes, EvidenceColumn, EvidenceLevel } from './bayes/learned-bayes';
export { posteriorFor, type CombinedPosterior } from './bayes/posterior-for';
export { levelOf } from './bayes/level-of';
export { createPlan, PLAN_TEMPLATE_IDS } from './plan/create-plan';
export type { Plan, PlanGoal, PlanChannel, PlanActual, PlanSection, PlanResources, PlanStrategy, GoalKind } from './plan/plan';
export { migratePlan, openPlan, planFileText, readPlanFile } from './plan/plan-file';
export { validatePlan } from './plan/validate-plan';
export { buildAllocationModel } from './plan/plan-allocation';
export { loopProgress, stepProgress, LOOP_NODES, PLAN_STEPS, type Progress, type LoopNode, type PlanStep } from './plan/plan-status';
export { planVariance, targetAgainstForecast, type VarianceRow, type Drift } from './plan/plan-variance';
