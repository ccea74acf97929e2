import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';

const info = (name: string, version = '1.0') => JSON.stringify({ name, version, metrics: { accuracy: 0.9 } });

test('the library lists drafts by name, version, status and last edit, with search and filter', async ({ studio, page }) => {
  await studio.importFile('alpha.json', info('Alpha', '1.0'));
  await studio.importFile('beta.json', info('Beta', '2.1'));
  await studio.waitUntilSaved();
  await studio.goToLibrary();

  const rows = studio.libraryRows;
  await expect(rows).toHaveCount(3); // the blank first draft, Alpha and Beta
  const beta = studio.libraryRow('Beta');
  await expect(beta).toContainText('2.1');
  await expect(beta).toContainText('Draft');
  await expect(beta.locator('time')).toHaveText(/just now|\d+ s ago/);

  await page.getByLabel('Search drafts').fill('alp');
  await expect(rows).toHaveCount(1);
  await expect(studio.libraryRow('Alpha')).toBeVisible();

  await page.getByLabel('Search drafts').fill('');
  await page.getByLabel('Status').selectOption('In review');
  await expect(page.getByText('No draft matches the search and filter.')).toBeVisible();
  await page.getByLabel('Status').selectOption('Draft');
  await expect(rows).toHaveCount(3);
});

test('a new draft from a template, then open, duplicate and rename', async ({ studio, page }) => {
  await page.getByRole('button', { name: 'New card' }).click();
  await page.getByRole('button', { name: /^Text classification/ }).click();
  await expect(studio.field('Pipeline tag')).toHaveValue('text-classification');
  await studio.field('Name').fill('Sentiment');
  await studio.waitUntilSaved();

  await studio.goToLibrary();
  await page.getByRole('button', { name: 'Duplicate Sentiment', exact: true }).click();
  await expect(studio.libraryRow('Sentiment (copy)')).toBeVisible();

  await page.getByRole('button', { name: 'Rename Sentiment (copy)', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename draft' });
  await dialog.getByLabel('New name').fill('Sentiment v2');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(studio.libraryRow('Sentiment v2')).toBeVisible();

  await studio.openFromLibrary('Sentiment v2');
  await expect(studio.field('Name')).toHaveValue('Sentiment v2');
  await expect(studio.field('Pipeline tag')).toHaveValue('text-classification');
});

test('renaming the open draft renames it in the editor too', async ({ studio, page }) => {
  await studio.field('Name').fill('Before');
  await studio.waitUntilSaved();
  await studio.goToLibrary();
  await page.getByRole('button', { name: 'Rename Before', exact: true }).click();
  await page.getByLabel('New name').fill('After');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(studio.libraryRow('After')).toBeVisible();
  await page.getByRole('button', { name: 'Editor' }).click();
  await expect(studio.field('Name')).toHaveValue('After');
});

test('delete has an undo toast, and the trash keeps drafts until it is emptied', async ({ studio, page }) => {
  await studio.field('Name').fill('Keep me');
  await studio.importFile('gone.json', info('Gone'));
  await studio.waitUntilSaved();
  await studio.goToLibrary();

  await page.getByRole('button', { name: 'Delete Keep me', exact: true }).click();
  await expect(page.getByText('Moved “Keep me” to the trash.')).toBeVisible();
  await expect(studio.libraryRow('Keep me')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(studio.libraryRow('Keep me')).toBeVisible();

  await page.getByRole('button', { name: 'Delete Gone', exact: true }).click();
  await page.getByRole('button', { name: 'Trash (1)' }).click();
  await expect(studio.libraryRow('Gone')).toBeVisible();
  const storedWhileTrashed = Object.values(await studio.storedKeys()).join('\n');
  expect(storedWhileTrashed).toContain('"name":"Gone"');

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Empty trash' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  const storedAfter = Object.values(await studio.storedKeys()).join('\n');
  expect(storedAfter).not.toContain('"name":"Gone"');
  expect(storedAfter).toContain('"name":"Keep me"');
});

test('a reload reopens the draft that was open', async ({ studio, page }) => {
  await studio.field('Name').fill('First');
  await studio.importFile('second.json', info('Second'));
  await studio.waitUntilSaved();
  await studio.goToLibrary();
  await studio.openFromLibrary('First');
  await expect(studio.field('Name')).toHaveValue('First');

  await page.reload();
  await expect(studio.field('Name')).toHaveValue('First');
});

test('download all drafts, then restore: shows what it will add, and never replaces newer work', async ({ studio, page }) => {
  await studio.field('Name').fill('Alpha');
  await studio.importFile('beta.json', info('Beta'));
  await studio.waitUntilSaved();
  await studio.goToLibrary();
  const backup = await studio.download('Download all drafts', page.getByRole('group', { name: 'Library' }));
  expect(backup.name).toBe('model-card-studio-backup.json');
  const bundle = JSON.parse(backup.text);
  expect(bundle.format).toBe('model-card-studio/backup');
  expect(bundle.drafts.map((d: any) => d.card.model_details.name).sort()).toEqual(['Alpha', 'Beta']);

  // Alpha moves on after the backup; Beta goes for good.
  await studio.openFromLibrary('Alpha');
  await studio.field('Name').fill('Alpha, newer');
  await studio.waitUntilSaved();
  await studio.goToLibrary();
  await page.getByRole('button', { name: 'Delete Beta', exact: true }).click();
  await page.getByRole('button', { name: 'Trash (1)' }).click();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Empty trash' }).click();
  await page.getByRole('button', { name: /^Drafts \(/ }).click();

  await page.getByLabel('Restore from backup').setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  const dialog = page.getByRole('dialog', { name: 'Restore drafts from a backup' });
  await expect(dialog.getByTestId('restore-summary')).toHaveText(
    '1 added, 0 replaced, 1 kept because they are newer here, 0 added as copies, 0 unchanged.',
  );
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(studio.libraryRow('Beta')).toBeVisible();
  await expect(studio.libraryRow('Alpha, newer')).toBeVisible();
  await expect(studio.libraryRow('Alpha')).toHaveCount(0);
});

test('a file that is not a backup is refused with a reason', async ({ studio, page }) => {
  await studio.goToLibrary();
  const card = await readFile('tests/fixtures/filled-card.json', 'utf8');
  await page.getByLabel('Restore from backup').setInputFiles({ name: 'card.json', mimeType: 'application/json', buffer: Buffer.from(card) });
  await expect(studio.error).toContainText('Could not restore from card.json: not a Model Card Studio backup');
});
