// CME Tracker service worker: the app shell works offline. The precache list and the cache name
// (a hash of every built file) are written by scripts/sw-precache.mjs after each build, so a new
// build gets a new cache and old ones are deleted on activate. Only same-origin GET requests are
// ever handled; the app makes no other requests.
'use strict';
const CACHE = '__CACHE_NAME__';
const PRECACHE = __PRECACHE__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((n) => n.startsWith('cme-tracker-') && n !== CACHE).map((n) => caches.delete(n))),
    ).then(() => self.clients.claim()),
  );
});

// The page asks the waiting worker to take over only when the user chose "Reload to update".
self.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Any page of the app is index.html (hash routes); offline it comes from the cache. Hosts
    // compress and send `Vary: Accept-Encoding`; the cached copy serves whatever the request says.
    event.respondWith(
      caches.match('./index.html', { ignoreSearch: true, ignoreVary: true }).then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true, ignoreVary: true }).then((cached) => cached || fetch(request)));
});
