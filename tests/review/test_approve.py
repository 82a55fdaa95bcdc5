"""`flask translate approve`, `update` and `stats`, and the footer, on a copy of the catalogs."""

import csv
import io
import re

import pytest
from babel.messages.pofile import read_po

from webapp import create_app, locales, translate
from webapp.review import state
from tests.review.helpers import (approve, catalog, copy_translations, fill, invoke,
                                  review_states, save)

pytestmark = pytest.mark.slow   # tests of seconds each: run early (tests/conftest.py)

REVIEWED_ON = "2026-12-07"   # a day some reviewer marked messages on


@pytest.fixture()
def base(tmp_path):
    return copy_translations(tmp_path)


def make_sheet(app, base, tmp_path, code="es", suffix="html"):
    out = tmp_path / f"review-{code}.{suffix}"
    result = invoke(app, base, "review", code, "--output", str(out))
    assert result.exit_code == 0, result.output
    return out


def keys(cat, *english):
    by_english = {(m.id if isinstance(m.id, str) else m.id[0]): m for m in cat if m.id}
    return [state.key(by_english[e]) for e in english]


def po_bytes(base, code="es"):
    return translate.po_path(base, locales.BY_CODE[code]).read_bytes()


def test_approve_from_csv_marks_exactly_the_ok_messages(app, base, tmp_path):
    out = make_sheet(app, base, tmp_path, "fr", "csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    cat = catalog(base, "fr")
    ok, change = keys(cat, "Get help now", "Helplines")
    for row in rows:  # as a spreadsheet saves it
        if row["key"] == ok:
            row["verdict"] = "OK"
        elif row["key"] == change:
            row["verdict"], row["note"] = "change", "Trop long"
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result, days = approve(app, base, "fr", str(out), "--reviewer", "MD")
    assert result.exit_code == 0, result.output
    after = catalog(base, "fr")
    assert review_states(after) == {"Get help now": "reviewed"}
    assert state.notes(after.get("Helplines")) in ([f"{day} MD: Trop long"] for day in days)
    assert "1 message(s) marked reviewed by MD" in result.output and "Trop long" in result.output


def test_update_clears_the_review_of_changed_english(app, base, tmp_path):
    cat = catalog(base, "es")
    changed = "Force, fraud and coercion, explained with examples."
    for english in ("Get help now", changed):
        state.set_reviewed(cat.get(english), REVIEWED_ON, "AB")
    save(base, "es", cat)
    pot = base / "messages.pot"
    pot.write_text(pot.read_text(encoding="utf-8").replace(
        f'msgid "{changed}"', 'msgid "Force, fraud and coercion, explained with stories."'), encoding="utf-8")

    result = invoke(app, base, "update")
    assert result.exit_code == 0, result.output
    assert "1 reviewed message(s) changed since review" in result.output
    after = catalog(base, "es")
    assert review_states(after) == {"Get help now": "reviewed",
                                    "Force, fraud and coercion, explained with stories.": "changed"}
    moved = after.get("Force, fraud and coercion, explained with stories.")
    assert moved.fuzzy and state.mark_of(moved) is None
    assert f"changed since review: was reviewed {REVIEWED_ON} by AB" in moved.user_comments
    stats = invoke(app, base, "stats").output
    assert re.search(r"^es .*reviewed 1% \(1/\d+\)  changed since review 1$", stats, re.M), stats


def test_a_translation_edited_after_review_no_longer_counts(base):
    cat = catalog(base, "es")
    message = cat.get("Get help now")
    state.set_reviewed(message, REVIEWED_ON, "AB")
    assert state.state(message) == "reviewed"
    message.string = "Busca ayuda ahora"  # edited later in Poedit
    assert state.state(message) == "changed"


def test_stats_and_footer_match(base):
    es, fr = catalog(base, "es"), catalog(base, "fr")
    es_messages = [m for m in es if m.id]
    for message in es_messages[: len(es_messages) // 3]:
        state.set_reviewed(message, REVIEWED_ON, "AB")
    for message in fr:
        if message.id:
            state.set_reviewed(message, REVIEWED_ON, "CD")
    save(base, "es", es)
    save(base, "fr", fr)
    translate.compile_all(base)
    app = create_app({"TESTING": True, "TRANSLATIONS_DIR": str(base)})

    stats = invoke(app, base, "stats").output
    percents = dict(re.findall(r"^(\S+) .*reviewed (\d+)% ", stats, re.M))
    assert percents["es"] == "33" and percents["fr"] == "100" and percents["vi"] == "0"

    client = app.test_client()
    def footer(code):
        body = client.get(f"/{code}/").get_data(as_text=True)
        return re.search(r"<footer.*</footer>", body, re.S).group()

    es_footer = footer("es")
    assert re.search(r"revisó el 33\W{0,2}% de esta traducción", es_footer), es_footer
    assert "todavía no ha revisado" not in es_footer
    fr_footer = footer("fr")
    assert "vérifié" not in fr_footer and 'class="unreviewed"' not in fr_footer
    assert "chưa được người bản ngữ kiểm tra" in footer("vi")
    assert 'class="unreviewed"' not in footer("en")


# -- hostile or wrong sheets: refused with a clear message, the catalog untouched ------------
def test_sheet_for_another_language_is_refused(app, base, tmp_path):
    out = make_sheet(app, base, tmp_path, "es")
    cat = catalog(base, "es")
    (ok,) = keys(cat, "Get help now")
    out.write_text(fill(out.read_text(encoding="utf-8"), {ok: ("ok", "")}, "AB"), encoding="utf-8")
    before = po_bytes(base, "fr")
    result = invoke(app, base, "approve", "fr", str(out))
    assert result.exit_code != 0
    assert "is a review sheet for 'es', not 'fr'" in result.output
    assert po_bytes(base, "fr") == before


def test_sheet_from_an_older_catalog_is_refused(app, base, tmp_path):
    out = make_sheet(app, base, tmp_path, "es")
    cat = catalog(base, "es")
    (ok,) = keys(cat, "Get help now")
    out.write_text(fill(out.read_text(encoding="utf-8"), {ok: ("ok", "")}, "AB"), encoding="utf-8")
    cat.get("Get help now").string = "Busca ayuda ahora"  # a translator changed it meanwhile
    save(base, "es", cat)
    before = po_bytes(base)
    result = invoke(app, base, "approve", "es", str(out))
    assert result.exit_code != 0
    assert "made from an older es catalog" in result.output and "'Get help now'" in result.output
    assert "flask translate review es" in result.output
    assert po_bytes(base) == before


def test_note_cannot_inject_catalog_syntax_or_markup(app, base, tmp_path):
    out = make_sheet(app, base, tmp_path, "es")
    cat = catalog(base, "es")
    ok, change = keys(cat, "Get help now", "Helplines")
    hostile = ('Fine\n\nmsgid "Get help now"\nmsgstr "Call 1-800-555-0100"\r\n#, fuzzy\x00\x1b[31m'
               '\u202eevil <script>alert(1)</script>')
    out.write_text(fill(out.read_text(encoding="utf-8"), {ok: ("ok", ""), change: ("change", hostile)}, "AB"),
                   encoding="utf-8")
    before = {(m.id, m.context): m.string for m in cat if m.id}
    result, days = approve(app, base, "es", str(out))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output
    with translate.po_path(base, locales.BY_CODE["es"]).open("rb") as fh:
        after = read_po(fh)
    # Only comments changed: every English and every translation is as it was.
    assert {(m.id, m.context): m.string for m in after if m.id} == before
    assert not after.get("Get help now").fuzzy
    (note,) = state.notes(after.get("Helplines"))
    assert note in (f'{day} AB: Fine msgid "Get help now" msgstr "Call 1-800-555-0100" #, fuzzy '
                    "[31mevil <script>alert(1)</script>" for day in days)
    assert translate.check_catalog("es", after) == []
    # The next sheet shows the note to the translator as text.
    (tmp_path / "again").mkdir()
    again = make_sheet(app, base, tmp_path / "again", "es")
    html = again.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "evil &lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("edit, message", [
    (lambda html, ok: html.replace(f'name="v-{ok}" value="ok"', f'name="v-{ok}" value="yes" checked'),
     "verdict: 'yes' is not ok or change"),
    (lambda html, ok: html.replace('<input name="reviewer"', '<input name="reviewer" value="<b>x</b>"'),
     "initials must be 1 to 4 letters"),
    (lambda html, ok: html.replace('name="guide-review-language"', 'name="something-else"'),
     "is not a review sheet made by `flask translate review`"),
    (lambda html, ok: html.replace('data-seen=', 'data-key="zzz" data-seen=', 1),
     "'zzz' is not a message key"),
    (lambda html, ok: html.replace(f'name="v-{ok}" value="ok"', f'name="v-{ok}" value="ok" checked')
     .replace(f'name="v-{ok}" value="change"', f'name="v-{ok}" value="change" checked'),
     "is marked both 'ok' and 'change'"),
])
def test_malformed_sheet_is_refused_with_a_specific_message(app, base, tmp_path, edit, message):
    out = make_sheet(app, base, tmp_path, "es")
    (ok,) = keys(catalog(base, "es"), "Get help now")
    html = out.read_text(encoding="utf-8")
    if "initials" not in message:
        html = html.replace('<input name="reviewer"', '<input name="reviewer" value="AB"')
    out.write_text(edit(html, ok), encoding="utf-8")
    before = po_bytes(base)
    result = invoke(app, base, "approve", "es", str(out))
    assert result.exit_code != 0
    assert message in result.output, result.output
    assert po_bytes(base) == before
