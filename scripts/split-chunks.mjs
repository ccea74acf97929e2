// Places the lazily loaded chunks that scripts/bin/wasm-bindgen cut out of the app's wasm
// into Trunk's staged build (called by scripts/post-build.mjs, before the CSP and sw.js,
// so the service worker precaches them).
//
// For each module that was split (target/wasm-split/<name>/, written by the wrapper):
// 1. optimize every chunk with wasm-opt, as Trunk optimizes the main module (same level
//    and feature flags, read from index.html's <link data-trunk rel="rust">);
// 2. name each chunk by its content hash, and rewrite the loader (__wasm_split.js) to
//    fetch those names and to import the page's own wasm-bindgen module by its staged
//    (hashed) name, so both resolve to one module instance;
// 3. name the loader by its content hash and point the wasm-bindgen module's import at
//    it; recompute the Subresource Integrity hash Trunk wrote for that module, and
//    preload the loader next to it.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOADER = '__wasm_split.js';
const shortHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** wasm-opt's level and flags for the Rust module `bin`, from the source index.html. */
function wasmOptArgs(sourceHtml, bin) {
  const links = [...sourceHtml.matchAll(/<link\b[^>]*\bdata-trunk\b[^>]*\brel="rust"[^>]*>/g)].map((m) => m[0]);
  const link = links.find((l) => l.includes(`data-bin="${bin}"`)) ?? links[0] ?? '';
  const level = link.match(/data-wasm-opt="([^"]*)"/)?.[1] ?? 'z';
  const params = link.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? '';
  return [`-O${level}`, ...params.split(/\s+/).filter(Boolean)];
}

/**
 * Places every split module's chunks into `stage`. Returns the rewritten index.html and
 * a list of what was placed, for the log.
 */
export function placeChunks({ stage, index, sourceHtml, splitRoot = 'target/wasm-split', release = true }) {
  const placed = [];
  if (!existsSync(splitRoot)) return { index, placed };
  const staged = readdirSync(stage);
  for (const name of readdirSync(splitRoot)) {
    const dir = join(splitRoot, name);
    if (!existsSync(join(dir, LOADER))) continue;
    // The page's wasm-bindgen module for this split: <name>.js or <name>-<hash>.js, and
    // it must import the loader (else this split is stale, from another build).
    const jsName = staged.find((f) => new RegExp(`^${escape(name)}(-[0-9a-f]+)?\\.js$`).test(f));
    if (!jsName) continue;
    let js = readFileSync(join(stage, jsName), 'utf8');
    const importOfLoader = new RegExp(`(from\\s*['"])\\./${escape(LOADER)}(['"])`, 'g');
    if (!importOfLoader.test(js)) continue;

    const optArgs = wasmOptArgs(sourceHtml, name);
    let loader = readFileSync(join(dir, LOADER), 'utf8');
    const chunks = readdirSync(dir).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`).sort();
    for (const chunk of chunks) {
      const source = join(dir, chunk);
      const optimized = join(dir, `${chunk}.opt`);
      if (release) execFileSync('wasm-opt', [...optArgs, source, '-o', optimized], { stdio: 'inherit' });
      const bytes = readFileSync(release ? optimized : source);
      const stem = chunk.slice(0, -'.wasm'.length);
      const hashed = `${stem}-${shortHash(bytes)}.wasm`;
      const reference = new RegExp(`(["'])\\./${escape(chunk)}\\1`, 'g');
      if (!reference.test(loader)) throw new Error(`split-chunks: ${LOADER} does not fetch ${chunk}`);
      loader = loader.replace(reference, `$1./${hashed}$1`);
      writeFileSync(join(stage, hashed), bytes);
      placed.push(`${hashed} (${(bytes.length / 1024).toFixed(1)} KB)`);
    }
    const mainImport = new RegExp(`(from\\s*["'])\\./${escape(name)}\\.js(["'])`);
    if (!mainImport.test(loader)) throw new Error(`split-chunks: ${LOADER} does not import ./${name}.js`);
    loader = loader.replace(mainImport, `$1./${jsName}$2`);
    const loaderName = `${name}-split-${shortHash(loader)}.js`;
    writeFileSync(join(stage, loaderName), loader);
    placed.push(loaderName);

    js = js.replace(importOfLoader, `$1./${loaderName}$2`);
    writeFileSync(join(stage, jsName), js);
    // Trunk's modulepreload of the module carries its SRI hash: the module changed.
    const preload = new RegExp(`<link\\b[^>]*\\bhref="\\./${escape(jsName)}"[^>]*>`);
    const link = index.match(preload)?.[0];
    if (link) {
      const updated = link.replace(/integrity="[^"]*"/, `integrity="${sri(js)}"`);
      const loaderLink = `<link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous" integrity="${sri(loader)}">`;
      index = index.replace(link, `${updated}\n${loaderLink}`);
    }
  }
  return { index, placed };
}
