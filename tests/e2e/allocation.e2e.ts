import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { openApp, foreignRequests, screenshot, type Session } from './browser';

describe('the allocation screen in the browser', () => {
  let s: Session;

  before(async () => {
    s = await openApp();
  });

  after(async () => {
    await s?.close();
  });

  const results = () => s.page.getByTestId('lp-results');

  async function solvedStatus(): Promise<string> {
    await s.page.getByTestId('lp-job-status').filter({ hasText: /Solved in/ }).waitFor({ timeout: 30_000 });
    return (await results().getAttribute('data-status')) ?? '';
  }

  it('opens the worked example in one click and shows the optimum and the note on alternative optima', async () => {
    await s.page.getByRole('link', { name: 'Allocation' }).click();
    await s.page.getByRole('heading', { name: 'Budget allocation', level: 1 }).waitFor();
    await s.page.getByTestId('lp-worked-example').click();
    assert.equal(await solvedStatus(), 'optimal');
    assert.match(await s.page.getByTestId('lp-objective').innerText(), /10,000/);
    const alternative = s.page.getByTestId('lp-alternative');
    assert.match(await alternative.innerText(), /More than one best plan/);
    // The two optimal corners, in either order: (0, 50,000) and (42,857.14, 28,571.43).
    const cells = (await alternative.locator('tbody td').allInnerTexts()).join(' ');
    assert.match(cells, /50,000/);
    assert.match(cells, /42,857\.14/);
    assert.match(cells, /28,571\.43/);
    await screenshot(s.page, 'allocation-worked-example');
  });

  it('draws the worked example and explains its whole optimal edge', async () => {
    const graph = s.page.getByTestId('lp-graphical');
    await graph.waitFor();
    assert.match(await graph.getByTestId('lp-graph-edge').innerText(), /Every point on the edge between .+ gives Z = 10,000: the objective is parallel to the money constraint/);
    // The iso-profit line is a slider: moving it down by keyboard lowers Z below the optimum.
    const iso = graph.getByTestId('lp-graph-iso');
    assert.equal(Number(await iso.getAttribute('aria-valuenow')), 10000);
    await iso.focus();
    await s.page.keyboard.press('ArrowDown');
    assert.ok(Number(await iso.getAttribute('aria-valuenow')) < 10000);
  });

  it('steps through the simplex method to the optimum', async () => {
    await s.page.getByTestId('lp-steps-box').locator('summary').click();
    const next = s.page.getByTestId('lp-steps-next');
    while (await next.isEnabled()) await next.click();
    assert.match(await s.page.getByTestId('lp-steps-explain').innerText(), /optimal, with Z = 10,000/);
  });

  it('names the clashing constraints when a goal cannot be met', async () => {
    // At least 200,000 units in all: the money row alone allows at most 100,000 (x1 at
    // 0.05 per unit), so "reach" and "money" clash; "people" alone would allow it.
    await s.page.getByRole('button', { name: 'Add a constraint' }).click();
    await s.page.getByLabel('Name of constraint 3').fill('reach');
    await s.page.getByLabel('Coefficient of x1 in reach').fill('1');
    await s.page.getByLabel('Coefficient of x2 in reach').fill('1');
    await s.page.getByLabel('Relation of reach').selectOption('>=');
    await s.page.getByLabel('Right-hand side of reach').fill('200000');
    assert.ok(await s.page.getByTestId('lp-stale').isVisible());
    await s.page.getByTestId('lp-solve').click();
    assert.equal(await solvedStatus(), 'infeasible');
    const conflict = await s.page.getByTestId('lp-conflict').innerText();
    assert.match(conflict, /reach/);
    assert.match(conflict, /money/);
    assert.doesNotMatch(conflict, /people/);
    // The answer shows no numbers of a plan that does not exist.
    assert.equal(await s.page.getByTestId('lp-objective').count(), 0);
    await screenshot(s.page, 'allocation-infeasible');
  });

  it('keeps a mistyped number and says which cell is wrong', async () => {
    await s.page.getByLabel('Right-hand side of reach').fill('2O0');
    await s.page.getByTestId('lp-solve').click();
    const error = s.page.getByTestId('lp-editor-error');
    await error.waitFor();
    assert.match(await error.innerText(), /reach/);
    assert.equal(await s.page.getByLabel('Right-hand side of reach').inputValue(), '2O0');
    await s.page.getByRole('button', { name: 'Remove constraint reach' }).click();
  });

  it('reads LP text, gives the line of a mistake, and keeps the text', async () => {
    await s.page.getByTestId('lp-mode-text').check();
    const text = s.page.getByTestId('lp-text');
    await text.waitFor();
    assert.match(await text.inputValue(), /money:/);
    await text.fill('Maximize\n obj: x + y\nSubject To\n c1: x + y <= 4\n c2: x + 3 y <=\nEnd\n');
    await s.page.getByTestId('lp-solve').click();
    const error = s.page.getByTestId('lp-editor-error');
    await error.waitFor();
    assert.match(await error.innerText(), /line 5/);
    assert.match(await text.inputValue(), /c2: x \+ 3 y <=/);
  });

  it('imports a large LP file, and cancels its long solve', async () => {
    await s.page.getByTestId('lp-import').setInputFiles(resolve(process.cwd(), '../shared/lp/budget_n5000.lp'));
    await s.page.waitForFunction(() => (document.querySelector('[data-testid="lp-text"]') as HTMLTextAreaElement | null)?.value.includes('n=5000'), null, { timeout: 30_000 });
    await s.page.getByTestId('lp-solve').click();
    const cancel = s.page.getByTestId('lp-job-cancel');
    await cancel.waitFor();
    await s.page.waitForTimeout(1500);
    await cancel.click();
    await s.page.getByTestId('lp-job-status').filter({ hasText: /cancelled/ }).waitFor();
    // A fresh solver answers the next solve.
    await s.page.getByTestId('lp-worked-example').click();
    assert.equal(await solvedStatus(), 'optimal');
    assert.match(await s.page.getByTestId('lp-objective').innerText(), /10,000/);
  });

  it('builds the sample budget plan, solves it and says what a budget step is worth', async () => {
    await s.page.getByTestId('lp-builder').locator('summary').click();
    await s.page.getByRole('button', { name: 'Start from the example' }).click();
    await s.page.getByRole('button', { name: 'Build the model' }).click();
    assert.equal(await solvedStatus(), 'optimal');
    // Derived by hand (budget, hours and customer rows tight, agents at their cap).
    assert.match(await s.page.getByTestId('lp-objective').innerText(), /1,186,000/);
    const words = await s.page.getByTestId('lp-sens-sentences').innerText();
    assert.match(words, /¥1,000 more of Marketing and sales budget is worth ¥2,156 of revenue, until Marketing and sales budget reaches ¥515,625/);
    assert.match(words, /Events is not in the plan/);
    await screenshot(s.page, 'allocation-budget-builder');
  });

  it('brings back a model that another one replaced', async () => {
    await s.page.getByTestId('lp-worked-example').click();
    assert.equal(await solvedStatus(), 'optimal');
    await s.page.getByTestId('lp-restore').click();
    assert.equal(await s.page.getByLabel('Name of constraint 1').inputValue(), 'Marketing_and_sales_budget');
    assert.ok(await s.page.getByTestId('lp-stale').isVisible());
  });

  it('asked nothing of any other origin and logged no errors', () => {
    assert.deepEqual(foreignRequests(s.requests), []);
    assert.deepEqual(s.errors, []);
  });
});
