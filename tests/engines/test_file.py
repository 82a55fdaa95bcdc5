"""The guide as one file in WebKit (every iPhone browser) and Firefox, each flow named as its
Chromium twin in tests/file/test_browser.py: the file opened from file://, each section reached
by the file's own navigation with the address naming none, the hotline's phone link, Back
between sections, the search finding OSHA, the quick exit showing the calculator with Back and
opening the file again keeping the guide hidden, the code bringing it back, Arabic right to
left, and no request attempted.

One difference from the twin, and why: WebDriver routes no request in either engine, so the
requests are counted in the page. The file's policy (default-src 'none') refuses every request
before it leaves, and reports each refusal as a `securitypolicyviolation` event; anything a
browser fetched anyway would be in the page's resource timing. Firefox runs the watcher in the
document before the file's own scripts (a preload script); WebDriver has no such script in
WebKit, so there it starts after the load, when the resource timing still holds the load's
entries. The positive control, a request the flow makes itself, is counted in both."""

from __future__ import annotations

import pytest

from tests.file.test_browser import TITLES

pytestmark = pytest.mark.browser

WATCH = """() => {
    if (window.__attempts) return;
    window.__attempts = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__attempts.push(e.blockedURI));
}"""
ATTEMPTS = "() => performance.getEntriesByType('resource').map((e) => e.name).concat(window.__attempts || [])"
HEADINGS = """() => [...document.querySelectorAll('h1')].filter((h) => h.checkVisibility())
    .map((h) => h.innerText.replace(/\\s+/g, ' ').trim())"""
CODE_KEYS = "2580="   # the default way back (QUICK_EXIT_RETURN_CODE), then "="
RESULTS = "() => [...document.querySelectorAll('#directory-results > li h3')].map((h) => h.innerText.trim())"


@pytest.fixture(scope="module")
def file_urls(app, tmp_path_factory):
    """Each language's file as the site sends it (the Chromium twin downloads the same bytes
    through the browser), saved on this machine."""
    folder = tmp_path_factory.mktemp("files")
    client = app.test_client()
    urls = {}
    for code in ("en", "ar"):
        path = folder / f"notes-{code}.html"
        path.write_bytes(client.get(f"/{code}/file/").data)
        urls[code] = path.as_uri()
    return urls


def open_file(engine, url: str) -> None:
    engine.watch_every_document(WATCH)
    engine.goto(url)
    engine.wait_for_js("() => document.readyState === 'complete'")
    engine.evaluate(WATCH)


def go_to(engine, section: str) -> None:
    """Follow the file's own navigation (the footer's "All pages") to a section."""
    if not engine.evaluate("() => document.querySelector('.footer-pages').open"):
        engine.click(".footer-pages summary")
    link = f".footer-pages a[href='#{section}']"
    # Scrolled to the middle of the screen first, as a reader does: WebKit's driver refused a
    # link that the opened list left at the bottom edge of the window.
    engine.evaluate("(s) => document.querySelector(s).scrollIntoView({block: 'center'})", link)
    engine.click(link)


def assert_no_request_and_counting(engine) -> None:
    assert engine.evaluate(ATTEMPTS) == []
    engine.evaluate("() => { const i = new Image(); i.src = 'https://example.org/x.png'; document.body.append(i); }")
    assert engine.wait_for_js(f"() => {{ const a = ({ATTEMPTS})(); return a.length > 0 && a; }}") == \
        ["https://example.org/x.png"]


def on_calculator(engine) -> None:
    engine.wait_visible("#display")
    assert not engine.is_visible("main") and not engine.is_visible("header")


def test_the_downloaded_file_works_with_no_network(engine, file_urls):
    url = file_urls["en"]
    try:
        open_file(engine, url)
        assert engine.evaluate("() => document.title") == "Notes"
        assert engine.evaluate(HEADINGS) == ["Get help now"]
        assert engine.evaluate("() => document.querySelector('#featured-nhth .button--call')"
                               ".getAttribute('href')") == "tel:+18883737888"
        for section, title in TITLES.items():
            go_to(engine, section)
            assert engine.evaluate(HEADINGS) == [title], section
            assert engine.url == url
        engine.back()      # the section read before, as on the site
        engine.wait_for_js(f"() => ({HEADINGS})().join() === 'Staying safe on your phone'")
        go_to(engine, "s-services")
        engine.click("#directory-q")
        engine.type_keys("OSHA")
        assert engine.wait_for_js(f"() => {{ const r = ({RESULTS})(); return r.length === 2 && r; }}") == \
            ["National Human Trafficking Hotline", "OSHA (workplace safety)"]   # the hotline: in every search
        # The quick exit; Back (to the sections read before) and opening the file again keep
        # the calculator.
        engine.click("#quick-exit")
        on_calculator(engine)
        engine.back()
        on_calculator(engine)
        engine.goto(url)
        on_calculator(engine)
        engine.evaluate(WATCH)
        # The code and "=" bring the guide back.
        engine.press_keys(list(CODE_KEYS))
        engine.wait_visible("main")
        assert not engine.is_visible("#display")
        assert_no_request_and_counting(engine)
    finally:
        engine.evaluate("() => sessionStorage.clear()")



def test_arabic_reads_right_to_left_in_the_file(engine, file_urls):
    try:
        open_file(engine, file_urls["ar"])
        assert engine.evaluate("() => [document.documentElement.dir, getComputedStyle(document.body).direction]") == \
            ["rtl", "rtl"]
        # From the right: the heading ends at the page's right edge, not at its left.
        box = engine.evaluate("() => { const h = [...document.querySelectorAll('h1')].find((e) => e.checkVisibility()); "
                              "const r = h.getBoundingClientRect(); return [r.left, r.right, document.documentElement.clientWidth]; }")
        assert box[2] - box[1] < box[0] + 1, box
        go_to(engine, "s-services")
        engine.click("#directory-q")
        engine.type_keys("OSHA")
        assert engine.wait_for_js(f"() => {{ const r = ({RESULTS})(); return r.length === 2 && r; }}")[1] == \
            "OSHA (السلامة في مكان العمل)"
        engine.click("#quick-exit")
        on_calculator(engine)
        assert_no_request_and_counting(engine)
    finally:
        engine.evaluate("() => sessionStorage.clear()")
