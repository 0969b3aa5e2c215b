import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openApp, foreignRequests, screenshot, type Session } from './browser';

/** Opens a sample on the Data screen, then the pricing screen. */
async function loadSample(page: Page, button: RegExp, file: string): Promise<void> {
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await page.getByRole('button', { name: button }).click();
  await page.getByTestId('dataset-list').locator('.name', { hasText: file }).waitFor();
  await page.getByRole('link', { name: 'Pricing' }).click();
}

/** Waits until a chart has drawn something on its canvas. */
async function drawn(page: Page, testid: string): Promise<void> {
  await page.waitForFunction((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid=${id}] canvas`);
    return !!canvas && canvas.width > 0 && canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.some((v: number) => v !== 0);
  }, testid);
}

describe('the pricing screen in the browser', () => {
  let s: Session;

  before(async () => {
    s = await openApp();
  });

  after(async () => {
    await s?.close();
  });

  it('works the marginal revenue example by hand: MR = 100 (1 − 1,000 / 1,000) − 60 = −60', async () => {
    await s.page.getByRole('link', { name: 'Pricing' }).click();
    // The screen's code loads when it is first opened.
    await s.page.locator('h1', { hasText: 'Pricing' }).waitFor();
    assert.equal(await s.page.locator('h1').count(), 1);
    assert.equal(await s.page.locator('h1').innerText(), 'Pricing');
    await s.page.getByTestId('pricing-mr-worked').click();
    const result = s.page.getByTestId('pricing-mr-result');
    await result.waitFor();
    assert.equal(await result.innerText(), '-60');
    assert.equal(await s.page.getByTestId('pricing-mr-substituted').innerText(), 'MR = 100 × (1 − 1,000 / 1,000) − 60');
    assert.equal(await s.page.getByTestId('pricing-mr-p').inputValue(), '100');
    assert.match(await s.page.getByTestId('pricing-mr-verdict').innerText(), /one more unit lowers profit by 60/);
    await drawn(s.page, 'pricing-mr-chart');
    // A bad field: the engine's message next to it, the other fields as typed.
    await s.page.getByTestId('pricing-mr-q0').fill('0');
    await s.page.getByTestId('pricing-mr-q0-problem').waitFor();
    assert.match(await s.page.getByTestId('pricing-mr-q0-problem').innerText(), /The base quantity Q0 is 0, but it must be above zero/);
    assert.equal(await s.page.getByTestId('pricing-mr-c').inputValue(), '60');
    await s.page.getByTestId('pricing-mr-q0').fill('1000');
    await s.page.getByTestId('pricing-mr-result').filter({ hasText: '-60' }).waitFor();
    await screenshot(s.page, 'pricing-mr-worked');
  });

  it('fits the price-tests sample: the straight line for Small firms, best price 43.20, then 48.20 at a unit cost of 10', async () => {
    await loadSample(s.page, /Price tests by segment/, 'price-tests.csv');
    await s.page.getByTestId('pricing-best-price').waitFor({ timeout: 30_000 });
    assert.equal(await s.page.getByTestId('pricing-price-column').inputValue(), 'list_price');
    assert.equal(await s.page.getByTestId('pricing-quantity-column').inputValue(), 'licences_sold');
    assert.equal(await s.page.getByTestId('pricing-filter-column').inputValue(), 'segment');
    assert.equal(await s.page.getByTestId('pricing-filter-value').inputValue(), 'Small firms');
    assert.equal(await s.page.getByTestId('pricing-curve-used').innerText(), 'The curve used: straight line.');
    assert.match(await s.page.getByTestId('pricing-fit-reason').innerText(), /The straight line fits better: .*R² of quantities 0\.972 against 0\.912/);
    // The unit tests derive a/2b = 43.20 (no unit cost) and (a/b + 10)/2 = 48.20 by their own least squares.
    assert.equal(await s.page.getByTestId('pricing-best-price').innerText(), '43.2');
    await s.page.getByTestId('pricing-unit-cost').fill('10');
    await s.page.getByTestId('pricing-best-price').filter({ hasText: /^48\.2$/ }).waitFor();
    assert.match(await s.page.getByTestId('pricing-best-working').innerText(), /^Profit is highest at 48\.2: on the straight line Q = 836\.58 − 9\.68·P/);
    for (const chart of ['pricing-chart-fit', 'pricing-chart-profit', 'pricing-chart-mr']) await drawn(s.page, chart);
    const label = await s.page.getByTestId('pricing-chart-profit').locator('[role=img]').getAttribute('aria-label');
    assert.match(label!, /Profit is highest at 48\.2/);
    await screenshot(s.page, 'pricing-demand');
  });

  it('says when both segments pooled show no demand curve, and keeps the inputs', async () => {
    await s.page.getByTestId('pricing-filter-column').selectOption('');
    const error = s.page.getByTestId('pricing-demand-error');
    await error.waitFor();
    assert.match(await error.innerText(), /The data do not show a demand curve/);
    assert.equal(await s.page.getByTestId('pricing-unit-cost').inputValue(), '10');
    await s.page.getByTestId('pricing-filter-column').selectOption('segment');
    await s.page.getByTestId('pricing-filter-value').selectOption('Small firms');
    await s.page.getByTestId('pricing-best-price').filter({ hasText: /^48\.2$/ }).waitFor();
  });

  it('reads the acceptable range of the survey sample and recommends a price inside it', async () => {
    await loadSample(s.page, /Price survey, Van Westendorp/, 'price-survey.csv');
    const range = s.page.getByTestId('pricing-vw-range');
    await range.waitFor({ timeout: 30_000 });
    // The survey follows the demand curve's segment, Small firms.
    assert.equal(await s.page.getByTestId('pricing-survey-filter-value').inputValue(), 'Small firms');
    assert.equal(await range.innerText(), 'Acceptable range: 34.26 to 84.33');
    assert.match(await s.page.getByTestId('pricing-vw-respondents').innerText(), /^88 of 92 respondents used\. Left out: 2 with a missing answer, 0 with a negative one, 2 with answers out of order\./);
    await s.page.getByTestId('pricing-recommend-price').waitFor();
    assert.equal(await s.page.getByTestId('pricing-recommend-price').innerText(), '48.2');
    assert.match(await s.page.getByTestId('pricing-recommend-sentence').innerText(), /lies inside the acceptable range 34\.26 to 84\.33/);
    // The demand curve of the price tests is still there.
    assert.equal(await s.page.getByTestId('pricing-best-price').innerText(), '48.2');
    await drawn(s.page, 'pricing-chart-vw');
    await screenshot(s.page, 'pricing-survey');
  });

  it('compares five prices side by side and keeps a typed one', async () => {
    const table = s.page.getByTestId('pricing-scenario-table');
    const prices = await table.locator('thead input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    assert.deepEqual(prices, ['60', '48.2', '34.26', '84.33', '43.2']);
    const profit = await table.locator('tr[data-metric=profit] td').allTextContents();
    assert.equal(profit.length, 5);
    assert.match(await s.page.getByTestId('pricing-scenarios-best').innerText(), /^Of these, 48\.2 earns most/);
    await s.page.getByTestId('pricing-scenario-price-0').fill('55');
    await s.page.waitForFunction(() => document.querySelector('[data-testid=pricing-scenario-table] tr[data-metric=quantity] td')?.textContent !== '–');
    assert.equal(await s.page.getByTestId('pricing-scenario-price-0').inputValue(), '55');
    // Q = a − b·55 on the Small firms line, about 304 units.
    assert.match((await table.locator('tr[data-metric=quantity] td').first().innerText()).trim(), /^30\d$/);
    await s.page.getByTestId('pricing-scenarios').screenshot({ path: 'tests/e2e/screenshots/pricing-scenarios.png' });
    assert.deepEqual(foreignRequests(s.requests), []);
    assert.deepEqual(s.errors, []);
  });

  it('on a narrow screen (390×844) nothing is wider than the screen', async () => {
    const narrow = await openApp({ viewport: { width: 390, height: 844 } });
    try {
      await loadSample(narrow.page, /Price tests by segment/, 'price-tests.csv');
      await narrow.page.getByTestId('pricing-best-price').waitFor({ timeout: 30_000 });
      await loadSample(narrow.page, /Price survey, Van Westendorp/, 'price-survey.csv');
      await narrow.page.getByTestId('pricing-vw-range').waitFor({ timeout: 30_000 });
      await narrow.page.getByTestId('pricing-mr-worked').click();
      await narrow.page.getByTestId('pricing-mr-result').waitFor();
      await drawn(narrow.page, 'pricing-chart-vw');
      const wide = await narrow.page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const out: string[] = [];
        if (document.documentElement.scrollWidth > width) out.push(`page ${document.documentElement.scrollWidth}`);
        // Any element reaching past the right edge (a table scrolls inside its own box).
        for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
          if (el.parentElement?.closest('.table-scroll')) continue;
          const box = el.getBoundingClientRect();
          if (box.width > 0 && box.right > width + 0.5) out.push(`${el.tagName}.${el.className} ${Math.round(box.right)}`);
        }
        return out;
      });
      assert.deepEqual(wide, []);
      await screenshot(narrow.page, 'pricing-390x844');
      assert.deepEqual(foreignRequests(narrow.requests), []);
      assert.deepEqual(narrow.errors, []);
    } finally {
      await narrow.close();
    }
  });
});
