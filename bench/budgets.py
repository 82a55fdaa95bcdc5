"""Page budgets on a first visit to the home page: bytes on the wire, JavaScript size,
render-blocking requests, web fonts, and first contentful paint on an emulated slow 3G phone."""

from __future__ import annotations

from bench.common import chromium, median, pick, record, served

SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8,
           "uploadThroughput": 400_000 / 8}


def run() -> None:
    print("budgets:")
    with served() as server, chromium() as (_, browser):
        # The background precache is not part of the first view: block the worker here.
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        sizes: dict[str, int] = {}
        types: dict[str, str] = {}
        cdp.on("Network.responseReceived", lambda e: types.__setitem__(e["requestId"], e["type"]))
        cdp.on("Network.loadingFinished",
               lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
        page.goto(server.url + "/en/", wait_until="load")
        page.wait_for_timeout(300)
        total = sum(sizes.values())
        script = sum(size for rid, size in sizes.items() if types.get(rid) == "Script")
        fonts = [rid for rid, kind in types.items() if kind == "Font"]
        blocking = page.evaluate("""performance.getEntriesByType('resource')
            .filter(e => e.renderBlockingStatus === 'blocking').map(e => e.name)""")
        record("first visit, home page, everything on the wire", f"{total / 1024:.1f} KB", "<= 30 KB",
               total <= 30 * 1024)
        record("JavaScript on the wire", f"{script / 1024:.1f} KB", "<= 12 KB", script <= 12 * 1024)
        css_only = len(blocking) == 1 and blocking[0].endswith(".css")
        record("render-blocking requests", f"{len(blocking)} ({', '.join(b.rsplit('/', 1)[-1] for b in blocking)})",
               "one CSS file", css_only)
        record("web fonts", str(len(fonts)), "0", not fonts)
        context.close()

        paints = []
        for _ in range(pick(3, 1)):
            ctx = browser.new_context(service_workers="block")
            pg = ctx.new_page()
            cdp = ctx.new_cdp_session(pg)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send("Network.emulateNetworkConditions", SLOW_3G)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            pg.goto(server.url + "/en/", wait_until="load")
            fcp = None
            for _ in range(50):  # the paint entry can land just after `load`
                fcp = pg.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime")
                if fcp:
                    break
                pg.wait_for_timeout(100)
            paints.append(fcp or float("inf"))
            ctx.close()
        fcp = median(paints)
        record("first contentful paint, slow 3G, CPU 4x slower", f"{fcp:.0f} ms", "< 2000 ms", fcp < 2000)


if __name__ == "__main__":
    run()
