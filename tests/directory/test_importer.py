"""The import itself: every problem in its column, and an all-or-nothing swap of the file."""

import os

import pytest

from tests.conftest import ROOT
from webapp.content import DEFAULT_DIR, load
from webapp.directory import csvrows, importer, store


@pytest.fixture(scope="module")
def helplines():
    return load(DEFAULT_DIR, ROOT / "static" / "icons" / "industries").helplines


ROW = {"id": "example", "name": "Example", "description": "Legal help.", "services": "legal",
       "populations": "workers", "languages": "en", "area": "TX", "phone": "512-555-0100",
       "source": "https://example.org/about", "verified_on": "2026-01-15", "law_enforcement": "no"}


def write_csv(path, *rows):
    header = csvrows.columns()
    lines = [",".join(header)] + [",".join(row.get(c, "") for c in header) for row in rows]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_a_problem_inside_a_field_is_reported_in_its_column(tmp_path, helplines):
    source = write_csv(tmp_path / "in.csv", dict(ROW, description_es="Visita www.example.org", tty="711",
                                                  video="1-800-555-0100", text_keyword="two words",
                                                  text="512-555-0100"))
    records, problems = importer.read_csv(source, helplines)
    assert [(p.line, p.field) for p in problems] == [(2, "description_es"), (2, "text_keyword")], problems
    assert "must not contain a web or e-mail address" in problems[0].problem
    assert "must be one word" in problems[1].problem


def test_a_cell_that_cannot_be_read_is_reported_once(tmp_path, helplines):
    # The bad number leaves the row without phones: "needs one way to reach it" would name the
    # same column again.
    source = write_csv(tmp_path / "in.csv", dict(ROW, phone="555-0100"))
    _, problems = importer.read_csv(source, helplines)
    assert [(p.field, p.problem.split(" is ")[0]) for p in problems] == [("phone", "'555-0100'")]


def test_a_good_import_swaps_the_file_and_keeps_its_mode(tmp_path, helplines):
    target = tmp_path / store.FILENAME
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o600)
    count, problems = importer.import_csv(write_csv(tmp_path / "in.csv", ROW), target, helplines)
    assert (count, problems) == (1, [])
    assert store.read(target)[0]["id"] == "example"
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["directory.yaml", "in.csv"]


def test_a_file_that_fails_at_the_last_step_loses_nothing(tmp_path, helplines, monkeypatch):
    target = tmp_path / store.FILENAME
    target.write_text("old\n", encoding="utf-8")
    source = write_csv(tmp_path / "in.csv", ROW)
    # The rows pass, but the written file would not load as the app loads it.
    monkeypatch.setattr(store, "entry", lambda record: "- id: [broken\n")
    count, problems = importer.import_csv(source, target, helplines)
    assert count == 0 and len(problems) == 1 and problems[0].field == "(syntax)"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["directory.yaml", "in.csv"]


def test_a_crash_while_swapping_loses_nothing(tmp_path, helplines, monkeypatch):
    target = tmp_path / store.FILENAME
    target.write_text("old\n", encoding="utf-8")
    source = write_csv(tmp_path / "in.csv", ROW)

    def full_disk(src, dst):
        assert (tmp_path / os.path.basename(src)).exists()   # the new file was written beside the old
        raise OSError("No space left on device")

    monkeypatch.setattr(importer.os, "replace", full_disk)
    count, problems = importer.import_csv(source, target, helplines)
    assert count == 0 and [str(p) for p in problems] == [
        f"{target}:0: (file): could not be replaced: No space left on device"]
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["directory.yaml", "in.csv"]


def test_an_entry_that_reads_back_otherwise_loses_nothing(tmp_path, helplines, monkeypatch):
    """A dumper and a loader that disagree (here: a quoted 'yes' written bare) stop the swap
    at the entry's own line of the new file."""
    target = tmp_path / store.FILENAME
    target.write_text("old\n", encoding="utf-8")
    source = write_csv(tmp_path / "in.csv", ROW, dict(ROW, id="second", hours="yes"))
    written = store.entry
    monkeypatch.setattr(store, "entry", lambda record: written(record).replace("'yes'", "yes"))
    count, problems = importer.import_csv(source, target, helplines)
    first = store.HEADER.count("\n") + 2
    assert count == 0 and [(p.line, p.field) for p in problems] == [
        (first + written(importer.read_csv(source, helplines)[0][0]).count("\n") + 1, "(file)")]
    assert "'second' does not read back as it was written" in problems[0].problem
    assert target.read_text(encoding="utf-8") == "old\n"
