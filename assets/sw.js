// Chronicle's service worker: keeps the app shell (page, scripts, wasm, styles, icons)
// so the explorer opens and works with the network gone.
// `cargo xtask seal` (Trunk's post-build hook) stamps this file with the build's
// version and its list of shell files, so each build has its own cache and a new
// build gives a new worker.
// - install: caches every shell file of this build, then takes over at once.
// - activate: deletes every other Chronicle cache (older builds), claims open pages.
// - navigations to the app's page (its folder, or index.html in it): network first (a
//   new build is picked up on the next load), the cached page when offline. Other
//   pages of the same host are not the app's: left to the network, never cached.
// - the shell's own files: cache first (their names carry a content hash).
// - a split corpus's chunk files (`CHUNKS`, under chunks/): cache first, cached as they
//   are fetched; a page's "save" message has the worker fetch every one not yet kept,
//   posting {saved, total} to that page after each and once at the end (a page with
//   no chunks to save gets the end at once), so the page can show its progress.
// - anything else (other origins, other methods, other files): left to the network,
//   never cached.
"use strict";
const CACHE = "chronicle-shell-__CHRONICLE_VERSION__";
const SHELL = [/*__CHRONICLE_SHELL__*/];
const CHUNKS = [/*__CHRONICLE_CHUNKS__*/];
const PAGE = new URL("./", self.registration.scope).href;
const INDEX = new URL("./index.html", self.registration.scope).href;
const SHELL_URLS = new Set(SHELL.map((f) => new URL(f, self.registration.scope).href));
const CHUNK_URLS = new Set(CHUNKS.map((f) => new URL(f, self.registration.scope).href));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL.map((f) => new Request(f, { cache: "no-cache" })));
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
  url.search = "";
  url.hash = "";
  if (request.mode === "navigate") {
    if (url.href !== PAGE && url.href !== INDEX) return;
    event.respondWith((async () => {
      try {
        // Revalidated, so an HTTP cache cannot hold back a new build.
        const fresh = await fetch(request.url, { cache: "no-cache", credentials: "same-origin" });
        if (fresh.ok && fresh.type === "basic") (await caches.open(CACHE)).put(PAGE, fresh.clone());
        return fresh;
      } catch (err) {
        const cached = await caches.match(PAGE, { cacheName: CACHE });
        if (cached) return cached;
        throw err;
      }
    })());
    return;
  }
  if (!SHELL_URLS.has(url.href) && !CHUNK_URLS.has(url.href)) return;
  event.respondWith((async () => {
    const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
    if (cached) return cached;
    const fresh = await fetch(request);
    if (fresh.ok && fresh.type === "basic") (await caches.open(CACHE)).put(request, fresh.clone());
    return fresh;
  })());
});

// Saves every chunk of this build for offline, a few at a time, telling `client` how
// far it got. One save at a time: a second page's request joins the one under way.
let saving = null;
const savers = new Set();

self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "save" || !event.source) return;
  savers.add(event.source);
  if (!saving) saving = save().finally(() => { saving = null; savers.clear(); });
  event.waitUntil(saving);
});

async function save() {
  const cache = await caches.open(CACHE);
  const total = CHUNKS.length;
  let saved = 0;
  const tell = () => { for (const c of savers) c.postMessage({ type: "saving", saved, total, done: false }); };
  const left = [];
  for (const url of CHUNK_URLS) {
    if (await cache.match(url)) saved += 1; else left.push(url);
  }
  let failed = 0;
  tell();
  const worker = async () => {
    for (let url = left.shift(); url; url = left.shift()) {
      try {
        const fresh = await fetch(url, { cache: "no-cache" });
        if (!fresh.ok) throw new Error(String(fresh.status));
        await cache.put(url, fresh);
        saved += 1;
      } catch (err) {
        failed += 1;
      }
      tell();
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  for (const c of savers) c.postMessage({ type: "saving", saved, total, done: true, failed });
}
