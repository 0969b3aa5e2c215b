import type { Dataset } from './dataset';
import { createCsvImporter } from './csv-importer';
import { createStreamDecoder, decodeBytes, sniffEncoding } from './decode-text';
import { detectBinary, looksLikeUtf16 } from './detect-binary';
import { fail, type Result } from '../shared/result';

export interface ParseCsvOptions {
  /** Field separator; detected when absent. */
  delimiter?: string;
  /** A WHATWG encoding label for byte input; detected (BOM, UTF-8, GB18030, windows-1252) when absent. */
  encoding?: string;
  /** Decimal mark; ',' is detected for files not separated by commas. */
  decimal?: '.' | ',';
  /** @default 'data.csv' */
  fileName?: string;
}

/** Text is fed to the importer in pieces of this size, as the worker does with a file. */
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
    for (let start = 0; start < input.length || start === 0; start += PIECE_CHARS) {
      const end = Math.min(input.length, start + PIECE_CHARS);
      importer.pushText(input.slice(start, end), end >= input.length);
      if (end >= input.length) break;
    }
    return importer.finish();
  }
  const binary = binaryFileError(input);
  if (binary) return binary;
  const encoding = chooseEncoding(input.subarray(0, 65536), options.encoding);
  if (input.length <= PIECE_BYTES) {
    const text = decodeBytes(input, encoding).text;
    const importer = createCsvImporter({ ...options, fileName, byteLength: input.length, encoding });
    importer.pushText(text, true);
    return importer.finish();
  }
  const decoder = createStreamDecoder(encoding);
  const importer = createCsvImporter({ ...options, fileName, byteLength: input.length, encoding });
  for (let start = 0; start < input.length; start += PIECE_BYTES) {
    const last = start + PIECE_BYTES >= input.length;
    importer.pushText(decoder.decode(input.subarray(start, start + PIECE_BYTES), last), last);
  }
  return importer.finish();
}

/**
 * The encoding to read a file with: the user's choice, else UTF-16 when the bytes say so
 * (with or without a byte-order mark), else what the byte sniffer decides.
 */
export function chooseEncoding(head: Uint8Array, override?: string): string {
  return override ?? looksLikeUtf16(head) ?? sniffEncoding(head).encoding;
}

/** A clear refusal for spreadsheets, PDFs and other binary files, or null for text. */
export function binaryFileError(head: Uint8Array): Result<never> | null {
  const kind = detectBinary(head);
  if (kind === null) return null;
  if (kind === 'zip' || kind === 'ole') {
    return fail(
      'SPREADSHEET_FILE',
      'This is a spreadsheet file (Excel or similar), not CSV text. In your spreadsheet choose File › Save As › CSV, then import that file.',
      { kind },
    );
  }
  return fail('BINARY_FILE', 'This file is not text (it looks like a binary file). Choose a CSV, TSV or TXT file exported as text.', { kind });
}
