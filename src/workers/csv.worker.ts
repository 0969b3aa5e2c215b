/**
 * The import worker: reads a File in slices, decodes it, feeds the engine's importer and
 * sends back the typed columns (transferred, not copied) with their summaries.
 * No model logic lives here.
 */
import * as Comlink from 'comlink';
import { createCsvImporter } from '../core/data/csv-importer';
import { createStreamDecoder } from '../core/data/decode-text';
import { binaryFileError, chooseEncoding } from '../core/data/parse-csv';
import { summarizeDataset, summarizeColumn } from '../core/data/summarize';
import { retypeColumn } from '../core/data/retype-column';
import type { Column, ColumnType, Dataset } from '../core/data/dataset';
import { fail, ok, type Result } from '../core/shared/result';
import { datasetBuffers, type ImportedDataset, type ImportFileOptions, type ProgressFn } from './protocol';
import type { ColumnSummary } from '../core/data/summarize';

const SLICE_BYTES = 2 << 20;
const SNIFF_BYTES = 64 << 10;
const PROGRESS_INTERVAL_MS = 100;

async function importFile(file: Blob & { name?: string }, options: ImportFileOptions, onProgress?: ProgressFn): Promise<Result<ImportedDataset>> {
  try {
    const fileName = file.name ?? 'data.csv';
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const binary = binaryFileError(head);
    if (binary) return binary;
    const encoding = chooseEncoding(head, options.encoding);
    const decoder = createStreamDecoder(encoding);
    const importer = createCsvImporter({ fileName, byteLength: file.size, encoding, delimiter: options.delimiter, decimal: options.decimal });
    let lastReport = 0;
    for (let start = 0; start < file.size || start === 0; start += SLICE_BYTES) {
      const end = Math.min(file.size, start + SLICE_BYTES);
      const bytes = new Uint8Array(await file.slice(start, end).arrayBuffer());
      const last = end >= file.size;
      importer.pushText(decoder.decode(bytes, last), last);
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
    if (!options.encoding && !encoding.startsWith('utf-')) {
      dataset.issues.unshift({
        code: 'ENCODING_GUESSED',
        message: `The file is not UTF-8; it was read as ${encoding}.`,
        params: { encoding },
      });
    }
    onProgress?.({ phase: 'summarising', done: 0, total: 1 });
    const summaries = summarizeDataset(dataset);
    return Comlink.transfer(ok({ dataset, summaries }), datasetBuffers(dataset));
  } catch (error) {
    return internal(error);
  }
}

function summarize(dataset: Dataset): Result<ColumnSummary[]> {
  try {
    return ok(summarizeDataset(dataset));
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
  if (error instanceof DOMException && error.name === 'NotReadableError') return fail('FILE_READ', detail, { detail });
  return fail('INTERNAL', detail, { detail });
}

export const csvWorkerApi = { importFile, summarize, retype };
export type CsvWorkerApi = typeof csvWorkerApi;

Comlink.expose(csvWorkerApi);
