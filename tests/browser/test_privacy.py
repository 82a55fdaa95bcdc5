"""Privacy in a real browser: across every page in every locale (with the service worker
saving pages in the background), no request leaves the origin, no cookie is set, and the
Content-Security-Policy reports no violation."""

import pytest

from tests.conftest import ALL_PAGES, page_path, wait_for_js

pytestmark = pytest.mark.browser


def test_no_third_party_requests_cookies_or_csp_violations(browser, live_server):
    context = browser.new_context()
    requests, problems = [], []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(live_server.url + "/en/")
    wait_for_js(page, "() => !!navigator.serviceWorker.controller")
    for lang, guide_page in ALL_PAGES:
        page.goto(live_server.url + page_path(lang, guide_page))
    for path in ("/calculator/", "/en/saved/", "/es/offline/"):
        page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")   # every request the last page makes has been made
    cookies = context.cookies()
    context.close()
    foreign = [url for url in requests if not url.startswith(live_server.url + "/")]
    assert foreign == []
    assert len(requests) > len(ALL_PAGES)
    assert cookies == []
    assert problems == []
