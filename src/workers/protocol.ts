/** Shapes that cross the boundary between the page and the workers. */
import type { Dataset } from '../core/data/dataset';
import type { ColumnSummary } from '../core/data/summarize';
import type { CsvPart } from '../core/data/csv-part';
import type { ChurnModel, ChurnReport } from '../core/churn/train-churn-model';

/** Progress of a job: bytes read of a file, or steps of a longer computation. */
export interface JobProgress {
  phase: 'reading';
  done: number;
  total: number;
}

export type ProgressFn = (progress: JobProgress) => void;

export interface ImportFileOptions {
  encoding?: string;
  delimiter?: string;
  decimal?: '.' | ',';
}

export interface ImportedDataset {
  dataset: Dataset;
  summaries: ColumnSummary[];
}

/** Every ArrayBuffer a data set holds, to transfer instead of copy. */
export function datasetBuffers(dataset: Dataset): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of dataset.columns) {
    const s = column.storage;
    if (s.kind === 'numeric') {
      buffers.add(s.values.buffer as ArrayBuffer);
      buffers.add(s.rejected.rows.buffer as ArrayBuffer);
    } else {
      buffers.add(s.codes.buffer as ArrayBuffer);
      buffers.add(s.dictionary.ends.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}

/** Every ArrayBuffer of a part of a split file. */
export function partBuffers(part: CsvPart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of part.columns) {
    for (const array of [column.values, column.codes, column.counts, column.rejectedRows, column.dictionary.ends]) {
      buffers.add(array.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}

/**
 * Progress of a churn training run: trees grown, then the held-out evaluation and scoring;
 * with cross-validation a second phase follows, trees grown over all folds.
 */
export type ChurnProgress =
  | { phase: 'trees' | 'evaluating'; done: number; total: number }
  | {
      phase: 'folds';
      /** Trees grown over all folds so far, of `total` = folds × trees. */
      done: number;
      total: number;
      /** The fold being trained, from 1. */
      fold: number;
      folds: number;
    };

export type ChurnProgressFn = (progress: ChurnProgress) => void;

/** The values of a target column, most frequent first (ties by name, as the engine orders them). */
export interface TargetClasses {
  classes: { label: string; count: number }[];
  /** Rows without a value in the target column (they are left out of training). */
  missing: number;
}

/** A trained model's report and the churn probability of every row of the data set. */
export interface ChurnTraining {
  report: ChurnReport;
  /** P(churn class) per data set row. */
  scores: Float64Array;
  /** Data set rows from the highest churn probability to the lowest (ties by row). */
  order: Int32Array;
}

/** Every ArrayBuffer of a training result, to transfer instead of copy. */
export function trainingBuffers(training: ChurnTraining): ArrayBuffer[] {
  const { report } = training;
  const arrays: ArrayBufferView[] = [training.scores, training.order, report.test.rows, report.test.scores, report.test.labels];
  return [...new Set([...arrays.map((a) => a.buffer as ArrayBuffer), ...modelBuffers(report.model)])];
}

/** Every ArrayBuffer of a trained model (bins, importance, trees), to transfer instead of copy. */
export function modelBuffers(model: ChurnModel): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [model.forest.importance, ...model.edges];
  for (const tree of model.forest.trees) arrays.push(tree.feature, tree.threshold, tree.left, tree.right, tree.value);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** The churn probability of every row of a data set scored with a trained model. */
export interface ScoredRows {
  /** P(churn class) per data set row. */
  scores: Float64Array;
  /** Data set rows from the highest churn probability to the lowest (ties by row). */
  order: Int32Array;
}
