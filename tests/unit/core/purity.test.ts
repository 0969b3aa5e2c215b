import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Every TypeScript file of the engine, with its text. */
function coreFiles(dir = resolve(process.cwd(), 'src/core')): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return coreFiles(path);
    return name.endsWith('.ts') ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

// The engine runs unchanged in a worker, in Node and in outside scripts: no UI, storage or
// worker libraries, and nothing that makes a result depend on when or where it ran.
const FORBIDDEN_IMPORTS = /from\s+'(svelte[^']*|idb-keyval|chart\.js[^']*|mermaid[^']*|comlink|\.\.\/\.\.\/(lib|views|workers|app)\/[^']*)'/;
const FORBIDDEN_CALLS = /\bMath\.random\s*\(|\bDate\.now\s*\(|\bnew Date\s*\(\s*\)|\bdocument\.|\bwindow\.|\blocalStorage\b|\bindexedDB\b/;

describe('src/core stays pure', () => {
  const files = coreFiles();

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [f.path.slice(f.path.indexOf('src/core')), f.text]))('%s imports no UI, storage or worker code', (_, text) => {
    expect(text).not.toMatch(FORBIDDEN_IMPORTS);
  });

  it.each(files.map((f) => [f.path.slice(f.path.indexOf('src/core')), f.text]))('%s uses no randomness, clock or browser globals', (_, text) => {
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(FORBIDDEN_CALLS);
  });
});
