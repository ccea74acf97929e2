import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const MCT = readFileSync(join(__dirname, '../../../shared/corpus/mct/cats_vs_dogs_v0_0_1.json'), 'utf8');

/** Opens the Share link dialog and returns the link it makes. */
async function makeLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share link' });
  const url = dialog.getByLabel('Link');
  await expect(url).toHaveValue(/#card=[A-Za-z0-9_-]+$/);
  return url.inputValue();
}

test('an approved card shared by link opens read-only in the viewer with its approval and chart', async ({ page, context, studio }) => {
  await studio.approveFilledCard();
  await studio.page.getByRole('button', { name: 'Editor', exact: true }).click();
  const link = await makeLink(page);
  await expect(page.getByTestId('share-not-approved')).toBeHidden();

  const reader = await context.newPage();
  const requests: string[] = [];
  reader.on('request', (request) => requests.push(request.url()));
  await reader.goto(link);
  await expect(reader.getByTestId('viewer-status')).toHaveText('Approved, not yet published');
  await expect(reader.getByTestId('viewer-version')).toContainText('Version 1.0');
  const approval = reader.getByRole('definition').filter({ hasText: 'Rita Reviewer (Ethics board)' });
  await expect(approval).toBeVisible();
  const card = reader.getByRole('article', { name: 'Card', exact: true });
  await expect(card.getByRole('heading', { level: 1 })).toHaveText('ImageClassifier');
  await expect(card.locator('svg').first()).toBeVisible();
  // No editing chrome: no form fields, no file menu.
  await expect(reader.getByRole('textbox')).toHaveCount(0);
  await expect(reader.getByRole('button', { name: 'Share link' })).toHaveCount(0);
  // The card rode in the fragment, which is never sent.
  expect(requests.filter((url) => url.includes('card='))).toEqual([]);
});

test('a link made from a draft says it is not approved, and the viewer shows a draft', async ({ page, context, studio }) => {
  await studio.fillSeedCard();
  const link = await makeLink(page);
  await expect(page.getByTestId('share-not-approved')).toContainText('This card is not approved');

  const reader = await context.newPage();
  await reader.goto(link);
  await expect(reader.getByTestId('viewer-status')).toHaveText('Draft: not reviewed');
  await expect(reader.getByRole('article', { name: 'Card', exact: true })).toContainText('May misclassify rare images');
});

test('a card too large for a link is told to travel as a file', async ({ page, studio }) => {
  // Random letters do not compress: about 35 KB of deflate, 47 KB of base64.
  const noise = Array.from(randomBytes(60000), (byte) => String.fromCharCode(97 + (byte % 26))).join('');
  await studio.field('Description').fill(noise);
  await page.getByRole('button', { name: 'Share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share link' });
  await expect(dialog.getByRole('alert')).toContainText('too large for a link');
  await expect(dialog.getByRole('alert')).toContainText('Download it as a file');
  await expect(dialog.getByRole('button', { name: 'Copy link' })).toBeDisabled();
});

test('a damaged link says so and leaves the drafts alone', async ({ page, studio }) => {
  await studio.fillSeedCard();
  await studio.waitUntilSaved();
  await page.goto('./#card=AAAAbroken');
  await expect(studio.error).toContainText('Could not open the share link. The link is damaged or incomplete');
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await expect(studio.field('Name')).toHaveValue('ImageClassifier');
});

test('the viewer opens a card file read-only, and can copy it into the drafts', async ({ page, studio }) => {
  await page.getByRole('button', { name: 'Viewer', exact: true }).click();
  await page.getByLabel('Open a card file').setInputFiles({ name: 'cats.json', mimeType: 'application/json', buffer: Buffer.from(MCT) });
  await expect(page.getByTestId('viewer-status')).toHaveText('Draft: not reviewed');
  await expect(page.getByText('Opened from cats.json. Read-only: nothing here is saved.')).toBeVisible();
  await studio.goToLibrary();
  await expect(studio.libraryRows).toHaveCount(1);

  await page.getByRole('button', { name: 'Viewer', exact: true }).click();
  await page.getByRole('button', { name: 'Copy to my drafts' }).click();
  await expect(studio.field('Name')).toHaveValue('Fine-tuned MobileNetV2 Model for Cat vs. Dogs');
  await studio.goToLibrary();
  await expect(studio.libraryRows).toHaveCount(2);
});
