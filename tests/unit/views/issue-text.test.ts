import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { currentLocale, setLocale } from '../../../src/lib/i18n/i18n';
import { issueText } from '../../../src/views/data/issue-text';

const initialLocale = currentLocale();
beforeEach(() => setLocale('en-US'));
afterAll(() => setLocale(initialLocale));

describe('issueText', () => {
  it('names the kind of problem a MORE_ISSUES entry counts, in words', () => {
    const text = issueText({ code: 'MORE_ISSUES', message: '1200 more problems of the kind ROW_TOO_SHORT are not listed.', params: { kind: 'ROW_TOO_SHORT', count: 1200 } });
    expect(text).toBe('Not listed: 1,200 more rows with too few cells.');
    expect(text).not.toContain('ROW_TOO_SHORT');
  });

  it('names every kind the importer counts', () => {
    for (const [kind, words] of [
      ['ROW_TOO_LONG', 'rows with too many cells'],
      ['UNCLOSED_QUOTE', 'unclosed quotes'],
      ['MALFORMED_QUOTES', 'rows with a quote in the wrong place'],
    ]) {
      expect(issueText({ code: 'MORE_ISSUES', message: '', params: { kind, count: 3 } })).toBe(`Not listed: 3 more ${words}.`);
    }
  });

  it('falls back to a general phrase for a kind without a name, never the raw code', () => {
    expect(issueText({ code: 'MORE_ISSUES', message: '', params: { kind: 'SOMETHING_NEW', count: 2 } })).toBe('Not listed: 2 more problems of the same kind.');
  });

  it('fills rows and columns of other issues', () => {
    expect(issueText({ code: 'EMPTY_COLUMN', column: 'Notes', message: '' })).toBe('Column “Notes” has no values.');
  });
});
