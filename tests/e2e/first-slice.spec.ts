import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';

const SEED = '{"name": "ImageClassifier", "version": "1.0", "metrics": {"accuracy": 0.92}, "limitations": "May misclassify rare images"}';

test('filling the form shows the values in the preview', async ({ studio }) => {
  await studio.fillSeedCard();

  const preview = studio.preview;
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('ImageClassifier');
  await expect(preview).toContainText('Version: 1.0');
  await expect(preview.getByRole('heading', { name: 'Bias, Risks, and Limitations' })).toBeVisible();
  await expect(preview).toContainText('May misclassify rare images');
  const row = preview.getByRole('row', { name: 'accuracy 0.92' });
  await expect(row).toBeVisible();
});

test('the preview follows every keystroke', async ({ studio, page }) => {
  await studio.field('Name').pressSequentially('Ab');
  await expect(studio.preview.getByRole('heading', { level: 1 })).toHaveText('Ab');
  await page.keyboard.press('Backspace');
  await expect(studio.preview.getByRole('heading', { level: 1 })).toHaveText('A');
});

test('after a reload the draft is restored from localStorage', async ({ studio, page }) => {
  await studio.fillSeedCard();
  await studio.waitUntilSaved();

  await page.reload();
  await expect(studio.field('Name')).toHaveValue('ImageClassifier');
  await expect(studio.field('Version')).toHaveValue('1.0');
  await expect(studio.metricName(1)).toHaveValue('accuracy');
  await expect(studio.metricValue(1)).toHaveValue('0.92');
  await expect(studio.field('Limitations')).toHaveValue('May misclassify rare images');

  const keys = Object.keys(await studio.storedKeys());
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(key).toMatch(/^model-card-studio\/v1\//);
});

test('a pending save is flushed when the page is hidden', async ({ studio, page }) => {
  await studio.field('Name').fill('Typed just before closing');
  // Leave before the autosave pause ends: pagehide must write the draft.
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  const stored = Object.values(await studio.storedKeys()).join('\n');
  expect(stored).toContain('Typed just before closing');
});

test('removing a metric row keeps the other rows', async ({ studio, page }) => {
  const add = page.getByRole('button', { name: 'Add metric' });
  for (const [name, value] of [['accuracy', '0.9'], ['recall', '0.8'], ['f1', '0.85']]) {
    await add.click();
    const row = await page.getByRole('textbox', { name: /^Metric \d+ name$/ }).count();
    await studio.metricName(row).fill(name);
    await studio.metricValue(row).fill(value);
  }
  await page.getByRole('button', { name: 'Remove metric 2' }).click();

  await expect(studio.metricName(1)).toHaveValue('accuracy');
  await expect(studio.metricName(2)).toHaveValue('f1');
  await expect(studio.metricName(3)).toHaveCount(0);
  await expect(studio.metricName(2)).toBeFocused();
  await expect(studio.preview.getByRole('row', { name: 'recall 0.8' })).toHaveCount(0);
});

test('downloads the card as JSON and as Markdown', async ({ studio }) => {
  await studio.fillSeedCard();

  const json = await studio.download('Download JSON');
  expect(json.name).toBe('imageclassifier-1.0.json');
  const document = JSON.parse(json.text);
  expect(document.schema_version).toBe(4);
  expect(document.workflow.status).toBe('draft');
  expect(document.card.model_details.name).toBe('ImageClassifier');
  expect(document.card.model_details.version.name).toBe('1.0');
  expect(document.card.quantitative_analysis.results).toHaveLength(1);
  expect(document.card.quantitative_analysis.results[0]).toMatchObject({ metric: 'accuracy', value: '0.92' });
  expect(document.card.bias_risks_limitations.limitations).toBe('May misclassify rare images');

  const markdown = await studio.download('Download Markdown');
  expect(markdown.name).toBe('imageclassifier-1.0.md');
  expect(markdown.text).toMatch(/^# ImageClassifier$/m);
  expect(markdown.text).toMatch(/^- \*\*Version:\*\* 1\.0$/m);
  expect(markdown.text).toMatch(/^## Bias, Risks, and Limitations\n\nMay misclassify rare images$/m);
  expect(markdown.text).toMatch(/^## Evaluation$/m);
  expect(markdown.text).toMatch(/^\| accuracy \| 0\.92 \|$/m);
});

test('importing the seed model_info fills the fields', async ({ studio, page }) => {
  await studio.importFile('model_info.json', SEED);

  await expect(studio.field('Name')).toHaveValue('ImageClassifier');
  await expect(studio.field('Version')).toHaveValue('1.0');
  await expect(studio.metricName(1)).toHaveValue('accuracy');
  await expect(studio.metricValue(1)).toHaveValue('0.92');
  await expect(studio.field('Limitations')).toHaveValue('May misclassify rare images');
  await expect(page.getByTestId('notice')).toHaveText('Imported model_info.json as a model_info, as a new draft.');
});

test('a downloaded JSON imports back to the same card', async ({ studio, page }) => {
  await studio.fillSeedCard();
  const json = await studio.download('Download JSON');
  await studio.field('Name').fill('Something else');

  await studio.importFile(json.name, json.text);
  await expect(studio.field('Name')).toHaveValue('ImageClassifier');
  await expect(page.getByTestId('notice')).toHaveText(`Imported ${json.name} as a Model Card Studio card, as a new draft.`);
});

test('importing broken JSON shows where it is broken and changes nothing', async ({ studio }) => {
  await studio.fillSeedCard();
  await studio.waitUntilSaved();
  const storedBefore = await studio.storedKeys();

  await studio.importFile('broken.json', '{\n  "name": "Other",\n  "version": 2,,\n}');

  await expect(studio.error).toHaveText(
    'Could not import broken.json. Not valid JSON: key must be a string at line 3, column 16. Your current card is unchanged.',
  );
  await expect(studio.field('Name')).toHaveValue('ImageClassifier');
  await expect(studio.metricValue(1)).toHaveValue('0.92');
  expect(await studio.storedKeys()).toEqual(storedBefore);

  // Download still works after the failed import.
  const json = await studio.download('Download JSON');
  expect(JSON.parse(json.text).card.model_details.name).toBe('ImageClassifier');
});

test('importing JSON that is not a card says what was expected', async ({ studio }) => {
  await studio.importFile('other.json', '{"title": "not a card"}');
  await expect(studio.error).toContainText('expected our card JSON (with "schema_version"), a Model Card Toolkit card (with "model_details"), a model_info object (with "name")');
});

test('a Hugging Face README imports with a report of what was kept as written', async ({ page, studio }) => {
  const readme = readFileSync(join(__dirname, '../../../shared/corpus/hf/01-ai__Yi-6B.md'), 'utf8');
  await studio.importFile('README.md', readme, 'text/markdown');
  await expect(page.getByTestId('notice')).toContainText('Imported README.md as a Hugging Face README, as a new draft.');
  await expect(page.getByTestId('notice')).toContainText('kept as written');
  await expect(studio.field('Licence')).toHaveValue('apache-2.0');
});
