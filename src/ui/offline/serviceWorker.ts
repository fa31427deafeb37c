// The service worker (built into dist/sw.js by scripts/precachePlugin.ts, registered only by the
// production build): on install it stores every file of the build, so after one visit the app,
// its lessons, examples, Monaco and all web workers load with no network at all. It only ever
// fetches its own origin, so it adds no request off the machine.
import { CACHE_PREFIX, cacheName, isHashed, precacheKey, type Precache } from './precache';

declare const __IPCSCOPE_PRECACHE__: Precache;

const sw = self as unknown as ServiceWorkerGlobalScope;
const precache = __IPCSCOPE_PRECACHE__;
const files = new Set(precache.files);
const current = cacheName(precache.version);

async function fill(): Promise<void> {
  const cache = await caches.open(current);
  const scope = sw.registration.scope;
  await Promise.all(
    precache.files.map(async (file) => {
      const url = new URL(file, scope).href;
      // Unchanged hashed files come from the previous version's cache, not the network again.
      const kept = isHashed(file) ? await caches.match(url) : undefined;
      if (kept !== undefined) return cache.put(url, kept);
      // 'reload': the server's copy, never one the HTTP cache kept from an older build.
      const res = await fetch(new Request(url, { cache: 'reload' }));
      if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
      return cache.put(url, res);
    }),
  );
}

sw.addEventListener('install', (e) => {
  // A new build takes over at once. A page still open on the old one that then loads a chunk
  // the new build no longer has gets it from the network (the cache is gone): online that works.
  e.waitUntil(fill().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== current) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const key = precacheKey(
    new URL(req.url),
    new URL(sw.registration.scope),
    req.mode === 'navigate',
    files,
  );
  if (key === null) return;
  e.respondWith(
    (async () => {
      const cache = await caches.open(current);
      const hit = await cache.match(new URL(key, sw.registration.scope).href);
      return hit ?? fetch(req);
    })(),
  );
});
