"""`flask directory import FILE.csv` and `flask directory export`: a file with bad rows is rejected
with every problem named `file:line: column: problem` and the data untouched; a good file
replaces the data atomically."""

import csv
import io
import os
import re

import pytest

from tests.htmlparse import parse
from webapp import create_app
from webapp.directory import csvrows


def exported(cli) -> str:
    result = cli("export")
    assert result.exit_code == 0, result.output
    return result.stdout


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def write_rows(path, rows: list[dict], columns=None) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns or csvrows.columns())
        writer.writeheader()
        writer.writerows(rows)


REGIONAL = {
    "id": "example-legal", "name": "Example Legal Aid", "description": "Free legal help for workers.",
    "description_es": "Ayuda legal gratuita para trabajadores.", "services": "legal; immigration-legal",
    "populations": "workers, farmworkers", "languages": "en; es; vi", "area": "tx; OK",
    "phone": "(512) 555-0100", "tty": "711", "text": "512-555-0100", "text_keyword": "HELP",
    "web_url": "https://example.org", "email": "help@example.org", "hours": "Monday to Friday.",
    "law_enforcement": "no", "source": "https://example.org/about", "verified_on": "2026-01-15",
}


def test_export_then_import_changes_nothing(cli, content_copy, tmp_path):
    before = (content_copy / "directory.yaml").read_bytes()
    text = exported(cli)
    rows = rows_of(text)
    assert [r["id"] for r in rows][:2] == ["nhth", "stronghearts"]
    assert rows[0]["helpline"] == "nhth" and rows[0]["area"] == "national"
    source = tmp_path / "directory.csv"
    source.write_text(text, encoding="utf-8")
    result = cli("import", str(source))
    assert result.exit_code == 0, result.output
    assert (content_copy / "directory.yaml").read_bytes() == before


def test_a_good_file_replaces_the_data(cli, content_copy, tmp_path):
    target = content_copy / "directory.yaml"
    os.chmod(target, 0o640)
    rows = rows_of(exported(cli)) + [REGIONAL]
    source = tmp_path / "new.csv"
    write_rows(source, rows)
    result = cli("import", str(source))
    assert result.exit_code == 0, result.output
    assert f"{len(rows)} organizations" in result.output
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert not [p.name for p in content_copy.iterdir() if p.name.startswith(".directory-")]

    client = create_app({"TESTING": True, "CONTENT_DIR": str(content_copy)}).test_client()
    card = parse(client.post("/es/services/", data={"state": "TX", "q": "ayuda"}).data).find("li", id="org-example-legal")
    assert card is not None
    assert "Ayuda legal gratuita para trabajadores." in card.text
    hrefs = {a.attrs["href"] for a in card.find_all("a")}
    assert {"tel:+15125550100", "tel:711", "sms:+15125550100?body=HELP", "mailto:help@example.org"} <= hrefs
    assert "(512) 555-0100" in card.text
    # Organizations of another state are not shown; national ones come after the state's own,
    # except the hotline, which is in every search, first.
    assert client.post("/en/services/", data={"state": "CA", "q": "example"}).data.decode().count("org-example-legal") == 0
    ids = re.findall(r'id="org-([a-z0-9-]+)"', client.post("/en/services/", data={"state": "TX"}).data.decode())
    assert ids[:2] == ["nhth", "example-legal"]
    # And the export carries it back out the same.
    again = {r["id"]: r for r in rows_of(exported(lambda *a: create_app(
        {"TESTING": True, "CONTENT_DIR": str(content_copy)}).test_cli_runner().invoke(args=["directory", *a])))}
    assert again["example-legal"]["phone"] == "(512) 555-0100" and again["example-legal"]["area"] == "TX; OK"


def test_bad_rows_are_each_named_and_nothing_changes(cli, content_copy, tmp_path):
    target = content_copy / "directory.yaml"
    before = target.read_bytes()
    source = tmp_path / "bad.csv"
    bad_cells = dict(REGIONAL, id="bad-one", services="legal; shelter", phone="555-0100", area="TX; ZZ")
    no_id = dict(REGIONAL, id="", law_enforcement="maybe")
    helpline_row = {"id": "hotline", "helpline": "nhtx", "services": "hotline", "populations": "everyone",
                    "languages": "en", "area": "national", "phone": "1-888-373-7888"}
    two_lines = dict(REGIONAL, id="two-lines", description="First line.\nSecond line.")
    duplicate = dict(REGIONAL, verified_on="11/28/2026", languages="en; xx-YY")
    write_rows(source, [REGIONAL, bad_cells, no_id, helpline_row, two_lines, duplicate])

    result = cli("import", str(source))
    assert result.exit_code != 0
    problems = [line for line in result.stderr.splitlines() if line and not line.startswith("Error:")]
    for line in problems:
        assert re.match(r"^.*bad\.csv:\d+: [\w()-]+: .+$", line), line
    found = {(int(m.group(1)), m.group(2)) for m in (re.match(r".*bad\.csv:(\d+): ([\w()-]+): ", p) for p in problems)}
    expected = {
        (3, "services"), (3, "phone"), (3, "area"),
        (4, "id"), (4, "law_enforcement"),
        (5, "helpline"), (5, "phone"), (5, "languages"),
        (6, "description"),
        (8, "id"), (8, "verified_on"), (8, "languages"),
    }
    assert found == expected, problems
    text = result.stderr
    assert "'shelter' is not a service" in text and "'ZZ' is not a two-letter state" in text
    assert "'555-0100' is not a U.S. phone number" in text
    assert "comes from helplines.yaml" in text and "'nhtx' is not a helpline id" in text
    assert "must be one line" in text and "'example-legal' is used twice (also on line 2)" in text
    assert "is not a date (YYYY-MM-DD)" in text
    assert "was not changed" in result.output
    assert target.read_bytes() == before
    assert sorted(p.name for p in content_copy.iterdir()) == sorted(p.name for p in content_copy.iterdir()
                                                                    if not p.name.startswith("."))


def test_unknown_and_missing_columns(cli, content_copy, tmp_path):
    source = tmp_path / "columns.csv"
    source.write_text("name,servces\nExample,legal\n", encoding="utf-8")
    result = cli("import", str(source))
    assert result.exit_code != 0
    assert re.search(r"columns\.csv:1: servces: is not a known column", result.stderr)
    assert re.search(r"columns\.csv:1: id: the column is required", result.stderr)


@pytest.mark.parametrize("content, problem", [
    (b"", "is empty"),
    (b"id,services\n", "has no organizations"),
    ("id,name\nx,Caf\xe9\n".encode("latin-1"), "is not UTF-8"),
])
def test_empty_or_unreadable_files(cli, content_copy, tmp_path, content, problem):
    before = (content_copy / "directory.yaml").read_bytes()
    source = tmp_path / "odd.csv"
    source.write_bytes(content)
    result = cli("import", str(source))
    assert result.exit_code != 0 and problem in result.stderr
    assert (content_copy / "directory.yaml").read_bytes() == before


def test_missing_file(cli, tmp_path):
    result = cli("import", str(tmp_path / "nowhere.csv"))
    assert result.exit_code != 0 and "is missing" in result.stderr


def test_export_to_a_file_for_spreadsheets(cli, content_copy, tmp_path):
    out = tmp_path / "out.csv"
    result = cli("export", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,helpline,")  # a BOM, so Excel reads UTF-8
    before = (content_copy / "directory.yaml").read_bytes()
    assert cli("import", str(out)).exit_code == 0
    assert (content_copy / "directory.yaml").read_bytes() == before


def test_import_refuses_formulas_in_text_but_reads_phone_numbers(cli, content_copy, tmp_path):
    before = (content_copy / "directory.yaml").read_bytes()
    source = tmp_path / "formulas.csv"
    rows = [dict(REGIONAL, id="f1", name="=cmd|' /C calc'!A0"),
            dict(REGIONAL, id="f2", description="+1 more", hours="@SUM(A1)"),
            dict(REGIONAL, id="f3", description_es="'-2+3", hours="\t=1+1")]
    write_rows(source, rows)
    result = cli("import", str(source))
    assert result.exit_code != 0
    found = set(re.findall(r"formulas\.csv:(\d+): ([\w-]+): starts with '(.{1,2})', which a spreadsheet "
                           r"could run as a formula", result.stderr))
    assert found == {("2", "name", "="), ("3", "description", "+"), ("3", "hours", "@"),
                     ("4", "description_es", "-"), ("4", "hours", "=")}, result.stderr
    assert (content_copy / "directory.yaml").read_bytes() == before

    # Phone numbers starting with + are fine, as typed or as export writes them.
    write_rows(source, [*rows_of(exported(cli)), dict(REGIONAL, phone="+1 512 555 0100",
                                                      tty="'+1 512 555 0101")])
    result = cli("import", str(source))
    assert result.exit_code == 0, result.output
    again = {r["id"]: r for r in rows_of(exported(cli))}
    assert again["example-legal"]["phone"] == "'+1 512 555 0100"
    assert again["example-legal"]["tty"] == "'+1 512 555 0101"


def test_control_characters_and_odd_numbers_are_refused_by_column(cli, content_copy, tmp_path):
    """What was accepted before: NUL and a right-to-left override in names and descriptions
    (raw in the page and index.json), a number written =512*555*0100 ("Call =512*555*0100")."""
    before = (content_copy / "directory.yaml").read_bytes()
    source = tmp_path / "odd.csv"
    write_rows(source, [dict(REGIONAL, id="nul", name="Example\x00 Legal"),
                        dict(REGIONAL, id="rlo", description="Free legal help \u202eskrow rof."),
                        dict(REGIONAL, id="formula-phone", phone="=512*555*0100"),
                        dict(REGIONAL, id="letters", video="1-844-762-8483 (1-844-7NATIVE)")])
    result = cli("import", str(source))
    assert result.exit_code != 0
    lines = [line for line in result.stderr.splitlines() if not line.startswith("Error:")]
    assert lines == [
        f"{source}:2: name: contains the control character U+0000 at character 8: remove it",
        f"{source}:3: description: contains the bidirectional control character U+202E "
        "(RIGHT-TO-LEFT OVERRIDE) at character 17, which can make the text read otherwise than it is: remove it",
        f"{source}:4: phone: '=512*555*0100' has '=', '*': write each number as published, with digits, "
        "spaces and + - ( ) . only, and a letters form in brackets after it (for example "
        "1-844-762-8483 (1-844-7NATIVE))",
        f"{source}:5: video: only a voice number is shown with its letters form",
    ], result.stderr
    assert (content_copy / "directory.yaml").read_bytes() == before


def test_a_letters_form_reaches_the_page(cli, content_copy, tmp_path):
    source = tmp_path / "letters.csv"
    write_rows(source, [*rows_of(exported(cli)), dict(REGIONAL, phone="1-844-762-8483 (1-844-7NATIVE)")])
    result = cli("import", str(source))
    assert result.exit_code == 0, result.output
    index = create_app({"TESTING": True, "CONTENT_DIR": str(content_copy)}).test_client().get(
        "/en/services/index.json").get_json()
    assert ["+18447628483", "1-844-762-8483", "voice", "1-844-7NATIVE"] in [
        phone for phones in index["orgs"]["phones"] for phone in phones]
