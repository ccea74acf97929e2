// The crash fallback (js/crash.js): when the app's wasm traps, a plain script says so
// and downloads every stored draft as a backup that the library restores.
//
// The traps are real: the build in dist-crash/ (`make dist-crash`, the `crash-test`
// feature) has a hidden `mcs:test-trap` event that makes the app panic, which with
// `panic = "abort"` is a WebAssembly `unreachable`. The pages of these tests are served
// from dist-crash/ at the usual address; the restore, and the checks that the shipped
// build has no such trigger, use dist/ as every other spec does.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, expectErrors, StudioPage } from './fixtures';

const CRASH_BUILD = 'dist-crash';
const PREFIX = 'model-card-studio/v1/';

// The service worker would answer from its cache, past the route to dist-crash/.
test.use({ serviceWorkers: 'block' });

/** Serves every file of the page from dist-crash/ instead of dist/. */
async function serveCrashBuild(page: Page) {
  if (!existsSync(join(CRASH_BUILD, 'index.html'))) {
    throw new Error(`${CRASH_BUILD}/ is missing: build it with \`make dist-crash\` (make test does)`);
  }
  await page.route('http://127.0.0.1:*/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/+/, '') || 'index.html';
    const file = join(CRASH_BUILD, decodeURIComponent(path));
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({ path: file });
  });
}

/** The trap of the crash-test build: "edit" (window error), "promise" or "render". */
async function trap(page: Page, how: 'edit' | 'promise' | 'render') {
  await page.evaluate((how) => window.dispatchEvent(new CustomEvent('mcs:test-trap', { detail: how })), how);
}

const fallback = (page: Page) => page.getByRole('dialog', { name: 'Model Card Studio has stopped working' });

/** Two drafts, saved: "Alpha" (edited by hand) and "Beta" (imported), and a corrupt record. */
async function twoDrafts(studio: StudioPage, page: Page) {
  await page.evaluate((prefix) => localStorage.setItem(`${prefix}draft/broken`, '{"id": "broken", "card": '), PREFIX);
  await studio.open();
  await studio.fillSeedCard();
  await studio.field('Name').fill('Alpha');
  await studio.waitUntilSaved();
  const info = JSON.stringify({ name: 'Beta', version: '2.0', metrics: { accuracy: 0.8 } });
  await studio.importFile('beta.json', info);
  await studio.waitUntilSaved();
}

test.describe('in the crash-test build', () => {
  test.beforeEach(async ({ page, pageErrors }) => {
    // The panic hook logs the panic, and the page reports the trap: that is the point.
    // A trap inside a signal's update leaves that signal locked for good (an abort does
    // not unwind), so a timer or a pending effect that reads it afterwards (the preview,
    // the autosave) panics again with reactive_graph's "already been disposed": part of
    // the same crash, which the fallback already shows.
    expectErrors(
      pageErrors,
      /forced trap \(crash-test build\)|RuntimeError: unreachable|unreachable|Tried to access a reactive value that has already been disposed/,
    );
    await serveCrashBuild(page);
  });

  test('a trap shows the fallback, whose backup the library restores in full', async ({ page, browser }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await twoDrafts(studio, page);
    const stored = await studio.storedKeys();

    await trap(page, 'edit');
    const dialog = fallback(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Your drafts are safe in this browser as they were last saved');
    await expect(dialog).toContainText('3 drafts are stored in this browser.');
    const save = dialog.getByRole('button', { name: 'Download all drafts' });
    await expect(save).toBeFocused();
    await expect(dialog.getByRole('button', { name: 'Reload the page' })).toBeVisible();
    // The page behind it is inert; Escape does not hide the only way out.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    // WCAG AA in the app's own styles, in both colour schemes.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('[data-testid=crash-fallback]').analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    }

    // By keyboard, as the focus already is.
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('model-card-studio-backup.json');
    const text = readFileSync(await download.path(), 'utf8');
    await expect(dialog.getByRole('status')).toHaveText(/Downloaded model-card-studio-backup\.json\. In the library, “Restore from backup” takes it back\./);
    // Nothing in storage was touched by the trap or the download.
    expect(await studio.storedKeys()).toEqual(stored);

    const bundle = JSON.parse(text);
    expect(bundle.format).toBe('model-card-studio/backup');
    expect(bundle.drafts).toHaveLength(3);
    // Each draft is in the file exactly as it was stored; the corrupt one as a string.
    for (const [key, value] of Object.entries(stored).filter(([key]) => key.startsWith(`${PREFIX}draft/`))) {
      expect(text, key).toContain(key.endsWith('/broken') ? JSON.stringify(value) : value);
    }

    // Restored into the shipped build, in a browser that has never seen these drafts.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const fresh = await context.newPage();
    const errors: string[] = [];
    fresh.on('pageerror', (error) => errors.push(error.message));
    fresh.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const other = new StudioPage(fresh);
    await other.open();
    await other.goToLibrary();
    await fresh.getByLabel('Restore from backup').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    const restore = fresh.getByRole('dialog', { name: 'Restore drafts from a backup' });
    await expect(restore.getByTestId('restore-summary')).toHaveText('2 added, 0 replaced, 0 kept because they are newer here, 0 added as copies, 0 unchanged.');
    await expect(restore).toContainText('Skipped: draft');
    await restore.getByRole('button', { name: 'Restore' }).click();
    await expect(other.libraryRow('Beta')).toBeVisible();
    await other.openFromLibrary('Alpha');
    await expect(other.field('Limitations')).toHaveValue('May misclassify rare images');
    await expect(other.metricValue(1)).toHaveValue('0.92');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a trap in a promise callback (an unhandled rejection) shows it too', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.field('Name').fill('Only draft');
    await studio.waitUntilSaved();
    await trap(page, 'promise');
    await expect(fallback(page)).toBeVisible();
    await expect(fallback(page)).toContainText('1 draft is stored in this browser.');
    await expect(fallback(page).locator('code')).toContainText('RuntimeError');
  });

  test('a screen that traps while it is built (the Review crash of issue 14) shows it, not a frozen page', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.field('Name').fill('Frozen review');
    await studio.waitUntilSaved();
    await trap(page, 'render');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(fallback(page)).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      fallback(page).getByRole('button', { name: 'Download all drafts' }).click(),
    ]);
    const bundle = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(bundle.drafts.map((d: any) => d.card.model_details.name)).toEqual(['Frozen review']);
  });

  test('when the browser gives no storage it says nothing was saved, and offers only a reload', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const studio = new StudioPage(page);
    await studio.open();
    await studio.field('Name').fill('Only in memory');
    await trap(page, 'edit');
    const dialog = fallback(page);
    await expect(dialog).toContainText('This browser gives the app no storage, so nothing was saved in it');
    await expect(dialog).toContainText("No draft can be read from this browser's storage (The operation is insecure.).");
    await expect(dialog.getByRole('button', { name: 'Download all drafts' })).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Reload the page' })).toBeFocused();
  });
});

test('the shipped build has no trap trigger, and plain script errors never show the fallback', async ({ studio, page, pageErrors }) => {
  const wasm = readdirSync('dist').filter((name) => name.endsWith('.wasm'));
  expect(wasm.length).toBeGreaterThan(0);
  for (const name of wasm) expect(readFileSync(join('dist', name)).includes('crash-test build'), name).toBe(false);

  await studio.field('Name').fill('Still working');
  await studio.waitUntilSaved();
  await trap(page, 'edit');
  await trap(page, 'promise');
  expectErrors(pageErrors, /a plain script error/);
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('a plain script error');
    });
    void Promise.reject(new Error('a plain script error, rejected'));
  });
  await studio.field('Name').fill('Still working, edited');
  await studio.waitUntilSaved();
  await expect(fallback(page)).toHaveCount(0);
});
