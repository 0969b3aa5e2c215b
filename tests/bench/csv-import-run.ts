/** One timed import in a fresh process (called by csv-import.ts); prints one JSON line. */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import Papa from 'papaparse';
import { createByteImporter, HEAD_BYTES } from '../../src/core';

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
} else {
  throw new Error(`unknown mode ${mode}`);
}

const ms = performance.now() - started;
const peakRssMb = (process.resourceUsage().maxRSS * 1024) / 1e6;
console.log(JSON.stringify({ ms, peakRssMb, baseRssMb, rows }));
