import type { Dataset } from './dataset';
import { createCsvImporter } from './csv-importer';
import { createByteImporter, HEAD_BYTES } from './byte-importer';
import type { Result } from '../shared/result';

export interface ParseCsvOptions {
  /** Field separator; detected when absent. */
  delimiter?: string;
  /** A WHATWG encoding label for byte input; detected (BOM, UTF-8, UTF-16, GB18030, windows-1252) when absent. */
  encoding?: string;
  /** Decimal mark; ',' is detected for files not separated by commas. */
  decimal?: '.' | ',';
  /** @default 'data.csv' */
  fileName?: string;
}

/** Input is fed to the importer in pieces, as the worker does with a file. */
const PIECE_CHARS = 1 << 20;
const PIECE_BYTES = 4 << 20;

/**
 * Parses a whole CSV file synchronously: the same importer the worker runs incrementally.
 * @param input the file's text, or its bytes (then the encoding is detected)
 * @returns the typed, columnar data set with its import problems, or why it could not be read
 * @example parseCsv('region,sales\nNorth,10\n').value.rowCount // 1
 */
export function parseCsv(input: string | Uint8Array, options: ParseCsvOptions = {}): Result<Dataset> {
  const fileName = options.fileName ?? 'data.csv';
  if (typeof input === 'string') {
    const importer = createCsvImporter({ ...options, fileName, byteLength: input.length, encoding: 'utf-16' });
    for (let start = 0; ; start += PIECE_CHARS) {
      const end = Math.min(input.length, start + PIECE_CHARS);
      importer.pushText(input.slice(start, end), end >= input.length);
      if (end >= input.length) break;
    }
    return importer.finish();
  }
  const started = createByteImporter(input.subarray(0, HEAD_BYTES), input.length, { ...options, fileName });
  if (!started.ok) return started;
  for (let start = 0; ; start += PIECE_BYTES) {
    const end = Math.min(input.length, start + PIECE_BYTES);
    started.value.push(input.subarray(start, end), end >= input.length);
    if (end >= input.length) break;
  }
  return started.value.finish();
}
