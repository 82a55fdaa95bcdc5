"""Offline benchmarks: bytes to make one locale readable offline, navigation time from the
service worker's cache next to the same pages online from localhost, and what a deploy costs
an installed reader (no change, one sentence, the hotline's number)."""

from __future__ import annotations

import re
import shutil
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.common import chromium, median, record, served
from tests.conftest import LiveServer
from webapp import content, create_app
from webapp.offline import precache


def run() -> None:
    print("offline:")
    with served() as server, chromium() as (_, browser):
        context = browser.new_context()
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        transferred = []
        context.on("requestfinished", lambda request: transferred.append(request))
        page.goto(server.url + "/en/")
        deadline = time.monotonic() + 60
        while not page.evaluate("!!navigator.serviceWorker.controller") and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        page.wait_for_timeout(500)
        total = 0
        for request in transferred:
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        record("bytes to make English fully offline", f"{total / 1024:.1f} KB on the wire",
               "<= 300 KB compressed", total <= 300 * 1024)

        xml = urllib.request.urlopen(server.url + "/sitemap.xml").read().decode()
        paths = [p for p in re.findall(r"<loc>http://[^/]+(/[^<]*)</loc>", xml) if p.startswith("/en/")]

        def timings() -> list[float]:
            values = []
            for path in paths:  # warm-up: the worker and the page's caches
                page.goto(server.url + path, wait_until="domcontentloaded")
            for path in paths * 5:
                page.goto(server.url + path, wait_until="domcontentloaded")
                values.append(page.evaluate(
                    "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
            return values

        offline_pages = timings()  # served by the worker's cache
        fresh = browser.new_context(service_workers="block")
        online_page = fresh.new_page()
        page_online = []
        for path in paths * 3:
            online_page.goto(server.url + path, wait_until="domcontentloaded")
            page_online.append(online_page.evaluate(
                "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
        server.stop()
        context.set_offline(True)
        offline_only = timings()
        record("offline navigation, median to DOMContentLoaded", f"{median(offline_only):.1f} ms",
               "< 50 ms", median(offline_only) < 50)
        record("same pages online from localhost (no worker)", f"{median(page_online):.1f} ms")
        record("same pages from the worker's cache, online", f"{median(offline_pages):.1f} ms")
        fresh.close()
        context.close()
        update_costs(browser)


# Follow one update check to its end: 'none' when the worker script did not change, else the
# new worker's final state ('activated' or 'redundant').
UPDATE = """async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const outcome = new Promise((resolve) => reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        const done = () => { if (worker.state === 'activated' || worker.state === 'redundant') resolve(worker.state); };
        worker.addEventListener('statechange', done);
        done();
    }, { once: true }));
    await reg.update();
    return (reg.installing || reg.waiting) ? await outcome : 'none';
}"""


def _change_sentence(folder: Path) -> None:
    faq = folder / "faq.yaml"
    faq.write_text(faq.read_text().replace("You do not have to give your name.",
                                           "You never have to give your name.", 1))


def _change_number(folder: Path) -> None:
    helplines = folder / "helplines.yaml"
    helplines.write_text(helplines.read_text().replace('"+18883737888"', '"+18883737000"')
                         .replace('"1-888-373-7888"', '"1-888-373-7000"'))


SCENARIOS = (("(a) deploy with no change", None, "only /sw.js (a 304)"),
             ("(b) one sentence changed on one page", _change_sentence,
              "the changed page + the one-file guide + /sw.js"),
             ("(c) hotline number changed (every page)", _change_number, "<= the pages showing it"))


def _content_copy() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="guide-bench-content-"))
    for name in content.FILES:
        shutil.copy(content.DEFAULT_DIR / name, folder / name)
    return folder


class _Counted:
    """WSGI middleware: every response the server sends, as (path, status, body bytes). Counted
    at the server, so a 304 for /sw.js (which the browser's update check makes outside any
    page or worker) is seen too."""

    def __init__(self, app):
        self.app = app
        self.sent: list[tuple[str, int, int]] = []

    def __call__(self, environ, start_response):
        seen = {}

        def start(status, headers, exc_info=None):
            seen["status"] = int(status.split()[0])
            return start_response(status, headers, exc_info)

        body = b"".join(self.app(environ, start))
        self.sent.append((environ["PATH_INFO"], seen["status"], len(body)))
        return [body]


def _counted_server(folder: Path, port: int = 0):
    app = create_app({"TESTING": False, "CONTENT_DIR": str(folder)})
    counter = _Counted(app.wsgi_app)
    counter.app_ref = app
    app.wsgi_app = counter
    return LiveServer(app, port), counter


def update_costs(browser) -> None:
    """What one installed English reader downloads for a new deploy, with the worker keyed by
    revision, next to the whole language: what the per-version worker fetched on every deploy
    (its install filled an empty cache), measured here as the first install."""
    for name, change, target in SCENARIOS:
        folder = _content_copy()
        first, counter = _counted_server(folder)
        context = browser.new_context()
        page = context.new_page()
        page.goto(first.url + "/en/")
        deadline = time.monotonic() + 60
        while not page.evaluate("!!navigator.serviceWorker.controller") and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        # The first install: the worker and every entry it saved, each once (the page's own
        # first load fetched some of the same files).
        manifest = precache.get(counter.app_ref)
        listed = {e["url"] for e in manifest["shared"] + manifest["locales"]["en"]} | {"/sw.js"}
        install = list({path: (path, status, size) for path, status, size in reversed(counter.sent)
                        if path in listed}.values())
        full = sum(size for _, _, size in install)
        first.stop()
        if change:
            change(folder)
        second, counter = _counted_server(folder, first.port)
        outcome = page.evaluate(UPDATE)
        sent = list(counter.sent)
        size = sum(n for _, _, n in sent)
        sw_status = ",".join(str(status) for path, status, _ in sent if path == "/sw.js")
        paths = sorted({path for path, _, _ in sent} - {"/sw.js"})
        shown = ", ".join(paths) if len(paths) <= 3 else f"{len(paths)} entries"
        # (b): the page, and the guide as one file, which holds every page.
        ok = {"(a)": not paths and sw_status == "304",
              "(b)": len(paths) == 2 and "/en/file/" in paths}.get(name[:3], len(paths) < len(install))
        record(f"update {name}",
               f"{size / 1024:.1f} KB in {len(sent)} requests (sw.js {sw_status}; {shown or 'nothing else'})"
               f" vs {full / 1024:.1f} KB in {len(install)} requests per deploy before",
               target, ok and outcome in ("none", "activated"))
        second.stop()
        context.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    run()
