"""The browser's directory search, loaded once per module of tests that compare it."""

import pytest

from tests.conftest import new_context, wait_for_js


@pytest.fixture(scope="module")
def js(browser, live_server):
    """A page that has loaded directory.js: its search functions, called with any index."""
    ctx = new_context(browser)
    page = ctx.new_page()
    page.goto(live_server.url + "/en/services/")
    wait_for_js(page, "() => !!window.GuideDirectory")
    yield page
    ctx.close()
