import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, foreignRequests, screenshot, type Session } from './browser';

const CHAMPAGNE = '../shared/data/champagne-sales.csv';

describe('data import in the browser', () => {
  let s: Session;

  before(async () => {
    s = await openApp();
  });

  after(async () => {
    await s?.close();
  });

  it('shows the shell with only working screens and the privacy line', async () => {
    const nav = await s.page.locator('nav a').allTextContents();
    assert.deepEqual(nav, ['Data', 'Plan', 'Strategy map', 'Churn', 'Forecast', 'Allocation', 'Pricing', 'Loyalty']);
    assert.match(await s.page.locator('footer').innerText(), /Runs entirely in your browser — no data leaves this device/);
    // The router writes the default screen into the address once the app has mounted.
    await s.page.waitForURL(/#\/data/);
  });

  it('loads the Telco sample: columns, summaries, report and table', async () => {
    await s.page.getByRole('button', { name: /Telco customer churn/ }).click();
    const panel = s.page.getByTestId('open-dataset');
    await panel.waitFor();
    assert.match(await panel.locator('h2').innerText(), /telco-churn\.csv/);
    assert.match(await panel.locator('.meta').innerText(), /7,043 rows, 20 columns/);
    const cards = s.page.getByTestId('column-card');
    assert.equal(await cards.count(), 20);
    const monthly = s.page.locator('[data-column="MonthlyCharges"]');
    assert.equal(await monthly.locator('select').inputValue(), 'number');
    assert.match(await monthly.innerText(), /Missing: 0/);
    assert.match(await monthly.innerText(), /18\.25/); // the lowest monthly charge in the file
    await screenshot(s.page, 'telco-columns');

    await s.page.getByRole('tab', { name: 'Table' }).click();
    const table = s.page.getByRole('table', { name: 'Rows of telco-churn.csv' });
    await table.waitFor();
    // The scrolling region has its own name, and the row position is not a live region.
    await s.page.getByRole('region', { name: 'Scrollable rows of telco-churn.csv' }).waitFor();
    assert.equal(await s.page.locator('[aria-live]').count(), 0);
    const firstRow = await table.locator('[role=row][aria-rowindex="2"] [role=cell]').allTextContents();
    assert.deepEqual(firstRow.slice(0, 5), ['Female', '0', 'Yes', 'No', '1']);
    // Virtualised: far fewer rows in the page than in the data set.
    assert.ok((await table.locator('[role=row]').count()) < 60);
    await screenshot(s.page, 'telco-table');
  });

  it('imports a file chosen with the file input and reports its footer', async () => {
    await s.page.getByTestId('file-input').setInputFiles({
      name: 'champagne-sales.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(CHAMPAGNE),
    });
    const panel = s.page.getByTestId('open-dataset');
    await panel.locator('h2', { hasText: 'champagne-sales.csv' }).waitFor();
    assert.match(await panel.locator('.meta').innerText(), /94 rows, 2 columns/);
    await s.page.getByRole('tab', { name: /Import report/ }).click();
    const report = await s.page.getByTestId('import-report').innerText();
    assert.match(report, /Rows 96, 97 at the end are not data/);
    await screenshot(s.page, 'champagne-report');
  });

  it('keeps the previous data when a file is unusable, and says what to do', async () => {
    await s.page.getByTestId('file-input').setInputFiles('tests/fixtures/csv/not-a-csv.xlsx');
    const message = await s.page.getByTestId('import-error').innerText();
    assert.match(message, /spreadsheet file/);
    assert.match(message, /Save As › CSV/);
    assert.match(await s.page.getByRole('alert').innerText(), /still here, unchanged/);
    assert.match(await s.page.getByTestId('open-dataset').locator('h2').innerText(), /champagne-sales\.csv/);
    await screenshot(s.page, 'garbage-rejected');
  });

  it('restores the workspace after a reload', async () => {
    // Both data sets are stored before the page goes away.
    await s.page.getByTestId('dataset-list').locator('.name', { hasText: 'champagne-sales.csv' }).waitFor();
    await s.page.reload();
    const list = s.page.getByTestId('dataset-list');
    await list.waitFor();
    const names = await list.locator('.name').allTextContents();
    assert.deepEqual([...names].sort(), ['champagne-sales.csv', 'telco-churn.csv']);
    const panel = s.page.getByTestId('open-dataset');
    await panel.locator('h2', { hasText: 'champagne-sales.csv' }).waitFor();
    assert.match(await panel.locator('.meta').innerText(), /94 rows/);
  });

  it('made no request to any other origin', () => {
    assert.ok(s.requests.length > 0);
    assert.deepEqual(foreignRequests(s.requests), []);
    assert.deepEqual(s.errors, []);
  });
});
