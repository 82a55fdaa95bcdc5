"""Privacy in a real browser, with the service worker saving every language in the
background: no request it or a page makes leaves the origin, no cookie is set, and nothing
reports an error or a Content-Security-Policy violation. Each page's own requests, in every
locale, are checked where every page is loaded (test_accessibility.py)."""

import pytest

from tests.browser.worker import STATUS, wait_until_controlled
from tests.conftest import WITH_WORKER, wait_for_js
from webapp import locales

pytestmark = [pytest.mark.browser, WITH_WORKER]


def test_no_third_party_requests_cookies_or_csp_violations(context, live_server):
    requests, problems = [], []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(live_server.url + "/en/")
    wait_until_controlled(page)
    # Opening a language saves all of it: the worker downloads every page of every language.
    codes = [loc.code for loc in locales.LOCALES]
    for code in codes:
        page.goto(f"{live_server.url}/{code}/")
    for path in ("/calculator/", "/en/saved/", "/es/offline/"):
        page.goto(live_server.url + path)
    saved = wait_for_js(page, f"() => ({STATUS})('').then(s => {codes!r}.every(c => s.saved.includes(c)) && s.saved)",
                        timeout=60)
    page.wait_for_load_state("networkidle")   # every request the last page makes has been made
    cookies = context.cookies()
    foreign = [url for url in requests if not url.startswith(live_server.url + "/")]
    assert sorted(saved) == sorted(codes)
    assert foreign == []
    # The worker's downloads were seen: every page of every language, not only those opened.
    assert {f"{live_server.url}/{code}/rights/" for code in codes} <= set(requests)
    assert cookies == []
    assert problems == []
