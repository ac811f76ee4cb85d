// Service worker of the served build: caches the page, its assets and the
// wasm on install, then answers from the cache (refreshing it in the
// background), so the page works offline after the first visit.
// tools/build-web replaces VERSION and ASSETS.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `reportlens-${VERSION}`;

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('reportlens-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin) return;
  e.respondWith(caches.open(CACHE).then(async (cache) => {
    const key = e.request.mode === 'navigate' ? new URL('./', location.href).href : e.request;
    const cached = await cache.match(key, { ignoreSearch: true });
    const fresh = fetch(e.request).then((res) => {
      if (res.ok && e.request.mode !== 'navigate') cache.put(e.request, res.clone());
      return res;
    });
    if (cached) {
      fresh.catch(() => {});
      return cached;
    }
    return fresh;
  }));
});
