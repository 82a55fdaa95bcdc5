"""Languages in Chromium: the switcher, right-to-left layout, and the pseudo-locale walk that
catches hard-coded text and layouts that overflow with longer words."""

import re

import pytest

from tests.conftest import new_context, page_path
from webapp import locales
from webapp.pages import PAGES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(browser):
    """One phone-sized page for the module: each test opens its own URLs and reads what they
    show, so a browser context of its own would only cost each test a renderer process."""
    ctx = new_context(browser, viewport={"width": 360, "height": 740})
    yield ctx.new_page()
    ctx.close()


def test_switcher_keeps_the_page(page, live_server):
    page.goto(live_server.url + "/en/rights/")
    page.locator("nav.languages summary").click()
    page.locator("nav.languages a[lang='es']").click()
    page.wait_for_url(re.compile(r".*/es/rights/$"))
    assert page.locator("html").get_attribute("lang") == "es"
    page.locator("nav.languages summary").click()
    page.locator("nav.languages a[lang='ar']").click()
    page.wait_for_url(re.compile(r".*/ar/rights/$"))
    assert page.locator("html").get_attribute("dir") == "rtl"


def overflow(page) -> float:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("path", ["/ar/", "/ar/helplines/", "/ar/industries/", "/ar/saved/"])
def test_right_to_left_layout(page, live_server, path):
    page.goto(live_server.url + path)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert overflow(page) <= 0
    # Text starts on the right; numbers stay left-to-right inside their isolates.
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "rtl"
    numbers = page.locator("a[href^='tel:'] bdi")
    if numbers.count():
        assert numbers.first.get_attribute("dir") == "ltr"
        assert page.evaluate("getComputedStyle(document.querySelector(\"a[href^='tel:'] bdi\")).direction") == "ltr"
    # The header reads from the right: the guide's name ends at the right edge, the language
    # menu sits to its left.
    brand = page.locator(".site-header .brand").bounding_box()
    menu = page.locator("nav.languages summary").bounding_box()
    assert brand["x"] + brand["width"] >= 360 - 24, brand
    assert menu["x"] + menu["width"] <= brand["x"], (menu, brand)


def test_header_reads_from_the_left_in_ltr(page, live_server):
    """The control for the check above: in English the same header runs the other way."""
    page.goto(live_server.url + "/en/")
    brand = page.locator(".site-header .brand").bounding_box()
    menu = page.locator("nav.languages summary").bounding_box()
    assert brand["x"] <= 24 and brand["x"] + brand["width"] <= menu["x"], (brand, menu)


def _icon(page, lang: str, live_server):
    import io

    from PIL import Image

    page.goto(f"{live_server.url}/{lang}/")
    return Image.open(io.BytesIO(page.locator("#quick-exit .icon").screenshot())).convert("RGB")


def _difference(a, b) -> int:
    """How far apart two pictures are, allowing one of them a pixel's shift either way (the
    icon may sit on a half pixel)."""
    from PIL import ImageChops

    def total(x, y):
        d = ImageChops.difference(x, y).convert("L")
        return sum(v * n for n, v in d.getcolors(x.width * x.height))

    return min(total(ImageChops.offset(a, dx, 0), b) for dx in (-1, 0, 1))


def test_exit_icon_is_mirrored_in_rtl(page, live_server):
    """The exit arrow points the way the page reads: the Arabic icon is the English one seen in
    a mirror, far closer to it than to the English one as it is."""
    from PIL import ImageOps

    english, arabic = _icon(page, "en", live_server), _icon(page, "ar", live_server)
    assert _difference(ImageOps.mirror(english), arabic) * 4 < _difference(english, arabic)


UNTRANSLATED = """() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const el = node.parentElement;
        if (!el || el.closest('script, style, bdi, [lang]:not(html), [data-i18n=babel]')) continue;
        if (!el.getClientRects().length && !el.closest('.visually-hidden')) continue;
        const rest = node.textContent.replace(/\\[[^\\]]*\\]/g, ' ');
        if (/[A-Za-z]{2,}/.test(rest)) out.push(rest.trim().slice(0, 80));
    }
    // Attributes a person perceives: alt text, labels, titles.
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
        for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
            const v = el.getAttribute(name);
            if (v && /[A-Za-z]{2,}/.test(v.replace(/\\[[^\\]]*\\]/g, ' '))) out.push(name + ': ' + v);
        }
    }
    return out;
}"""


@pytest.mark.parametrize("guide_page", list(PAGES) + ["saved", "offline"], ids=lambda p: getattr(p, "name", p))
def test_pseudo_locale_has_no_hard_coded_text_and_no_overflow(page, live_server, guide_page):
    code = locales.PSEUDO
    path = page_path(code, guide_page) if not isinstance(guide_page, str) else f"/{code}/{guide_page}/"
    page.goto(live_server.url + path)
    assert page.locator("html").get_attribute("lang") == code
    leftovers = page.evaluate(UNTRANSLATED)
    assert leftovers == [], f"text not from the catalog on {path}: {leftovers[:5]}"
    title = page.title()
    assert "[" in title
    assert overflow(page) <= 0, f"{path} scrolls sideways at 360px"
