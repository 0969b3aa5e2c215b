import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { openApp, foreignRequests, screenshot, SCREENSHOTS, type Session } from './browser';

/** The counts of the frequency tree as shown, by node. */
async function treeCounts(page: Page): Promise<Record<string, string>> {
  return page.getByTestId('loyalty-tree').evaluate((tree) =>
    Object.fromEntries(Array.from(tree.querySelectorAll<HTMLElement>('[data-count]')).map((e) => [e.dataset.count!, e.innerText])),
  );
}

/** Opens the Telco sample on the Data screen, then the Loyalty screen. */
async function openTelco(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await page.getByRole('button', { name: /Telco customer churn/ }).click();
  await page.getByTestId('dataset-list').locator('.name', { hasText: 'telco-churn.csv' }).waitFor({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Loyalty' }).click();
  await page.getByTestId('loyalty-outcome').waitFor();
}

/** Ticks evidence columns by name and waits for the combined posterior. */
async function tickEvidence(page: Page, names: string[]): Promise<void> {
  for (const name of names) await page.getByTestId('loyalty-evidence-columns').locator(`li[data-column="${name}"] input[type=checkbox]`).check();
  await page.getByTestId('loyalty-customer-posterior').waitFor();
}

/** Elements reaching past the right edge of the window (tables scroll inside their own box). */
async function wideElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.body.querySelectorAll<HTMLElement>('*'))
      .filter((e) => !e.parentElement?.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((e) => `${e.tagName}.${e.className}`),
  );
}

describe('the loyalty screen in the browser', () => {
  let s: Session;

  before(async () => {
    s = await openApp();
  });

  after(async () => {
    await s?.close();
  });

  it('works the example of the strategy text: 85.7%, and the tree 600 / 480 / 400 / 80 / 560', async () => {
    await s.page.getByRole('link', { name: 'Loyalty' }).click();
    await s.page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await s.page.getByRole('heading', { level: 1 }).count(), 1);
    assert.match(await s.page.getByTestId('loyalty-no-data').innerText(), /No data set is open/);

    // Typed as a user would: another prior first (0.8 × 0.5 / (0.8 × 0.5 + 0.2 × 0.5) = 0.8), then 0.6.
    const prior = s.page.getByTestId('loyalty-prior');
    await prior.fill('0.5');
    await s.page.getByTestId('loyalty-posterior').filter({ hasText: /^80%$/ }).waitFor();
    await prior.fill('0.6');
    await s.page.getByTestId('loyalty-likelihood-1').fill('0.8');
    await s.page.getByTestId('loyalty-false-alarm-1').fill('0.2');
    await s.page.getByTestId('loyalty-posterior').filter({ hasText: '85.7%' }).waitFor();

    assert.equal(await s.page.getByTestId('loyalty-formula-numbers').innerText(), '= 0.8 × 0.6 / (0.8 × 0.6 + 0.2 × 0.4)');
    assert.equal(await s.page.getByTestId('loyalty-formula-joint').innerText(), '= 0.48 / (0.48 + 0.08) = 0.48 / 0.56');
    assert.equal(await s.page.getByTestId('loyalty-formula-result').innerText(), '= 0.857');
    assert.deepEqual(await treeCounts(s.page), {
      population: '1,000',
      loyal: '600',
      loyalWithEvidence: '480',
      loyalWithoutEvidence: '120',
      notLoyal: '400',
      notLoyalWithEvidence: '80',
      notLoyalWithoutEvidence: '320',
      withEvidence: '560',
    });
    assert.equal(
      await s.page.getByTestId('loyalty-tree-sentence').innerText(),
      'Of 1,000 customers, 600 are loyal; 480 of them show “good service”. Of the 400 who are not loyal, 80 show “good service”. So of the 560 who show “good service”, 480 are loyal: 85.7%.',
    );
    // The tree is a list a screen reader can walk, not only a picture.
    assert.equal(await s.page.getByTestId('loyalty-tree').locator('li').count(), 7);
    // The icon array: 48 + 12 + 8 + 32 = 100, with a legend and a text alternative.
    const legend = await s.page.getByTestId('loyalty-icons-legend').locator('li .num').allInnerTexts();
    assert.deepEqual(legend, ['48', '12', '8', '32']);
    const alt = await s.page.getByTestId('loyalty-icons').locator('svg[role=img]').evaluate((svg) => document.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent);
    assert.match(alt ?? '', /^Icon array of 100 customers: 48 are loyal and show “good service”/);
    assert.equal(await s.page.getByTestId('loyalty-icons').locator('svg[role=img] > *').count(), 100);
    await screenshot(s.page, 'loyalty-worked-example');
  });

  it('renames the evidence, shows a bad probability’s message next to it and keeps the other fields', async () => {
    await s.page.getByTestId('loyalty-evidence-label-1').fill('reports good service');
    await s.page.getByTestId('loyalty-tree-sentence').filter({ hasText: '480 of them show “reports good service”' }).waitFor();
    const likelihood = s.page.getByTestId('loyalty-likelihood-1');
    await likelihood.fill('1.2');
    const problem = s.page.getByTestId('loyalty-likelihood-1-problem');
    await problem.filter({ hasText: 'The P(reports good service | loyal) is 1.2: a probability must be a number from 0 to 1.' }).waitFor();
    assert.equal(await likelihood.getAttribute('aria-invalid'), 'true');
    assert.equal(await s.page.getByTestId('loyalty-prior').inputValue(), '0.6');
    assert.equal(await s.page.getByTestId('loyalty-false-alarm-1').inputValue(), '0.2');
    assert.equal(await s.page.getByTestId('loyalty-prior-problem').innerText(), '');
    await screenshot(s.page, 'loyalty-bad-probability');
    await likelihood.fill('80%');
    await s.page.getByTestId('loyalty-posterior').filter({ hasText: '85.7%' }).waitFor();
    assert.equal(await problem.innerText(), '');
  });

  it('chains a second piece of evidence: 6/7, then 12/13 = 92.3%, with the independence assumption', async () => {
    await s.page.getByTestId('loyalty-add-evidence').click();
    // Focus moves to the new piece's name, ready to type.
    assert.equal(await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid), 'loyalty-evidence-label-2');
    await s.page.keyboard.press('ControlOrMeta+a');
    await s.page.keyboard.type('uses it every week');
    await s.page.getByTestId('loyalty-likelihood-2').fill('0.5');
    await s.page.getByTestId('loyalty-false-alarm-2').fill('0.25');
    await s.page.getByTestId('loyalty-posterior').filter({ hasText: '92.3%' }).waitFor();
    const chain = s.page.getByTestId('loyalty-chain');
    assert.equal(await chain.locator('tbody tr').count(), 2);
    assert.equal(await s.page.getByTestId('loyalty-chain-table-after-1').innerText(), '0.857 (85.7%)');
    assert.equal(await s.page.getByTestId('loyalty-chain-table-after-2').innerText(), '0.923 (92.3%)');
    assert.match(await chain.innerText(), /independent given the answer/);
    // The working of step 2 starts from 6/7: of 1,000 customers who already show the first evidence, 857 are loyal.
    await s.page.getByTestId('loyalty-show-step-2').check();
    await s.page.getByTestId('loyalty-formula-numbers').filter({ hasText: '= 0.5 × 0.857 / (0.5 × 0.857 + 0.25 × 0.143)' }).waitFor();
    assert.equal((await treeCounts(s.page)).loyal, '857');
    await screenshot(s.page, 'loyalty-chain');
    // One click back to the worked example.
    await s.page.getByTestId('loyalty-worked').click();
    await s.page.getByTestId('loyalty-posterior').filter({ hasText: '85.7%' }).waitFor();
    assert.equal(await s.page.getByTestId('loyalty-evidence-2').count(), 0);
  });

  it('learns from the Telco sample: Churn = No is loyal, prior 73.5%, Contract and tenure', async () => {
    await openTelco(s.page);
    assert.equal(await s.page.getByTestId('loyalty-outcome').inputValue(), 'Churn');
    assert.equal(await s.page.getByTestId('loyalty-positive').inputValue(), 'No');
    await tickEvidence(s.page, ['Contract', 'tenure']);
    // Prior (5,174 + 1) / (7,043 + 2) = 0.735, as derived in the unit test.
    assert.equal(await s.page.getByTestId('loyalty-learned-prior-working').innerText(), 'P(Churn = No) = (5,174 + 1) / (7,043 + 2) = 0.735');
    assert.equal(await s.page.getByTestId('loyalty-learned-prior').innerText(), '73.5%');
    const contract = s.page.locator('[data-testid=loyalty-levels][data-column=Contract]');
    const monthly = contract.locator('tr[data-level="Month-to-month"]');
    assert.equal(await monthly.locator('[data-cell=countPositive]').innerText(), '2,220');
    assert.equal(await monthly.locator('[data-cell=countNegative]').innerText(), '1,655');
    const tenure = s.page.locator('[data-testid=loyalty-levels][data-column=tenure]');
    assert.deepEqual(await tenure.locator('tbody th').allInnerTexts(), ['0 to 9', 'over 9 to 29', 'over 29 to 55', 'over 55 to 72']);
    // Month-to-month and tenure 0 to 9 (the first levels): 32.9%, as derived in the unit test.
    assert.equal(await s.page.getByTestId('loyalty-customer-posterior').innerText(), '32.9%');
    assert.equal(await s.page.getByTestId('loyalty-customer-steps').locator('tbody tr').count(), 2);
    assert.match(await s.page.getByTestId('loyalty-naive').innerText(), /^Naive Bayes assumes the evidence columns are independent given the outcome/);
    assert.match(await s.page.getByTestId('loyalty-customer-sentence').innerText(), /^As counts: of 1,000 customers, 735 have Churn = No and 265 have Churn = Yes\./);
    await screenshot(s.page, 'loyalty-telco');
    // A two-year contract customer with a long tenure.
    await s.page.locator('[data-testid=loyalty-level][data-column=Contract]').selectOption({ label: 'Two year' });
    await s.page.locator('[data-testid=loyalty-level][data-column=tenure]').selectOption({ label: 'over 55 to 72' });
    await s.page.getByTestId('loyalty-customer-posterior').filter({ hasNotText: '32.9%' }).waitFor();
    console.log(`Telco, Two year + tenure over 55: ${await s.page.getByTestId('loyalty-customer-posterior').innerText()}`);
  });

  it('keeps the choices when the number of bins is refused, with the message next to it', async () => {
    const bins = s.page.getByTestId('loyalty-bins');
    await bins.fill('1');
    await s.page.getByTestId('loyalty-bins-problem').filter({ hasText: 'The number of bins is 1. Use a whole number from 2 to 20.' }).waitFor();
    assert.equal(await s.page.getByTestId('loyalty-evidence-columns').locator('li[data-column="Contract"] input').isChecked(), true);
    await bins.fill('4');
    await s.page.getByTestId('loyalty-customer-posterior').waitFor();
  });

  it('made no request to any other origin and logged no error', () => {
    assert.ok(s.requests.length > 0);
    assert.deepEqual(foreignRequests(s.requests), []);
    assert.deepEqual(s.errors, []);
  });
});

describe('the loyalty screen on a narrow screen (390×844)', () => {
  it('is nowhere wider than the screen, with the worked example and the Telco tables', async () => {
    const s = await openApp({ viewport: { width: 390, height: 844 } });
    try {
      await openTelco(s.page);
      await tickEvidence(s.page, ['Contract', 'tenure', 'PaymentMethod']);
      await s.page.getByTestId('loyalty-add-evidence').click();
      await s.page.getByTestId('loyalty-likelihood-2').fill('0.5');
      await s.page.getByTestId('loyalty-false-alarm-2').fill('0.25');
      await s.page.getByTestId('loyalty-posterior').filter({ hasText: '92.3%' }).waitFor();
      await screenshot(s.page, 'loyalty-narrow');
      // Screen-sized views of the parts that are hardest to fit: the tree, the step table, a level table.
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const [name, testid] of [
        ['form', 'loyalty-evidence-2'],
        ['tree', 'loyalty-tree'],
        ['chain', 'loyalty-chain'],
        ['customer', 'loyalty-customer'],
        ['levels', 'loyalty-levels'],
      ]) {
        await s.page.getByTestId(testid).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
        await s.page.screenshot({ path: `${SCREENSHOTS}/loyalty-narrow-${name}.png` });
      }
      assert.deepEqual(await wideElements(s.page), []);
      // The page itself does not scroll sideways.
      assert.equal(await s.page.evaluate(() => document.documentElement.scrollWidth), 390);
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  });
});
