// A small static server for a build, for `make bench` and the browser tests that need
// more than the plain server in playwright.config.ts: a sub-path (as on GitHub Pages)
// and files whose content a test changes (a new service worker, as after a deploy).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png',
};

/**
 * Serves `dir` under `prefix` (e.g. "/model-card-studio/") on a free localhost port.
 * `rewrite(path, bytes)` may change a file's content as it is served. With `gzip`, text
 * and wasm go out gzipped when the browser accepts it, as GitHub Pages sends them.
 * Resolves to { url, close }.
 */
export function serveDist(dir = 'dist', { prefix = '/', rewrite = (_path, bytes) => bytes, gzip = false } = {}) {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (!pathname.startsWith(prefix)) {
      response.writeHead(404).end();
      return;
    }
    let path = normalize(pathname.slice(prefix.length)).replace(/^(\.\.([/\\]|$))+/, '');
    if (path === '.' || path.endsWith('/')) path = join(path, 'index.html');
    const file = join(dir, path);
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    let body = rewrite(path, readFileSync(file));
    if (gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '') && extname(file) !== '.png') {
      body = gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    response.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => server.close() }),
    ),
  );
}
