// The Trust Guide's service worker: after the first visit it keeps the whole
// guide (pages, styles, scripts, search index) so every page opens with no
// signal. Hand-written (about 80 lines) rather than Workbox: the build has no
// Node, and the rules are few. finishing/offline.py fills in VERSION and
// FILES after every build, from the final files (so a new deployment always
// means a new cache name). Registered only when the reader chose "keep"
// (docs/assets/js/offline.js); "don't keep" and delete-everything remove it.
"use strict";

var VERSION = "dev"; // tg:version
var FILES = []; // tg:files
var PREFIX = "trust-guide-offline-";
var CACHE = PREFIX + VERSION;
var SCOPE = new URL("./", self.location.href);

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // "reload": skip the HTTP cache, so nothing of the last deployment slips in.
    return cache.addAll(FILES.map(function (path) {
      return new Request(new URL(path, SCOPE).href, { cache: "reload" });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

// The new version takes over at once and the old caches go, so only one
// version is ever kept. Open pages of the old version are told (the
// update-notice component), and their next link loads a whole new page.
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data === "trust-guide:version" && event.source) {
    event.source.postMessage({ type: "trust-guide:version", version: VERSION });
  }
});

// Directory URLs: /trust-guide/safety/ is stored as /trust-guide/safety/index.html.
function cacheKey(url) {
  var clean = new URL(url);
  clean.search = "";
  clean.hash = "";
  if (clean.pathname.slice(-1) === "/") clean.pathname += "index.html";
  return clean.href;
}

// PDFs are not kept up front (a few MB a visit); one the reader opens once
// is kept for the next time.
function isPdf(url) {
  return /\.pdf$/.test(new URL(url).pathname);
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE.href) !== 0) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(cacheKey(request.url)).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (response.ok && isPdf(request.url)) cache.put(cacheKey(request.url), response.clone());
        return response;
      }).catch(function () {
        if (request.mode === "navigate") {
          return cache.match(new URL("404.html", SCOPE).href).then(function (page) {
            return page || Response.error();
          });
        }
        return Response.error();
      });
    });
  }));
});
