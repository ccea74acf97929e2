// `make lighthouse`: Lighthouse's four category scores for the release build in dist/,
// served gzipped (as GitHub Pages serves it), with Lighthouse's mobile and desktop
// settings, in Debian's Chromium. Writes target/lighthouse.json.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, writeFileSync } from 'node:fs';
import { serveDist } from './serve-dist.mjs';

const server = await serveDist('dist', { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const results = {};
try {
  for (const formFactor of ['mobile', 'desktop']) {
    const config = formFactor === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
    const run = await lighthouse(server.url, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
    const categories = run.lhr.categories;
    results[formFactor] = Object.fromEntries(Object.entries(categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
    const misses = Object.values(run.lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'numeric')
      .map((a) => `${a.id} ${a.displayValue ?? ''}`.trim());
    results[`${formFactor}Below90`] = misses;
  }
} finally {
  await chrome.kill();
  server.close();
}
console.log('Lighthouse (performance / accessibility / best practices / SEO)');
for (const formFactor of ['mobile', 'desktop']) {
  const s = results[formFactor];
  console.log(`  ${formFactor.padEnd(8)} ${s.performance} / ${s.accessibility} / ${s['best-practices']} / ${s.seo}`);
  if (results[`${formFactor}Below90`].length) console.log(`           below 90: ${results[`${formFactor}Below90`].join('; ')}`);
}
mkdirSync('target', { recursive: true });
writeFileSync('target/lighthouse.json', JSON.stringify(results, null, 2) + '\n');
