/** Shapes that cross the boundary between the page and the workers. */
import type { Dataset } from '../core/data/dataset';
import type { ColumnSummary } from '../core/data/summarize';
import type { CsvPart } from '../core/data/csv-part';

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
