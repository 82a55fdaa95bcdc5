"""The guide as one file in a real Chromium, as a phone gets it: downloaded from the site's
"Share as a file" link, then opened from file:// with the network off and every request
counted (none may be attempted): each section reachable from the file's own navigation, the
hotline's phone links, the search finding OSHA, Back moving between sections, the quick exit
showing the calculator with Back and Forward never bringing the guide back, the way back by
the code, Arabic right to left, everything without JavaScript, and all of it years after the
file was made. Each language's file is downloaded once per test worker."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest

from tests.browser.axe import axe_results, with_axe
from tests.browser.frames import Screencast, shows_bar, top_bar_colour
from tests.conftest import new_context, wait_for_js
from tests.outreach.cases import CASES, check_result, words
from tests.outreach.test_browser import answer_with_js, visible_result

PHONE = {"width": 360, "height": 740}
TITLES = {   # each section's heading, in the file's order
    "s-home": "Get help now", "s-what-is-labor-trafficking": "What labor trafficking is",
    "s-signs": "Signs of labor trafficking", "s-industries": "Where it happens",
    "s-rights": "Your rights at work", "s-immigration": "Immigration protections",
    "s-helplines": "Helplines", "s-services": "Find services",
    "s-self-check": "Self-check: could this be trafficking?", "s-questions": "Questions and answers",
    "s-resources": "Resources", "s-safety": "Staying safe on your phone", "s-about": "About this guide",
}
SHARE_LINK = {"en": "Share as a file", "es": "Compartir como archivo", "ar": "مشاركة كملف", "th": "แชร์เป็นไฟล์"}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def downloaded(browser, live_server, tmp_path_factory):
    """`downloaded(lang)`: the file as a phone without a share sheet gets it, by tapping "Share
    as a file" on the site's home page (a download), with the name the browser suggested."""
    folder = tmp_path_factory.mktemp("downloads")
    made: dict[str, tuple[Path, str]] = {}

    def download(lang: str) -> tuple[Path, str]:
        if lang not in made:
            ctx = new_context(browser, viewport=PHONE, accept_downloads=True)
            page = ctx.new_page()
            page.goto(f"{live_server.url}/{lang}/")
            with page.expect_download() as info:
                page.get_by_role("link", name=SHARE_LINK[lang]).click()
            path = folder / f"{lang}.html"
            info.value.save_as(path)
            made[lang] = (path, info.value.suggested_filename)
            ctx.close()
        return made[lang]

    return download


class Network:
    """Every request a context attempts, except the file itself: refused (the phone has no
    signal) and counted. A request the page's policy blocks before it leaves still counts: the
    browser reports it as attempted."""

    def __init__(self, context, file_url: str):
        self.file_url = file_url
        self.attempted: list[str] = []
        context.on("request", self._seen)
        context.on("websocket", lambda ws: self.attempted.append(ws.url))
        context.route("**/*", self._route)
        context.set_offline(True)

    def _seen(self, request):
        if request.url != self.file_url:
            self.attempted.append(request.url)

    def _route(self, route):
        if route.request.url == self.file_url:
            route.continue_()
        else:
            route.abort()

    def assert_none_and_counting(self, page, timeout: float = 10.0):
        """None attempted, and the count is live: a request the test makes itself is seen."""
        assert self.attempted == []
        page.evaluate("() => { const i = new Image(); i.src = 'https://example.org/x.png'; document.body.append(i); }")
        deadline = time.monotonic() + timeout
        while not self.attempted and time.monotonic() < deadline:
            page.wait_for_timeout(50)     # Playwright delivers the event while it waits
        assert self.attempted == ["https://example.org/x.png"]


def open_file(context, path: Path):
    url = path.as_uri()
    network = Network(context, url)
    page = context.new_page()
    page.goto(url)
    return page, network


def shown_headings(page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator("h1:visible").all_inner_texts()]


def go_to(page, section: str):
    """Follow the file's own navigation (the footer's "All pages") to a section."""
    pages = page.locator(".footer-pages")
    if pages.get_attribute("open") is None:
        pages.locator("summary").click()
    pages.locator(f"a[href='#{section}']").click()


def test_the_file_is_downloaded_under_its_neutral_name(downloaded, client):
    path, name = downloaded("es")
    assert name == "notes-es.html"
    assert path.read_bytes() == client.get("/es/file/").data


def test_the_downloaded_file_works_with_no_network(browser, downloaded):
    path, _ = downloaded("en")
    ctx = new_context(browser, viewport=PHONE)
    url = path.as_uri()
    network = Network(ctx, url)
    page = ctx.new_page()
    # Opened years after it was made: nothing in it expires.
    page.clock.set_fixed_time(datetime(2031, 6, 1))
    page.goto(url)
    assert page.title() == "Notes"
    assert shown_headings(page) == ["Get help now"]
    # The hotline's Call and Text links, on the first screen.
    hotline = page.locator("#featured-nhth")
    assert hotline.locator(".button--call").get_attribute("href") == "tel:+18883737888"
    assert hotline.locator(".button--text").get_attribute("href") == "sms:233733?body=BeFree"
    assert hotline.locator(".button--call").is_visible()
    # Every section from the file's own navigation, one at a time; the address names none.
    # "Need help now?" (once in the file) under each, but those with the hotline's buttons at
    # their top, as under the site's pages.
    help_box = page.get_by_role("complementary", name="Need help now?")
    for section, title in TITLES.items():
        go_to(page, section)
        assert shown_headings(page) == [title], section
        assert page.url == url
        assert help_box.is_visible() == (section not in ("s-home", "s-helplines")), section
    assert help_box.get_by_role("link", name="Call 1-888-373-7888").get_attribute("href") == "tel:+18883737888"
    # Back goes to the section read before, as on the site.
    page.go_back()
    assert shown_headings(page) == ["Staying safe on your phone"]
    page.go_forward()
    assert shown_headings(page) == ["About this guide"]
    # The search finds OSHA with no network (the hotline is in every search's results).
    go_to(page, "s-services")
    page.locator("#directory-q").fill("OSHA")
    results = page.locator("#directory-results > li h3")
    wait_for_js(page, "() => document.querySelectorAll('#directory-results > li').length === 2")
    assert results.all_inner_texts() == ["National Human Trafficking Hotline", "OSHA (workplace safety)"]
    assert page.locator("#directory-status").inner_text() == "Organizations found: 2"
    # Each result is the file's own card, whole (the file carries no card template, and its
    # index nothing a card shows): OSHA's Call link, and its details when opened.
    osha = page.locator("#directory-results > li").last
    assert osha.locator(".button--call").get_attribute("href") == "tel:+18003216742"
    osha.locator("summary").click()
    assert osha.get_by_role("link", name="1-877-889-5627").get_attribute("href") == "tel:+18778895627"
    assert "Workplace safety" in osha.locator(".facts").inner_text()
    # Words that name the police bring its lines first; clearing brings back the whole list.
    page.locator("#directory-q").fill("police")
    wait_for_js(page, "() => document.querySelector('#directory-results > li h3').textContent === 'FBI'")
    page.get_by_role("link", name="Clear").click()
    wait_for_js(page, "() => document.querySelectorAll('#directory-results > li').length === 11")
    assert results.all_inner_texts()[:2] + results.all_inner_texts()[-2:] == [
        "National Human Trafficking Hotline", "StrongHearts Native Helpline",
        "FBI", "Homeland Security Investigations (ICE) Tip Line"]
    # A link from one section to another shows it (the Helplines index leads to a card).
    go_to(page, "s-helplines")
    page.locator(".line-index a[href='#line-osha']").click()
    assert page.locator("#line-osha").is_visible()
    # The date it was made and where the newest numbers are, under every section.
    footer = page.locator("footer")
    assert "This file holds the guide as it was on November 28, 2026." in footer.inner_text()
    assert footer.get_by_role("link", name="humantraffickinghotline.org").get_attribute("href") == \
        "https://humantraffickinghotline.org"
    # The quick exit: a working calculator, nothing of the guide.
    page.locator("#quick-exit").click()
    assert page.locator("#display").is_visible()
    assert not page.locator("main").is_visible() and not page.locator("header").is_visible()
    for key in "7*6=":
        page.locator(f"button[data-k='{key}']").click()
    assert page.locator("#display").inner_text() == "42"
    # Back (the sections read before) and Forward keep it hidden; so does reloading the file.
    for move in (page.go_back, page.go_back, page.go_forward, page.reload):
        page.evaluate("window.__left = true")
        move()
        if move == page.reload:
            # The reloaded document, loaded: once, under load, the calculator was not there yet
            # just after reload() returned.
            wait_for_js(page, "() => !window.__left && document.readyState === 'complete'")
        assert page.locator("#display").is_visible(), move.__name__
        assert not page.locator("main").is_visible(), move.__name__
        assert "trafficking" not in page.locator("body").inner_text().lower()
    # The code and "=" bring the guide back.
    for key in "2580=":
        page.locator(f"button[data-k='{key}']").click()
    assert page.locator("main").is_visible() and not page.locator("#display").is_visible()
    # Not one request left the page.
    network.assert_none_and_counting(page)
    ctx.close()


def test_arabic_reads_right_to_left_in_the_file(browser, downloaded):
    path, name = downloaded("ar")
    assert name == "notes-ar.html"
    ctx = new_context(browser, viewport=PHONE)
    page, network = open_file(ctx, path)
    assert page.locator("html").get_attribute("dir") == "rtl"
    heading = page.locator("h1:visible")
    assert heading.evaluate("e => getComputedStyle(e).direction") == "rtl"
    box = heading.bounding_box()
    # Right to left: the heading starts at the right edge, 16 px in.
    assert abs(box["x"] + box["width"] - (PHONE["width"] - 16)) <= 2
    assert page.locator("#featured-nhth .button--call").get_attribute("href") == "tel:+18883737888"
    go_to(page, "s-services")
    page.locator("#directory-q").fill("OSHA")
    wait_for_js(page, "() => document.querySelectorAll('#directory-results > li').length === 2")
    assert page.locator("#directory-results > li h3").last.inner_text() == "OSHA (السلامة في مكان العمل)"
    page.locator("#quick-exit").click()
    assert page.locator("#display").is_visible() and not page.locator("main").is_visible()
    network.assert_none_and_counting(page)
    ctx.close()


def assert_self_check_as_without_script(page):
    """The self-check's questions, each with what a "yes" means, and no buttons that do nothing."""
    questions = page.locator("#s-self-check fieldset")
    assert questions.count() == 14
    assert questions.first.inner_text().count("If your answer is yes, that is a common sign of forced labor") == 1
    assert "wage theft or unsafe work" in questions.last.inner_text()
    assert not page.locator("#s-self-check input[type=radio]").first.is_visible()
    assert not page.locator("#s-self-check [data-submit]").is_visible()


def test_without_javascript_the_file_shows_everything_and_still_exits(browser, downloaded):
    path, _ = downloaded("en")
    ctx = new_context(browser, viewport=PHONE, java_script_enabled=False)
    page, network = open_file(ctx, path)
    # Every section, one after the other, then "Need help now?" once.
    assert shown_headings(page) == list(TITLES.values())
    boxes = page.locator(".help-box:visible")
    assert boxes.count() == 1
    assert boxes.evaluate("(box) => box.previousElementSibling.id") == "s-about"
    # The whole list of services; the search form, which needs the script, is not shown.
    assert page.locator("#directory-results > li:visible").count() == 11
    assert not page.locator("#directory-form").is_visible()
    assert_self_check_as_without_script(page)
    # The quick exit still hides everything behind the calculator.
    page.locator("#quick-exit").click()
    assert page.locator(".calc").is_visible() and not page.locator("main").is_visible()
    assert network.attempted == []      # (no script here to make the positive control)
    ctx.close()


def test_the_self_check_shows_its_result_in_the_file(browser, downloaded, app):
    """The self-check's script and its result's template travel packed (as the search does):
    unpacked with no network, they show the documented result, here in Thai, the largest
    file, with every answer yes (both results' headings, every sign, both labor offices)."""
    path, _ = downloaded("th")
    ctx = new_context(browser, viewport=PHONE, has_touch=True)
    page, network = open_file(ctx, path)
    go_to(page, "s-self-check")
    wait_for_js(page, "() => document.getElementById('sc-form').classList.contains('sc-form--stepped')")
    case, w = CASES[-1], words(app, "th")
    answer_with_js(page, case, w)
    check_result(case, w, *visible_result(page))
    network.assert_none_and_counting(page)
    ctx.close()


def test_a_browser_that_cannot_unpack_shows_the_file_as_without_javascript(browser, downloaded):
    """A browser with JavaScript but no DecompressionStream (before Chrome 80, Safari 16.4,
    Firefox 113) cannot unpack the search and the self-check's script: the file then shows
    what it shows without JavaScript (the whole list, each question with what a "yes" means, no
    control that would do nothing), while its sections, quick exit and calculator, never
    packed, work as ever; the self-check's form comes back whole after its 5 seconds (run 50
    times faster here), as when a script fails to load on the site."""
    path, _ = downloaded("en")
    ctx = new_context(browser, viewport=PHONE)
    ctx.add_init_script("delete window.DecompressionStream")
    url = path.as_uri()
    network = Network(ctx, url)
    page = ctx.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(url)
    assert page.evaluate("() => typeof DecompressionStream") == "undefined"
    assert shown_headings(page) == ["Get help now"]     # file.js: one section at a time
    go_to(page, "s-services")
    assert page.locator("#directory-results > li:visible").count() == 11
    assert not page.locator("#directory-form").is_visible()
    go_to(page, "s-self-check")
    cdp = ctx.new_cdp_session(page)
    cdp.send("Animation.enable")
    cdp.send("Animation.setPlaybackRate", {"playbackRate": 50})
    wait_for_js(page, "() => [...document.querySelectorAll('.sc-q')].every((q) => q.offsetParent)")
    assert_self_check_as_without_script(page)
    page.locator("#quick-exit").click()
    assert page.locator("#display").is_visible() and not page.locator("main").is_visible()
    for key in "7*6=":
        page.locator(f"button[data-k='{key}']").click()
    assert page.locator("#display").inner_text() == "42"
    assert problems == []
    network.assert_none_and_counting(page)
    ctx.close()


# Why the file's calculator is not shown: the exit's class and flag, how the page came, the guide.
COVER_STATE = """() => ({class: document.documentElement.className, hidden: document.documentElement.hidden,
    flag: sessionStorage.getItem('calc-mode'), load: performance.getEntriesByType('navigation').map((e) => e.type),
    guide: getComputedStyle(document.querySelector('main')).display})"""


def test_back_out_of_the_file_and_forward_again_never_shows_the_guide(phone_browser, downloaded):
    """What Back does in a file:// page: within the file it moves between sections (the same
    document, so the exit's state stays); past the first it leaves the file, and Forward brings
    the file back, restored from the back-forward cache or loaded again. Either way the
    calculator shows and no frame paints the guide. In the full browser, with its cache on."""
    path, _ = downloaded("en")
    ctx = new_context(phone_browser, viewport=PHONE)
    ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
              else route.abort())
    page = ctx.new_page()
    page.goto("data:text/html,<title>before</title><p>another page")
    page.goto(path.as_uri())
    bar = top_bar_colour(page)
    go_to(page, "s-rights")
    page.locator("#quick-exit").click()
    page.locator("#display").wait_for()
    with Screencast(page) as cast:
        page.go_back()                   # the home section's entry: the same document
        assert page.locator("#display").is_visible()
        page.go_back()                   # out of the file
        assert page.url.startswith("data:") and page.title() == "before"
        page.go_forward()
        try:
            page.locator("#display").wait_for()
        except Exception as error:   # what the reader sees instead: the guide, or nothing
            raise AssertionError(f"no calculator after Forward: {page.evaluate(COVER_STATE)}, restored from "
                                 f"the cache: {cast.restored} {cast.not_restored}") from error
        assert not page.locator("main").is_visible()
        cast.wait_for(lambda frames: len(frames) > 2)
        painted = [i for i, frame in enumerate(cast.frames) if shows_bar(frame, bar)]
    assert not painted, f"frames {painted} of {len(cast.frames)} show the guide"
    print("forward into the file:", "restored from the cache" if cast.restored else f"loaded again {cast.not_restored}")
    ctx.close()


# The sections' content is the site's pages', which test_accessibility.py checks in every
# language; here, what the file adds around it: its layout, icons, footer, inline search and
# self-check, and the new safety section.
AXE_SECTIONS = {"en": ("s-home", "s-services", "s-self-check", "s-safety"), "ar": ("s-home", "s-services")}


@pytest.mark.parametrize("lang", AXE_SECTIONS)
def test_the_file_passes_axe_with_no_console_problem(browser, downloaded, lang):
    """Sections as a reader sees them (one at a time, as a page of the site is), checked by
    axe-core; nothing reported on the console (a script error, or anything the file's own
    policy refused)."""
    path, _ = downloaded(lang)
    ctx = with_axe(new_context(browser, viewport=PHONE))
    problems = []
    page, network = open_file(ctx, path)
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.reload()
    for section in AXE_SECTIONS[lang]:
        page.evaluate("(id) => document.querySelectorAll('[data-file-section]').forEach(s => { s.hidden = s.id !== id; })",
                      section)
        results = axe_results(page)
        assert results.violations_count == 0, (section, results.generate_report())
    assert problems == []
    assert network.attempted == []
    ctx.close()

