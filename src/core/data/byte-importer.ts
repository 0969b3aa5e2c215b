/**
 * Bytes in, data set out: refuses binary files, picks the encoding, decodes piece by piece
 * and feeds the CSV importer. parseCsv, the import workers and the benchmark share it.
 * A large file can be read as two parts side by side (see findSplitOffset and finishImport).
 */
import type { Dataset } from './dataset';
import { createCsvImporter, type CsvImporter, type CsvImportOptions } from './csv-importer';
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
  // The second part of a split file starts mid-file: the first part has checked the head.
  if (!options.continuation) {
    const binary = binaryFileError(head);
    if (binary) return binary;
  }
  let encoding = chooseEncoding(head, options.encoding);
  let encodingGuessed = options.encoding === undefined && !encoding.startsWith('utf-');
  // A head of plain ASCII says nothing about the encoding: watch for the first byte that is
  // not valid UTF-8 (a Western or Chinese export whose first accent comes late).
  let watching = options.encoding === undefined && encoding === 'utf-8' && isAscii(head);
  let decoder = createStreamDecoder(encoding);
  let importer: CsvImporter | null = null;
  const fileName = options.fileName ?? 'data.csv';

  function decode(bytes: Uint8Array, last: boolean): string {
    const text = decoder.decode(bytes, last);
    if (!watching) return text;
    if (text.indexOf('\uFFFD') >= 0) {
      watching = false;
      const sniffed = sniffEncoding(bytes).encoding;
      if (sniffed !== 'utf-8') {
        // Everything before was ASCII, the same in every encoding offered: read on in the new one.
        encoding = sniffed;
        encodingGuessed = true;
        decoder = createStreamDecoder(encoding);
        return decoder.decode(bytes, last);
      }
    } else if (text.length < bytes.length - 3) {
      watching = false; // real UTF-8 characters: the guess is confirmed
    }
    return text;
  }

  return ok({
    get encoding() {
      return encoding;
    },
    get encodingGuessed() {
      return encodingGuessed;
    },
    push(bytes, last) {
      const text = decode(bytes, last);
      // Created on the first text, so columns can be sized from characters per byte.
      importer ??= createCsvImporter({ ...options, byteLength: Math.ceil(byteLength * (text.length / Math.max(1, bytes.length))), encoding });
      importer.pushText(text, last);
    },
    collect() {
      importer ??= createCsvImporter({ ...options, byteLength, encoding });
      return { ...importer.collect(), encoding, encodingGuessed };
    },
    finish() {
      return finishImport([this.collect()], { fileName, byteLength, encoding, encodingGuessed });
    },
  });
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

/**
 * Finishes an import from its parts in file order, saying when the encoding was a guess.
 * @example finishImport([partA, partB], { fileName: 'a.csv', byteLength, encoding: 'utf-8', encodingGuessed: false })
 */
export function finishImport(parts: readonly CsvPart[], planned: ImportSourceInfo): Result<Dataset> {
  // A part that met non-UTF-8 bytes after an ASCII start switched encoding: say so.
  const switched = parts.find((part) => part.encoding !== undefined && part.encoding !== planned.encoding);
  const source = switched ? { ...planned, encoding: switched.encoding!, encodingGuessed: true } : planned;
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
 * Where a file can be cut in two: just after the first line break, in the file's own line
 * ending (a bare LF inside a CRLF file is part of a cell, not the end of a record).
 * Callers check afterwards that the first part did not end inside a quoted cell.
 * @param bytes a window of the file
 * @param newline the file's line ending
 * @returns the offset within `bytes` just past the line break, or -1 when there is none
 */
export function findLineBreak(bytes: Uint8Array, newline: '\n' | '\r\n' | '\r'): number {
  if (newline === '\r') {
    const at = bytes.indexOf(0x0d);
    return at < 0 ? -1 : at + 1;
  }
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) {
    if (newline === '\n' || (at > 0 && bytes[at - 1] === 0x0d)) return at + 1;
  }
  return -1;
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
