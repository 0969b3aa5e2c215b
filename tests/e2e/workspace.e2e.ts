import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, foreignRequests, screenshot } from './browser';

describe('the workspace kept in the browser', () => {
  it('keeps type overrides, renames and deletions across reloads', async () => {
    const s = await openApp();
    try {
      await s.page.getByRole('button', { name: /Telco customer churn/ }).click();
      const senior = s.page.locator('[data-column="SeniorCitizen"]');
      await senior.waitFor();
      assert.equal(await senior.locator('select').inputValue(), 'integer');
      await senior.locator('select').selectOption('category');
      await senior.getByText('2 distinct values').waitFor();
      // Wait until the new type is stored (the list shows the latest save time).
      await s.page.waitForTimeout(300);

      await s.page.getByRole('button', { name: 'Rename: telco-churn.csv' }).click();
      const input = s.page.getByRole('textbox', { name: /New name for/ });
      await input.fill('Customers 2025 <b>Q4</b>');
      await s.page.getByRole('button', { name: 'Save name' }).click();
      await s.page.getByTestId('open-dataset').locator('h2', { hasText: 'Customers 2025 <b>Q4</b>' }).waitFor();

      await s.page.reload();
      const panel = s.page.getByTestId('open-dataset');
      // User text is shown as text: the tags appear literally, no <b> element is made.
      await panel.locator('h2', { hasText: 'Customers 2025 <b>Q4</b>' }).waitFor();
      assert.equal(await panel.locator('h2 b').count(), 0);
      assert.equal(await s.page.locator('[data-column="SeniorCitizen"] select').inputValue(), 'category');

      s.page.once('dialog', (dialog) => void dialog.accept());
      await s.page.getByRole('button', { name: 'Delete: Customers 2025 <b>Q4</b>' }).click();
      await s.page.getByText('No data sets yet.').waitFor();
      await s.page.reload();
      await s.page.getByText('No data sets yet.').waitFor();
      assert.equal(await s.page.getByTestId('open-dataset').count(), 0);
      assert.deepEqual(foreignRequests(s.requests), []);
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  });

  it('imports a dropped file', async () => {
    const s = await openApp();
    try {
      await s.page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['Kunde;Umsatz\nMüller;1.234,50\nSchmidt;99,95\n'], 'kunden.csv', { type: 'text/csv' }));
        const zone = document.querySelector('.drop')!;
        zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
      });
      const panel = s.page.getByTestId('open-dataset');
      await panel.locator('h2', { hasText: 'kunden.csv' }).waitFor();
      assert.match(await panel.locator('.meta').innerText(), /separator “;” · decimal “,”/);
      const umsatz = s.page.locator('[data-column="Umsatz"]');
      assert.equal(await umsatz.locator('select').inputValue(), 'number');
      assert.match(await umsatz.innerText(), /1,234\.5/);
    } finally {
      await s.close();
    }
  });

  it('works in memory and says so when the browser refuses storage', async () => {
    const s = await openApp({ blockStorage: true });
    try {
      await s.page.getByTestId('memory-mode').waitFor();
      await s.page.getByRole('button', { name: /Champagne monthly sales/ }).click();
      await s.page.getByTestId('open-dataset').locator('h2', { hasText: 'champagne-sales.csv' }).waitFor();
      assert.deepEqual(await s.page.getByTestId('dataset-list').locator('.name').allTextContents(), ['champagne-sales.csv']);
      await screenshot(s.page, 'memory-mode');
    } finally {
      await s.close();
    }
  });

  it('can be used with the keyboard alone, with a visible focus', async () => {
    const s = await openApp();
    try {
      await s.page.keyboard.press('Tab');
      await s.page.keyboard.press('Tab');
      await s.page.keyboard.press('Tab');
      // Skip link, then the Data link, then the file button.
      const focused = await s.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { text: el.textContent?.trim(), outline: getComputedStyle(el).outlineStyle };
      });
      assert.equal(focused.text, 'Choose a file');
      assert.notEqual(focused.outline, 'none');
      await s.page.keyboard.press('Tab');
      await s.page.keyboard.press('Enter');
      await s.page.getByTestId('open-dataset').locator('h2', { hasText: 'telco-churn.csv' }).waitFor();
    } finally {
      await s.close();
    }
  });
});
