// Chronicle's service worker: keeps the app shell (page, script, wasm, styles, icons)
// so the explorer opens and works with the network gone.
// - install: fetches the page, reads the same-origin asset URLs it names, caches all.
// - navigations: network first (so a new build is picked up on the next load), the
//   cached page when offline.
// - other same-origin GETs: cache first (asset names carry a content hash), then
//   network, cached for next time. Nothing else is touched.
// - activate: deletes caches of other versions and takes control of open pages.
"use strict";
const CACHE = "chronicle-shell-v1";

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch("./", { cache: "no-cache" });
    const html = await page.clone().text();
    const urls = new Set();
    for (const m of html.matchAll(/["'](\.\/[^"'#?\s]+)["']/g)) urls.add(m[1]);
    await cache.put("./", page);
    await cache.addAll([...urls]);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== CACHE && key.startsWith("chronicle-")) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith((async () => {
      try {
        const fresh = await fetch(request);
        if (fresh.ok) (await caches.open(CACHE)).put("./", fresh.clone());
        return fresh;
      } catch (err) {
        const cached = await caches.match("./");
        if (cached) return cached;
        throw err;
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cached = await caches.match(request);
    if (cached) return cached;
    const fresh = await fetch(request);
    if (fresh.ok && fresh.type === "basic") (await caches.open(CACHE)).put(request, fresh.clone());
    return fresh;
  })());
});
