// Regenerates docs/screenshot.png from the real app: serves dist/, fills in the seed
// card, and captures the editor beside its live preview. Run with `make screenshot`.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const port = 4174;
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'dist'], {
  stdio: 'ignore',
});

try {
  await sleep(500);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByLabel('Import', { exact: true }).setInputFiles({
    name: 'model_info.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({
      name: 'ImageClassifier',
      version: '1.0',
      metrics: { accuracy: 0.92, precision: 0.9, recall: 0.87 },
      limitations: 'May misclassify rare images, and images taken in low light.',
    })),
  });
  await page.getByRole('heading', { name: 'ImageClassifier' }).waitFor();
  // The import report is for the person who imported; the picture shows the editor.
  await page.getByRole('button', { name: 'Dismiss report' }).click();
  await page.getByTestId('save-state').filter({ hasText: /^Saved$/ }).waitFor();
  await page.screenshot({ path: 'docs/screenshot.png' });
  await browser.close();
  console.log('wrote docs/screenshot.png');
} finally {
  server.kill();
}
