import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { currentLocale, formatBytes, formatDate, formatNumber, formatPercent, hasMessage, setLocale, t } from '../../../src/lib/i18n/i18n';
import { en } from '../../../src/lib/i18n/messages.en';
import { readdirSync, readFileSync } from 'node:fs';

/** ICU puts a narrow no-break space (U+202F) before AM/PM and may use U+00A0 elsewhere. */
const spaces = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

const initialLocale = currentLocale();

beforeEach(() => setLocale('en-US'));
afterAll(() => setLocale(initialLocale));

describe('setLocale / currentLocale', () => {
  it('changes the locale in force', () => {
    setLocale('de-DE');
    expect(currentLocale()).toBe('de-DE');
    setLocale('en-US');
    expect(currentLocale()).toBe('en-US');
  });
});

describe('t', () => {
  it('returns a message without placeholders as it is', () => {
    expect(t('app.name')).toBe('B2B Strategy Lab');
    expect(t('data.import.cancel', { unused: 5 })).toBe('Cancel');
  });

  it('fills placeholders and groups numbers the en-US way', () => {
    expect(t('workspace.rows', { rows: 7043, columns: 20 })).toBe('7,043 rows × 20 columns');
    expect(t('data.import.done', { rows: 7043, columns: 20, name: 'telco.csv' })).toBe(
      'Imported 7,043 rows and 20 columns from “telco.csv”.',
    );
  });

  it('groups numbers the de-DE way after setLocale, and still uses the English text', () => {
    setLocale('de-DE');
    expect(t('workspace.rows', { rows: 7043, columns: 20 })).toBe('7.043 rows × 20 columns');
    // Back to en-US: the cached formatter must not survive the change.
    setLocale('en-US');
    expect(t('workspace.rows', { rows: 7043, columns: 20 })).toBe('7,043 rows × 20 columns');
  });

  it('rounds numbers to at most two decimals with the locale decimal mark', () => {
    // 1234.5678 → 1,234.57 (en-US), 1.234,57 (de-DE)
    expect(t('columns.missing', { count: 1234.5678 })).toBe('Missing: 1,234.57');
    setLocale('de-DE');
    expect(t('columns.missing', { count: 1234.5678 })).toBe('Missing: 1.234,57');
  });

  it('puts strings in as they are, without number formatting', () => {
    expect(t('workspace.rows', { rows: '7043', columns: 'twenty' })).toBe('7043 rows × twenty columns');
  });

  it('leaves placeholders without a value as they are', () => {
    expect(t('data.import.done', { rows: 7043 })).toBe('Imported 7,043 rows and {columns} columns from “{name}”.');
    expect(t('data.import.done')).toBe('Imported {rows} rows and {columns} columns from “{name}”.');
    expect(t('data.import.done', { rows: undefined, columns: 3, name: 'x' })).toBe('Imported {rows} rows and 3 columns from “x”.');
  });

  it('fills each placeholder once: values that look like placeholders or replace patterns stay literal', () => {
    expect(t('data.import.reading', { name: '{name}' })).toBe('Reading {name}…');
    expect(t('data.import.reading', { name: '$& $1 $$' })).toBe('Reading $& $1 $$…');
    expect(t('workspace.rows', { rows: '{columns}', columns: 2 })).toBe('{columns} rows × 2 columns');
  });

  it('fills a placeholder that appears in the middle of a long message', () => {
    expect(t('issue.ROW_TOO_LONG', { row: 12, cells: 5, expected: 4, extra: 'x' })).toBe(
      'Row 12 has 5 cells, the header has 4; the extra cells (x) were left out.',
    );
  });
});

describe('formatNumber', () => {
  it('groups and rounds in the locale', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(1234.5678, 1)).toBe('1,234.6');
    expect(formatNumber(-0.5)).toBe('-0.5');
    setLocale('de-DE');
    expect(formatNumber(1234567.891)).toBe('1.234.567,89');
  });

  it('pads to at least minimumDigits decimals, for figures that line up', () => {
    expect(formatNumber(0.8, 2, 2)).toBe('0.80');
    expect(formatNumber(0.8567, 2, 2)).toBe('0.86');
    expect(formatNumber(1035, 0, 2)).toBe('1,035');
    setLocale('de-DE');
    expect(formatNumber(0.8, 2, 2)).toBe('0,80');
  });

  it('writes non-finite values plainly', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('Infinity');
    expect(formatNumber(-Infinity)).toBe('-Infinity');
  });
});

describe('formatPercent', () => {
  it('writes a share as a percentage with up to one decimal in the locale', () => {
    // 1035 / 1409 = 0.73456… → 73.5%
    expect(formatPercent(1035 / 1409)).toBe('73.5%');
    expect(formatPercent(0.8)).toBe('80%');
    expect(formatPercent(0.12345, 2)).toBe('12.35%');
    expect(formatPercent(NaN)).toBe('NaN');
    setLocale('de-DE');
    expect(formatPercent(1035 / 1409).replace(/\u00a0/g, ' ')).toBe('73,5 %');
  });

  it('pads to at least minimumDigits decimals, for figures read together', () => {
    expect(formatPercent(0.0098, 1, 1)).toBe('1.0%');
    expect(formatPercent(0.789, 1, 1)).toBe('78.9%');
    expect(formatPercent(0.8, 1, 1)).toBe('80.0%');
    expect(formatPercent(0.8, 0, 1)).toBe('80%');
  });
});

describe('formatBytes', () => {
  it('uses bytes below 1000, then kB, MB and GB in steps of 1000 with one decimal', () => {
    expect(spaces(formatBytes(0))).toBe('0 byte');
    expect(spaces(formatBytes(999))).toBe('999 byte');
    expect(spaces(formatBytes(1000))).toBe('1 kB');
    // 1536 / 1000 = 1.536 → 1.5
    expect(spaces(formatBytes(1536))).toBe('1.5 kB');
    // 2,500,000 / 1000² = 2.5
    expect(spaces(formatBytes(2_500_000))).toBe('2.5 MB');
    // 977,000,000 / 1000² = 977
    expect(spaces(formatBytes(977_000_000))).toBe('977 MB');
    // 3.25e9 / 1000³ = 3.25 → 3.3 (half away from zero)
    expect(spaces(formatBytes(3.25e9))).toBe('3.3 GB');
    // GB is the largest unit: 5e12 → 5000 GB
    expect(spaces(formatBytes(5e12))).toBe('5,000 GB');
  });

  it('uses the locale decimal mark', () => {
    setLocale('de-DE');
    expect(spaces(formatBytes(1536))).toBe('1,5 kB');
    expect(spaces(formatBytes(5e12))).toBe('5.000 GB');
  });
});

describe('formatDate', () => {
  it('writes a UTC midnight as a date only, on the same UTC day whatever the machine zone', () => {
    expect(formatDate(Date.UTC(2024, 0, 15))).toBe('Jan 15, 2024');
    expect(formatDate(Date.UTC(1969, 6, 20))).toBe('Jul 20, 1969');
    setLocale('de-DE');
    expect(formatDate(Date.UTC(2024, 0, 15))).toBe('15.01.2024');
  });

  it('adds the UTC time when the moment is not midnight', () => {
    expect(spaces(formatDate(Date.UTC(2024, 0, 15, 13, 5)))).toBe('Jan 15, 2024, 1:05 PM');
    // 23:30 UTC is still the 15th.
    expect(spaces(formatDate(Date.UTC(2024, 0, 15, 23, 30)))).toBe('Jan 15, 2024, 11:30 PM');
    // Seconds alone count as a time too (shown to the minute).
    expect(spaces(formatDate(Date.UTC(2024, 0, 15, 0, 0, 30)))).toBe('Jan 15, 2024, 12:00 AM');
    setLocale('de-DE');
    expect(formatDate(Date.UTC(2024, 0, 15, 13, 5))).toBe('15.01.2024, 13:05');
  });

  it('ignores milliseconds when deciding whether to show a time', () => {
    expect(formatDate(Date.UTC(2024, 0, 15, 0, 0, 0, 500))).toBe('Jan 15, 2024');
  });

  it('writes nothing for a value that is not a moment', () => {
    expect(formatDate(NaN)).toBe('');
    expect(formatDate(Infinity)).toBe('');
  });
});

describe('hasMessage', () => {
  it('knows the keys of the dictionary', () => {
    expect(hasMessage('app.name')).toBe(true);
    expect(hasMessage('issue.ROW_TOO_SHORT')).toBe(true);
    expect(hasMessage('error.CANCELLED')).toBe(true);
    expect(hasMessage('error.WORKER_CRASHED')).toBe(true);
  });

  it('does not know other keys', () => {
    expect(hasMessage('issue.NOPE')).toBe(false);
    expect(hasMessage('error.')).toBe(false);
    expect(hasMessage('')).toBe(false);
    expect(hasMessage('APP.NAME')).toBe(false);
  });
});

describe('the English dictionary', () => {
  it('writes every placeholder as {word}, with no stray braces', () => {
    const bad: string[] = [];
    for (const [key, message] of Object.entries(en)) {
      const withoutPlaceholders = message.replace(/\{\w+\}/g, '');
      if (/[{}]/.test(withoutPlaceholders)) bad.push(key);
    }
    expect(bad).toEqual([]);
  });

  it('every placeholder found by t() has a word name', () => {
    // Every '{…}' in every message, with anything inside, must match {\w+}.
    const names = new Set<string>();
    for (const message of Object.values(en)) {
      for (const m of message.matchAll(/\{([^}]*)\}/g)) {
        expect(m[1]).toMatch(/^\w+$/);
        names.add(m[1]);
      }
    }
    // A sanity check that the scan found placeholders at all.
    expect(names.has('rows')).toBe(true);
    expect(names.has('name')).toBe(true);
  });

  it('has no empty messages', () => {
    expect(Object.entries(en).filter(([, message]) => message.trim() === '')).toEqual([]);
  });
});

describe('messages for every error and issue code', () => {
  it('has a message for each code the engine and the storage layer produce', () => {
    const files = ['src/core', 'src/lib/persistence', 'src/workers'].flatMap((dir) => listTs(dir));
    const codes = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/code:\s*'([A-Z_]+)'|fail(?:<[^>]*>)?\(\s*'([A-Z_]+)'|code:\s*[^,}]*\?\s*'([A-Z_]+)'\s*:\s*'([A-Z_]+)'/g)) {
        for (const code of m.slice(1)) if (code) codes.add(code);
      }
    }
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].filter((code) => !hasMessage(`issue.${code}`) && !hasMessage(`error.${code}`));
    expect(missing).toEqual([]);
  });
});

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? listTs(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}
