import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, foreignRequests, screenshot, type Session } from './browser';

describe('the forecast screen in the browser', () => {
  let s: Session;

  before(async () => {
    s = await openApp();
  });

  after(async () => {
    await s?.close();
  });

  /** The hold-out table's MAE of one row: 'model', 'naive' or 'seasonal'. */
  async function holdoutMae(row: string): Promise<string> {
    return s.page.getByTestId('forecast-holdout-table').locator(`tr[data-row=${row}] td[data-metric=mae]`).innerText();
  }

  /** The point forecasts of the forecast table, as shown. */
  async function pointForecasts(): Promise<string[]> {
    return s.page.getByTestId('forecast-table').locator('tbody td:nth-child(2)').allTextContents();
  }

  it('says when no data set is open, names the champagne sample and links to the Data screen', async () => {
    await s.page.getByRole('link', { name: 'Forecast' }).click();
    const empty = s.page.getByTestId('forecast-no-data');
    await empty.waitFor();
    assert.match(await empty.innerText(), /No data set is open\..*champagne sales sample/);
    await screenshot(s.page, 'forecast-no-data');
  });

  it('works the textbook example by hand, without a data set: S_3 = 1,144', async () => {
    await s.page.getByTestId('forecast-worked-open').click();
    const worked = s.page.getByTestId('forecast-worked');
    await worked.waitFor();
    // The heading takes focus, so a screen reader starts reading the example.
    assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'forecast-worked-title');
    assert.equal(await s.page.getByTestId('forecast-worked-formula').innerText(), 'S_t = 0.6·X_t + 0.4·S_(t−1)');
    // By hand: S_1 = 1000; S_2 = 0.6·1100 + 0.4·1000 = 1060; S_3 = 0.6·1200 + 0.4·1060 = 1144.
    assert.equal(await s.page.getByTestId('forecast-worked-s1').innerText(), '1,000');
    assert.equal(await s.page.getByTestId('forecast-worked-s2').innerText(), '1,060');
    assert.equal(await s.page.getByTestId('forecast-worked-s3').innerText(), '1,144');
    const rows = await s.page.getByTestId('forecast-worked-table').locator('tbody tr td:nth-child(3)').allTextContents();
    assert.deepEqual(rows, ['S_1 = X_1', 'S_2 = 0.6·1,100 + 0.4·1,000 = 1,060', 'S_3 = 0.6·1,200 + 0.4·1,060 = 1,144']);
    assert.equal(await s.page.getByTestId('forecast-worked-answer').innerText(), 'The forecast for period 4 is S_3 = 1,144.');
    await screenshot(s.page, 'forecast-worked-example');
    await worked.getByRole('button', { name: 'Close' }).click();
    assert.equal(await worked.count(), 0);
  });

  it('forecasts 12 months of the champagne sample: the chosen model, its weights, the forecast in words', async () => {
    await s.page.getByRole('link', { name: 'Go to the Data screen' }).click();
    await s.page.getByRole('button', { name: /Champagne monthly sales/ }).click();
    await s.page.getByTestId('dataset-list').locator('.name', { hasText: 'champagne-sales.csv' }).waitFor();
    const started = Date.now();
    await s.page.getByRole('link', { name: 'Forecast' }).click();
    await s.page.waitForURL(/#\/forecast\/.+/);
    const results = s.page.getByTestId('forecast-results');
    await results.waitFor({ timeout: 30_000 });
    const status = s.page.getByTestId('forecast-fit-status');
    await status.filter({ hasText: /^Fitted in/ }).waitFor();
    console.log(`champagne, automatic choice: ${await status.innerText()} (${Date.now() - started} ms from the click to the results)`);

    // The guesses: the date column, the value column, monthly, summed, a season of 12.
    assert.equal(await s.page.getByTestId('forecast-date').inputValue(), 'Month');
    assert.equal(await s.page.getByTestId('forecast-value').inputValue(), 'Perrin Freres monthly champagne sales millions ?64-?72');
    assert.equal(await s.page.getByTestId('forecast-unit').inputValue(), 'month');
    assert.equal(await s.page.getByTestId('forecast-how').inputValue(), 'sum');
    assert.equal(await s.page.getByTestId('forecast-season').inputValue(), 'detected');
    assert.match(await s.page.getByTestId('forecast-season-sentence').innerText(), /repeats every 12 periods/);
    assert.match(await s.page.getByTestId('forecast-notes').innerText(), /The series runs from 1964-01 to 1971-10: 94 periods\./);

    const horizon = s.page.getByTestId('forecast-horizon');
    assert.equal(await horizon.inputValue(), '12');
    await horizon.fill('12');
    assert.equal(await s.page.getByTestId('forecast-holdout').inputValue(), '12');

    assert.equal(await s.page.getByTestId('forecast-model-name').innerText(), 'Holt–Winters, multiplicative season');
    assert.match(await s.page.getByTestId('forecast-weights-used').innerText(), /^α = 0\.094 \(fitted\) · β = 0 \(fitted\) · γ = 0\.432 \(fitted\)$/);
    const table = s.page.getByTestId('forecast-table');
    const periods = await table.locator('tbody th').allTextContents();
    assert.equal(periods.length, 12);
    assert.equal(periods[0], '1971-11');
    assert.equal(periods[11], '1972-10');
    const sentence = await s.page.getByTestId('forecast-sentence').innerText();
    assert.match(sentence, /^In 1971-11, “Perrin Freres monthly champagne sales millions \?64-\?72” is expected around [\d,]+; 8 times in 10 between [\d,]+ and [\d,]+, and 19 times in 20 between [\d,]+ and [\d,]+\./);
    // The ranking of the automatic choice lists the seven models, the chosen one first.
    const ranked = await s.page.getByTestId('forecast-ranking').locator('tbody th').allTextContents();
    assert.equal(ranked.length, 7);
    assert.equal(ranked[0], 'Holt–Winters, multiplicative season');

    // The chart is drawn (chart.js loads lazily) and has a text alternative.
    const chart = s.page.getByTestId('forecast-chart');
    await s.page.waitForFunction(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=forecast-chart] canvas');
      return !!canvas && canvas.width > 0 && canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.some((v: number) => v !== 0);
    });
    assert.match((await chart.locator('[role=img]').getAttribute('aria-label'))!, /from 1964-01 to 1971-10.*forecast from 1971-11 to 1972-10.*The last 12 months, held out for the test, are shaded/);
    assert.match(await chart.locator('.legend').innerText(), /Shaded: the last 12 months, held out for the test/);
    await screenshot(s.page, 'forecast-champagne');
  });

  it('tests on the last 12 months: the hold-out MAE next to the naive and seasonal-naive ones, with the verdict', async () => {
    // Held-out MAE of the automatic choice on champagne (the engine's reference test): 402.9.
    assert.equal(await holdoutMae('model'), '402.9');
    assert.equal(await holdoutMae('seasonal'), '830.3');
    const verdict = await s.page.getByTestId('forecast-holdout-table-verdict').innerText();
    assert.match(verdict, /^The model’s mean absolute error \(402\.86\) is lower than both the naive forecast’s \([\d,.]+\) and the seasonal-naive forecast’s \(830\.33\)\.$/);
    const header = await s.page.getByTestId('forecast-holdout-table').locator('thead th').allTextContents();
    assert.deepEqual(header, ['Method', 'MAE', 'RMSE', 'MAPE', 'sMAPE', 'MASE']);
  });

  it('shows the recursion with the formula and the weights in use, paged', async () => {
    const steps = s.page.getByTestId('forecast-steps');
    const formulas = await steps.getByTestId('forecast-formulas').innerText();
    assert.match(formulas, /ℓ_t = 0\.094·X_t \/ s_\(t−12\) \+ 0\.906·\(ℓ_\(t−1\) \+ b_\(t−1\)\)/);
    assert.match(formulas, /s_t = 0\.432·X_t \/ \(ℓ_\(t−1\) \+ b_\(t−1\)\) \+ 0\.568·s_\(t−12\)/);
    const table = steps.getByTestId('forecast-step-table');
    assert.match(await table.locator('caption').innerText(), /^Periods 1 to 24 of 94$/);
    // Row 1: t = 1, 1964-01, X_1 = 2,815.
    const first = await table.locator('tbody tr').nth(1).locator('td').allTextContents();
    assert.deepEqual(first.slice(0, 3), ['1', '1964-01', '2,815']);
    await steps.getByTestId('forecast-steps-next').click();
    assert.match(await table.locator('caption').innerText(), /^Periods 25 to 48 of 94$/);
  });

  it('moves α with the keyboard: the weight is set by hand and the forecast follows', async () => {
    const before = await pointForecasts();
    const drawn = await s.page.evaluate(() => document.querySelector<HTMLCanvasElement>('[data-testid=forecast-chart] canvas')!.toDataURL());
    const slider = s.page.getByRole('slider', { name: /α — level/ });
    await slider.focus();
    const pressed = Date.now();
    for (let i = 0; i < 5; i++) await slider.press('ArrowRight');
    const weights = s.page.getByTestId('forecast-weights-used');
    await weights.filter({ hasText: 'α = 0.14 (set by hand)' }).waitFor();
    console.log(`α moved by 5 key presses: the forecast showed α = 0.14 ${Date.now() - pressed} ms after the first press`);
    assert.equal(await s.page.getByTestId('forecast-weight-alpha-value').innerText(), '0.14');
    assert.equal(await s.page.getByTestId('forecast-weight-alpha-fit').isChecked(), false);
    // The other weights are still fitted, with α held.
    assert.match(await weights.innerText(), /β = [\d.]+ \(fitted\) · γ = [\d.]+ \(fitted\)/);
    assert.notDeepEqual(await pointForecasts(), before);
    // The chart was drawn again with the new forecast.
    await s.page.waitForFunction((previous) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=forecast-chart] canvas');
      return !!canvas && canvas.width > 0 && canvas.toDataURL() !== previous;
    }, drawn);
    assert.match(await s.page.getByTestId('forecast-formulas').innerText(), /ℓ_t = 0\.14·X_t/);
    await screenshot(s.page, 'forecast-alpha-set');

    // Ticking "Fitted" again gives the data back the choice.
    await s.page.getByRole('checkbox', { name: 'Fitted α' }).check();
    await weights.filter({ hasText: 'α = 0.094 (fitted)' }).waitFor();
    assert.deepEqual(await pointForecasts(), before);
    console.log(`champagne, automatic choice again (worker warm): ${await s.page.getByTestId('forecast-fit-status').innerText()}`);
  });

  it('exports the forecast as CSV with locale-independent numbers', async () => {
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('forecast-export').click()]);
    assert.equal(download.suggestedFilename(), 'champagne-sales forecast Perrin Freres monthly champagne sales millions _64-_72.csv');
    assert.match(download.url(), /^blob:/);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    assert.equal(lines[0], 'period,forecast,lower80,upper80,lower95,upper95');
    assert.equal(lines.length, 13);
    const first = lines[1].split(',');
    assert.equal(first[0], '1971-11');
    const [point, low80, high80, low95, high95] = first.slice(1).map(Number);
    assert.ok(low95 < low80 && low80 < point && point < high80 && high80 < high95, lines[1]);
    // The table shows the same point forecast, rounded and grouped for people.
    assert.equal((await pointForecasts())[0], Math.round(point).toLocaleString('en-US'));
  });

  it('keeps the forecast for the plan, and still has it after a reload', async () => {
    await s.page.getByTestId('forecast-keep-button').click();
    const status = s.page.getByTestId('forecast-keep-status');
    await status.filter({ hasText: /This forecast is kept for the plan \(kept .+\)\./ }).waitFor();
    assert.equal(await s.page.getByTestId('forecast-keep-button').isDisabled(), true);
    await s.page.reload();
    await s.page.getByTestId('forecast-results').waitFor({ timeout: 30_000 });
    await status.filter({ hasText: /This forecast is kept for the plan/ }).waitFor();
  });

  it('backtests from rolling origins with progress, can cancel, and runs again', async () => {
    const panel = s.page.getByTestId('forecast-backtest');
    await panel.scrollIntoViewIfNeeded();
    assert.equal(await panel.getByTestId('forecast-backtest-start').inputValue(), '58');
    // From 24 months on, one origin a month: 59 origins, long enough to cancel.
    await panel.getByTestId('forecast-backtest-start').fill('24');
    assert.match(await panel.innerText(), /59 origins, each forecasting 12 periods\./);
    await panel.getByTestId('forecast-backtest-run').click();
    const cancel = s.page.getByTestId('forecast-backtest-cancel');
    await cancel.waitFor();
    assert.equal(await s.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'forecast-backtest-cancel');
    await s.page.getByTestId('forecast-backtest-status').filter({ hasText: /Fitting at origin [1-9]/ }).waitFor({ timeout: 30_000 });
    await screenshot(s.page, 'forecast-backtest-running');
    await cancel.click();
    await s.page.getByTestId('forecast-backtest-status').filter({ hasText: 'Backtest cancelled.' }).waitFor();

    await panel.getByTestId('forecast-backtest-start').fill('58');
    await panel.getByTestId('forecast-backtest-step').fill('3');
    await panel.getByTestId('forecast-backtest-run').click();
    const done = s.page.getByTestId('forecast-backtest-status').filter({ hasText: /^Backtest done: 9 origins in [\d.]+ s\.$/ });
    await done.waitFor({ timeout: 60_000 });
    console.log(`champagne backtest: ${await done.innerText()}`);
    const rows = await panel.getByTestId('forecast-backtest-table').locator('tbody th').allTextContents();
    assert.deepEqual(rows, ['Automatic (lowest AICc)', 'Naive (last value)', 'Seasonal naive (value 12 periods before)']);
    assert.match(await panel.getByTestId('forecast-backtest-table-verdict').innerText(), /^The model’s mean absolute error/);
    await screenshot(s.page, 'forecast-backtest');
  });

  it('says why a model does not fit the series and switches to the model the engine suggests', async () => {
    await s.page.getByTestId('forecast-model').selectOption('holt-winters-multiplicative');
    await s.page.getByTestId('forecast-season').selectOption('custom');
    await s.page.getByTestId('forecast-custom-season').fill('48');
    const error = s.page.getByTestId('forecast-fit-error');
    await error.waitFor();
    assert.equal(
      await error.innerText(),
      'Holt–Winters, multiplicative season needs at least two full seasons of history (96 values for a season of 48), and the series has 94. Choose Holt (linear trend) instead, which needs no season, or add more history.',
    );
    // The selection is kept.
    assert.equal(await s.page.getByTestId('forecast-model').inputValue(), 'holt-winters-multiplicative');
    assert.equal(await s.page.getByTestId('forecast-custom-season').inputValue(), '48');
    await screenshot(s.page, 'forecast-too-few-seasons');
    await s.page.getByTestId('forecast-use-suggestion').click();
    await s.page.getByTestId('forecast-model-name').filter({ hasText: 'Holt (linear trend)' }).waitFor();
    assert.equal(await s.page.getByTestId('forecast-model').inputValue(), 'holt');
    await s.page.getByTestId('forecast-model').selectOption('auto');
    await s.page.getByTestId('forecast-season').selectOption('detected');
    await s.page.getByTestId('forecast-model-name').filter({ hasText: 'Holt–Winters, multiplicative season' }).waitFor();
  });

  it('refuses a text column as the values, keeps the choice, and offers to count rows', async () => {
    const value = s.page.getByTestId('forecast-value');
    await value.selectOption('Month');
    const error = s.page.getByTestId('forecast-series-error');
    await error.waitFor();
    assert.equal(await error.innerText(), 'The column “Month” does not hold numbers, so its values cannot be summed or averaged. Choose a number column, or count rows instead.');
    assert.equal(await value.inputValue(), 'Month');
    assert.equal(await s.page.getByTestId('forecast-results').count(), 0);
    await screenshot(s.page, 'forecast-not-numeric');
    await value.selectOption('Perrin Freres monthly champagne sales millions ?64-?72');
    await s.page.getByTestId('forecast-model-name').filter({ hasText: 'Holt–Winters, multiplicative season' }).waitFor();
  });

  it('reads the "Mon YYYY" dates of the air passengers sample and forecasts them', async () => {
    await s.page.getByRole('link', { name: 'Data', exact: true }).click();
    await s.page.getByRole('button', { name: /Airline passengers/ }).click();
    await s.page.getByTestId('dataset-list').locator('.name', { hasText: 'air-passengers.csv' }).waitFor();
    await s.page.getByRole('link', { name: 'Forecast' }).click();
    await s.page.getByTestId('forecast-results').waitFor({ timeout: 30_000 });
    await s.page.getByTestId('forecast-model-name').filter({ hasText: 'Holt–Winters, multiplicative season' }).waitFor();
    const status = s.page.getByTestId('forecast-fit-status');
    await status.filter({ hasText: /^Fitted in/ }).waitFor();
    console.log(`air passengers, automatic choice: ${await status.innerText()}`);
    assert.match(await s.page.getByTestId('forecast-notes').innerText(), /The series runs from 1949-01 to 1960-12: 144 periods\./);
    // Held-out MAE of the automatic choice on air passengers (the engine's reference test): 9.19.
    assert.equal(await holdoutMae('model'), '9.19');
    // Another forecast is kept: the panel says which, and offers to keep this one instead.
    assert.match(await s.page.getByTestId('forecast-keep-status').innerText(), /Kept for the plan: Holt–Winters, multiplicative season of “Perrin Freres/);
    assert.equal(await s.page.getByTestId('forecast-keep-button').innerText(), 'Keep this forecast for the plan instead');
  });

  it('made no request to any other origin and logged no error', () => {
    assert.ok(s.requests.length > 0);
    assert.deepEqual(foreignRequests(s.requests), []);
    assert.deepEqual(s.errors, []);
  });
});
