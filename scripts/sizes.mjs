// Prints the size of every file in dist/, raw, gzip (level 9) and brotli (quality 11),
// the total the page needs to start, and the total with the files fetched later (see
// `onDemand`). Usage: node scripts/sizes.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export function distSizes(dir = 'dist') {
  const files = [];
  const walk = (path) => {
    for (const name of readdirSync(path)) {
      if (name.startsWith('.')) continue; // Trunk's staging leftovers
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(dir);
  return files.sort().map((file) => {
    const bytes = readFileSync(file);
    return {
      file: relative(dir, file),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  });
}

/**
 * Files the page does not need to start: the formats worker (started on the first import
 * or export), the lazy chunks (fetched when their screen first opens), DOMPurify
 * (fetched with the first chunk that renders Markdown: the preview, the viewer), the service
 * worker, and the manifest and its icons. The service worker fetches them in the
 * background after the first visit, for offline use. (`make bench` measures the first
 * load instead, from what a cold load actually fetches.)
 */
export const onDemand = (file) =>
  file.startsWith('formats-worker') || isLazyChunk(file) || /^purify\.min-[0-9a-f]+\.js$/.test(file) || file === 'sw.js' || /^public\/(manifest\.webmanifest|.*\.png)$/.test(file);

/** A lazily loaded chunk cut out of the app's wasm by wasm-split (scripts/split-chunks.mjs). */
export const isLazyChunk = (file) => /^(split|chunk)_.*-[0-9a-f]{16}\.wasm$/.test(file);

/** Totals of the first load (`inFirstLoad(row)`, by default not on demand) and of everything. */
export function totals(rows, inFirstLoad = (r) => !onDemand(r.file)) {
  const sum = (list) =>
    list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { firstLoad: sum(rows.filter(inFirstLoad)), all: sum(rows) };
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = distSizes(process.argv[2] ?? 'dist');
  const { firstLoad, all } = totals(rows);
  console.log(`${'file'.padEnd(48)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'br KB'.padStart(9)}`);
  for (const r of rows) console.log(`${(r.file + (isLazyChunk(r.file) ? ' (lazy)' : '')).padEnd(48)}${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
  for (const r of [{ file: 'first load', ...firstLoad }, { file: 'everything (offline copy)', ...all }]) {
    console.log(`${r.file.padEnd(48)}${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
  }
}
