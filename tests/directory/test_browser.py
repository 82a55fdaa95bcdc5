"""Find services in Chromium: search and filters work offline after the first visit (server
stopped), the form works without JavaScript, and the browser renders the same results as
the server."""

import re

import pytest

from tests.browser.test_offline import wait_until_controlled
from tests.conftest import wait_for_js

pytestmark = pytest.mark.browser

READY = "() => document.getElementById('directory').hasAttribute('data-ready')"
IDS = "() => [...document.querySelectorAll('#directory-results > li')].map(li => li.id.slice(4))"


def status(page) -> str:
    return " ".join(page.locator("#directory-status").inner_text().split())


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
    assert len(everyone) >= 10 and "nhth" in everyone
    page.locator("#directory-q").press_sequentially("líne", delay=20)  # per keystroke
    wait_for_js(page, "() => location.search === '?q=l%C3%ADne'")
    found = page.evaluate(IDS)
    assert 0 < len(found) < len(everyone)
    assert status(page) == f"{page.locator('#directory').get_attribute('data-found').replace('%(num)s', str(len(found)))}"
    assert page.locator("#directory-results a[href='tel:+18883737888']").count() == 1

    page.locator("#directory-q").fill("")
    page.locator("details.filters summary").click()
    page.locator("#filter-service").select_option("report-crime")
    wait_for_js(page, "() => location.search === '?service=report-crime'")
    assert set(page.evaluate(IDS)) == {"hsi", "fbi", "ncmec"}
    police = page.locator("#org-hsi .badge--police")
    assert police.count() == 1

    # A deep link opened offline: the saved page, searched from the address by the script.
    page.goto(srv.url + "/es/services/?q=espa%C3%B1ol&state=TX")
    wait_for_js(page, READY)
    assert page.locator("#directory-q").input_value() == "español"
    assert page.locator("#filter-state").input_value() == "TX"
    assert page.locator("details.filters").get_attribute("open") is not None
    assert set(page.evaluate(IDS)) == {"nhth", "lifeline988"}
    # Nothing found, then clear.
    page.locator("#directory-q").fill("😀😀")
    notes = page.locator("#directory-notes").inner_text()
    assert "letras" in notes or "letters" in notes
    page.locator("[data-clear]").click()
    assert page.evaluate(IDS) == everyone and page.evaluate("location.search") == ""


def test_form_works_without_javascript(browser, live_server):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = ctx.new_page()
    page.goto(live_server.url + "/en/services/")
    page.locator("#directory-q").fill("hotline")
    page.locator("details.filters summary").click()
    page.locator("#filter-language").select_option("vi")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/en/services/\?q=hotline.*language=vi"))
    found = [li.get_attribute("id")[4:] for li in page.locator("#directory-results > li").all()]
    assert set(found) == {"nhth", "lifeline988", "ndvh", "childhelp"}
    assert status(page) == "Organizations found: 4"
    assert page.locator("#directory-q").input_value() == "hotline"
    # Odd input: a clear answer, never an error page.
    page.goto(live_server.url + "/en/services/?q=" + "%F0%9F%98%80%E2%9D%A4%EF%B8%8F" * 40)
    assert "no letters or numbers" in page.locator("#directory-notes").inner_text()
    page.goto(live_server.url + "/en/services/?q=" + "%C3%A9" * 300)
    assert "first 200 characters" in page.locator("#directory-notes").inner_text()
    assert page.locator("#directory-q").input_value() == "é" * 200
    # Typing or pasting more than the form sends is cut by the browser, within the URL limit.
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
})"""


@pytest.mark.parametrize("path", [
    "/en/services/", "/en/services/?language=es", "/es/services/?q=l%C3%ADnea", "/ar/services/?state=TX",
    "/zh-Hans/services/?service=hotline", "/vi/services/?q=%21%21", "/en/services/?q=" + "x" * 250,
])
def test_browser_renders_what_the_server_renders(browser, live_server, path):
    rendered = {}
    for js in (False, True):
        ctx = browser.new_context(java_script_enabled=js, service_workers="block")
        page = ctx.new_page()
        page.goto(live_server.url + path)
        if js:
            wait_for_js(page, READY)
        rendered[js] = (page.evaluate(CARDS), page.evaluate(PAGE_TEXT), page.url)
        ctx.close()
    server_cards, server_text, server_url = rendered[False]
    browser_cards, browser_text, browser_url = rendered[True]
    assert browser_cards == server_cards
    assert browser_text == server_text
    assert browser_url == server_url or "x" * 250 in path or "%21" in path or "%C3" in path
