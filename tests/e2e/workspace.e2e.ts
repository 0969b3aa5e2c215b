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
      // A successful retype shows the new type in the select.
      assert.equal(await senior.locator('select').inputValue(), 'category');
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

  it('imports a file dropped outside the drop zone, and the browser does not leave the app', async () => {
    const s = await openApp();
    try {
      // The page-wide drop handler is attached when the app has mounted, not at 'load'.
      await s.page.getByText('Choose a file', { exact: true }).waitFor();
      const before = s.page.url();
      const prevented = await s.page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['Kunde,Umsatz\nA,1\nB,2\n'], 'elsewhere.csv', { type: 'text/csv' }));
        const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
        document.body.dispatchEvent(over);
        const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
        document.body.dispatchEvent(drop);
        // A drop whose default is not prevented is what makes the browser open the file.
        return { over: over.defaultPrevented, drop: drop.defaultPrevented };
      });
      assert.deepEqual(prevented, { over: true, drop: true });
      await s.page.getByTestId('open-dataset').locator('h2', { hasText: 'elsewhere.csv' }).waitFor();
      // Still this app's page: only the hash route names the new data set.
      const after = new URL(s.page.url());
      assert.equal(after.origin + after.pathname, new URL(before).origin + new URL(before).pathname);
      assert.match(after.hash, /^#\/data/);
      // The list follows once the data set is stored.
      await s.page.getByTestId('dataset-list').locator('.name', { hasText: 'elsewhere.csv' }).waitFor();
      assert.deepEqual(await s.page.getByTestId('dataset-list').locator('.name').allTextContents(), ['elsewhere.csv']);
    } finally {
      await s.close();
    }
  });

  it('keeps keyboard focus in place and refuses a blank name', async () => {
    const s = await openApp();
    const focused = () =>
      s.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? el.textContent?.trim();
      });
    try {
      // The job status is one live region, in the page before any import starts.
      const status = s.page.getByTestId('import-status');
      assert.equal(await status.getAttribute('role'), 'status');
      assert.equal(await status.textContent(), '');
      // The sample button is disabled while the import runs; at the end the outcome takes focus.
      await s.page.getByRole('button', { name: /Telco customer churn/ }).focus();
      await s.page.keyboard.press('Enter');
      await s.page.getByTestId('open-dataset').locator('h2', { hasText: 'telco-churn.csv' }).waitFor();
      await s.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'import-status');
      assert.match(await status.innerText(), /Imported 7,043 rows/);
      await screenshot(s.page, 'import-done-focused');

      // A failed type change leaves the select on the column's actual type.
      const gender = s.page.locator('[data-column="gender"] select');
      const actual = await gender.inputValue();
      await gender.selectOption('number');
      await s.page.getByText(/Could not change the type/).waitFor();
      assert.equal(await gender.inputValue(), actual);

      // Tabs: End goes to the last tab, Home to the first.
      await s.page.getByRole('tab', { name: 'Columns' }).focus();
      await s.page.keyboard.press('End');
      assert.equal(await s.page.getByRole('tab', { name: /Import report/ }).getAttribute('aria-selected'), 'true');
      assert.match(String(await focused()), /Import report/);
      await s.page.keyboard.press('Home');
      assert.equal(await s.page.getByRole('tab', { name: 'Columns' }).getAttribute('aria-selected'), 'true');
      assert.equal(await focused(), 'Columns');

      const rename = s.page.getByRole('button', { name: 'Rename: telco-churn.csv' });
      await rename.click();
      const input = s.page.getByRole('textbox', { name: /New name for/ });
      await input.fill('   ');
      await input.press('Enter');
      const error = s.page.getByTestId('rename-error');
      assert.match(await error.innerText(), /cannot be only spaces/);
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      await screenshot(s.page, 'rename-blank-refused');
      assert.equal(await s.page.getByTestId('dataset-list').locator('.name').count(), 0);
      // Escape and "Keep old name" both give focus back to the item's Rename button.
      await input.press('Escape');
      assert.equal(await focused(), 'Rename: telco-churn.csv');
      await rename.click();
      await s.page.getByRole('button', { name: 'Keep old name' }).click();
      assert.equal(await focused(), 'Rename: telco-churn.csv');
      await rename.click();
      await input.fill('Telco');
      await s.page.getByRole('button', { name: 'Save name' }).click();
      await s.page.getByRole('button', { name: 'Rename: Telco' }).waitFor();
      assert.equal(await focused(), 'Rename: Telco');

      // After a delete, focus goes to the list heading.
      s.page.once('dialog', (dialog) => void dialog.accept());
      await s.page.getByRole('button', { name: 'Delete: Telco' }).click();
      await s.page.getByText('No data sets yet.').waitFor();
      assert.equal(await focused(), 'Your data sets');
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  });

  it('says so when a sample cannot be fetched', async () => {
    const s = await openApp();
    try {
      await s.page.route('**/samples/telco-churn.csv', (route) => route.abort('internetdisconnected'));
      await s.page.getByRole('button', { name: /Telco customer churn/ }).click();
      assert.match(await s.page.getByRole('alert').innerText(), /The sample could not be loaded from this site/);
      assert.equal(await s.page.getByTestId('open-dataset').count(), 0);
    } finally {
      await s.close();
    }
  });

  it('says so when the disk is full, keeps the new data open and the stored data intact', async () => {
    const s = await openApp({ fillableDisk: true });
    try {
      await s.page.getByRole('button', { name: /Champagne monthly sales/ }).click();
      await s.page.getByTestId('dataset-list').locator('.name', { hasText: 'champagne-sales.csv' }).waitFor();
      await s.page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
      await s.page.getByRole('button', { name: /Telco customer churn/ }).click();
      await s.page.getByText(/could not be saved in this browser: This browser has no room left/).waitFor();
      // The new data set is open to work with; the stored list is unchanged.
      await s.page.getByTestId('open-dataset').locator('h2', { hasText: 'telco-churn.csv' }).waitFor();
      assert.deepEqual(await s.page.getByTestId('dataset-list').locator('.name').allTextContents(), ['champagne-sales.csv']);
      await screenshot(s.page, 'disk-full');
      await s.page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = false));
      await s.page.reload();
      await s.page.getByTestId('open-dataset').locator('h2', { hasText: 'champagne-sales.csv' }).waitFor();
      assert.deepEqual(await s.page.getByTestId('dataset-list').locator('.name').allTextContents(), ['champagne-sales.csv']);
      assert.match(await s.page.getByTestId('open-dataset').locator('.meta').innerText(), /94 rows/);
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
      await s.page.getByTestId('dataset-list').locator('.name', { hasText: 'champagne-sales.csv' }).waitFor();
      assert.deepEqual(await s.page.getByTestId('dataset-list').locator('.name').allTextContents(), ['champagne-sales.csv']);
      await screenshot(s.page, 'memory-mode');
    } finally {
      await s.close();
    }
  });

  it('can be used with the keyboard alone, with a visible focus', async () => {
    const s = await openApp();
    try {
      // Skip link, then the links of the eight screens, then the file button.
      for (let i = 0; i < 10; i++) await s.page.keyboard.press('Tab');
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

  it('says so, with a reload, when a screen’s code cannot be fetched', async () => {
    const s = await openApp();
    try {
      // As after a site update that removed the old chunk, or with the connection gone.
      await s.page.route(/PricingView-[^/]*\.js$/, (route) => route.abort());
      await s.page.getByRole('link', { name: 'Pricing' }).click();
      const failed = s.page.getByTestId('screen-load-failed');
      await failed.waitFor();
      assert.match(await failed.innerText(), /This screen could not be loaded/);
      assert.equal(await failed.getByRole('button', { name: 'Reload' }).count(), 1);
      // The other screens still open.
      await s.page.getByRole('link', { name: 'Data', exact: true }).click();
      await s.page.getByRole('button', { name: /Telco customer churn/ }).waitFor();
    } finally {
      await s.close();
    }
  });
});
