"""CSV rows ⇄ directory records: numbers as people write them, formulas made harmless, and the
column each field of a record came from."""

import csv
import io

import pytest

from webapp.directory import csvrows

CELLS = {
    "id": "example-legal", "name": "Example Legal Aid", "description": "Free legal help.",
    "description_es": "Ayuda legal gratuita.", "services": "legal; immigration-legal",
    "populations": "workers", "languages": "en; es", "area": "TX; OK",
    "phone": "(512) 555-0100", "tty": "711", "video": "", "abroad": "", "text": "512-555-0100",
    "text_keyword": "HELP", "web_url": "https://example.org", "hours": "Monday to Friday.",
    "law_enforcement": "no", "source": "https://example.org/about", "verified_on": "2026-01-15",
}


def read(**cells):
    return csvrows.read_row("test.csv", 7, dict(CELLS, **cells))


def test_phone_numbers_as_people_write_them():
    assert csvrows.phone_number("1-888-373-7888") == "+18883737888"
    assert csvrows.phone_number("(512) 555-0100") == "+15125550100"
    assert csvrows.phone_number("+1 512 555 0100") == "+15125550100"
    assert csvrows.phone_number("711") == "711" and csvrows.phone_number("233733") == "233733"
    for bad in ("555-0100", "1-800-CALL-FBI", "012-555-0100", "12", "+44 20 7946 0000"):
        assert csvrows.phone_number(bad) is None, bad


def test_a_row_becomes_a_record():
    row = read()
    assert row.problems == []
    assert row.record["phones"] == [
        {"number": "+15125550100", "display": "(512) 555-0100", "kind": "voice"},
        {"number": "711", "display": "711", "kind": "tty"}]
    assert row.record["text"] == {"number": "+15125550100", "keyword": "HELP"}
    assert row.record["descriptions"] == {"es": "Ayuda legal gratuita."}
    assert row.record["services"] == ["legal", "immigration-legal"]
    assert row.record["area"] == ["TX", "OK"] and row.record["law_enforcement"] is False


def test_each_field_remembers_its_column():
    row = read(phone="", tty="711", video="1-888-373-7888; 512-555-0101")
    # The phones of three columns share one list: each item, and each field in it, keeps its column.
    assert [p["kind"] for p in row.record["phones"]] == ["tty", "video", "video"]
    assert row.column_of("phones[0]") == "tty"
    assert row.column_of("phones[0].display") == "tty"
    assert row.column_of("phones[2].number") == "video"
    assert row.column_of("phones") == "phone"
    assert row.column_of("text.number") == "text"
    assert row.column_of("text.keyword") == "text_keyword"
    assert row.column_of("descriptions.es") == "description_es"
    assert row.column_of("services[1]") == "services"
    # A field the row left empty is reported in the column that would hold it.
    assert "chat_url" not in row.record and row.column_of("chat_url") == "chat_url"
    assert "helpline" not in row.record and row.column_of("helpline") == "helpline"


def test_cells_that_cannot_be_read_are_named_by_column():
    row = read(tty="555-0100", law_enforcement="maybe", synthetic="perhaps", text="", name="=1+1")
    found = {(p.line, p.field) for p in row.problems}
    assert found == {(7, "name"), (7, "tty"), (7, "law_enforcement"), (7, "synthetic"), (7, "text_keyword")}
    assert str(row.problems[0]).startswith("test.csv:7: name: starts with '='")


def test_a_record_gives_back_its_row():
    cells = csvrows.to_row(read().record)
    # The text number is written as the phone it shares, as published.
    assert {k: v for k, v in cells.items() if v} == {k: v for k, v in CELLS.items() if v} | {
        "text": "(512) 555-0100"}


def test_export_neutralizes_cells_a_spreadsheet_would_run():
    record = dict(id="formula", name="=HYPERLINK(\"https://x.example\")", description="@SUM(1+1)",
                  hours="-2+3", descriptions={"es": "\tx", "fr": "\rx"},
                  phones=[{"number": "+15125550100", "display": "+1 512 555 0100", "kind": "voice"}])
    buffer = io.StringIO()
    csvrows.write([record], buffer)
    row = next(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert row["name"] == "'=HYPERLINK(\"https://x.example\")"
    assert row["description"] == "'@SUM(1+1)" and row["hours"] == "'-2+3"
    assert row["description_es"] == "'\tx" and row["description_fr"] == "'\rx"
    assert row["phone"] == "'+1 512 555 0100"
    assert row["id"] == "formula"                      # other cells are left as they are
    for cell in row.values():
        assert not cell.startswith(csvrows.FORMULA_START), cell
    # Reading the row back takes the ' off again.
    again = csvrows.read_row("x.csv", 2, row)
    assert again.record["phones"][0]["display"] == "+1 512 555 0100"


def test_reading_a_file_names_its_own_problems(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("id,name\r\na,Alpha\r\n,\r\nb,Beta,extra\r\nc,Gamma\r\n", encoding="utf-8")
    rows, problems = csvrows.read(path)
    assert [(r.line, r.record["id"]) for r in rows] == [(2, "a"), (5, "c")]
    assert [str(p) for p in problems] == [f"{path}:4: (row): has 3 cells but the header names 2 columns"]


def test_a_letters_form_goes_in_brackets_after_the_number():
    row = read(phone="1-844-762-8483 (1-844-7NATIVE); (512) 555-0100")
    assert row.problems == []
    assert row.record["phones"][:2] == [
        {"number": "+18447628483", "display": "1-844-762-8483", "kind": "voice", "vanity": "1-844-7NATIVE"},
        {"number": "+15125550100", "display": "(512) 555-0100", "kind": "voice"}]
    # And it is written back the same way.
    assert csvrows.to_row(row.record)["phone"] == "1-844-762-8483 (1-844-7NATIVE); (512) 555-0100"


@pytest.mark.parametrize("column, cell, shown", [
    ("phone", "=512*555*0100", "'=', '*'"),
    ("phone", "512\u2007555\u20070100", "'\\u2007'"),             # a figure space
    ("tty", "1-800-CALL-FBI", "'C', 'A', 'L', 'F', 'B', 'I'"),      # letters form without brackets
    ("phone", "1-844-762-8483 (1-844-7NAT<b>)", "'<', '>'"),
    ("text", "512/555/0100", "'/'"),
])
def test_a_number_may_hold_only_what_a_number_holds(column, cell, shown):
    row = read(**{column: cell})
    problems = [p for p in row.problems if p.field == column]
    assert len(problems) == 1, row.problems
    assert problems[0].problem.startswith(f"{cell!r} has {shown}: write each number as published")


@pytest.mark.parametrize("column", ["id", "name", "description", "description_ar", "services", "area", "phone",
                                    "text_keyword", "web_url", "email", "hours", "source", "verified_on"])
@pytest.mark.parametrize("character, named", [("\x00", "control character U+0000"),
                                              ("\u202e", "bidirectional control character U+202E"),
                                              ("\u2066", "bidirectional control character U+2066"),
                                              ("\x1b", "control character U+001B")])
def test_control_and_bidi_characters_are_refused_in_every_column(column, character, named):
    cell = (CELLS.get(column) or "Text") + character + "x"
    row = read(**{column: cell})
    problems = [p for p in row.problems if p.field == column]
    assert problems and named in problems[0].problem, row.problems
    assert str(problems[0]).startswith(f"test.csv:7: {column}: contains the ")
