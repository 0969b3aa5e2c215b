import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, foreignRequests, screenshot, type Session } from './browser';

describe('the churn screen in the browser', () => {
  let s: Session;
  /** The model file downloaded after training on the Telco sample, and that model's scores ("row,probability"). */
  let modelFile: Buffer;
  let telcoScores: string[];

  before(async () => {
    s = await openApp();
  });

  after(async () => {
    await s?.close();
  });

  /** The numbers of a confusion matrix table, row by row. */
  async function matrix(testid: string): Promise<string[]> {
    return s.page.getByTestId(testid).locator('tbody td').allTextContents();
  }

  it('says when no data set is open and links to the Data screen', async () => {
    await s.page.getByRole('link', { name: 'Churn' }).click();
    const empty = s.page.getByTestId('churn-no-data');
    await empty.waitFor();
    assert.match(await empty.innerText(), /No data set is open/);
    await empty.getByRole('link', { name: 'Go to the Data screen' }).click();
    await s.page.getByRole('heading', { name: 'Data', level: 1 }).waitFor();
  });

  it('trains 30 trees on the Telco sample and shows accuracy, baseline, report and charts', async () => {
    await s.page.getByRole('button', { name: /Telco customer churn/ }).click();
    await s.page.getByTestId('dataset-list').locator('.name', { hasText: 'telco-churn.csv' }).waitFor();
    await s.page.getByRole('link', { name: 'Churn' }).click();
    // The open data set is part of the address on this screen too.
    await s.page.waitForURL(/#\/churn\/.+/);

    const target = s.page.getByLabel('Column that says who left');
    await target.selectOption('Churn');
    const positive = s.page.getByLabel('Value that means “left”');
    await positive.waitFor();
    await positive.selectOption('Yes');
    assert.equal(await positive.inputValue(), 'Yes');
    // The columns are checked in the worker; Telco has no id, constant or leak.
    const columns = s.page.getByTestId('churn-columns');
    await columns.waitFor();
    assert.match(await columns.innerText(), /19 of 19 columns ticked/);
    assert.equal(await s.page.getByLabel('Random seed').inputValue(), '42');
    await s.page.getByLabel('Trees').fill('30');
    await screenshot(s.page, 'churn-setup');

    await s.page.getByRole('button', { name: 'Train the model' }).click();
    const results = s.page.getByTestId('churn-results');
    await results.waitFor({ timeout: 60_000 });
    assert.match(await s.page.getByTestId('churn-status').innerText(), /^Training done: 30 trees in [\d.]+ s\.$/);

    const accuracy = Number((await s.page.getByTestId('churn-accuracy').innerText()).replace('%', ''));
    assert.ok(accuracy > 75 && accuracy < 85, `accuracy ${accuracy}%`);
    // Always "No": 1,035 of the 1,409 held-out customers = 73.5%.
    assert.equal(await s.page.getByTestId('churn-baseline').innerText(), '73.5%');
    assert.match(
      await s.page.getByTestId('churn-sentence').innerText(),
      /^The model is right for \d+(\.\d)?% of held-out customers; always guessing “No” would be right for 73\.5%\.$/,
    );
    assert.match(await s.page.getByTestId('churn-auc').innerText(), /^0\.8\d*$/);
    assert.match(await s.page.getByTestId('churn-dropped').innerText(), /none was left out/);

    const report = s.page.getByTestId('churn-report');
    const rowHeads = await report.locator('tbody th[scope=row]').allTextContents();
    assert.deepEqual(rowHeads, ['No', 'Yes', 'accuracy', 'macro avg', 'weighted avg']);
    const support = await report.locator('tbody tr td:last-child').allTextContents();
    assert.deepEqual(support, ['1,035', '374', '1,409', '1,409', '1,409']);
    assert.deepEqual(await report.locator('thead th').allTextContents(), ['Class', 'precision', 'recall', 'f1-score', 'support']);

    const confusion = (await matrix('churn-confusion')).map((v) => Number(v.replace(/,/g, '')));
    assert.equal(confusion.reduce((a, b) => a + b, 0), 1409);
    assert.equal(confusion[0] + confusion[1], 1035);

    // Three charts, each drawn (chart.js loads lazily) with a text alternative.
    const charts = results.locator('.chart[role=img]');
    assert.equal(await charts.count(), 3);
    await s.page.waitForFunction(() => {
      const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('[data-testid=churn-results] canvas'));
      return canvases.length === 3 && canvases.every((c) => c.width > 0 && c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v: number) => v !== 0));
    });
    assert.match((await charts.nth(0).getAttribute('aria-label'))!, /No: 5,174 customers \(73\.5%\); Yes: 1,869 customers \(26\.5%\)/);
    assert.match((await charts.nth(1).getAttribute('aria-label'))!, /ROC curve of “Yes”.*area under the curve 0\.8/);
    assert.match(await s.page.getByTestId('churn-distribution').innerText(), /Yes: 1,869 customers/);
    await screenshot(s.page, 'churn-results');
  });

  it('moves the threshold with the keyboard and the matrix follows; the best retention threshold can be applied', async () => {
    const before = await matrix('churn-threshold-matrix');
    const slider = s.page.getByTestId('churn-threshold-slider');
    await slider.focus();
    for (let i = 0; i < 20; i++) await slider.press('ArrowLeft');
    assert.equal(await s.page.getByTestId('churn-threshold-value').innerText(), '0.3');
    const after = await matrix('churn-threshold-matrix');
    assert.notDeepEqual(after, before);
    // A lower threshold flags more customers: more of those who left are found.
    const found = (cells: string[]) => Number(cells[0].replace(/,/g, ''));
    assert.ok(found(after) > found(before), `${found(after)} > ${found(before)}`);
    assert.match(await s.page.getByTestId('churn-threshold-summary').innerText(), /^At 0\.3, [\d,]+ of 1,409 held-out customers are flagged/);

    const best = s.page.getByTestId('churn-best');
    const bestThreshold = (await best.innerText()).match(/Best threshold: ([\d.]+)\./)![1];
    await s.page.getByTestId('churn-apply-best').click();
    assert.equal(await s.page.getByTestId('churn-threshold-value').innerText(), bestThreshold);
    await screenshot(s.page, 'churn-threshold');
  });

  it('cancels a 300-tree run with a neutral message, stays responsive, and trains again', async () => {
    await s.page.getByLabel('Trees').fill('300');
    await s.page.getByRole('button', { name: 'Train the model' }).click();
    const cancel = s.page.getByTestId('churn-cancel');
    await cancel.waitFor();
    // Focus moved to Cancel, so a keyboard user can stop the run at once.
    assert.equal(await s.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'churn-cancel');
    await s.page.getByTestId('churn-status').filter({ hasText: /Growing tree [1-9]/ }).waitFor();
    // The page answers while the worker trains.
    const started = Date.now();
    await s.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    assert.ok(Date.now() - started < 500, `the page took ${Date.now() - started} ms to draw a frame`);
    const progress = Number(await s.page.getByRole('progressbar', { name: 'Training progress' }).getAttribute('value'));
    assert.ok(progress > 0 && progress < 300, `progress ${progress}`);
    await screenshot(s.page, 'churn-running');
    await cancel.click();
    const status = s.page.getByTestId('churn-status');
    await status.filter({ hasText: 'Training cancelled.' }).waitFor();
    assert.equal(await status.innerText(), 'Training cancelled. The results below are from the previous run.');
    assert.equal(await s.page.getByRole('alert').count(), 0);
    await screenshot(s.page, 'churn-cancelled');

    await s.page.getByLabel('Trees').fill('30');
    await s.page.getByRole('button', { name: 'Train the model' }).click();
    await status.filter({ hasText: 'Training done: 30 trees' }).waitFor({ timeout: 60_000 });
    await s.page.getByTestId('churn-results').waitFor();
  });

  it('exports the scored customers as a UTF-8 CSV with BOM and header', async () => {
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('churn-export').click()]);
    assert.equal(download.suggestedFilename(), 'telco-churn churn scores.csv');
    assert.match(download.url(), /^blob:/);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    assert.ok(text.startsWith('File row,Churn probability,Churn (actual),Held out,Flagged\r\n'), text.slice(0, 120));
    const lines = text.split('\r\n');
    assert.equal(lines.length, 7044);
    // Riskiest first.
    const probabilities = lines.slice(1).map((line) => Number(line.split(',')[1]));
    assert.deepEqual(probabilities, [...probabilities].sort((a, b) => b - a));
    telcoScores = lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','));
  });

  it('downloads the model as a JSON model file named after the data set', async () => {
    const button = s.page.getByRole('button', { name: 'Download the model' });
    assert.equal(await button.count(), 1);
    const [download] = await Promise.all([s.page.waitForEvent('download'), button.click()]);
    assert.equal(download.suggestedFilename(), 'telco-churn-churn-model.json');
    assert.match(download.url(), /^blob:/);
    modelFile = readFileSync(await download.path());
    const text = modelFile.toString('utf8');
    assert.ok(text.startsWith('{"kind":"b2b-strategy-lab/churn-model"'), text.slice(0, 80));
    assert.equal(JSON.parse(text).forest.trees.length, 30);
    await s.page.getByTestId('churn-model-save-status').filter({ hasText: 'The model was saved as telco-churn-churn-model.json.' }).waitFor();
  });

  it('shows the scored customers in a virtualised table keyed by file row', async () => {
    const table = s.page.getByRole('table', { name: 'Customers of telco-churn.csv by churn probability' });
    await table.scrollIntoViewIfNeeded();
    assert.ok((await table.locator('[role=row]').count()) < 60);
    const header = await table.locator('[role=columnheader]').allTextContents();
    assert.deepEqual(header, ['File row', 'Churn probability', 'Churn (actual)', 'Held out', 'Flagged']);
    await screenshot(s.page, 'churn-customers');
  });

  it('trains the default 100 trees (timing for the README)', async () => {
    await s.page.getByLabel('Trees').fill('100');
    const started = Date.now();
    await s.page.getByRole('button', { name: 'Train the model' }).click();
    const status = s.page.getByTestId('churn-status');
    await status.filter({ hasText: 'Training done: 100 trees' }).waitFor({ timeout: 120_000 });
    console.log(`100 trees on Telco: ${await status.innerText()} (${Date.now() - started} ms from the click)`);
  });

  it('refuses a fold count outside 2–10, then cross-validates over 5 folds as a second phase', async () => {
    // Off by default; ticked with the keyboard, the fold count appears with its default.
    const crossValidate = s.page.getByLabel('Also cross-validate');
    assert.equal(await crossValidate.isChecked(), false);
    assert.equal(await s.page.getByLabel('Folds').count(), 0);
    await crossValidate.focus();
    await crossValidate.press('Space');
    const folds = s.page.getByLabel('Folds');
    assert.equal(await folds.inputValue(), '5');

    await folds.fill('11');
    await s.page.getByRole('button', { name: 'Train the model' }).click();
    assert.equal(await folds.getAttribute('aria-invalid'), 'true');
    assert.equal(await s.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'churn-folds');
    assert.match(await s.page.locator('form.setup').innerText(), /Enter a whole number of folds from 2 to 10\./);
    await folds.fill('5');

    await s.page.getByLabel('Trees').fill('60');
    await s.page.getByRole('button', { name: 'Train the model' }).click();
    const status = s.page.getByTestId('churn-status');
    // The second phase: the new results show while the folds are trained, tree by tree over all folds.
    await status.filter({ hasText: /^Cross-validating: fold [1-5] of 5, tree \d+ of 300 over all folds…$/ }).waitFor({ timeout: 60_000 });
    await s.page.getByTestId('churn-cv-running').filter({ hasText: 'Cross-validating over 5 folds…' }).waitFor();
    const progress = s.page.getByRole('progressbar', { name: 'Cross-validation progress' });
    assert.equal(await progress.getAttribute('max'), '300');
    await screenshot(s.page, 'churn-cross-validating');

    await status.filter({ hasText: 'Cross-validation over 5 folds done' }).waitFor({ timeout: 120_000 });
    assert.match(await status.innerText(), /^Training done: 60 trees in [\d.]+ s\. Cross-validation over 5 folds done in [\d.]+ s\.$/);
    const accuracy = await s.page.getByTestId('churn-cv-accuracy').innerText();
    assert.match(accuracy, /^Accuracy over 5 folds: \d+(\.\d)?% ± \d+(\.\d)?% \(each fold tested on customers its model did not see\)$/);
    const mean = Number(accuracy.match(/folds: ([\d.]+)%/)![1]);
    assert.ok(mean > 75 && mean < 85, `cross-validated accuracy ${mean}%`);
    assert.match(
      await s.page.getByTestId('churn-cv-auc').innerText(),
      /^AUC over 5 folds: 0\.8\d* ± 0\.0\d* \(each fold tested on customers its model did not see\)$/,
    );
    const table = s.page.getByTestId('churn-cv-folds');
    assert.deepEqual(await table.locator('thead th').allTextContents(), ['Fold', 'Accuracy', 'AUC']);
    assert.deepEqual(await table.locator('tbody th').allTextContents(), ['1', '2', '3', '4', '5']);
    for (const cell of await table.locator('tbody td').allTextContents()) assert.match(cell, /^(\d+(\.\d)?%|0\.\d+)$/);
    await s.page.getByTestId('churn-cv').scrollIntoViewIfNeeded();
    await screenshot(s.page, 'churn-cross-validation');
  });

  it('cancels the cross-validation and keeps the trained model and its results', async () => {
    await s.page.getByLabel('Trees').fill('100');
    await s.page.getByLabel('Folds').fill('10');
    await s.page.getByRole('button', { name: 'Train the model' }).click();
    const status = s.page.getByTestId('churn-status');
    await status.filter({ hasText: /^Cross-validating: fold \d+ of 10, tree [1-9]\d* of 1,000/ }).waitFor({ timeout: 60_000 });
    await s.page.getByTestId('churn-cancel').click();
    await status.filter({ hasText: 'Cross-validation cancelled.' }).waitFor();
    assert.equal(await status.innerText(), 'Cross-validation cancelled. The trained model and the results below are kept.');
    assert.equal(await s.page.getByRole('alert').count(), 0);
    await s.page.getByTestId('churn-results').waitFor();
    assert.match(await s.page.getByTestId('churn-summary').innerText(), /100 trees, seed 42/);
    assert.equal(await s.page.getByTestId('churn-cv').count(), 0);
    // Back to a plain training run for what follows.
    await s.page.getByLabel('Also cross-validate').uncheck();
    await s.page.getByLabel('Trees').fill('30');
    await s.page.getByRole('button', { name: 'Train the model' }).click();
    await status.filter({ hasText: /^Training done: 30 trees in [\d.]+ s\.$/ }).waitFor({ timeout: 60_000 });
  });

  it('offers to score other data sets below the customers table, and says when there is none', async () => {
    const panel = s.page.getByTestId('churn-score');
    await panel.scrollIntoViewIfNeeded();
    // The panel follows the customers table.
    const follows = await s.page.evaluate(() => {
      const table = document.querySelector('[data-testid=churn-at-risk]')!;
      const score = document.querySelector('[data-testid=churn-score]')!;
      return (table.compareDocumentPosition(score) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    assert.ok(follows);
    assert.match(await panel.getByTestId('churn-score-none').innerText(), /No other data set is stored in this browser/);
  });

  it('keeps the model when another data set is opened, and scores that data set with it', async () => {
    await s.page.getByRole('link', { name: 'Data' }).click();
    await s.page.getByTestId('file-input').setInputFiles('../shared/data/telco-churn-messy.csv');
    await s.page.getByTestId('open-dataset').locator('h2', { hasText: 'telco-churn-messy.csv' }).waitFor();
    await s.page.getByTestId('dataset-list').locator('.name', { hasText: 'telco-churn-messy.csv' }).waitFor();
    await s.page.getByRole('link', { name: 'Churn' }).click();

    // The open data set is the messy one now: its own setup starts afresh...
    assert.match(await s.page.locator('.meta').first().innerText(), /^Data set: telco-churn-messy\.csv \(7,043 rows, 21 columns\)$/);
    assert.equal(await s.page.getByTestId('churn-results').count(), 0);
    // ...and the model trained on the Telco sample is kept for scoring.
    const panel = s.page.getByTestId('churn-score');
    assert.equal(
      await panel.getByTestId('churn-score-kept').innerText(),
      'The last model, of “Churn” = “Yes” trained on telco-churn.csv (30 trees), is kept for scoring.',
    );
    const choice = s.page.getByLabel('Data set to score');
    assert.deepEqual(await choice.locator('option').allTextContents(), ['Choose a data set…', 'telco-churn-messy.csv (7,043 rows)']);
    const score = s.page.getByRole('button', { name: 'Score this data set' });
    assert.equal(await score.isDisabled(), true);
    await choice.selectOption({ label: 'telco-churn-messy.csv (7,043 rows)' });
    await score.click();
    const status = panel.getByTestId('churn-score-status');
    await status.filter({ hasText: 'Scored 7,043 customers' }).waitFor({ timeout: 60_000 });
    assert.match(
      await status.innerText(),
      /^Scored 7,043 customers of telco-churn-messy\.csv; [\d,]+ score at least the threshold \(0\.5\) and are flagged\.$/,
    );
    await screenshot(s.page, 'churn-score-kept-model');

    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByRole('button', { name: 'Download the scores of telco-churn-messy.csv as CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'telco-churn-messy churn scores.csv');
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    assert.equal(lines[0], 'customerID,Churn probability,Flagged');
    assert.equal(lines.length, 7044);
    const rows = lines.slice(1).map((line) => line.split(','));
    assert.ok(rows.every(([id]) => /^\d{4}-[A-Z]{5}$/.test(id)), 'every row keyed by its customerID');
    const probabilities = rows.map((r) => Number(r[1]));
    assert.deepEqual(probabilities, [...probabilities].sort((a, b) => b - a));
    const flagged = Number((await status.innerText()).match(/; ([\d,]+) score/)![1].replace(/,/g, ''));
    assert.equal(rows.filter((r) => r[2] === 'yes').length, flagged);
  });

  it('names the column a data set lacks when the model needs it', async () => {
    await s.page.getByRole('link', { name: 'Data' }).click();
    await s.page.getByTestId('file-input').setInputFiles({
      name: 'few-columns.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('customerID,gender,Contract\nA-1,Female,Month-to-month\nA-2,Male,One year\nA-3,Male,Two year\n'),
    });
    await s.page.getByTestId('open-dataset').locator('h2', { hasText: 'few-columns.csv' }).waitFor();
    await s.page.getByTestId('dataset-list').locator('.name', { hasText: 'few-columns.csv' }).waitFor();
    await s.page.getByRole('link', { name: 'Churn' }).click();
    await s.page.getByLabel('Data set to score').selectOption({ label: 'few-columns.csv (3 rows)' });
    await s.page.getByRole('button', { name: 'Score this data set' }).click();
    const error = s.page.getByTestId('churn-score-error');
    await error.waitFor();
    assert.equal(await error.innerText(), '“few-columns.csv” could not be scored: The data set has no column “SeniorCitizen”, which the model needs.');
    assert.equal(await s.page.getByRole('button', { name: /Download the scores/ }).count(), 0);
    await error.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'churn-score-missing-column');
  });

  it('trains on the messy data set and scores the Telco sample from below its customers table', async () => {
    await s.page.getByRole('link', { name: 'Data' }).click();
    await s.page.getByRole('button', { name: 'Open: telco-churn-messy.csv' }).click();
    await s.page.getByTestId('open-dataset').locator('h2', { hasText: 'telco-churn-messy.csv' }).waitFor();
    await s.page.getByRole('link', { name: 'Churn' }).click();
    const columns = s.page.getByTestId('churn-columns');
    await columns.waitFor();
    // customerID is flagged as an identifier and left out.
    assert.match(await columns.innerText(), /19 of 20 columns ticked/);
    await s.page.getByLabel('Trees').fill('30');
    await s.page.getByRole('button', { name: 'Train the model' }).click();
    await s.page.getByTestId('churn-status').filter({ hasText: /^Training done: 30 trees/ }).waitFor({ timeout: 60_000 });

    const panel = s.page.getByTestId('churn-score');
    assert.equal(await panel.getByTestId('churn-score-kept').count(), 0);
    const choice = s.page.getByLabel('Data set to score');
    assert.deepEqual(await choice.locator('option').allTextContents(), ['Choose a data set…', 'telco-churn.csv (7,043 rows)', 'few-columns.csv (3 rows)']);
    await choice.selectOption({ label: 'telco-churn.csv (7,043 rows)' });
    await choice.press('Tab');
    await s.page.keyboard.press('Enter');
    const status = panel.getByTestId('churn-score-status');
    await status.filter({ hasText: /^Scored 7,043 customers of telco-churn\.csv;/ }).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByRole('button', { name: 'Download the scores of telco-churn.csv as CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'telco-churn churn scores.csv');
    const text = readFileSync(await download.path()).toString('utf8').slice(1);
    // The Telco sample has no id column: rows are keyed by their row in the file.
    assert.ok(text.startsWith('File row,Churn probability,Flagged\r\n'), text.slice(0, 80));
    await panel.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'churn-score-other');
  });

  it('after a reload, loads the saved model file and scores the Telco sample with it exactly as before', async () => {
    await s.page.reload();
    const panel = s.page.getByTestId('churn-score');
    await panel.waitFor();
    // Nothing is kept across a reload but the data sets: the model comes from its file.
    assert.match(await panel.getByTestId('churn-score-no-model').innerText(), /^No model is kept yet\./);
    await s.page.getByTestId('churn-model-input').setInputFiles({ name: 'telco-churn-churn-model.json', mimeType: 'application/json', buffer: modelFile });
    await panel.getByTestId('churn-model-load-status').filter({ hasText: 'The model from telco-churn-churn-model.json is loaded.' }).waitFor();
    assert.equal(
      await panel.getByTestId('churn-score-kept').innerText(),
      'The model loaded from the file telco-churn-churn-model.json, of “Churn” = “Yes” (30 trees), is kept for scoring.',
    );
    // A loaded model was trained elsewhere: every data set of the browser can be scored.
    const choice = s.page.getByLabel('Data set to score');
    assert.deepEqual(await choice.locator('option').allTextContents(), [
      'Choose a data set…',
      'telco-churn.csv (7,043 rows)',
      'telco-churn-messy.csv (7,043 rows)',
      'few-columns.csv (3 rows)',
    ]);
    await choice.selectOption({ label: 'telco-churn.csv (7,043 rows)' });
    await s.page.getByRole('button', { name: 'Score this data set' }).click();
    const status = panel.getByTestId('churn-score-status');
    await status.filter({ hasText: /^Scored 7,043 customers of telco-churn\.csv;/ }).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByRole('button', { name: 'Download the scores of telco-churn.csv as CSV' }).click(),
    ]);
    const lines = readFileSync(await download.path()).toString('utf8').slice(1).split('\r\n');
    assert.equal(lines[0], 'File row,Churn probability,Flagged');
    // The same customers in the same order with the same probabilities as the model that was saved.
    assert.deepEqual(
      lines.slice(1).map((line) => line.split(',').slice(0, 2).join(',')),
      telcoScores,
    );
    await panel.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'churn-model-loaded');
  });

  it('gives the reason for a .json file that is not a model, chosen with the keyboard, and keeps the loaded model', async () => {
    const panel = s.page.getByTestId('churn-score');
    const kept = await panel.getByTestId('churn-score-kept').innerText();
    const load = s.page.getByRole('button', { name: 'Load a model file' });
    // Listening first: the browser only hands the chooser over once the listener is in place.
    const chosen = s.page.waitForEvent('filechooser');
    await load.focus();
    await s.page.keyboard.press('Enter');
    const chooser = await chosen;
    await chooser.setFiles({ name: 'garbage.json', mimeType: 'application/json', buffer: Buffer.from('{"customers": [1, 2, 3]}') });
    const error = panel.getByTestId('churn-model-load-error');
    await error.waitFor();
    assert.equal(await error.innerText(), 'This file cannot be used as a churn model: it is not a churn model of this app.');
    const alert = s.page.getByRole('alert');
    assert.equal(await alert.count(), 1);
    assert.match(await alert.innerText(), /“garbage\.json” was not loaded\.[\s\S]*The kept model is unchanged\./);
    assert.equal(await panel.getByTestId('churn-score-kept').innerText(), kept);
    await error.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'churn-model-garbage');
    // Dismissed, the focus goes back to the file input.
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await s.page.getByRole('alert').count(), 0);
    assert.equal(await s.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'churn-model-input');
  });

  it('made no request to any other origin and logged no error', () => {
    assert.ok(s.requests.length > 0);
    assert.deepEqual(foreignRequests(s.requests), []);
    assert.deepEqual(s.errors, []);
  });
});
