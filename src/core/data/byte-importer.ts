/**
 * Bytes in, data set out: refuses binary files, picks the encoding, decodes piece by piece
 * and feeds the CSV importer. parseCsv, the import worker and the benchmark share it.
 */
import type { Dataset } from './dataset';
import { createCsvImporter, type CsvImportOptions } from './csv-importer';
import { createStreamDecoder, sniffEncoding } from './decode-text';
import { detectBinary, looksLikeUtf16 } from './detect-binary';
import { fail, ok, type Result } from '../shared/result';

export interface ByteImportOptions extends Omit<CsvImportOptions, 'encoding' | 'byteLength'> {
  /** A WHATWG encoding label; detected from the first bytes when absent. */
  encoding?: string;
}

export interface ByteImporter {
  /** The encoding in use (the user's, or the detected one). */
  readonly encoding: string;
  /** Feeds the next bytes of the file; `last` marks the end. */
  push(bytes: Uint8Array, last: boolean): void;
  finish(): Result<Dataset>;
}

/** How many leading bytes the encoding and binary checks look at. */
export const HEAD_BYTES = 64 * 1024;

/**
 * Starts an import from the first bytes of a file.
 * @param head the first bytes (up to HEAD_BYTES; all of a smaller file)
 * @param byteLength the file's total size
 * @returns the importer, or a clear refusal for spreadsheets and other binary files
 * @example
 * const started = createByteImporter(bytes.subarray(0, HEAD_BYTES), bytes.length);
 * if (started.ok) { started.value.push(bytes, true); started.value.finish(); }
 */
export function createByteImporter(head: Uint8Array, byteLength: number, options: ByteImportOptions = {}): Result<ByteImporter> {
  const binary = binaryFileError(head);
  if (binary) return binary;
  const encoding = chooseEncoding(head, options.encoding);
  const guessed = options.encoding === undefined && !encoding.startsWith('utf-');
  const decoder = createStreamDecoder(encoding);
  const importer = createCsvImporter({ ...options, byteLength, encoding });
  return ok({
    encoding,
    push(bytes, last) {
      importer.pushText(decoder.decode(bytes, last), last);
    },
    finish() {
      const result = importer.finish();
      if (result.ok && guessed) {
        result.value.issues.unshift({
          code: 'ENCODING_GUESSED',
          message: `The file is not UTF-8; it was read as ${encoding}. If letters look wrong, choose another encoding.`,
          params: { encoding },
        });
      }
      return result;
    },
  });
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
