"""What the guide leaves on a phone, read from a real Chromium profile on disk, as the person
checking the phone could: searches typed with and without JavaScript leave no words in the
History database, Cache Storage or any page title; "Remove saved data" leaves no cache, no
service worker and no storage, online and offline."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.worker import HELD, wait_until_controlled, wait_until_saved
from tests.conftest import BOTH_HOSTS, LiveServer, StaticServer, new_context, wait_for_js

pytestmark = pytest.mark.browser

SECRET = "zebrashelter"          # stands for what a reader typed
TYPED = f"domestic {SECRET}"
READY = "() => document.getElementById('directory').hasAttribute('data-ready')"
STATUS = "() => document.getElementById('directory-status').textContent"


def open_profile(playwright, launch_args, profile: Path, js: bool = True):
    return playwright.chromium.launch_persistent_context(
        str(profile), **launch_args, java_script_enabled=js, viewport={"width": 360, "height": 640})


def history_rows(profile: Path) -> list[tuple[str, str]]:
    """Every URL and title in the profile's History database (read from a copy: Chromium
    may still hold a lock on the file)."""
    source = profile / "Default" / "History"
    assert source.exists(), "Chromium kept no History database"
    copy = profile.parent / "History-copy"
    shutil.copy(source, copy)
    with sqlite3.connect(copy) as db:
        return db.execute("SELECT url, title FROM urls").fetchall()


def files_containing(folder: Path, word: bytes) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            try:
                if word in path.read_bytes():
                    found.append(str(path.relative_to(folder)))
            except OSError:
                pass
    return found


def test_searches_leave_no_trace_in_history_caches_or_titles(playwright, full_browser_launch_args, live_server,
                                                            tmp_path):
    # With JavaScript: typed letter by letter, then Enter; then the quick exit.
    with_js = tmp_path / "with-js"
    ctx = open_profile(playwright, full_browser_launch_args, with_js)
    page = ctx.new_page()
    page.goto(live_server.url + "/en/services/")
    wait_until_controlled(page)
    wait_for_js(page, READY)
    before = page.evaluate(STATUS)
    page.locator("#directory-q").press_sequentially(TYPED, delay=15)
    page.locator("#directory-q").press("Enter")
    # The search ran in the page: nothing matches these words, so the fallback shows.
    expect(page.locator("#directory-fallback")).to_be_visible()
    assert page.evaluate(STATUS) != before
    assert page.url == live_server.url + "/en/services/"
    assert SECRET not in page.title()
    page.locator("#quick-exit").click()
    page.wait_for_url("**/calculator/")
    ctx.close()

    # Without JavaScript: the form is sent, and the answer shown.
    without_js = tmp_path / "without-js"
    ctx = open_profile(playwright, full_browser_launch_args, without_js, js=False)
    page = ctx.new_page()
    page.goto(live_server.url + "/en/services/")
    page.locator("#directory-q").fill(TYPED)
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_load_state()
    assert TYPED in page.locator("#directory-q").input_value()   # the answer to this search
    assert page.url == live_server.url + "/en/services/"
    ctx.close()

    for profile in (with_js, without_js):
        rows = history_rows(profile)
        assert any(url.endswith("/en/services/") for url, _ in rows)   # History did record the visit
        assert not [row for row in rows if SECRET in row[0] + row[1] or "domestic" in row[0] + row[1]]
    assert (with_js / "Default" / "Service Worker" / "CacheStorage").exists()
    # With JavaScript, no file of the profile holds the words: History, Cache Storage, the
    # HTTP cache, autofill, session-restore files.
    assert files_containing(with_js, SECRET.encode()) == []
    # Without JavaScript, only Chromium's session-restore files keep a sent form (so that a
    # reload can send it again); the README says so. Nothing else does.
    leftover = files_containing(without_js, SECRET.encode())
    assert all(name.startswith("Default/Sessions/") for name in leftover), leftover


# How much the site keeps on the phone, by kind.
STORAGE = """async () => ({
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    local: localStorage.length, session: sessionStorage.length,
})"""


def storage_state(page) -> dict:
    return page.evaluate(STORAGE)


def save_and_mark(page, url: str) -> None:
    """A reader's phone after some use: the guide saved, settings stored."""
    page.goto(url + "/en/")
    wait_until_controlled(page)
    wait_for_js(page, "async () => (await caches.keys()).length >= 1")
    page.evaluate("() => { localStorage.setItem('x-test', '1'); sessionStorage.setItem('x-test', '1'); }")
    state = storage_state(page)
    assert state["caches"] >= 1 and state["workers"] == 1 and state["local"] >= 1


EMPTY = f"async () => Object.values(await ({STORAGE})()).every((n) => n === 0)"


def wait_until_empty(page) -> None:
    """Until the site keeps nothing on the phone; what is left if it never does."""
    try:
        wait_for_js(page, EMPTY)
    except AssertionError as error:
        raise AssertionError(f"left on the phone: {page.evaluate(HELD)}") from error


STYLES = "() => document.querySelector('link[rel=stylesheet]').href"
# Whether the browser's own HTTP cache still holds a URL (what only Clear-Site-Data removes).
IN_HTTP_CACHE = """(url) => fetch(url, {cache: 'only-if-cached', mode: 'same-origin'})
    .then((r) => r.ok, () => false)"""
STILL_OFFLINE = "Removing them needs an internet connection"
STILL_REFUSED = "This website could not remove them"


def open_forget_page(page, url: str) -> str:
    """The "Remove saved data" page; returns its stylesheet's address (in the HTTP cache since
    the guide's first page loaded it)."""
    page.goto(url + "/en/forget/")
    assert "Labor" not in page.title() and "Traffick" not in page.title()
    return page.evaluate(STYLES)


def expect_done(page, styles: str) -> None:
    expect(page.get_by_role("heading", name="Done", exact=True)).to_be_visible()
    assert page.title() == "Done"
    wait_until_empty(page)
    assert storage_state(page) == {"caches": 0, "workers": 0, "local": 0, "session": 0}
    # The browser's own cache went too: that is what the server's header did.
    assert page.evaluate(IN_HTTP_CACHE, styles) is False
    # Nothing of the guide is left on the screen.
    assert page.locator("#quick-exit").count() == 0 and "Traffick" not in page.content()


def expect_partial(page, styles: str, still: str) -> None:
    """What a page can remove is gone, the rest is named, and nothing says "Done"."""
    expect(page.get_by_role("heading", name="Almost done")).to_be_visible()
    expect(page.get_by_text("Removed from this phone")).to_be_visible()
    expect(page.get_by_text(still)).to_be_visible()
    assert page.get_by_role("heading", name="Done", exact=True).count() == 0
    assert "was removed" not in page.content()
    wait_until_empty(page)
    # What it says is still there is: the stylesheet is still in the browser's cache.
    assert page.evaluate(IN_HTTP_CACHE, styles) is True
    assert page.locator("#quick-exit").count() == 0 and "Traffick" not in page.content()


def test_remove_saved_data_online_leaves_nothing(playwright, profile_launch_args, server, tmp_path):
    srv = server()
    ctx = open_profile(playwright, profile_launch_args, tmp_path / "profile")
    page = ctx.new_page()
    save_and_mark(page, srv.url)
    styles = open_forget_page(page, srv.url)
    assert page.evaluate(IN_HTTP_CACHE, styles) is True      # there was something to clear
    page.locator("#forget").click()
    expect_done(page, styles)
    ctx.close()


def test_remove_saved_data_offline_says_what_is_left_and_finishes_online(playwright, profile_launch_args,
                                                                         server, tmp_path):
    srv = server()
    ctx = open_profile(playwright, profile_launch_args, tmp_path / "profile")
    page = ctx.new_page()
    save_and_mark(page, srv.url)
    port = srv.port
    srv.stop()
    ctx.set_offline(True)
    styles = open_forget_page(page, srv.url)     # from the saved copy
    page.locator("#forget").click()
    expect_partial(page, styles, STILL_OFFLINE)
    # Back online with the page still open: it finishes by itself.
    server(port=port)
    ctx.set_offline(False)
    expect_done(page, styles)
    ctx.close()


def test_remove_saved_data_never_says_done_when_the_host_does_not_clear(playwright, profile_launch_args, app,
                                                                        exports, tmp_path):
    """A static host that ignores the export's `_headers` for the "removed" address: it
    answers, but without Clear-Site-Data. Once the host sends it, "Try again" finishes."""
    ignoring = tmp_path / "ignoring"
    shutil.copytree(exports(app), ignoring)
    headers = ignoring / "_headers"
    headers.write_text(headers.read_text().replace("Clear-Site-Data", "X-Ignored"))
    servers = [StaticServer(app, 0, tmp_path / "site-a", exported=ignoring)]
    try:
        ctx = open_profile(playwright, profile_launch_args, tmp_path / "profile")
        page = ctx.new_page()
        save_and_mark(page, servers[0].url)
        styles = open_forget_page(page, servers[0].url)
        page.locator("#forget").click()
        expect_partial(page, styles, STILL_REFUSED)
        servers[0].stop()
        servers.append(StaticServer(app, servers[0].port, tmp_path / "site-b", exported=exports(app)))
        page.get_by_role("button", name="Try again").click()
        expect_done(page, styles)
        ctx.close()
    finally:
        for srv in servers:
            srv.stop()


@BOTH_HOSTS
def test_remove_saved_data_without_script_asks_the_browser(playwright, profile_launch_args, server, tmp_path):
    """The form without JavaScript opens the "removed" address, from the app or the static
    export (whose `_headers` give it the same header)."""
    srv = server()
    ctx = open_profile(playwright, profile_launch_args, tmp_path / "profile")
    page = ctx.new_page()
    save_and_mark(page, srv.url)
    styles = open_forget_page(page, srv.url)
    with page.expect_response(lambda r: "/removed/" in r.url) as answer:
        page.evaluate("() => HTMLFormElement.prototype.submit.call(document.getElementById('forget-form'))")
        page.wait_for_load_state()
    assert answer.value.all_headers()["clear-site-data"] == '"cache", "storage"'
    expect_done(page, styles)
    ctx.close()



class HeldInstall:
    """The app, on a link slow enough that the worker's first install is still running when the
    reader removes the guide: after the first pages the worker saves, it holds two (the install
    cannot end without them) until released; the pages' own requests go through. Bundles are
    not held: a page loading one would wait for the worker's download of it (Chromium's cache
    lock, 20 s)."""

    def __init__(self, app, first: int = 2):
        self.app, self.first, self.held, self.done = app, first, 0, 0
        self.lock = threading.Lock()     # the server answers each request in a thread of its own
        self.holding, self.released, self.answered = threading.Event(), threading.Event(), threading.Event()

    def __call__(self, environ, start_response):
        # The worker's downloads are fetches (Sec-Fetch-Dest: empty); its script is not held.
        if environ.get("HTTP_SEC_FETCH_DEST") != "empty" or environ["PATH_INFO"].startswith(("/sw.js", "/static/")):
            return self.app(environ, start_response)
        with self.lock:
            hold = not self.first and self.held < 2
            self.first = max(0, self.first - 1)
            self.held += hold
            if self.held == 2:
                self.holding.set()
        if not hold:
            return self.app(environ, start_response)
        assert self.released.wait(60), "never released"
        answer = self.app(environ, start_response)
        with self.lock:
            self.done += 1
            if self.done == 2:
                self.answered.set()
        return answer


# What an install still running would write next: the date its copy was saved, the language read,
# the files it leaves for later, the languages a page asks for (the names are sw.js's own).
LATE_WRITES = """async () => {
    await writeSavedOn(Date.now());
    await rememberLocale('es');
    await saveShared();
    await store(PRECACHE.locales.es).catch(() => {});
    return self.serviceWorker.state;
}"""


def test_a_removal_during_the_first_install_leaves_nothing(playwright, profile_launch_args, app, tmp_path):
    """The reader removes the guide (the form, which works without JavaScript) while a slow link
    is still saving it: the browser unregisters the worker and clears the site, yet the worker
    runs on, and every cache it opened then would be the site's again, the guide left on a phone
    whose reader removed it."""
    held = HeldInstall(app)
    srv = LiveServer(held)
    try:
        ctx = open_profile(playwright, profile_launch_args, tmp_path / "profile")
        page = ctx.new_page()
        page.goto(srv.url + "/en/")
        assert held.holding.wait(30), "the worker never started saving"
        assert page.evaluate("() => caches.keys()") == ["guide-precache"]     # half saved
        open_forget_page(page, srv.url)
        with page.expect_response(lambda r: "/removed/" in r.url) as answer:
            page.evaluate("() => HTMLFormElement.prototype.submit.call(document.getElementById('forget-form'))")
            page.wait_for_load_state()
        assert answer.value.all_headers()["clear-site-data"] == '"cache", "storage"'
        expect(page.get_by_role("heading", name="Done", exact=True)).to_be_visible()
        wait_until_empty(page)
        # The install's last downloads arrive, and the worker, still running, goes on. (What
        # it left is read from the page: in a worker whose site was cleared, Chromium may never
        # answer caches.keys(), seen once in 45 runs on a loaded machine.)
        held.released.set()
        assert held.answered.wait(30), "the held downloads were never answered"
        [worker] = ctx.service_workers
        assert worker.evaluate(LATE_WRITES) == "redundant"
        assert storage_state(page) == {"caches": 0, "workers": 0, "local": 0, "session": 0}
        ctx.close()

    finally:
        held.released.set()
        srv.stop()


# What every page the worker controls asks it (guide.js), and what the Saved page asks.
ASK_ALL = """async () => {
    const ask = (message) => new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data);
        navigator.serviceWorker.controller.postMessage(message, [channel.port2]);
    });
    return [await ask({type: 'page', path: location.pathname}), await ask({type: 'status'}),
            await ask({type: 'checked'}), await ask({type: 'remove', locale: 'en'})];
}"""


def test_a_worker_whose_storage_was_cleared_creates_none_when_asked(browser, live_server):
    """WebKit's Clear-Site-Data empties Cache Storage and keeps the worker (README, "Browser
    engines"), and every page that worker controls asks it what is saved: answering must not
    create storage again, or "Remove saved data" would leave a cache behind. Here the page
    empties Cache Storage and keeps the worker, as WebKit leaves them."""
    ctx = new_context(browser, service_workers="allow")
    page = ctx.new_page()
    page.goto(live_server.url + "/en/")
    wait_until_saved(page)
    page.evaluate("async () => { for (const name of await caches.keys()) await caches.delete(name); }")
    assert page.evaluate("() => caches.keys()") == []
    page_reply, status, checked, removed = page.evaluate(ASK_ALL)
    assert page_reply["saved"] is False and page_reply["savedOn"] is None
    assert status["saved"] == [] and status["shared"] is False and status["savedOn"] is None
    assert checked["type"] == "checked" and removed == {"type": "removed", "saved": []}
    assert page.evaluate("() => caches.keys()") == []
    ctx.close()
