"""`flask directory import`: replace directory.yaml with the rows of a CSV file, all or nothing.

Every row is checked with the same validation as the app's start-up, and every problem of
every row is reported as `file:line: column: problem`; with any problem, nothing is written.
Otherwise the new file is written to a temporary file beside directory.yaml, each entry read
back as the app will read it, and only then moved over the old one with os.replace (atomic on
one file system), keeping the old file's permissions. A crash or a bad file loses nothing.

Memory: the file is read and checked one row at a time (only each row's record is kept), and
written and read back one entry at a time; the file's size and rows are capped (csvrows.py).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ..content import directory as models
from ..content import yamlfile
from ..content.models import Helpline
from ..content.schema import Fields
from ..content.yamlfile import ContentError
from . import csvrows, store


def _validate(row: csvrows.Row, helplines: dict[str, Helpline]) -> list[ContentError]:
    """The validator's problems with a row, each in the column its field came from. A column
    whose cell could not be read is reported once, not again as missing."""
    flagged = {p.field for p in row.problems}
    found: list[ContentError] = []
    models.organization(Fields(row.path, models.as_node(row.record, row.line), "", row.line),
                        helplines, found)
    problems = []
    for exc in found:
        column = row.column_of(exc.field)
        if column not in flagged:
            problems.append(ContentError(row.path, row.line, column, exc.problem))
    return problems


def read_csv(path: Path, helplines: dict[str, Helpline]) -> tuple[list[dict], list[ContentError]]:
    """Every row as a record, and every problem found in the file (none means all rows are
    valid as directory entries), in the order of lines and columns."""
    records: list[dict] = []
    problems: list[ContentError] = []
    seen: dict[str, int] = {}
    for row in csvrows.rows(path):
        if isinstance(row, ContentError):
            problems.append(row)
            continue
        problems.extend(row.problems)
        problems.extend(_validate(row, helplines))
        ident = row.record.get("id")
        if ident in seen:
            problems.append(ContentError(row.path, row.line, "id", f"{ident!r} is used twice (also on "
                                                                  f"line {seen[ident]})"))
        elif ident:
            seen[ident] = row.line
        records.append(row.record)
    if not records and not problems:
        problems.append(ContentError(path, 2, "(file)", "has no organizations: add one row per organization"))
    order = {name: i for i, name in enumerate(csvrows.columns(synthetic=True))}
    problems.sort(key=lambda p: (p.line, order.get(p.field, len(order))))
    return records, problems


def _read_back(tmp: Path, text: str, line: int, record: dict) -> None:
    """One entry's text, read with the app's loader, must give back exactly the record that
    was validated (so the app builds from it what was checked). An entry is read on its own:
    the whole file is never held twice. Problems name the entry's line in the file."""
    try:
        data = yamlfile.loads(text, tmp)
    except ContentError as exc:
        raise ContentError(exc.path, exc.line + line - 1, exc.field, exc.problem) from None
    if store.plain(data) != [store.as_read(record)]:
        raise ContentError(tmp, line, "(file)", f"the entry {record.get('id')!r} does not read back as "
                                                "it was written")


def replace(target: Path, records: list[dict]) -> None:
    """Write `records` as the directory file `target`, atomically: the old file stays whole
    until the new one has been written, synced and read back as the app reads it. Raises
    ContentError (and leaves `target` as it was) if the new file would not read back."""
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=".directory-", suffix=".yaml.tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(store.HEADER)
            line = store.HEADER.count("\n") + 1
            for record in records:
                text = store.entry(record)
                fh.write("\n")
                line += 1
                _read_back(tmp, text, line, record)
                fh.write(text)
                line += text.count("\n")
            fh.flush()
            os.fsync(fh.fileno())
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def import_csv(source: Path, target: Path, helplines: dict[str, Helpline]) -> tuple[int, list[ContentError]]:
    """Replace `target` (directory.yaml) with the rows of `source` when every row is valid;
    otherwise leave it untouched. Returns the number of rows and the problems."""
    records, problems = read_csv(source, helplines)
    if problems:
        return 0, problems
    try:
        replace(target, records)
    except ContentError as exc:
        return 0, [exc]
    except OSError as exc:
        # A full disk or a read-only folder: say so plainly; the old file is still whole.
        return 0, [ContentError(target, 0, "(file)", f"could not be replaced: {exc.strerror or exc}")]
    return len(records), []
