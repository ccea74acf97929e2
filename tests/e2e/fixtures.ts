import { test as base, expect, type Page, type Locator, type Download } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** The app as a user sees it: controls found by their accessible names. */
export class StudioPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('./');
    await expect(this.field('Name')).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  metricName(row: number): Locator {
    return this.page.getByLabel(`Metric ${row} name`, { exact: true });
  }

  metricValue(row: number): Locator {
    return this.page.getByLabel(`Metric ${row} value`, { exact: true });
  }

  get preview(): Locator {
    return this.page.getByRole('article', { name: 'Card preview' });
  }

  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  get error(): Locator {
    return this.page.getByRole('alert');
  }

  async fillSeedCard() {
    await this.field('Name').fill('ImageClassifier');
    await this.field('Version').fill('1.0');
    await this.page.getByRole('button', { name: 'Add metric' }).click();
    await this.metricName(1).fill('accuracy');
    await this.metricValue(1).fill('0.92');
    await this.field('Limitations').fill('May misclassify rare images');
  }

  async goToLibrary() {
    await this.page.getByRole('button', { name: 'Library', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Drafts', level: 2 })).toBeVisible();
  }

  /** The rows of the library's table. */
  get libraryRows(): Locator {
    return this.page.locator('.drafts-table tbody tr');
  }

  /** The library row of the draft with exactly this name. */
  libraryRow(name: string): Locator {
    return this.libraryRows.filter({ has: this.page.getByRole('rowheader').getByRole('button', { name, exact: true }) });
  }

  /**
   * Moves focus to `target` with the Tab key alone, as a keyboard user would, and fails
   * if it cannot be reached.
   */
  async tabTo(target: Locator, { backwards = false, limit = 400 } = {}) {
    for (let presses = 0; presses < limit; presses++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`could not reach ${target} with the Tab key`);
  }

  async goToReview() {
    await this.page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Review and publish' })).toBeVisible();
  }

  get status(): Locator {
    return this.page.getByTestId('status');
  }

  /** Imports the fully filled card, ticks the checklist, submits it and approves it. */
  async approveFilledCard(reviewer = 'Rita Reviewer') {
    const card = await readFile('tests/fixtures/filled-card.json', 'utf8');
    await this.importFile('filled-card.json', card);
    await this.goToReview();
    for (const box of await this.page.getByRole('checkbox', { name: /^Done: / }).all()) await box.check();
    await this.page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(this.status).toHaveText('In review');
    await this.recordReview(reviewer, 'Ethics board', 'Approve');
    await expect(this.status).toHaveText('Approved');
  }

  async recordReview(name: string, role: string, decision: 'Approve' | 'Request changes', comment = '') {
    await this.page.getByLabel('Reviewer name').fill(name);
    await this.page.getByLabel('Reviewer role').fill(role);
    await this.page.getByRole('radio', { name: decision, exact: true }).check();
    if (comment) await this.page.getByLabel(/^Comment/).fill(comment);
    await this.page.getByRole('button', { name: 'Record review' }).click();
  }

  /** Opens a draft from the library by its name. */
  async openFromLibrary(name: string) {
    await this.libraryRow(name).getByRole('button', { name, exact: true }).click();
    await expect(this.field('Name')).toHaveValue(name);
  }

  /** Opens the list of missing items under the completeness score. */
  async openMissingList() {
    const summary = this.page.locator('details.missing > summary');
    if (!(await this.page.locator('details.missing').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  }

  async waitUntilSaved() {
    await expect(this.saveState).toHaveText('Saved');
  }

  /** Imports a file through the "Import" control, and waits until the app has read it. */
  async importFile(name: string, contents: string, mimeType = 'application/json') {
    await this.page.getByLabel('Import', { exact: true }).setInputFiles({
      name,
      mimeType,
      buffer: Buffer.from(contents),
    });
    // Reading a file is asynchronous: the import is done when the app reports on it.
    const report = this.page.getByTestId('notice').or(this.page.getByTestId('error'));
    await expect(report.filter({ hasText: name })).toBeVisible();
  }

  /** The Download menu's summary, which opens and closes it. */
  downloadMenu(within: Page | Locator = this.page): Locator {
    return within.locator('details.menu > summary', { hasText: /^Download$/ });
  }

  /**
   * Clicks a download button and returns the file's name and text. A button inside the
   * closed Download menu is reached by opening the menu first, as a user would.
   */
  async download(button: string, within: Page | Locator = this.page): Promise<{ name: string; text: string }> {
    const target = within.getByRole('button', { name: button, exact: true });
    if (!(await target.isVisible())) await this.downloadMenu(within).click();
    const [download]: [Download, void] = await Promise.all([this.page.waitForEvent('download'), target.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** What the app keeps in localStorage under its own prefix. */
  async storedKeys(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const entries: Record<string, string> = {};
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i)!;
        entries[key] = localStorage.getItem(key)!;
      }
      return entries;
    });
  }
}

/**
 * Every spec fails on an uncaught page error or a console error, so a build that
 * compiles but does not start can never pass.
 */
export const test = base.extend<{ studio: StudioPage; pageErrors: PageErrors }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: PageErrors = Object.assign([], { expected: [] });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      await use(errors);
      const unexpected = errors.filter((error) => !errors.expected.some((pattern) => pattern.test(error)));
      expect(unexpected, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
  studio: async ({ page }, use) => {
    const studio = new StudioPage(page);
    await studio.open();
    await use(studio);
  },
});

/** The page's errors, and the patterns of those a test provokes on purpose. */
type PageErrors = string[] & { expected: RegExp[] };

/**
 * Declares errors a test provokes on purpose (whenever they are logged, even after the
 * test's last step), so that every other error still fails it.
 */
export function expectErrors(errors: PageErrors, expected: RegExp) {
  errors.expected.push(expected);
}

export { expect };
