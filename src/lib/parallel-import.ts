/**
 * Reads a large file with two workers side by side: the first reads up to a line break
 * near the middle, the second reads from there, and the first merges both into one data
 * set. If the cut fell inside a quoted cell (a cell with line breaks), the first worker
 * reads the whole file alone instead. Small files are read by one worker.
 */
import * as Comlink from 'comlink';
import type { Result } from '../core/shared/result';
import type { WorkerClient } from './worker-client';
import type { CsvWorkerApi } from '../workers/csv.worker';
import { partBuffers, type ImportedDataset, type ImportFileOptions, type JobProgress } from '../workers/protocol';

/** Below this size the second worker's start-up and the merge cost more than they save. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
/**
 * Above this size memory comes first: two workers hold about 4.5 times the file at their
 * peak, one worker about 2.6 times (measured with tests/bench/csv-import).
 */
export const PARALLEL_MAX_BYTES = 256 * 1024 * 1024;

export async function importInParallel(
  first: WorkerClient<CsvWorkerApi>,
  second: WorkerClient<CsvWorkerApi>,
  file: File,
  options: ImportFileOptions,
  signal: AbortSignal,
  onProgress: (progress: JobProgress) => void,
): Promise<Result<ImportedDataset>> {
  const whole = () => first.call(signal, 'importFile', file, options, Comlink.proxy(onProgress));
  if (file.size < PARALLEL_MIN_BYTES || file.size > PARALLEL_MAX_BYTES) return whole();
  const plan = await first.call(signal, 'planImport', file, options, true);
  if (!plan.ok && plan.error.code === 'CANCELLED') return plan;
  // Any other trouble planning (a header longer than the head, an odd file): one reader decides.
  if (!plan.ok || plan.value.splitAt === null) return whole();

  const done = [0, 0];
  const report = (part: 0 | 1) =>
    Comlink.proxy((progress: JobProgress) => {
      done[part] = progress.done;
      onProgress({ phase: 'reading', done: done[0] + done[1], total: file.size });
    });
  const [a, b] = await Promise.all([
    first.call(signal, 'importPart', file, plan.value, 'first', report(0)),
    second.call(signal, 'importPart', file, plan.value, 'second', report(1)),
  ]);
  if (!a.ok) return a;
  if (!b.ok) return b;
  if (a.value.endsInsideQuotes || !b.value.part) return whole();
  const part = b.value.part;
  return first.call(signal, 'finishParts', Comlink.transfer(part, partBuffers(part)), plan.value, { name: file.name, size: file.size });
}
