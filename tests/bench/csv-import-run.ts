/** One timed import in a fresh process (called by csv-import.ts); prints one JSON line. */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import Papa from 'papaparse';
import { Worker } from 'node:worker_threads';
import { createByteImporter, HEAD_BYTES } from '../../src/core';
import { finishImport } from '../../src/core/data/byte-importer';
import { planImport } from '../../src/core/data/import-plan';
import type { CsvPart } from '../../src/core/data/csv-part';
import { readPart } from './read-part';

/** The import worker reads a File in slices of this size; the benchmark does the same from disk. */
const SLICE_BYTES = 2 << 20;

const [mode, file] = process.argv.slice(2);
const baseRssMb = process.memoryUsage().rss / 1e6;
const started = performance.now();
let rows = 0;

if (mode === 'split') {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  for (const line of lines) if (line.split(',').length > 1) rows++;
  rows--;
} else if (mode === 'papaparse') {
  const text = readFileSync(file, 'utf8');
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  rows = result.data.length - 1;
} else if (mode === 'engine') {
  // What the import worker does with a File: slices, streaming decode, incremental import.
  const fd = openSync(file, 'r');
  const size = fstatSync(fd).size;
  const slice = new Uint8Array(SLICE_BYTES);
  let read = readSync(fd, slice, 0, SLICE_BYTES, 0);
  const started = createByteImporter(slice.subarray(0, Math.min(read, HEAD_BYTES)), size, { fileName: file });
  if (!started.ok) throw new Error(started.error.message);
  const importer = started.value;
  let position = 0;
  while (true) {
    position += read;
    const last = position >= size;
    importer.push(slice.subarray(0, read), last);
    if (last) break;
    read = readSync(fd, slice, 0, SLICE_BYTES, position);
  }
  closeSync(fd);
  const result = importer.finish();
  if (!result.ok) throw new Error(result.error.message);
  rows = result.value.rowCount;
} else if (mode === 'engine-2') {
  // Two cores: a worker thread reads the second half while this thread reads the first.
  const fd = openSync(file, 'r');
  const size = fstatSync(fd).size;
  const head = new Uint8Array(HEAD_BYTES);
  readSync(fd, head, 0, HEAD_BYTES, 0);
  const middle = new Uint8Array(64 << 10);
  readSync(fd, middle, 0, middle.length, Math.floor(size / 2));
  closeSync(fd);
  const plan = planImport(head, size, { offset: Math.floor(size / 2), bytes: middle });
  if (!plan.ok || plan.value.splitAt === null) throw new Error('no plan');
  const worker = new Worker(new URL('./csv-import-part.mjs', import.meta.url), {
    workerData: { file, plan: plan.value, size },
  });
  const second = new Promise<CsvPart>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const first = readPart(file, plan.value, 'first', size);
  const parts = first.endsInsideQuotes ? null : [first, await second];
  await worker.terminate();
  if (!parts) throw new Error('the cut fell inside quotes');
  const result = finishImport(parts, { fileName: file, byteLength: size, encoding: plan.value.encoding, encodingGuessed: false });
  if (!result.ok) throw new Error(result.error.message);
  rows = result.value.rowCount;
} else {
  throw new Error(`unknown mode ${mode}`);
}

const ms = performance.now() - started;
const peakRssMb = (process.resourceUsage().maxRSS * 1024) / 1e6;
console.log(JSON.stringify({ ms, peakRssMb, baseRssMb, rows }));
