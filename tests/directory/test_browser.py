"""Find services in Chromium: search and filters work offline after the first visit (server
stopped), the form works without JavaScript, and the browser's results look exactly like the
server's (the script fills copies of the server's card template): the same visible text, folded
and unfolded, the same buttons and links to the same numbers, in several languages."""

import json
import time

import pytest
from playwright.sync_api import expect

from tests.browser.worker import wait_until_controlled
from tests.conftest import WITH_WORKER, new_context, wait_for_js
from tests.directory.helpers import Phone, TextLine, build_index, org
from webapp.content.models import Promise

pytestmark = pytest.mark.browser

READY = "() => document.getElementById('directory').hasAttribute('data-ready')"
IDS = "() => [...document.querySelectorAll('#directory-results > li')].map(li => li.id.slice(4))"


def status(page) -> str:
    return " ".join(page.locator("#directory-status").inner_text().split())


def results_change(page, before):
    """Wait until the list shows something else than `before` (the search has run)."""
    wait_for_js(page, f"() => JSON.stringify(({IDS})()) !== {json.dumps(json.dumps(before))}")
    return page.evaluate(IDS)


@WITH_WORKER
def test_search_and_filters_work_offline(context, server):
    srv = server()
    page = context.new_page()
    page.goto(srv.url + "/es/")              # the first visit: any page of the language
    wait_until_controlled(page)
    srv.stop()
    context.set_offline(True)

    page.goto(srv.url + "/es/services/")
    wait_for_js(page, READY)
    everyone = page.evaluate(IDS)
    assert len(everyone) >= 10 and everyone[0] == "nhth"
    page.locator("#directory-q").press_sequentially("líne", delay=20)  # per keystroke
    found = results_change(page, everyone)
    assert 0 < len(found) < len(everyone)
    assert status(page) == f"Organizaciones encontradas: {len(found)}"
    assert page.locator("#directory-results a[href='tel:+18883737888']").count() == 1
    # What the reader typed stays in the page: not in the address, not in the title.
    assert page.evaluate("location.search + location.hash") == ""
    assert "líne" not in page.title()
    # A word for a complaint, offline: the hotline first, the labor offices before the police.
    page.locator("#directory-q").fill("denunciar")
    assert results_change(page, found) == ["nhth", "ncmec", "eeoc", "whd", "osha", "fbi", "hsi"]

    page.locator("#directory-q").fill("")
    page.locator("details.filters summary").click()
    page.locator("#filter-service").select_option("report-crime")
    # The hotline (in every search) and the line that is not law enforcement first, each
    # law-enforcement line labelled.
    assert results_change(page, everyone) == ["nhth", "ncmec", "fbi", "hsi"]
    expect(page.locator("#org-hsi .badge--police")).to_be_visible()
    assert "(ICE)" in page.locator("#org-hsi .badge--police").inner_text()
    assert page.evaluate("location.search") == ""

    # Nothing found: the hotline's buttons and the national directories are there to use.
    page.locator("#filter-service").select_option("")
    page.locator("#directory-q").fill("zzqqxx")
    assert results_change(page, ["nhth", "ncmec", "fbi", "hsi"]) == ["nhth"]
    fallback = page.locator("#directory-fallback")
    expect(fallback).to_be_visible()
    expect(fallback.locator("a[href='tel:+18883737888']")).to_be_visible()
    expect(fallback.locator("a[href='sms:233733?body=BeFree']")).to_be_visible()
    expect(fallback.locator("a[href='https://ovc.ojp.gov/directory-crime-victim-services']")).to_be_visible()
    page.locator("[data-clear]").click()
    assert page.evaluate(IDS) == everyone and page.evaluate("location.search") == ""
    expect(fallback).to_be_hidden()


def test_a_failed_index_request_is_tried_again(browser, live_server):
    """The index request fails once (as when a busy worker is stopped under it): the page
    asks again, and the search box then searches in the page."""
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    failed = []

    def fail_once(route):
        if failed:
            route.continue_()
        else:
            failed.append(route.request.url)
            route.abort()

    ctx.route("**/index.json", fail_once)
    page = ctx.new_page()
    page.goto(live_server.url + "/en/services/")
    wait_for_js(page, READY)
    assert len(failed) == 1        # the first request did fail
    everyone = page.evaluate(IDS)
    page.locator("#directory-q").press_sequentially("legal", delay=20)
    found = results_change(page, everyone)
    assert found[0] == "nhth" and 0 < len(found) < len(everyone)
    assert status(page) == f"Organizations found: {len(found)}"
    assert page.url == live_server.url + "/en/services/"
    ctx.close()


def test_form_works_without_javascript(browser, live_server):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = ctx.new_page()
    page.goto(live_server.url + "/en/services/")
    expect(page.locator("#directory-fallback")).to_be_hidden()
    page.locator("#directory-q").fill("hotline")
    page.locator("details.filters summary").click()
    page.locator("#filter-language").select_option("vi")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.locator("form[role=search] button[type=submit]").click()
    assert posted.value.headers["cache-control"] == "no-store"
    page.wait_for_load_state()
    # The answer is at the page's own address: the words are in no URL.
    assert page.url == live_server.url + "/en/services/"
    found = [li.get_attribute("id")[4:] for li in page.locator("#directory-results > li").all()]
    assert found[0] == "nhth" and set(found) == {"nhth", "lifeline988", "ndvh", "childhelp"}
    assert status(page) == "Organizations found: 4"
    assert page.locator("#directory-q").input_value() == "hotline"
    # A word for a complaint: the hotline first, the labor offices before the police.
    page.locator("#filter-language").select_option("")
    page.locator("#directory-q").fill("report")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_load_state()
    found = [li.get_attribute("id")[4:] for li in page.locator("#directory-results > li").all()]
    assert found == ["nhth", "eeoc", "ncmec", "osha", "whd", "fbi", "hsi"]
    # Odd input: a clear answer, never an error page.
    for typed, note in (("😀❤️" * 40, "no letters or numbers"), ("xyzzy", "No other organization matches")):
        page.locator("#directory-q").fill(typed)
        page.locator("form[role=search] button[type=submit]").click()
        page.wait_for_load_state()
        assert note in page.locator("#directory-notes").inner_text()
        assert page.url == live_server.url + "/en/services/"
    # Nothing found: help is still one tap away.
    expect(page.locator("#directory-fallback a[href='tel:+18883737888']")).to_be_visible()
    # Typing or pasting more than the form sends is cut by the browser.
    page.locator("#directory-q").fill("法" * 500)
    assert len(page.locator("#directory-q").input_value()) == 200
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#directory-status").count() == 1
    ctx.close()


# What a person sees of each result: its visible text with the details folded and unfolded,
# its visible links and buttons (their text and where they lead), and its markup with the
# whitespace between tags dropped (the browser's copy of the template may keep a space where
# the server's macro left out an optional part; the visible text shows any space that matters).
CARDS = """() => {
  const text = e => e.innerText.replace(/\\s+/g, ' ').trim();
  const links = li => [...li.querySelectorAll('a, button')].filter(a => a.checkVisibility())
      .map(a => [text(a), a.getAttribute('href')]);
  return [...document.querySelectorAll('#directory-results > li')].map(li => {
    const folded = {text: text(li), links: links(li)};
    const details = [...li.querySelectorAll('details')];
    details.forEach(d => { d.open = true; });
    const unfolded = {text: text(li), links: links(li)};
    details.forEach(d => { d.open = false; });
    const markup = li.outerHTML.replace(/>\\s+/g, '>').replace(/\\s+</g, '<').replace(/\\s+/g, ' ');
    return {id: li.id, folded, unfolded, markup};
  });
}"""
PAGE_TEXT = """() => {
  const shown = id => { const e = document.getElementById(id); return e && e.checkVisibility() ? e.innerText.replace(/\\s+/g, ' ').trim() : null; };
  return {
    status: shown('directory-status'), notes: shown('directory-notes'), more: shown('directory-more'),
    pages: shown('directory-pages'), fallback: shown('directory-fallback'),
    pageLinks: [...document.querySelectorAll('#directory-pages a, #directory-fallback a')]
        .filter(a => a.checkVisibility()).map(a => a.getAttribute('href')),
  };
}"""


def fill(page, params: dict) -> None:
    """Type the words and choose the filters as a reader would (filters first)."""
    if any(k != "q" for k in params):
        page.locator("details.filters summary").click()
    for name, value in params.items():
        if name != "q":
            page.locator(f"#filter-{name}").select_option(value)
    if "q" in params:
        page.locator("#directory-q").fill(params["q"])


def seen(page) -> dict:
    return {"cards": page.evaluate(CARDS), "page": page.evaluate(PAGE_TEXT), "url": page.url}


# One page with JavaScript and one without for the comparisons below: each case opens its URL
# afresh, and the directory's script stores nothing in the browser, so a new browser context
# per case would only cost each one a renderer process.
@pytest.fixture(scope="module")
def scripted(browser):
    ctx = new_context(browser)
    yield ctx.new_page()
    ctx.close()


@pytest.fixture(scope="module")
def plain(browser):
    ctx = browser.new_context(java_script_enabled=False)
    yield ctx.new_page()
    ctx.close()


def server_answer(page, url: str, params: dict) -> dict:
    """The page as the server answers the form, without JavaScript."""
    page.goto(url)
    fill(page, params)
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_load_state()
    return seen(page)


# One case of each way the page can answer (the whole list, a filter, words with accents, an
# agency named, no words at all, too many, nothing found); which organizations each search finds
# is compared between the two searches by test_parity.py and the ranking tables.
@pytest.mark.parametrize("lang, params", [
    ("en", {}), ("en", {"language": "es"}), ("es", {"q": "línea"}), ("ar", {"state": "TX"}),
    ("ar", {"service": "report-crime"}), ("vi", {"q": "!!"}), ("en", {"q": "x" * 250}),
    ("ar", {"q": "zzqqxx"}), ("es", {"q": "policía"}),
], ids=lambda v: str(v)[:30])
def test_browser_renders_what_the_server_renders(scripted, plain, live_server, lang, params):
    url = f"{live_server.url}/{lang}/services/"
    expected = server_answer(plain, url, params)
    assert expected["url"] == url    # the words are in no address
    assert expected["page"]["status"], "the server's answer has no status"

    page = scripted
    page.goto(url)
    wait_for_js(page, READY)
    fill(page, params)
    # The script searches on each input event: poll until it shows the same, with a deadline.
    deadline = time.monotonic() + 10
    while seen(page) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert seen(page) == expected


def crafted_orgs():
    """Organizations that use every optional part of a card, and leave each one out: no voice
    line, letters forms, several numbers of one kind, a text line with and without a keyword,
    states, no website, law enforcement. Fictional 555 numbers and reserved example domains."""
    return [
        org("parts-all", name="Every Part Center", description="Legal help for workers.",
            phones=(Phone("+15125550100", "512-555-0100", "voice", "1-512-555-HELP"),
                    Phone("+15125550101", "512-555-0101", "tty", "1-512-555-DEAF"),
                    Phone("+15125550102", "512-555-0102", "tty"),
                    Phone("+15125550103", "512-555-0103", "video"),
                    Phone("+15125550104", "512-555-0104", "abroad")),
            text=TextLine("+15125550105", "512-555-0105", "HELP"), chat_url="https://chat.example.org/",
            web_url="https://www.example.org/", email="help@example.org", hours="Open 24 hours a day.",
            area=("TX", "CA"), languages=("en", "es", "ar"), services=("legal", "hotline"),
            source="https://www.example.org/about/",
            promises=(Promise("confidential", "https://www.example.org/privacy/"),)),
        org("parts-none", name="Text Only Line", description="Answers by text message.",
            phones=(), text=TextLine("+15125550106", "512-555-0106", None), source="http://example.net"),
        org("parts-police", name="Example County Police", description="Takes reports of crimes.",
            law_enforcement="police", services=("report-crime",),
            phones=(Phone("+15125550107", "512-555-0107", "voice"),), source="https://example.com/police/"),
    ]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_cards_with_every_part_render_alike(scripted, plain, live_server, app, monkeypatch, lang):
    from webapp.directory import index

    crafted = index.Index(build_index(app, crafted_orgs(), lang))
    monkeypatch.setitem(app.extensions.setdefault("directory_index", {}), lang, crafted)
    # The page as the app renders it once (templating.rendered_once): rendered from the crafted index.
    monkeypatch.setitem(app.extensions, "guide_page_cache", {})
    url = f"{live_server.url}/{lang}/services/"
    expected = server_answer(plain, url, {})
    assert [c["id"] for c in expected["cards"]] == ["org-parts-all", "org-parts-none", "org-parts-police"]
    # The server's cards show what the data holds (the browser's must then show the same).
    if lang == "en":
        assert "Confidential Yes" in expected["cards"][0]["unfolded"]["text"]
        assert "Confidential Not promised" in expected["cards"][1]["unfolded"]["text"]
    every = expected["cards"][0]["unfolded"]["links"]
    for href in ("tel:+15125550100", "tel:+15125550101", "tel:+15125550102", "tel:+15125550103",
                 "tel:+15125550104", "sms:+15125550105?body=HELP", "https://chat.example.org/",
                 "mailto:help@example.org", "https://www.example.org/", "https://www.example.org/about/"):
        assert href in [h for _, h in every]

    scripted.goto(url)
    wait_for_js(scripted, READY)
    assert seen(scripted) == expected
