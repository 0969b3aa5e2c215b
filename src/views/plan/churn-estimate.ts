/**
 * What the churn model says about churn, for the plan's customer value: the mean predicted
 * churn probability of the customers it held out (scored by a model that never saw them).
 */
import type { ChurnTraining } from '../../workers/protocol';

export interface ChurnEstimate {
  /** Mean P(churn) over the held-out customers, 0 to 1. */
  probability: number;
  /** How many held-out customers it is the mean of. */
  customers: number;
  /** The data set the model was trained on. */
  datasetName: string;
}

/**
 * @returns null without a trained model or held-out customers
 * @example churnEstimateOf({ datasetName: 'telco.csv', training }) // { probability: 0.27, customers: 1409, … }
 */
export function churnEstimateOf(result: { datasetName: string; training: Pick<ChurnTraining, 'report'> } | null): ChurnEstimate | null {
  const scores = result?.training.report.test.scores;
  if (!result || !scores || scores.length === 0) return null;
  let sum = 0;
  for (const score of scores) sum += score;
  return { probability: sum / scores.length, customers: scores.length, datasetName: result.datasetName };
}
