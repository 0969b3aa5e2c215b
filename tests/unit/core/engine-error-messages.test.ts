import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasMessage } from '../../../src/lib/i18n/i18n';

/** Every code the engine can return, read from the sources, so a new one cannot go without a message. */
function codesIn(folder: string): Set<string> {
  const dir = resolve(process.cwd(), folder);
  const codes = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(resolve(dir, file), 'utf8');
    for (const m of text.matchAll(/fail(?:<[^>]*>)?\(\s*'([A-Z][A-Z_]+)'/g)) codes.add(m[1]);
    for (const m of text.matchAll(/code: '([A-Z][A-Z_]+)'/g)) codes.add(m[1]);
  }
  return codes;
}

describe('engine error codes of pricing, loyalty and the plan', () => {
  it.each([
    ['src/core/pricing', 20],
    ['src/core/bayes', 12],
    ['src/core/plan', 8],
    ['src/lib/persistence', 6],
  ])('each code of %s has a message', (folder, atLeast) => {
    const codes = codesIn(folder);
    expect(codes.size).toBeGreaterThanOrEqual(atLeast);
    expect([...codes].filter((code) => !hasMessage(`error.${code}`))).toEqual([]);
  });
});
