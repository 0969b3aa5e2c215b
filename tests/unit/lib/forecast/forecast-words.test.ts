import { describe, expect, it } from 'vitest';
import { decimalsFor, errorDecimals, roundForWords, wordDecimals } from '../../../../src/lib/forecast/forecast-words';

describe('roundForWords', () => {
  it('keeps three significant digits', () => {
    expect(roundForWords(5087.42)).toBe(5090);
    expect(roundForWords(10_985.3)).toBe(11_000);
    expect(roundForWords(0.012345)).toBe(0.0123);
    expect(roundForWords(-4321)).toBe(-4320);
  });

  it('leaves 0 and values that are not finite alone', () => {
    expect(roundForWords(0)).toBe(0);
    expect(roundForWords(NaN)).toBeNaN();
  });

  it('takes another number of digits', () => {
    expect(roundForWords(5087.42, 2)).toBe(5100);
  });
});

describe('wordDecimals', () => {
  it('gives the decimals that show three significant digits', () => {
    expect(wordDecimals(5090)).toBe(0);
    expect(wordDecimals(12.3)).toBe(1);
    expect(wordDecimals(0.0123)).toBe(4);
    expect(wordDecimals(0)).toBe(0);
  });
});

describe('decimalsFor', () => {
  it('judges by the largest absolute value', () => {
    expect(decimalsFor([2815, 13916])).toBe(0);
    expect(decimalsFor([12.5, 3])).toBe(1);
    expect(decimalsFor([0.25, -0.5])).toBe(2);
    expect(decimalsFor([0.001, 0.002])).toBe(4);
    expect(decimalsFor([-250, 0.5])).toBe(0);
  });

  it('ignores values that are not finite', () => {
    expect(decimalsFor([NaN, 0.5])).toBe(2);
    expect(decimalsFor([])).toBe(4);
  });
});

describe('errorDecimals', () => {
  it('gives 1 decimal from 100 up and 2 below, on the absolute value', () => {
    expect(errorDecimals(402.86)).toBe(1);
    expect(errorDecimals(100)).toBe(1);
    expect(errorDecimals(99.99)).toBe(2);
    expect(errorDecimals(9.194)).toBe(2);
    expect(errorDecimals(-250)).toBe(1);
    expect(errorDecimals(0)).toBe(2);
  });
});
