/* Service worker for courses saved for offline reading (courses/offline.py).
   Served at /kursus/sw.js, so it controls /kursus/ only. It answers only for
   URLs in a saved course's cache ("pkk-course-<id>", filled by offline.js
   when the member taps the button): pages network first, falling back to the
   saved copy; images from the saved copy. Everything else goes to the network
   untouched. */
'use strict';

var PREFIX = 'pkk-course-';

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

async function saved(request) {
  for (var name of await caches.keys()) {
    if (name.indexOf(PREFIX) !== 0) continue;
    var cache = await caches.open(name);
    var hit = await cache.match(request, { ignoreVary: true });
    if (hit) return { cache: cache, hit: hit };
  }
  return null;
}

async function answer(request) {
  var found = await saved(request);
  if (!found) return fetch(request);
  if (request.destination === 'image' || !self.navigator.onLine) return found.hit;
  try {
    var response = await fetch(request);
    if (response.ok && response.type === 'basic' && !response.redirected) {
      // Keep the saved copy fresh (e.g. lessons marked done since saving).
      found.cache.put(request.url, response.clone()).catch(function () {});
    }
    return response.status >= 500 ? found.hit : response;
  } catch (error) {
    return found.hit; // offline, or the network gave up
  }
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(answer(request));
});
