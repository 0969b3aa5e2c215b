import { describe, expect, it } from 'vitest';
import { setLocale } from '../../../../src/lib/i18n/i18n';
import { lpNumber, rowText, withUnit } from '../../../../src/lib/lp/lp-text';

describe('numbers and rows of a model as people read them', () => {
  it('keeps small coefficients visible and rounds solver noise to 0', () => {
    setLocale('en-US');
    expect([lpNumber(1 / 40000), lpNumber(0.05), lpNumber(2.156), lpNumber(42857.142857), lpNumber(1e-13), lpNumber(-0.1)]).toEqual([
      '0.000025',
      '0.05',
      '2.156',
      '42,857.14',
      '0',
      '-0.1',
    ]);
    expect(lpNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  });

  it('puts a currency sign before a number and a unit in words after it', () => {
    expect([withUnit('1,000', '¥'), withUnit('1,500', 'hours'), withUnit('3', undefined)]).toEqual(['¥1,000', '1,500 hours', '3']);
  });

  it('writes a row out with labels', () => {
    setLocale('en-US');
    expect(rowText({ x1: 0.05, x2: -1 }, '<=', 5000, (n) => n.toUpperCase())).toBe('0.05 × X1 − X2 ≤ 5,000');
  });
});
