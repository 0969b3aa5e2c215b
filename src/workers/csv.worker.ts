/**
 * The import worker: reads a File in slices, feeds the engine's byte importer and sends
 * back the typed columns (transferred, not copied) with their summaries. No model logic
 * lives here.
 */
import * as Comlink from 'comlink';
import { createByteImporter, HEAD_BYTES } from '../core/data/byte-importer';
import { summarizeDataset, summarizeColumn, type ColumnSummary } from '../core/data/summarize';
import { retypeColumn } from '../core/data/retype-column';
import type { Column, ColumnType } from '../core/data/dataset';
import { fail, ok, type Result } from '../core/shared/result';
import { datasetBuffers, type ImportedDataset, type ImportFileOptions, type ProgressFn } from './protocol';

const SLICE_BYTES = 2 << 20;
const PROGRESS_INTERVAL_MS = 100;

async function importFile(file: File, options: ImportFileOptions, onProgress?: ProgressFn): Promise<Result<ImportedDataset>> {
  try {
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    const started = createByteImporter(head, file.size, { ...options, fileName: file.name });
    if (!started.ok) return started;
    const importer = started.value;
    let lastReport = 0;
    for (let start = 0; ; start += SLICE_BYTES) {
      const end = Math.min(file.size, start + SLICE_BYTES);
      const last = end >= file.size;
      importer.push(new Uint8Array(await file.slice(start, end).arrayBuffer()), last);
      const now = performance.now();
      if (onProgress && (now - lastReport > PROGRESS_INTERVAL_MS || last)) {
        lastReport = now;
        await onProgress({ phase: 'reading', done: end, total: file.size });
      }
      if (last) break;
    }
    const result = importer.finish();
    if (!result.ok) return result;
    const dataset = result.value;
    const summaries = summarizeDataset(dataset);
    return Comlink.transfer(ok({ dataset, summaries }), datasetBuffers(dataset));
  } catch (error) {
    return internal(error);
  }
}

function retype(column: Column, type: ColumnType, decimal: '.' | ','): Result<{ column: Column; summary: ColumnSummary }> {
  try {
    const result = retypeColumn(column, type, decimal);
    if (!result.ok) return result;
    return ok({ column: result.value, summary: summarizeColumn(result.value) });
  } catch (error) {
    return internal(error);
  }
}

function internal(error: unknown): Result<never> {
  const detail = error instanceof Error ? error.message : String(error);
  // A file removed or changed on disk while it was being read.
  if (error instanceof DOMException && (error.name === 'NotReadableError' || error.name === 'NotFoundError')) {
    return fail('FILE_READ', detail, { detail });
  }
  return fail('INTERNAL', detail, { detail });
}

export const csvWorkerApi = { importFile, retype };
export type CsvWorkerApi = typeof csvWorkerApi;

Comlink.expose(csvWorkerApi);
