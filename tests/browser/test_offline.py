"""Offline-first, in a real Chromium: the service worker saves the reader's language, serves it
with the server stopped, updates safely, and never stores errors, redirects or other origins."""

import json
import re
import socket

import pytest
from playwright.sync_api import expect

from tests.conftest import page_path, wait_for_js
from webapp import create_app, locales
from webapp.pages import PAGES

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_controlled(page):
    wait_for_js(page, "() => !!(navigator.serviceWorker && navigator.serviceWorker.controller)")


def sitemap_paths(srv, lang):
    xml = socket_get(srv, "/sitemap.xml")
    return [p for p in re.findall(r"<loc>http://[^/]+(/[^<]*)</loc>", xml) if p.startswith(f"/{lang}/")]


def socket_get(srv, path):
    import urllib.request

    with urllib.request.urlopen(srv.url + path) as response:
        return response.read().decode()


def test_one_visit_saves_the_whole_locale(context, server):
    srv = server()
    paths = sitemap_paths(srv, "es")
    assert len(paths) == len(PAGES)
    page = context.new_page()
    page.goto(srv.url + "/es/signs/")
    wait_until_controlled(page)
    srv.stop()
    context.set_offline(True)
    for path in paths:
        response = page.goto(srv.url + path)
        assert response.ok, path
        assert page.locator("html").get_attribute("lang") == "es"
        assert page.locator("h1").count() == 1
        assert page.locator("#quick-exit, .site-footer").count() >= 1
    page.goto(srv.url + "/es/helplines/")
    hrefs = page.eval_on_selector_all("a[href^='tel:'], a[href^='sms:']", "els => els.map(e => e.getAttribute('href'))")
    assert "tel:+18883737888" in hrefs and "sms:233733?body=BeFree" in hrefs
    # CSS came from the cache too: the page is styled.
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    # A language that was not saved gets the offline page, in that language, with the helplines.
    page.goto(srv.url + "/en/rights/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("a[href='tel:+18883737888']").count() >= 1
    assert "offline" in page.locator("h1").inner_text().lower()
    # The root picks a saved language offline.
    page.goto(srv.url + "/")
    assert page.url.endswith("/es/")


def test_opening_another_language_online_saves_it(context, server):
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/")
    wait_until_controlled(page)
    page.goto(srv.url + "/es/rights/")
    wait_for_js(page, """async () => {
        const c = await caches.open((await caches.keys()).find(k => k.startsWith('guide-v-')));
        return !!(await c.match('/es/about/'));
    }""")
    srv.stop()
    context.set_offline(True)
    page.goto(srv.url + "/es/about/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert "offline" not in page.locator("h1").inner_text().lower()


def redeploy_with_new_hotline_number(server, srv, content_copy):
    """Stop the server, change the hotline's number in a copy of the content, serve again on
    the same origin: a new deploy."""
    srv.stop()
    helplines = content_copy / "helplines.yaml"
    helplines.write_text(helplines.read_text().replace('"+18883737888"', '"+18883737000"')
                         .replace('"1-888-373-7888"', '"1-888-373-7000"'))
    return server(create_app({"TESTING": True, "CONTENT_DIR": str(content_copy)}), srv.port)


def test_update_reaches_the_reader_and_the_old_number_is_gone(context, server, content_copy):
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/")
    wait_until_controlled(page)
    expect(page.locator("#update-notice")).to_be_hidden()  # nothing new yet: no notice
    srv = redeploy_with_new_hotline_number(server, srv, content_copy)

    page.goto(srv.url + "/en/helplines/")  # served from cache at once; the update starts
    page.locator("#update-notice").wait_for(state="visible", timeout=30_000)
    page.locator("#update-notice [data-reload]").click()
    page.wait_for_load_state()
    assert page.locator("a[href='tel:+18883737000']").count() >= 1
    assert "7888" not in page.content()

    srv.stop()
    context.set_offline(True)
    for p in PAGES:
        page.goto(srv.url + page_path("en", p))
        html = page.content()
        assert "tel:+18883737888" not in html and "1-888-373-7888" not in html, p.name
        assert "1-888-373-7000" in html
    keys = page.evaluate("caches.keys()")
    assert len([k for k in keys if k.startswith("guide-v-")]) == 1


def test_failed_update_keeps_the_old_version_whole(context, server, content_copy):
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/")
    wait_until_controlled(page)
    versions = "caches.keys().then(keys => keys.filter(k => k.startsWith('guide-v-')))"
    old_keys = page.evaluate(versions)
    srv = redeploy_with_new_hotline_number(server, srv, content_copy)
    failed = []

    def fail(route):
        failed.append(route.request.url)
        route.fulfill(status=500, body="boom")

    context.route("**/en/about/", fail)
    page.goto(srv.url + "/en/signs/")
    # The navigation starts an update check; make sure it has run, then wait while the new
    # worker installs, hits the 500 and is discarded.
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => 1, () => 1)")
    wait_for_js(page, """async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return !reg.installing && !reg.waiting;
    }""")
    page.wait_for_timeout(500)
    assert failed, "the update never requested the failing URL"
    assert page.evaluate(versions) == old_keys

    srv.stop()
    context.unroute("**/en/about/")
    context.set_offline(True)
    for p in PAGES:
        page.goto(srv.url + page_path("en", p))
        html = page.content()
        assert "1-888-373-7888" in html and "1-888-373-7000" not in html, p.name
        assert "offline" not in page.locator("h1").inner_text().lower()


def test_caches_hold_only_good_same_origin_responses(context, server):
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/en/")
    page.goto(srv.url + "/en/missing-page/")  # a 404, perhaps while the worker installs
    page.goto(srv.url + "/en/")
    wait_until_controlled(page)
    page.goto(srv.url + "/en/missing-page/")  # a 404 through the worker
    page.goto(srv.url + "/en/rights")        # a redirect to /en/rights/
    page.goto(srv.url + "/es/")
    page.wait_for_timeout(1000)
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
    wait_until_controlled(page)
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


def installability_errors(playwright_instance, launch_args, profile, url, route=None):
    # Chromium reports `in-incognito` for ordinary test contexts: use a persistent profile.
    ctx = playwright_instance.chromium.launch_persistent_context(str(profile), **launch_args)
    try:
        if route:
            ctx.route("**/manifest.webmanifest", route)
        page = ctx.new_page()
        page.goto(url)
        if route is None:
            wait_until_controlled(page)
        cdp = ctx.new_cdp_session(page)
        return cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", [loc.code for loc in locales.LOCALES])
def test_installable_in_every_locale(playwright_instance, launch_args, live_server, tmp_path, lang):
    assert installability_errors(playwright_instance, launch_args, tmp_path / "profile",
                                 live_server.url + f"/{lang}/") == []


def test_manifest_without_icons_is_not_installable(playwright_instance, launch_args, live_server, tmp_path):
    """Negative control: the check above can fail."""
    def no_icons(route):
        response = route.fetch()
        data = response.json()
        data.pop("icons")
        route.fulfill(response=response, body=json.dumps(data))

    errors = installability_errors(playwright_instance, launch_args, tmp_path / "profile",
                                   live_server.url + "/en/", route=no_icons)
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
