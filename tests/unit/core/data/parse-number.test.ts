import { describe, expect, it } from 'vitest';
import {
  isLeadingZeroCode,
  isMissingToken,
  parseNumberCell,
} from '../../../../src/core/data/parse-number';

/** Tiny seeded PRNG so the property check is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('isMissingToken', () => {
  it.each(['', ' ', '   ', '\t', '\u00a0', 'NA', 'N/A', 'n/a', 'na', 'null', 'NULL', 'Null', '-', '#N/A', 'NaN', 'nan', '#NA', '<NA>', '-NaN', '#N/A N/A'])(
    'treats %j as missing',
    (raw) => {
      expect(isMissingToken(raw)).toBe(true);
    },
  );

  it.each([' NA ', '  n/a', 'null  ', '\tNULL\t'])('trims before matching: %j', (raw) => {
    expect(isMissingToken(raw)).toBe(true);
  });

  it.each(['0', '12', '-1', 'No', 'N', 'Nan Goldin', 'Unknown', '--', '#DIV/0!', '#VALUE!', 'nulls', 'NA NA', 'n.a.', 'x', '?', 'Nonexistent'])(
    'keeps %j as a value',
    (raw) => {
      expect(isMissingToken(raw)).toBe(false);
    },
  );
});

describe('parseNumberCell plain decimals (fast path)', () => {
  it.each<[string, number]>([
    ['0', 0],
    ['3', 3],
    ['-12.5', -12.5],
    ['+7', 7],
    ['1e-3', 0.001],
    ['1.5e3', 1500],
    ['1.5E+3', 1500],
    ['2E2', 200],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['0.5', 0.5],
    ['-0.25', -0.25],
    ['123456789', 123456789],
    ['0.1', 0.1],
    ['123456789012345', 123456789012345],
    ['9.007199254740993e15', 9007199254740992],
  ])('reads %j with decimal "." as %d', (raw, expected) => {
    expect(parseNumberCell(raw, '.')).toBe(expected);
  });

  it.each<[string, number]>([
    ['0', 0],
    ['3', 3],
    ['1,5', 1.5],
    ['-12,5', -12.5],
    ['0,5', 0.5],
    [',5', 0.5],
    ['-0,25', -0.25],
    ['1,5e3', 1500],
    ['0,1', 0.1],
    ['0,3', 0.3],
    ['123,456', 123.456],
    ['1,7976931348623157e308', 1.7976931348623157e308],
    ['12345678901234567,5', 12345678901234567.5],
  ])('reads %j with decimal "," as %d', (raw, expected) => {
    expect(parseNumberCell(raw, ',')).toBe(expected);
  });

  it('keeps the sign of zero', () => {
    expect(Object.is(parseNumberCell('-0', '.'), -0)).toBe(true);
    expect(Object.is(parseNumberCell('-0,0', ','), -0)).toBe(true);
  });
});

describe('parseNumberCell formatted cells (slow path)', () => {
  it.each<[string, number]>([
    [' 12 ', 12],
    ['\t-3.5 ', -3.5],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['-1,234', -1234],
    ['$1,234', 1234],
    ['$ 1,234.50', 1234.5],
    ['1,234.50 $', 1234.5],
    ['€12.50', 12.5],
    ['£3', 3],
    ['¥1,000', 1000],
    ['￥1,000', 1000],
    ['-$5', -5],
    ['$-5', -5],
    ['+$5', 5],
    ['12%', 0.12],
    ['12 %', 0.12],
    ['-12%', -0.12],
    ['12.5%', 0.125],
    ['100%', 1],
    ['(500)', -500],
    ['( 500 )', -500],
    ['($1,234.50)', -1234.5],
    ['(1,234.50 €)', -1234.5],
    ['(12%)', -0.12],
    ["1'234.5", 1234.5],
    ['1 234.5', 1234.5],
    ['1\u00a0234', 1234],
  ])('reads %j with decimal "." as %d', (raw, expected) => {
    expect(parseNumberCell(raw, '.')).toBe(expected);
  });

  it.each<[string, number]>([
    ['1.234,5', 1234.5],
    ['1.234.567,89', 1234567.89],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ["1'234,5", 1234.5],
    ['1.234', 1234],
    ['12,5 €', 12.5],
    ['€ 12,5', 12.5],
    ['-12,5 €', -12.5],
    ['(1.234,50 €)', -1234.5],
    ['12,5%', 0.125],
    ['12,5 %', 0.125],
    [' 3,0 ', 3],
  ])('reads %j with decimal "," as %d', (raw, expected) => {
    expect(parseNumberCell(raw, ',')).toBe(expected);
  });

  it('returns percentages as value / 100, not value * 0.01', () => {
    expect(35 * 0.01).not.toBe(0.35);
    expect(parseNumberCell('35%', '.')).toBe(0.35);
    expect(parseNumberCell('35%', '.')).toBe(35 / 100);
    expect(parseNumberCell('29%', '.')).toBe(0.29);
  });
});

describe('parseNumberCell rejects non-numbers', () => {
  it.each([
    '',
    ' ',
    '007',
    '0123',
    '-01',
    '00.5',
    '00',
    '0x1A',
    '0b11',
    'Infinity',
    '-Infinity',
    'NaN',
    '1.2.3',
    '%',
    '$',
    '$%',
    '-',
    '+',
    '.',
    '()',
    '1-2',
    '2024-03',
    '2024-03-15',
    '15/03/2024',
    'abc',
    '12abc',
    'abc12',
    '1,23.5',
    '1,5',
    '12,34,567',
    '1234,567',
    '0,123',
    '1,234e3',
    '5.',
    'e5',
    '1e',
    '1e+',
    '1e400',
    '--5',
    '- 5',
    '(-5)',
    '(5',
    '5)',
    '$5%',
    '$$5',
    '5-',
    '1 2',
    '1,234 567',
    '1_000',
    '１２',
    'USD 5',
  ])('reads %j as NaN with decimal "."', (raw) => {
    expect(parseNumberCell(raw, '.')).toBeNaN();
  });

  it.each(['1.5', '1.23', '1.2.3', '1.234.5', '0.5', '1,2,3', '12.34,5', '1.234,', '1,234.5', '0.123'])(
    'reads %j as NaN with decimal ","',
    (raw) => {
      expect(parseNumberCell(raw, ',')).toBeNaN();
    },
  );

  it('treats the other mark as grouping: 1,234 means 1234 with "." and 1.234 with ","', () => {
    expect(parseNumberCell('1,234', '.')).toBe(1234);
    expect(parseNumberCell('1,234', ',')).toBe(1.234);
    expect(parseNumberCell('1.234', ',')).toBe(1234);
    expect(parseNumberCell('1.234', '.')).toBe(1.234);
  });
});

describe('parseNumberCell round trip', () => {
  it('reads back 10,000 seeded random numbers printed by String()', () => {
    const random = mulberry32(20240315);
    for (let i = 0; i < 10000; i++) {
      const kind = i % 4;
      const r = random();
      const x =
        kind === 0
          ? (r - 0.5) * 1e6
          : kind === 1
            ? Math.round((r - 0.5) * 1e9)
            : kind === 2
              ? (r - 0.5) * Math.pow(10, Math.floor(random() * 60) - 30)
              : Math.round((r - 0.5) * 1e6) / 100;
      const text = String(x);
      // Whole numbers printed with more than 15 digits are codes by design (see below).
      const expected = /^-?\d{16,}$/.test(text) ? NaN : x;
      expect(parseNumberCell(text, '.'), text).toBe(expected);
      expect(parseNumberCell(text.replace('.', ','), ','), text).toBe(expected);
    }
  });
});

describe('isMissingToken and category words', () => {
  it('keeps "None" as a value: categories such as "Discount: None" are common in exports', () => {
    expect(isMissingToken('None')).toBe(false);
    expect(isMissingToken('none')).toBe(false);
  });
});

describe('parseNumberCell and the typographic minus', () => {
  it('reads U+2212 as a minus sign', () => {
    expect(parseNumberCell('\u22121,234.5', '.')).toBe(-1234.5);
    expect(parseNumberCell('\u22125', '.')).toBe(-5);
  });
});

describe('parseNumberCell and long digit strings', () => {
  it.each(['9007199254740993', '6222021234567890123', '-1234567890123456'])('reads %j as a code, not a rounded number', (raw) => {
    expect(parseNumberCell(raw, '.')).toBeNaN();
  });

  it('still reads long amounts written with grouping, a fraction or an exponent', () => {
    expect(parseNumberCell('1,234,567,890,123,456', '.')).toBe(1234567890123456);
    expect(parseNumberCell('1234567890123456.5', '.')).toBe(1234567890123456.5);
    expect(parseNumberCell('1.5e20', '.')).toBe(1.5e20);
  });
});

describe('isLeadingZeroCode', () => {
  it.each(['007', '02134', '00', '0123456789', ' 007 '])('sees %j as a code', (raw) => {
    expect(isLeadingZeroCode(raw)).toBe(true);
  });

  it.each(['0', '7', '70', '0.5', '0,5', '-01', '+01', '0x1A', '', ' ', '0 1', '07a', 'O7'])('does not see %j as a code', (raw) => {
    expect(isLeadingZeroCode(raw)).toBe(false);
  });
});

