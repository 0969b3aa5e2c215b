/** Reads one part of a file from disk in slices, as the import worker does with a File. */
import { closeSync, openSync, readSync } from 'node:fs';
import { createByteImporter, HEAD_BYTES } from '../../src/core/data/byte-importer';
import type { ImportPlan } from '../../src/core/data/import-plan';
import type { CsvPart } from '../../src/core/data/csv-part';

const SLICE_BYTES = 2 << 20;

export function readPart(file: string, plan: ImportPlan, part: 'first' | 'second', size: number): CsvPart {
  const [start, end] = part === 'first' ? [0, plan.splitAt!] : [plan.splitAt!, size];
  const { settings, header, encoding } = plan;
  const options =
    part === 'first'
      ? { delimiter: settings.delimiter, decimal: settings.decimal, encoding }
      : { encoding, continuation: { settings, header } };
  const fd = openSync(file, 'r');
  const slice = new Uint8Array(SLICE_BYTES);
  const headBytes = readSync(fd, slice, 0, HEAD_BYTES, start);
  const started = createByteImporter(slice.slice(0, headBytes), part === 'first' ? size : end - start, options);
  if (!started.ok) throw new Error(started.error.message);
  for (let at = start; at < end; at += SLICE_BYTES) {
    const length = Math.min(SLICE_BYTES, end - at);
    readSync(fd, slice, 0, length, at);
    started.value.push(slice.subarray(0, length), at + length >= end);
  }
  closeSync(fd);
  return started.value.collect();
}
