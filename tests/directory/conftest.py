"""The browser's directory search, loaded once per module of tests that compare it; the
`flask directory` commands on a copy of the content."""

import pytest

from tests.conftest import new_context, wait_for_js
from webapp import create_app


@pytest.fixture()
def cli(content_copy):
    """`cli("import", path)`: a `flask directory` command on a copy of the content."""
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content_copy)})
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(args=["directory", *args])


@pytest.fixture(scope="module")
def js(browser, live_server):
    """A page that has loaded directory.js: its search functions, called with any index."""
    ctx = new_context(browser)
    page = ctx.new_page()
    page.goto(live_server.url + "/en/services/")
    wait_for_js(page, "() => !!window.GuideDirectory")
    yield page
    ctx.close()
