/**
 * What the churn worker does, apart from the messaging (churn.worker.ts exposes it), so
 * tests call it directly: the classes of a target column, the columns the engine flags for
 * it, a training run that also scores every row of the data set, stratified k-fold
 * cross-validation with the same options, and scoring another data set with a trained
 * model (the page keeps the model and sends it; it is structured-cloneable), and model
 * files: a model as JSON text and back (a 100-tree model is several MB of JSON, so it is
 * written and read here, not on the page). Typed arrays go back transferred; every failure
 * is a Result, never a throw.
 */
import * as Comlink from 'comlink';
import { flagColumns, type ColumnFlag } from '../core/churn/column-flags';
import { churnModelFromJson, churnModelToJson } from '../core/churn/model-file';
import {
  crossValidateChurn,
  scoreRows,
  trainChurnModel,
  type ChurnModel,
  type ChurnOptions,
  type CrossValidation,
} from '../core/churn/train-churn-model';
import type { Column, Dataset } from '../core/data/dataset';
import { columnStrings } from '../core/data/dataset-access';
import { fail, ok, type Result } from '../core/shared/result';
import { modelBuffers, trainingBuffers, type ChurnProgressFn, type ChurnTraining, type ScoredRows, type TargetClasses } from './protocol';

/** Progress goes to the page at most this often (10 Hz), plus the last tree. */
const PROGRESS_INTERVAL_MS = 100;

/** Training options as they cross the boundary (the hooks are the worker's own). */
export type ChurnTrainOptions = Omit<ChurnOptions, 'onProgress' | 'shouldStop'>;

/** The values of a target column with their counts, most frequent first. */
function classesOf(column: Column): Result<TargetClasses> {
  try {
    return ok(countClasses(columnStrings(column)));
  } catch (error) {
    return internal(error);
  }
}

/** The id, constant and leak flags the engine gives the columns for this target and churn class. */
function flag(dataset: Dataset, target: string, positive: string): Result<ColumnFlag[]> {
  try {
    const column = dataset.columns.find((c) => c.name === target);
    if (!column) return fail('CHURN_NO_TARGET', `The data set has no column "${target}".`, { column: target });
    const values = columnStrings(column);
    const { classes } = countClasses(values);
    const index = new Map(classes.map((c, i) => [c.label, i]));
    const positiveIndex = index.get(positive);
    if (positiveIndex === undefined) return fail('CHURN_NO_POSITIVE', `The column "${target}" has no value "${positive}".`, { value: positive });
    const labels = Int32Array.from(values, (v) => (v === null ? -1 : index.get(v)!));
    return ok(flagColumns(dataset, target, labels, positiveIndex));
  } catch (error) {
    return internal(error);
  }
}

/** Trains, evaluates on the held-out rows, and scores every row of the data set. */
function train(dataset: Dataset, options: ChurnTrainOptions, onProgress?: ChurnProgressFn): Result<ChurnTraining> {
  try {
    let lastReport = -Infinity;
    const trained = trainChurnModel(dataset, {
      ...options,
      onProgress: (done, total) => {
        const now = performance.now();
        if (onProgress && (done === total || now - lastReport >= PROGRESS_INTERVAL_MS)) {
          lastReport = now;
          // Not awaited: the page's answer would only arrive after the training.
          void onProgress({ phase: 'trees', done, total });
          if (done === total) void onProgress({ phase: 'evaluating', done, total });
        }
      },
    });
    if (!trained.ok) return trained;
    const report = trained.value;
    const scored = scoreRows(report.model, dataset);
    if (!scored.ok) return scored;
    const training: ChurnTraining = { report, ...ranked(scored.value) };
    return Comlink.transfer(ok(training), trainingBuffers(training));
  } catch (error) {
    return internal(error);
  }
}

/**
 * Stratified k-fold cross-validation with the training options: progress is the trees
 * grown over all folds (phase 'folds'), at most 10 times a second plus the last tree.
 */
function crossValidate(dataset: Dataset, options: ChurnTrainOptions, folds: number, onProgress?: ChurnProgressFn): Result<CrossValidation> {
  try {
    let lastReport = -Infinity;
    return crossValidateChurn(
      dataset,
      {
        ...options,
        onProgress: (done, total) => {
          const now = performance.now();
          if (onProgress && (done === total || now - lastReport >= PROGRESS_INTERVAL_MS)) {
            lastReport = now;
            const trees = total / folds;
            void onProgress({ phase: 'folds', done, total, fold: Math.min(folds, Math.max(1, Math.ceil(done / trees))), folds });
          }
        },
      },
      folds,
    );
  } catch (error) {
    return internal(error);
  }
}

/** The churn probability of every row of a data set, riskiest first; CHURN_MISSING_COLUMN when a column the model needs is absent. */
function score(model: ChurnModel, dataset: Dataset): Result<ScoredRows> {
  try {
    const scored = scoreRows(model, dataset);
    if (!scored.ok) return scored;
    const rows = ranked(scored.value);
    return Comlink.transfer(ok(rows), [rows.scores.buffer as ArrayBuffer, rows.order.buffer as ArrayBuffer]);
  } catch (error) {
    return internal(error);
  }
}

/** The text of a model file (churnModelToJson) for a model the page keeps. */
function modelToJson(model: ChurnModel): Result<string> {
  try {
    return ok(churnModelToJson(model));
  } catch (error) {
    return internal(error);
  }
}

/**
 * Reads a model file and checks it with churnModelFromJson: the file itself (a File or Blob,
 * read here so its text never sits on the page) or its text. A file that is not a model
 * answers MODEL_FILE_INVALID with the reason; one that cannot be read, FILE_READ.
 */
async function modelFromJson(source: Blob | string): Promise<Result<ChurnModel>> {
  let text: string;
  try {
    text = typeof source === 'string' ? source : await source.text();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('FILE_READ', detail, { detail });
  }
  try {
    const model = churnModelFromJson(text);
    if (!model.ok) return model;
    return Comlink.transfer(model, modelBuffers(model.value));
  } catch (error) {
    return internal(error);
  }
}

/** The scores with the rows from the highest to the lowest (ties by row). */
function ranked(scores: Float64Array): ScoredRows {
  const order = Int32Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b);
  return { scores, order };
}

function countClasses(values: readonly (string | null)[]): TargetClasses {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  // The engine's order (prepareChurn): most frequent first, ties by name.
  const classes = [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
  return { classes, missing };
}

function internal(error: unknown): Result<never> {
  const detail = error instanceof Error ? error.message : String(error);
  return fail('INTERNAL', detail, { detail });
}

export const churnWorkerApi = { classesOf, flag, train, crossValidate, score, modelToJson, modelFromJson };
export type ChurnWorkerApi = typeof churnWorkerApi;
