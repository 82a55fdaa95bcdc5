"""The guide's pages loaded in Chromium as a phone loads them: axe-core finds no violation,
nothing is reported on the console (an error, or a Content-Security-Policy violation), and no
request leaves the origin. test_privacy.py checks the same with the service worker saving every
language in the background.

Every page in Arabic (right to left) and in the pseudo-locale (English's pages word for word,
with the longest words), and English's most-worded pages.
The other languages share those templates, colours and scripts word for word, so in each of
them the pages whose controls are named by the most translated words: the home page, the
helplines (labels and badges), Find services (its search form and filters) and the self-check
(its questions and answers). `flask translate check` keeps every message filled in;
test_small_screens.py measures Thai's and Hindi's pages."""

import pytest
from tests.browser.axe import axe_results, with_axe
from tests.conftest import ALL_PAGES, new_context, page_path
from webapp import locales

pytestmark = pytest.mark.browser


# Playwright's own word when the page registers its worker in a context that blocks workers
# (the page catches the refusal and carries on).
BLOCKED_WORKER = "Service Worker registration blocked by Playwright"


class Watched:
    """A page with what it requested and what it reported since the last `clear()`."""

    def __init__(self, page):
        self.page, self.requests, self.problems = page, [], []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda m: self.problems.append(m.text)
                if m.type in ("error", "warning") and m.text != BLOCKED_WORKER else None)
        page.on("pageerror", lambda e: self.problems.append(str(e)))

    def clear(self):
        self.requests.clear()
        self.problems.clear()


EVERY_PAGE_IN = {"ar", locales.PSEUDO}
MOST_WORDS = {"home", "helplines", "services", "self_check"}
AXE_PAGES = [(lang, page) for lang, page in ALL_PAGES if lang in EVERY_PAGE_IN or page.name in MOST_WORDS]


@pytest.fixture(scope="module")
def axe_page(browser):
    ctx = with_axe(new_context(browser, viewport={"width": 360, "height": 740}))
    watched = Watched(ctx.new_page())
    yield watched
    ctx.close()


def test_every_language_is_checked():
    assert {lang for lang, _ in AXE_PAGES} == {loc.code for loc in locales.LOCALES}
    assert {page.name for lang, page in AXE_PAGES if lang == "ar"} == {page.name for _, page in ALL_PAGES}


@pytest.mark.parametrize("lang, guide_page", AXE_PAGES, ids=lambda v: getattr(v, "name", v))
def test_no_axe_violations_errors_or_foreign_requests(axe_page, live_server, lang, guide_page):
    axe_page.clear()
    url = live_server.url + page_path(lang, guide_page)
    axe_page.page.goto(url)
    results = axe_results(axe_page.page)
    assert results.violations_count == 0, results.generate_report()
    # What the page loaded was seen (the page itself first), and all of it from the origin.
    assert axe_page.requests[0] == url
    assert [u for u in axe_page.requests if not u.startswith(live_server.url + "/")] == []
    assert axe_page.problems == []


@pytest.fixture(scope="module")
def dark_page(browser):
    ctx = with_axe(new_context(browser, viewport={"width": 360, "height": 740}, color_scheme="dark"))
    pg = ctx.new_page()
    yield pg
    ctx.close()


DARK_PAGES = [(lang, page) for lang, page in ALL_PAGES if lang == "en"]   # colours do not depend on the language


@pytest.mark.parametrize("lang, guide_page", DARK_PAGES, ids=lambda v: getattr(v, "name", v))
def test_no_axe_violations_in_dark_mode(dark_page, live_server, lang, guide_page):
    """The dark colour scheme has its own colours, so its own contrast to check; with every
    <details> open, so folded text is checked too."""
    dark_page.goto(live_server.url + page_path(lang, guide_page))
    assert dark_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    dark_page.evaluate("() => document.querySelectorAll('main details').forEach(d => { d.open = true; })")
    results = axe_results(dark_page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_has_no_console_errors(browser, live_server, scheme):
    ctx = browser.new_context(color_scheme=scheme)
    pg = ctx.new_page()
    errors = []
    pg.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(live_server.url + "/en/")
    pg.wait_for_load_state("networkidle")
    ctx.close()
    assert errors == []


def test_usable_at_360px_and_200_percent_zoom(browser, live_server):
    # 200% zoom at 360 CSS px is the same layout width as 180 px; nothing may scroll sideways.
    for width in (360, 180):
        ctx = new_context(browser, viewport={"width": width, "height": 700})
        pg = ctx.new_page()
        for path in ("/en/", "/es/helplines/", "/en/industries/"):
            pg.goto(live_server.url + path)
            overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        ctx.close()
