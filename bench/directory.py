"""Directory benchmarks on a synthetic directory of 10,000 organizations (bench/directory_gen.py):
the offline index's size, the in-browser search per keystroke in headless Chromium, and the
server-side search."""

from __future__ import annotations

import gzip
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.common import chromium, median, p95, pick, record, served
from bench.directory_gen import write, write_import_csv

COUNT = 10_000
# Typed character by character, alone and with filters, as a reader would.
QUERIES = ("legal help", "shelter for farmworkers", "spanish", "unpaid wages", "trabajadores",
           "xyzzy nothing", "crisis counseling texas")
FILTERS = ({}, {"state": "TX"}, {"language": "es", "service": "legal"}, {"population": "farmworkers"})

TYPE_IN_BROWSER = """([queries, filters]) => {
    const api = window.GuideDirectory, index = api.index;
    const input = document.getElementById('directory-q');
    const search = [], update = [];
    for (const filter of filters) {
        for (const q of queries) {
            for (let n = 1; n <= q.length; n++) {
                const params = Object.assign({q: q.slice(0, n)}, filter);
                let t = performance.now();
                api.search(index, api.parse(index, params));
                search.push(performance.now() - t);
            }
        }
    }
    // The whole keystroke as the page handles it: search, render the first results, update
    // the address (filters reset: the text box only).
    for (const q of queries) {
        for (let n = 1; n <= q.length; n++) {
            input.value = q.slice(0, n);
            const t = performance.now();
            input.dispatchEvent(new Event('input', {bubbles: true}));
            update.push(performance.now() - t);
        }
    }
    return {search, update};
}"""


# `flask directory import` in a process of its own, as a deployer runs it: its peak memory.
MEASURE_IMPORT = """
import resource, sys
from pathlib import Path
from webapp import create_app
from webapp.directory import importer, store
app = create_app({"TESTING": True, "CONTENT_DIR": sys.argv[1]})
with app.app_context():
    count, problems = importer.import_csv(Path(sys.argv[2]), store.path_in(sys.argv[1]),
                                          app.extensions["guide_content"].helplines)
print(count, len(problems), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def import_memory() -> None:
    """The largest file the import accepts (its row limit, nearly its size limit) imported as a
    deployer imports it; the quick mode imports a tenth of it."""
    import shutil
    import subprocess
    import sys

    from webapp import content
    from webapp.directory import csvrows

    rows = pick(csvrows.MAX_ROWS, csvrows.MAX_ROWS // 10)
    with tempfile.TemporaryDirectory(prefix="import-") as tmp:
        folder = Path(tmp) / "content"
        folder.mkdir()
        for name in content.FILES:
            shutil.copy(content.DEFAULT_DIR / name, folder / name)
        source = Path(tmp) / "directory.csv"
        write_import_csv(source, rows)
        size = source.stat().st_size
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", MEASURE_IMPORT, str(folder), str(source)],
                              capture_output=True, text=True, timeout=900)
        if done.returncode:
            raise RuntimeError(done.stderr[-500:])
        count, problems, peak_kb = map(int, done.stdout.split())
        if (count, problems) != (rows, 0):
            raise RuntimeError(f"imported {count} of {rows} rows, {problems} problems: {done.stderr[-300:]}")
    record(f"directory import, {rows:,} rows ({size / 2**20:.1f} MB): peak memory, time",
           f"{peak_kb / 1024:.0f} MB, {time.perf_counter() - started:.0f} s",
           "< 200 MB", peak_kb < 200 * 1024)


def run() -> None:
    import_memory()
    count = pick(COUNT, 500)
    print(f"directory ({count:,} synthetic organizations):")
    with tempfile.TemporaryDirectory(prefix="synthetic-directory-") as tmp:
        folder = write(count, Path(tmp) / "content")
        started = time.perf_counter()
        # Started as wsgi.py starts it: every page and index rendered, hashed and compressed.
        with served({"CONTENT_DIR": str(folder), "DIRECTORY_ALLOW_SYNTHETIC": True}) as server:
            record("app start-up with the synthetic directory (precache list built)",
                   f"{time.perf_counter() - started:.1f} s")
            sizes = {}
            for code in ("en", "es", "ar", "zh-Hans"):
                body = urllib.request.urlopen(f"{server.url}/{code}/services/index.json").read()
                sizes[code] = (len(body), len(gzip.compress(body, 6)))
            worst = max(gz for _, gz in sizes.values())
            record("offline index, largest locale, gzip -6",
                   f"{worst / 1024:.0f} KB ({sizes['en'][0] / 1024 / 1024:.1f} MB raw in en)",
                   "<= 1 MB compressed", worst <= 1024 * 1024)
            try:
                import brotli
            except ImportError:  # the server falls back to gzip
                pass
            else:
                body = urllib.request.urlopen(f"{server.url}/en/services/index.json").read()
                record("offline index, en, brotli (as the server sends it)",
                       f"{len(brotli.compress(body, quality=6)) / 1024:.0f} KB")

            with chromium() as (_, browser):
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                started = time.perf_counter()
                page.goto(server.url + "/en/services/")
                deadline = time.monotonic() + 60
                while not page.evaluate("document.getElementById('directory').hasAttribute('data-ready')"):
                    if time.monotonic() > deadline:
                        raise RuntimeError("the directory index never loaded")
                    page.wait_for_timeout(20)
                record("page open to search ready (index fetched and parsed)",
                       f"{(time.perf_counter() - started) * 1000:.0f} ms")
                timings = page.evaluate(TYPE_IN_BROWSER, [list(QUERIES), list(FILTERS)])
                context.close()
            record("in-browser search per keystroke, p95", f"{p95(timings['search']):.2f} ms "
                   f"(median {median(timings['search']):.2f}, {len(timings['search'])} keystrokes)",
                   "<= 10 ms", p95(timings["search"]) <= 10)
            record("in-browser keystroke incl. rendering results, p95", f"{p95(timings['update']):.1f} ms")

            from flask import g

            from webapp import locales
            from webapp.directory import index, search

            app = server.app
            with app.test_request_context("/en/services/"):
                g.locale = locales.BY_CODE["en"]
                data = index.get().data
                values = []
                for filters in FILTERS:
                    for q in QUERIES:
                        for n in range(1, len(q) + 1):
                            t = time.perf_counter()
                            search.search(data, search.parse(data, {"q": q[:n], **filters}))
                            values.append((time.perf_counter() - t) * 1000)
            record("server-side search, p95", f"{p95(values):.1f} ms (median {median(values):.1f})",
                   "<= 20 ms", p95(values) <= 20)
            pages = []
            for q in QUERIES:
                for filters in FILTERS:
                    url = f"{server.url}/en/services/?" + urllib.parse.urlencode({"q": q, **filters})
                    t = time.perf_counter()
                    urllib.request.urlopen(url).read()
                    pages.append((time.perf_counter() - t) * 1000)
            record(f"server-side results page over HTTP (first {search.PAGE_SIZE} rendered), p95",
                   f"{p95(pages):.1f} ms")


if __name__ == "__main__":
    run()
