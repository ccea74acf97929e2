import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect, expectErrors, StudioPage } from './fixtures';

// The screens and dialogs whose code is a lazily loaded chunk (src/ui/chunks.rs): how a
// user opens each, and what it shows once its code has arrived and runs. `works` leaves
// the page as it found it (a dialog closed again), and never edits the open draft.
type LazyView = {
  name: string;
  chunk: RegExp;
  /** A phone's viewport, where the view is not on the first screen (the preview). */
  phone?: boolean;
  /** What the draft needs for the view to show (before the 404 test's snapshot). */
  prepare?: (studio: StudioPage) => Promise<void>;
  open: (studio: StudioPage) => Promise<void>;
  works: (studio: StudioPage) => Promise<void>;
};

const FILLED = readFileSync('tests/fixtures/filled-card.json', 'utf8');

/** The dialogs, the preview and the report belong to the editor screen. */
const toEditor = (studio: StudioPage) => studio.page.getByRole('button', { name: 'Editor', exact: true }).click();

const LAZY_VIEWS: LazyView[] = [
  {
    name: 'the review screen',
    chunk: /split_review-[0-9a-f]{16}\.wasm$/,
    open: async (studio) => studio.page.getByRole('button', { name: 'Review', exact: true }).click(),
    works: async (studio) => {
      await expect(studio.page.getByRole('heading', { name: 'Review and publish' })).toBeVisible();
      await expect(studio.status).toHaveText('Draft');
      // The checklist is interactive: its code is in the chunk.
      const box = studio.page.getByRole('checkbox', { name: /^Done: / }).first();
      await box.check();
      await expect(box).toBeChecked();
      await box.uncheck();
    },
  },
  {
    name: 'the library',
    chunk: /split_library-[0-9a-f]{16}\.wasm$/,
    open: async (studio) => studio.page.getByRole('button', { name: 'Library', exact: true }).click(),
    works: async (studio) => {
      await expect(studio.page.getByRole('heading', { name: 'Drafts', level: 2 })).toBeVisible();
      await expect(studio.libraryRows).toHaveCount(1);
      // The search runs in the chunk.
      const search = studio.page.getByRole('searchbox');
      await search.fill('no draft is called this');
      await expect(studio.libraryRows).toHaveCount(0);
      await search.fill('');
      await expect(studio.libraryRows).toHaveCount(1);
    },
  },
  {
    name: 'the viewer',
    chunk: /split_viewer-[0-9a-f]{16}\.wasm$/,
    open: async (studio) => studio.page.getByRole('button', { name: 'Viewer', exact: true }).click(),
    works: async (studio) => {
      await expect(studio.page.getByRole('heading', { name: 'Card viewer' })).toBeVisible();
      await studio.page.getByLabel('Open a card file').setInputFiles({ name: 'filled-card.json', mimeType: 'application/json', buffer: Buffer.from(FILLED) });
      const card = studio.page.getByRole('article', { name: 'Card', exact: true });
      // Rendered through the sanitizer, which arrives with the chunk: not the escaped fallback.
      await expect(card.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(card.locator('pre.unrendered')).toHaveCount(0);
    },
  },
  {
    name: 'the preview',
    chunk: /split_preview-[0-9a-f]{16}\.wasm$/,
    phone: true,
    // On a phone the preview is below the form: it loads when scrolled near.
    open: async (studio) => {
      await toEditor(studio);
      await studio.page.locator('section.preview').scrollIntoViewIfNeeded();
    },
    works: async (studio) => {
      await expect(studio.preview).toBeVisible();
      await expect(studio.preview.locator('section.rendered-section').first()).toBeVisible();
      await expect(studio.preview.locator('pre.unrendered')).toHaveCount(0);
    },
  },
  {
    name: 'the new-card dialog',
    chunk: /split_new_card-[0-9a-f]{16}\.wasm$/,
    open: async (studio) => {
      await toEditor(studio);
      await studio.page.getByRole('button', { name: 'New card', exact: true }).click();
    },
    works: async (studio) => {
      const dialog = studio.page.getByRole('dialog', { name: 'Start a new card' });
      await expect(dialog).toBeVisible();
      await expect(dialog.locator('button.template')).not.toHaveCount(0);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
    },
  },
  {
    name: 'the share dialog',
    chunk: /split_share-[0-9a-f]{16}\.wasm$/,
    open: async (studio) => {
      await toEditor(studio);
      await studio.page.getByRole('button', { name: 'Share link', exact: true }).click();
    },
    works: async (studio) => {
      const dialog = studio.page.getByRole('dialog', { name: 'Share link' });
      await expect(dialog.getByLabel('Link')).toHaveValue(/#card=/);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toBeHidden();
    },
  },
  {
    name: 'the metrics dialog',
    chunk: /split_metrics-[0-9a-f]{16}\.wasm$/,
    open: async (studio) => {
      await toEditor(studio);
      await studio.page.getByLabel('Import', { exact: true }).setInputFiles({ name: 'all_results.json', mimeType: 'application/json', buffer: Buffer.from('{"accuracy": 0.95}') });
    },
    works: async (studio) => {
      const dialog = studio.page.getByRole('dialog', { name: 'Merge the metrics from all_results.json' });
      await expect(dialog.getByTestId('metrics-summary')).toContainText(/1 (added|replaced)/);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
    },
  },
  {
    name: 'the import report',
    chunk: /split_transfer-[0-9a-f]{16}\.wasm$/,
    // An empty card downloads without notes, so without a report; MCT JSON has no field
    // of its own for out-of-scope uses, and says so.
    prepare: (studio) => studio.field('Out-of-scope uses').fill('Medical diagnosis'),
    open: async (studio) => {
      await toEditor(studio);
      await studio.download('Download MCT JSON');
    },
    works: async (studio) => {
      const report = studio.page.getByTestId('transfer-report');
      await expect(report.getByRole('heading')).toHaveText(/^Downloaded .*\.mct\.json$/);
      await expect(report).toContainText('Out-of-scope uses went into considerations.limitations.');
      await report.getByRole('button', { name: 'Dismiss report' }).click();
      await expect(report).toBeHidden();
    },
  },
];

async function waitUntilCached(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

for (const view of LAZY_VIEWS) test.describe(() => {
  if (view.phone) test.use({ viewport: { width: 412, height: 823 } });

  test(`${view.name} loads its chunk on first use, after a cold load`, async ({ page, studio }) => {
    const chunks: string[] = [];
    page.on('request', (request) => chunks.push(request.url()));
    await view.prepare?.(studio);
    expect(chunks.filter((url) => view.chunk.test(url))).toEqual([]);
    await view.open(studio);
    await view.works(studio);
    expect(chunks.filter((url) => view.chunk.test(url))).toHaveLength(1);
  });

  test(`${view.name} opens offline after one visit that never showed it`, async ({ page, context, studio }) => {
    await waitUntilCached(page);
    await context.setOffline(true);
    await page.reload();
    await expect(studio.field('Name')).toBeVisible();
    await view.prepare?.(studio);
    await view.open(studio);
    await view.works(studio);
  });

  test.describe(() => {
    // The service worker would serve the chunk from its cache, past the 404 route.
    test.use({ serviceWorkers: 'block' });
    test(`${view.name}: a chunk that fails to load says so, offers Retry, and leaves the draft alone`, async ({ page, pageErrors, studio }) => {
      // wasm-split logs the failed fetch; the browser logs the 404.
      expectErrors(pageErrors, /404|Failed to load resource|WebAssembly|HTTP status code is not ok|Incorrect response MIME type/);
      // Before the edits: on a phone, filling the form may scroll the preview near.
      await page.route(view.chunk, (route) => route.fulfill({ status: 404, body: 'Not found' }));
      await studio.fillSeedCard();
      await view.prepare?.(studio);
      await studio.waitUntilSaved();
      const stored = await studio.storedKeys();

      await view.open(studio);
      const alert = page.getByRole('alert').filter({ hasText: `Couldn't load ${view.name}` });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText('Your draft is safe and unchanged.');
      expect(await studio.storedKeys()).toEqual(stored);

      // Once the file can be fetched again, Retry shows the view.
      await page.unroute(view.chunk);
      await page.getByRole('button', { name: 'Retry' }).click();
      await view.works(studio);

      // The editor still has the draft as it was.
      await page.getByRole('button', { name: 'Editor', exact: true }).click();
      await expect(studio.field('Name')).toHaveValue('ImageClassifier');
      await expect(studio.field('Limitations')).toHaveValue('May misclassify rare images');
      const json = await studio.download('Download JSON');
      expect(JSON.parse(json.text).card.model_details.name).toBe('ImageClassifier');
    });
  });
});

test('no screen or lazy view violates the Content-Security-Policy', async ({ page, studio }) => {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await expect(studio.field('Name')).toBeVisible();
  for (const view of LAZY_VIEWS) {
    await view.prepare?.(studio);
    await view.open(studio);
    await view.works(studio);
  }
  for (const screen of ['Editor', 'Review', 'Library', 'Viewer']) {
    await page.getByRole('button', { name: screen, exact: true }).click();
  }
  expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
});

test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  test('the import and export code is a chunk too: if it cannot load, the import says so and the draft stays', async ({ page, pageErrors, studio }) => {
    expectErrors(pageErrors, /404|Failed to load resource|WebAssembly|HTTP status code is not ok|Incorrect response MIME type/);
    const formats = /split_formats-[0-9a-f]{16}\.wasm$/;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await studio.fillSeedCard();
    await studio.waitUntilSaved();
    expect(requested.filter((url) => formats.test(url)), 'not needed before the first import').toEqual([]);
    const stored = await studio.storedKeys();
    await page.route(formats, (route) => route.fulfill({ status: 404, body: 'Not found' }));

    const readme = '---\nlicense: mit\n---\n# Lazy model\n';
    await page.getByLabel('Import', { exact: true }).setInputFiles({ name: 'lazy.md', mimeType: 'text/markdown', buffer: Buffer.from(readme) });
    await expect(page.getByTestId('error')).toContainText('Could not import lazy.md. The import and export code could not run (its code did not arrive');
    await expect(page.getByTestId('error')).toContainText('Your current card is unchanged.');
    expect(await studio.storedKeys()).toEqual(stored);
    await expect(studio.field('Name')).toHaveValue('ImageClassifier');

    // Once it can be fetched, the same import works.
    await page.unroute(formats);
    await studio.importFile('lazy.md', readme, 'text/markdown');
    await expect(studio.field('Name')).toHaveValue('Lazy model');
  });
});

// Stored drafts are read by a chunk of their own (src/ui/chunks.rs, READER): the
// deserializers of the card and the workflow are not in the first download, since a
// first visit has nothing stored to read.
const READER_CHUNK = /split_reader-[0-9a-f]{16}\.wasm$/;

test('a first visit never fetches the reader of stored drafts; a return visit reads the draft with it', async ({ page, studio }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await studio.fillSeedCard();
  await studio.field('Limitations').fill('May misclassify rare images');
  await studio.waitUntilSaved();
  expect(requested.filter((url) => READER_CHUNK.test(url)), 'nothing stored to read on a first visit').toEqual([]);

  await page.reload();
  await expect(studio.field('Name')).toHaveValue('ImageClassifier');
  await expect(studio.field('Limitations')).toHaveValue('May misclassify rare images');
  await expect(studio.saveState).toHaveText('Saved');
  expect(requested.filter((url) => READER_CHUNK.test(url))).toHaveLength(1);

  // Edits after the reload are saved over the draft as read, not into a new one.
  await studio.field('Version').fill('1.1');
  await studio.waitUntilSaved();
  const drafts = Object.keys(await studio.storedKeys()).filter((key) => key.includes('/draft/'));
  expect(drafts).toHaveLength(1);
});

test('a draft deleted and restored on a first visit is read with the reader, fetched when needed', async ({ page, studio }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await studio.field('Name').fill('Kept model');
  await studio.waitUntilSaved();
  await studio.goToLibrary();
  await page.getByRole('button', { name: 'Delete Kept model', exact: true }).click();
  await expect(page.getByText('Moved “Kept model” to the trash.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Restored “Kept model” from the trash.')).toBeVisible();
  await expect(studio.libraryRow('Kept model')).toBeVisible();
  expect(requested.filter((url) => READER_CHUNK.test(url))).toHaveLength(1);
});

test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  test('if the reader of stored drafts cannot load, the app says so and leaves every stored draft as it was', async ({ page, pageErrors, studio }) => {
    expectErrors(pageErrors, /404|Failed to load resource|WebAssembly|HTTP status code is not ok|Incorrect response MIME type/);
    await studio.fillSeedCard();
    await studio.waitUntilSaved();
    const stored = await studio.storedKeys();

    await page.route(READER_CHUNK, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.reload();
    await expect(page.getByTestId('error')).toContainText("Couldn't load the code that reads your stored drafts");
    await expect(page.getByTestId('error')).toContainText('They are safe and unchanged: reload the page to try again.');
    // Nothing is written over them while the app works in memory.
    await studio.field('Name').fill('Typed while the reader was missing');
    await expect(studio.saveState).toContainText('Not saved');
    expect(await studio.storedKeys()).toEqual(stored);

    await page.unroute(READER_CHUNK);
    await page.reload();
    await expect(studio.field('Name')).toHaveValue('ImageClassifier');
    expect(await studio.storedKeys()).toEqual(stored);
  });
});
