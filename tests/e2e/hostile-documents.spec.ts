// Hostile documents in the page: what the import sets aside is named with its JSON path
// in the import report, the file stays downloadable exactly as it was given, and every
// screen opens on what was admitted. The first test is the crash of issue 14. A failure
// the browser fuzz run (fuzz-ui.spec.ts) finds becomes a test here (or a native one in
// tests/hostile.rs when the bug is in the core).
import { readFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { test, expect } from './fixtures';

const FILLED = 'tests/fixtures/filled-card.json';
const DAY = 24 * 60 * 60 * 1000;

/** The filled card with `history` as its workflow's history. */
async function withHistory(history: unknown[]): Promise<string> {
  const document = JSON.parse(await readFile(FILLED, 'utf8'));
  document.workflow.history = history;
  return JSON.stringify(document, null, 2);
}

test('a history with a multibyte hash imports with a report naming it, and the Review tab opens (the crash of issue 14)', async ({ studio, page }) => {
  const now = Date.now();
  const text = await withHistory([
    { at: now - 2 * DAY, event: 'created' },
    { at: now - DAY, event: { submitted: { content_hash: 'é€€€€€' } } },
  ]);
  await studio.importFile('hostile.json', text);
  await expect(page.getByTestId('notice')).toContainText('Imported hostile.json as');

  const report = page.getByTestId('transfer-report');
  await expect(report).toBeVisible();
  await expect(report.getByRole('listitem').filter({ hasText: 'workflow.history.1.event.content_hash' })).toHaveText(
    'workflow.history.1.event.content_hash: "é€€€€€" is not a SHA-256 (64 lowercase hex digits); it was set aside',
  );

  // The file as it was given, byte for byte, not as the app would write it.
  const original = await studio.download('Download the file as it was', report);
  expect(original.name).toBe('hostile.json');
  expect(original.text).toBe(text);

  await studio.goToReview();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toBeVisible();
  await expect(history).not.toContainText('é€€€€€');
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(studio.libraryRow('ImageClassifier')).toBeVisible();
});

test('a pasted document that sets parts aside offers the paste back as a .json file', async ({ studio, page }) => {
  const text = await withHistory([{ at: Date.now(), event: { approved: { content_hash: 'Z'.repeat(64) } } }]);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  const report = page.getByTestId('transfer-report');
  await expect(report).toContainText('workflow.history.0.event.content_hash:');
  const original = await studio.download('Download the file as it was', report);
  expect(original.name).toBe('pasted.json');
  expect(original.text).toBe(text);
});

test('a clean import offers no copy of the file: nothing was set aside', async ({ studio, page }) => {
  await studio.importFile('filled-card.json', await readFile(FILLED, 'utf8'));
  await expect(page.getByTestId('transfer-report')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download the file as it was' })).toHaveCount(0);
});

test('the viewer names what a file or a share link had set aside, with where', async ({ studio, page }) => {
  const text = await withHistory([{ at: Date.now(), event: { submitted: { content_hash: 'é€€€€€' } } }]);
  const line = 'workflow.history.0.event.content_hash: "é€€€€€" is not a SHA-256 (64 lowercase hex digits); it was set aside';
  await page.getByRole('button', { name: 'Viewer', exact: true }).click();
  await page.locator('#viewer-file').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByText('Opened from hostile.json. Read-only')).toBeVisible();
  const setAside = page.getByTestId('viewer-set-aside');
  await expect(setAside.locator('summary')).toHaveText('Not shown: parts of this file that could not be read or were set aside (1)');
  await setAside.locator('summary').click();
  await expect(setAside.getByRole('listitem')).toHaveText(line);

  // The same document as a share link.
  const payload = deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url');
  await page.evaluate((hash) => (location.hash = hash), `#card=${payload}`);
  await expect(page.getByText('Opened from a share link. Read-only')).toBeVisible();
  await page.getByTestId('viewer-set-aside').locator('summary').click();
  await expect(page.getByTestId('viewer-set-aside').getByRole('listitem')).toHaveText(line);

  // A clean card shows no such list.
  await page.locator('#viewer-file').setInputFiles({ name: 'filled-card.json', mimeType: 'application/json', buffer: await readFile(FILLED) });
  await expect(page.getByText('Opened from filled-card.json. Read-only')).toBeVisible();
  await expect(page.getByTestId('viewer-set-aside')).toHaveCount(0);
});
