// CME Tracker service worker: the app shell works offline. The precache list and the cache name
// (a hash of every built file) are written by scripts/sw-precache.mjs after each build, so a new
// build gets a new cache. The previous build's cache is kept one generation: a tab still running
// it (open while another tab updated) loads its pages and worker, which it fetches on first use,
// from there, since the host now serves only the new build's files. Only same-origin GET requests
// are ever handled; the app makes no other requests.
'use strict';
const CACHE = '__CACHE_NAME__';
const PRECACHE = __PRECACHE__;
// The text reader for photos (scripts/ocr-files.mjs): several megabytes that most people never
// need, so not precached; kept the first time a photo is read, in a cache named by the hash of its
// files, which outlives app updates that leave the reader as it was.
const TEXT_READER_CACHE = '__TEXT_READER_CACHE__';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

// Which cache was the current one, and which the one before (`cme-tracker-generations`).
const GENERATIONS = 'cme-tracker-generations';

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const book = await caches.open(GENERATIONS);
      const said = await book.match('./generations');
      const previous = said ? (await said.json()).current : null;
      const keep = new Set([CACHE, GENERATIONS]);
      if (previous && previous !== CACHE) keep.add(previous);
      const names = await caches.keys();
      const stale = (n) => (n.startsWith('cme-tracker-') && !keep.has(n)) || (n.startsWith('cme-text-reader-') && n !== TEXT_READER_CACHE);
      await Promise.all(names.filter(stale).map((n) => caches.delete(n)));
      await book.put('./generations', new Response(JSON.stringify({ current: CACHE, previous: keep.has(previous) ? previous : null })));
      await self.clients.claim();
    })(),
  );
});

// This build's version and what changed in it (CHANGELOG.md, written by scripts/sw-precache.mjs).
const WHATS_NEW = __WHATS_NEW__;

// The page asks the waiting worker to take over only when the user chose "Reload to update"; the
// update banner first asks it what it brings.
self.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
  if (event.data === 'WHATS_NEW' && event.ports[0]) event.ports[0].postMessage(WHATS_NEW);
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Any page of the app is index.html (hash routes); offline it comes from the cache. Hosts
    // compress and send `Vary: Accept-Encoding`; the cached copy serves whatever the request says.
    // This build's index.html, never the previous one's (caches.match would search the older
    // cache first).
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match('./index.html', { ignoreSearch: true, ignoreVary: true }))
        .then((cached) => cached || fetch(request)),
    );
    return;
  }
  if (new URL(request.url).pathname.includes('/ocr/')) {
    event.respondWith(
      caches.open(TEXT_READER_CACHE).then(async (cache) => {
        const cached = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      }),
    );
    return;
  }
  // This build's copy first (files without a hash in their name, such as boot.js, are in both),
  // then the previous build's, for a tab still running it.
  const options = { ignoreSearch: true, ignoreVary: true };
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, options))
      .then((cached) => cached || caches.match(request, options))
      .then((cached) => cached || fetch(request)),
  );
});
