// The browser fuzz run's driver: it runs inside the page (one `page.evaluate` per
// document) and does what a user does, through the DOM events a user's actions fire:
// a file chosen in the Import picker, a paste on the page, a link followed, clicks on
// the tabs, a choice of versions to compare, the Share link dialog. Driving from inside
// the page saves the dozens of round trips to the browser a document would otherwise
// cost, so `make test` gets through 200 documents in a couple of minutes.
//
// It must be self-contained (Playwright sends its source to the page): no imports, no
// helpers from outside the function.

/** What the driver needs of a document. */
export interface Drive {
  how: 'file' | 'paste' | 'link';
  name: string;
  text: string;
  index: number;
}

/**
 * Imports the document as its `how` says, then visits every screen with it: editor,
 * review (and a comparison of two versions), library, viewer (the document opened there
 * too), and the Share link dialog. Throws, naming the step, when a screen never shows.
 * Returns the steps it took, with their times in ms.
 */
export async function drive(doc: Drive): Promise<string[]> {
  const TIMEOUT = 20_000;
  const steps: string[] = [];
  let started = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps.push(`${name} ${Math.round(now - started)}`);
    started = now;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Waits until `found` returns something truthy, and returns it. */
  async function until<T>(what: string, found: () => T | null | undefined | false): Promise<T> {
    const deadline = performance.now() + TIMEOUT;
    for (;;) {
      const value = found();
      if (value) return value;
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what} (after: ${steps.join(', ')})`);
      await sleep(2);
    }
  }
  const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
  const button = (label: string, within: ParentNode = document) =>
    [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === label) as HTMLButtonElement | undefined;
  const heading = (label: string) => [...document.querySelectorAll('h2')].find((h) => h.textContent?.trim() === label);
  /** Chooses the tab `label`, and waits until its screen is shown and `ready` holds. */
  async function tab(label: string, ready: () => unknown = () => true) {
    const target = [...document.querySelectorAll('nav.screens button')].find((b) => b.textContent?.trim() === label) as
      | HTMLButtonElement
      | undefined;
    if (!target) throw new Error(`no ${label} tab`);
    target.click();
    // The tab and its screen change in the same update; the wait is a timer later.
    await until(`the ${label} screen`, () => target.getAttribute('aria-current') === 'page' && ready());
  }
  /** What the app says of `name`: a notice or an error naming it, or a review request in the viewer. */
  const said = (name: string) =>
    text('[data-testid=notice]').includes(name) ||
    text('[data-testid=error]').includes(name) ||
    text('main').includes(`Opened from a review request (${name})`);
  /** Has Ctrl+S say something else, so that what the app says next of `name` is new. */
  async function sayNothingOf(name: string) {
    for (let tries = 0; said(name); tries++) {
      if (tries > 100) throw new Error(`the app still speaks of ${name}`);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }));
      await sleep(10);
    }
  }
  function choose(input: HTMLInputElement, name: string, contents: string) {
    const files = new DataTransfer();
    files.items.add(new File([contents], name, { type: 'text/plain' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  function paste(contents: string) {
    const data = new DataTransfer();
    data.setData('text/plain', contents);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }
  const jobs = (window as any).__fuzzJobs as { running: number; answered: number } | undefined;
  if (!jobs) throw new Error('the page has no job counter: call countWorkerJobs before it loads');
  /** Whether the formats worker has answered every job it was given. */
  const idle = () => jobs.running <= 0;
  /** Follows a share link, as a click on it in this tab does, and waits for the viewer. */
  async function follow(link: string) {
    const answered = jobs.answered;
    location.hash = link.slice(link.indexOf('#'));
    // The link is read by the formats worker; the viewer shows it (or an error) as it answers.
    await until('the formats worker to read the share link', () => jobs.answered > answered && idle());
    // Leave the address as it was, so a reload does not open the link again.
    history.replaceState(null, '', location.pathname);
  }

  // ---- import ----
  if (doc.how === 'link') {
    await tab('Viewer');
    await follow(doc.text);
    const copy = button('Copy to my drafts');
    if (copy && !text('[data-testid=error]').includes('Could not open the share link')) {
      await sayNothingOf('into a new draft');
      copy.click();
      await until('the copy to be made', () => text('[data-testid=notice]').includes('Copied the card from a share link into a new draft.'));
    }
  } else {
    if (!document.querySelector('#import-file')) await tab('Library');
    const input = await until('the Import picker', () => document.querySelector<HTMLInputElement>('#import-file'));
    let name = doc.name;
    if (doc.how === 'paste') {
      name = 'the pasted text';
      await sayNothingOf(name);
      paste(doc.text);
    } else {
      choose(input, name, doc.text);
    }
    const metrics = () =>
      [...document.querySelectorAll('dialog[open]')].find((d) => d.querySelector('h2')?.textContent?.startsWith('Merge the metrics'));
    await until(`the import of ${name}`, () => (said(name) || metrics()) && idle());
    const dialog = metrics();
    if (dialog) {
      const merge = button('Merge metrics', dialog);
      (doc.index % 2 === 0 && merge && !merge.disabled ? merge : button('Cancel', dialog))?.click();
      await until('the metrics dialog to close', () => !metrics());
    }
  }
  step('import');

  // ---- every screen ----
  await tab('Editor', () => heading('Card details') || heading('No draft is open'));
  step('editor');

  await tab('Review', () => heading('Review and publish') || heading('No draft is open'));
  const from = document.querySelector<HTMLSelectElement>('#compare-from');
  const to = document.querySelector<HTMLSelectElement>('#compare-to');
  if (from && to && from.options.length > 0) {
    from.selectedIndex = doc.index % from.options.length;
    from.dispatchEvent(new Event('change', { bubbles: true }));
    to.selectedIndex = (doc.index >> 1) % to.options.length;
    to.dispatchEvent(new Event('change', { bubbles: true }));
    await until('the comparison', () => document.querySelector('table.diff, p.diff-none'));
  }
  step('review');

  await tab('Library', () => heading('Drafts'));
  step('library');

  await tab('Viewer', () => document.querySelector('#viewer-file'));
  if (doc.how === 'link') {
    await follow(doc.text);
  } else {
    await sayNothingOf(doc.name);
    const input = await until('the viewer', () => document.querySelector<HTMLInputElement>('#viewer-file'));
    choose(input, doc.name, doc.text);
    await until(`the viewer to open ${doc.name}`, () => (text('main').includes(`Opened from ${doc.name}. Read-only`) || said(doc.name)) && idle());
  }
  step('viewer');

  await tab('Editor', () => heading('Card details') || heading('No draft is open'));
  const share = button('Share link');
  if (share) {
    share.click();
    const dialog = await until('the Share link dialog', () =>
      [...document.querySelectorAll('dialog[open]')].find((d) => d.querySelector('h2')?.textContent === 'Share link'),
    );
    await until('the link', () => dialog.querySelector('#share-url, [role=alert]') && idle());
    button('Close', dialog)?.click();
    await until('the Share link dialog to close', () => !dialog.open);
  }
  step('share');
  return steps;
}

/**
 * Counts the formats worker's jobs, so the driver knows when every import, opening and
 * link has been answered. Run in the page before the app loads (`page.addInitScript`).
 */
export function countWorkerJobs() {
  const jobs = { running: 0, answered: 0 };
  (window as any).__fuzzJobs = jobs;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event) => {
        // Every job gets one answer; "ready" is the worker saying it listens.
        if (event.data !== 'ready') {
          jobs.running--;
          jobs.answered++;
        }
      });
      // A worker that dies fails every job it had (the app says so).
      this.addEventListener('error', () => (jobs.running = 0));
    }
    postMessage(message: any, options?: any) {
      jobs.running++;
      return super.postMessage(message, options);
    }
  };
}
