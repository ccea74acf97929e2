import { test, expect } from './fixtures';

test('Ctrl+Z and Ctrl+Shift+Z undo and redo edits across fields, one pause-separated step at a time', async ({ page, studio }) => {
  const undo = page.getByRole('button', { name: 'Undo edit' });
  const redo = page.getByRole('button', { name: 'Redo edit' });
  await expect(undo).toBeDisabled();
  await studio.field('Name').fill('ImageClassifier');
  // Edits less than a second apart are one step; this pause makes the next one a step of its own.
  await page.waitForTimeout(1100);
  await studio.field('Limitations').fill('Rare images');
  await expect(undo).toBeEnabled();

  await page.keyboard.press('Control+z');
  await expect(studio.field('Limitations')).toHaveValue('');
  await expect(studio.field('Name')).toHaveValue('ImageClassifier');
  await expect(redo).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(studio.field('Name')).toHaveValue('');
  await expect(undo).toBeDisabled();

  await page.keyboard.press('Control+Shift+z');
  await expect(studio.field('Name')).toHaveValue('ImageClassifier');
  await redo.click();
  await expect(studio.field('Limitations')).toHaveValue('Rare images');
  await expect(studio.preview).toContainText('Rare images');
  await expect(redo).toBeDisabled();
  // Undone and redone edits are saved like any other.
  await studio.waitUntilSaved();
  await page.reload();
  await expect(studio.field('Limitations')).toHaveValue('Rare images');
});

test('Ctrl+S saves at once and says where', async ({ page, studio }) => {
  await studio.field('Name').fill('ImageClassifier');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('notice')).toHaveText("Saved “ImageClassifier” in this browser's storage. To keep a file, use Download.");
  await expect(studio.saveState).toHaveText('Saved');
  const stored = Object.values(await studio.storedKeys()).join('\n');
  expect(stored).toContain('ImageClassifier');
});

test('a marker says when the card has changed since it was last downloaded', async ({ page, studio }) => {
  const marker = page.getByTestId('download-state');
  await studio.fillSeedCard();
  await expect(marker).toHaveText('Not downloaded to a file yet');
  await studio.download('Download JSON');
  await expect(marker).toHaveText('Downloaded');
  await studio.field('Version').fill('1.1');
  await expect(marker).toHaveText('Changed since the last download');
  await studio.download('Download Markdown');
  await expect(marker).toHaveText('Downloaded');
});

test('an empty card offers to start from the example card, which Ctrl+Z takes back', async ({ page, studio }) => {
  const start = page.getByRole('button', { name: 'Start from the example card' });
  await expect(page.getByText('This card is empty.')).toBeVisible();
  await start.click();
  await expect(studio.field('Name')).toHaveValue('ImageClassifier');
  await expect(studio.metricValue(1)).toHaveValue('0.92');
  await expect(page.getByText('This card is empty.')).toBeHidden();
  await page.keyboard.press('Control+z');
  await expect(studio.field('Name')).toHaveValue('');
  await studio.goToLibrary();
  await expect(studio.libraryRows).toHaveCount(1);
});
