import { describe, expect, it } from 'vitest';
import {
  ENCODING_CHOICES,
  createStreamDecoder,
  decodeBytes,
  isSupportedEncoding,
  sniffEncoding,
} from '../../../../src/core/data/decode-text';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
};
const utf16be = (text: string): Uint8Array => {
  const le = utf16le(text);
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};

// 'Müller;café' in windows-1252: ü = FC, é = E9.
const MULLER_CAFE_1252 = bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x63, 0x61, 0x66, 0xe9);
// '客户,销售额\n张三,100' in GB18030 (GB2312 code points: 客 BFCD, 户 BBA7, 销 CFFA, 售 CADB, 额 B6EE, 张 D5C5, 三 C8FD).
const CLIENTS_GB18030 = bytes(
  0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0xcf, 0xfa, 0xca, 0xdb, 0xb6, 0xee, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x30, 0x30,
);
const CLIENTS_TEXT = '客户,销售额\n张三,100';

describe('test fixtures', () => {
  it('hand-written byte arrays are what they claim (checked by the runtime decoder)', () => {
    expect(new TextDecoder('gb18030').decode(CLIENTS_GB18030)).toBe(CLIENTS_TEXT);
    expect(new TextDecoder('windows-1252').decode(MULLER_CAFE_1252)).toBe('Müller;café');
  });

  it("a fatal GB18030 decode accepts Latin-1 'Müller', which is why a byte heuristic is needed", () => {
    const muller = bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(muller)).toBe('M黮ler');
  });
});

describe('decodeBytes with a given encoding', () => {
  it('decodes GB18030 and reports the canonical name, not guessed', () => {
    expect(decodeBytes(CLIENTS_GB18030, 'gb18030')).toEqual({
      text: CLIENTS_TEXT,
      encoding: 'gb18030',
      bom: false,
      guessed: false,
    });
  });

  it('maps WHATWG aliases to their canonical encoding (latin1 and iso-8859-1 are windows-1252)', () => {
    expect(decodeBytes(MULLER_CAFE_1252, 'latin1')).toEqual({
      text: 'Müller;café',
      encoding: 'windows-1252',
      bom: false,
      guessed: false,
    });
    expect(decodeBytes(MULLER_CAFE_1252, 'ISO-8859-1').encoding).toBe('windows-1252');
    expect(decodeBytes(bytes(0x41), 'UTF8').encoding).toBe('utf-8');
  });

  it('decodes windows-1252 bytes 0x80-0x9F as € and typographic quotes (Node decodes them as Latin-1)', () => {
    const result = decodeBytes(bytes(0x80, 0x20, 0x93, 0x4f, 0x4b, 0x94, 0x20, 0x85, 0x9f), 'windows-1252');
    expect(result.text).toBe('€ “OK” …Ÿ');
  });

  it('keeps the five undefined windows-1252 bytes as their C1 code points', () => {
    const result = decodeBytes(bytes(0x81, 0x8d, 0x8f, 0x90, 0x9d), 'windows-1252');
    expect(result.text).toBe('\u0081\u008d\u008f\u0090\u009d');
  });

  it('strips the BOM of the chosen encoding and reports it', () => {
    expect(decodeBytes(concat(bytes(0xef, 0xbb, 0xbf), utf8('a,b')), 'utf-8')).toEqual({
      text: 'a,b',
      encoding: 'utf-8',
      bom: true,
      guessed: false,
    });
    expect(decodeBytes(concat(bytes(0xff, 0xfe), utf16le('a,b')), 'utf-16le').text).toBe('a,b');
    expect(decodeBytes(concat(bytes(0xfe, 0xff), utf16be('a,b')), 'utf-16be').text).toBe('a,b');
    // GB18030's BOM is the four-byte encoding of U+FEFF.
    const gbWithBom = decodeBytes(concat(bytes(0x84, 0x31, 0x95, 0x33), CLIENTS_GB18030), 'gb18030');
    expect(gbWithBom.text).toBe(CLIENTS_TEXT);
    expect(gbWithBom.bom).toBe(true);
  });

  it('replaces malformed bytes with U+FFFD instead of failing', () => {
    expect(decodeBytes(bytes(0x61, 0xff, 0x62), 'utf-8').text).toBe('a\ufffdb');
  });

  it('throws a RangeError for an unknown label', () => {
    expect(() => decodeBytes(bytes(0x61), 'no-such-encoding')).toThrow(RangeError);
  });

  it('decodes an empty file', () => {
    expect(decodeBytes(new Uint8Array(0), 'utf-8')).toEqual({ text: '', encoding: 'utf-8', bom: false, guessed: false });
  });
});

describe('decodeBytes detection', () => {
  it('treats pure ASCII as UTF-8', () => {
    expect(decodeBytes(utf8('name,value\nx,1\n'))).toEqual({
      text: 'name,value\nx,1\n',
      encoding: 'utf-8',
      bom: false,
      guessed: true,
    });
  });

  it('treats an empty file as UTF-8', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', bom: false, guessed: true });
  });

  it('reads UTF-8 without a BOM', () => {
    const text = 'Kunde;Größe\nMüller;12,5 €\n客户;😀';
    expect(decodeBytes(utf8(text))).toEqual({ text, encoding: 'utf-8', bom: false, guessed: true });
  });

  it('reads UTF-8 with a BOM and strips it', () => {
    expect(decodeBytes(concat(bytes(0xef, 0xbb, 0xbf), utf8('é,1')))).toEqual({
      text: 'é,1',
      encoding: 'utf-8',
      bom: true,
      guessed: true,
    });
  });

  it('reads UTF-16LE and UTF-16BE by their BOM', () => {
    const text = 'Name\tMontant\nÉlodie\t12,5\n张三\t1';
    expect(decodeBytes(concat(bytes(0xff, 0xfe), utf16le(text)))).toEqual({
      text,
      encoding: 'utf-16le',
      bom: true,
      guessed: true,
    });
    expect(decodeBytes(concat(bytes(0xfe, 0xff), utf16be(text)))).toEqual({
      text,
      encoding: 'utf-16be',
      bom: true,
      guessed: true,
    });
  });

  it('recognises a Chinese Excel export as GB18030', () => {
    expect(decodeBytes(CLIENTS_GB18030)).toEqual({ text: CLIENTS_TEXT, encoding: 'gb18030', bom: false, guessed: true });
  });

  it('recognises a Western Excel export as windows-1252', () => {
    expect(decodeBytes(MULLER_CAFE_1252)).toEqual({
      text: 'Müller;café',
      encoding: 'windows-1252',
      bom: false,
      guessed: true,
    });
  });

  it("does not take Latin-1 'Müller' for GB18030 although GB18030 can decode it", () => {
    expect(decodeBytes(bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72)).encoding).toBe('windows-1252');
  });

  it("does not take 'café,' for GB18030 (E9 2C is no valid GB18030 pair)", () => {
    const result = decodeBytes(bytes(0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31));
    expect(result).toEqual({ text: 'café,1', encoding: 'windows-1252', bom: false, guessed: true });
  });

  it('does not take two accents inside a Latin word for a hanzi (Größe, Situação, INFORMAÇÃO)', () => {
    // Größe: F6 DF and ção: E7 E3 are both inside the GB2312 hanzi region.
    const grosse = bytes(0x47, 0x72, 0xf6, 0xdf, 0x65);
    expect(decodeBytes(grosse)).toMatchObject({ text: 'Größe', encoding: 'windows-1252' });
    const situacao = bytes(0x53, 0x69, 0x74, 0x75, 0x61, 0xe7, 0xe3, 0x6f);
    expect(decodeBytes(situacao)).toMatchObject({ text: 'Situação', encoding: 'windows-1252' });
    const informacao = bytes(0x49, 0x4e, 0x46, 0x4f, 0x52, 0x4d, 0x41, 0xc7, 0xc3, 0x4f);
    expect(decodeBytes(informacao)).toMatchObject({ text: 'INFORMAÇÃO', encoding: 'windows-1252' });
  });

  it('picks GB18030 for Chinese mixed with ASCII, including a GBK-only character', () => {
    // 型 D0CD, 号 BAC5, 手 CAD6, 机 BBFA are GB2312; 丂 8140 is a GBK extension outside it.
    const text = '型号,iPhone手机\n丂A';
    const encoded = bytes(0xd0, 0xcd, 0xba, 0xc5, 0x2c, 0x69, 0x50, 0x68, 0x6f, 0x6e, 0x65, 0xca, 0xd6, 0xbb, 0xfa, 0x0a, 0x81, 0x40, 0x41);
    expect(new TextDecoder('gb18030').decode(encoded)).toBe(text);
    // 4 of 5 pairs in GB2312 is exactly the 80 % bar.
    expect(decodeBytes(encoded)).toMatchObject({ text, encoding: 'gb18030' });
  });

  it('falls back to windows-1252 when GB18030 cannot decode the bytes (0xFF)', () => {
    expect(decodeBytes(bytes(0xbf, 0xcd, 0xff)).encoding).toBe('windows-1252');
    expect(decodeBytes(bytes(0xbf, 0xcd, 0xff)).text).toBe('¿Íÿ');
  });

  it('repairs windows-1252 € when detected', () => {
    expect(decodeBytes(bytes(0x31, 0x32, 0x20, 0x80, 0x3b, 0xe9)).text).toBe('12 €;é');
  });

  it('strips a GB18030 BOM when GB18030 is detected', () => {
    expect(decodeBytes(concat(bytes(0x84, 0x31, 0x95, 0x33), CLIENTS_GB18030))).toEqual({
      text: CLIENTS_TEXT,
      encoding: 'gb18030',
      bom: true,
      guessed: true,
    });
  });
});

describe('sniffEncoding', () => {
  it('detects BOMs', () => {
    expect(sniffEncoding(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: 'utf-8', bom: true, guessed: true });
    expect(sniffEncoding(bytes(0xff, 0xfe, 0x61, 0x00))).toEqual({ encoding: 'utf-16le', bom: true, guessed: true });
    expect(sniffEncoding(bytes(0xfe, 0xff, 0x00, 0x61))).toEqual({ encoding: 'utf-16be', bom: true, guessed: true });
  });

  it('does not hold a UTF-8 character cut by the end of the sample against UTF-8', () => {
    const full = utf8('a,b\n1,😀');
    const head = full.subarray(0, full.length - 2);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(head)).toThrow();
    expect(sniffEncoding(head)).toEqual({ encoding: 'utf-8', bom: false, guessed: true });
    const cutEuro = utf8('x;12 €').subarray(0, 6);
    expect(sniffEncoding(cutEuro).encoding).toBe('utf-8');
  });

  it('still rejects UTF-8 when the invalid byte is not at the end', () => {
    expect(sniffEncoding(MULLER_CAFE_1252)).toEqual({ encoding: 'windows-1252', bom: false, guessed: true });
  });

  it('detects GB18030 even when the sample ends inside a character', () => {
    const head = CLIENTS_GB18030.subarray(0, 13);
    expect(sniffEncoding(head)).toEqual({ encoding: 'gb18030', bom: false, guessed: true });
  });

  it('treats an empty or ASCII head as UTF-8', () => {
    expect(sniffEncoding(new Uint8Array(0)).encoding).toBe('utf-8');
    expect(sniffEncoding(utf8('a,b\n')).encoding).toBe('utf-8');
  });
});

describe('createStreamDecoder', () => {
  it('joins an emoji split across chunks', () => {
    const decoder = createStreamDecoder('utf-8');
    const emoji = utf8('😀');
    expect(Array.from(emoji)).toEqual([0xf0, 0x9f, 0x98, 0x80]);
    const parts = [
      decoder.decode(concat(utf8('a,'), emoji.subarray(0, 1)), false),
      decoder.decode(emoji.subarray(1, 3), false),
      decoder.decode(concat(emoji.subarray(3), utf8('\n')), true),
    ];
    expect(parts).toEqual(['a,', '', '😀\n']);
  });

  it('strips a leading BOM, even one split across chunks, but not a later U+FEFF', () => {
    const decoder = createStreamDecoder('utf-8');
    const out = [
      decoder.decode(bytes(0xef), false),
      decoder.decode(bytes(0xbb, 0xbf, 0x61), false),
      decoder.decode(bytes(0xef, 0xbb, 0xbf), true),
    ];
    expect(out).toEqual(['', 'a', '\ufeff']);
  });

  it('strips a UTF-16LE BOM and joins a code unit split across chunks', () => {
    const decoder = createStreamDecoder('utf-16le');
    const all = concat(bytes(0xff, 0xfe), utf16le('é1'));
    const text = decoder.decode(all.subarray(0, 3), false) + decoder.decode(all.subarray(3), true);
    expect(text).toBe('é1');
  });

  it('joins a GB18030 character split across chunks', () => {
    const decoder = createStreamDecoder('gb18030');
    let text = '';
    for (let i = 0; i < CLIENTS_GB18030.length; i++) {
      text += decoder.decode(CLIENTS_GB18030.subarray(i, i + 1), i === CLIENTS_GB18030.length - 1);
    }
    expect(text).toBe(CLIENTS_TEXT);
  });

  it('repairs windows-1252 € in every chunk', () => {
    const decoder = createStreamDecoder('windows-1252');
    expect(decoder.decode(bytes(0x80, 0x31), false)).toBe('€1');
    expect(decoder.decode(bytes(0x93, 0x94), true)).toBe('“”');
  });

  it('flushes an incomplete character as U+FFFD on the last chunk, then starts afresh', () => {
    const decoder = createStreamDecoder('utf-8');
    expect(decoder.decode(bytes(0x61, 0xe2, 0x82), true)).toBe('a\ufffd');
    // After the last chunk, a new stream may again begin with a BOM.
    expect(decoder.decode(bytes(0xef, 0xbb, 0xbf, 0x62), true)).toBe('b');
  });

  it('throws a RangeError for an unknown label', () => {
    expect(() => createStreamDecoder('klingon')).toThrow(RangeError);
  });
});

describe('ENCODING_CHOICES and isSupportedEncoding', () => {
  it('offers canonical, supported, unique encodings with message keys', () => {
    const encodings = ENCODING_CHOICES.map((c) => c.encoding);
    expect(encodings.slice(0, 4)).toEqual(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);
    expect(encodings).toContain('gb18030');
    expect(new Set(encodings).size).toBe(encodings.length);
    expect(new Set(ENCODING_CHOICES.map((c) => c.messageKey)).size).toBe(encodings.length);
    for (const choice of ENCODING_CHOICES) {
      expect(isSupportedEncoding(choice.encoding)).toBe(true);
      expect(new TextDecoder(choice.encoding).encoding).toBe(choice.encoding);
      expect(choice.messageKey).toMatch(/^encoding\.[a-zA-Z0-9]+$/);
      expect(choice.label.length).toBeGreaterThan(0);
    }
  });

  it('does not list iso-8859-1 separately, since WHATWG maps it to windows-1252', () => {
    expect(ENCODING_CHOICES.map((c) => c.encoding)).not.toContain('iso-8859-1');
    expect(new TextDecoder('iso-8859-1').encoding).toBe('windows-1252');
  });

  it('tells supported labels from unknown ones', () => {
    expect(isSupportedEncoding('latin1')).toBe(true);
    expect(isSupportedEncoding('gbk')).toBe(true);
    expect(isSupportedEncoding('no-such-encoding')).toBe(false);
  });
});
