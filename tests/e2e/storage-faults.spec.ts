import { test, expect, StudioPage } from './fixtures';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

const PREFIX = 'model-card-studio/v1/';

/** Makes every later setItem throw the given error, as a full disk would. */
async function breakSetItem(page: Page, kind: 'name' | 'firefox' | 'code') {
  await page.evaluate((kind) => {
    const make = () => {
      if (kind === 'name') return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (kind === 'firefox') return new DOMException('Persistent storage maximum size reached', 'NS_ERROR_DOM_QUOTA_REACHED');
      // An old WebKit spelling: only the legacy code says what happened.
      return Object.create(DOMException.prototype, {
        name: { value: 'QUOTA_EXCEEDED_ERR' },
        code: { value: 22 },
        message: { value: 'QUOTA_EXCEEDED_ERR: DOM Exception 22' },
      });
    };
    const original = Storage.prototype.setItem;
    (window as any).__repairSetItem = () => (Storage.prototype.setItem = original);
    Storage.prototype.setItem = function () {
      throw make();
    };
  }, kind);
}

for (const kind of ['name', 'firefox', 'code'] as const) {
  test(`a full storage (${kind} spelling) keeps the edits, offers a backup and leaves the stored version intact`, async ({ studio, page }) => {
    await studio.field('Name').fill('Stored version');
    await studio.waitUntilSaved();
    const storedBefore = await studio.storedKeys();

    await breakSetItem(page, kind);
    await studio.field('Name').fill('Edited while full');
    await expect(page.getByRole('alert').filter({ hasText: 'Not saved: browser storage is full.' })).toBeVisible();
    await expect(studio.saveState).toHaveText('Not saved: browser storage is full');
    await expect(page.getByText(/This site uses .* of browser storage, .* of it for Model Card Studio/)).toBeVisible();

    // Nothing typed is lost, and nothing stored was touched.
    await expect(studio.field('Name')).toHaveValue('Edited while full');
    expect(await studio.storedKeys()).toEqual(storedBefore);
    const backup = await studio.download('Download backup');
    expect(JSON.parse(backup.text).card.model_details.name).toBe('Edited while full');

    // Every edit retries; once there is room again, it saves.
    await page.evaluate(() => (window as any).__repairSetItem());
    await studio.field('Name').fill('Saved after all');
    await studio.waitUntilSaved();
    await expect(page.getByText('Not saved: browser storage is full.')).toHaveCount(0);
    expect(Object.values(await studio.storedKeys()).join()).toContain('Saved after all');
  });
}

test('really filling the quota with padding keys', async ({ studio, page }) => {
  await studio.field('Name').fill('Small and stored');
  await studio.waitUntilSaved();
  const stored = Object.entries(await studio.storedKeys()).filter(([key]) => key.startsWith(`${PREFIX}draft/`));

  // Fill the origin's storage with another app's keys until nothing more fits.
  await page.evaluate(() => {
    let size = 512 * 1024;
    for (let i = 0; size >= 16; i++) {
      try {
        localStorage.setItem(`padding-${i}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await studio.field('Description').fill('A long description. '.repeat(200));
  await expect(page.getByText('Not saved: browser storage is full.')).toBeVisible();
  await expect(studio.field('Description')).toHaveValue(/^A long description/);
  const after = await studio.storedKeys();
  for (const [key, value] of stored) expect(after[key], `${key} is intact`).toBe(value);

  // Free the space; the next edit saves.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('padding-')).forEach((k) => localStorage.removeItem(k)));
  await studio.field('Name').fill('Stored again');
  await studio.waitUntilSaved();
});

test('when the localStorage getter throws SecurityError, the app runs in memory and export still works', async ({ page, pageErrors }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const studio = new StudioPage(page);
  await studio.open();
  await expect(page.getByRole('alert').filter({ hasText: 'Browser storage is not available' })).toBeVisible();
  await expect(studio.saveState).toHaveText('Not saved: browser storage is not available');

  await studio.field('Name').fill('Only in memory');
  await expect(studio.preview.getByRole('heading', { level: 1 })).toHaveText('Only in memory');
  const json = await studio.download('Download JSON', page.locator('.editor-toolbar'));
  expect(JSON.parse(json.text).card.model_details.name).toBe('Only in memory');
  // The warning stays.
  await expect(page.getByRole('alert').filter({ hasText: 'Browser storage is not available' })).toBeVisible();
  expect([...pageErrors]).toEqual([]);
});

test('when localStorage is null, the app runs in memory too', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get: () => null });
  });
  const studio = new StudioPage(page);
  await studio.open();
  await expect(page.getByRole('alert').filter({ hasText: 'Browser storage is not available' })).toBeVisible();
  await studio.field('Name').fill('Still works');
  await expect(studio.field('Name')).toHaveValue('Still works');
});

test('seeded corrupt, foreign and future-version records are quarantined, kept and offered for download', async ({ page }) => {
  const good = {
    schema_version: 1,
    id: 'old1',
    generation: 2,
    updated_at: 1764180000000,
    card: { model_details: { name: 'From the first release', version: { name: '0.9' } } },
  };
  const future = {
    schema_version: 99,
    id: 'future1',
    generation: 5,
    updated_at: 1764190000000,
    created_at: 1764190000000,
    card: { model_details: { name: 'From a newer app' }, new_section: { x: 1 } },
    workflow: { status: 'draft', something: 'new' },
  };
  const seeds: Record<string, string> = {
    [`${PREFIX}draft/old1`]: JSON.stringify(good),
    [`${PREFIX}draft/future1`]: JSON.stringify(future),
    [`${PREFIX}draft/corrupt1`]: '{"schema_version":2,"id":"corrupt1","card":{"model_details":{"na',
    [`${PREFIX}draft/foreign1`]: JSON.stringify({ hello: 'world' }),
    'someone-else/data': 'not ours',
  };
  await page.addInitScript((seeds) => {
    if (!sessionStorage.getItem('seeded')) {
      for (const [key, value] of Object.entries(seeds)) localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', 'yes');
    }
  }, seeds);
  await page.goto('./');
  const studio = new StudioPage(page);

  // The app starts, on the library, listing what it can read.
  await expect(page.getByRole('heading', { name: 'Drafts', level: 2 })).toBeVisible();
  await expect(studio.libraryRow('From the first release')).toBeVisible();
  await expect(studio.libraryRow('From a newer app')).toContainText('Read-only: newer app');
  const problems = page.getByRole('region', { name: '2 stored records could not be read' });
  await expect(problems).toContainText(`${PREFIX}draft/corrupt1`);
  await expect(problems).toContainText(`${PREFIX}draft/foreign1`);
  await expect(problems).toContainText('not valid JSON');
  await expect(problems).toContainText('not a Model Card Studio draft');

  // A quarantined record downloads exactly as stored.
  const raw = await studio.download(`Download ${PREFIX}draft/corrupt1`);
  expect(raw.text).toBe(seeds[`${PREFIX}draft/corrupt1`]);

  // The old record opens, migrated; the future one opens read-only with a message.
  await studio.openFromLibrary('From the first release');
  await expect(studio.field('Version')).toHaveValue('0.9');
  await studio.goToLibrary();
  await studio.libraryRow('From a newer app').getByRole('button', { name: 'From a newer app', exact: true }).click();
  await expect(page.getByText(/saved by a newer version of Model Card Studio/)).toBeVisible();
  await expect(studio.field('Name')).toBeDisabled();
  await expect(studio.saveState).toHaveText('Read-only');

  // Nothing seeded was overwritten or deleted, except the migrated record's own save.
  await page.reload();
  const stored = await studio.storedKeys();
  for (const key of [`${PREFIX}draft/future1`, `${PREFIX}draft/corrupt1`, `${PREFIX}draft/foreign1`, 'someone-else/data']) {
    expect(stored[key], key).toBe(seeds[key]);
  }
});

test('two tabs on the same draft: the other tab notices, and cannot overwrite the newer save', async ({ context, page }) => {
  const first = new StudioPage(page);
  await first.open();
  await first.field('Name').fill('Shared draft');
  await first.waitUntilSaved();

  const secondPage = await context.newPage();
  const second = new StudioPage(secondPage);
  await second.open();
  await expect(second.field('Name')).toHaveValue('Shared draft');

  await first.field('Description').fill('Written in the first tab');
  await first.waitUntilSaved();
  await expect(secondPage.getByRole('alert').filter({ hasText: 'This draft was changed in another tab.' })).toBeVisible();

  await second.field('Description').fill('Written in the second tab');
  await expect(second.saveState).toHaveText('Not saved: this draft was changed in another tab');
  const stored = Object.values(await first.storedKeys()).join('\n');
  expect(stored).toContain('Written in the first tab');
  expect(stored).not.toContain('Written in the second tab');

  await secondPage.getByRole('button', { name: 'Keep both' }).click();
  await expect(second.field('Description')).toHaveValue('Written in the second tab');
  await second.waitUntilSaved();
  const both = Object.values(await first.storedKeys()).join('\n');
  expect(both).toContain('Written in the first tab');
  expect(both).toContain('Written in the second tab');
  await secondPage.close();
});

test('two tabs: "Reload" takes the other tab’s version', async ({ context, page }) => {
  const first = new StudioPage(page);
  await first.open();
  await first.field('Name').fill('Shared');
  await first.waitUntilSaved();
  const secondPage = await context.newPage();
  const second = new StudioPage(secondPage);
  await second.open();

  await first.field('Name').fill('Shared, renamed in tab one');
  await first.waitUntilSaved();
  await secondPage.getByRole('button', { name: 'Reload' }).click();
  await expect(second.field('Name')).toHaveValue('Shared, renamed in tab one');
  await expect(secondPage.getByText('This draft was changed in another tab.')).toHaveCount(0);
  await secondPage.close();
});

test('closing the page in the middle of an edit keeps the last keystroke', async ({ context, studio, page }) => {
  await studio.field('Name').pressSequentially('Typed then closed');
  // Close at once, inside the autosave pause.
  await page.close({ runBeforeUnload: true });

  const again = new StudioPage(await context.newPage());
  await again.open();
  await expect(again.field('Name')).toHaveValue('Typed then closed');
});

test('the save status says when it saved, and the persistence of storage is shown', async ({ studio, page }) => {
  await studio.field('Name').fill('Timed');
  await studio.waitUntilSaved();
  await expect(page.getByTestId('save-state-line')).toHaveText(/^Saved · (just now|\d+ s ago)$/);
  await expect(page.getByTestId('save-state-line')).toHaveText(/^Saved · \d+ s ago$/, { timeout: 5000 });
  await expect(page.getByTestId('persistence')).toHaveText(/^Storage: (persistent|may be cleared by the browser)$/);
});

test('when storage is not persistent, a gentle reminder offers a backup and can be dismissed', async ({ page }) => {
  await page.addInitScript(() => {
    const fake = { persisted: async () => false, persist: async () => false, estimate: async () => ({ usage: 0, quota: 0 }) };
    Object.defineProperty(navigator, 'storage', { get: () => fake });
  });
  const studio = new StudioPage(page);
  await studio.open();
  await expect(page.getByTestId('persistence')).toHaveText('Storage: may be cleared by the browser');
  const reminder = page.getByRole('status').filter({ hasText: 'Your browser may clear stored drafts' });
  await expect(reminder).toBeVisible();
  await reminder.getByRole('button', { name: 'Dismiss' }).click();
  await expect(reminder).toHaveCount(0);
});

test('when storage is persistent, there is no reminder', async ({ page }) => {
  await page.addInitScript(() => {
    const fake = { persisted: async () => true, persist: async () => true };
    Object.defineProperty(navigator, 'storage', { get: () => fake });
  });
  const studio = new StudioPage(page);
  await studio.open();
  await expect(page.getByTestId('persistence')).toHaveText('Storage: persistent');
  await expect(page.getByText('Your browser may clear stored drafts')).toHaveCount(0);
});

test('the library shows what drafts use; from 80% full, filled by another page of the site, it warns with what frees space', async ({ studio, page }) => {
  // A draft with an old version: sent back once, then approved (two kept versions, one approved).
  await studio.importFile('filled-card.json', await readFile('tests/fixtures/filled-card.json', 'utf8'));
  await studio.goToReview();
  for (const box of await page.getByRole('checkbox', { name: /^Done: / }).all()) await box.check();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await studio.recordReview('Rita Reviewer', 'Ethics board', 'Request changes', 'Name the lighting levels.');
  await expect(studio.status).toHaveText('Draft');
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await studio.field('Limitations').fill('May misclassify rare images and photos taken in low light.');
  await studio.goToReview();
  for (const box of await page.getByRole('checkbox', { name: /^Done: / }).all()) await box.check();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await studio.recordReview('Rita Reviewer', 'Ethics board', 'Approve');
  await expect(studio.status).toHaveText('Approved');
  // A second draft in the trash, and a third one open.
  await studio.goToLibrary();
  await studio.importFile('beta.json', JSON.stringify({ name: 'Beta', version: '1' }));
  await studio.goToLibrary();
  await studio.importFile('gamma.json', JSON.stringify({ name: 'Gamma', version: '1' }));
  await studio.waitUntilSaved();
  await studio.goToLibrary();
  await page.getByRole('button', { name: 'Delete Beta', exact: true }).click();

  await studio.goToLibrary();
  const meter = page.getByTestId('storage-meter').locator('label');
  await expect(meter).toHaveText(/^Drafts use \d+(\.\d)? KB of about 5 MB of browser storage\.$/);
  await expect(page.getByRole('meter', { name: /^Drafts use/ })).toBeVisible();
  await expect(page.getByTestId('storage-warning')).toHaveCount(0);

  // Another project on the same github.io origin keeps 4.3 million characters.
  await page.evaluate(() => localStorage.setItem('another-project/cache', 'x'.repeat(4_300_000)));
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await studio.goToLibrary();
  await expect(meter).toContainText(/Other pages of this site use 4\.1 MB of it\./);
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toHaveRole('alert');
  await expect(warning).toContainText(/^Browser storage is 8\d% full\. When it is full, edits can no longer be saved in this browser\. Free some space now:/);

  // Each action that frees space is there and works.
  const backup = await studio.download('Download a backup', warning);
  const names = JSON.parse(backup.text).drafts.map((d: any) => d.card.model_details.name);
  expect(names).toEqual(expect.arrayContaining(['ImageClassifier', 'Beta', 'Gamma']));

  const before = await page.evaluate(() => Object.entries(localStorage).reduce((n, [k, v]) => n + k.length + v.length, 0));
  page.once('dialog', (dialog) => dialog.accept());
  await warning.getByRole('button', { name: 'Empty the trash (1 draft)' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Emptied the trash: 1 draft deleted for good.');
  await expect(warning.getByRole('button', { name: 'Empty the trash (0 drafts)' })).toBeDisabled();

  page.once('dialog', (dialog) => dialog.accept());
  await warning.getByRole('button', { name: 'Drop old versions' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Dropped 1 old version from 1 draft. Every approved and published version is kept.');
  const after = await page.evaluate(() => Object.entries(localStorage).reduce((n, [k, v]) => n + k.length + v.length, 0));
  expect(after).toBeLessThan(before);
  // The approved version stays, and the review screen still shows the whole history.
  const records = Object.entries(await studio.storedKeys())
    .filter(([key]) => key.startsWith(`${PREFIX}draft/`))
    .map(([, value]) => JSON.parse(value));
  const reviewed = records.find((r) => r.workflow.status === 'approved');
  expect(reviewed.workflow.snapshots).toHaveLength(1);
  expect(reviewed.workflow.snapshots[0].taken.map((t: [string, number]) => t[0])).toContain('approved');
  page.once('dialog', (dialog) => dialog.accept());
  await warning.getByRole('button', { name: 'Drop old versions' }).click();
  await expect(page.getByTestId('notice')).toHaveText(/^No old versions to drop/);

  // Once the other project's data is gone, so is the warning.
  await page.evaluate(() => localStorage.removeItem('another-project/cache'));
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await studio.goToLibrary();
  await expect(meter).not.toContainText('Other pages');
  await expect(warning).toHaveCount(0);
});

test('storage that is not available shows no meter in the library', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'localStorage', { get: () => null }));
  const studio = new StudioPage(page);
  await studio.open();
  await studio.goToLibrary();
  await expect(page.getByRole('heading', { name: 'Drafts', level: 2 })).toBeVisible();
  await expect(page.getByTestId('storage-meter')).toHaveCount(0);
});
