// The service worker: after one visit, the app works with the network off.
// scripts/post-build.mjs writes it into the build as sw.js, replacing BUILD and FILES
// with a stamp of this build's content and the list of its files.
//
// - install: precache the app shell (every file of the build), bypassing the HTTP cache;
// - fetch: navigations go to the network first and fall back to the cached shell;
//   other same-origin GETs are served from the cache first (their names carry a hash);
// - activate: delete this app's older caches (and only ours: a GitHub Pages origin is
//   shared by every project site of the account);
// - message "skip-waiting": the page asks for the new version once the user chooses to
//   reload, so a tab is never switched to new code under its feet.

const BUILD = '__BUILD__';
const FILES = __FILES__;
const PREFIX = `model-card-studio:${self.registration.scope}:`;
const CACHE = PREFIX + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(['./', ...FILES].map((url) => new Request(url, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('./', { cacheName: CACHE })));
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then(
      (cached) =>
        cached ??
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
          }
          return response;
        }),
    ),
  );
});
