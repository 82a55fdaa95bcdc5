/* The guide's service worker.
 *
 * The app inlines its precache list below: every URL with the hash of its bytes. One cache per
 * version: install fills a new cache completely (checking every hash) or fails and leaves the
 * old version untouched; activate deletes the caches of older versions. Navigations are served
 * from the cache at once; a page not saved falls back to the network, then to the offline page.
 * Only same-origin, successful, non-redirected responses are ever stored.
 */
"use strict";

const PRECACHE = self.__PRECACHE__;
const PREFIX = "guide-v-";
const CACHE = PREFIX + PRECACHE.version;
const PREFS = "guide-prefs";          // survives versions: the reader's last language
const LAST_LOCALE = "/__last-locale";
const PARALLEL = 4;

const localeOf = (path) => {
  const first = path.split("/")[1];
  return Object.prototype.hasOwnProperty.call(PRECACHE.locales, first) ? first : null;
};

async function sha16(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 16);
}

/* Fetch every entry, check it, and only then write them all: all or nothing. */
async function fetchChecked(entries, onProgress) {
  const results = new Array(entries.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < entries.length) {
      const i = next++;
      const entry = entries[i];
      const response = await fetch(entry.url, { cache: "no-store", credentials: "omit", redirect: "error" });
      if (!response.ok || response.redirected || response.type !== "basic") {
        throw new Error(`precache: ${entry.url} answered ${response.status}`);
      }
      const body = await response.arrayBuffer();
      if ((await sha16(body)) !== entry.revision) {
        throw new Error(`precache: ${entry.url} does not match this version`);
      }
      const headers = { "Content-Type": response.headers.get("Content-Type") || "application/octet-stream" };
      results[i] = [entry.url, new Response(body, { status: 200, headers })];
      done += 1;
      if (onProgress) onProgress(done, entries.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, entries.length) }, worker));
  return results;
}

async function store(cacheName, entries, onProgress) {
  const cache = await caches.open(cacheName);
  const missing = [];
  for (const entry of entries) {
    if (!(await cache.match(entry.url))) missing.push(entry);
  }
  const fetched = await fetchChecked(missing, onProgress);
  await Promise.all(fetched.map(([url, response]) => cache.put(url, response)));
}

async function savedLocales(cacheName = CACHE) {
  const cache = await caches.open(cacheName);
  const saved = [];
  for (const [code, entries] of Object.entries(PRECACHE.locales)) {
    const present = await Promise.all(entries.map((e) => cache.match(e.url)));
    if (present.every(Boolean)) saved.push(code);
  }
  return saved;
}

/* Locales to carry into a new version: those saved by older versions, and those of open pages. */
async function localesToInstall() {
  const wanted = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      const code = localeOf(path);
      if (code && path === `/${code}/`) wanted.add(code);
    }
  }
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const reading = [];
  for (const client of windows) {
    const code = localeOf(new URL(client.url).pathname);
    if (code) reading.push(code);
  }
  reading.forEach((code) => wanted.add(code));
  if (wanted.size === 0) wanted.add(PRECACHE.default);
  return { codes: [...wanted], reading };
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const { codes, reading } = await localesToInstall();
    const entries = PRECACHE.shared.concat(...codes.map((c) => PRECACHE.locales[c]));
    try {
      await store(CACHE, entries);
    } catch (error) {
      // Leave no half-filled cache behind; the previous version keeps serving.
      await caches.delete(CACHE);
      throw error;
    }
    // The first page read was loaded before this worker: remember its language now.
    const prefs = await caches.open(PREFS);
    if (reading.length && !(await prefs.match(LAST_LOCALE))) await rememberLocale(reading[0]);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    const old = names.filter((n) => n.startsWith(PREFIX) && n !== CACHE);
    await Promise.all(old.map((n) => caches.delete(n)));
    await self.clients.claim();
    if (old.length) {
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.postMessage({ type: "updated", version: PRECACHE.version });
      }
    }
  })());
});

let rememberedLocale = null;

async function rememberLocale(code) {
  if (code === rememberedLocale) return;  // one write per change, not per navigation
  rememberedLocale = code;
  const prefs = await caches.open(PREFS);
  await prefs.put(LAST_LOCALE, new Response(code, { headers: { "Content-Type": "text/plain" } }));
}

/* The language the reader last read, if it is still saved. */
async function lastLocale(saved) {
  const prefs = await caches.open(PREFS);
  const last = await prefs.match(LAST_LOCALE);
  if (!last) return null;
  const code = await last.text();
  return saved.includes(code) ? code : null;
}

async function preferredLocale() {
  const saved = await savedLocales();
  const last = await lastLocale(saved);
  if (last) return last;
  for (const tag of self.navigator.languages || []) {
    const base = tag.toLowerCase().split("-")[0];
    const hit = saved.find((c) => c.toLowerCase() === tag.toLowerCase() || c.toLowerCase().split("-")[0] === base);
    if (hit) return hit;
  }
  return saved[0] || PRECACHE.default;
}

async function offlinePage(code) {
  const cache = await caches.open(CACHE);
  return (await cache.match(PRECACHE.offline[code] || PRECACHE.offline[PRECACHE.default]))
    || new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain" } });
}

async function navigate(event, url) {
  const cache = await caches.open(CACHE);
  if (url.pathname === "/") {
    // The reader's last language wins, online too: the calculator's way back lands here.
    const last = await lastLocale(await savedLocales());
    if (last) return Response.redirect(`/${last}/`, 302);
    try {
      return await fetch(event.request);
    } catch (error) {
      return Response.redirect(`/${await preferredLocale()}/`, 302);
    }
  }
  if (url.pathname === "/forget/") {
    // "Remove saved data" must open offline too, in the reader's language.
    try {
      return await fetch(event.request);
    } catch (error) {
      return (await cache.match(`/${await preferredLocale()}/forget/`)) || offlinePage(await preferredLocale());
    }
  }
  const code = localeOf(url.pathname);
  if (code) event.waitUntil(rememberLocale(code));
  const cached = await cache.match(url.pathname);
  if (cached) return cached;
  const pair = await pairFallback(cache, url.pathname);
  try {
    const response = await fetch(event.request);
    if (pair && !response.ok) return pair;
    // Reading a language online saves that language too.
    if (response.ok && code && !(await savedLocales()).includes(code)) {
      event.waitUntil(store(CACHE, PRECACHE.locales[code]).catch(() => {}));
    }
    return response;
  } catch (error) {
    return pair || offlinePage(code || (await preferredLocale()));
  }
}

/* The two-language self-check (/a/self-check/b/) is not saved as such: with both languages
   saved, the page of the first is served and its script adds the second from the cache. */
async function pairFallback(cache, path) {
  const match = /^\/([^/]+)\/self-check\/([^/]+)\/$/.exec(path);
  if (!match || match[1] === match[2] || !PRECACHE.locales[match[1]] || !PRECACHE.locales[match[2]]) return null;
  const saved = await savedLocales();
  if (!saved.includes(match[1]) || !saved.includes(match[2])) return null;
  return (await cache.match(`/${match[1]}/self-check/`)) || null;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === "/sw.js") return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
    return;
  }
  event.respondWith((async () => {
    const cached = await caches.match(url.pathname, { cacheName: CACHE });
    return cached || fetch(request);
  })());
});

/* Messages from the 'Saved for offline' page and from every page. */
self.addEventListener("message", (event) => {
  const data = event.data || {};
  const reply = (message) => (event.ports[0] ? event.ports[0].postMessage(message) : event.source.postMessage(message));
  const sizeOf = (code) => PRECACHE.locales[code].reduce((sum, e) => sum + e.size, 0);
  event.waitUntil((async () => {
    try {
      if (data.type === "status") {
        const saved = await savedLocales();
        const sizes = {};
        for (const code of Object.keys(PRECACHE.locales)) sizes[code] = sizeOf(code);
        reply({ type: "status", saved, sizes, version: PRECACHE.version });
      } else if (data.type === "save") {
        const codes = data.locale === "*" ? Object.keys(PRECACHE.locales) : [data.locale].filter((c) => PRECACHE.locales[c]);
        const entries = [].concat(...codes.map((c) => PRECACHE.locales[c]));
        await store(CACHE, entries, (done, total) => reply({ type: "progress", done, total }));
        reply({ type: "saved", saved: await savedLocales() });
      } else if (data.type === "remove" && PRECACHE.locales[data.locale]) {
        const cache = await caches.open(CACHE);
        await Promise.all(PRECACHE.locales[data.locale].map((e) => cache.delete(e.url)));
        reply({ type: "removed", saved: await savedLocales() });
      }
    } catch (error) {
      reply({ type: "error", message: String(error) });
    }
  })());
});
