"""Find services in Chromium: search and filters work offline after the first visit (server
stopped), the form works without JavaScript, and the browser renders the same results as
the server."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.test_offline import wait_until_controlled
from tests.conftest import wait_for_js

pytestmark = pytest.mark.browser

READY = "() => document.getElementById('directory').hasAttribute('data-ready')"
IDS = "() => [...document.querySelectorAll('#directory-results > li')].map(li => li.id.slice(4))"


def status(page) -> str:
    return " ".join(page.locator("#directory-status").inner_text().split())


def results_change(page, before):
    """Wait until the list shows something else than `before` (the search has run)."""
    wait_for_js(page, f"() => JSON.stringify(({IDS})()) !== {json.dumps(json.dumps(before))}")
    return page.evaluate(IDS)


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
    assert status(page) == f"{page.locator('#directory').get_attribute('data-found').replace('%(num)s', str(len(found)))}"
    assert page.locator("#directory-results a[href='tel:+18883737888']").count() == 1
    # What the reader typed stays in the page: not in the address, not in the title.
    assert page.evaluate("location.search + location.hash") == ""
    assert "líne" not in page.title()

    page.locator("#directory-q").fill("")
    page.locator("details.filters summary").click()
    page.locator("#filter-service").select_option("report-crime")
    assert set(results_change(page, everyone)) == {"hsi", "fbi", "ncmec"}
    # The line that is not law enforcement first, each law-enforcement line labelled.
    assert page.evaluate(IDS)[0] == "ncmec"
    expect(page.locator("#org-hsi .badge--police")).to_be_visible()
    assert "(ICE)" in page.locator("#org-hsi .badge--police").inner_text()
    assert page.evaluate("location.search") == ""

    # Nothing found: the hotline's buttons and the national directories are there to use.
    page.locator("#filter-service").select_option("")
    page.locator("#directory-q").fill("zzqqxx")
    results_change(page, ["hsi", "fbi", "ncmec"])
    fallback = page.locator("#directory-fallback")
    expect(fallback).to_be_visible()
    expect(fallback.locator("a[href='tel:+18883737888']")).to_be_visible()
    expect(fallback.locator("a[href='sms:233733?body=BeFree']")).to_be_visible()
    expect(fallback.locator("a[href='https://ovc.ojp.gov/directory-crime-victim-services']")).to_be_visible()
    page.locator("[data-clear]").click()
    assert page.evaluate(IDS) == everyone and page.evaluate("location.search") == ""
    expect(fallback).to_be_hidden()


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
    # Odd input: a clear answer, never an error page.
    page.locator("#filter-language").select_option("")
    for typed, note in (("😀❤️" * 40, "no letters or numbers"), ("xyzzy", "No organization matches")):
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


CARDS = """() => [...document.querySelectorAll('#directory-results > li')].map(li => ({
    id: li.id,
    classes: [li, ...li.querySelectorAll('*')].map(e => e.tagName + '.' + (e.getAttribute('class') || '')),
    text: li.innerText.replace(/\\s+/g, ' ').trim(),
    // Closed <details> hide their text from innerText: compare every word as well.
    words: li.textContent.replace(/\\s+/g, ''),
    links: [...li.querySelectorAll('a')].map(a => [a.getAttribute('href'), a.getAttribute('rel'), a.hasAttribute('data-external')]),
    ltr: [...li.querySelectorAll('bdi')].map(b => b.getAttribute('dir')),
    babel: [...li.querySelectorAll('[data-i18n=babel]')].map(e => e.textContent),
}))"""
PAGE_TEXT = """() => ({
    status: document.getElementById('directory-status').innerText.replace(/\\s+/g, ' ').trim(),
    notes: document.getElementById('directory-notes').innerText.replace(/\\s+/g, ' ').trim(),
    more: (document.getElementById('directory-more') || {}).textContent || null,
    pages: [...document.querySelectorAll('#directory-pages a')].map(a => [a.getAttribute('href'), a.textContent]),
    pagesShown: !document.getElementById('directory-pages').hidden,
})"""


def fill(page, params: dict) -> None:
    """Type the words and choose the filters as a reader would (filters first)."""
    if any(k != "q" for k in params):
        page.locator("details.filters summary").click()
    for name, value in params.items():
        if name != "q":
            page.locator(f"#filter-{name}").select_option(value)
    if "q" in params:
        page.locator("#directory-q").fill(params["q"])


@pytest.mark.parametrize("lang, params", [
    ("en", {}), ("en", {"language": "es"}), ("es", {"q": "línea"}), ("ar", {"state": "TX"}),
    ("zh-Hans", {"service": "hotline"}), ("vi", {"q": "!!"}), ("en", {"q": "x" * 250}),
    ("en", {"q": "zzqqxx"}), ("en", {"q": "immigration"}), ("es", {"q": "señales"}), ("en", {"q": "wallet card"}),
], ids=lambda v: str(v)[:30])
def test_browser_renders_what_the_server_renders(browser, live_server, lang, params):
    rendered = {}
    for js in (False, True):
        ctx = browser.new_context(java_script_enabled=js, service_workers="block")
        page = ctx.new_page()
        page.goto(f"{live_server.url}/{lang}/services/")
        if js:
            wait_for_js(page, READY)
            before = page.evaluate(PAGE_TEXT)
            fill(page, params)
            if params:   # the search has run: the status or the list says so
                wait_for_js(page, f"() => JSON.stringify(({PAGE_TEXT})()) !== {json.dumps(json.dumps(before))} "
                                  f"|| document.querySelectorAll('#directory-results > li').length !== 11")
        else:
            fill(page, params)
            page.locator("form[role=search] button[type=submit]").click()
            page.wait_for_load_state()
        rendered[js] = (page.evaluate(CARDS), page.evaluate(PAGE_TEXT), page.url,
                        page.locator("#directory-fallback").is_visible())
        ctx.close()
    assert rendered[True] == rendered[False]
    assert rendered[True][2] == f"{live_server.url}/{lang}/services/"
