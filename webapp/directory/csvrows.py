"""The directory as a spreadsheet: one CSV row per organization, mapped to and from the records
of directory.yaml (store.py).

A row read from a file becomes a `Row`: the record, the problems of cells that could not be
read at all (a phone number, a yes/no, a formula), and the column each field of the record came
from, keyed by the name the validator gives that field (`phones[1]`, `text.keyword`). So a
problem the validator finds in `phones[1].display` is reported in the `tty` column by a lookup,
without taking the field name apart. The columns and their meaning are in the README
("Directory CSV for deployers").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .. import textrules
from ..content import directory as models
from ..content.models import (DISPLAY_CHARACTERS, E164_US, LETTERS_FORM_CHARACTERS, SHORT_CODE,
                              foreign_characters)
from ..content.schema import ENFORCEMENT, field_name, item_name
from ..content.vocabulary import NATIONAL
from ..content.yamlfile import ContentError

# Each kind of phone has its own column; in the record they share one `phones` list.
KIND_COLUMN = {"voice": "phone", "tty": "tty", "video": "video", "abroad": "abroad"}


def description_columns() -> list[str]:
    return [f"description_{code}" for code in models.locales_for_text()]


def columns(synthetic: bool = False) -> list[str]:
    """The CSV columns, in the order export writes them."""
    cols = ["id", "helpline", "name", "description", *description_columns(), "services",
            "populations", "languages", "area", *KIND_COLUMN.values(), "text", "text_keyword",
            "chat_url", "web_url", "email", "hours", "law_enforcement", "source", "verified_on"]
    return cols + ["synthetic"] if synthetic else cols


# The column of each field of a record when the row does not hold it (a problem such as "is
# required" names a field the row left empty). Fields the row holds are in Row.columns.
FIELD_COLUMN = {key: key for key in models.FIELDS} | {
    "descriptions": "description", "phones": KIND_COLUMN["voice"]}


# -- spreadsheet formulas (OWASP, "CSV Injection") -----------------------------------------------
# A cell starting with one of these may be run as a formula by the spreadsheet that opens the
# file: export puts a ' in front (spreadsheets then show it as text), import takes that ' off
# again, and refuses such text where people read it (a phone number like +1 512 … is fine).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def free_text_columns() -> list[str]:
    return ["name", "description", *description_columns(), "hours", "text_keyword"]


def neutralize(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def unneutralize(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


# -- cells -----------------------------------------------------------------------------------
LIST_SPLIT = re.compile(r"\s*[;,]\s*")
PHONE_SPLIT = re.compile(r"\s*;\s*")
TRUE = {"yes", "y", "true", "1"}
FALSE = {"no", "n", "false", "0"}
# A phone cell holds numbers as published, separated by ";"; a number may be followed by its
# letters form in brackets, as the line publishes it: "1-844-762-8483 (1-844-7NATIVE)".
WITH_LETTERS = re.compile(r"(?P<display>.*?)\s*\((?P<vanity>[^()]*[A-Za-z][^()]*)\)")
PHONE_EXAMPLE = "1-844-762-8483 (1-844-7NATIVE)"


def phone_number(display: str) -> str | None:
    """The dialable number for a number as published: +1 and ten digits, or a short code."""
    digits = re.sub(r"\D", "", display)
    if re.search(r"[A-Za-z]", display):
        return None
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    elif SHORT_CODE.match(digits) and len(digits) <= 6:
        return digits
    number = "+1" + digits
    return number if E164_US.match(number) else None


def _split(cell: str) -> list[str]:
    return [v for v in LIST_SPLIT.split(cell.strip()) if v]


# -- CSV row → record ------------------------------------------------------------------------
@dataclass
class Row:
    """One row of a CSV file read as a record of directory.yaml."""

    path: Path
    line: int
    cells: dict[str, str]
    record: dict = field(default_factory=dict)
    # Field name, as the validator names it → the column its value came from.
    columns: dict[str, str] = field(default_factory=dict)
    # Cells that could not be read; the validator's problems in these columns are left out.
    problems: list[ContentError] = field(default_factory=list)

    def get(self, column: str) -> str:
        return unneutralize((self.cells.get(column) or "").strip())

    def problem(self, column: str, text: str) -> None:
        self.problems.append(ContentError(self.path, self.line, column, text))

    def put(self, name: str, value, column: str) -> None:
        """Note that field `name` (and every field inside its value) came from `column`."""
        self.columns[name] = column
        if isinstance(value, dict):
            for key, inner in value.items():
                self.put(field_name(name, key), inner, column)
        elif isinstance(value, list):
            for i, inner in enumerate(value):
                self.put(item_name(name, i), inner, column)

    def set(self, key: str, value, column: str) -> None:
        self.record[key] = value
        self.put(key, value, column)

    def column_of(self, name: str) -> str:
        """The column to report a problem in field `name` in."""
        return self.columns.get(name) or FIELD_COLUMN.get(name, name)


def read_row(path: Path, line: int, cells: dict[str, str]) -> Row:
    """The record of a row; problems of CSV syntax (phones, lists, yes/no, formulas, control
    characters) are recorded against their column."""
    row = Row(Path(path), line, cells)
    for column, cell in cells.items():
        if problem := textrules.unsafe_character(cell):
            row.problem(column, problem)
    for column in free_text_columns():
        value = row.get(column)
        if value.startswith(FORMULA_START):
            row.problem(column, f"starts with {value[0]!r}, which a spreadsheet could run as a "
                                "formula: remove that character")
    for key in ("id", "helpline", "name", "description"):
        if row.get(key):
            row.set(key, row.get(key), key)
    descriptions = {c: row.get(c) for c in description_columns() if row.get(c)}
    if descriptions:
        row.set("descriptions", {c.removeprefix("description_"): text for c, text in descriptions.items()},
                FIELD_COLUMN["descriptions"])
        for column, text in descriptions.items():
            row.put(field_name("descriptions", column.removeprefix("description_")), text, column)
    for key in ("services", "populations", "languages"):
        if row.get(key):
            row.set(key, _split(row.get(key)), key)
    area = row.get("area")
    if area:
        row.set("area", NATIONAL if area.lower() == NATIONAL else [v.upper() for v in _split(area)], "area")
    _phones(row)
    _text(row)
    for key in ("chat_url", "web_url", "email", "hours", "source", "verified_on"):
        if row.get(key):
            row.set(key, row.get(key), key)
    for key in ("law_enforcement", "synthetic"):
        value = row.get(key).lower()
        if value in TRUE:
            row.set(key, True, key)
        elif value in FALSE:
            row.set(key, False, key)
        elif key == "law_enforcement" and value in ENFORCEMENT:
            row.set(key, value, key)
        elif value and key == "law_enforcement":
            row.problem(key, f"{row.get(key)!r} must be no, yes, or one of {', '.join(ENFORCEMENT)}")
        elif value:
            row.problem(key, f"{row.get(key)!r} must be yes or no")
    return row


def _foreign(row: Row, column: str, cell: str, display: str, vanity: str | None) -> bool:
    """Whether the number (or its letters form) holds characters a number cannot, said once."""
    bad = foreign_characters(display, DISPLAY_CHARACTERS)
    if vanity is not None:
        bad = bad or foreign_characters(vanity, LETTERS_FORM_CHARACTERS)
    if bad:
        row.problem(column, f"{cell!r} has {bad}: write each number as published, with digits, "
                            "spaces and + - ( ) . only, and a letters form in brackets after it "
                            f"(for example {PHONE_EXAMPLE})")
    return bool(bad)


def _phones(row: Row) -> None:
    """The phone columns, each a list of numbers as published, into one `phones` list."""
    phones, sources = [], []
    for kind, column in KIND_COLUMN.items():
        for cell in [v for v in PHONE_SPLIT.split(row.get(column)) if v]:
            letters = WITH_LETTERS.fullmatch(cell)
            display, vanity = (letters["display"], letters["vanity"].strip()) if letters else (cell, None)
            if _foreign(row, column, cell, display, vanity):
                continue
            number = phone_number(display)
            if number is None:
                row.problem(column, f"{display!r} is not a U.S. phone number with its area code "
                                    "(10 digits) or a short code (3 to 6 digits)")
                continue
            phone = {"number": number, "display": display, "kind": kind}
            if vanity:
                phone["vanity"] = vanity
            phones.append(phone)
            sources.append(column)
    if phones:
        row.set("phones", phones, FIELD_COLUMN["phones"])
        for i, (phone, column) in enumerate(zip(phones, sources)):
            row.put(item_name("phones", i), phone, column)


def _text(row: Row) -> None:
    number_cell, keyword = row.get("text"), row.get("text_keyword")
    if number_cell:
        if _foreign(row, "text", number_cell, number_cell, None):
            return
        number = phone_number(number_cell)
        if number is None:
            row.problem("text", f"{number_cell!r} is not a U.S. phone number or a short code")
            return
        row.set("text", {"number": number}, "text")
        if keyword:
            row.record["text"]["keyword"] = keyword
            row.put(field_name("text", "keyword"), keyword, "text_keyword")
    elif keyword:
        row.problem("text_keyword", "needs a number in the text column")


# -- record → CSV row ------------------------------------------------------------------------
def _yes_no(value) -> str:
    if value is None or value == "":
        return ""
    return "yes" if value is True else "no" if value is False else str(value)


def to_row(record: dict) -> dict[str, str]:
    """The cells of a record, as people read them (not yet neutralized)."""
    row = {key: str(record.get(key) or "") for key in ("id", "helpline", "name", "description",
                                                       "chat_url", "web_url", "email", "hours",
                                                       "source")}
    for code, text in (record.get("descriptions") or {}).items():
        row[f"description_{code}"] = text
    for key in ("services", "populations", "languages"):
        row[key] = "; ".join(record.get(key) or [])
    area = record.get("area")
    row["area"] = area if isinstance(area, str) else "; ".join(area or [])
    phones = record.get("phones") or []
    for kind, column in KIND_COLUMN.items():
        row[column] = "; ".join(str(p.get("display", "")) + (f" ({p['vanity']})" if p.get("vanity") else "")
                                for p in phones if p.get("kind") == kind)
    text = record.get("text") or {}
    if text:
        same = next((p for p in phones if p.get("number") == text.get("number")), None)
        row["text"] = str(same["display"]) if same else str(text.get("number", ""))
        row["text_keyword"] = str(text.get("keyword") or "")
    row["law_enforcement"] = _yes_no(record.get("law_enforcement"))
    row["verified_on"] = str(record.get("verified_on") or "")
    if record.get("synthetic"):
        row["synthetic"] = "yes"
    return row


def write(records: list[dict], out) -> None:
    """The records as CSV, every cell a spreadsheet could run written as text."""
    synthetic = any(r.get("synthetic") for r in records)
    # CRLF rows (RFC 4180): the csv module then quotes any cell holding a CR, too.
    writer = csv.DictWriter(out, fieldnames=columns(synthetic), lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({column: neutralize(cell) for column, cell in to_row(record).items()})


# -- CSV file → rows -------------------------------------------------------------------------
# Every reader's phone keeps the whole directory, in every language, for offline use, and the
# import checks it all in memory: these bound both. With the largest file accepted, an import
# stays under 200 MB of memory (tests/directory/test_limits.py measures it).
MAX_ROWS = 10_000
MAX_BYTES = 8 * 1024 * 1024
TOO_MANY = ("Every reader's phone keeps the whole directory, in every language, for offline use. List "
            "the organizations your readers' region needs (the national referral directories on the Find "
            "services page cover the rest), or run one guide per region, each with its own directory.")


def rows(path: Path) -> Iterator[Row | ContentError]:
    """Each non-empty row of a CSV file, read (not validated), one at a time, and the problems
    of the file itself: size, encoding, CSV syntax, columns, rows longer than the header, too
    many rows. A problem of the file as a whole ends the reading."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        yield ContentError(path, 0, "(file)", "is missing")
        return
    if size > MAX_BYTES:
        yield ContentError(path, 0, "(file)", f"is {size / 2**20:.1f} MB; a directory file may be at most "
                                              f"{MAX_BYTES // 2**20} MB. {TOO_MANY}")
        return
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            yield ContentError(path, 1, "(file)", "is empty: the first row must name the columns")
            return
        except csv.Error as exc:
            yield ContentError(path, 1, "(file)", f"is not valid CSV ({exc})")
            return
        except UnicodeDecodeError as exc:
            yield ContentError(path, 1, "(file)", f"is not UTF-8 text ({exc.reason}); save it as CSV UTF-8")
            return
        header = [h.strip() for h in header]
        problems: list[ContentError] = []
        known = set(columns(synthetic=True))
        for name in header:
            if name not in known:
                problems.append(ContentError(path, 1, name or "(empty)", "is not a known column (see README, "
                                                                        "Directory CSV for deployers)"))
            elif header.count(name) > 1:
                problems.append(ContentError(path, 1, name, "appears twice"))
        if "id" not in header:
            problems.append(ContentError(path, 1, "id", "the column is required"))
        if problems:
            yield from problems
            return
        count = 0
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield ContentError(path, start, "(row)", f"is not valid CSV ({exc})")
                return
            except UnicodeDecodeError as exc:
                yield ContentError(path, start, "(file)", f"is not UTF-8 text ({exc.reason}); save it as "
                                                          "CSV UTF-8")
                return
            if not any(c.strip() for c in cells):
                continue
            count += 1
            if count > MAX_ROWS:
                yield ContentError(path, start, "(file)", f"has more than {MAX_ROWS:,} organizations; a "
                                                          f"directory may hold at most {MAX_ROWS:,}. {TOO_MANY}")
                return
            if len(cells) > len(header):
                yield ContentError(path, start, "(row)", f"has {len(cells)} cells but the header names "
                                                         f"{len(header)} columns")
                continue
            yield read_row(path, start, dict(zip(header, cells)))


def read(path: Path) -> tuple[list[Row], list[ContentError]]:
    """Every non-empty row of a CSV file, read (not validated), and the problems of the file
    itself (see rows())."""
    found: list[Row] = []
    problems: list[ContentError] = []
    for item in rows(path):
        (problems if isinstance(item, ContentError) else found).append(item)
    return found, problems
