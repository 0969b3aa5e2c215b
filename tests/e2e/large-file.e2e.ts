import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, foreignRequests, screenshot, type Session } from './browser';

const dir = join(tmpdir(), 'b2b-strategy-lab-e2e');

/** ~40 MB of real customer rows: the Telco table repeated. */
function bigTelcoFile(): { path: string; rows: number } {
  const path = join(dir, 'telco-big.csv');
  const text = readFileSync('../shared/data/telco-churn.csv', 'utf8');
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  const copies = 45;
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text.slice(0, newline + 1) + body.repeat(copies));
  }
  return { path, rows: 7043 * copies };
}

/** One million narrow rows, to drive the virtualised table to its end. */
function millionRowFile(): string {
  const path = join(dir, 'million.csv');
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const regions = ['North', 'South', 'East', 'West'];
    const lines = ['account,region,amount'];
    for (let i = 1; i <= 1_000_000; i++) lines.push(`A${i},${regions[i % 4]},${(i % 1000) / 10}`);
    writeFileSync(path, lines.join('\n') + '\n');
  }
  return path;
}

describe('large files', () => {
  let s: Session;

  before(async () => {
    s = await openApp();
    await s.page.getByRole('button', { name: /Champagne monthly sales/ }).click();
    await s.page.getByTestId('open-dataset').locator('h2', { hasText: 'champagne-sales.csv' }).waitFor();
    // Record main-thread tasks of 50 ms or more (the Long Tasks API reports exactly those).
    await s.page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
  });

  after(async () => {
    await s?.close();
  });

  it('shows progress and cancels an import, keeping the open data set', async () => {
    const { path } = bigTelcoFile();
    await s.page.getByTestId('file-input').setInputFiles(path);
    const progress = s.page.getByTestId('import-progress');
    await progress.waitFor();
    await s.page.getByRole('button', { name: 'Cancel' }).click();
    await s.page.getByText('Import cancelled. Nothing was changed.').waitFor();
    // The Cancel button is gone: focus moved to the outcome, not to the page itself.
    await s.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'import-status');
    assert.match(await s.page.getByTestId('open-dataset').locator('h2').innerText(), /champagne-sales\.csv/);
  });

  it('imports 40 MB with a moving progress bar and the page stays responsive', async () => {
    const { path, rows } = bigTelcoFile();
    await s.page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
    await s.page.getByTestId('file-input').setInputFiles(path);
    const bar = s.page.getByTestId('import-progress').locator('progress');
    await bar.waitFor();
    const seen = new Set<string>();
    while (await bar.isVisible().catch(() => false)) {
      const value = await bar.getAttribute('value').catch(() => null);
      if (value) seen.add(value);
      await s.page.waitForTimeout(20);
    }
    assert.ok(seen.size >= 2, `progress should move (saw ${[...seen].join(', ')})`);
    const panel = s.page.getByTestId('open-dataset');
    await panel.locator('h2', { hasText: 'telco-big.csv' }).waitFor();
    assert.match(await panel.locator('.meta').innerText(), new RegExp(`${rows.toLocaleString('en-US')} rows`));
    const longTasks = await s.page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`long main-thread tasks during the 40 MB import: ${JSON.stringify(longTasks.map(Math.round))}`);
    // The goal is no task over 50 ms; the bound leaves room for a busy 2-core CI machine,
    // where the worker and the browser compete for the same cores.
    assert.ok(Math.max(0, ...longTasks) < 100, `main-thread tasks while importing: ${longTasks}`);
  });

  it('scrolls a million-row table to its last row', async () => {
    await s.page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
    await s.page.getByTestId('file-input').setInputFiles(millionRowFile());
    const panel = s.page.getByTestId('open-dataset');
    await panel.locator('h2', { hasText: 'million.csv' }).waitFor({ timeout: 60_000 });
    const longTasks = await s.page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`long main-thread tasks during the million-row import: ${JSON.stringify(longTasks.map(Math.round))}`);
    assert.ok(Math.max(0, ...longTasks) < 100, `main-thread tasks while importing a million rows: ${longTasks}`);
    assert.match(await panel.locator('.meta').innerText(), /1,000,000 rows, 3 columns/);
    await s.page.getByRole('tab', { name: 'Table' }).click();
    const viewport = s.page.getByRole('region', { name: /Scrollable rows of million\.csv/ });
    await viewport.focus();
    await s.page.keyboard.press('Control+End');
    const last = s.page.locator('[role=row][aria-rowindex="1000001"]');
    await last.waitFor();
    assert.deepEqual((await last.locator('[role=cell]').allTextContents()).slice(0, 2), ['A1000000', 'North']);
    await s.page.keyboard.press('Control+Home');
    await s.page.locator('[role=row][aria-rowindex="2"]').waitFor();
    await screenshot(s.page, 'million-rows');
  });

  it('made no request to any other origin', () => {
    assert.deepEqual(foreignRequests(s.requests), []);
    assert.deepEqual(s.errors, []);
  });
});
