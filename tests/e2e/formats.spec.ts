import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectErrors } from './fixtures';

const FILLED = readFileSync('tests/fixtures/filled-card.json', 'utf8');
const README = readFileSync(join(__dirname, '../../../shared/corpus/hf/01-ai__Yi-6B.md'), 'utf8');
const MCT = readFileSync(join(__dirname, '../../../shared/corpus/mct/cats_vs_dogs_v0_0_1.json'), 'utf8');

test('the Download menu writes JSON, HF Markdown, MCT JSON and HTML, and reports what MCT cannot carry', async ({ page, studio }) => {
  await studio.importFile('filled-card.json', FILLED);
  const toolbar = page.locator('.editor-toolbar');

  // The menu opens and closes by keyboard.
  const summary = studio.downloadMenu(toolbar);
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(toolbar.getByRole('button', { name: 'Download HTML' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toolbar.getByRole('button', { name: 'Download HTML' })).toBeHidden();
  await expect(summary).toBeFocused();

  const json = await studio.download('Download JSON', toolbar);
  expect(json.name).toBe('imageclassifier-1.0.json');
  expect(JSON.parse(json.text).card.model_details.name).toBe('ImageClassifier');

  const markdown = await studio.download('Download Markdown', toolbar);
  expect(markdown.name).toBe('imageclassifier-1.0.md');
  expect(markdown.text.startsWith('---\n')).toBe(true);
  expect(markdown.text).toContain('\nmodel-index:\n');
  expect(markdown.text).toContain('\n## Uses\n');

  const mct = await studio.download('Download MCT JSON', toolbar);
  expect(mct.name).toBe('imageclassifier-1.0.mct.json');
  const mctCard = JSON.parse(mct.text);
  expect(mctCard.schema_version).toBe('0.0.2');
  expect(mctCard.model_details.name).toBe('ImageClassifier');
  const report = page.getByTestId('transfer-report');
  await expect(report.getByRole('heading')).toHaveText('Downloaded imageclassifier-1.0.mct.json');
  await expect(report).toContainText('Out-of-scope uses went into considerations.limitations.');

  const html = await studio.download('Download HTML', toolbar);
  expect(html.name).toBe('imageclassifier-1.0.html');
  expect(html.text).toMatch(/^<!doctype html>/);
  expect(html.text).toMatch(/http-equiv="Content-Security-Policy" content="default-src (&#39;|')none/);
  expect(html.text).toContain('<svg');
  expect(html.text).not.toContain('<script');
});

test('a metrics file shows what it adds and replaces, and merges only when asked', async ({ page, studio }) => {
  await studio.fillSeedCard();
  const metrics = JSON.stringify({ accuracy: 0.95, eval_loss: 0.31 });
  const dialog = page.getByRole('dialog', { name: 'Merge the metrics from all_results.json' });

  await studio.page.getByLabel('Import', { exact: true }).setInputFiles({ name: 'all_results.json', mimeType: 'application/json', buffer: Buffer.from(metrics) });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('metrics-summary')).toHaveText('1 added, 1 replaced, into the results of “ImageClassifier”.');
  await expect(dialog.getByRole('row', { name: 'accuracy 0.95 replaces 0.92' })).toBeVisible();
  await expect(dialog.getByRole('row', { name: 'loss eval 0.31 added' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(studio.metricValue(1)).toHaveValue('0.92');
  await expect(studio.metricName(2)).toHaveCount(0);

  await studio.page.getByLabel('Import', { exact: true }).setInputFiles({ name: 'all_results.json', mimeType: 'application/json', buffer: Buffer.from(metrics) });
  await dialog.getByRole('button', { name: 'Merge metrics' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notice')).toHaveText('Merged all_results.json: 1 added, 1 replaced.');
  await expect(studio.metricValue(1)).toHaveValue('0.95');
  await expect(studio.metricName(2)).toHaveValue('loss');
  await expect(studio.field('Name')).toHaveValue('ImageClassifier');
});

test('a file dropped on the page imports, with a report of what was mapped and kept', async ({ page, studio }) => {
  const files = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'README.md', { type: 'text/markdown' }));
    return data;
  }, README);
  // A drag fires `dragover` again and again while the pointer is over the page, and the
  // hint goes 200 ms after the last one: so fire it as a drag does, until the hint shows.
  await expect(async () => {
    await page.dispatchEvent('main', 'dragover', { dataTransfer: files });
    await expect(page.getByText('Drop the file to import it as a new draft')).toBeVisible({ timeout: 100 });
  }).toPass();
  await page.dispatchEvent('main', 'drop', { dataTransfer: files });
  await expect(page.getByText('Drop the file to import it as a new draft')).toBeHidden();

  await expect(page.getByTestId('notice')).toContainText('Imported README.md as a Hugging Face README, as a new draft.');
  const report = page.getByTestId('transfer-report');
  await expect(report.getByRole('heading')).toHaveText('Imported README.md (a Hugging Face README)');
  await expect(report.getByText(/^Mapped to fields \(\d+\)$/)).toBeVisible();
  await expect(report.getByText(/^Kept as written .* \(\d+\)$/)).toBeVisible();
  await report.getByRole('button', { name: 'Dismiss report' }).click();
  await expect(report).toBeHidden();
});

test('pasting a card outside a field imports it; pasting into a field stays a paste', async ({ page, studio }) => {
  await studio.fillSeedCard();
  const paste = (selector: string, text: string) =>
    page.evaluate(
      ([selector, text]) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.querySelector(selector)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      [selector, text],
    );

  await paste('textarea', MCT);
  await expect(studio.field('Limitations')).toHaveValue('May misclassify rare images');
  // Prose pasted onto the page is not a card, and is left alone.
  await paste('main', 'a sentence copied from somewhere');

  await paste('main', MCT);
  await expect(page.getByTestId('notice')).toContainText('Imported the pasted text as a Model Card Toolkit card, as a new draft.');
  await expect(studio.field('Name')).toHaveValue('Fine-tuned MobileNetV2 Model for Cat vs. Dogs');
  // Two drafts: the one typed in and the pasted card. The paste into the field and the
  // pasted prose made none.
  await studio.goToLibrary();
  await expect(studio.libraryRows).toHaveCount(2);
});

test.describe('without the service worker, which would serve the worker from its cache', () => {
  test.use({ serviceWorkers: 'block' });

test('when the formats worker cannot load, imports say so and JSON still downloads', async ({ page, studio, pageErrors }) => {
  await page.route('**/formats-worker_loader.js', (route) => route.fulfill({ status: 404, body: '' }));
  await studio.fillSeedCard();
  await studio.importFile('README.md', README, 'text/markdown');
  await expect(studio.error).toContainText('Could not import README.md. The import and export code could not run');
  await expect(studio.error).toContainText('Your current card is unchanged.');
  await expect(studio.field('Name')).toHaveValue('ImageClassifier');

  const json = await studio.download('Download JSON');
  expect(JSON.parse(json.text).card.model_details.name).toBe('ImageClassifier');
  // The browser logs the 404 it was made to serve; nothing else may be logged.
  expectErrors(pageErrors, /Failed to load resource: the server responded with a status of 404/);
});
});
