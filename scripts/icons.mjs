// Regenerates the app's PNG icons (for the web app manifest) from public/icon.svg, by
// drawing it in headless Chromium. The PNGs are committed; run `make icons` after
// changing the SVG. "maskable" icons get a safe-zone margin on the theme colour.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync('public/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [size, maskable] of [[192, false], [512, false], [512, true]]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inset = maskable ? size * 0.12 : 0;
    await page.setContent(
      `<body style="margin:0;background:${maskable ? '#1d4ed8' : 'transparent'}">` +
        `<div style="position:absolute;inset:${inset}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
    );
    const name = `public/icon-${size}${maskable ? '-maskable' : ''}.png`;
    await page.screenshot({ path: name, omitBackground: !maskable });
    console.log(`wrote ${name}`);
    await page.close();
  }
} finally {
  await browser.close();
}
