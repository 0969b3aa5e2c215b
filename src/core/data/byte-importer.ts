/**
 * Bytes in, data set out: refuses binary files, picks the encoding, decodes piece by piece
 * and feeds the CSV importer. parseCsv, the import workers and the benchmark share it.
 * A large file can be read as two parts side by side (see findSplitOffset and finishImport).
 */
import type { Dataset } from './dataset';
import { createCsvImporter, type CsvImportOptions } from './csv-importer';
import { finishCsvParts } from './csv-finish';
import type { CsvPart } from './csv-part';
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
  /** True when the encoding was detected and is not a Unicode one: worth a word to the user. */
  readonly encodingGuessed: boolean;
  /** Feeds the next bytes of the file; `last` marks the end. */
  push(bytes: Uint8Array, last: boolean): void;
  /** What was read, to merge with the other part of a split file. */
  collect(): CsvPart;
  finish(): Result<Dataset>;
}

export interface ImportSourceInfo {
  fileName: string;
  byteLength: number;
  encoding: string;
  encodingGuessed: boolean;
}

/** How many leading bytes the encoding and binary checks look at. */
export const HEAD_BYTES = 64 * 1024;

/**
 * Starts an import from the first bytes of a file (or of the part it reads).
 * @param head the first bytes (up to HEAD_BYTES; all of a smaller file)
 * @param byteLength the whole file's size (columns are sized for it)
 * @returns the importer, or a clear refusal for spreadsheets and other binary files
 * @example
 * const started = createByteImporter(bytes.subarray(0, HEAD_BYTES), bytes.length);
 * if (started.ok) { started.value.push(bytes, true); started.value.finish(); }
 */
export function createByteImporter(head: Uint8Array, byteLength: number, options: ByteImportOptions = {}): Result<ByteImporter> {
  const binary = binaryFileError(head);
  if (binary) return binary;
  const encoding = chooseEncoding(head, options.encoding);
  const encodingGuessed = options.encoding === undefined && !encoding.startsWith('utf-');
  const decoder = createStreamDecoder(encoding);
  const importer = createCsvImporter({ ...options, byteLength, encoding });
  const source: ImportSourceInfo = { fileName: options.fileName ?? 'data.csv', byteLength, encoding, encodingGuessed };
  return ok({
    encoding,
    encodingGuessed,
    push(bytes, last) {
      importer.pushText(decoder.decode(bytes, last), last);
    },
    collect: () => importer.collect(),
    finish: () => finishImport([importer.collect()], source),
  });
}

/**
 * Finishes an import from its parts in file order, saying when the encoding was a guess.
 * @example finishImport([partA, partB], { fileName: 'a.csv', byteLength, encoding: 'utf-8', encodingGuessed: false })
 */
export function finishImport(parts: readonly CsvPart[], source: ImportSourceInfo): Result<Dataset> {
  const result = finishCsvParts(parts, source);
  if (result.ok && source.encodingGuessed) {
    result.value.issues.unshift({
      code: 'ENCODING_GUESSED',
      message: `The file is not UTF-8; it was read as ${source.encoding}. If letters look wrong, choose another encoding.`,
      params: { encoding: source.encoding },
    });
  }
  return result;
}

/**
 * Where a file can be cut in two: just after the first line feed at or after `from`.
 * Callers check afterwards that the first part did not end inside a quoted cell.
 * @param bytes the bytes from `from` on (a window is enough)
 * @returns the offset within `bytes` just past the line feed, or -1 when there is none
 */
export function findLineBreak(bytes: Uint8Array): number {
  const at = bytes.indexOf(0x0a);
  return at < 0 ? -1 : at + 1;
}

/** Encodings in which a line-feed byte is always a line feed, so a file can be cut there. */
export function canSplitEncoding(encoding: string): boolean {
  return !encoding.startsWith('utf-16');
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
