import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';

const ARCEE = readFileSync(join(__dirname, '../../../shared/corpus/hf/arcee-ai__Llama-3.1-SuperNova-Lite.md'), 'utf8');

/** The README without the status block that every export adds after the front matter. */
function withoutStatusBlock(readme: string): string {
  return readme.replace(/<!-- model-card-studio:status -->\n[\s\S]*?<!-- \/model-card-studio:status -->\n\n/, '');
}

/** The lines only one side has, in order (a longest-common-subsequence diff). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || common[i][j + 1] >= common[i + 1][j])) {
      out.push(`+${b[j++]}`);
    } else {
      out.push(`-${a[i++]}`);
    }
  }
  return out;
}

test('a README comes back as it was, changed only in the field that was edited', async ({ page, studio }) => {
  await studio.importFile('README.md', ARCEE, 'text/markdown');
  await expect(studio.field('Name')).toHaveValue('');

  // The preview is the README's own body: its sections in its order, status block first.
  const preview = studio.preview;
  await expect(preview.locator('section').first()).toContainText('Draft: not reviewed.');
  await expect(preview.getByRole('heading', { name: 'Overview' })).toBeVisible();

  // Unedited, the download is the file itself plus the status block.
  const unedited = await studio.download('Download Markdown');
  expect(unedited.text).toContain('<!-- model-card-studio:status -->\n> **Draft: not reviewed.**');
  expect(unedited.text).not.toContain('model_card_studio: |-');
  expect(withoutStatusBlock(unedited.text)).toBe(ARCEE);

  // One field edited: only its lines change, and the preview shows them where the export puts them.
  await studio.field('Limitations').fill('It repeats itself in long answers.');
  await expect(preview).toContainText('It repeats itself in long answers.');
  const edited = await studio.download('Download Markdown');
  expect(changedLines(ARCEE, withoutStatusBlock(edited.text))).toEqual([
    '+## Bias, Risks, and Limitations',
    '+',
    '+It repeats itself in long answers.',
    '+',
  ]);

  // The Download menu says which file keeps everything.
  await expect(page.locator('.menu-note')).toHaveText(
    'Only the JSON keeps everything: the review history, snapshots and what a README has no place for.',
  );

  // The draft keeps its README across a reload: the next download is the same file.
  await studio.waitUntilSaved();
  await page.reload();
  await expect(studio.field('Limitations')).toHaveValue('It repeats itself in long answers.');
  const again = await studio.download('Download Markdown');
  expect(again.text).toBe(edited.text);
});

test('a README saved with a byte order mark comes back with it, and a file that is not UTF-8 says where', async ({ page, studio }) => {
  const withBom = `\ufeff${ARCEE}`;
  await studio.importFile('README.md', withBom, 'text/markdown');
  const unedited = await studio.download('Download Markdown');
  expect(withoutStatusBlock(unedited.text)).toBe(withBom);

  const broken = Buffer.concat([Buffer.from('# Title\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]);
  await page.getByLabel('Import', { exact: true }).setInputFiles({ name: 'latin1.md', mimeType: 'text/markdown', buffer: broken });
  await expect(studio.error).toContainText('latin1.md is not UTF-8 text (invalid byte at offset 12)');
});
