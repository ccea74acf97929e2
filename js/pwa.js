// Registers the service worker (sw.js, written by scripts/post-build.mjs) and tells the
// app when a new version is waiting, so it can offer "Update available: reload".

export function registerServiceWorker(onUpdate) {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('./sw.js')
    .then((registration) => {
      const waiting = () => registration.waiting && navigator.serviceWorker.controller && onUpdate();
      waiting();
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => worker.state === 'installed' && waiting());
      });
    })
    // Without a service worker (a private window, file://) the app still works online.
    .catch(() => {});
}

export function applyUpdate() {
  navigator.serviceWorker.getRegistration().then((registration) => {
    if (!registration?.waiting) {
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    registration.waiting.postMessage('skip-waiting');
  });
}
