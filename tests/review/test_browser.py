"""The reviewer's round trip in a real Chromium: open the sheet, mark messages, type a note,
save with the sheet's own button, approve the saved file; reopen it and find the answers."""

import pytest

from webapp.review import state
from tests.conftest import wait_for_js
from tests.review.helpers import approve, catalog, copy_translations, invoke, review_states

pytestmark = pytest.mark.browser

OK = ["Get help now", "Helplines", "Signs of labor trafficking"]
CHANGE = "Where it happens"
HOSTILE = 'Más corto </textarea><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'


def row(page, key):
    return page.locator(f"tr#m-{key}")


def test_fill_save_and_approve_marks_exactly_those_messages(app, page, tmp_path):
    base = copy_translations(tmp_path)
    sheet = tmp_path / "review-ar.html"
    assert invoke(app, base, "review", "ar", "--output", str(sheet)).exit_code == 0
    cat = catalog(base, "ar")
    key = {(m.id if isinstance(m.id, str) else m.id[0]): state.key(m) for m in cat if m.id}

    page.goto(sheet.as_uri())
    page.get_by_label("Your initials").fill("ZK")
    for english in OK:
        target = row(page, key[english])
        target.scroll_into_view_if_needed()
        # The reviewer sees the translation, right to left, next to the English.
        assert target.locator("td.tr p[dir=rtl]").is_visible()
        target.get_by_label("OK", exact=True).check()
    change = row(page, key[CHANGE])
    change.get_by_label("Change", exact=True).check()
    change.locator("textarea").fill(HOSTILE)
    assert page.locator("#progress").inner_text().startswith("4 of ")

    with page.expect_download() as info:
        page.get_by_role("button", name="Save my answers").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == "review-ar-answers.html"

    result, days = approve(app, base, "ar", str(saved))
    assert result.exit_code == 0, result.output
    after = catalog(base, "ar")
    assert review_states(after) == {english: "reviewed" for english in OK}
    for english in OK:
        assert state.mark_of(after.get(english)).reviewer == "ZK"
        assert state.mark_of(after.get(english)).day in days
    assert state.notes(after.get(CHANGE)) in ([f"{day} ZK: {HOSTILE}"] for day in days)
    assert "1 need a change" in result.output

    # Reopened, the saved sheet shows the answers as typed, and the typed markup stayed text.
    page.goto(saved.as_uri())
    wait_for_js(page, "document.getElementById('progress').textContent.length > 0")
    assert page.locator("#progress").inner_text().startswith("4 of ")
    assert page.get_by_label("Your initials").input_value() == "ZK"
    assert row(page, key[OK[0]]).get_by_label("OK", exact=True).is_checked()
    assert row(page, key[CHANGE]).get_by_label("Change", exact=True).is_checked()
    assert row(page, key[CHANGE]).locator("textarea").input_value() == HOSTILE
    assert page.evaluate("window.pwned === undefined && document.images.length === 0")
