/**
 * The scored customers of a trained model, riskiest first, as the at-risk table shows them
 * and as they are exported: the customer's key (the data set's id column, else the row in
 * the file), the churn probability, the actual class, whether the row was held out for
 * testing, and whether the current threshold would contact the customer. Another data set
 * scored with the model is exported the same way, without the columns that only the
 * training data set has (actual class, held out).
 */
import type { Column, Dataset } from '../../core/data/dataset';
import { cellText, fileRowNumber } from '../../core/data/dataset-access';
import type { ChurnTraining, ScoredRows } from '../../workers/protocol';
import { t } from '../i18n/i18n';
import { toCsv, type CsvCell } from '../csv-export';

export interface ScoredCustomers {
  dataset: Dataset;
  training: ChurnTraining;
  /** The data set's id column, or null (then rows are keyed by their row in the file). */
  idColumn: Column | null;
  targetColumn: Column | null;
  /** 1 for a row held out for testing, per data set row. */
  heldOut: Uint8Array;
}

/** Probabilities are written with this many decimals. */
const DECIMALS = 4;

/** The first column typed as an identifier, if any. */
export function idColumnOf(dataset: Dataset): Column | null {
  return dataset.columns.find((c) => c.type === 'id') ?? null;
}

/** Builds the lookup from a data set and a training run of it. */
export function scoredCustomers(dataset: Dataset, training: ChurnTraining): ScoredCustomers {
  const heldOut = new Uint8Array(dataset.rowCount);
  for (const row of training.report.test.rows) heldOut[row] = 1;
  return {
    dataset,
    training,
    idColumn: idColumnOf(dataset),
    targetColumn: dataset.columns.find((c) => c.name === training.report.target) ?? null,
    heldOut,
  };
}

/** Column titles, in the order of {@link scoredRow}. */
export function scoredHeader(s: ScoredCustomers): string[] {
  return [
    s.idColumn ? s.idColumn.name : t('churn.atRisk.fileRow'),
    t('churn.atRisk.probability'),
    t('churn.atRisk.actual', { target: s.training.report.target }),
    t('churn.atRisk.heldOut'),
    t('churn.atRisk.contact'),
  ];
}

/**
 * The values of the customer at a rank (0 = highest churn probability): key, probability
 * (rounded to 4 decimals), actual class (null when missing), held out and contact as yes/no.
 */
export function scoredRow(s: ScoredCustomers, rank: number, threshold: number): CsvCell[] {
  const row = s.training.order[rank];
  const score = s.training.scores[row];
  const yesNo = (value: boolean) => t(value ? 'churn.yes' : 'churn.no');
  return [
    s.idColumn ? cellText(s.idColumn, row) : fileRowNumber(s.dataset, row),
    Math.round(score * 10 ** DECIMALS) / 10 ** DECIMALS,
    s.targetColumn ? cellText(s.targetColumn, row) : null,
    yesNo(s.heldOut[row] === 1),
    yesNo(score >= threshold),
  ];
}

/** Every scored customer as CSV text (UTF-8 with BOM, formulas neutralised), riskiest first. */
export function scoredCsv(s: ScoredCustomers, threshold: number): string {
  const rows: CsvCell[][] = new Array(s.training.order.length);
  for (let rank = 0; rank < rows.length; rank++) rows[rank] = scoredRow(s, rank, threshold);
  return toCsv(scoredHeader(s), rows);
}

/** Another data set scored with a trained model. */
export interface ScoredDataset {
  dataset: Dataset;
  rows: ScoredRows;
  /** The data set's id column, or null (then rows are keyed by their row in the file). */
  idColumn: Column | null;
}

export function scoredDataset(dataset: Dataset, rows: ScoredRows): ScoredDataset {
  return { dataset, rows, idColumn: idColumnOf(dataset) };
}

/** Column titles of another scored data set: key, probability, flagged. */
export function scoredDatasetHeader(s: ScoredDataset): string[] {
  return [s.idColumn ? s.idColumn.name : t('churn.atRisk.fileRow'), t('churn.atRisk.probability'), t('churn.atRisk.contact')];
}

/** The key, probability (rounded to 4 decimals) and flagged (yes/no) of the customer at a rank. */
export function scoredDatasetRow(s: ScoredDataset, rank: number, threshold: number): CsvCell[] {
  const row = s.rows.order[rank];
  const score = s.rows.scores[row];
  return [
    s.idColumn ? cellText(s.idColumn, row) : fileRowNumber(s.dataset, row),
    Math.round(score * 10 ** DECIMALS) / 10 ** DECIMALS,
    t(score >= threshold ? 'churn.yes' : 'churn.no'),
  ];
}

/** Every customer of another scored data set as CSV text (UTF-8 with BOM, formulas neutralised), riskiest first. */
export function scoredDatasetCsv(s: ScoredDataset, threshold: number): string {
  const rows: CsvCell[][] = new Array(s.rows.order.length);
  for (let rank = 0; rank < rows.length; rank++) rows[rank] = scoredDatasetRow(s, rank, threshold);
  return toCsv(scoredDatasetHeader(s), rows);
}

/** How many customers score at least the threshold. */
export function flaggedCount(scores: Float64Array, threshold: number): number {
  let count = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] >= threshold) count++;
  return count;
}
