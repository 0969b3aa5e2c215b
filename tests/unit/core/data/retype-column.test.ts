import { describe, expect, it } from 'vitest';
import { retypeColumn, columnNumbers, columnStrings, type Column } from '../../../../src/core';
import type { DictionaryStorage, NumericStorage } from '../../../../src/core/data/dataset';
import { unpackStrings } from '../../../../src/core/data/packed-strings';
import { parsed, column } from '../../../helpers/datasets';

function retyped(c: Column, type: Column['type'], decimal: '.' | ',' = '.'): Column {
  const result = retypeColumn(c, type, { decimal });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const numeric = (c: Column) => c.storage as NumericStorage;
const dictionary = (c: Column) => c.storage as DictionaryStorage;

/** Freezes the column, its storage and the plain objects and arrays inside (typed arrays with elements cannot be frozen). */
function deepFreeze(c: Column): Column {
  const s = c.storage;
  if (s.kind === 'numeric') {
    Object.freeze(s.rejected.raw);
    Object.freeze(s.rejected);
  } else {
    Object.freeze(s.dictionary);
  }
  Object.freeze(s);
  return Object.freeze(c);
}

function snapshot(c: Column) {
  const s = c.storage;
  return s.kind === 'numeric'
    ? { ...c, storage: { values: Array.from(s.values), rows: Array.from(s.rejected.rows), raw: [...s.rejected.raw] } }
    : { ...c, storage: { codes: Array.from(s.codes), text: s.dictionary.text, ends: Array.from(s.dictionary.ends) } };
}

describe('retypeColumn: text to number', () => {
  // v: 10, abc, 20, (missing), abc → 2 of 4 present cells are numbers, so it is read as a category.
  const d = parsed('v,k\n10,p\nabc,q\n20,r\n,s\nabc,t\n');
  const v = column(d, 'v');

  it('starts from a category column', () => {
    expect(v.type).toBe('category');
    expect(v.missingCount).toBe(1);
  });

  it('reads the numbers; text that is not a number is rejected, keeping its raw text', () => {
    const n = retyped(v, 'number');
    expect(n.type).toBe('number');
    expect(n.inferredType).toBe('category');
    expect(n.name).toBe('v');
    expect(n.storage.kind).toBe('numeric');
    expect(Array.from(numeric(n).values)).toEqual([10, NaN, 20, NaN, NaN]);
    expect(Array.from(numeric(n).rejected.rows)).toEqual([1, 4]);
    expect(numeric(n).rejected.raw).toEqual(['abc', 'abc']);
    // 5 rows - 2 numbers - 2 rejected = 1 truly empty cell.
    expect(n.missingCount).toBe(1);
    expect(Array.from(columnNumbers(n))).toEqual([10, NaN, 20, NaN, NaN]);
    expect(columnStrings(n)).toEqual(['10', 'abc', '20', null, 'abc']);
  });

  it('reads whole numbers as integer too', () => {
    const n = retyped(v, 'integer');
    expect(n.type).toBe('integer');
    expect(Array.from(numeric(n).values)).toEqual([10, NaN, 20, NaN, NaN]);
    expect(n.missingCount).toBe(1);
  });

  it('back to category gives exactly the original codes and dictionary', () => {
    const back = retyped(retyped(v, 'number'), 'category');
    expect(back.type).toBe('category');
    expect(back.storage.kind).toBe('dictionary');
    expect(Array.from(dictionary(back).codes)).toEqual([0, 1, 2, -1, 1]);
    expect(unpackStrings(dictionary(back).dictionary)).toEqual(['10', 'abc', '20']);
    expect(Array.from(dictionary(back).codes)).toEqual(Array.from(dictionary(v).codes));
    expect(unpackStrings(dictionary(back).dictionary)).toEqual(unpackStrings(dictionary(v).dictionary));
    expect(back.missingCount).toBe(1);
  });

  it('reads formatted numbers with the decimal mark it is given', () => {
    // w: "1.234,5", "2,5", x, y (text: 2 of 4 are numbers with decimal ',').
    const w = column(parsed('w;k\n1.234,5;a\n2,5;b\nx;c\ny;d\n'), 'w');
    expect(w.type).toBe('category');
    expect(Array.from(numeric(retyped(w, 'number', ',')).values)).toEqual([1234.5, 2.5, NaN, NaN]);
    // With '.', "1.234,5" is not a number and "2,5" is not either (a group needs 3 digits).
    const dot = retypeColumn(w, 'number', { decimal: '.' });
    expect(dot.ok).toBe(false);
  });

  it('keeps leading-zero codes as their plain numeric reading', () => {
    // z: 007, 42, x, y → '007' is read with Number() as 7.
    const z = column(parsed('z,k\n007,a\n42,b\nx,c\ny,d\n'), 'z');
    expect(z.type).toBe('category');
    const n = retyped(z, 'integer');
    expect(Array.from(numeric(n).values)).toEqual([7, 42, NaN, NaN]);
    expect(numeric(n).rejected.raw).toEqual(['x', 'y']);
    expect(n.missingCount).toBe(0);
  });

  it('refuses number when no value reads as one', () => {
    const words = column(parsed('w,k\napple,1\npear,2\n,3\n'), 'w');
    const result = retypeColumn(words, 'number', { decimal: '.' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'RETYPE_INVALID', message: 'The values of "w" cannot be read as number.', params: { column: 'w', type: 'number' } },
    });
  });
});

describe('retypeColumn: number to text and back', () => {
  // n: 1.5, 2, (missing), -3.25, 1e21
  const d = parsed('n,k\n1.5,a\n2,b\n,c\n-3.25,d\n1e21,e\n');
  const n = column(d, 'n');

  it('turns numbers into their plain text, missing stays missing', () => {
    expect(n.type).toBe('number');
    const c = retyped(n, 'category');
    expect(c.type).toBe('category');
    expect(c.inferredType).toBe('number');
    expect(c.storage.kind).toBe('dictionary');
    // String(1e21) is '1e+21'.
    expect(unpackStrings(dictionary(c).dictionary)).toEqual(['1.5', '2', '-3.25', '1e+21']);
    expect(Array.from(dictionary(c).codes)).toEqual([0, 1, -1, 2, 3]);
    expect(c.missingCount).toBe(1);
  });

  it('number → category → number gives back the same values', () => {
    const back = retyped(retyped(n, 'category'), 'number');
    expect(back.type).toBe('number');
    expect(Array.from(numeric(back).values)).toEqual([1.5, 2, NaN, -3.25, 1e21]);
    expect(Array.from(numeric(back).values)).toEqual(Array.from(numeric(n).values));
    expect(numeric(back).rejected.rows.length).toBe(0);
    expect(numeric(back).rejected.raw).toEqual([]);
    expect(back.missingCount).toBe(1);
  });

  it('a rejected cell keeps its raw text through category and back', () => {
    // amount: 1..20 with 'oops' in row 10 (1 of 21 cells, under the 5% limit).
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 1},r${i}`);
    rows.splice(10, 0, 'oops,x');
    const amount = column(parsed(`amount,tag\n${rows.join('\n')}\n`), 'amount');
    expect(amount.type).toBe('integer');
    expect(amount.missingCount).toBe(0);
    const text = retyped(amount, 'text');
    expect(columnStrings(text)[10]).toBe('oops');
    expect(text.missingCount).toBe(0);
    const again = retyped(text, 'integer');
    expect(Array.from(numeric(again).rejected.rows)).toEqual([10]);
    expect(numeric(again).rejected.raw).toEqual(['oops']);
    expect(again.missingCount).toBe(0);
  });
});

describe('retypeColumn: refusals and same type', () => {
  it('refuses integer for a column holding 1.5', () => {
    const n = column(parsed('n,k\n1,a\n1.5,b\n3,c\n'), 'n');
    expect(n.type).toBe('number');
    const result = retypeColumn(n, 'integer', { decimal: '.' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('RETYPE_INVALID');
      expect(result.error.params).toEqual({ column: 'n', type: 'integer' });
    }
  });

  it('refuses boolean for three distinct values, even yes/no words', () => {
    const b = column(parsed('b,k\nyes,a\nno,b\nmaybe,c\n'), 'b');
    expect(b.type).toBe('category');
    const result = retypeColumn(b, 'boolean', { decimal: '.' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'RETYPE_INVALID', params: { column: 'b', type: 'boolean' } });
    const words = column(parsed('b,k\nyes,a\nno,b\ntrue,c\n'), 'b');
    expect(retypeColumn(words, 'boolean', { decimal: '.' }).ok).toBe(false);
  });

  it('refuses boolean for two values that are not yes/no words', () => {
    const b = column(parsed('b,k\nred,a\nblue,b\nred,c\n'), 'b');
    expect(retypeColumn(b, 'boolean', { decimal: '.' }).ok).toBe(false);
  });

  it('turns a boolean column into a category and back', () => {
    const flag = column(parsed('flag,k\nYes,1\nNo,2\n,3\nYes,4\n'), 'flag');
    expect(flag.type).toBe('boolean');
    const cat = retyped(flag, 'category');
    expect(cat.type).toBe('category');
    const back = retyped(cat, 'boolean');
    expect(back.type).toBe('boolean');
    expect(back.missingCount).toBe(1);
    expect(Array.from(columnNumbers(back))).toEqual([1, 0, NaN, 1]);
  });

  it('returns the very same column when the type does not change', () => {
    const n = column(parsed('n,k\n1.5,a\n2,b\n'), 'n');
    const result = retypeColumn(n, 'number', { decimal: '.' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toBe(n);
  });
});

describe('retypeColumn: dates', () => {
  // w: soon, 2024-01-15, later, 2024-03-01, (missing) → only half are dates, so a category.
  const w = column(parsed('w,k\nsoon,a\n2024-01-15,b\nlater,c\n2024-03-01,d\n,e\n'), 'w');

  it('reads dates from text; cells that are not dates give NaN', () => {
    expect(w.type).toBe('category');
    const date = retyped(w, 'date');
    expect(date.type).toBe('date');
    expect(date.storage.kind).toBe('dictionary');
    // Only the empty cell is missing; the texts are kept.
    expect(date.missingCount).toBe(1);
    expect(columnStrings(date)).toEqual(['soon', '2024-01-15', 'later', '2024-03-01', null]);
    // Date.UTC(2024, 0, 15) = 1705276800000, Date.UTC(2024, 2, 1) = 1709251200000
    expect(Array.from(columnNumbers(date))).toEqual([NaN, 1705276800000, NaN, 1709251200000, NaN]);
  });

  it('refuses date when no value is a date', () => {
    const words = column(parsed('w,k\nsoon,a\nlater,b\n'), 'w');
    const result = retypeColumn(words, 'date', { decimal: '.' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.params).toEqual({ column: 'w', type: 'date' });
  });
});

describe('retypeColumn does not change its input', () => {
  it('a frozen numeric column stays as it was through every retype', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 1}.5,r${i}`);
    rows.splice(3, 0, 'oops,x');
    rows.splice(7, 0, ',y');
    const amount = deepFreeze(column(parsed(`amount,tag\n${rows.join('\n')}\n`), 'amount'));
    expect(amount.type).toBe('number');
    const before = snapshot(amount);
    expect(before.storage).toMatchObject({ rows: [3], raw: ['oops'] });
    for (const type of ['integer', 'category', 'text', 'date', 'boolean', 'id'] as const) retypeColumn(amount, type, { decimal: '.' });
    expect(snapshot(amount)).toEqual(before);
    expect(amount.type).toBe('number');
  });

  it('a frozen dictionary column stays as it was through every retype', () => {
    const v = deepFreeze(column(parsed('v,k\n10,p\nabc,q\n20,r\n,s\nabc,t\n'), 'v'));
    const before = snapshot(v);
    for (const type of ['number', 'integer', 'text', 'date', 'boolean', 'id'] as const) retypeColumn(v, type, { decimal: '.' });
    expect(snapshot(v)).toEqual(before);
    expect(before.storage).toEqual({ codes: [0, 1, 2, -1, 1], text: '10abc20', ends: [2, 5, 7] });
  });

  it('the new column does not share a dictionary or values that a later change could alter', () => {
    const v = column(parsed('v,k\n10,p\nabc,q\n20,r\n,s\nabc,t\n'), 'v');
    const n = retyped(v, 'number');
    numeric(n).values[0] = 99;
    // The category column still reads '10' in row 0.
    expect(columnStrings(v)[0]).toBe('10');
  });
});
