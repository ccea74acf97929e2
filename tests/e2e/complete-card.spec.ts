import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import type { Locator } from '@playwright/test';

/** The block right after a heading in the preview: where that heading's text goes. */
function after(heading: Locator): Locator {
  return heading.locator('xpath=following-sibling::*[1]');
}

// One field of each section, and the preview heading its text must appear under.
const SECTIONS: Array<{ field: string; heading: string; level: number }> = [
  { field: 'Description', heading: 'Model Description', level: 3 },
  { field: 'Primary intended uses', heading: 'Direct Use', level: 3 },
  { field: 'Relevant factors', heading: 'Factors', level: 4 },
  { field: 'Performance measures', heading: 'Metrics', level: 4 },
  { field: 'Training data notes', heading: 'Training Data', level: 3 },
  { field: 'Evaluation data notes', heading: 'Testing Data', level: 4 },
  { field: 'Preprocessing', heading: 'Preprocessing', level: 4 },
  { field: 'Results summary', heading: 'Summary', level: 4 },
  { field: 'Limitations', heading: 'Bias, Risks, and Limitations', level: 2 },
  { field: 'Ethical notes', heading: 'Ethical Considerations', level: 2 },
  { field: 'Caveats and recommendations', heading: 'Caveats and Recommendations', level: 2 },
  { field: 'Hardware type', heading: 'Environmental Impact', level: 2 },
  { field: 'Architecture and objective', heading: 'Model Architecture and Objective', level: 3 },
  { field: 'Code', heading: 'How to Get Started with the Model', level: 2 },
  { field: 'Glossary', heading: 'Glossary', level: 2 },
  { field: 'Card contact', heading: 'Model Card Contact', level: 2 },
];

test('typing into one field of each section shows it under the right heading', async ({ studio }) => {
  for (const { field, heading, level } of SECTIONS) {
    const text = `Text for ${field.toLowerCase()}`;
    await studio.field(field).fill(text);
    const title = studio.preview.getByRole('heading', { name: heading, exact: true, level });
    await expect(after(title), `${field} under ${heading}`).toContainText(text);
  }
});

test('Hugging Face metadata stays out of the card text', async ({ studio }) => {
  await studio.field('Pipeline tag').fill('image-classification');
  await studio.field('Name').fill('Visible');
  await expect(studio.preview.getByRole('heading', { level: 1 })).toHaveText('Visible');
  await expect(studio.preview).not.toContainText('image-classification');
});

test('a custom section appears with its own heading', async ({ studio, page }) => {
  await page.getByRole('button', { name: 'Add section' }).click();
  await page.getByLabel('Section 1 title', { exact: true }).fill('Deployment');
  await page.getByLabel('Section 1 text', { exact: true }).fill('Runs behind a review queue.');
  const heading = studio.preview.getByRole('heading', { name: 'Deployment', level: 2 });
  await expect(after(heading)).toHaveText('Runs behind a review queue.');
});

test('the licence is picked from the Hub list, and "other" asks for a name and a link', async ({ studio }) => {
  await expect(studio.field('Licence name')).toBeHidden();
  await studio.field('Licence').selectOption('apache-2.0');
  await expect(studio.preview).toContainText('License: apache-2.0');
  await studio.field('Licence').selectOption('other');
  await studio.field('Licence name').fill('Example Licence');
  await studio.field('Licence link').fill('https://example.org/licence');
  await expect(studio.preview.getByRole('link', { name: 'Example Licence' })).toHaveAttribute('href', 'https://example.org/licence');
});

test('owners can be added, reordered and removed by keyboard alone', async ({ studio, page }) => {
  const add = page.getByRole('button', { name: 'Add owner' });
  for (const name of ['Ada', 'Grace', 'Edsger']) {
    await add.focus();
    await page.keyboard.press('Enter');
    // Focus lands in the new owner's name field.
    const owner = await page.getByRole('textbox', { name: /^Owner \d+ name$/ }).count();
    await expect(page.getByLabel(`Owner ${owner} name`, { exact: true })).toBeFocused();
    await page.keyboard.type(name);
  }
  await expect(studio.preview).toContainText('Developed by: Ada, Grace, Edsger');
  await expect(page.getByLabel('Owner 3 name', { exact: true })).toHaveValue('Edsger');

  await page.getByRole('button', { name: 'Move up owner 3' }).focus();
  await page.keyboard.press('Enter');
  await expect(studio.preview).toContainText('Developed by: Ada, Edsger, Grace');
  // Focus follows the moved owner.
  await expect(page.getByRole('button', { name: 'Move up owner 2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(studio.preview).toContainText('Developed by: Edsger, Ada, Grace');
  // At the top, "Move up" is disabled, so focus is on "Move down".
  await expect(page.getByRole('button', { name: 'Move down owner 1' })).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(studio.preview).toContainText('Developed by: Ada, Edsger, Grace');

  await page.getByRole('button', { name: 'Remove owner 3' }).focus();
  await page.keyboard.press('Enter');
  await expect(studio.preview).toContainText('Developed by: Ada, Edsger');
  await expect(page.getByLabel('Owner 2 name', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Owner 3 name', { exact: true })).toHaveCount(0);
});

test('an intersectional result gets a slice and a bar in the chart', async ({ studio, page }) => {
  await page.getByRole('button', { name: 'Add metric' }).click();
  await studio.metricName(1).fill('accuracy');
  await studio.metricValue(1).fill('0.9');
  await page.getByRole('button', { name: 'Add metric' }).click();
  await studio.metricName(2).fill('accuracy');
  await studio.metricValue(2).fill('0.6');
  await page.getByLabel('Metric 2 CI lower', { exact: true }).fill('0.5');
  await page.getByLabel('Metric 2 CI upper', { exact: true }).fill('0.7');
  for (const [factor, value] of [['gender', 'female'], ['age', '65+']]) {
    await page.getByRole('button', { name: 'Add slice term to metric 2' }).click();
    const term = await page.getByRole('textbox', { name: /^Metric 2 slice term \d+ factor$/ }).count();
    await page.getByLabel(`Metric 2 slice term ${term} factor`, { exact: true }).fill(factor);
    await page.getByLabel(`Metric 2 slice term ${term} value`, { exact: true }).fill(value);
  }

  await expect(studio.preview.getByRole('row', { name: 'accuracy 0.6 gender=female, age=65+ [0.5, 0.7]' })).toBeVisible();
  const chart = studio.preview.getByRole('img', { name: 'Results by slice' });
  await expect(chart).toBeVisible();
  const bars = chart.locator('.chart-bar');
  await expect(bars).toHaveCount(2);
  const [first, second] = await Promise.all([0, 1].map((i) => bars.nth(i).getAttribute('width')));
  expect(Number(first) / Number(second)).toBeCloseTo(0.9 / 0.6, 3);
  await expect(chart.locator('.chart-ci')).toHaveCount(3);
});

test('the completeness score rises with each required field and reaches 100%', async ({ studio, page }) => {
  const score = page.getByTestId('completeness');
  const percent = async () => Number((await score.textContent())!.replace('%', ''));
  await expect(score).toHaveText('0%');

  let last = 0;
  for (const field of ['Name', 'Version', 'Description', 'Contact', 'Primary intended uses', 'Out-of-scope uses', 'Limitations']) {
    await studio.field(field).fill(`Some ${field}`);
    await expect.poll(percent, { message: `after ${field}` }).toBeGreaterThan(last);
    last = await percent();
  }
  await studio.field('Licence').selectOption('mit');
  await expect.poll(percent).toBeGreaterThan(last);

  const card = await readFile('tests/fixtures/filled-card.json', 'utf8');
  await studio.importFile('filled-card.json', card);
  await expect(score).toHaveText('100%');
  await expect(page.getByText('Nothing missing')).toBeAttached();
});

test('activating a missing item moves focus to its field', async ({ studio, page }) => {
  await studio.openMissingList();
  await page.getByRole('button', { name: 'Out-of-scope uses (required)' }).click();
  await expect(page.getByLabel('Out-of-scope uses', { exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Metrics (required)' }).click();
  await expect(page.getByRole('button', { name: 'Add metric' })).toBeFocused();
});

test('the Full template fills every section with example text that does not count', async ({ studio, page }) => {
  await page.getByRole('button', { name: 'New card' }).click();
  await page.getByRole('button', { name: /^Full/ }).click();
  await expect(studio.field('Name')).toHaveValue('[[Example: ImageClassifier]]');
  await expect(page.getByTestId('completeness')).toHaveText('0%');
  await studio.openMissingList();
  await expect(page.getByRole('button', { name: 'Description (required, replace the example)' })).toBeVisible();
  await studio.field('Name').fill('My model');
  await expect(page.getByTestId('completeness')).not.toHaveText('0%');
});
