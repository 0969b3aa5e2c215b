/**
 * Tells a text file from a binary one before any parsing, so a spreadsheet or PDF dropped
 * by mistake gets a clear message instead of a table of garbage.
 */
export type BinaryKind = 'zip' | 'ole' | 'pdf' | 'image' | 'binary';

const SNIFF_BYTES = 8192;

/**
 * Looks at the first bytes of a file.
 * @param head the first bytes (8 KB is enough)
 * @returns the kind of binary file, or null for text (UTF-16 text counts as text)
 * @example detectBinary(new Uint8Array([0x50, 0x4b, 3, 4])) // 'zip'
 */
export function detectBinary(head: Uint8Array): BinaryKind | null {
  const b = head;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) return 'zip';
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'ole';
  if (b.length >= 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf';
  if (b.length >= 3 && ((b[0] === 0x89 && b[1] === 0x50) || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff))) return 'image';
  if (looksLikeUtf16(b)) return null;
  const n = Math.min(b.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return 'binary';
    // Tab, LF, CR and form feed are normal in text; other control bytes are not.
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return n > 0 && controls > n * 0.05 ? 'binary' : null;
}

/** UTF-16 (with or without a byte-order mark): ASCII text leaves every other byte zero. */
export function looksLikeUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  const n = Math.min(b.length, 1024) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros === 0) return 'utf-16be';
  return null;
}
