import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openApp, foreignRequests, screenshot, type Session } from './browser';
import { escapeMermaidLabel } from '../../src/views/map/diagram-text';

const NODES = ['marketResearch', 'segmentation', 'differentiation', 'pricing', 'channels', 'contract', 'crm'];

/** Opens the Strategy map from the navigation and waits until mermaid has drawn it. */
async function openMap(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Strategy map' }).click();
  await page.locator('[data-testid=map-diagram] [data-status=ready] svg g.node[role=link]').first().waitFor({ timeout: 30_000 });
}

/** The test id (or tag) of the element with focus. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | SVGElement | null;
    return active?.getAttribute('data-testid') ?? active?.tagName ?? 'none';
  });
}

/** Elements reaching past the right edge of the window (the diagram box may scroll inside). */
async function tooWide(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.body.querySelectorAll<HTMLElement>('*'))
      .filter((e) => !e.closest('.picture svg') && e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((e) => `${e.tagName}.${e.getAttribute('class') ?? ''}`),
  );
}

describe('the strategy map in the browser', () => {
  let s: Session;

  before(async () => {
    s = await openApp();
  });

  after(async () => {
    await s?.close();
  });

  it('without a plan: a neutral diagram of the 7 stages, the 12 links, and a line to the Plan screen', async () => {
    await openMap(s.page);
    assert.equal(await s.page.locator('h1').innerText(), 'Strategy map');
    const noPlan = s.page.getByTestId('map-no-plan');
    assert.match(await noPlan.innerText(), /No plan is open/);
    assert.equal(await noPlan.getByRole('link').getAttribute('href'), '#/plan');
    const svg = s.page.locator('[data-testid=map-diagram] svg.flowchart');
    assert.equal(await svg.count(), 1);
    const nodes = await svg.locator('g.node').evaluateAll((gs) => gs.map((g) => ({ id: g.getAttribute('data-testid')?.replace('map-node-', ''), cls: g.getAttribute('class'), text: g.textContent?.trim() })));
    assert.deepEqual(nodes.map((n) => n.id).sort(), [...NODES].sort());
    for (const node of nodes) assert.match(node.cls ?? '', /\bneutral\b/, `${node.id} is neutral`);
    assert.equal(nodes.find((n) => n.id === 'contract')?.text, 'Contract negotiation');
    assert.equal(nodes.find((n) => n.id === 'crm')?.text, 'Customer relationship (CRM)');
    // 7 solid arrows of the loop and 5 dashed ones into CRM.
    assert.equal(await svg.locator('.edgePaths path').count(), 12);
    assert.equal(await svg.locator('.edgePaths path.edge-pattern-dotted').count(), 5);
    // The list gives every stage and its links; without a plan, no status.
    const stages = s.page.getByTestId('map-list').locator(':scope > li');
    assert.equal(await stages.count(), 7);
    assert.equal(await s.page.getByTestId('map-stage-status').count(), 0);
    const segmentation = await s.page.getByTestId('map-stage-segmentation').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(segmentation, ['#/data', '#/churn', '#/plan']);
    assert.deepEqual(await s.page.getByTestId('map-stage-channels').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#/allocation']);
    // mermaid left nothing of its own in the page outside the diagram.
    assert.equal(await s.page.evaluate(() => document.querySelectorAll('body > svg, body > div[id^="dmermaid"], [id^="dmermaid"]').length), 0);
    await screenshot(s.page, 'map-no-plan');
  });

  it('gives each stage a name as a link, and clicking the Pricing stage opens the Pricing screen', async () => {
    const pricing = s.page.getByTestId('map-node-pricing');
    assert.equal(await pricing.getAttribute('role'), 'link');
    assert.equal(await pricing.getAttribute('tabindex'), '0');
    assert.equal(await pricing.getAttribute('aria-label'), 'Pricing. Opens Pricing screen: the best price.');
    await pricing.click();
    await s.page.waitForFunction(() => location.hash === '#/pricing');
    await s.page.locator('h1', { hasText: 'Pricing' }).waitFor();
  });

  it('lets a keyboard user reach every stage and open one with Enter, then the links of the list', async () => {
    await openMap(s.page);
    await s.page.getByTestId('map-no-plan').getByRole('link').focus();
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await s.page.keyboard.press('Tab');
      order.push(await focused(s.page));
    }
    assert.deepEqual(order.sort(), NODES.map((n) => `map-node-${n}`).sort());
    // After the stages, the links of the list.
    await s.page.keyboard.press('Tab');
    assert.equal(await s.page.evaluate(() => document.activeElement?.closest('[data-testid=map-list]') !== null && document.activeElement?.tagName), 'A');
    assert.equal(await s.page.evaluate(() => document.activeElement?.getAttribute('href')), '#/plan');
    // Focus is drawn around the stage.
    await s.page.getByTestId('map-node-channels').focus();
    assert.equal(await s.page.getByTestId('map-node-channels').evaluate((g) => getComputedStyle(g).outlineStyle), 'solid');
    await screenshot(s.page, 'map-keyboard-focus');
    // Focus again after the screenshot, then open the stage from the keyboard.
    await s.page.getByTestId('map-node-channels').focus();
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => location.hash.startsWith('#/allocation'));
    await s.page.locator('h1', { hasText: 'Allocation' }).first().waitFor();
  });

  it('with a ready-made plan open: every stage shows its status, in the diagram and the list', async () => {
    await s.page.getByRole('link', { name: 'Plan', exact: true }).click();
    await s.page.getByTestId('plan-template').selectOption('industrial-equipment');
    await s.page.getByTestId('plan-new-template').click();
    await s.page.getByTestId('plan-editor').waitFor();
    await openMap(s.page);
    assert.match(await s.page.getByTestId('map-plan').innerText(), /Industrial equipment/);
    assert.equal(await s.page.getByTestId('map-no-plan').count(), 0);
    // As loopProgress gives it for this ready-made plan: the contract checklist and the CRM
    // notes are not finished.
    const expected: Record<string, string> = {
      marketResearch: 'done',
      segmentation: 'done',
      differentiation: 'done',
      pricing: 'done',
      channels: 'done',
      contract: 'inProgress',
      crm: 'inProgress',
    };
    await s.page.locator('svg.flowchart g.node.inProgress').first().waitFor();
    for (const [node, cls] of Object.entries(expected)) {
      const group = s.page.getByTestId(`map-node-${node}`);
      assert.match((await group.getAttribute('class')) ?? '', new RegExp(`\\b${cls}\\b`), node);
      assert.match((await group.textContent())?.trim() ?? '', cls === 'done' ? /^✓ / : /^… /, node);
      const status = await s.page.getByTestId(`map-stage-${node}`).getByTestId('map-stage-status').innerText();
      assert.equal(status, cls === 'done' ? 'done' : 'in progress', node);
    }
    assert.equal(await s.page.getByTestId('map-node-crm').getAttribute('aria-label'), 'Customer relationship (CRM): in progress. Opens Churn screen: customers at risk.');
    // With a plan, channels lead to the plan's allocation step first.
    assert.deepEqual(await s.page.getByTestId('map-stage-channels').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#/plan', '#/allocation']);
    assert.match(await s.page.getByTestId('map-legend').innerText(), /done.*in progress.*not started/s);
    await screenshot(s.page, 'map-plan');
  });

  it('clicking Market research opens the plan at its market research notes', async () => {
    await s.page.getByTestId('map-node-marketResearch').click();
    await s.page.waitForFunction(() => location.hash === '#/plan');
    await s.page.waitForFunction(() => document.activeElement?.id === 'plan-strategy-marketResearch-title');
    assert.equal(await s.page.getByTestId('plan-strategy-marketResearch').isVisible(), true);
    await screenshot(s.page, 'map-to-plan-market-research');
  });

  it('a link of the list opens a part of the plan too: the contract checklist', async () => {
    await openMap(s.page);
    await s.page.getByTestId('map-stage-contract').getByRole('link', { name: 'Contract checklist in the plan' }).click();
    await s.page.waitForFunction(() => document.activeElement?.id === 'plan-strategy-contract-title');
  });

  it('draws an escaped hostile label as plain text with the real mermaid (no element made of it)', async () => {
    const label = 'Say "hi" [x] (y) <script>alert(1)</script> <img src=x onerror=alert(2)> #35; & ✓ `md`';
    const text = `flowchart LR\n  a("${escapeMermaidLabel(label)}") --> b("b")`;
    const out = await s.page.evaluate(async (text) => {
      // The same mermaid the map loaded (its chunk's address is among the page's resources).
      const url = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/mermaid\.core-[^/]*\.js$/.test(n))!;
      const mermaid = (await import(url)).default as { render(id: string, text: string): Promise<{ svg: string }> };
      const { svg } = await mermaid.render('map-probe', text);
      const box = document.createElement('div');
      box.innerHTML = svg;
      const node = box.querySelector('g.node');
      return { text: node?.textContent ?? null, elements: box.querySelectorAll('script, img, [onerror]').length };
    }, text);
    assert.deepEqual(out, { text: label, elements: 0 });
  });

  it('asked no other origin for anything and logged no error', () => {
    assert.deepEqual(foreignRequests(s.requests), []);
    assert.deepEqual(s.errors, []);
  });
});

describe('the strategy map on a narrow screen (390×844) and in print', () => {
  it('draws top to bottom inside the screen, and nothing is wider than the screen', async () => {
    const s = await openApp({ viewport: { width: 390, height: 844 } });
    try {
      await openMap(s.page);
      assert.deepEqual(await tooWide(s.page), []);
      assert.equal(await s.page.evaluate(() => document.documentElement.scrollWidth), 390);
      const box = await s.page.locator('[data-testid=map-diagram] svg.flowchart').boundingBox();
      assert.ok(box && box.width <= 390 && box.height > box.width, `a tall diagram inside the screen: ${JSON.stringify(box)}`);
      await screenshot(s.page, 'map-390x844');
      await s.page.emulateMedia({ media: 'print' });
      await screenshot(s.page, 'map-print-390');
      assert.deepEqual(s.errors, []);
      assert.deepEqual(foreignRequests(s.requests), []);
    } finally {
      await s.close();
    }
  });

  it('prints the diagram with its colours and the list', async () => {
    const s = await openApp();
    try {
      await openMap(s.page);
      await s.page.emulateMedia({ media: 'print' });
      assert.deepEqual(await tooWide(s.page), []);
      await screenshot(s.page, 'map-print');
      const pdf = await s.page.pdf({ format: 'A4', printBackground: true });
      assert.ok(pdf.byteLength > 10_000);
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  });
});

describe('the strategy map when mermaid cannot draw', () => {
  it('says so, leaves nothing of mermaid in the page, keeps the list, and draws on a retry', async () => {
    const s = await openApp();
    try {
      // The flowchart part of mermaid fails to load (as offline, with an old cache).
      const block = (route: { abort(): Promise<void> }) => route.abort();
      await s.page.route(/flowDiagram-[^/]*\.js$/, block);
      await s.page.getByRole('link', { name: 'Strategy map' }).click();
      const alert = s.page.getByTestId('map-diagram').getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      assert.match(await alert.innerText(), /The map could not be drawn\. The list of stages below has every stage/);
      assert.equal(await s.page.locator('svg.flowchart').count(), 0);
      assert.equal(await s.page.evaluate(() => document.querySelectorAll('body > svg, body > div[id^="dmermaid"], [id^="dmermaid"], [id^="mermaid-diagram"]').length), 0);
      assert.equal(await s.page.getByTestId('map-list').locator(':scope > li').count(), 7);
      await screenshot(s.page, 'map-render-failed');
      await s.page.unroute(/flowDiagram-[^/]*\.js$/, block);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await s.page.locator('svg.flowchart g.node[role=link]').first().waitFor({ timeout: 30_000 });
      assert.equal(await s.page.locator('svg.flowchart g.node').count(), 7);
      assert.deepEqual(foreignRequests(s.requests), []);
    } finally {
      await s.close();
    }
  });
});

