/**
 * Planning a two-part import: from the first bytes and a window in the middle of a file,
 * decide the encoding, the separator, the header and where to cut, so that two workers can
 * read the halves side by side and give exactly the data set one reader would.
 */
import { binaryFileError, canSplitEncoding, chooseEncoding, findLineBreak } from './byte-importer';
import { createCsvImporter, detectSettings, type CsvImportOptions } from './csv-importer';
import type { CsvSettings } from './csv-part';
import { decodeBytes } from './decode-text';
import { ok, type Result } from '../shared/result';

export interface ImportPlan {
  encoding: string;
  encodingGuessed: boolean;
  settings: CsvSettings;
  /** The header cells as read (before renaming). */
  header: string[];
  /** Byte offset where the second part starts (just after a line feed); null: read as one part. */
  splitAt: number | null;
}

/**
 * @param head the file's first bytes
 * @param byteLength the file's size
 * @param middle bytes starting at `middle.offset` (near the middle of the file), or null not to split
 * @returns the plan (splitAt null when the head is too short to find the header in, e.g. a
 *   header longer than the head), or a refusal for binary files
 */
export function planImport(
  head: Uint8Array,
  byteLength: number,
  middle: { offset: number; bytes: Uint8Array } | null,
  options: Pick<CsvImportOptions, 'delimiter' | 'decimal'> & { encoding?: string } = {},
): Result<ImportPlan> {
  const binary = binaryFileError(head);
  if (binary) return binary;
  const encoding = chooseEncoding(head, options.encoding);
  const encodingGuessed = options.encoding === undefined && !encoding.startsWith('utf-');
  const text = decodeBytes(head, encoding).text;
  const settings = detectSettings(text, options);
  const probe = createCsvImporter({ delimiter: settings.delimiter, decimal: settings.decimal });
  probe.pushText(text, head.length >= byteLength);
  const header = probe.collect().header;
  if (header === null) return ok({ encoding, encodingGuessed, settings, header: [], splitAt: null });
  let splitAt: number | null = null;
  if (middle && canSplitEncoding(encoding)) {
    const at = findLineBreak(middle.bytes, settings.newline);
    if (at > 0 && middle.offset + at < byteLength && middle.offset + at > headerEnd(head)) splitAt = middle.offset + at;
  }
  return ok({ encoding, encodingGuessed, settings, header, splitAt });
}

/** Byte offset just past the header line: past blank lines and a "sep=" hint line. */
function headerEnd(head: Uint8Array): number {
  let lineStart = 0;
  while (lineStart < head.length) {
    const lineEnd = head.indexOf(0x0a, lineStart);
    const end = lineEnd < 0 ? head.length : lineEnd;
    let content = false;
    for (let i = lineStart; i < end && !content; i++) content = head[i] > 0x20;
    const isHint = end - lineStart >= 4 && head[lineStart] === 0x73 && head[lineStart + 1] === 0x65 && head[lineStart + 2] === 0x70 && head[lineStart + 3] === 0x3d;
    if (content && !isHint) return end + 1;
    lineStart = end + 1;
  }
  return head.length;
}
