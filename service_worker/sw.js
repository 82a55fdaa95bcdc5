/* The guide's service worker.
 *
 * The app inlines its precache list below: every URL with the hash of its bytes (its revision).
 * One cache holds every version, keyed by URL and revision (like workbox-precaching's
 * createCacheKey), so a new version fetches only the entries whose bytes changed:
 *  - install fetches each missing entry, checks its hash and stores it under its new key. The
 *    keys of the running version are never touched, so until this version is complete the old
 *    one keeps serving every page whole. A failed install leaves its checked entries behind:
 *    the next attempt fetches only what is still missing.
 *    It saves first what a reader needs first (each language's home page with the hotline, and
 *    its helplines), and leaves the shared files reading does not need (other languages'
 *    offline page and calculator, the manifests' icons) until this version is active.
 *  - activate deletes every key this version does not list, then saves those files.
 * Navigations are served from the cache at once; a page not saved falls back to the network,
 * then to the offline page. Only same-origin, successful, non-redirected responses are stored.
 */
"use strict";

const PRECACHE = self.__PRECACHE__;
const CACHE = "guide-precache";
const LEGACY_PREFIX = "guide-v-";     // one cache per version, before revision keys
const PREFS = "guide-prefs";          // survives versions: the reader's last language
const LAST_LOCALE = "/__last-locale";
const SAVED_ON = "/__saved-on";       // when this version was complete, by the server's clock
const PARALLEL = 6;                   // Chrome's connections to one host over HTTP/1.1

/* The chooser's language rule (static/js/locale-match.js), inlined here by the app; its data,
   PRECACHE.languages, is generated from the Python locale registry. */
/* LOCALE_MATCH */

const keyOf = (entry) => new URL(`${entry.url}${entry.url.includes("?") ? "&" : "?"}__rev=${entry.revision}`, self.location.origin).href;
const KEYS = new Map();               // path -> cache key of this version
// The network alone answers these ("Remove saved data" needs the server's Clear-Site-Data).
const PASS_THROUGH = new Set(PRECACHE.passThrough || []);
for (const entry of PRECACHE.shared.concat(...Object.values(PRECACHE.locales))) KEYS.set(entry.url, keyOf(entry));

const localeOf = (path) => {
  const first = path.split("/")[1];
  return Object.prototype.hasOwnProperty.call(PRECACHE.locales, first) ? first : null;
};

/* The language a window is reading: a guide page's, or the calculator app's (installed from
   /calculator/<lang>/, it saves the guide in its own language). */
const CALCULATOR_LOCALE = new Map(Object.entries(PRECACHE.calculators).map(([code, url]) => [url, code]));
const readingLocale = (path) => localeOf(path) || CALCULATOR_LOCALE.get(path) || null;

async function sha16(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 16);
}

/* The server's clock, from the first Date header (a header sent twice reads "d1, d1"). */
function serverDate(response) {
  const found = /\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT/.exec(response.headers.get("Date") || "");
  return found ? Date.parse(found[0]) : null;
}

async function fetchChecked(entry, fromServer = false) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PRECACHE.timeout);
  try {
    // keepalive: Chromium lets an installing worker have only 3 requests in flight (to spare
    // the page that registered it; this one registers after the page's load), keepalive ones
    // excepted. A GET sends no body, so keepalive's 64 KB budget is untouched. With PARALLEL in
    // flight a slow link's round trips overlap: on slow 3G, English is offline in half the time.
    // A bundle named by the hash of its bytes may come from the browser's own cache, where the
    // page that registered this worker has just put it: a first visit does not download it
    // twice (Firefox keys its cache by credentials too, hence the page's; the site sets no
    // cookie, so none is sent). Everything else is asked of the server (the hash below checks
    // both); so is a bundle whose cached copy is not right, or every install would fail on it
    // for a year.
    const mayBeCached = !fromServer && entry.url.startsWith(PRECACHE.immutable);
    const response = await fetch(entry.url, { cache: mayBeCached ? "default" : "no-store", credentials: mayBeCached ? "same-origin" : "omit",
      redirect: "error", keepalive: true, signal: controller.signal });
    if (!response.ok || response.redirected || response.type !== "basic") {
      if (mayBeCached) return fetchChecked(entry, true);
      throw new Error(`precache: ${entry.url} answered ${response.status}`);
    }
    const body = await response.arrayBuffer();  // a body cut short rejects here, or fails the hash
    if ((await sha16(body)) !== entry.revision) {
      if (mayBeCached) return fetchChecked(entry, true);
      throw new Error(`precache: ${entry.url} does not match this version`);
    }
    const headers = { "Content-Type": response.headers.get("Content-Type") || "application/octet-stream" };
    // The guide as one file is a download, from the saved copy too.
    const disposition = response.headers.get("Content-Disposition");
    if (disposition) headers["Content-Disposition"] = disposition;
    return { body, headers, date: serverDate(response) };
  } finally {
    clearTimeout(timer);
  }
}

/* The cache of that name, or null when there is none: reading never creates one (caches.open
   does). A worker whose storage was cleared under it (WebKit keeps the worker through
   Clear-Site-Data) is asked by every page it controls, and "Remove saved data" must leave
   nothing. */
async function existing(name) {
  return (await caches.has(name)) ? caches.open(name) : null;
}

/* Whether the reader removed the guide: its registration holds no worker any more. Clear-Site-Data
   (the "removed" address) unregisters it in Chromium and Firefox, and forget.js does everywhere,
   yet this worker keeps running until the browser stops it, and a cache it opens then is the
   site's again: an install cut short would write its date, the language read, or the files it
   had left for later, and the phone would keep a guide the reader removed. (A failed first
   install ends here too; it writes nothing after failing.) */
const removed = () => !(self.registration.installing || self.registration.waiting || self.registration.active);

class Removed extends Error {}

/* `write(cache)` on the cache of that name, unless the guide was removed; checked again after, for
   a removal that came while it wrote. Whether it was written. */
async function writeTo(name, write) {
  if (removed()) return false;
  await write(await caches.open(name));
  if (!removed()) return true;
  await caches.delete(name);
  return false;
}

async function presentKeys() {
  const cache = await existing(CACHE);
  return new Set(cache ? (await cache.keys()).map((request) => request.url) : []);
}

/* Fetch and store every entry not already in the cache under its revision. Each entry is stored
   as soon as it is checked, and one failure does not stop the others, so a retry fetches only
   what failed. Throws the first failure at the end; returns the newest server date seen, or
   null when nothing had to be fetched. */
async function store(entries, onProgress) {
  let newest = null;
  let failure = null;
  const stored = await writeTo(CACHE, async (cache) => {
    const present = await presentKeys();
    const missing = entries.filter((entry) => !present.has(keyOf(entry)));
    let next = 0;
    let done = entries.length - missing.length;
    let full = false;
    const writes = [];
    if (onProgress) onProgress(done, entries.length);
    const fail = (error) => {
      failure = failure || error;
      if (error && error.name === "QuotaExceededError") full = true;  // no room: stop asking
    };
    async function worker() {
      while (next < missing.length && !full && !removed()) {
        const entry = missing[next++];
        try {
          const { body, headers, date } = await fetchChecked(entry);
          // A download that was under way when the reader removed the guide is not written: in
          // Chromium a write after the site was cleared never ends, and lists the cache again.
          if (removed()) break;
          // Written while the next download runs: a slow disk does not hold up the network.
          writes.push(cache.put(keyOf(entry), new Response(body, { status: 200, headers })).then(() => {
            if (date && (!newest || date > newest)) newest = date;
            done += 1;
            if (onProgress) onProgress(done, entries.length);
          }, fail));
        } catch (error) {
          fail(error);
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(PARALLEL, missing.length) }, worker));
    await Promise.all(writes);
  });
  if (!stored) throw new Removed();
  if (failure) throw failure;
  return newest;
}

async function savedLocales(present) {
  present = present || await presentKeys();
  return Object.keys(PRECACHE.locales).filter((code) => PRECACHE.locales[code].every((e) => present.has(keyOf(e))));
}

/* Locales to carry into a new version: those whose start page any version saved (in the shared
   cache or a per-version cache of the old worker), and those of open pages (the calculator app
   of a language counts as reading it). */
async function localesToInstall() {
  const wanted = new Set();
  for (const name of await caches.keys()) {
    if (name !== CACHE && !name.startsWith(LEGACY_PREFIX)) continue;
    const cache = await existing(name);
    for (const request of cache ? await cache.keys() : []) {
      const path = new URL(request.url).pathname;
      const code = localeOf(path);
      if (code && path === `/${code}/`) wanted.add(code);
    }
  }
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const reading = [];
  for (const client of windows) {
    const code = readingLocale(new URL(client.url).pathname);
    if (code) reading.push(code);
  }
  reading.forEach((code) => wanted.add(code));
  if (wanted.size === 0) wanted.add(PRECACHE.languages.default);
  return { codes: [...wanted], reading };
}

/* When the copy was last known current: the server's date when a version was saved, or when
   the page found no newer one. Carried across versions. */
async function savedOn() {
  const record = await caches.match(SAVED_ON, { cacheName: PREFS });
  return record ? (await record.json()).date : null;
}

async function writeSavedOn(date) {
  const record = { version: PRECACHE.version, date };
  await writeTo(PREFS, (prefs) => prefs.put(SAVED_ON, new Response(JSON.stringify(record), { headers: { "Content-Type": "application/json" } })));
}

/* What an install of `codes` saves, in order: their first pages, the shared files but those
   reading them offline does not need (other languages' own, the icons only the manifests name:
   saved once this version is active, by saveShared), then the rest of those languages. */
function installOrder(codes) {
  const first = new Set([].concat(...codes.map((c) => PRECACHE.first[c])));
  const own = new Set([].concat(...codes.map((c) => PRECACHE.sharedOf[c])));
  const later = new Set([].concat(...Object.values(PRECACHE.sharedOf)).filter((url) => !own.has(url)).concat(PRECACHE.later));
  const entries = PRECACHE.shared.filter((e) => !later.has(e.url)).concat(...codes.map((c) => PRECACHE.locales[c]));
  return entries.filter((e) => first.has(e.url)).concat(entries.filter((e) => !first.has(e.url)));
}

/* The shared files an install left for later; once per running worker (a worker stopped half-way
   finishes at its next start). A failure waits for the next start too. */
let sharedSaved = null;
function saveShared() {
  if (!sharedSaved) sharedSaved = store(PRECACHE.shared).catch(() => {});
  return sharedSaved;
}

/* The bundles every page waits for (PRECACHE.immutable: named by the hash of their bytes, so any
   copy under that name is the right one) race the browser's own caches against this script
   (Chromium's static routing): the page's memory cache answers at once, as it does for a page
   from the network, where every bundle through this script cost a page ~10 ms more. Offline
   without that copy, the network fails at once and this script answers from the saved copy.
   Other browsers use the fetch handler. */
function addRoutes(event) {
  if (!event.addRoutes) return;
  event.waitUntil(event.addRoutes({
    condition: { urlPattern: new URLPattern({ pathname: `${PRECACHE.immutable}*` }) },
    source: "race-network-and-fetch-handler",
  }).catch(() => {}));
}

self.addEventListener("install", (event) => {
  addRoutes(event);
  event.waitUntil((async () => {
    const { codes, reading } = await localesToInstall();
    const entries = installOrder(codes);
    // On failure the install fails and this worker is discarded; the old one keeps its keys.
    const date = await store(entries);
    await writeSavedOn(date || (await savedOn()) || Date.parse(PRECACHE.date));
    // The first page read was loaded before this worker: remember its language now.
    if (reading.length && !(await caches.match(LAST_LOCALE, { cacheName: PREFS }))) await rememberLocale(reading[0]);
    await self.skipWaiting();
    // Chromium activates this version at once only if the old worker is running or stopped
    // now; one being started (a page asked it something) can keep the reader on the old
    // version (an old number) for up to five minutes. Asked again once installed, Chromium
    // stops the old worker as soon as it is idle.
    setTimeout(() => self.skipWaiting().catch(() => {}), 1000);
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const listed = new Set(KEYS.values());
    const cache = await existing(CACHE);
    let dropped = 0;
    for (const request of cache ? await cache.keys() : []) {
      if (!listed.has(request.url)) {
        await cache.delete(request);
        dropped += 1;
      }
    }
    const legacy = (await caches.keys()).filter((n) => n.startsWith(LEGACY_PREFIX));
    await Promise.all(legacy.map((n) => caches.delete(n)));
    await self.clients.claim();
    if (dropped || legacy.length) {
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.postMessage({ type: "updated", version: PRECACHE.version });
      }
    }
  })().then(() => { saveShared(); }));  // not waited for: pages are served meanwhile
});

/* One lookup in the cache storage (caches.open, then match, would be two): every navigation
   waits for it. */
async function cached(path) {
  const key = KEYS.get(path);
  return key ? caches.match(key, { cacheName: CACHE }) : undefined;
}

let rememberedLocale = null;

async function rememberLocale(code) {
  if (code === rememberedLocale) return;  // one write per change, not per navigation
  rememberedLocale = code;
  const written = await writeTo(PREFS, (prefs) => prefs.put(LAST_LOCALE, new Response(code, { headers: { "Content-Type": "text/plain" } })));
  if (!written) rememberedLocale = null;
}

/* The language the reader last read, if it is still saved. */
async function lastLocale(saved) {
  const last = await caches.match(LAST_LOCALE, { cacheName: PREFS });
  if (!last) return null;
  const code = await last.text();
  return saved.includes(code) ? code : null;
}

async function preferredLocale() {
  const saved = await savedLocales();
  const last = await lastLocale(saved);
  if (last) return last;
  const best = matchLocale(PRECACHE.languages, self.navigator.languages || [], saved);
  return best || saved[0] || PRECACHE.languages.default;
}

async function offlinePage(code) {
  const url = PRECACHE.offline[code] || PRECACHE.offline[PRECACHE.languages.default];
  const page = await cached(url);
  if (page) return page;
  // The offline pages are saved with every install; this is for a cache cleared under us.
  const words = PRECACHE.offlineText[code] || PRECACHE.offlineText[PRECACHE.languages.default];
  return new Response(words, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Language": code } });
}

async function navigate(event, url) {
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
      return (await cached(`/${await preferredLocale()}/forget/`)) || offlinePage(await preferredLocale());
    }
  }
  if (!sharedSaved) event.waitUntil(saveShared());  // a worker stopped before it finished
  const code = localeOf(url.pathname);
  if (code) event.waitUntil(rememberLocale(code));
  const page = await cached(url.pathname);
  if (page) return page;
  const pair = await pairFallback(url.pathname);
  try {
    const response = await fetch(event.request);
    if (pair && !response.ok) return pair;
    // Reading a language online saves that language too (and finishes a save cut short).
    if (response.ok && code && !(await savedLocales()).includes(code)) {
      event.waitUntil(store(PRECACHE.locales[code]).catch(() => {}));
    }
    return response;
  } catch (error) {
    return pair || offlinePage(code || (await preferredLocale()));
  }
}

/* The two-language self-check (/a/self-check/b/) is not saved as such: with both languages
   saved, the page of the first is served and its script adds the second from the cache. */
async function pairFallback(path) {
  const match = /^\/([^/]+)\/self-check\/([^/]+)\/$/.exec(path);
  if (!match || match[1] === match[2] || !PRECACHE.locales[match[1]] || !PRECACHE.locales[match[2]]) return null;
  const saved = await savedLocales();
  if (!saved.includes(match[1]) || !saved.includes(match[2])) return null;
  return (await cached(`/${match[1]}/self-check/`)) || null;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === "/sw.js" || PASS_THROUGH.has(url.pathname)) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
    return;
  }
  event.respondWith((async () => (await cached(url.pathname)) || fetch(request))());
});

/* Delete a locale's entries (every revision of its URLs): removing a language, or undoing a
   save that could not finish, so nothing half-saved stays behind. */
async function forget(code) {
  const cache = await existing(CACHE);
  if (!cache) return;
  const urls = new Set(PRECACHE.locales[code].map((e) => e.url));
  for (const request of await cache.keys()) {
    if (urls.has(new URL(request.url).pathname)) await cache.delete(request);
  }
}

/* Messages from the 'Saved for offline' page and from every page. */
self.addEventListener("message", (event) => {
  const data = event.data || {};
  const reply = (message) => (event.ports[0] ? event.ports[0].postMessage(message) : event.source.postMessage(message));
  const sizeOf = (code) => PRECACHE.locales[code].reduce((sum, e) => sum + e.size, 0);
  if (data.type === "claim") {    // a page that loaded while this worker was activating
    event.waitUntil(self.clients.claim().catch(() => {}));
    return;
  }
  event.waitUntil((async () => {
    let codes = [];
    try {
      if (data.type === "page") {
        // Every page served from the copy asks this: keep it to one cache lookup.
        const path = typeof data.path === "string" ? data.path : "";
        reply({ type: "page", saved: !!(await cached(path)), savedOn: await savedOn() });
      } else if (data.type === "status") {
        const present = await presentKeys();
        const sizes = {};
        for (const code of Object.keys(PRECACHE.locales)) sizes[code] = sizeOf(code);
        reply({
          type: "status", saved: await savedLocales(present), sizes, version: PRECACHE.version,
          // Whether the files every install saves are all here (some are saved once active).
          shared: PRECACHE.shared.every((e) => present.has(keyOf(e))),
          versionDate: PRECACHE.date, savedOn: await savedOn(),
        });
      } else if (data.type === "save") {
        codes = data.locale === "*" ? Object.keys(PRECACHE.locales) : [data.locale].filter((c) => PRECACHE.locales[c]);
        const entries = [].concat(...codes.map((c) => PRECACHE.locales[c]));
        await store(entries, (done, total) => reply({ type: "progress", done, total }));
        reply({ type: "saved", saved: await savedLocales() });
      } else if (data.type === "checked") {
        // The page found no newer version on the server: the saved copy is current as of now
        // (if there still is one).
        if (await caches.has(CACHE)) await writeSavedOn(Date.now());
        reply({ type: "checked" });
      } else if (data.type === "remove" && PRECACHE.locales[data.locale]) {
        await forget(data.locale);
        reply({ type: "removed", saved: await savedLocales() });
      }
    } catch (error) {
      // A save that failed half-way leaves no half-saved language: saved ones stay saved.
      const saved = await savedLocales();
      for (const code of codes) if (!saved.includes(code)) await forget(code).catch(() => {});
      const quota = error && (error.name === "QuotaExceededError" || /quota/i.test(String(error)));
      reply({ type: "error", reason: quota ? "quota" : "network", saved: await savedLocales() });
    }
  })());
});
