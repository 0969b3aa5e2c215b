import { describe, expect, it } from 'vitest';
import { getColumn, getNumbers, getStrings, cellText } from '../../../../src/core';
import type { NumericStorage } from '../../../../src/core/data/dataset';
import { parsed } from '../../../helpers/datasets';

// Five rows, one column per storage kind:
//   price  number   (numeric storage; "1,234.5" is formatted; row 2 empty)
//   plan   category (dictionary storage; row 3 empty)
//   churn  boolean  (dictionary storage; Yes/No; row 4 empty)
//   start  date     (dictionary storage; row 1 empty)
//   qty    integer  (numeric storage)
const d = parsed(
  [
    'price,plan,churn,start,qty',
    '"1,234.5",Basic,Yes,2024-01-15,3',
    '20,Pro,No,,4',
    ',Basic,No,2024-02-29,5',
    '-0.25,,Yes,1999-12-31,6',
    '7,Pro,,2024-03-01,7',
  ].join('\n'),
);

describe('the fixture', () => {
  it('has the types and storages these tests rely on', () => {
    expect(d.rowCount).toBe(5);
    expect(d.columns.map((c) => [c.name, c.type, c.storage.kind])).toEqual([
      ['price', 'number', 'numeric'],
      ['plan', 'category', 'dictionary'],
      ['churn', 'boolean', 'dictionary'],
      ['start', 'date', 'dictionary'],
      ['qty', 'integer', 'numeric'],
    ]);
  });
});

describe('getNumbers', () => {
  it('numeric storage: the values, NaN where missing', () => {
    const price = getNumbers(d, 'price');
    expect(price).toBeInstanceOf(Float64Array);
    expect(Array.from(price)).toEqual([1234.5, 20, NaN, -0.25, 7]);
    expect(Array.from(getNumbers(d, 'qty'))).toEqual([3, 4, 5, 6, 7]);
  });

  it('boolean: 1 for yes, 0 for no, NaN where missing', () => {
    expect(Array.from(getNumbers(d, 'churn'))).toEqual([1, 0, 0, 1, NaN]);
  });

  it('date: ms since the epoch in UTC, NaN where missing', () => {
    expect(Array.from(getNumbers(d, 'start'))).toEqual([
      Date.UTC(2024, 0, 15), // 1705276800000
      NaN,
      Date.UTC(2024, 1, 29), // 1709164800000
      Date.UTC(1999, 11, 31), // 946598400000
      Date.UTC(2024, 2, 1), // 1709251200000
    ]);
    expect(getNumbers(d, 'start')[0]).toBe(1705276800000);
    expect(getNumbers(d, 'start')[3]).toBe(946598400000);
  });

  it('category: NaN for words, the number where a value is one', () => {
    expect(Array.from(getNumbers(d, 'plan'))).toEqual([NaN, NaN, NaN, NaN, NaN]);
    // 10, abc, 20, (missing), abc is a category (only half are numbers).
    const mixed = parsed('v,k\n10,p\nabc,q\n20,r\n,s\nabc,t\n');
    expect(mixed.columns[0].type).toBe('category');
    expect(Array.from(getNumbers(mixed, 'v'))).toEqual([10, NaN, 20, NaN, NaN]);
  });

  it('a rejected cell of a numeric column is NaN', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 1},r${i}`);
    rows.splice(10, 0, 'oops,x');
    const amount = parsed(`amount,tag\n${rows.join('\n')}\n`);
    const values = getNumbers(amount, 'amount');
    expect(values.length).toBe(21);
    expect(values[9]).toBe(10);
    expect(values[10]).toBeNaN();
    expect(values[11]).toBe(11);
  });

  it('returns a copy: changing it does not change the data set', () => {
    const first = getNumbers(d, 'price');
    first[0] = 999;
    first.fill(-1);
    expect(Array.from(getNumbers(d, 'price'))).toEqual([1234.5, 20, NaN, -0.25, 7]);
    expect((getColumn(d, 'price').storage as NumericStorage).values[0]).toBe(1234.5);
    expect(getNumbers(d, 'price')).not.toBe(getNumbers(d, 'price'));
  });
});

describe('getStrings', () => {
  it('numeric storage: numbers in plain form, null where missing', () => {
    // "1,234.5" in the file comes back as '1234.5'; -0.25 as '-0.25'.
    expect(getStrings(d, 'price')).toEqual(['1234.5', '20', null, '-0.25', '7']);
    expect(getStrings(d, 'qty')).toEqual(['3', '4', '5', '6', '7']);
  });

  it('numeric storage: a rejected cell comes back as its raw text', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 1},r${i}`);
    rows.splice(10, 0, 'oops,x');
    rows.splice(15, 0, ',y');
    const amount = parsed(`amount,tag\n${rows.join('\n')}\n`);
    const column = getColumn(amount, 'amount');
    expect(column.type).toBe('integer');
    expect(Array.from((column.storage as NumericStorage).rejected.rows)).toEqual([10]);
    const strings = getStrings(amount, 'amount');
    expect(strings).toHaveLength(22);
    expect(strings.slice(9, 12)).toEqual(['10', 'oops', '11']);
    expect(strings[15]).toBeNull();
    expect(strings[21]).toBe('20');
    expect(cellText(column, 10)).toBe('oops');
    expect(cellText(column, 15)).toBeNull();
  });

  it('dictionary storage: the values, null where missing', () => {
    expect(getStrings(d, 'plan')).toEqual(['Basic', 'Pro', 'Basic', null, 'Pro']);
  });

  it('boolean and date columns give their text as written', () => {
    expect(getStrings(d, 'churn')).toEqual(['Yes', 'No', 'No', 'Yes', null]);
    expect(getStrings(d, 'start')).toEqual(['2024-01-15', null, '2024-02-29', '1999-12-31', '2024-03-01']);
  });

  it('cellText agrees with getStrings on every cell', () => {
    for (const column of d.columns) {
      const strings = getStrings(d, column.name);
      for (let row = 0; row < d.rowCount; row++) expect(cellText(column, row)).toBe(strings[row]);
    }
  });
});

describe('getColumn', () => {
  it('finds a column by its exact name', () => {
    expect(getColumn(d, 'plan')).toBe(d.columns[1]);
    expect(getColumn(d, 'qty')).toBe(d.columns[4]);
  });

  it('throws RangeError for an unknown name, and names are case-sensitive', () => {
    expect(() => getColumn(d, 'nope')).toThrow(RangeError);
    expect(() => getColumn(d, 'nope')).toThrow('No column named "nope"');
    expect(() => getColumn(d, 'Plan')).toThrow(RangeError);
    expect(() => getNumbers(d, 'nope')).toThrow(RangeError);
    expect(() => getStrings(d, '')).toThrow(RangeError);
  });
});
