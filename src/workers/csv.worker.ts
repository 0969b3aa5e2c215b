/**
 * The import worker: reads a File in slices and feeds the engine's byte importer, either
 * the whole file, or one part of a file split between two workers (the first part is held
 * here until the second arrives to be merged). Typed columns go back transferred, not
 * copied, with their summaries. No model logic lives here.
 */
import * as Comlink from 'comlink';
import { createByteImporter, finishImport, HEAD_BYTES, type ByteImporter } from '../core/data/byte-importer';
import { planImport as planImportCore, type ImportPlan } from '../core/data/import-plan';
import { exportCsvPart, type CsvPart } from '../core/data/csv-part';
import { summarizeDataset, summarizeColumn, type ColumnSummary } from '../core/data/summarize';
import { retypeColumn } from '../core/data/retype-column';
import type { Column, ColumnType, Dataset, ReadingRules } from '../core/data/dataset';
import { fail, ok, type Result } from '../core/shared/result';
import { datasetBuffers, partBuffers, type ImportedDataset, type ImportFileOptions, type ProgressFn } from './protocol';

const SLICE_BYTES = 2 << 20;
const PROGRESS_INTERVAL_MS = 100;
/** Bytes read around the middle of a file to find a line break to cut at. */
const MIDDLE_WINDOW = 64 << 10;

/** The first part of a split file, waiting for the second. */
let heldPart: CsvPart | null = null;

async function importFile(file: File, options: ImportFileOptions, onProgress?: ProgressFn): Promise<Result<ImportedDataset>> {
  heldPart = null;
  try {
    const head = await readBytes(file, 0, HEAD_BYTES);
    const started = createByteImporter(head, file.size, { ...options, fileName: file.name });
    if (!started.ok) return started;
    await feed(started.value, file, 0, file.size, onProgress);
    return transferred(started.value.finish());
  } catch (error) {
    return internal(error);
  }
}

/** Reads the head and a window in the middle: encoding, separator, header and where to cut. */
async function planImport(file: File, options: ImportFileOptions, split: boolean): Promise<Result<ImportPlan>> {
  try {
    const head = await readBytes(file, 0, HEAD_BYTES);
    const middle = split ? { offset: Math.floor(file.size / 2), bytes: await readBytes(file, Math.floor(file.size / 2), MIDDLE_WINDOW) } : null;
    return planImportCore(head, file.size, middle, options);
  } catch (error) {
    return internal(error);
  }
}

/**
 * Reads one part of a split file. The first part stays here and only says whether it ended
 * inside a quoted cell (then the cut was not a record boundary); the second part is sent back.
 */
async function importPart(
  file: File,
  plan: ImportPlan,
  part: 'first' | 'second',
  onProgress?: ProgressFn,
): Promise<Result<{ endsInsideQuotes: boolean; part: CsvPart | null }>> {
  try {
    heldPart = null;
    const splitAt = plan.splitAt!;
    const [start, end] = part === 'first' ? [0, splitAt] : [splitAt, file.size];
    const { settings, header, encoding } = plan;
    const options =
      part === 'first'
        ? { delimiter: settings.delimiter, decimal: settings.decimal, encoding, fileName: file.name }
        : { encoding, fileName: file.name, continuation: { settings, header } };
    const started = createByteImporter(await readBytes(file, start, HEAD_BYTES), part === 'first' ? file.size : end - start, options);
    if (!started.ok) return started;
    await feed(started.value, file, start, end, onProgress);
    const collected = started.value.collect();
    if (part === 'first') {
      heldPart = collected;
      return ok({ endsInsideQuotes: collected.endsInsideQuotes, part: null });
    }
    const exported = exportCsvPart(collected);
    return Comlink.transfer(ok({ endsInsideQuotes: exported.endsInsideQuotes, part: exported }), partBuffers(exported));
  } catch (error) {
    return internal(error);
  }
}

/** Merges the held first part with the second and finishes the import. */
function finishParts(second: CsvPart, plan: ImportPlan, file: { name: string; size: number }): Result<ImportedDataset> {
  try {
    const first = heldPart;
    heldPart = null;
    if (!first) return fail('INTERNAL', 'The first part of the file is no longer held.', { detail: 'no first part' });
    const source = { fileName: file.name, byteLength: file.size, encoding: plan.encoding, encodingGuessed: plan.encodingGuessed };
    return transferred(finishImport([first, second], source));
  } catch (error) {
    return internal(error);
  }
}

function retype(column: Column, type: ColumnType, rules: ReadingRules): Result<{ column: Column; summary: ColumnSummary }> {
  try {
    const result = retypeColumn(column, type, rules);
    if (!result.ok) return result;
    return ok({ column: result.value, summary: summarizeColumn(result.value, { rules }) });
  } catch (error) {
    return internal(error);
  }
}

async function feed(importer: ByteImporter, file: File, start: number, end: number, onProgress?: ProgressFn): Promise<void> {
  let lastReport = 0;
  for (let at = start; ; at += SLICE_BYTES) {
    const to = Math.min(end, at + SLICE_BYTES);
    const last = to >= end;
    importer.push(new Uint8Array(await file.slice(at, to).arrayBuffer()), last);
    const now = performance.now();
    if (onProgress && (now - lastReport > PROGRESS_INTERVAL_MS || last)) {
      lastReport = now;
      await onProgress({ phase: 'reading', done: to - start, total: end - start });
    }
    if (last) break;
  }
}

async function readBytes(file: Blob, start: number, length: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(start, Math.min(file.size, start + length)).arrayBuffer());
}

function transferred(result: Result<Dataset>): Result<ImportedDataset> {
  if (!result.ok) return result;
  const dataset = result.value;
  return Comlink.transfer(ok({ dataset, summaries: summarizeDataset(dataset) }), datasetBuffers(dataset));
}

function internal(error: unknown): Result<never> {
  const detail = error instanceof Error ? error.message : String(error);
  // A file removed or changed on disk while it was being read.
  if (error instanceof DOMException && (error.name === 'NotReadableError' || error.name === 'NotFoundError')) {
    return fail('FILE_READ', detail, { detail });
  }
  return fail('INTERNAL', detail, { detail });
}

export const csvWorkerApi = { importFile, planImport, importPart, finishParts, retype };
export type CsvWorkerApi = typeof csvWorkerApi;

Comlink.expose(csvWorkerApi);
