"""Languages in Chromium: the switcher, right-to-left layout, and the pseudo-locale walk that
catches hard-coded text and layouts that overflow with longer words."""

import re
import unicodedata

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


# Scripts a bare Debian has no font for: Thai, and Devanagari for Hindi (`make fonts` installs
# them). The pages load no web font; the phone's own fonts draw them.
NEW_SCRIPTS = [code for code in ("th", "hi") if code in locales.BY_CODE]


# How Unicode names the characters of each new script.
SCRIPT_NAMES = {"th": "THAI ", "hi": "DEVANAGARI "}


def fonts_for(language: str) -> set[str]:
    """Font families fontconfig has for a language (what Chromium on Linux falls back to)."""
    import subprocess

    listed = subprocess.run(["fc-list", f":lang={language}", "family"], capture_output=True, text=True,
                            check=True).stdout
    return {name.strip() for line in listed.splitlines() for name in line.split(",") if name.strip()}


@pytest.mark.parametrize("lang", NEW_SCRIPTS)
def test_new_scripts_are_drawn_with_the_phones_own_fonts(page, live_server, lang):
    page.goto(f"{live_server.url}/{lang}/")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    heading = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    cdp.detach()
    assert used and not any(font["isCustomFont"] for font in used), used
    # Every glyph of the script comes from a font that has the script (no empty boxes); a
    # font without it may draw only what is not of the script (spaces, digits, punctuation).
    text = page.locator("h1").inner_text()
    common = sum(1 for ch in text if not unicodedata.name(ch, "").startswith(SCRIPT_NAMES[lang]))
    script_fonts = fonts_for(lang)
    assert any(font["familyName"] in script_fonts for font in used), used
    assert sum(font["glyphCount"] for font in used if font["familyName"] not in script_fonts) <= common, used


LINE_BREAKS = """(selector) => {
  // Where each line of a block of text starts, in graphemes, and where words start (ICU's
  // dictionary for Thai, as Intl.Segmenter has it): a line must start at a word.
  const lang = document.documentElement.lang;
  const words = new Intl.Segmenter(lang, {granularity: 'word'});
  const graphemes = new Intl.Segmenter(lang, {granularity: 'grapheme'});
  const bad = [];
  let lines = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (el.childNodes.length !== 1 || el.firstChild.nodeType !== Node.TEXT_NODE) continue;
    const node = el.firstChild, text = node.data;
    const starts = new Set([...words.segment(text)].map(s => s.index));
    let top = null;
    for (const g of graphemes.segment(text)) {
      if (!g.segment.trim()) continue;
      const range = document.createRange();
      range.setStart(node, g.index);
      range.setEnd(node, g.index + g.segment.length);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      if (top !== null && rect.top > top + 2) {
        lines++;
        if (!starts.has(g.index)) bad.push(text.slice(Math.max(0, g.index - 8), g.index) + '|' + text.slice(g.index, g.index + 8));
      }
      top = rect.top;
    }
  }
  return {lines, bad};
}"""


@pytest.mark.parametrize("lang", NEW_SCRIPTS)
@pytest.mark.parametrize("path", ["/{}/", "/{}/what-is-labor-trafficking/", "/{}/helplines/"])
def test_lines_break_between_words(page, live_server, lang, path):
    """Thai is written without spaces between words: the browser finds the words in its
    dictionary, and nothing in the style may break a line inside one."""
    page.goto(live_server.url + path.format(lang))
    found = page.evaluate(LINE_BREAKS, "main h1, main h2, main h3, main p, main li, main summary")
    assert found["lines"] > 10, "too few wrapped lines to tell"
    assert found["bad"] == []
    assert overflow(page) <= 0


@pytest.mark.parametrize("lang, expected", [("th", "7 ธันวาคม 2568"), ("en", "December 7, 2025")])
def test_the_browser_writes_dates_as_the_server_does(page, live_server, lang, expected):
    """The saved copy's date is written in the page by static/js/guide.js with Intl (these
    options, the page's language), every other date by the server (i18n.format_day, checked in
    tests/test_i18n.py): Chromium's Intl must write Thai years in the Buddhist Era, as the
    server does, and in ASCII digits."""
    page.goto(f"{live_server.url}/{lang}/")
    written = page.evaluate("""() => new Intl.DateTimeFormat(document.documentElement.lang,
        {year: 'numeric', month: 'long', day: 'numeric'}).format(new Date(Date.UTC(2025, 11, 7, 12)))""")
    assert written == expected
