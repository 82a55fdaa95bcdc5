"""Offline benchmarks: bytes to make one locale readable offline, and navigation time from
the service worker's cache next to the same pages online from localhost."""

from __future__ import annotations

import re
import time
import urllib.request

from bench.common import chromium, median, record, served


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


if __name__ == "__main__":
    run()
