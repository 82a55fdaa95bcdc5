"""`flask translate review`: the sheet holds every message of the catalog with its pages."""

import csv
import io

import pytest

from webapp import locales
from webapp.review import approve, sheet, state
from tests.htmlparse import parse
from tests.review.helpers import catalog
from tests.conftest import ROOT


def _english(message):
    return message.id if isinstance(message.id, str) else message.id[0]


@pytest.mark.parametrize("code", ["es", "ar"])
def test_sheet_has_every_message_with_its_pages(runner, tmp_path, code):
    out = tmp_path / f"review-{code}.html"
    result = runner.invoke(args=["translate", "review", code, "--output", str(out),
                                 "--base-url", "http://127.0.0.1:5000"])
    assert result.exit_code == 0, result.output
    cat = catalog(ROOT / "translations", code)
    messages = {state.key(m): m for m in cat if m.id}
    doc = parse(out.read_text(encoding="utf-8"))
    rows = doc.find_all("tr", class_="msg")
    assert {row.attrs["data-key"] for row in rows} == set(messages)
    assert len(rows) == len(messages)
    loc = locales.BY_CODE[code]
    for row in rows:
        message = messages[row.attrs["data-key"]]
        english = row.find("td", class_="en")
        assert _english(message) in english.find("p").text
        shown = english.find("p", class_="pages").text
        assert shown.startswith("Shown on:") and len(shown) > len("Shown on: ")
        translated = row.find("td", class_="tr").find("p")
        assert translated.attrs["lang"] == code and translated.attrs["dir"] == loc.direction
        assert translated.text == (message.string if isinstance(message.string, str) else message.string[0])
        assert {i.attrs["value"] for i in row.find_all("input")} == {"ok", "change"}
        assert row.find("textarea") is not None
    # Pages come from Babel's locations, named as the guide names them.
    by_english = {row.find("td", class_="en").find("p").text: row for row in rows}
    faq = next(m for m in cat if m.id and any(f.endswith("faq.yaml") for f, _ in m.locations))
    assert "Questions and answers" in by_english[_english(faq)].find("p", class_="pages").text
    footer = by_english["No cookies, no accounts, no tracking."]
    assert "Every page" in footer.find("p", class_="pages").text
    link = by_english[_english(faq)].find("a", href=f"http://127.0.0.1:5000/{code}/questions/")
    assert link is not None and link.text == "Questions and answers"


def test_sheet_groups_by_page_in_reading_order():
    cat = catalog(ROOT / "translations", "es")
    names = [name for name, _ in sheet.entries(cat)]
    assert names[0] == sheet.EVERY_PAGE
    assert names.index("home") < names.index("signs") < names.index("questions") < names.index("about")


def test_sheet_highlights_placeholders_and_flags_problems():
    from babel.messages.catalog import Catalog

    cat = Catalog(locale="es")
    base, signs = [("webapp/templates/base.html", 1)], [("webapp/content/signs.yaml", 1)]
    cat.add("Call %(number)s now", "Llama ahora", flags=("python-format",), locations=base)
    cat.add("Help", "Help", locations=base)
    cat.add("Read the signs", "Lee las señales en www.example.org", locations=signs)
    cat.add("Untranslated", "", locations=base)
    html = sheet.render_html(cat, locales.BY_CODE["es"])
    doc = parse(html)
    rows = {r.find("td", class_="en").find("p").text: r for r in doc.find_all("tr", class_="msg")}
    assert rows["Call %(number)s now"].find("mark", class_="ph").text == "%(number)s"
    flags = {english: " ".join(li.text for li in row.find_all("li")) for english, row in rows.items()}
    assert "placeholder" in flags["Call %(number)s now"]
    assert "Same as the English" in flags["Help"]
    assert "number or an address" in flags["Read the signs"]
    assert "Not translated" in flags["Untranslated"]


def test_csv_sheet_has_every_message(runner, tmp_path):
    out = tmp_path / "review-vi.csv"
    assert runner.invoke(args=["translate", "review", "vi", "-o", str(out)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    cat = catalog(ROOT / "translations", "vi")
    assert {r["key"] for r in rows} == {state.key(m) for m in cat if m.id}
    assert all(r["language"] == "vi" and r["page"] and not r["verdict"] for r in rows)
    assert approve.parse(out).language == "vi"


def test_review_refuses_an_unknown_language(runner, tmp_path):
    result = runner.invoke(args=["translate", "review", "xx", "-o", str(tmp_path / "x.html")])
    assert result.exit_code != 0 and "'xx' is not a translated language" in result.output
    assert not (tmp_path / "x.html").exists()
