/** Shapes that cross the boundary between the page and the workers. */
import type { Dataset } from '../core/data/dataset';
import type { ColumnSummary } from '../core/data/summarize';

export interface JobProgress {
  phase: 'reading' | 'typing' | 'summarising';
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
