"""directory.yaml ⇄ CSV, for deployers who keep their region's services in a spreadsheet.

Import checks every row with the same validation as the app's start-up and, on any problem,
prints each as `file:line: column: problem` and changes nothing. Only when every row is valid
is the YAML written to a temporary file beside directory.yaml, loaded back, and moved over it
with os.replace (atomic on one file system), keeping the old file's permissions.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import tempfile
from datetime import date
from pathlib import Path

import yaml

from ..content import directory as models
from ..content import yamlfile
from ..content.models import E164_US, PHONE_KINDS, SHORT_CODE, Helpline
from ..content.schema import ENFORCEMENT, Fields
from ..content.vocabulary import NATIONAL
from ..content.yamlfile import ContentError

FILENAME = "directory.yaml"
KIND_COLUMN = {"voice": "phone", "tty": "tty", "video": "video", "abroad": "abroad"}


def description_columns() -> list[str]:
    return [f"description_{code}" for code in models.locales_for_text()]


def columns(synthetic: bool = False) -> list[str]:
    """The CSV columns, in the order export writes them (README: "Directory CSV for deployers")."""
    cols = ["id", "helpline", "name", "description", *description_columns(), "services",
            "populations", "languages", "area", *KIND_COLUMN.values(), "text", "text_keyword",
            "chat_url", "web_url", "email", "hours", "law_enforcement", "source", "verified_on"]
    return cols + ["synthetic"] if synthetic else cols


HEADER = """\
# The directory of services shown on the "Find services" page, in every language and offline.
# Modeled on Open Referral HSDS. Validated at start-up: a problem stops the app with
# `file:line: field: problem`. Deployers: `flask directory export` writes it as CSV and
# `flask directory import FILE.csv` replaces it (see README, "Directory CSV for deployers").
#
#   id            lowercase-hyphenated, unique
#   helpline      id in helplines.yaml: name, description, numbers, hours, law_enforcement,
#                 source and verified_on then come from there (one source of truth for numbers)
#   name, description, hours   translatable text (extracted into messages.pot)
#   descriptions  optional text already written per locale, e.g. {es: "...", fr: "..."}
#   services      ids from webapp/content/vocabulary.py SERVICES
#   populations   ids from POPULATIONS ("everyone" matches every population filter)
#   languages     BCP 47 codes spoken by staff (en, es, zh-Hans...); the "interpretation"
#                 service means interpreters for other languages
#   area          national, or a list of two-letter state or territory codes
#   phones        number (E.164 or short code), display (as published), kind (voice|tty|video|abroad)
#   text          number and optional keyword;  chat_url, web_url, email: as published
#   law_enforcement  no, yes (police), federal, immigration or emergency: labelled on every result
#   source, verified_on   where the facts were checked, and when
#
# Only real organizations with published facts: never an invented name, number or address.
"""


# -- YAML ------------------------------------------------------------------------------------
class _Dumper(yaml.SafeDumper):
    pass


def _represent_list(dumper, data):
    flow = all(not isinstance(v, (dict, list, tuple)) for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_dict(dumper, data):
    return dumper.represent_mapping("tag:yaml.org,2002:map", list(data.items()), flow_style=False)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(tuple, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


def canonical(record: dict) -> dict:
    """A record with its fields, phones and descriptions in one fixed order, so the same data
    always gives the same file."""
    out = {}
    for key in models.FIELDS:
        if key not in record or record[key] in (None, "", [], {}):
            continue
        value = record[key]
        if key == "phones":
            order = {kind: i for i, kind in enumerate(PHONE_KINDS)}
            value = sorted(value, key=lambda p: order.get(p.get("kind"), len(order)))
            value = [{k: p[k] for k in ("number", "display", "kind") if k in p} for p in value]
        elif key == "descriptions":
            order = {code: i for i, code in enumerate(models.locales_for_text())}
            value = {k: value[k] for k in sorted(value, key=lambda c: order.get(c, len(order)))}
        elif key == "text":
            value = {k: value[k] for k in ("number", "keyword") if value.get(k)}
        elif key == "verified_on" and isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                pass
        elif key == "synthetic" and not value:
            continue
        out[key] = value
    return out


def dump_yaml(records: list[dict]) -> str:
    parts = [yaml.dump([canonical(r)], Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                       width=4096) for r in records]
    return HEADER + "\n" + "\n".join(parts)


def plain(value):
    """A line-aware node as plain Python data."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def read_records(path: Path) -> list[dict]:
    data = yamlfile.load(path)
    if not isinstance(data, list):
        raise ContentError(path, 1, "(file)", "must be a list of entries")
    return [plain(r) for r in data]


# -- spreadsheet formulas (OWASP, "CSV Injection") -----------------------------------------------
# A cell starting with one of these may be run as a formula by the spreadsheet that opens the
# file: export puts a ' in front (spreadsheets then show it as text), import takes that ' off
# again, and refuses such text where people read it (a phone number like +1 512 … is fine).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def free_text_columns() -> list[str]:
    return ["name", "description", *description_columns(), "hours", "text_keyword"]


def neutralize(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _unneutralize(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


# -- CSV → records -------------------------------------------------------------------------------
LIST_SPLIT = re.compile(r"\s*[;,]\s*")
TRUE = {"yes", "y", "true", "1"}
FALSE = {"no", "n", "false", "0"}


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


class _Row:
    def __init__(self, path: Path, line: int, cells: dict[str, str], problems: list[ContentError]):
        self.path, self.line, self.cells, self.problems = path, line, cells, problems

    def get(self, column: str) -> str:
        return _unneutralize((self.cells.get(column) or "").strip())

    def problem(self, column: str, text: str) -> None:
        self.problems.append(ContentError(self.path, self.line, column, text))


def _record(row: _Row) -> tuple[dict, dict[int, str]]:
    """A YAML-shaped record from a row; problems of CSV syntax (phones, lists, yes/no) are
    recorded against their column. Also returns the column of each phone, by position."""
    rec: dict = {}
    for column in free_text_columns():
        value = row.get(column)
        if value.startswith(FORMULA_START):
            row.problem(column, f"starts with {value[0]!r}, which a spreadsheet could run as a "
                                "formula: remove that character")
    for key in ("id", "helpline", "name", "description"):
        if row.get(key):
            rec[key] = row.get(key)
    descriptions = {c.removeprefix("description_"): row.get(c) for c in description_columns() if row.get(c)}
    if descriptions:
        rec["descriptions"] = descriptions
    for key in ("services", "populations", "languages"):
        if row.get(key):
            rec[key] = _split(row.get(key))
    area = row.get("area")
    if area:
        rec["area"] = NATIONAL if area.lower() == NATIONAL else [v.upper() for v in _split(area)]
    phones, phone_columns = [], {}
    for kind, column in KIND_COLUMN.items():
        for display in [v for v in re.split(r"\s*;\s*", row.get(column)) if v]:
            number = phone_number(display)
            if number is None:
                row.problem(column, f"{display!r} is not a U.S. phone number with its area code "
                                    "(10 digits) or a short code (3 to 6 digits)")
                continue
            phone_columns[len(phones)] = column
            phones.append({"number": number, "display": display, "kind": kind})
    if phones:
        rec["phones"] = phones
    if row.get("text"):
        number = phone_number(row.get("text"))
        if number is None:
            row.problem("text", f"{row.get('text')!r} is not a U.S. phone number or a short code")
        else:
            rec["text"] = {"number": number}
            if row.get("text_keyword"):
                rec["text"]["keyword"] = row.get("text_keyword")
    elif row.get("text_keyword"):
        row.problem("text_keyword", "needs a number in the text column")
    for key in ("chat_url", "web_url", "email", "hours", "source", "verified_on"):
        if row.get(key):
            rec[key] = row.get(key)
    for key in ("law_enforcement", "synthetic"):
        value = row.get(key).lower()
        if value in TRUE:
            rec[key] = True
        elif value in FALSE:
            rec[key] = False
        elif key == "law_enforcement" and value in ENFORCEMENT:
            rec[key] = value
        elif value and key == "law_enforcement":
            row.problem(key, f"{row.get(key)!r} must be no, yes, or one of {', '.join(ENFORCEMENT)}")
        elif value:
            row.problem(key, f"{row.get(key)!r} must be yes or no")
    return rec, phone_columns


def _column_of(field: str, phone_columns: dict[int, str]) -> str:
    if m := re.match(r"phones\[(\d+)\]", field):
        return phone_columns.get(int(m.group(1)), "phone")
    if field == "phones":
        return "phone"
    if field.startswith("text.keyword"):
        return "text_keyword"
    if field.startswith("descriptions."):
        return "description_" + field.split(".", 1)[1]
    return re.split(r"[\[.]", field, maxsplit=1)[0]


def read_csv(path: Path, helplines: dict[str, Helpline]) -> tuple[list[dict], list[ContentError]]:
    """Every row as a record, and every problem found in the file (none means all rows are
    valid as directory entries)."""
    path = Path(path)
    problems: list[ContentError] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return [], [ContentError(path, 0, "(file)", "is missing")]
    except UnicodeDecodeError as exc:
        return [], [ContentError(path, 1, "(file)", f"is not UTF-8 text ({exc.reason}); save it as "
                                                    "CSV UTF-8")]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return [], [ContentError(path, 1, "(file)", "is empty: the first row must name the columns")]
    except csv.Error as exc:
        return [], [ContentError(path, 1, "(file)", f"is not valid CSV ({exc})")]
    header = [h.strip() for h in header]
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
        return [], problems

    records: list[dict] = []
    seen: dict[str, int] = {}
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(ContentError(path, start, "(row)", f"is not valid CSV ({exc})"))
            break
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            problems.append(ContentError(path, start, "(row)", f"has {len(cells)} cells but the header "
                                                               f"names {len(header)} columns"))
            continue
        row = _Row(path, start, dict(zip(header, cells)), problems)
        before = len(problems)
        record, phone_columns = _record(row)
        # A column whose cell could not be read is reported once, not again as missing.
        flagged = {p.field for p in problems[before:]}
        found: list[ContentError] = []
        fields = Fields(path, models.as_node(record, start), "", start)
        models.organization(fields, helplines, found)
        for exc in found:
            column = _column_of(exc.field, phone_columns)
            if column not in flagged:
                problems.append(ContentError(path, start, column, exc.problem))
        ident = record.get("id")
        if ident in seen:
            problems.append(ContentError(path, start, "id", f"{ident!r} is used twice (also on line "
                                                            f"{seen[ident]})"))
        elif ident:
            seen[ident] = start
        records.append(record)
    if not records and not problems:
        problems.append(ContentError(path, 2, "(file)", "has no organizations: add one row per organization"))
    order = {name: i for i, name in enumerate(columns(synthetic=True))}
    problems.sort(key=lambda p: (p.line, order.get(p.field, len(order))))
    return records, problems


def import_csv(source: Path, target: Path, helplines: dict[str, Helpline]) -> tuple[int, list[ContentError]]:
    """Replace `target` (directory.yaml) with the rows of `source` when every row is valid;
    otherwise leave it untouched. Returns the number of rows and the problems."""
    records, problems = read_csv(source, helplines)
    if problems:
        return 0, problems
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=".directory-", suffix=".yaml.tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(dump_yaml(records))
            fh.flush()
            os.fsync(fh.fileno())
        # Read back exactly as the app will at start-up before anything is replaced.
        models.build(tmp, yamlfile.load(tmp), helplines)
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except ContentError as exc:
        return 0, [exc]
    finally:
        if tmp.exists():
            tmp.unlink()
    return len(records), []


# -- records → CSV -------------------------------------------------------------------------------
def _yes_no(value) -> str:
    if value is None or value == "":
        return ""
    return "yes" if value is True else "no" if value is False else str(value)


def to_row(record: dict) -> dict[str, str]:
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
        row[column] = "; ".join(str(p.get("display", "")) for p in phones if p.get("kind") == kind)
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


def write_csv(records: list[dict], out) -> None:
    synthetic = any(r.get("synthetic") for r in records)
    # CRLF rows (RFC 4180): the csv module then quotes any cell holding a CR, too.
    writer = csv.DictWriter(out, fieldnames=columns(synthetic), lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({column: neutralize(cell) for column, cell in to_row(record).items()})
