// The app shell, cached on install and served from the cache, so that after one visit the
// editor loads and works with the network off. `cargo xtask finish-build` writes VERSION (from
// the build's contents) and PRECACHE (every file of the build) above this code.
//
// A new build is a new worker: it installs beside the old one and waits until the page, having
// told the user a new version is ready, asks it to take over; it then deletes the old cache.

const CACHE = `postmortem-${VERSION}`;

self.addEventListener('install', (event) => {
  const urls = PRECACHE.map((path) => new URL(path, self.registration.scope));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(urls)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => keys.filter((key) => key.startsWith('postmortem-') && key !== CACHE))
      .then((stale) => Promise.all(stale.map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

// Cache first for the app's own files; nothing else is ever requested by the app.
self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const navigation = request.mode === 'navigate';
  const key = navigation ? new URL('./', self.registration.scope) : request;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: navigation }))
      .then((cached) => cached ?? fetch(request)),
  );
});
