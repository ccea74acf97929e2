import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, StudioPage } from './fixtures';
// @ts-expect-error: a plain ES module shared with `make bench`
import { serveDist } from '../../scripts/serve-dist.mjs';

const README = readFileSync(join(__dirname, '../../../shared/corpus/hf/01-ai__Yi-6B.md'), 'utf8');

/** Waits until the service worker controls the page, i.e. the app is cached. */
async function waitUntilCached(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Records every Content-Security-Policy violation, from before the app starts. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    addEventListener('securitypolicyviolation', (e) =>
      (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

test('the built page carries a strict CSP, and normal use violates none of it', async ({ page, studio }) => {
  await recordViolations(page);
  await page.reload();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of [
    "default-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='(;|$)/);
  // The one inline stylesheet (index.html's, inlined by post-build.mjs), by its hash.
  expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='(;|$)/);
  // Only style attributes may be inline; never a script.
  expect(csp!.match(/'unsafe-inline'/g)).toHaveLength(1);
  expect(csp).toContain("style-src-attr 'unsafe-inline'");

  // A session: type, import a README full of remote images, download every format,
  // visit every screen.
  await studio.fillSeedCard();
  await studio.importFile('README.md', README, 'text/markdown');
  await expect(studio.preview.locator('img').first()).toBeAttached();
  for (const format of ['JSON', 'Markdown', 'MCT JSON', 'HTML']) await studio.download(`Download ${format}`);
  await studio.goToReview();
  await studio.goToLibrary();
  expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
});

test('a whole session makes requests to its own origin only', async ({ page, context, baseURL }) => {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const studio = new StudioPage(page);
  await studio.open();
  await waitUntilCached(page);
  await studio.fillSeedCard();
  await studio.importFile('README.md', README, 'text/markdown');
  for (const format of ['Markdown', 'HTML']) await studio.download(`Download ${format}`);
  await studio.goToReview();

  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(5);
  expect(requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('blob:'))).toEqual([]);
});

test('after one visit the app works offline: editing, saving, importing and downloading', async ({ page, context, studio }) => {
  await waitUntilCached(page);
  // The worker is cached too, although this visit never used it.
  await context.setOffline(true);
  await page.reload();
  await expect(studio.field('Name')).toBeVisible();

  await studio.fillSeedCard();
  await studio.waitUntilSaved();
  await page.reload();
  await expect(studio.field('Name')).toHaveValue('ImageClassifier');

  const json = await studio.download('Download JSON');
  expect(JSON.parse(json.text).card.model_details.name).toBe('ImageClassifier');
  const markdown = await studio.download('Download Markdown');
  expect(markdown.text).toContain('# ImageClassifier');
  await studio.importFile('README.md', README, 'text/markdown');
  await expect(page.getByTestId('notice')).toContainText('Imported README.md as a Hugging Face README');
});

test('under a sub-path, a new deployment offers "Update available: reload", which switches to it', async ({ browser }) => {
  let build = 'first';
  const server = await serveDist('dist', {
    prefix: '/model-card-studio/',
    rewrite: (path: string, bytes: Buffer) =>
      path === 'sw.js' ? Buffer.from(bytes.toString().replace(/const BUILD = "[0-9a-f]+";/, `const BUILD = "${build}";`)) : bytes,
  });
  try {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const studio = new StudioPage(page);
    await studio.open();
    expect(page.url()).toBe(server.url);
    await waitUntilCached(page);
    await studio.fillSeedCard();
    await studio.waitUntilSaved();
    await expect(page.getByText('Update available: reload')).toBeHidden();

    build = 'second';
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    await expect(page.getByText('Update available: reload')).toBeVisible();
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await page.waitForEvent('load');
    await expect(studio.field('Name')).toHaveValue('ImageClassifier');
    await expect(page.getByText('Update available: reload')).toBeHidden();
    const caches = await page.evaluate(() => caches.keys());
    expect(caches).toEqual([expect.stringMatching(/second$/)]);
    await context.close();
  } finally {
    server.close();
  }
});

test('the app is installable: a manifest with a name, relative start URL and scope, and its icons', async ({ page, request, studio }) => {
  await expect(studio.field('Name')).toBeVisible();
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href!, page.url());
  const response = await request.get(manifestUrl.href);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest.name).toBe('Model Card Studio');
  expect(manifest.display).toBe('standalone');
  // Relative, so the app installs from any sub-path: both resolve to the app's own page.
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(page.url());
  expect(new URL(manifest.scope, manifestUrl).href).toBe(page.url());
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i: { sizes: string; type: string }) => i.sizes === size && i.type === 'image/png');
    const image = await request.get(new URL(icon.src, manifestUrl).href);
    expect(image.headers()['content-type']).toBe('image/png');
    const bytes = await image.body();
    expect(bytes.readUInt32BE(16)).toBe(Number(size.split('x')[0]));
  }
});
