// Trunk's post_build hook (Trunk.toml): finishes the staged build before it becomes dist/.
//
// 0. The lazily loaded chunks cut out by scripts/bin/wasm-bindgen get content-hashed
//    names and are placed in the build (scripts/split-chunks.mjs), so that 1 and 2 see them.
// 0b. DOMPurify is not loaded with the page: its script tag becomes a
//    <meta name="mcs-dompurify"> with its content-hashed address and SRI hash, from which
//    js/sanitize.js loads it with the first chunk that renders Markdown.
// 0c. The stylesheet is inlined into index.html: the first paint then waits for no
//    request but the page itself (docs/decisions.md §11e).
// 1. A strict Content-Security-Policy <meta> in index.html. Trunk's module loader is an
//    inline script, so it is allowed by its SHA-256 hash, computed here from the exact
//    bytes Trunk wrote; nothing else inline may run.
// 2. sw.js, the service worker (js/service-worker.js), with the list of this build's
//    files and a cache name stamped with a hash of their content.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { placeChunks } from './split-chunks.mjs';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run through `trunk build`');
  process.exit(2);
}

const indexPath = join(stage, 'index.html');
let index = readFileSync(indexPath, 'utf8');

// ---- 0. Lazy chunks ----
for (const file of readdirSync(stage).filter((f) => f.endsWith('.js'))) {
  if (readFileSync(join(stage, file), 'utf8').includes('__wasm_split_placeholder__')) {
    console.error(
      `post-build: ${file} still imports wasm-split's placeholder: the build ran without the splitting ` +
        'wasm-bindgen wrapper. Build with `make dist` (it puts scripts/bin first on PATH).',
    );
    process.exit(1);
  }
}
{
  const sourceHtml = readFileSync(process.env.TRUNK_HTML_FILE ?? 'index.html', 'utf8');
  const release = process.env.TRUNK_PROFILE === 'release';
  const result = placeChunks({ stage, index, sourceHtml, release });
  index = result.index;
  if (result.placed.length) console.log(`post-build: lazy chunks ${result.placed.join(', ')}`);
}

// ---- 0b. DOMPurify, on demand ----
{
  const tags = [...index.matchAll(/<script\b[^>]*\bsrc="(\.\/purify\.min[^"]*\.js)"[^>]*><\/script>/g)];
  if (tags.length !== 1) {
    console.error(`post-build: expected one DOMPurify script tag in index.html, found ${tags.length}`);
    process.exit(1);
  }
  const [tag, src] = tags[0];
  const integrity = tag.match(/\bintegrity="([^"]*)"/)?.[1];
  const meta = `<meta name="mcs-dompurify" content="${src}"${integrity ? ` data-integrity="${integrity}"` : ''} />`;
  index = index.replace(tag, meta);
}

// ---- 0c. The stylesheet, inline ----
// A render-blocking stylesheet is one more round trip before the first paint; the static
// shell is the first screen only once it is styled. Inlined, it is allowed by its hash.
let styleHash;
{
  const links = [...index.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="\.\/([^"]+\.css)"[^>]*>/g)];
  if (links.length !== 1) {
    console.error(`post-build: expected one stylesheet link in index.html, found ${links.length}`);
    process.exit(1);
  }
  const [tag, file] = links[0];
  const css = readFileSync(join(stage, file), 'utf8');
  if (/<\/style/i.test(css)) {
    console.error(`post-build: ${file} contains "</style", which would end the inline stylesheet`);
    process.exit(1);
  }
  index = index.replace(tag, () => `<style>${css}</style>`);
  styleHash = createHash('sha256').update(css, 'utf8').digest('base64');
  rmSync(join(stage, file));
}

// ---- 1. CSP ----
const inline = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length !== 1) {
  console.error(`post-build: expected exactly one inline script (Trunk's loader), found ${inline.length}`);
  process.exit(1);
}
const hash = createHash('sha256').update(inline[0], 'utf8').digest('base64');
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`,
  `style-src 'self' 'sha256-${styleHash}'`,
  // Parsing card HTML that has style attributes (DOMPurify's first step, in an inert
  // document) reports a violation even though the sanitizer then drops every style
  // attribute. No script can run from a style attribute, and img-src keeps CSS from
  // fetching anything, so style attributes are allowed (docs/decisions.md §17).
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
if (!index.includes('<meta charset="utf-8" />')) {
  console.error('post-build: index.html has no <meta charset="utf-8" /> to put the CSP after');
  process.exit(1);
}
index = index.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
writeFileSync(indexPath, index);

// ---- 2. Service worker ----
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(relative(stage, full).split('\\').join('/'));
  }
};
walk(stage);
const shell = files.filter((file) => file !== 'sw.js').sort();
const stamp = createHash('sha256');
for (const file of shell) stamp.update(file).update(readFileSync(join(stage, file)));
const build = stamp.digest('hex').slice(0, 16);
const worker = readFileSync('js/service-worker.js', 'utf8')
  .replace("'__BUILD__'", JSON.stringify(build))
  .replace('__FILES__', JSON.stringify(shell));
writeFileSync(join(stage, 'sw.js'), worker);
console.log(`post-build: CSP with loader hash sha256-${hash}; sw.js caches ${shell.length} files as build ${build}`);
