// `make lighthouse`: Lighthouse's four category scores for the release build in dist/,
// served gzipped (as GitHub Pages serves it), with Lighthouse's mobile and desktop
// settings, in Debian's Chromium. Reports the budgets (mobile performance at least 95,
// the other three categories 100, on both form factors) as met or missed. Writes
// target/lighthouse.json. Usage: node scripts/lighthouse.mjs [dist]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, writeFileSync } from 'node:fs';
import { serveDist } from './serve-dist.mjs';

const DIST = process.argv[2] ?? 'dist';
const server = await serveDist(DIST, { gzip: true });
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
    const metric = (id) => run.lhr.audits[id]?.displayValue ?? '';
    results[`${formFactor}Metrics`] = {
      fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'), si: metric('speed-index'),
    };
  }
} finally {
  await chrome.kill();
  server.close();
}
console.log('Lighthouse (performance / accessibility / best practices / SEO)');
for (const formFactor of ['mobile', 'desktop']) {
  const s = results[formFactor];
  console.log(`  ${formFactor.padEnd(8)} ${s.performance} / ${s.accessibility} / ${s['best-practices']} / ${s.seo}`);
  const m = results[`${formFactor}Metrics`];
  console.log(`           FCP ${m.fcp}, LCP ${m.lcp}, TBT ${m.tbt}, CLS ${m.cls}, Speed Index ${m.si}`);
  if (results[`${formFactor}Below90`].length) console.log(`           below 90: ${results[`${formFactor}Below90`].join('; ')}`);
}
const budgets = [];
for (const formFactor of ['mobile', 'desktop']) {
  const s = results[formFactor];
  if (formFactor === 'mobile') budgets.push({ name: 'mobile performance', value: s.performance, min: 95 });
  for (const id of ['accessibility', 'best-practices', 'seo']) budgets.push({ name: `${formFactor} ${id}`, value: s[id], min: 100 });
}
results.budgets = budgets.map((b) => ({ ...b, met: b.value >= b.min }));
console.log('Budgets');
for (const b of results.budgets) console.log(`  ${b.name.padEnd(28)} ${b.value} (at least ${b.min}): ${b.met ? 'met' : 'MISSED'}`);
mkdirSync('target', { recursive: true });
writeFileSync('target/lighthouse.json', JSON.stringify(results, null, 2) + '\n');
