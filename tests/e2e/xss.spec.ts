import { test, expect, expectErrors } from './fixtures';

// Each payload sets window.__pwned if it ever runs.
const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img onerror\'">',
  '[click me](javascript:window.__pwned=\'link\')',
  '<a href="javascript:window.__pwned=\'a href\'">click me too</a>',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '<iframe src="javascript:parent.__pwned=\'iframe\'"></iframe>',
];

test('script, event-handler and javascript: payloads in Limitations never run', async ({ studio, page, pageErrors }) => {
  // The image must fail to decode, so that an onerror handler, if one survived, would fire.
  await page.route('**/x', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: 'not a png' }));
  await studio.field('Limitations').fill(PAYLOADS.join('\n\n'));
  await expect(studio.preview.getByText('click me too')).toBeVisible();

  // Click every link the preview offers, in case one kept its javascript: URL.
  for (const link of await studio.preview.getByRole('link').all()) {
    await link.click({ modifiers: [] }).catch(() => {});
  }
  await page.waitForTimeout(200);

  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  const html = await studio.preview.innerHTML();
  expect(html).not.toMatch(/<script|onerror|onload|javascript:|<iframe/i);
  // Parsing the payloads before sanitizing them, the browser reports the handlers the CSP
  // would have blocked: the second line of defence, seen working.
  expectErrors(pageErrors, /Executing inline event handler violates the following Content Security Policy/);
});
