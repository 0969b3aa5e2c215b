import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { foreignRequests, openApp, screenshot, type Session } from './browser';

const PLAN_NAME = 'Cloud software: finance and healthcare, flexible pricing';

describe('the plan screen in the browser', () => {
  let s: Session;
  let exported = '';

  before(async () => {
    s = await openApp();
  });

  after(async () => {
    await s?.close();
  });

  const objective = () => s.page.getByTestId('lp-objective').innerText();
  const saved = () => s.page.getByTestId('plan-save-status').filter({ hasText: /^Saved / }).waitFor({ timeout: 10_000 });

  async function step(id: string): Promise<void> {
    await s.page.getByTestId(`plan-step-${id}`).click();
    await s.page.getByTestId(`plan-page-${id}`).waitFor();
  }

  it('opens a ready-made plan, says it is illustrative, and walks the five steps', async () => {
    await s.page.getByRole('link', { name: 'Plan', exact: true }).click();
    await s.page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
    assert.equal(await s.page.getByTestId('plan-list-empty').count(), 1);
    await s.page.getByTestId('plan-template').selectOption('cloud-software');
    await s.page.getByTestId('plan-new-template').click();
    await s.page.getByRole('heading', { name: `Plan: ${PLAN_NAME}`, level: 1 }).waitFor();
    assert.match(await s.page.getByTestId('plan-illustrative').innerText(), /illustrative/i);
    assert.equal(await s.page.getByTestId('plan-step-resources').getAttribute('aria-current'), 'step');
    assert.equal(await s.page.getByTestId('plan-step-resources').getAttribute('data-progress'), 'done');
    await screenshot(s.page, 'plan-resources');

    await s.page.getByTestId('plan-next').click();
    await s.page.getByTestId('plan-page-goals').waitFor();
    // The focus follows to the page's heading.
    assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'plan-page-title');
    assert.match(await s.page.getByTestId('plan-goal-vs-forecast').first().innerText(), /The target is 15(\.\d)?% above the forecast/);
    await screenshot(s.page, 'plan-goals');

    // The step navigation works with the keyboard.
    await s.page.getByTestId('plan-step-goals').focus();
    await s.page.keyboard.press('ArrowRight');
    await s.page.keyboard.press('Enter');
    await s.page.getByTestId('plan-page-priorities').waitFor();
    const short = await s.page.getByTestId('plan-rank-short').innerText();
    assert.ok(short.indexOf('New paying customers') < short.indexOf('New and expansion bookings'), 'ranked by importance × feasibility (16 before 15)');
    assert.match(await s.page.getByTestId('plan-rank-long').innerText(), /Share of private clinics/);
    // The grid puts each goal in the cell of its scores: new paying customers at 4 × 4.
    const grid = s.page.getByTestId('plan-priority-grid');
    assert.equal(await grid.locator('td[data-importance="4"][data-feasibility="4"]').innerText(), 'New paying customers');
    assert.equal(await grid.locator('.chip').count(), 3);
    await screenshot(s.page, 'plan-priorities');

    await step('allocation');
    await s.page.getByTestId('lp-job-status').filter({ hasText: /Solved in/ }).waitFor({ timeout: 30_000 });
    assert.equal(await s.page.getByTestId('lp-results').getAttribute('data-status'), 'optimal');
    assert.match(await s.page.getByTestId('plan-customer-value').innerText(), /21,000 × \(1 − 22%\) = 16,380/);
    await screenshot(s.page, 'plan-allocation');

    await step('monitoring');
    assert.ok((await s.page.getByTestId('plan-variance-row').count()) >= 24);
    await s.page.getByTestId('plan-monitoring-chart').waitFor();
    await step('strategy');
    await s.page.getByTestId('plan-strategy-contract').waitFor();
  });

  it('solves the allocation again when the budget changes', async () => {
    await step('allocation');
    await s.page.getByTestId('lp-job-status').filter({ hasText: /Solved in/ }).waitFor({ timeout: 30_000 });
    const before = await objective();
    await step('resources');
    const budget = s.page.getByTestId('plan-budget');
    await budget.fill('500,000');
    await budget.blur();
    await step('allocation');
    await s.page.waitForFunction((old) => {
      const now = document.querySelector('[data-testid="lp-objective"]')?.textContent ?? '';
      return now !== '' && now !== old;
    }, before, { timeout: 30_000 });
    const after = await objective();
    assert.notEqual(after, before);
    assert.match(after, /\d/);
    await saved();
  });

  it('shows the variance of an entered actual and flags drift', async () => {
    await step('monitoring');
    const cell = s.page.getByTestId('plan-actual-2025-04-g2');
    await cell.fill('9');
    await cell.blur();
    const row = s.page.locator('[data-testid="plan-variance-row"][data-period="2025-04"][data-goal="g2"]');
    // The ready-made target of April is 5 new customers.
    assert.equal(await row.getByTestId('plan-variance-value').innerText(), '4');
    // 9 against 5: 80% above the target (the customer goal has no forecast, so no drift flag).
    assert.match(await row.innerText(), /80%/);
    const bookings = s.page.getByTestId('plan-actual-2025-04-g1');
    await bookings.fill('1');
    await bookings.blur();
    const bookingsRow = s.page.locator('[data-testid="plan-variance-row"][data-period="2025-04"][data-goal="g1"]');
    assert.match(await bookingsRow.innerText(), /Outside the 95% range/);
    assert.match(await s.page.getByTestId('plan-drift-summary').innerText(), /outside the forecast/);
    await saved();
    await screenshot(s.page, 'plan-monitoring');
  });

  it('finds everything again after a reload', async () => {
    await s.page.reload();
    await s.page.getByRole('link', { name: 'Plan', exact: true }).click();
    await s.page.getByTestId('plan-item').first().waitFor();
    await s.page.getByRole('button', { name: `Open ${PLAN_NAME}` }).click();
    await s.page.getByTestId('plan-page-resources').waitFor();
    assert.equal(await s.page.getByTestId('plan-budget').inputValue(), '500,000');
    await step('monitoring');
    assert.equal(await s.page.getByTestId('plan-actual-2025-04-g2').inputValue(), '9');
    assert.equal(await s.page.getByTestId('plan-actual-2025-04-g1').inputValue(), '1');
  });

  it('exports the plan as a file and imports it back as a new plan', async () => {
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('plan-export').click()]);
    assert.equal(download.suggestedFilename(), 'Cloud software_ finance and healthcare, flexible pricing.json');
    const path = await download.path();
    exported = readFileSync(path, 'utf8');
    assert.match(exported, /"format": "b2b-strategy-lab-plan"/);

    await s.page.getByTestId('plan-close').click();
    await s.page.getByTestId('plan-list').waitFor();
    // A foreign file is refused and nothing changes.
    const [foreign] = await Promise.all([s.page.waitForEvent('filechooser'), s.page.getByText('Import a plan file…').click()]);
    await foreign.setFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":"world"}') });
    // The file is read before the notice changes: wait for it (the export's notice is still shown until then).
    await s.page.getByTestId('plan-notice').filter({ hasText: /not a plan exported by this app/ }).waitFor();
    assert.equal(await s.page.getByTestId('plan-item').count(), 1);

    const [chooser] = await Promise.all([s.page.waitForEvent('filechooser'), s.page.getByText('Import a plan file…').click()]);
    await chooser.setFiles(path);
    await s.page.getByTestId('plan-editor').waitFor();
    assert.match(await s.page.getByTestId('plan-notice').innerText(), /Imported/);
    assert.equal(await s.page.getByTestId('plan-budget').inputValue(), '500,000');
    await s.page.getByTestId('plan-close').click();
    assert.equal(await s.page.getByTestId('plan-item').count(), 2);
    await screenshot(s.page, 'plan-list');
  });

  it('shows the report in a print layout without the navigation', async () => {
    await s.page.getByTestId('plan-item').first().getByRole('button', { name: /^Open / }).click();
    await s.page.getByTestId('plan-editor').waitFor();
    await s.page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await step('allocation');
    await s.page.getByTestId('lp-job-status').filter({ hasText: /Solved in/ }).waitFor({ timeout: 30_000 });
    await s.page.getByTestId('plan-print').click();
    const report = s.page.getByTestId('plan-report');
    await report.waitFor();
    assert.equal(await s.page.evaluate(() => (window as unknown as { printed: number }).printed), 1);
    await s.page.emulateMedia({ media: 'print' });
    assert.ok(await report.isVisible());
    assert.equal(await s.page.locator('header.app-header').isVisible(), false);
    assert.equal(await s.page.getByRole('navigation').first().isVisible(), false);
    assert.equal(await s.page.getByTestId('plan-report-close').isVisible(), false);
    const text = await report.innerText();
    for (const heading of ['Resources', 'Goals', 'Priorities', 'Allocation', 'Monitoring', 'Strategy notes']) assert.match(text, new RegExp(heading));
    assert.match(await s.page.getByTestId('plan-report-budget').innerText(), /500,000/);
    assert.match(await s.page.getByTestId('plan-report-objective').innerText(), /Best allocation: objective \d/);
    await screenshot(s.page, 'plan-print');
    await s.page.emulateMedia({ media: 'screen' });
    await s.page.getByTestId('plan-report-close').click();
    await s.page.getByTestId('plan-editor').waitFor();
  });

  it('asked nothing of other origins and logged no error', () => {
    assert.deepEqual(foreignRequests(s.requests), []);
    assert.deepEqual(s.errors, []);
  });
});

describe('the plan screen on a phone', () => {
  let s: Session;

  before(async () => {
    s = await openApp({ viewport: { width: 390, height: 844 } });
  });

  after(async () => {
    await s?.close();
  });

  const overflow = () => s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it('fits every step in 390 pixels', async () => {
    await s.page.getByRole('link', { name: 'Plan', exact: true }).click();
    await s.page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
    assert.ok((await overflow()) <= 0, 'the list fits');
    await s.page.getByTestId('plan-template').selectOption('industrial-equipment');
    await s.page.getByTestId('plan-new-template').click();
    await s.page.getByTestId('plan-editor').waitFor();
    for (const id of ['resources', 'goals', 'priorities', 'allocation', 'monitoring', 'strategy']) {
      await s.page.getByTestId(`plan-step-${id}`).click();
      await s.page.getByTestId(`plan-page-${id}`).waitFor();
      if (id === 'allocation') await s.page.getByTestId('lp-job-status').filter({ hasText: /Solved in/ }).waitFor({ timeout: 30_000 });
      assert.ok((await overflow()) <= 0, `${id} fits (overflow ${await overflow()} px)`);
      if (id === 'resources' || id === 'allocation' || id === 'monitoring') await screenshot(s.page, `plan-phone-${id}`);
    }
    await s.page.getByTestId('plan-close').click();
    await s.page.getByTestId('plan-list').waitFor();
    assert.ok((await overflow()) <= 0, 'the list with a plan fits');
    await screenshot(s.page, 'plan-phone-list');
    assert.deepEqual(s.errors, []);
  });
});

describe('the plan screen when its edits cannot be saved', () => {
  let s: Session;

  before(async () => {
    s = await openApp({ fillableDisk: true });
  });

  after(async () => {
    await s?.close();
  });

  const setDiskFull = (full: boolean) => s.page.evaluate((on) => ((window as unknown as { diskFull: boolean }).diskFull = on), full);
  /** Whether leaving the page now would be stopped with the browser's warning. */
  const unloadStopped = () =>
    s.page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });

  it('stays on the plan with its edits, warns before the page is left, and goes on once they are saved', async () => {
    await s.page.getByRole('link', { name: 'Plan', exact: true }).click();
    await s.page.getByTestId('plan-template').selectOption('cloud-software');
    await s.page.getByTestId('plan-new-template').click();
    await s.page.getByTestId('plan-editor').waitFor();
    assert.equal(await unloadStopped(), false);

    // An edit waiting for its save warns too (the save it starts rarely ends while the page goes).
    const budget = s.page.getByTestId('plan-budget');
    await budget.fill('123,456');
    assert.equal(await unloadStopped(), true);
    await s.page.getByTestId('plan-save-status').filter({ hasText: /^Saved / }).waitFor({ timeout: 10_000 });
    assert.equal(await unloadStopped(), false);

    await setDiskFull(true);
    await budget.fill('654,321');
    await budget.blur();
    await s.page.getByTestId('plan-save-error').waitFor();
    assert.equal(await unloadStopped(), true);

    // The guard is the app's: it still warns with another screen shown.
    await s.page.getByRole('link', { name: 'Data', exact: true }).click();
    await s.page.getByTestId('plan-editor').waitFor({ state: 'detached' });
    assert.equal(await unloadStopped(), true);
    await s.page.getByRole('link', { name: 'Plan', exact: true }).click();
    await s.page.getByTestId('plan-save-error').waitFor();

    await s.page.getByTestId('plan-close').click();
    const blocked = s.page.getByTestId('plan-leave-blocked');
    await blocked.waitFor();
    assert.match(await blocked.innerText(), /not saved, so the plan is still open/);
    assert.match(await blocked.innerText(), /storage is full/);
    assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'plan-leave-blocked');
    assert.equal(await budget.inputValue(), '654,321');
    await screenshot(s.page, 'plan-leave-blocked');

    await setDiskFull(false);
    await s.page.getByTestId('plan-leave-retry').click();
    await s.page.getByTestId('plan-list').waitFor();
    assert.equal(await unloadStopped(), false);
    await s.page.getByTestId('plan-item').first().getByRole('button', { name: /^Open / }).click();
    await s.page.getByTestId('plan-editor').waitFor();
    assert.equal(await s.page.getByTestId('plan-budget').inputValue(), '654,321');
    assert.deepEqual(s.errors, []);
  });
});

describe('the plan and the other screens', () => {
  it('takes a customer lifetime value from the Pricing screen’s margin into step 4', async () => {
    const s = await openApp();
    try {
      await s.page.getByRole('link', { name: 'Data', exact: true }).click();
      await s.page.getByRole('button', { name: /Price tests by segment/ }).click();
      await s.page.getByTestId('dataset-list').locator('.name', { hasText: 'price-tests.csv' }).waitFor();
      await s.page.getByRole('link', { name: 'Pricing' }).click();
      // Small firms, no unit cost: the best price is a/2b = 43.20 (derived in the pricing tests).
      await s.page.getByTestId('pricing-best-price').filter({ hasText: '43.2' }).waitFor({ timeout: 30_000 });

      await s.page.getByRole('link', { name: 'Plan', exact: true }).click();
      await s.page.getByTestId('plan-template').selectOption('cloud-software');
      await s.page.getByTestId('plan-new-template').click();
      await s.page.getByTestId('plan-step-allocation').click();
      const fromPricing = s.page.getByTestId('plan-from-pricing');
      assert.match(await fromPricing.innerText(), /profit-maximising price 43\.2 \$ less the unit cost 0 \$ leaves 43\.2 \$ a unit/);
      assert.match(await fromPricing.innerText(), /The margin is taken as being in this plan’s currency \(\$\)/);
      await fromPricing.getByLabel('Units a customer buys over its life').fill('500');
      await fromPricing.getByLabel('Units a customer buys over its life').blur();
      // The margin is a/2b ≈ 43.2 (shown rounded): × 500 ≈ 21,600, then × (1 − 22%) ≈ 16,850.
      await s.page.getByTestId('plan-use-pricing').click();
      await s.page.getByTestId('plan-customer-value').filter({ hasText: /21,[56]\d\d(\.\d+)? × \(1 − 22%\) = 16,8\d\d/ }).waitFor();
      assert.deepEqual(foreignRequests(s.requests), []);
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  });
});
