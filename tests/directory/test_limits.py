"""The directory import's limits: a file too large or with too many rows is refused with a
message that says what to do instead. How much memory the largest accepted file takes to import
is a figure of `make bench` (bench/directory.py), not a test: it costs 20 CPU-seconds."""


from tests.conftest import ROOT
from webapp.directory import csvrows

from .test_import import REGIONAL, write_rows

ADVICE = "List the organizations your readers' region needs"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(cli, content_copy, tmp_path):
    before = (content_copy / "directory.yaml").read_bytes()
    source = tmp_path / "huge.csv"
    with source.open("wb") as fh:
        fh.write(b"id,name\n")
        fh.truncate(csvrows.MAX_BYTES + 1)
    result = cli("import", str(source))
    assert result.exit_code != 0
    assert f"{source}:0: (file): is 8.0 MB; a directory file may be at most 8 MB." in result.stderr
    assert ADVICE in result.stderr and "one guide per region" in result.stderr
    assert (content_copy / "directory.yaml").read_bytes() == before


def test_too_many_rows_are_refused_with_what_to_do(cli, content_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(csvrows, "MAX_ROWS", 3)
    before = (content_copy / "directory.yaml").read_bytes()
    source = tmp_path / "many.csv"
    write_rows(source, [dict(REGIONAL, id=f"example-{word}") for word in ("one", "two", "three", "four")])
    result = cli("import", str(source))
    assert result.exit_code != 0
    assert f"{source}:5: (file): has more than 3 organizations; a directory may hold at most 3." in result.stderr
    assert ADVICE in result.stderr
    assert (content_copy / "directory.yaml").read_bytes() == before
    monkeypatch.setattr(csvrows, "MAX_ROWS", 4)
    assert cli("import", str(source)).exit_code == 0


def test_the_limits_are_the_ones_the_readme_gives():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{csvrows.MAX_ROWS:,} organizations" in readme and f"{csvrows.MAX_BYTES // 2**20} MB" in readme
