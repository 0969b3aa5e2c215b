import { describe, expect, it } from 'vitest';
import { readNumber } from '../../../src/lib/i18n/read-number';

describe('readNumber', () => {
  it.each([
    ['1234.5', 'en', 1234.5],
    ['1,234.5', 'en', 1234.5],
    ['1,234', 'en', 1234],
    ['−12', 'en', -12],
    [' 0.05 ', 'en', 0.05],
    ['.5', 'en', 0.5],
    ['1e6', 'en', 1e6],
    ['1.234,5', 'de', 1234.5],
    ['0,05', 'de', 0.05],
    ['1.234', 'de', 1234],
    ['0.5', 'de', 0.5],
    ['1 234,5', 'fr', 1234.5],
    ['500,000', 'zh-CN', 500000],
    ['∞', 'en', Number.POSITIVE_INFINITY],
    ['-inf', 'en', Number.NEGATIVE_INFINITY],
  ])('reads %s in %s', (text, locale, value) => {
    expect(readNumber(text, locale)).toBe(value);
  });

  it.each(['', 'abc', '1..2', '12x', '--1', '1,2,3.4.5'])('refuses %j', (text) => {
    expect(readNumber(text, 'en')).toBeNull();
  });
});
