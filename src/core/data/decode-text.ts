/**
 * Bytes to text for CSV import: a caller-chosen encoding, or detection of the encodings that
 * spreadsheet exports actually use (UTF-8 with or without BOM, UTF-16 with BOM, GB18030 from
 * Chinese Excel, windows-1252 from Western Excel).
 */

/** What detection decided about a file's bytes. */
export interface EncodingSniff {
  /** Canonical WHATWG encoding name, e.g. 'utf-8', 'gb18030', 'windows-1252'. */
  encoding: string;
  /** True when the bytes start with a byte order mark (it is never part of `text`). */
  bom: boolean;
  /** True when the encoding was detected rather than given by the caller (a BOM counts as detected). */
  guessed: boolean;
}

/** Decoded text plus how it was decoded. */
export interface DecodedText extends EncodingSniff {
  text: string;
}

/** One entry of the encoding picker. */
export interface EncodingChoice {
  /** WHATWG label handed to `decodeBytes` / `createStreamDecoder`. */
  encoding: string;
  /** i18n key of the human name; the UI translates it. */
  messageKey: string;
  /** English name, for scripts and logs (the UI does not show it raw). */
  label: string;
}

/**
 * The encodings the import picker offers. ISO-8859-1 / Latin-1 is deliberately absent: WHATWG
 * maps those labels to windows-1252, so 'windows-1252' covers both.
 * @example ENCODING_CHOICES.map((c) => c.encoding) // ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', …]
 */
export const ENCODING_CHOICES: readonly EncodingChoice[] = [
  { encoding: 'utf-8', messageKey: 'encoding.utf8', label: 'Unicode (UTF-8)' },
  { encoding: 'utf-16le', messageKey: 'encoding.utf16le', label: 'Unicode (UTF-16 LE)' },
  { encoding: 'utf-16be', messageKey: 'encoding.utf16be', label: 'Unicode (UTF-16 BE)' },
  { encoding: 'windows-1252', messageKey: 'encoding.windows1252', label: 'Western European (Windows-1252 / Latin-1)' },
  { encoding: 'iso-8859-15', messageKey: 'encoding.iso885915', label: 'Western European (ISO-8859-15)' },
  { encoding: 'windows-1250', messageKey: 'encoding.windows1250', label: 'Central European (Windows-1250)' },
  { encoding: 'windows-1251', messageKey: 'encoding.windows1251', label: 'Cyrillic (Windows-1251)' },
  { encoding: 'gb18030', messageKey: 'encoding.gb18030', label: 'Chinese Simplified (GB18030 / GBK)' },
  { encoding: 'big5', messageKey: 'encoding.big5', label: 'Chinese Traditional (Big5)' },
  { encoding: 'shift_jis', messageKey: 'encoding.shiftJis', label: 'Japanese (Shift_JIS)' },
  { encoding: 'euc-kr', messageKey: 'encoding.eucKr', label: 'Korean (EUC-KR)' },
];

const BOM_CHAR = 0xfeff;

/**
 * windows-1252 bytes 0x80–0x9F. Node 20.18.3+/22.13+ decodes windows-1252 as Latin-1 outside
 * stream mode (nodejs/node#56542, #60888), turning € and curly quotes into C1 controls, so the
 * engine repairs them itself. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to themselves.
 */
const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const HAS_C1_CONTROL = /[\u0080-\u009f]/;
const C1_CONTROLS = /[\u0080-\u009f]/g;

// A fraction well above what Latin-1 text reaches (accents mostly sit next to ASCII letters)
// and well below real Chinese text (GBK-only characters outside GB2312 are rare).
const GB2312_SHARE = 0.8;

function repairWindows1252(text: string): string {
  if (!HAS_C1_CONTROL.test(text)) return text;
  return text.replace(C1_CONTROLS, (c) => String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]));
}

function stripBomChar(text: string): string {
  return text.charCodeAt(0) === BOM_CHAR ? text.slice(1) : text;
}

function sniffBom(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Strict decode; undefined when the bytes are malformed. `partial` tolerates a cut last character. */
function tryDecodeStrict(bytes: Uint8Array, encoding: string, partial: boolean): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: partial });
  } catch {
    return undefined;
  }
}

function isAsciiLetter(b: number): boolean {
  const lower = b | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/**
 * Whether the multi-byte pairs look like GB2312 hanzi/symbols (lead A1–F7, trail A1–FE)
 * rather than Latin-1 accents. An accent is mostly followed by an ASCII letter (trail < 0x80);
 * two accents in a row inside a word ('Größe', 'Situação') do land in the hanzi region, so a
 * pair with ASCII letters on both sides counts as Latin: Chinese rarely sits inside a Latin word.
 */
function looksLikeGb2312(bytes: Uint8Array): boolean {
  let pairs = 0;
  let hanzi = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i];
    // 0x80 is a single-byte € in GBK; ASCII is single-byte too.
    if (lead <= 0x80) {
      i++;
      continue;
    }
    if (lead === 0xff) return false;
    if (i + 1 >= n) break;
    const trail = bytes[i + 1];
    if (trail >= 0x30 && trail <= 0x39) {
      // Four-byte GB18030 sequences carry no evidence either way.
      i += 4;
      continue;
    }
    pairs++;
    const inRegion = lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe;
    const insideWord = i > 0 && isAsciiLetter(bytes[i - 1]) && i + 2 < n && isAsciiLetter(bytes[i + 2]);
    if (inRegion && !insideWord) hanzi++;
    i += 2;
  }
  return pairs > 0 && hanzi >= pairs * GB2312_SHARE;
}

function detect(bytes: Uint8Array, partial: boolean): { sniff: EncodingSniff; text?: string } {
  const bomEncoding = sniffBom(bytes);
  if (bomEncoding) return { sniff: { encoding: bomEncoding, bom: true, guessed: true } };
  const utf8 = tryDecodeStrict(bytes, 'utf-8', partial);
  if (utf8 !== undefined) return { sniff: { encoding: 'utf-8', bom: false, guessed: true }, text: utf8 };
  if (looksLikeGb2312(bytes)) {
    const gb = tryDecodeStrict(bytes, 'gb18030', partial);
    if (gb !== undefined) {
      const bom = gb.charCodeAt(0) === BOM_CHAR;
      return { sniff: { encoding: 'gb18030', bom, guessed: true }, text: bom ? gb.slice(1) : gb };
    }
  }
  return { sniff: { encoding: 'windows-1252', bom: false, guessed: true } };
}

function decodeWith(bytes: Uint8Array, encoding: string): { text: string; encoding: string; bom: boolean } {
  // ignoreBOM keeps the BOM as U+FEFF so every encoding (GB18030's 84 31 95 33 included) is stripped alike.
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  let text = decoder.decode(bytes);
  if (decoder.encoding === 'windows-1252') text = repairWindows1252(text);
  const bom = text.charCodeAt(0) === BOM_CHAR;
  return { text: bom ? text.slice(1) : text, encoding: decoder.encoding, bom };
}

/**
 * Whether the runtime can decode a label (any WHATWG label such as 'latin1' or 'gbk').
 * @param label Encoding label to check.
 * @returns True when `decodeBytes(bytes, label)` will not throw.
 * @example isSupportedEncoding('gb18030') // true
 */
export function isSupportedEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a whole file. With an encoding the bytes are decoded with it (malformed bytes become
 * U+FFFD); without one the encoding is detected: BOM, then strict UTF-8, then GB18030 when the
 * bytes look like GB2312 text, else windows-1252 (which never fails). A leading BOM is removed.
 * @param bytes The file content.
 * @param encoding Optional WHATWG label; throws a RangeError when the runtime does not know it.
 * @returns The text, the canonical encoding name, whether a BOM was present and whether the encoding was detected.
 * @example decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // { text: 'a', encoding: 'utf-8', bom: true, guessed: true }
 */
export function decodeBytes(bytes: Uint8Array, encoding?: string): DecodedText {
  if (encoding !== undefined) return { ...decodeWith(bytes, encoding), guessed: false };
  const found = detect(bytes, false);
  if (found.text !== undefined) return { ...found.sniff, text: found.text };
  const decoded = decodeWith(bytes, found.sniff.encoding);
  return { ...found.sniff, text: decoded.text, bom: decoded.bom };
}

/**
 * Detects the encoding from the first bytes of a file only, with the same rules as
 * `decodeBytes`. A multi-byte character cut by the end of the sample is not held against it.
 * @param head The first bytes of the file (e.g. 64 KiB).
 * @returns The encoding to hand to `createStreamDecoder`, whether a BOM is present, and guessed = true.
 * @example sniffEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00])).encoding // 'utf-16le'
 */
export function sniffEncoding(head: Uint8Array): EncodingSniff {
  return detect(head, true).sniff;
}

/** Incremental decoder for files read in chunks. */
export interface StreamDecoder {
  /**
   * Decodes the next chunk; bytes of a character split across chunks are kept for the next call.
   * @param chunk The next bytes.
   * @param last True for the final chunk: flushes (an incomplete character becomes U+FFFD) and resets.
   * @returns The text decoded so far from this chunk.
   */
  decode(chunk: Uint8Array, last: boolean): string;
}

/**
 * Creates a decoder for reading a large file piece by piece. It drops a leading BOM (even one
 * split across chunks) and never breaks a multi-byte character at a chunk boundary.
 * @param encoding WHATWG label, typically from `sniffEncoding`; throws a RangeError when unknown.
 * @returns A decoder; call `decode(chunk, last)` for each chunk in order.
 * @example
 * const d = createStreamDecoder('utf-8');
 * d.decode(new Uint8Array([0xe2, 0x82]), false) + d.decode(new Uint8Array([0xac]), true) // '€'
 */
export function createStreamDecoder(encoding: string): StreamDecoder {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const repair = decoder.encoding === 'windows-1252';
  let atStart = true;
  return {
    decode(chunk: Uint8Array, last: boolean): string {
      let text = decoder.decode(chunk, { stream: !last });
      if (repair) text = repairWindows1252(text);
      // The BOM can only be the very first character; stop looking once any text came out.
      if (atStart && text.length > 0) {
        text = stripBomChar(text);
        atStart = false;
      }
      if (last) atStart = true;
      return text;
    },
  };
}
