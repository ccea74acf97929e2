import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';

// The app shell in index.html is the first screen of a first visit, as static HTML. It
// must have exactly the layout the app then mounts, or the page would jump at start-up.
const PARTS = [
  'header.app-header', 'h1.app-title', 'nav.screens', 'nav.screens button:nth-child(1)', 'nav.screens button:nth-child(4)',
  'section.status-line', 'div.editor-toolbar', 'nav.stepper', 'p.step-next', 'div.toolbar', 'div.toolbar > button:first-child',
  'details.menu', 'main div.banner.info', 'main div.banner.info p', 'main div.banner.info button',
];

const VIEWPORTS = [
  { width: 412, height: 823 },
  { width: 1350, height: 940 },
];

async function rects(page: Page, within: string) {
  return page.evaluate(
    ({ parts, within }) =>
      Object.fromEntries(
        parts.map((part) => {
          const element = document.querySelector(`${within} ${part}`);
          const r = element?.getBoundingClientRect();
          return [part, r ? [r.x, r.y, r.width, r.height].map((n) => Math.round(n * 2) / 2) : null];
        }),
      ),
    { parts: PARTS, within },
  );
}

/** The shell alone: the app's wasm never arrives. */
async function shellRects(browser: Browser, baseURL: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(/model-card-studio-[0-9a-f]+_bg\.wasm$/, (route) => route.abort());
  await page.goto(baseURL);
  await expect(page.locator('#app-shell .banner.info')).toBeVisible();
  const result = await rects(page, '#app-shell');
  await context.close();
  return result;
}

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width}px the shell has exactly the layout of the mounted app, which replaces it`, async ({ browser, baseURL, page }) => {
    const shell = await shellRects(browser, baseURL!, viewport);
    expect(Object.values(shell).every((r) => r !== null), 'every part is in the shell').toBe(true);

    await page.setViewportSize(viewport);
    await page.goto('./');
    await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
    await expect(page.locator('#app-shell')).toHaveCount(0);
    expect(await rects(page, 'body')).toEqual(shell);
  });

  test(`at ${viewport.width}px nothing shifts while the app starts`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(() => {
      (window as any).__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as any[]) {
          (window as any).__shifts.push(`${entry.value.toFixed(4)}: ${entry.sources.map((s: any) => s.node?.className ?? s.node?.nodeName).join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('./');
    await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
    // The storage state arrives after an asynchronous answer, and the save age ticks.
    await expect(page.getByTestId('persistence')).not.toBeEmpty();
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as any).__shifts)).toEqual([]);
  });
}

test('the app is built out of sight and swapped for the shell in one task, with its first screen whole', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as any;
    w.__reveal = null;
    new MutationObserver(() => {
      const app = document.getElementById('app');
      if (w.__reveal || !app || app.hidden) return;
      w.__reveal = {
        shellStillThere: document.getElementById('app-shell') !== null,
        banner: app.querySelector('main .banner.info p')?.textContent ?? null,
        toolbar: app.querySelectorAll('.editor-toolbar .toolbar button').length,
        status: app.querySelector('[data-testid="save-state"]') !== null,
      };
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
  });
  await page.goto('./');
  await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
  const reveal = await page.evaluate(() => (window as any).__reveal);
  expect(reveal).toMatchObject({ shellStillThere: false, status: true });
  expect(reveal.banner).toContain('This card is empty.');
  expect(reveal.toolbar).toBeGreaterThan(3);
  // The stylesheet is part of the page: the first paint waits for no other request.
  expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
});

test('once the app is shown, the rest of the editor arrives a few slices per frame', async ({ page }) => {
  // After the reveal, a frame is drawn after every four start-up slices, so the browser
  // lays out what they added in short frames, instead of drawing nothing while the slices
  // run back to back and then laying out all of them in one long frame. Every frame is
  // counted, and every task that runs a slice (a message to a MessagePort) numbered.
  await page.addInitScript(() => {
    const w = window as any;
    let frame = 0;
    let task = 0;
    const count = () => {
      frame += 1;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')!;
    Object.defineProperty(MessagePort.prototype, 'onmessage', {
      ...onmessage,
      set(handler: (event: MessageEvent) => void) {
        onmessage.set!.call(this, (event: MessageEvent) => {
          task += 1;
          handler(event);
        });
      },
    });
    w.__fields = [] as { frame: number; task: number }[];
    new MutationObserver((records) => {
      const app = document.getElementById('app');
      if (!app || app.hidden) return;
      const fields = records.some((record) =>
        [...record.addedNodes].some((node) => node instanceof Element && app.contains(node) && node.matches('.field, :has(.field)')),
      );
      if (fields) w.__fields.push({ frame, task });
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto('./');
  await expect(page.locator('#app .rendered-card')).toBeVisible();
  await expect(page.locator('.app-footer')).toBeAttached();
  const fields: { frame: number; task: number }[] = await page.evaluate(() => (window as any).__fields);
  const tasksPerFrame = new Map<number, Set<number>>();
  for (const { frame, task } of fields) tasksPerFrame.set(frame, (tasksPerFrame.get(frame) ?? new Set()).add(task));
  expect(new Set(fields.map((field) => field.task)).size).toBeGreaterThan(10);
  for (const [frame, tasks] of tasksPerFrame) expect(tasks.size, `slices that added fields in frame ${frame}`).toBeLessThanOrEqual(4);
});

test('a key pressed during start-up finishes it at once, so the whole editor is there for it', async ({ page }) => {
  // A press while the form is still arriving slice by slice (a fast user, a keyboard user
  // tabbing on) builds the rest of it before the press's own handlers and default action.
  await page.addInitScript(() => {
    const w = window as any;
    new MutationObserver((_, observer) => {
      const app = document.getElementById('app');
      if (!app || app.hidden) return;
      observer.disconnect();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' }));
      setTimeout(() => {
        w.__afterPress = {
          fields: app.querySelectorAll('.field').length,
          footer: document.querySelector('.app-footer') !== null,
        };
      }, 0);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
  });
  await page.goto('./');
  await expect(page.locator('.app-footer')).toBeAttached();
  const afterPress = await page.evaluate(() => (window as any).__afterPress);
  expect(afterPress.footer).toBe(true);
  expect(afterPress.fields).toBeGreaterThan(20);
  expect(afterPress.fields).toBe(await page.locator('#app .field').count());
});
