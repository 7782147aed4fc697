// The page's service worker: after the first visit the calculator opens and estimates
// offline. Only this site's own files are cached, never another origin's. On install it
// stores the page and every file the page names (its wasm, script, styles and the preloaded
// USD cards); later it stores what the page fetches (a currency's cards, a view's module).
// Content-hashed files (`name-<16 hex>...`) never change, so they are served from the cache;
// the rest (the page itself, the views' unhashed modules) from the network first, so a new
// version is picked up as soon as it is online.
const CACHE = 'wacost-v1';
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|csv)$/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = new URL('./', self.registration.scope).href;
    const response = await fetch(page, { cache: 'no-cache' });
    const html = await response.clone().text();
    await cache.put(page, response);
    const named = [...html.matchAll(/(?:href|src)="([^"#?]+)"/g)]
      .map((m) => new URL(m[1], page))
      .filter((url) => url.origin === self.location.origin && url.href !== page);
    await Promise.all(named.map((url) => cache.add(url.href).catch(() => undefined)));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The page with any link (`?scenario=…`) is the one page: cached under its bare address.
  const key = request.mode === 'navigate' ? new URL('./', self.registration.scope).href : url.href;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (HASHED.test(url.pathname)) {
      const hit = await cache.match(key);
      if (hit) return hit;
    }
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(key, response.clone());
      return response;
    } catch (offline) {
      const hit = await cache.match(key);
      if (hit) return hit;
      throw offline;
    }
  })());
});
