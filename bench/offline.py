"""Offline benchmarks, on a reader's phone (a browser whose profile is on disk, bench/common.py
Phone), with every byte counted at the server:

- the first visit: what it downloads to make English readable offline;
- time to offline on a slow 3G link that slows the service worker's downloads too
  (bench/slowlink.py): from the first request until English is wholly saved, and when the home
  page (the hotline) and the helplines were saved;
- navigation offline from the worker's cache, next to the same pages from localhost;
- what a deploy costs an installed reader (no change, one sentence, the hotline's number),
  next to what the old one-cache-per-version worker downloaded on every deploy."""

from __future__ import annotations

import re
import shutil
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.common import Phone, chromium, deployed_app, median, pick, record
from bench.slowlink import SlowLink
from tests.conftest import LiveServer
from webapp import content
from webapp.offline import precache

CONTROLLED = "!!navigator.serviceWorker.controller"
DCL = "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
# The pages the install saves first: the hotline on the home page, and every helpline.
FIRST = ("/en/", "/en/helplines/")


class _Counted:
    """WSGI middleware: every response the server sends, as (path, status, bytes of status
    line, headers and body). Counted at the server, so the worker's downloads and the browser's
    own update checks of /sw.js are seen as well as the page's."""

    def __init__(self, app):
        self.app = app
        self.sent: list[tuple[str, int, int]] = []

    def __call__(self, environ, start_response):
        seen = {}

        def start(status, headers, exc_info=None):
            seen["status"] = int(status.split()[0])
            seen["head"] = len(status) + 11 + sum(len(k) + len(v) + 4 for k, v in headers) + 2
            return start_response(status, headers, exc_info)

        body = b"".join(self.app(environ, start))
        self.sent.append((environ["PATH_INFO"], seen["status"], seen["head"] + len(body)))
        return [body]

    def take(self) -> list[tuple[str, int, int]]:
        sent, self.sent = self.sent, []
        return sent


def counted_server(config: dict | None = None, port: int = 0) -> tuple[LiveServer, _Counted]:
    app = deployed_app(config)    # its precache list built before anything is counted
    counter = _Counted(app.wsgi_app)
    app.wsgi_app = counter
    return LiveServer(app, port), counter


def wait_controlled(page, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not page.evaluate(CONTROLLED):
        if time.monotonic() > deadline:
            raise RuntimeError("the service worker never took control (install failed?)")
        page.wait_for_timeout(50)


# Whether the worker has every file it saves, those it saves once active included.
SHARED_SAVED = """() => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(!!event.data.shared);
    navigator.serviceWorker.controller.postMessage({type: 'status'}, [channel.port2]);
})"""


def wait_saved(page, seconds: float = 120) -> None:
    """Controlled, and nothing left to download (the files saved once the worker is active)."""
    wait_controlled(page, seconds)
    deadline = time.monotonic() + seconds
    while not page.evaluate(SHARED_SAVED):
        if time.monotonic() > deadline:
            raise RuntimeError("the service worker never finished saving its shared files")
        page.wait_for_timeout(50)


def english_pages(url: str) -> list[str]:
    xml = urllib.request.urlopen(url + "/sitemap.xml").read().decode()
    return [p for p in re.findall(r"<loc>http://[^/]+(/[^<]*)</loc>", xml) if p.startswith("/en/")]


def run() -> None:
    print("offline (a reader's phone: a browser with its profile on disk):")
    with chromium() as (playwright, browser):
        first_visit_and_navigation(playwright, browser)
        time_to_offline(playwright)
        update_costs(playwright)


def first_visit_and_navigation(playwright, browser) -> None:
    server, counter = counted_server()
    rounds = pick(5, 1)
    try:
        paths = english_pages(server.url)
        counter.take()      # the bench's own request for the sitemap (240 KB) is not the reader's
        with Phone(playwright) as phone:
            page = phone.start()
            page.goto(server.url + "/en/")
            wait_saved(page)
            sent = counter.take()
            total = sum(size for _, _, size in sent)
            record("first visit: bytes to make English fully offline",
                   f"{total / 1024:.1f} KB in {len(sent)} requests (page, /sw.js, the worker's downloads)",
                   "<= 300 KB compressed", total <= 300 * 1024)

            def timings(on) -> list[float]:
                for path in paths:  # warm-up: the worker, the page's caches
                    on.goto(server.url + path, wait_until="domcontentloaded")
                values = []
                for path in paths * rounds:
                    on.goto(server.url + path, wait_until="domcontentloaded")
                    values.append(on.evaluate(DCL))
                return values

            from_cache_online = timings(page)
            network = browser.new_context(service_workers="block")
            from_network = timings(network.new_page())
            network.close()
            server.stop()
            phone.context.set_offline(True)
            offline = timings(page)
            record("offline navigation, median to DOMContentLoaded", f"{median(offline):.1f} ms "
                   f"({len(offline)} loads of {len(paths)} pages)", "< 50 ms", median(offline) < 50)
            record("same pages online from localhost (no worker)", f"{median(from_network):.1f} ms")
            record("same pages from the worker's cache, online", f"{median(from_cache_online):.1f} ms")
    finally:
        server.stop()


# Polled while the first visit runs: whether the worker controls the page yet (English wholly
# saved: its install stores everything before it activates), and before that, which of `paths`
# the installing worker has already saved (its own answer, keyed as it keys its cache).
# Once it controls the page, whether the shared files it saves once active are all saved too.
SAVED_STATE = """async (paths) => {
    const sw = navigator.serviceWorker;
    const ask = (worker, message, field) => new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(!!event.data[field]);
        worker.postMessage(message, [channel.port2]);
        setTimeout(() => resolve(false), 1000);
    });
    if (sw.controller) return {controlled: true, saved: {}, shared: await ask(sw.controller, {type: 'status'}, 'shared')};
    const reg = await sw.getRegistration();
    const worker = reg && (reg.installing || reg.waiting || reg.active);
    const saved = {};
    if (!worker) return {controlled: false, saved};
    await Promise.all(paths.map(async (path) => { saved[path] = await ask(worker, {type: 'page', path}, 'saved'); }));
    return {controlled: false, saved};
}"""


def time_to_offline(playwright) -> None:
    """From the first request of a first visit to /en/ until English is wholly saved (the
    worker controls the page), on a slow link in front of the server."""
    kbps, rtt = pick((400, 400), (4000, 40))
    server, counter = counted_server()
    link = SlowLink(server.port, kbps=kbps, rtt_ms=rtt)
    try:
        with Phone(playwright) as phone:
            page = phone.start()
            marks: dict[str, float] = {}
            started = time.monotonic()
            page.goto(link.url + "/en/", wait_until="commit")
            while "rest" not in marks:
                elapsed = time.monotonic() - started
                if elapsed > 180:
                    raise RuntimeError(f"English not saved after {elapsed:.0f} s on the slow link")
                try:
                    state = page.evaluate(SAVED_STATE, list(FIRST))
                except Exception:       # the page is still being replaced by its navigation
                    state = {"controlled": False, "saved": {}}
                elapsed = time.monotonic() - started
                for path, saved in state["saved"].items():
                    if saved:
                        marks.setdefault(path, elapsed)
                if state["controlled"]:
                    marks.setdefault("all", elapsed)
                    for path in FIRST:
                        marks.setdefault(path, elapsed)
                    if state["shared"]:
                        marks["rest"] = elapsed
                if "rest" not in marks:
                    page.wait_for_timeout(100)
            loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
        sent = counter.take()
        size = sum(n for _, _, n in sent)
        record(f"time to offline, {kbps:.0f} kbps / {rtt:.0f} ms RTT (worker included)",
               f"English wholly saved at {marks['all']:.1f} s; home page (the hotline) at "
               f"{marks[FIRST[0]]:.1f} s, helplines at {marks[FIRST[1]]:.1f} s; first page loaded at "
               f"{loaded:.1f} s; the rest (other languages' offline pages and calculators, app icons) "
               f"at {marks['rest']:.1f} s; {size / 1024:.0f} KB in {len(sent)} requests",
               "< 10 s (slow 3G)", marks["all"] < 10)
    finally:
        link.stop()
        server.stop()


# Follow one update check to its end: 'none' when the worker script did not change, else the
# new worker's final state ('activated' or 'redundant'). The navigation that opened the page
# may have started the check already.
UPDATE = """async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    let worker = reg.installing || reg.waiting;
    if (!worker) {
        await reg.update();
        worker = reg.installing || reg.waiting;
    }
    if (!worker) return 'none';
    return new Promise((resolve) => {
        const done = () => { if (worker.state === 'activated' || worker.state === 'redundant') resolve(worker.state); };
        worker.addEventListener('statechange', done);
        done();
    });
}"""


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    if old not in text:
        raise RuntimeError(f"{path.name} no longer holds {old!r}: update bench/offline.py")
    path.write_text(text.replace(old, new))


def _change_sentence(folder: Path) -> None:
    _replace(folder / "faq.yaml", "You do not have to give your name.", "You never have to give your name.")


def _change_number(folder: Path) -> None:
    _replace(folder / "helplines.yaml", '"+18883737888"', '"+18883737000"')
    _replace(folder / "helplines.yaml", '"1-888-373-7888"', '"1-888-373-7000"')


# Chromium also revalidates the first page opened while it starts the worker (a 304).
SCENARIOS = (("(a) deploy with no change", None, "nothing but 304s"),
             ("(b) one sentence changed on one page", _change_sentence,
              "the changed page + the one-file guide + /sw.js"),
             ("(c) hotline number changed (every page)", _change_number, "<= the pages showing it"))


def _content_copy() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="guide-bench-content-"))
    for name in content.FILES:
        shutil.copy(content.DEFAULT_DIR / name, folder / name)
    return folder


def update_costs(playwright) -> None:
    """One English reader installs the guide and quits the browser; the site is deployed again
    on the same address; the reader opens the guide, and the update runs to its end. Next to
    it, the whole install: what the old per-version worker fetched on every deploy."""
    for name, change, target in pick(SCENARIOS, SCENARIOS[:2]):
        folder = _content_copy()
        first, counter = counted_server({"CONTENT_DIR": str(folder)})
        manifest = precache.get(first.app)
        try:
            with Phone(playwright) as phone:
                page = phone.start()
                page.goto(first.url + "/en/")
                wait_saved(page)     # what is left after a deploy is the deploy's cost
                install = counter.take()
                phone.quit()
                first.stop()
                if change:
                    change(folder)
                second, counter = counted_server({"CONTENT_DIR": str(folder)}, first.port)
                try:
                    page = phone.start()
                    page.goto(second.url + "/en/")
                    outcome = page.evaluate(UPDATE)
                    sent = counter.take()
                finally:
                    second.stop()
        finally:
            first.stop()
            shutil.rmtree(folder, ignore_errors=True)
        # The per-version worker's install: /sw.js and every entry, each once (the page's own
        # first load fetched some of the same files).
        listed = {e["url"] for e in manifest["shared"] + manifest["locales"]["en"]} | {"/sw.js"}
        install = list({path: (path, status, size) for path, status, size in install if path in listed}.values())
        full = sum(size for _, _, size in install)
        size = sum(n for _, _, n in sent)
        sw_status = ",".join(str(status) for path, status, _ in sent if path == "/sw.js")
        # Downloads: answers with a body (a 304 only confirms what the phone has).
        paths = sorted({path for path, status, _ in sent if status != 304} - {"/sw.js"})
        checked = sorted({path for path, status, _ in sent if status == 304} - {"/sw.js"})
        shown = ", ".join(paths) if len(paths) <= 3 else f"{len(paths)} entries"
        if checked:
            shown = f"{shown or 'nothing else'}; {', '.join(checked)} 304"
        # (b): the page, and the guide as one file, which holds every page.
        ok = {"(a)": not paths and set(sw_status.split(",")) == {"304"},
              "(b)": len(paths) == 2 and "/en/file/" in paths}.get(name[:3], len(paths) < len(install))
        record(f"update {name}",
               f"{size / 1024:.1f} KB in {len(sent)} requests (sw.js {sw_status}; {shown or 'nothing else'})"
               f" vs {full / 1024:.1f} KB in {len(install)} requests per deploy before",
               target, ok and outcome in ("none", "activated"))


if __name__ == "__main__":
    run()
