// Runs the browser tests: serves the built app (dist/) with `vite preview` under a
// sub-path, as a static host would, then runs every tests/e2e/*.e2e.ts file against it
// in Debian's Chromium driven by playwright-core.
import { existsSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { preview } from 'vite';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium is missing at ${chromium}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
if (!existsSync('dist/index.html')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const BASE = '/hosted/under/a/sub-path/';
const server = await preview({
  configFile: false,
  base: BASE,
  logLevel: 'warn',
  preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
});
const url = server.resolvedUrls.local[0];
const files = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort()
  .map((f) => `tests/e2e/${f}`);

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
  env: { ...process.env, APP_URL: url, CHROMIUM_PATH: chromium },
});
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
await server.close();
process.exit(code);
