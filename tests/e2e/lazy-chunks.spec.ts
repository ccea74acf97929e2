import type { Page } from '@playwright/test';
import { test, expect, expectErrors, StudioPage } from './fixtures';

// The screens and dialogs whose code is a lazily loaded chunk (src/ui/chunks.rs): how a
// user opens each, and what it shows once its code has arrived and runs.
const LAZY_VIEWS: { name: string; chunk: RegExp; open: (studio: StudioPage) => Promise<void>; works: (studio: StudioPage) => Promise<void> }[] = [
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
    },
  },
];

async function waitUntilCached(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

for (const view of LAZY_VIEWS) {
  test(`${view.name} loads its chunk on first use, after a cold load`, async ({ page, studio }) => {
    const chunks: string[] = [];
    page.on('request', (request) => chunks.push(request.url()));
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
    await view.open(studio);
    await view.works(studio);
  });

  test.describe(() => {
    // The service worker would serve the chunk from its cache, past the 404 route.
    test.use({ serviceWorkers: 'block' });
    test(`${view.name}: a chunk that fails to load says so, offers Retry, and leaves the draft alone`, async ({ page, pageErrors, studio }) => {
      // wasm-split logs the failed fetch; the browser logs the 404.
      expectErrors(pageErrors, /404|Failed to load resource|WebAssembly|HTTP status code is not ok|Incorrect response MIME type/);
      await studio.fillSeedCard();
      await studio.waitUntilSaved();
      const stored = await studio.storedKeys();
      await page.route(view.chunk, (route) => route.fulfill({ status: 404, body: 'Not found' }));

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
}

test('no screen or lazy view violates the Content-Security-Policy', async ({ page, studio }) => {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await expect(studio.field('Name')).toBeVisible();
  for (const view of LAZY_VIEWS) {
    await view.open(studio);
    await view.works(studio);
  }
  for (const screen of ['Editor', 'Review', 'Library', 'Viewer']) {
    await page.getByRole('button', { name: screen, exact: true }).click();
  }
  expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
});
