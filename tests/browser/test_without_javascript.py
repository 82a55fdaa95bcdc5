"""Every page of the guide without JavaScript, in two languages (one right to left): each page
is itself (its own heading), the quick exit is there and leads to the calculator, and nothing
on it is a control that only a script could make work (a button outside a form, a link to
nowhere)."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_offline import heading_of, socket_get
from tests.conftest import new_context, page_path
from webapp.pages import PAGES

pytestmark = pytest.mark.browser

EXTRA = ["/{}/card/discreet/", "/{}/saved/", "/{}/offline/", "/{}/forget/", "/{}/self-check/es/"]

# Controls that do nothing without a script: a button that is not a form's submit button,
# a link with no destination of its own.
DEAD_CONTROLS = """() => [...document.querySelectorAll('button, a, [role=button]')]
    .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
    .filter(el => el.tagName === 'BUTTON' ? !(el.form && el.type === 'submit')
                : el.tagName === 'A' ? !el.getAttribute('href') || /^(#$|javascript:)/i.test(el.getAttribute('href'))
                : true)
    .map(el => el.outerHTML.slice(0, 120))"""


@pytest.fixture(scope="module")
def no_js(browser):
    ctx = new_context(browser, java_script_enabled=False, viewport={"width": 360, "height": 640})
    yield ctx.new_page()
    ctx.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_page_works_without_javascript(no_js, live_server, lang):
    paths = [page_path(lang, page) for page in PAGES] + [p.format(lang) for p in EXTRA]
    for path in paths:
        expected = heading_of(socket_get(live_server, path))
        response = no_js.goto(live_server.url + path)
        assert response.ok, path
        assert " ".join(no_js.locator("h1").inner_text().split()) == expected, path
        exit_link = no_js.locator("#quick-exit")
        assert exit_link.is_visible(), path
        assert re.fullmatch(r"/calculator/", exit_link.get_attribute("href")), path
        assert no_js.evaluate(DEAD_CONTROLS) == [], path
    # The exit itself, without a script: the link opens the calculator.
    no_js.locator("#quick-exit").click()
    no_js.wait_for_url(re.compile(r".*/calculator/$"))
    assert no_js.locator("#display").is_visible()
