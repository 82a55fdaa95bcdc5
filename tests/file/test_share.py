""""Share as a file" on the home page and the "Saved for offline" page: with the phone's share
sheet, the file goes to it, from the copy saved on the phone when there is no signal, in any
saved language; a language that is not saved says so. The share sheet is the phone's own, out
of the browser's reach: a recording navigator.share and navigator.canShare stand in for it
(as tests/outreach/test_cards.py's SHARE_SHEET does), and nothing else is replaced. Without a
share sheet, the same link downloads the file (tests/file/test_browser.py)."""

import pytest

from tests.browser.worker import sw_status, wait_until_controlled
from tests.browser.test_offline import SAVE
from tests.conftest import LiveServer, new_context, wait_for_js

# The phone's share sheet, for files: it accepts HTML files and records what it was given.
FILE_SHARE_SHEET = """(() => {
    const takes = (data) => !!data && Array.isArray(data.files) && data.files.length > 0 &&
        data.files.every((file) => file instanceof File && file.type === "text/html");
    Object.defineProperty(Navigator.prototype, "canShare", {configurable: true, value: takes});
    Object.defineProperty(Navigator.prototype, "share", {configurable: true, value: function (data) {
        if (!takes(data)) return Promise.reject(new TypeError("not a file this sheet takes"));
        return Promise.all(data.files.map((file) => file.text().then((text) => ({
            name: file.name, type: file.type, size: file.size, text,
        })))).then((files) => { window.__shared = (window.__shared || []).concat(files); });
    }});
})();"""

pytestmark = pytest.mark.browser


def shared(page, count: int) -> list[dict]:
    return wait_for_js(page, f"() => window.__shared && window.__shared.length >= {count} && window.__shared")


def test_share_as_a_file_with_no_signal_from_the_saved_copy(browser, app):
    srv = LiveServer(app)
    client = app.test_client()
    expected = {code: client.get(f"/{code}/file/").data.decode() for code in ("en", "es")}
    ctx = new_context(browser, service_workers="allow", viewport={"width": 360, "height": 740})
    ctx.add_init_script(FILE_SHARE_SHEET)
    try:
        page = ctx.new_page()
        page.goto(srv.url + "/en/saved/")
        wait_until_controlled(page)
        # An outreach worker saves a second language; English was saved by the first visit.
        assert page.evaluate(SAVE, "es")["type"] == "saved"
        assert {"en", "es"} <= set(sw_status(page)["saved"])
        srv.stop()
        ctx.set_offline(True)
        page.reload()
        # Any saved language, from the list on "Saved for offline".
        page.locator(".share-files").get_by_role("link", name="Español").click()
        [sent] = shared(page, 1)
        assert sent["name"] == "notes-es.html" and sent["type"] == "text/html"
        assert sent["text"] == expected["es"]
        # A language that is not saved cannot be shared with no signal, and the page says so.
        page.locator(".share-files").get_by_role("link", name="Français").click()
        status = page.locator("[data-share-status]")
        status.filter(has_text="This language is not saved on this phone").wait_for()
        assert len(page.evaluate("window.__shared")) == 1
        # The home page's share panel shares the reader's language.
        page.goto(srv.url + "/en/")
        page.get_by_role("link", name="Share as a file").click()
        [sent] = shared(page, 1)
        assert sent["name"] == "notes-en.html" and sent["text"] == expected["en"]
    finally:
        ctx.close()
        srv.stop()
