"""Offline-first, in a real Chromium: the service worker saves the reader's language, serves it
with the server stopped, updates safely, and never stores errors, redirects or other origins."""

import json
import re
import socket
import threading
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.worker import STATUS, WORKER_SETTLED, installability_errors, sw_status, wait_until_controlled, wait_until_saved
from tests.conftest import BOTH_HOSTS, WITH_WORKER, LiveServer, ThreadedServer, new_context, page_path, wait_for_js
from tests.language_cases import ACCEPT_LANGUAGE_CASES, browser_tags
from webapp import locales
from webapp.offline import precache
from webapp.pages import PAGES

pytestmark = [pytest.mark.browser, WITH_WORKER]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The worker's one cache, keyed by URL and revision: the paths it holds, and every key.
CACHED = """async () => {
    const cache = await caches.open('guide-precache');
    return (await cache.keys()).map(r => new URL(r.url).pathname + new URL(r.url).search);
}"""

# Follow the next install to its end: attach to the worker installing now, or ask for an update
# check and attach to the worker it finds. window.__update becomes 'activated' or 'redundant'.
WATCH_UPDATE = """async () => {
    window.__update = null;
    const reg = await navigator.serviceWorker.getRegistration();
    const follow = (worker) => {
        const done = () => {
            if (worker.state === 'activated' || worker.state === 'redundant') window.__update = worker.state;
        };
        worker.addEventListener('statechange', done);
        done();
    };
    if (reg.installing) { follow(reg.installing); return true; }
    reg.addEventListener('updatefound', () => follow(reg.installing), { once: true });
    await reg.update().catch(() => {});
    return true;
}"""


def follow_update(page, timeout=60.0):
    """Start (or join) an update and wait for its outcome, a positive signal either way."""
    page.evaluate(WATCH_UPDATE)
    return wait_for_js(page, "() => window.__update", timeout=timeout)


# The version of the registration's active worker: null while there is none, and while a new
# worker installs or waits. A waiting worker activates only once the active one has no event
# to handle, so it is not asked then: polling it with messages would keep it busy for ever on
# a slow machine. A worker replaced while asked never answers: null after a second.
ACTIVE_VERSION = """() => navigator.serviceWorker.getRegistration().then(r => !r || !r.active || r.installing || r.waiting ? null :
    new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data.version);
        r.active.postMessage({type: 'status', path: ''}, [channel.port2]);
        setTimeout(() => resolve(null), 1000);
    }))"""


def cached_paths(page):
    return {key.split("?")[0] for key in page.evaluate(CACHED)}


def sitemap_paths(srv, lang):
    xml = socket_get(srv, "/sitemap.xml")
    return [p for p in re.findall(r"<loc>http://[^/]+(/[^<]*)</loc>", xml) if p.startswith(f"/{lang}/")]


def socket_get(srv, path):
    import urllib.request

    with urllib.request.urlopen(srv.url + path) as response:
        return response.read().decode()


def heading_of(html: str) -> str:
    import html as entities

    found = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", found)).split())


# Spanish from the static export; Thai and Hindi (scripts of their own, added later) from the app.
@pytest.mark.parametrize("server, lang", [("static", "es"), ("flask", "th"), ("flask", "hi")], indirect=["server"])
def test_one_visit_saves_the_whole_locale(context, server, app, lang):
    srv = server()
    paths = sitemap_paths(srv, lang)
    assert len(paths) == len(PAGES)
    # Each page's heading as the server sends it: offline, each page must be itself, not the
    # offline page (which also answers 200, in Spanish, with one h1 and the quick exit).
    headings = {path: heading_of(socket_get(srv, path)) for path in paths}
    assert len(set(headings.values())) == len(paths)
    fetches = Fetches(context, precache.get(app))
    page = context.new_page()
    page.goto(srv.url + f"/{lang}/signs/")
    wait_until_controlled(page)
    # The home page (the hotline) and the helplines are asked for first; the other languages'
    # offline pages and calculators, and the manifests' icons, once the rest is saved.
    wait_until_saved(page)
    order = fetches.paths
    assert sorted(order[:2]) == [f"/{lang}/", f"/{lang}/helplines/"], order
    later = ["/en/offline/", "/calculator/en/", "/static/icons/app/icon-512.png"]
    assert max(order.index(p) for p in paths + [f"/{lang}/offline/", f"/calculator/{lang}/"]) < min(order.index(p) for p in later)
    srv.stop()
    context.set_offline(True)
    # Without the browser's own caches (the bundles race them against the worker), every
    # bundle still comes from the saved copy.
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    for path in paths:
        response = page.goto(srv.url + path)
        assert response.ok, path
        assert page.locator("html").get_attribute("lang") == lang
        assert " ".join(page.locator("h1").inner_text().split()) == headings[path], path
        assert page.locator("#quick-exit").is_visible()
    page.goto(srv.url + f"/{lang}/helplines/")
    hrefs = page.eval_on_selector_all("a[href^='tel:'], a[href^='sms:']", "els => els.map(e => e.getAttribute('href'))")
    assert "tel:+18883737888" in hrefs and "sms:233733?body=BeFree" in hrefs
    # CSS came from the cache too: the page is styled; and its script runs (it says when the
    # copy was saved).
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.locator("#saved-on").filter(has_text=re.compile(r"\d{4}")).wait_for()   # "Saved on <date>"
    # A language that was not saved gets the offline page, in that language, with the helplines.
    page.goto(srv.url + "/en/rights/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("a[href='tel:+18883737888']").count() >= 1
    assert "offline" in page.locator("h1").inner_text().lower()
    # The root picks a saved language offline.
    page.goto(srv.url + "/")
    assert page.url.endswith(f"/{lang}/")


def test_opening_another_language_online_saves_it(context, server):
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/")
    wait_until_controlled(page)
    page.goto(srv.url + "/es/rights/")
    wait_for_js(page, f"async () => ({CACHED})().then(keys => keys.some(k => k.startsWith('/es/about/?')))")
    srv.stop()
    context.set_offline(True)
    page.goto(srv.url + "/es/about/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert "offline" not in page.locator("h1").inner_text().lower()


def new_hotline_number(folder):
    helplines = folder / "helplines.yaml"
    helplines.write_text(helplines.read_text().replace('"+18883737888"', '"+18883737000"')
                         .replace('"1-888-373-7888"', '"1-888-373-7000"'))


def new_sentence(folder):
    faq = folder / "faq.yaml"
    faq.write_text(faq.read_text().replace("You do not have to give your name.",
                                           "You never have to give your name.", 1))


def redeploy(server, srv, app_variant, edit=new_hotline_number, **config):
    """Stop the server and serve changed content again on the same origin: a new deploy.
    `new_hotline_number` changes the hotline's number (shown on every page); `new_sentence`
    changes one sentence of the questions page. Each variant is built once per worker."""
    srv.stop()
    app = app_variant(edit, **config)
    return server(app, srv.port), app


def redeploy_with_new_hotline_number(server, srv, app_variant):
    return redeploy(server, srv, app_variant)[0]


SAVE = """(locale) => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => { if (event.data.type !== 'progress') resolve(event.data); };
    navigator.serviceWorker.controller.postMessage({type: 'save', locale}, [channel.port2]);
})"""


class Fetches:
    """Paths of the precache list that the service worker asks the network for (the page's
    own requests, answered by the worker, are not downloads)."""

    def __init__(self, context, manifest):
        self.listed = {e["url"] for e in manifest["shared"]}
        self.listed |= {e["url"] for entries in manifest["locales"].values() for e in entries}
        self.paths = []
        context.on("request", self._seen)

    def _seen(self, request):
        from urllib.parse import urlsplit

        path = urlsplit(request.url).path
        if request.service_worker is not None and path in self.listed:
            self.paths.append(path)

    def clear(self):
        self.paths.clear()


def changed_entries(old, new, codes):
    """Entries of `codes` (and the shared ones) whose revision differs between two lists."""
    def entries(m):
        return {e["url"]: e["revision"] for e in m["shared"] + [x for c in codes for x in m["locales"][c]]}
    before, after = entries(old), entries(new)
    return {url for url, rev in after.items() if before.get(url) != rev}


# Each path as the worker answers it: [status, the text of its h1, its HTML]; status 0 when the
# worker has no answer.
WORKER_ANSWERS = """(paths) => Promise.all(paths.map((path) => fetch(path).then(async (response) => {
    const html = await response.text();
    const h1 = new DOMParser().parseFromString(html, 'text/html').querySelector('h1');
    return [response.status, h1 ? h1.textContent : '', html];
}, () => [0, '', ''])))"""


def assert_offline_pages(page, srv, lang, present, absent):
    """Offline, every page of `lang` comes whole from one version's copy: `present` (a number of
    that version) on each, `absent` on none. The helplines page is opened as a reader opens it;
    the others are asked of the worker by the page, the same cache lookup a navigation makes,
    without laying out each page again (test_one_visit_saves_the_whole_locale opens them all)."""
    paths = [page_path(lang, p) for p in PAGES]
    for p, (status, h1, html) in zip(PAGES, page.evaluate(WORKER_ANSWERS, paths)):
        assert status == 200, p.name
        assert present in html and absent not in html, p.name
        assert "offline" not in h1.lower(), p.name
    page.goto(srv.url + page_path(lang, next(p for p in PAGES if p.name == "helplines")))
    shown = page.locator("main").inner_text()
    assert present in shown and absent not in shown
    assert "offline" not in page.locator("h1").inner_text().lower()


def cache_key(entry):
    """Where the worker keeps an entry: under its address and revision."""
    return f"{entry['url']}?__rev={entry['revision']}"


# The icons that only the manifests name: installing an app needs them, reading does not.
MANIFEST_ICONS = {f"/static/icons/app/{name}.png" for name in ("icon-192", "icon-512", "maskable-192", "maskable-512")}
MANIFEST_ICONS |= {f"/static/cover/{name}.png" for name in ("calc-192", "calc-512", "calc-maskable-192", "calc-maskable-512")}


def saved_before_active(manifest, code="en"):
    """What an install of `code` saves before its version is active: all of `code`, and every
    shared file but the manifests' icons and the other languages' offline page and calculator
    (saved once the version is active)."""
    others = [c for c in manifest["locales"] if c != code]
    later = MANIFEST_ICONS | {f"/{c}/offline/" for c in others} | {f"/calculator/{c}/" for c in others}
    later |= {f"/calculator/{c}/manifest.webmanifest" for c in others}
    return [e for e in manifest["shared"] + manifest["locales"][code] if e["url"] not in later]


def missing_entries(page, manifest, code="en"):
    """Paths of the version's shared and `code` entries that its cache does not hold yet."""
    keys = set(page.evaluate(CACHED))
    return sorted(e["url"] for e in manifest["shared"] + manifest["locales"][code] if cache_key(e) not in keys)


# The registration's workers and their states, to say where an update stopped.
WORKERS = """() => navigator.serviceWorker.getRegistration().then(r => Object.fromEntries(
    ['installing', 'waiting', 'active'].map(k => [k, r[k] && r[k].state])))"""


def retry_fetches_only_the_missing_entry(context, page, server, srv, new_app, path):
    """Back online after a failed or cut-short update: the next visit (to `path`) finishes the
    update by fetching only what the first attempt did not store (/en/about/, and on a slow
    machine any entry that ran out of time beside it), and the new version then serves
    offline."""
    missing = missing_entries(page, precache.get(new_app))
    assert "/en/about/" in missing
    context.set_offline(False)
    srv = server(new_app, srv.port)
    fetches, failed = Fetches(context, precache.get(new_app)), []
    context.on("requestfailed", lambda r: failed.append((r.url, r.failure)))
    context.on("response", lambda r: failed.append((r.url, r.status)) if r.status >= 400 else None)
    page.goto(srv.url + path)
    # Ask for the update check (or join the one the visit started), then wait for its outcome:
    # the new version active. It may have finished before a listener could attach.
    page.evaluate(WATCH_UPDATE)
    version = precache.get(new_app)["version"]
    try:
        wait_for_js(page, f"() => ({ACTIVE_VERSION})().then(v => v === {json.dumps(version)})", timeout=60)
    except AssertionError as error:
        raise AssertionError(f"the new version never became active: workers {page.evaluate(WORKERS)}, "
                             f"fetched {fetches.paths} of {missing}, failed {failed}") from error
    wait_until_saved(page)      # the files it saves once active too
    assert sorted(fetches.paths) == missing
    srv.stop()
    context.set_offline(True)
    assert_offline_pages(page, srv, "en", "1-888-373-7000", "1-888-373-7888")


@BOTH_HOSTS
def test_update_fetches_only_what_changed_and_keeps_saved_languages(context, server, app_variant, app):
    srv = server()
    old_manifest = precache.get(app)
    page = context.new_page()
    page.goto(srv.url + "/en/")
    wait_until_saved(page)
    page.goto(srv.url + "/es/")  # reading Spanish online saves it too
    wait_for_js(page, f"() => ({STATUS})('').then(s => s.saved.includes('es') && s.saved.includes('en'))")
    srv, new_app = redeploy(server, srv, app_variant, new_sentence)
    new_manifest = precache.get(new_app)
    changed = changed_entries(old_manifest, new_manifest, ["en", "es"])
    # The questions page, and the guide as one file, which holds every page.
    assert changed and changed <= {"/en/questions/", "/es/questions/", "/en/file/", "/es/file/"}, changed
    fetches = Fetches(context, new_manifest)

    assert follow_update(page) == "activated"
    assert sorted(fetches.paths) == sorted(changed)   # each changed entry once, nothing else
    page.locator("#update-notice").wait_for(state="visible")
    status = sw_status(page)
    assert status["version"] == new_manifest["version"]
    assert {"en", "es"} <= set(status["saved"])
    # One key per path: the old revision of the changed page is gone.
    keys = page.evaluate(CACHED)
    assert len(keys) == len({k.split("?")[0] for k in keys})
    assert sorted(page.evaluate("caches.keys()")) == ["guide-precache", "guide-prefs"]

    srv.stop()
    context.set_offline(True)
    page.goto(srv.url + "/en/questions/")
    assert "You never have to give your name." in page.content()
    page.goto(srv.url + "/es/rights/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert "offline" not in page.locator("h1").inner_text().lower()


def test_update_reaches_the_reader_and_the_old_number_is_gone(context, server, app_variant):
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/")
    wait_until_saved(page)
    page.evaluate(WORKER_SETTLED)     # whatever the new worker had to say has been said ...
    expect(page.locator("#update-notice")).to_be_hidden()  # ... and with nothing new, no notice
    srv = redeploy_with_new_hotline_number(server, srv, app_variant)

    page.goto(srv.url + "/en/helplines/")  # served from cache at once; the update starts
    page.locator("#update-notice").wait_for(state="visible", timeout=30_000)
    page.locator("#update-notice [data-reload]").click()
    page.wait_for_load_state()
    assert page.locator("a[href='tel:+18883737000']").count() >= 1
    assert "7888" not in page.content()

    srv.stop()
    context.set_offline(True)
    assert_offline_pages(page, srv, "en", "1-888-373-7000", "1-888-373-7888")
    assert "tel:+18883737888" not in page.content()
    keys = page.evaluate(CACHED)
    assert len(keys) == len({k.split("?")[0] for k in keys})


FAULTS = ["500", "wrong-bytes", "cut-body", "timeout"]


class FaultyFront(ThreadedServer):
    """The origin during a deploy that goes wrong: every request goes through to `upstream`
    (the new version's server) except `path` (/en/about/), which gets `fault`: a 500, the wrong
    bytes, half its body on a dropped connection, or no answer at all. On the wire, as a phone
    meets it, not through the browser's request interception."""

    def __init__(self, port: int, upstream: str, fault: str, body: bytes, path: str = "/en/about/"):
        import http.client
        import http.server

        front = self
        self.hits, self.cut, self.released = 0, 0, threading.Event()

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                if urlsplit(self.path).path == path:
                    front.hits += 1
                    return self.fail()
                connection = http.client.HTTPConnection(urlsplit(upstream).netloc, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                connection.request("GET", self.path, headers=headers)
                answer = connection.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("connection", "transfer-encoding", "content-length", "date", "server"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                connection.close()

            def fail(self):
                if fault == "timeout":
                    front.released.wait()      # never answered: the worker gives up after its timeout
                    return
                data = {"500": b"boom", "wrong-bytes": body.replace(b"7000", b"7888")}.get(fault, body)
                self.send_response(500 if fault == "500" else 200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                if fault == "cut-body":
                    self.wfile.write(data[: len(data) // 2])
                    front.cut += 1
                else:
                    self.wfile.write(data)
                self.close_connection = True

        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler, bind_and_activate=False)
        server.socket.close()
        server.socket = self._listen(port)
        server.server_address = server.socket.getsockname()
        self._serve(server)

    def stop(self) -> None:
        self.released.set()
        super().stop()


@pytest.mark.parametrize("fault", FAULTS)
def test_failed_update_keeps_the_old_version_whole(context, server, app_variant, fault):
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/")
    wait_until_saved(page)
    old_keys = set(page.evaluate(CACHED))
    # The new version is deployed behind a faulty front on the same origin. In the 'timeout'
    # case with a short timeout, so that it fails in seconds (long enough for the entries that
    # are answered, even on a busy machine).
    srv.stop()
    new_app = app_variant(new_hotline_number, **({"PRECACHE_TIMEOUT": 3} if fault == "timeout" else {}))
    upstream = server(new_app)
    front = FaultyFront(srv.port, upstream.url, fault, new_app.test_client().get("/en/about/").get_data())
    try:
        assert follow_update(page) == "redundant"
        assert front.hits, "the update never requested the failing URL"
        if fault == "cut-body":
            assert front.cut >= 1, "no download was cut"
    finally:
        front.stop()
        upstream.stop()
    keys = set(page.evaluate(CACHED))
    assert old_keys <= keys      # the old version is whole; checked new entries may wait beside it
    assert sw_status(page)["saved"] == ["en"]

    context.set_offline(True)
    assert_offline_pages(page, srv, "en", "1-888-373-7888", "1-888-373-7000")

    # Back online: the next attempt fetches only what is still missing.
    retry_fetches_only_the_missing_entry(context, page, server, srv, new_app, "/en/rights/")


# What the header's colour is on a page, and whether a rule only the new stylesheet has applies.
STYLED = """() => ({
    header: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
    newRule: getComputedStyle(document.body).getPropertyValue('--deploy-mark').trim(),
})"""


def test_a_failed_shared_stylesheet_keeps_the_old_version_whole(context, server, app_variant, monkeypatch, tmp_path):
    """A deploy that changes the stylesheet every page loads (a new hashed bundle, a shared
    entry) and the hotline's number, whose stylesheet fails to download: the old version keeps
    serving every page with its own stylesheet, offline, and the new number appears nowhere."""
    from flask_assets import Bundle

    from webapp import assets, create_app

    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/")
    wait_until_saved(page)
    old_keys = set(page.evaluate(CACHED))
    old_style = page.evaluate(STYLED)
    srv.stop()
    mark = tmp_path / "deploy-mark.css"
    mark.write_text("body { --deploy-mark: new; }\n")
    edited = app_variant(new_hotline_number)
    with monkeypatch.context() as patch:   # only this app's bundle gains the rule
        patch.setitem(assets.BUNDLES, "guide_css", Bundle(*assets.BUNDLES["guide_css"].contents, str(mark),
                                                          filters="rcssmin", output="guide.%(version)s.css"))
        new_app = create_app({"TESTING": True, "CONTENT_DIR": edited.config["CONTENT_DIR"]})
    stylesheet = new_app.extensions["guide_asset_urls"]["guide_css"]
    assert stylesheet != edited.extensions["guide_asset_urls"]["guide_css"]
    assert stylesheet in {e["url"] for e in precache.get(new_app)["shared"]}
    upstream = server(new_app)
    front = FaultyFront(srv.port, upstream.url, "500", b"", path=stylesheet)
    try:
        assert follow_update(page) == "redundant"
        assert front.hits, "the update never asked for the new stylesheet"
    finally:
        front.stop()
        upstream.stop()
    assert old_keys <= set(page.evaluate(CACHED))
    context.set_offline(True)
    assert_offline_pages(page, srv, "en", "1-888-373-7888", "1-888-373-7000")
    assert page.evaluate(STYLED) == old_style and old_style["newRule"] == ""


def test_a_page_loaded_past_the_worker_is_claimed(context, server):
    """A page the worker did not load (one that loaded while the first worker was activating,
    which Chromium's claim skips; here a hard reload, which bypasses the worker every time) is
    claimed once it asks, so what it fetches next comes from the saved copy, offline too."""
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/services/")
    wait_until_saved(page)
    # Whether each page load began controlled, recorded before the page's own scripts run.
    page.add_init_script("window.__controlledAtLoad = !!navigator.serviceWorker.controller")
    cdp = context.new_cdp_session(page)
    with page.expect_navigation():
        cdp.send("Page.reload", {"ignoreCache": True})
    assert page.evaluate("window.__controlledAtLoad") is False
    wait_until_controlled(page)
    srv.stop()
    context.set_offline(True)
    # The directory's search index, which the page fetches when the reader searches.
    answer = page.evaluate("""() => fetch(document.querySelector('[data-index]').dataset.index)
        .then(r => r.json()).then(index => !!index, () => false)""")
    assert answer


def test_caches_hold_only_good_same_origin_responses(context, server):
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/")
    page.goto(srv.url + "/en/missing-page/")  # a 404, perhaps while the worker installs
    page.goto(srv.url + "/en/")
    wait_until_saved(page)
    missing = page.goto(srv.url + "/en/missing-page/")  # a 404 through the worker
    assert missing.status == 404 and missing.from_service_worker
    page.goto(srv.url + "/en/rights")        # a redirect to /en/rights/
    page.goto(srv.url + "/es/")              # saving Spanish: the worker stores while it runs
    wait_for_js(page, f"() => ({STATUS})('').then(s => s.saved.includes('es'))")
    entries = page.evaluate("""async () => {
        const out = [];
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const req of await cache.keys()) {
                const res = await cache.match(req);
                out.push({name, url: req.url, status: res.status, redirected: res.redirected, type: res.type});
            }
        }
        return out;
    }""")
    assert entries
    for e in entries:
        assert e["url"].startswith(srv.url + "/"), e
        assert e["status"] == 200 and not e["redirected"] and e["type"] in ("basic", "default"), e
        assert "missing-page" not in e["url"] and not e["url"].endswith("/en/rights"), e


def test_service_worker_is_served_fresh_with_its_list(live_server):
    import urllib.request

    srv = live_server
    with urllib.request.urlopen(srv.url + "/sw.js") as r:
        body = r.read().decode()
        assert r.headers["Content-Type"].startswith("text/javascript")
        assert r.headers["Cache-Control"] == "no-cache"
    data = json.loads(re.search(r"const PRECACHE = (\{.*?\});\n", body).group(1))
    for loc in locales.LOCALES:
        urls = {e["url"] for e in data["locales"][loc.code]}
        assert {page_path(loc.code, p) for p in PAGES} <= urls
    shared = {e["url"] for e in data["shared"]}
    assert any(u.endswith(".css") for u in shared) and any(u.endswith(".js") for u in shared)


def test_saved_page_saves_and_removes_a_language(context, server):
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/saved/")
    wait_until_saved(page)
    row = page.locator("tr[data-locale='es']")
    row.locator("[data-status]").filter(has_text="Not saved").wait_for()
    assert re.search(r"\d", row.locator("[data-size]").inner_text())
    # As a person sees it: only the action that fits the state is on the screen.
    expect(row.locator("[data-save]")).to_be_visible()
    expect(row.locator("[data-remove]")).to_be_hidden()
    row.locator("[data-save]").click()
    row.locator("[data-status]").filter(has_text=re.compile(r"^Saved$")).wait_for(timeout=30_000)
    expect(row.locator("[data-remove]")).to_be_visible()
    expect(row.locator("[data-save]")).to_be_hidden()
    assert page.evaluate("document.getElementById('save-progress').value") > 0
    srv.stop()
    context.set_offline(True)
    page.goto(srv.url + "/es/immigration/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert "offline" not in page.locator("h1").inner_text().lower()
    page.goto(srv.url + "/en/saved/")
    page.locator("tr[data-locale='es'] [data-remove]").click()
    page.locator("tr[data-locale='es'] [data-status]").filter(has_text="Not saved").wait_for()
    expect(page.locator("tr[data-locale='es'] [data-save]")).to_be_visible()
    expect(page.locator("tr[data-locale='es'] [data-remove]")).to_be_hidden()
    page.goto(srv.url + "/es/immigration/")
    assert page.locator("a[href='tel:+18883737888']").count() >= 1  # the offline page


@pytest.fixture(scope="module")
def profile(playwright, full_browser_launch_args, tmp_path_factory):
    """A browser with a profile on disk: Chromium reports `in-incognito` for the ordinary test
    contexts. One for the module, so each language's check does not launch a browser."""
    ctx = playwright.chromium.launch_persistent_context(str(tmp_path_factory.mktemp("profile")),
                                                       **full_browser_launch_args)
    yield ctx
    ctx.close()


# Every locale's manifest is checked by test_manifest_per_locale; Chromium's own install checks
# here in one language of each direction and script kind.
@pytest.mark.parametrize("lang", ["en", "ar", "th"])
def test_installable(profile, live_server, lang):
    assert installability_errors(profile, live_server.url + f"/{lang}/") == []


def test_manifest_without_icons_is_not_installable(playwright, full_browser_launch_args, live_server, tmp_path):
    """Negative control: the check above can fail."""
    def no_icons(route):
        response = route.fetch()
        data = response.json()
        data.pop("icons")
        route.fulfill(response=response, body=json.dumps(data))

    # A profile of its own: the shared one's worker would answer from its saved copy.
    ctx = playwright.chromium.launch_persistent_context(str(tmp_path / "profile"), **full_browser_launch_args)
    try:
        errors = installability_errors(ctx, live_server.url + "/en/", route=no_icons)
    finally:
        ctx.close()
    assert any("icon" in e["errorId"] for e in errors), errors


def test_manifest_per_locale(client):
    for loc in locales.LOCALES:
        r = client.get(f"/{loc.code}/manifest.webmanifest")
        assert r.status_code == 200 and r.mimetype == "application/manifest+json"
        data = r.get_json()
        for key in ("name", "short_name", "description", "id", "start_url", "scope", "theme_color",
                    "background_color"):
            assert data[key], key
        assert data["lang"] == loc.code and data["dir"] == loc.direction
        assert data["start_url"] == f"/{loc.code}/" and data["display"] == "standalone"
        sizes = {(i["sizes"], i["purpose"]) for i in data["icons"]}
        assert {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")} <= sizes
        for icon in data["icons"]:
            assert client.get(icon["src"]).status_code == 200


def test_saved_page_keeps_the_copy_and_shows_space_and_date(context, server):
    srv = server()
    # Count the page's requests to keep the copy (the browser itself decides the answer).
    context.add_init_script("""(() => {
        const persist = navigator.storage.persist.bind(navigator.storage);
        window.__persistCalls = 0;
        navigator.storage.persist = () => { window.__persistCalls += 1; return persist(); };
    })()""")
    page = context.new_page()
    page.goto(srv.url + "/en/")
    wait_until_saved(page)
    saved_on = sw_status(page)["savedOn"]
    page.goto(srv.url + "/en/saved/")
    facts = page.locator(".saved-facts")
    facts.get_by_text("Protected from automatic clean-up: no.").wait_for()
    space = facts.get_by_text(re.compile(r"^Space used on this phone: [\d.,]+\s*(kB|KB|MB)$"))
    space.wait_for()
    day = __import__("datetime").datetime.fromtimestamp(saved_on / 1000, __import__("datetime").timezone.utc)
    assert abs(saved_on / 1000 - __import__("time").time()) < 3600   # the server's date of this install
    facts.get_by_text(re.compile(rf"^Saved on \w+ \d+, {day.year}$")).wait_for()
    before = page.evaluate("navigator.storage.estimate().then(e => e.usage)")
    assert page.evaluate("window.__persistCalls") == 0
    # Chromium is not WebKit: no iPhone line, and the copy stays until the reader removes it.
    assert not page.locator(".saved-facts [data-iphone]").is_visible()
    assert page.get_by_text("A saved copy stays on this phone until you remove it.").is_visible()

    row = page.locator("tr[data-locale='es']")
    row.locator("[data-save]").click()
    row.locator("[data-status]").filter(has_text=re.compile(r"^Saved$")).wait_for(timeout=30_000)
    assert page.evaluate("window.__persistCalls") == 1
    # Installing the app asks too. The install is the phone's own (its prompt, its home
    # screen): the event the browser fires when it is done stands in for it here.
    page.evaluate("window.dispatchEvent(new Event('appinstalled'))")
    wait_for_js(page, "() => window.__persistCalls === 2")
    space.wait_for()
    assert page.evaluate("navigator.storage.estimate().then(e => e.usage)") > before

    # When the browser agrees to keep the copy, the page says so.
    target = context.new_cdp_session(page).send("Target.getTargetInfo")["targetInfo"]
    context.browser.new_browser_cdp_session().send("Browser.grantPermissions", {
        "origin": srv.url, "permissions": ["durableStorage"], "browserContextId": target["browserContextId"]})
    page.reload()
    facts.get_by_text("Protected from automatic clean-up: yes.").wait_for()
    assert facts.get_by_text("Protected from automatic clean-up: yes.").is_visible()


def test_offline_pages_say_when_they_were_saved_and_when_they_may_be_stale(context, server):
    import datetime

    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/es/")
    wait_until_saved(page)
    saved_on = sw_status(page)["savedOn"]
    srv.stop()
    context.set_offline(True)
    page.goto(srv.url + "/es/rights/")
    line = page.locator("#saved-on")
    line.wait_for(state="visible")
    day = datetime.datetime.fromtimestamp(saved_on / 1000, datetime.timezone.utc)
    assert line.inner_text().startswith("Guardado el ") and str(day.year) in line.inner_text()
    assert not page.locator("#saved-on [data-stale-line]").is_visible()

    # 91 days later by the phone's clock (the saved date itself is the server's).
    page.clock.install(time=day + datetime.timedelta(days=91))
    page.goto(srv.url + "/es/helplines/")
    stale = page.locator("#saved-on [data-stale-line]")
    stale.wait_for(state="visible")
    assert "90 días" in stale.inner_text() and "números de teléfono" in stale.inner_text()
    # Reachable from the page like any footer line, in the reader's language.
    assert page.locator("html").get_attribute("lang") == "es"


def test_quota_exceeded_during_save_says_so_and_saves_nothing_half(context, server):
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/es/saved/")
    wait_until_saved(page)
    page.locator("tr[data-locale='es'] [data-status]").filter(has_text=re.compile(r"^Guardado$")).wait_for()
    usage = page.evaluate("navigator.storage.estimate().then(e => e.usage)")
    cdp = context.new_cdp_session(page)
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": srv.url, "quotaSize": usage + 100_000})
    page.locator("[data-save='*']").click()
    expected = page.get_attribute("#offline-manager", "data-quota")
    assert expected.startswith("No hay suficiente espacio")
    page.locator("#save-message").filter(has_text=expected).wait_for(timeout=60_000)
    # Nothing half-saved is shown as saved, and nothing half-saved is kept.
    statuses = dict(page.eval_on_selector_all(
        "tr[data-locale]", "rows => rows.map(r => [r.dataset.locale, r.querySelector('[data-status]').textContent])"))
    assert statuses.pop("es") == "Guardado"
    assert set(statuses.values()) == {"No guardado"}, statuses
    codes = {loc.code for loc in locales.LOCALES}
    kept = {p.split("/")[1] for p in cached_paths(page) if not p.endswith("/offline/")} & codes
    assert kept == {"es"}, kept
    status = sw_status(page)
    assert status["saved"] == ["es"]


def test_two_tabs_during_an_update_both_reach_the_new_version(context, server, app_variant):
    srv = server()
    first = context.new_page()
    first.goto(srv.url + "/en/")
    wait_until_saved(first)
    second = context.new_page()
    second.goto(srv.url + "/en/rights/")
    wait_until_saved(second)
    srv, new_app = redeploy(server, srv, app_variant)
    version = precache.get(new_app)["version"]
    # Both tabs ask for the update at once; one install runs and both tabs follow it.
    first.evaluate(WATCH_UPDATE)
    second.evaluate(WATCH_UPDATE)
    assert wait_for_js(first, "() => window.__update") == "activated"
    assert wait_for_js(second, "() => window.__update") == "activated"
    for tab in (first, second):
        tab.locator("#update-notice").wait_for(state="visible")
        assert sw_status(tab)["version"] == version
    srv.stop()
    context.set_offline(True)
    assert_offline_pages(second, srv, "en", "1-888-373-7000", "1-888-373-7888")
    first.goto(srv.url + "/en/about/")
    assert "1-888-373-7000" in first.content()


def test_browser_killed_mid_install_then_restarted(playwright, profile_launch_args, server, app_variant, tmp_path):
    import time

    profile = tmp_path / "profile"
    srv = server()
    ctx = playwright.chromium.launch_persistent_context(str(profile), **profile_launch_args)
    page = ctx.new_page()
    page.goto(srv.url + "/en/")
    wait_until_saved(page)
    old_keys = set(page.evaluate(CACHED))
    srv, new_app = redeploy(server, srv, app_variant)
    held = []
    ctx.route("**/en/about/", lambda route: held.append(route))  # the install stalls on it
    page.evaluate(WATCH_UPDATE)
    deadline = time.monotonic() + 30
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert held, "the update never reached the stalled entry"
    # Every other new entry is checked and stored while that one hangs; then the browser dies.
    manifest = precache.get(new_app)
    new_keys = {cache_key(e) for e in saved_before_active(manifest) if e["url"] != "/en/about/"}
    wait_for_js(page, f"async () => ({CACHED})().then(keys => {json.dumps(sorted(new_keys))}.every(k => keys.includes(k)))")
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !!r.installing)")
    ctx.close()

    ctx = playwright.chromium.launch_persistent_context(str(profile), **profile_launch_args)
    try:
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        srv.stop()
        ctx.set_offline(True)
        page.goto(srv.url + "/en/helplines/")
        assert old_keys <= set(page.evaluate(CACHED))
        assert_offline_pages(page, srv, "en", "1-888-373-7888", "1-888-373-7000")
        # Only what the killed install had not stored is fetched again.
        retry_fetches_only_the_missing_entry(ctx, page, server, srv, new_app, "/en/")
    finally:
        ctx.close()


TABLE = [(browser_tags(header), expected) for header, expected in ACCEPT_LANGUAGE_CASES]
MATCH_ALL = "([rule, cases]) => cases.map(([tags]) => matchLocale(rule, tags) || rule.default)"


@BOTH_HOSTS
def test_one_language_table_for_server_chooser_and_worker(browser, context, server):
    """The server's half of the table is in tests/test_locales.py; here the same rows go
    through the worker's code, and through the static export's chooser page."""
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/")
    wait_until_controlled(page)
    worker = context.service_workers[0]
    rule = worker.evaluate("PRECACHE.languages")
    assert worker.evaluate(MATCH_ALL, [rule, TABLE]) == [expected for _, expected in TABLE]
    if server.kind == "static":
        # Hold the chooser on its page (no worker to answer for the network): its own redirect
        # gets 204 No Content, which leaves the page where it is, its code there to be asked.
        plain = new_context(browser)
        try:
            plain.route(re.compile(re.escape(srv.url) + r"/[^/]+/$"), lambda route: route.fulfill(status=204))
            chooser = plain.new_page()
            chooser.goto(srv.url + "/", wait_until="commit")
            wait_for_js(chooser, "() => typeof matchLocale === 'function' && !!document.getElementById('languages')")
            chooser_rule = json.loads(chooser.get_attribute("#main", "data-rule"))
            assert chooser_rule == rule
            assert chooser.evaluate(MATCH_ALL, [chooser_rule, TABLE]) == [expected for _, expected in TABLE]
        finally:
            plain.close()


@pytest.mark.parametrize("server, tag, expected", [("flask", "zh-SG", "zh-Hans"), ("static", "fil-PH", "tl")],
                         indirect=["server"])
def test_aliases_work_offline_and_in_the_chooser(browser, server, tag, expected):
    srv = server()
    if server.kind == "static":
        chooser = new_context(browser, locale=tag)
        try:
            page = chooser.new_page()
            page.goto(srv.url + "/")
            page.wait_for_url(re.compile(rf".*/{expected}/$"))
        finally:
            chooser.close()
    context = browser.new_context(locale=tag, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(srv.url + "/en/saved/")
        wait_until_controlled(page)
        # Save English and the reader's language without visiting a page of either (that would
        # make it the last language read, which decides the root by itself). With English
        # saved too, only the rule can pick the reader's language.
        for code in ("en", expected):
            assert page.evaluate(SAVE, code)["type"] == "saved"
        assert {"en", expected} <= set(sw_status(page)["saved"])
        # The page that installed the worker was English, and the worker remembers the language
        # of the page that installed it; forget that, so that only the rule decides.
        assert page.evaluate("async () => (await caches.open('guide-prefs')).delete('/__last-locale')")
        srv.stop()
        context.set_offline(True)
        page.goto(srv.url + "/")
        page.wait_for_url(re.compile(rf".*/{expected}/$"))
        assert page.locator("html").get_attribute("lang") == expected
    finally:
        context.close()


def saved_then_offline(context, server, path: str):
    """A reader who opened `path` online, with everything saved, and then lost the signal: the
    page, and its (stopped) server for the addresses."""
    srv = server()
    page = context.new_page()
    page.goto(srv.url + path)
    wait_until_saved(page)
    srv.stop()
    context.set_offline(True)
    return page, srv


def test_last_resort_offline_answer_is_in_the_readers_language(context, server):
    page, srv = saved_then_offline(context, server, "/en/")
    # Even the offline pages are gone (storage cleared under the worker).
    page.evaluate("""async () => {
        const cache = await caches.open('guide-precache');
        for (const request of await cache.keys()) {
            if (new URL(request.url).pathname.endsWith('/offline/')) await cache.delete(request);
        }
    }""")
    page.goto(srv.url + "/es/rights/")
    text = page.locator("body").inner_text()
    assert text.startswith("No tienes conexión")
    assert "1-888-373-7888" in text


def test_the_short_forget_address_opens_offline_in_the_readers_language(context, server):
    """Offline, /forget/ is answered by the worker with the saved page of the language read
    last, not the network's redirect."""
    page, srv = saved_then_offline(context, server, "/es/")
    page.goto(srv.url + "/forget/")
    expect(page.locator("#forget")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.url.endswith("/forget/")


def test_languages_saved_by_the_per_version_worker_stay_saved(context, server):
    """A reader of the old worker (one cache per version) keeps the languages it saved, and
    its old cache is deleted."""
    srv = server()
    context.route("**/sw.js", lambda route: route.abort())  # no worker until the old cache exists
    page = context.new_page()
    page.goto(srv.url + "/en/")
    page.evaluate("""async () => {
        const old = await caches.open('guide-v-0123456789abcdef');
        await old.put('/es/', new Response('old Spanish start page'));
        await old.put('/es/rights/', new Response('old Spanish page'));
    }""")
    context.unroute("**/sw.js")
    page.evaluate("navigator.serviceWorker.register('/sw.js', {scope: '/'}).then(() => 1)")
    wait_until_controlled(page)
    assert {"en", "es"} <= set(sw_status(page)["saved"])
    assert sorted(page.evaluate("caches.keys()")) == ["guide-precache", "guide-prefs"]


class Counting:
    """The app, with every path it was asked for. `spoil`: the first answer for that path is
    other bytes, which the browser keeps for a year (the header of a bundle named by its hash)."""

    def __init__(self, app, spoil: str | None = None):
        self.app, self.spoil, self.paths = app, spoil, []

    def __call__(self, environ, start_response):
        path = environ["PATH_INFO"]
        self.paths.append(path)
        if path == self.spoil and self.paths.count(path) == 1:
            start_response("200 OK", [("Content-Type", "text/css; charset=utf-8"),
                                      ("Cache-Control", "public, max-age=31536000, immutable")])
            return [b"body { color: red; }"]
        return self.app(environ, start_response)


def hashed_bundles(app) -> list[str]:
    manifest = precache.get(app)
    return [e["url"] for e in manifest["shared"] if e["url"].startswith(manifest["immutable"])]


def test_a_first_visit_downloads_each_bundle_once(context, app):
    """The page that registers the worker has just loaded the bundles it uses (named by the hash
    of their bytes): the worker takes those from the browser's cache, so a reader on prepaid
    data does not pay for them twice. Counted at the server."""
    counted = Counting(app)
    srv = LiveServer(counted)
    try:
        page = context.new_page()
        page.goto(srv.url + "/en/")
        wait_until_saved(page)
        bundles = hashed_bundles(app)
        used = {p for p in page.evaluate("() => performance.getEntriesByType('resource')"
                                         ".map((e) => new URL(e.name).pathname)") if p in bundles}
        assert used, "the page loaded no bundle"
        assert {p: counted.paths.count(p) for p in bundles} == {p: 1 for p in bundles}
        assert set(bundles) <= cached_paths(page)
    finally:
        srv.stop()


def test_a_wrong_copy_of_a_bundle_in_the_browsers_cache_is_asked_of_the_server(context, app):
    """A wrong copy under a bundle's name in the browser's cache (a proxy's, a cut download)
    would fail every install for a year: the worker asks the server for that bundle again."""
    css = next(p for p in hashed_bundles(app) if p.rsplit("/", 1)[-1].startswith("guide.") and p.endswith(".css"))
    counted = Counting(app, spoil=css)
    srv = LiveServer(counted)
    try:
        page = context.new_page()
        page.goto(srv.url + "/en/")
        # The page itself got the wrong copy: unstyled.
        assert page.evaluate("getComputedStyle(document.body).color") == "rgb(255, 0, 0)"
        wait_until_saved(page)
        assert counted.paths.count(css) == 2    # the page's, then the worker's from the server
    finally:
        srv.stop()
    context.set_offline(True)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    page.goto(srv.url + "/en/about/")
    # The saved copy is the right one: the page is styled.
    assert page.evaluate("getComputedStyle(document.body).color") != "rgb(255, 0, 0)"
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
