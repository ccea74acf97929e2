// The browser fuzz run: hostile documents imported through the UI as a user would (the
// Import picker, a paste on the page, a link), then every screen visited with each one:
// the editor, the review screen with its history and a comparison of versions, the
// library, the viewer (the document opened there too) and the Share link dialog. The
// fixture fails the run on any page error or console error; a stuck screen fails it
// by timeout. `make test` runs 200 quick documents of a fixed seed; `make fuzz-ui N=… SEED=…`
// runs more, and a failure saves the document under target/fuzz-ui/ to replay. The
// documents are dealt to SHARDS tests (tagged @fuzz), one page each, which `make e2e`
// and `make fuzz-ui` run side by side, one worker each, after the other specs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectErrors } from './fixtures';
import { countWorkerJobs, drive } from './fuzz/driver';
import { generate, type FuzzDocument, type Profile } from './fuzz/generator';

const SEED = Number(process.env.FUZZ_SEED || 20261201);
const COUNT = Number(process.env.FUZZ_N || 200);
const FROM = Number(process.env.FUZZ_FROM || 0);
/** "quick" (the default, `make test`): the same documents a twentieth of the size; "full": `make fuzz-ui`. */
const PROFILE: Profile = process.env.FUZZ_PROFILE === 'full' ? 'full' : 'quick';
const REPLAY = process.env.FUZZ_REPLAY;
/** How many tests (and so pages, run in parallel) the documents are dealt to. */
const SHARDS = REPLAY ? 1 : Math.max(1, Number(process.env.FUZZ_SHARDS || 2));
/** FUZZ_VERBOSE=1: one line per document, with the time of each step. */
const VERBOSE = !!process.env.FUZZ_VERBOSE;
/** Storage is cleared (and the page reloaded) this often, so the quota never fills. */
const RESET_EVERY = 25;
const RESET_CHARS = 2_500_000;
// Outside test-results/, which Playwright empties at the start of every run.
const SAVED = 'target/fuzz-ui';

/** The documents of shard `shard`: every SHARDS-th one, so each shard gets every kind. */
function documents(shard: number): FuzzDocument[] {
  if (REPLAY) return [JSON.parse(readFileSync(REPLAY, 'utf8'))];
  const indices = Array.from({ length: COUNT }, (_, i) => FROM + i).filter((_, i) => i % SHARDS === shard);
  return indices.map((index) => generate(SEED, index, PROFILE));
}

/** Saves a failing document so it can be replayed, and says how. */
function save(doc: FuzzDocument, error: unknown): string {
  mkdirSync(SAVED, { recursive: true });
  const base = join(SAVED, `seed-${doc.seed}-doc-${doc.index}`);
  writeFileSync(`${base}.json`, JSON.stringify(doc, null, 2));
  writeFileSync(`${base}-${doc.name}`, doc.text);
  return (
    `fuzz-ui: document ${doc.index} of seed ${doc.seed} failed (${doc.kind}, by ${doc.how}): ` +
    `${error instanceof Error ? error.message : String(error)}\n` +
    `  saved as ${base}.json (the document itself: ${base}-${doc.name})\n` +
    `  replay: make fuzz-ui REPLAY=${base}.json   or   make fuzz-ui SEED=${doc.seed} FROM=${doc.index} N=1 PROFILE=${doc.profile}`
  );
}

/**
 * The one console error a hostile document may cause, and why it is not a failure:
 * Chromium reports every inline event handler attribute (`<p onclick=…>`) in the raw HTML
 * of a card's text when DOMPurify parses it, in a document that inherits the page's CSP,
 * even though DOMPurify then removes it and nothing ever runs (xss.spec.ts sees the same).
 * Anything else logged fails the run.
 */
const CSP_REPORT = /^console\.error: Executing inline event handler violates the following Content Security Policy directive 'script-src /;

test.describe.configure({ mode: 'parallel' });

for (let shard = 0; shard < SHARDS; shard++) {
  const title = `hostile documents imported through the UI break no screen (shard ${shard + 1} of ${SHARDS})`;
  test(title, { tag: '@fuzz' }, async ({ studio, page, pageErrors }) => {
    expectErrors(pageErrors, CSP_REPORT);
    const docs = documents(shard);
    // A guard against a hung run, not a timing assertion: `make bench` measures speed.
    test.setTimeout(120_000 + docs.length * 5_000);
    const which = `documents ${FROM}..${FROM + COUNT - 1}` + (SHARDS > 1 ? `, one in ${SHARDS} from ${FROM + shard}` : '');
    console.log(`fuzz-ui: seed ${SEED}, profile ${PROFILE}, ${REPLAY ? `replaying ${REPLAY}` : which}`);
    await page.addInitScript(countWorkerJobs);
    await studio.open();
    const started = Date.now();
    let since = 0;
    for (const doc of docs) {
      const stored = await page.evaluate(() => Object.entries(localStorage).reduce((n, [k, v]) => n + k.length + v.length, 0));
      if (since >= RESET_EVERY || stored > RESET_CHARS) {
        await page.evaluate(() => localStorage.clear());
        await studio.open();
        since = 0;
      }
      since++;
      try {
        const steps = await page.evaluate(drive, { how: doc.how, name: doc.name, text: doc.text, index: doc.index });
        if (VERBOSE) console.log(`fuzz-ui: ${doc.index} (${doc.kind}, by ${doc.how}, ${doc.text.length} chars): ${steps.join(', ')} ms`);
        // A page error is reported a moment after it happens: wait for it here, not in the next document.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
        expect(pageErrors.filter((error) => !CSP_REPORT.test(error)), 'the page logged errors').toEqual([]);
      } catch (error) {
        throw new Error(save(doc, error));
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`fuzz-ui: shard ${shard + 1} of ${SHARDS}: ${docs.length} documents of seed ${SEED} (${PROFILE}) in ${seconds.toFixed(1)} s, no failure`);
  });
}
