import { test, expect, StudioPage } from './fixtures';
import type { Browser, Page, Download } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Review between people: an author and reviewers in separate browser contexts (separate
// storage, separate keys), passing nothing but files and links.

const scratch = mkdtempSync(join(tmpdir(), 'signed-review-'));

async function saveDownload(page: Page, click: () => Promise<unknown>): Promise<{ name: string; text: string; path: string }> {
  const [download]: [Download, unknown] = await Promise.all([page.waitForEvent('download'), click()]);
  const text = readFileSync(await download.path(), 'utf8');
  const path = join(scratch, download.suggestedFilename());
  writeFileSync(path, text);
  return { name: download.suggestedFilename(), text, path };
}

/** Imports a file as the author would: with the toolbar's Import, on the Editor screen. */
async function authorImports(studio: StudioPage, name: string, text: string) {
  await studio.page.getByRole('button', { name: 'Editor', exact: true }).click();
  await studio.importFile(name, text);
}

/** `modelcard verify`, natively, as a reader of the published card would run it. */
function verify(file: string, trust?: string): { code: number; out: string } {
  const args = ['run', '-q', '--bin', 'modelcard', '--', 'verify', file, ...(trust ? ['--trust', trust] : [])];
  try {
    return { code: 0, out: execFileSync('cargo', args, { encoding: 'utf8' }) };
  } catch (error: any) {
    return { code: error.status, out: `${error.stdout}${error.stderr}` };
  }
}

/** A reviewer's own browser: a fresh context, failing on any page error. */
async function reviewerBrowser(browser: Browser, { withoutEd25519 = false } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  if (withoutEd25519) {
    // A browser without WebCrypto Ed25519: the app must fall back to ECDSA P-256.
    await context.addInitScript(() => {
      const generate = crypto.subtle.generateKey.bind(crypto.subtle);
      crypto.subtle.generateKey = (algorithm: any, ...rest: any[]) =>
        (algorithm === 'Ed25519' || algorithm?.name === 'Ed25519')
          ? Promise.reject(new DOMException('Ed25519 is not supported', 'NotSupportedError'))
          : (generate as any)(algorithm, ...rest);
    });
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console.error: ${message.text()}`); });
  await page.goto('./');
  await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
  return { page, errors };
}

/** The reviewer makes an identity, by keyboard alone, and downloads it. */
async function makeIdentity(page: Page, name: string, role: string) {
  const studio = new StudioPage(page);
  const keyboard = page.keyboard;
  await studio.tabTo(page.getByRole('button', { name: 'Viewer', exact: true }));
  await keyboard.press('Enter');
  await studio.tabTo(page.locator('details.identity-details > summary'));
  await keyboard.press('Enter');
  await expect(page.getByText('Clearing this browser\'s site data deletes the key for good')).toBeVisible();
  await studio.tabTo(page.getByLabel('Your name'));
  await keyboard.type(name);
  await keyboard.press('Tab');
  await keyboard.type(role);
  await studio.tabTo(page.getByRole('button', { name: 'Make my reviewer identity' }));
  await keyboard.press('Enter');
  await expect(page.getByTestId('my-fingerprint')).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  const button = page.getByRole('button', { name: 'Download my identity' });
  await studio.tabTo(button);
  return saveDownload(page, () => keyboard.press('Enter'));
}

/** The reviewer opens the request link, reads, ticks, comments, approves and signs, by keyboard only. */
async function reviewByKeyboard(page: Page, link: string, comment: string) {
  const studio = new StudioPage(page);
  const keyboard = page.keyboard;
  await page.goto(link);
  await expect(page.getByTestId('review-request')).toBeVisible();
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/draft/')).length);
  for (const box of await page.locator('.sign-form input[type=checkbox]').all()) {
    await studio.tabTo(box);
    await keyboard.press('Space');
  }
  await studio.tabTo(page.getByLabel('Comment on the whole card'));
  await keyboard.type(comment);
  await studio.tabTo(page.locator('details.section-comments > summary'));
  await keyboard.press('Enter');
  await studio.tabTo(page.getByLabel('Comment on Intended use'));
  await keyboard.type('Clear about who should not use it.');
  await studio.tabTo(page.getByRole('radio', { name: 'Approve', exact: true }));
  await keyboard.press('Space');
  await studio.tabTo(page.getByRole('button', { name: 'Sign review' }));
  await keyboard.press('Enter');
  // Focus moves to the download of the signed review.
  await expect(page.getByRole('button', { name: 'Download signed review' })).toBeFocused();
  const signed = await saveDownload(page, () => keyboard.press('Enter'));
  // Reading a request never made a draft.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/draft/')).length)).toBe(drafts);
  return signed;
}

test('two reviewers approve a card with signed reviews, passing only files and links', async ({ studio, page, browser }) => {
  test.setTimeout(240_000);
  const safety = await reviewerBrowser(browser);
  const legal = await reviewerBrowser(browser, { withoutEd25519: true });

  // 1. Each reviewer makes an identity and sends it (a file).
  const safetyIdentity = await makeIdentity(safety.page, 'Sara Safety', 'Safety');
  const legalIdentity = await makeIdentity(legal.page, 'Lars Legal', 'Legal');
  expect(JSON.parse(safetyIdentity.text).public_key.crv).toBe('Ed25519');
  expect(JSON.parse(legalIdentity.text).public_key.crv).toBe('P-256');
  expect(safetyIdentity.name).toBe('sara-safety.reviewer.json');

  // 2. The author trusts both, sets a policy and sends a review request.
  const card = readFileSync('tests/fixtures/filled-card.json', 'utf8');
  await studio.importFile('filled-card.json', card);
  const countDrafts = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/draft/')).length);
  const draftsBefore = await countDrafts();
  await studio.goToReview();
  await authorImports(studio, safetyIdentity.name, safetyIdentity.text);
  await expect(page.getByTestId('notice')).toContainText('Trusted Sara Safety (Safety) (from sara-safety.reviewer.json), key ');
  await authorImports(studio, legalIdentity.name, legalIdentity.text);
  await studio.goToReview();
  // The panel opens by itself once the card trusts someone.
  await expect(page.locator('details.signed-reviews')).toHaveAttribute('open', '');
  await expect(page.getByTestId('trusted-reviewers').getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('Roles that must each approve, separated by commas (signed)').fill('Safety, Legal');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByTestId('policy')).toHaveText('This card needs a signed approval each from Safety and Legal.');
  for (const box of await page.getByRole('checkbox', { name: /^Done: / }).all()) await box.check();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(studio.status).toHaveText('In review');
  const request = await saveDownload(page, () => page.getByRole('button', { name: 'Download review request' }).click());
  expect(request.name).toBe('imageclassifier-1.0.review-request.json');
  await page.getByRole('button', { name: 'Copy review request link' }).click();
  const requestLink = await page.getByLabel('Link to the review request').inputValue();
  expect(requestLink).toMatch(/#review-request=[A-Za-z0-9_-]+$/);

  // An unsigned approval, typed in the author's browser, does not meet the policy.
  await studio.recordReview('Sara Safety', 'Safety', 'Approve');
  await expect(studio.status).toHaveText('In review');

  // 3. The reviewers open the link (Safety by keyboard only) or the file, approve and sign.
  const safetySigned = await reviewByKeyboard(safety.page, requestLink, 'Limitations are clear.');
  await legal.page.getByRole('button', { name: 'Viewer', exact: true }).click();
  await legal.page.getByLabel('Open a card file').setInputFiles({ name: request.name, mimeType: 'application/json', buffer: Buffer.from(request.text) });
  await expect(legal.page.getByTestId('review-request')).toBeVisible();
  await legal.page.getByRole('radio', { name: 'Approve', exact: true }).check();
  await legal.page.getByRole('button', { name: 'Sign review' }).click();
  await legal.page.getByRole('button', { name: 'Copy signed review link' }).click();
  const legalLink = await legal.page.getByLabel('Link to the signed review').inputValue();
  expect(legalLink).toMatch(/#signed-review=[A-Za-z0-9_-]+$/);

  // 4. The author imports the signed reviews (a file, then a link): the card is Approved.
  await authorImports(studio, safetySigned.name, safetySigned.text);
  await expect(page.getByTestId('notice')).toContainText('Not approved yet: needs a signed approval from Legal');
  await expect(studio.status).toHaveText('In review');
  await page.goto(legalLink);
  await expect(page.getByTestId('notice')).toContainText(/Signed review by Lars Legal \(Legal\) \(a signed review link\) verified and attached\. The card is approved\./);
  await expect(studio.status).toHaveText('Approved');
  await expect(page.getByTestId('signed-reviews').getByRole('listitem')).toHaveCount(2);
  expect(await countDrafts(), 'identities and signed reviews never make a draft').toBe(draftsBefore);

  // 5. An edit voids the approval; undoing it restores it.
  await page.getByRole('button', { name: 'Edit (voids approval)' }).click();
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await studio.field('Limitations').fill('Edited after approval.');
  await studio.goToReview();
  await expect(studio.status).toHaveText('Draft');
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await studio.field('Limitations').press('Control+z');
  await studio.goToReview();
  await expect(studio.status).toHaveText('Approved');

  // 6. The author publishes; the JSON and README pass `modelcard verify`.
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(studio.status).toHaveText('Published');
  const json = await saveDownload(page, () => page.getByRole('button', { name: 'Download published JSON' }).click());
  // The README is the Hugging Face export, from the Download menu.
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  const hf = await studio.download('Download Markdown');
  const readme = { ...hf, path: join(scratch, 'README.md') };
  writeFileSync(readme.path, hf.text);
  const trust = join(scratch, 'reviewers.json');
  writeFileSync(trust, JSON.stringify([JSON.parse(safetyIdentity.text), JSON.parse(legalIdentity.text)]));
  for (const file of [json.path, readme.path]) {
    const result = verify(file, trust);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain('verified  Sara Safety (Safety) approved');
    expect(result.out).toContain('verified  Lars Legal (Legal) approved');
    expect(result.out).toContain('policy: a signed approval each from Safety and Legal: met');
  }
  const published = JSON.parse(json.text);
  expect(published.workflow.signed_reviews).toHaveLength(2);
  expect(published.workflow.trusted.map((t: any) => t.public_key.crv)).toEqual(['Ed25519', 'P-256']);
  expect(readme.text).toContain('Sara Safety (Safety)');
  if (process.env.UPDATE_FIXTURES) {
    mkdirSync('tests/fixtures/signed', { recursive: true });
    writeFileSync('tests/fixtures/signed/two-signers.json', json.text);
    writeFileSync('tests/fixtures/signed/two-signers.README.md', readme.text);
    writeFileSync('tests/fixtures/signed/reviewers.json', JSON.stringify(JSON.parse(readFileSync(trust, 'utf8')), null, 2) + '\n');
    writeFileSync('tests/fixtures/signed/signed-review.ed25519.json', safetySigned.text);
  }

  // 7. Anyone can check it in the viewer, in a browser of their own.
  await safety.page.getByRole('button', { name: 'Viewer', exact: true }).click();
  await safety.page.getByLabel('Open a card file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  const lines = safety.page.getByTestId('signatures').getByRole('listitem');
  await expect(lines.filter({ hasText: 'Signed by Sara Safety (Safety) (verified)' })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'Signed by Lars Legal (Legal) (verified)' })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'Sara Safety (Safety): unsigned' })).toHaveCount(1);
  await expect(safety.page.getByTestId('signature-policy')).toHaveText('Policy: a signed approval each from Safety and Legal: met.');

  expect(safety.errors).toEqual([]);
  expect(legal.errors).toEqual([]);
});

test('a forged signed review is refused with the reason, and nothing changes', async ({ studio, page, browser }) => {
  test.setTimeout(120_000);
  const reviewer = await reviewerBrowser(browser);
  const identity = await makeIdentity(reviewer.page, 'Sara Safety', 'Safety');
  await studio.importFile('filled-card.json', readFileSync('tests/fixtures/filled-card.json', 'utf8'));
  await studio.goToReview();
  await authorImports(studio, identity.name, identity.text);
  await studio.goToReview();
  await page.getByLabel('Number of trusted reviewers who must approve (signed)').fill('1');
  await page.getByRole('button', { name: 'Save policy' }).click();
  for (const box of await page.getByRole('checkbox', { name: /^Done: / }).all()) await box.check();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  const request = await saveDownload(page, () => page.getByRole('button', { name: 'Download review request' }).click());
  await reviewer.page.getByLabel('Open a card file').setInputFiles({ name: request.name, mimeType: 'application/json', buffer: Buffer.from(request.text) });
  await reviewer.page.getByRole('radio', { name: 'Request changes', exact: true }).check();
  await reviewer.page.getByLabel('Comment on the whole card').fill('The limitations need numbers.');
  await reviewer.page.getByRole('button', { name: 'Sign review' }).click();
  const signed = await saveDownload(reviewer.page, () => reviewer.page.getByRole('button', { name: 'Download signed review' }).click());

  // Forge it: turn "request changes" into "approve" inside the signed payload.
  const forged = JSON.parse(signed.text);
  const statement = JSON.parse(Buffer.from(forged.envelope.payload, 'base64').toString('utf8'));
  expect(statement.predicate.decision).toBe('request_changes');
  statement.predicate.decision = 'approve';
  forged.envelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
  const before = await studio.storedKeys();
  await authorImports(studio, 'forged.signed-review.json', JSON.stringify(forged));
  await expect(page.getByTestId('error')).toContainText(
    'Refused the signed review forged.signed-review.json: this signed review is not valid: the signature does not match: the review was changed after it was signed, or was not signed with this key. Nothing changed.',
  );
  await studio.goToReview();
  await expect(studio.status).toHaveText('In review');
  await expect(page.getByTestId('signed-reviews')).toHaveCount(0);
  expect(await studio.storedKeys()).toEqual(before);

  // The genuine one is accepted: changes requested, back to draft.
  await authorImports(studio, signed.name, signed.text);
  await expect(studio.status).toHaveText('Draft');

  // A reviewer nobody trusts is refused too.
  const stranger = await reviewerBrowser(browser);
  await makeIdentity(stranger.page, 'Stan Stranger', 'Safety');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  const again = await saveDownload(page, () => page.getByRole('button', { name: 'Download review request' }).click());
  await stranger.page.getByLabel('Open a card file').setInputFiles({ name: again.name, mimeType: 'application/json', buffer: Buffer.from(again.text) });
  await stranger.page.getByRole('radio', { name: 'Approve', exact: true }).check();
  await stranger.page.getByRole('button', { name: 'Sign review' }).click();
  const untrusted = await saveDownload(stranger.page, () => stranger.page.getByRole('button', { name: 'Download signed review' }).click());
  await authorImports(studio, untrusted.name, untrusted.text);
  await expect(page.getByTestId('error')).toContainText("Stan Stranger's key (");
  await expect(page.getByTestId('error')).toContainText('is not one of your trusted reviewers: import their identity first. Nothing changed.');
  await studio.goToReview();
  await expect(studio.status).toHaveText('In review');
  // A published card whose signature was altered: the viewer says so.
  const published = JSON.parse(readFileSync('tests/fixtures/signed/two-signers.json', 'utf8'));
  const envelope = published.workflow.signed_reviews[0].envelope;
  const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  payload.predicate.comment = 'Altered after signing.';
  envelope.payload = Buffer.from(JSON.stringify(payload)).toString('base64');
  await stranger.page.getByRole('button', { name: 'Viewer', exact: true }).click();
  await stranger.page.getByLabel('Open a card file').setInputFiles({ name: 'altered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(published)) });
  const lines = stranger.page.getByTestId('signatures').getByRole('listitem');
  await expect(lines.filter({ hasText: 'Sara Safety (Safety): signature invalid' })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'Signed by Lars Legal (Legal) (verified)' })).toHaveCount(1);
  await expect(stranger.page.getByTestId('signature-policy')).toHaveText('Policy: a signed approval each from Safety and Legal: needs a signed approval from Safety.');
  for (const who of [reviewer, stranger]) expect(who.errors).toEqual([]);
});
