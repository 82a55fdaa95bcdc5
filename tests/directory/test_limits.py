"""The directory import's limits: a file too large or with too many rows is refused with a
message that says what to do instead, and the largest file it accepts imports in under 200 MB
of memory (measured in a process of its own, as `flask directory import` runs)."""

import csv
import subprocess
import sys

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


def largest_accepted(path) -> None:
    """MAX_ROWS organizations filling the file nearly to MAX_BYTES: every column, descriptions in
    several languages, names and ids all different."""
    texts = {"es": "Ayuda legal gratuita para trabajadores del campo y sus familias, en varios idiomas.",
             "vi": "Trợ giúp pháp lý miễn phí cho công nhân nông trại và gia đình họ, bằng nhiều ngôn ngữ.",
             "ar": "مساعدة قانونية مجانية لعمال المزارع وعائلاتهم، بعدة لغات.",
             "ru": "Бесплатная юридическая помощь сельхозработникам и их семьям на нескольких языках."}
    letters = "abcdefghijklmnopqrstuvwxyz"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=csvrows.columns(), lineterminator="\r\n")
        writer.writeheader()
        for i in range(csvrows.MAX_ROWS):
            word = "".join(letters[(i // 26 ** k) % 26] for k in range(4))
            row = dict(REGIONAL, id=f"org-{word}", name=f"Workers Center {word.title()}",
                       description="Free legal help for farmworkers and their families, in several languages.",
                       services="legal; immigration-legal; labor-rights", area="TX; NM; OK",
                       web_url=f"https://{word}.example.org", email=f"help@{word}.example.org",
                       source=f"https://{word}.example.org/about", hours="Monday to Friday, morning and afternoon.")
            row |= {f"description_{code}": text for code, text in texts.items()}
            writer.writerow(row)


MEASURE = """
import resource, sys
from pathlib import Path
from webapp import create_app
from webapp.directory import importer, store
app = create_app({"TESTING": True, "CONTENT_DIR": sys.argv[1]})
with app.app_context():
    count, problems = importer.import_csv(Path(sys.argv[2]), store.path_in(sys.argv[1]),
                                          app.extensions["guide_content"].helplines)
print(count, len(problems), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_the_largest_accepted_file_imports_in_under_200_mb(content_copy, tmp_path):
    source = tmp_path / "largest.csv"
    largest_accepted(source)
    assert csvrows.MAX_BYTES * 0.9 < source.stat().st_size <= csvrows.MAX_BYTES
    run = subprocess.run([sys.executable, "-c", MEASURE, str(content_copy), str(source)], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    count, problems, peak_kb = map(int, run.stdout.split())
    assert (count, problems) == (csvrows.MAX_ROWS, 0), run.stderr
    # The whole process: Python, the app and the import (about 90 MB when measured).
    assert peak_kb < 200 * 1024, f"{peak_kb / 1024:.0f} MB"
    assert (content_copy / "directory.yaml").read_text(encoding="utf-8").count("\n- id: ") == csvrows.MAX_ROWS


def test_the_limits_are_the_ones_the_readme_gives():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{csvrows.MAX_ROWS:,} organizations" in readme and f"{csvrows.MAX_BYTES // 2**20} MB" in readme
