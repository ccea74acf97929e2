import { test, expect } from './fixtures';

test('the whole flow from a blank card to a published one, by keyboard alone, with the downloads checked', async ({ studio, page }) => {
  // Hundreds of key presses, each awaited: on a busy two-core machine this took 33 s of
  // the default 30 (no timing is asserted).
  test.slow();
  const keyboard = page.keyboard;
  const typeInto = async (label: string, text: string) => {
    await studio.tabTo(studio.field(label));
    await keyboard.type(text);
  };

  // Collect info and document: every required field, through the form.
  await typeInto('Name', 'KeyboardNet');
  await typeInto('Version', '1.0');
  await typeInto('Description', 'A model documented without touching the mouse.');
  await studio.tabTo(studio.field('Licence'));
  await keyboard.type('MIT');
  await expect(studio.field('Licence')).toHaveValue('mit');
  await typeInto('Contact', 'team@example.org');
  await typeInto('Primary intended uses', 'Demonstrating keyboard access.');
  await typeInto('Out-of-scope uses', 'Anything else.');
  await studio.tabTo(page.getByRole('button', { name: 'Add metric' }));
  await keyboard.press('Enter');
  await expect(studio.metricName(1)).toBeFocused();
  await keyboard.type('accuracy');
  await keyboard.press('Tab');
  await keyboard.type('0.9');
  await typeInto('Limitations', 'Only tested on this one flow.');
  await expect(page.getByTestId('completeness')).not.toHaveText('0%');

  // Review & approve: the checklist, submission, a reviewer's approval.
  await studio.tabTo(page.getByRole('button', { name: 'Review', exact: true }), { backwards: true });
  await keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Review and publish' })).toBeVisible();
  for (const id of ['limitations', 'out_of_scope', 'license', 'contact']) {
    await studio.tabTo(page.locator(`#check-${id}-done`));
    await keyboard.press('Space');
  }
  for (const id of ['data', 'disaggregated', 'ethical_risks']) {
    await studio.tabTo(page.locator(`#check-${id}-na`));
    await keyboard.press('Space');
    await keyboard.press('Tab');
    await keyboard.type('A demonstration model: there is no real data or risk.');
  }
  await studio.tabTo(page.getByRole('button', { name: 'Submit for review' }));
  await keyboard.press('Enter');
  await expect(studio.status).toHaveText('In review');

  await studio.tabTo(page.getByLabel('Reviewer name'));
  await keyboard.type('Rita Reviewer');
  await keyboard.press('Tab');
  await keyboard.type('Ethics board');
  await studio.tabTo(page.getByRole('radio', { name: 'Approve' }));
  await keyboard.press('Space');
  await studio.tabTo(page.getByRole('button', { name: 'Record review' }));
  await keyboard.press('Enter');
  await expect(studio.status).toHaveText('Approved');

  // Publish, then download both files.
  await studio.tabTo(page.getByRole('button', { name: 'Publish', exact: true }), { backwards: true });
  await keyboard.press('Enter');
  await expect(studio.status).toHaveText('Published');
  await expect(page.getByTestId('publication')).toContainText('Published: version 1.0');

  const jsonButton = page.getByRole('button', { name: 'Download published JSON' });
  await studio.tabTo(jsonButton);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), keyboard.press('Enter')]);
  const json = JSON.parse(await (await import('node:fs/promises')).readFile(await jsonDownload.path(), 'utf8'));
  expect(json.workflow.status).toBe('published');
  const publication = json.workflow.publications[0];
  expect(publication.version).toBe('1.0');
  expect(publication.content_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(publication.approval.reviewers[0]).toMatchObject({ name: 'Rita Reviewer', role: 'Ethics board' });

  await keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Download published Markdown' })).toBeFocused();
  const [mdDownload] = await Promise.all([page.waitForEvent('download'), keyboard.press('Enter')]);
  const markdown = await (await import('node:fs/promises')).readFile(await mdDownload.path(), 'utf8');
  // The status block sits after the front matter, then the card's title (docs/status-block.md).
  expect(markdown).toMatch(/\n---\n<!-- model-card-studio:status -->\n> \*\*Published:\*\* version 1\.0 of \d{4}-\d\d-\d\d\.\n[\s\S]*\n<!-- \/model-card-studio:status -->\n\n# KeyboardNet\n/);
  expect(markdown).toContain('by Rita Reviewer (Ethics board).');
  expect(markdown).toContain(`Content SHA-256: \`${publication.content_hash}\``);
});

test('editing an approved card voids the approval, and undoing the edit restores it', async ({ studio, page }) => {
  await studio.approveFilledCard();
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await expect(studio.field('Summary')).toBeDisabled();
  await expect(page.getByText('This card is approved, so its content is read-only.')).toBeVisible();

  await studio.goToReview();
  await page.getByRole('button', { name: 'Edit (voids approval)' }).click();
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  const original = await studio.field('Summary').inputValue();
  await studio.field('Summary').fill(`${original} Now with more classes.`);

  await studio.goToReview();
  await expect(studio.status).toHaveText('Draft');
  await expect(page.getByText('(changed since approval)')).toBeVisible();
  const drift = page.getByRole('table', { name: 'Changes since approval' });
  await expect(drift.getByRole('row', { name: /Summary/ })).toContainText('Now with more classes.');
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);

  // The Markdown download now says it is not reviewed.
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  const markdown = await studio.download('Download Markdown', page.locator('.editor-toolbar'));
  expect(markdown.text).toContain('> **Draft: not reviewed.** This card changed since it was approved.');

  await studio.field('Summary').fill(original);
  await studio.goToReview();
  await expect(studio.status).toHaveText('Approved');
  await expect(page.getByText('(changed since approval)')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeVisible();
});

test('there is no way to publish without an approval', async ({ studio, page }) => {
  // A draft and a card in review offer no "Publish".
  const card = await import('node:fs/promises').then((fs) => fs.readFile('tests/fixtures/filled-card.json', 'utf8'));
  await studio.importFile('filled-card.json', card);
  await studio.goToReview();
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeVisible();

  // Submitting with the checklist open is refused, and says why.
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(studio.error).toHaveText('Not submitted: fill in every required field and answer every checklist item first.');
  await expect(studio.status).toHaveText('Draft');

  // A file that claims "approved" without an approval is imported as a draft.
  const forged = JSON.parse(card);
  forged.workflow = { status: 'approved' };
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await studio.importFile('forged.json', JSON.stringify(forged));
  await expect(page.getByTestId('notice')).toContainText('Problems: workflow.status: says approved, but there is no approval; so the card is imported as a draft.');
  await studio.goToReview();
  await expect(studio.status).toHaveText('Draft');
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);

  // So is one whose approval is for other content.
  forged.workflow = {
    status: 'approved',
    approval: { content_hash: '0'.repeat(64), approved_at: Date.now() - 60_000, reviewers: [{ name: 'Mallory', role: 'None', at: Date.now() - 60_000 }] },
  };
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await studio.importFile('forged-hash.json', JSON.stringify(forged));
  await studio.goToReview();
  await expect(studio.status).toHaveText('Draft');
  await expect(page.getByText('(changed since approval)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
});

test('missing required fields are listed, and each one leads to its field', async ({ studio, page }) => {
  await studio.field('Name').fill('Half done');
  await studio.goToReview();
  const missing = page.locator('.missing-required');
  await expect(missing.getByRole('button', { name: 'Name' })).toHaveCount(0);
  await missing.getByRole('button', { name: 'Out-of-scope uses' }).click();
  await expect(studio.field('Out-of-scope uses')).toBeFocused();
});

test('several reviewers; requesting changes needs a comment and sends the card back with section notes', async ({ studio, page }) => {
  await studio.approveFilledCard('First Reviewer');
  await studio.recordReview('Second Reviewer', 'Product owner', 'Approve');
  await expect(page.getByTestId('approval-block')).toContainText('First Reviewer (Ethics board)');
  await expect(page.getByTestId('approval-block')).toContainText('Second Reviewer (Product owner)');

  await page.getByLabel('Reviewer name').fill('Third Reviewer');
  await page.getByLabel('Reviewer role').fill('Legal');
  await page.getByRole('radio', { name: 'Request changes' }).check();
  await page.getByRole('button', { name: 'Record review' }).click();
  await expect(studio.error).toHaveText('Review not recorded: say what needs to change: a comment is required to request changes.');
  await expect(page.locator('.review-form .form-error')).toHaveText(await studio.error.innerText());
  await expect(studio.status).toHaveText('Approved');

  await page.getByLabel('Comment (required to request changes)').fill('Please clarify the licence.');
  await page.getByRole('button', { name: 'Add a comment on a section' }).click();
  await page.getByLabel('Section of comment 1').selectOption({ label: 'Factors' });
  await page.getByLabel('Comment 1', { exact: true }).fill('Name the lighting levels used.');
  await page.getByRole('button', { name: 'Record review' }).click();
  await expect(studio.status).toHaveText('Draft');
  const reviews = page.getByRole('region', { name: 'Reviews' });
  await expect(reviews).toContainText('Third Reviewer (Legal)');
  await expect(reviews).toContainText('Request changes');
  await expect(reviews).toContainText('On “Factors”: Name the lighting levels used.');
});

test('history keeps every version; publishing a new one supersedes the old, and any two can be compared', async ({ studio, page }) => {
  await studio.approveFilledCard();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(studio.status).toHaveText('Published');
  await page.getByRole('button', { name: 'Start the next version' }).click();
  await expect(studio.status).toHaveText('Draft');

  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await studio.field('Version').fill('1.1');
  await studio.field('Limitations').fill('May misclassify rare images, photos taken in low light, and sketches.');
  await studio.goToReview();
  for (const box of await page.getByRole('checkbox', { name: /^Done: / }).all()) await box.check();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await studio.recordReview('Rita Reviewer', 'Ethics board', 'Approve');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('publication')).toContainText('Published: version 1.1');

  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Version 1.0 superseded');
  await expect(history).toContainText('Published version 1.1');
  await expect(history).toContainText('Published version 1.0');

  // Compare the first published version with the current one.
  const first = await page.locator('#compare-from option', { hasText: /^Version 1\.0, published/ }).textContent();
  await page.getByLabel('Compare', { exact: true }).selectOption({ label: first! });
  const diff = page.getByRole('table', { name: 'Differences between the two versions' });
  await expect(diff.getByRole('row', { name: /^Version/ })).toContainText('1.0');
  const limitations = diff.getByRole('row', { name: /^Limitations/ });
  await expect(limitations.locator('ins', { hasText: 'sketches' })).toBeVisible();
  await expect(limitations.locator('.diff-old')).toContainText('May misclassify rare images');
});
