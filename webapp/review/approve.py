"""Reading a filled review sheet (the saved HTML, or the CSV) back into the catalog.

A sheet is untrusted input: it is parsed as data with the standard library's HTML parser
(nothing in it is rendered or run), every field is checked, and a sheet for another language,
or one whose messages have changed in the catalog since it was made, is refused as a whole
with a message that says what to do."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from .. import locales
from . import state
from .sheet import CSV_COLUMNS

MAX_BYTES = 20 * 1024 * 1024
KEY = re.compile(r"^[0-9a-f]{10}$")
VERDICTS = ("ok", "change")


class SheetError(Exception):
    """A sheet that cannot be used; the message says why and what to do."""


@dataclass
class Answer:
    seen: str
    verdict: str = ""
    note: str = ""
    where: str = ""  # "file:line" for messages


@dataclass
class Sheet:
    language: str
    reviewer: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)


class _Parser(HTMLParser):
    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.meta: dict[str, str] = {}
        self.sheet_rows: dict[str, Answer] = {}
        self.verdicts: dict[str, list[tuple[str, str]]] = {}
        self.notes: dict[str, list[str]] = {}
        self.reviewer = ""
        self._textarea: str | None = None

    def _where(self) -> str:
        return f"{self.name}:{self.getpos()[0]}"

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta" and a.get("name", "").startswith("guide-review-"):
            self.meta[a["name"]] = a.get("content", "")
        if "data-key" in a:
            if a["data-key"] in self.sheet_rows:
                raise SheetError(f"{self._where()}: message {a['data-key']!r} appears twice")
            self.sheet_rows[a["data-key"]] = Answer(seen=a.get("data-seen", ""), where=self._where())
        name = a.get("name", "")
        if tag == "input" and name == "reviewer":
            self.reviewer = a.get("value", "")
        if tag == "input" and a.get("type") == "radio" and name.startswith("v-") and "checked" in a:
            self.verdicts.setdefault(name[2:], []).append((a.get("value", ""), self._where()))
        if tag == "textarea" and name.startswith("n-"):
            self._textarea = name[2:]
            self.notes.setdefault(self._textarea, [])

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self.notes[self._textarea].append(data)


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise SheetError(f"{path.name}: {len(raw)} bytes is too large for a review sheet")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SheetError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def parse_html(path: Path) -> Sheet:
    parser = _Parser(path.name)
    parser.feed(_decode(path))
    parser.close()
    language = parser.meta.get("guide-review-language")
    if not language:
        raise SheetError(f"{path.name} is not a review sheet made by `flask translate review`")
    sheet = Sheet(language=language, reviewer=parser.reviewer)
    for key, answer in parser.sheet_rows.items():
        if not KEY.match(key):
            raise SheetError(f"{answer.where}: {key!r} is not a message key")
        sheet.answers[key] = answer
    for key, choices in parser.verdicts.items():
        if key not in sheet.answers:
            raise SheetError(f"{choices[0][1]}: an answer for message {key!r}, which is not in the sheet")
        if len(choices) > 1:
            raise SheetError(f"{choices[1][1]}: message {key!r} is marked both "
                             + " and ".join(repr(v) for v, _ in choices))
        sheet.answers[key].verdict = choices[0][0]
    for key, parts in parser.notes.items():
        if key not in sheet.answers:
            raise SheetError(f"{path.name}: a note for message {key!r}, which is not in the sheet")
        sheet.answers[key].note = "".join(parts)
    return sheet


def parse_csv(path: Path) -> Sheet:
    reader = csv.DictReader(io.StringIO(_decode(path), newline=""))
    columns = reader.fieldnames or []
    missing = [c for c in ("language", "key", "seen", "verdict", "note") if c not in columns]
    if missing:
        raise SheetError(f"{path.name}:1: missing column(s) {', '.join(missing)}; the columns are "
                         f"{', '.join(CSV_COLUMNS)} (from `flask translate review LANG --output FILE.csv`)")
    sheet: Sheet | None = None
    for row in reader:
        where = f"{path.name}:{reader.line_num}"
        language, key = (row.get("language") or "").strip(), (row.get("key") or "").strip()
        if sheet is None:
            sheet = Sheet(language=language)
        elif language != sheet.language:
            raise SheetError(f"{where}: language: {language!r}, but the sheet is for {sheet.language!r}")
        if not KEY.match(key):
            raise SheetError(f"{where}: key: {key!r} is not a message key")
        if key in sheet.answers:
            raise SheetError(f"{where}: key: message {key!r} appears twice")
        sheet.answers[key] = Answer(seen=(row.get("seen") or "").strip(),
                                    verdict=(row.get("verdict") or "").strip().lower(),
                                    note=row.get("note") or "", where=where)
    if sheet is None:
        raise SheetError(f"{path.name}: no messages")
    return sheet


def parse(path: Path) -> Sheet:
    return parse_csv(path) if path.suffix.lower() == ".csv" else parse_html(path)


@dataclass
class Outcome:
    approved: list[Message] = field(default_factory=list)
    changes: list[tuple[Message, str]] = field(default_factory=list)


def _short(message: Message) -> str:
    text = message.id if isinstance(message.id, str) else message.id[0]
    return repr(text if len(text) <= 60 else text[:57] + "…")


def apply(catalog: Catalog, loc: locales.Locale, sheet: Sheet, reviewer: str, day: str,
          name: str) -> Outcome:
    """Mark the messages the reviewer found OK and leave the reviewer's note on those that need
    a change. Checks everything first: on any problem nothing in the catalog changes."""
    if sheet.language not in (loc.code, loc.babel):
        raise SheetError(f"{name} is a review sheet for {sheet.language!r}, not {loc.code!r}: "
                         f"run `flask translate approve {sheet.language} {name}`")
    if not state.INITIALS.match(reviewer):
        raise SheetError(f"reviewer's initials must be 1 to 4 letters, not {reviewer!r}: type them "
                         "in the sheet, or pass --reviewer")
    by_key = {state.key(m): m for m in catalog if m.id}
    answered = {k: a for k, a in sheet.answers.items() if a.verdict or a.note.strip()}
    stale = []
    for key, answer in answered.items():
        if answer.verdict and answer.verdict not in VERDICTS:
            raise SheetError(f"{answer.where}: verdict: {answer.verdict!r} is not ok or change")
        if len(answer.note) > state.NOTE_MAX:
            raise SheetError(f"{answer.where}: note: longer than {state.NOTE_MAX} characters")
        message = by_key.get(key)
        if message is None or state.fingerprint(message) != answer.seen:
            stale.append(message)
    if stale:
        known = [_short(m) for m in stale if m is not None][:3]
        raise SheetError(
            f"{name} was made from an older {loc.code} catalog: {len(stale)} answered message(s) "
            f"changed or removed since" + (f" (for example {', '.join(known)})" if known else "")
            + f". Nothing was changed. Make a new sheet with `flask translate review {loc.code}` "
            "and copy the answers over.")
    outcome = Outcome()
    for key, answer in answered.items():
        message = by_key[key]
        if answer.verdict == "ok" and not state.is_translated(message):
            raise SheetError(f"{answer.where}: {_short(message)} is marked OK but has no confirmed "
                             "translation yet; nothing was changed")
    for key, answer in answered.items():
        message = by_key[key]
        if answer.verdict == "ok":
            state.set_reviewed(message, day, reviewer)
            outcome.approved.append(message)
        elif answer.verdict == "change" or answer.note.strip():
            note = state.clean_text(answer.note)
            state.set_change_requested(message, day, reviewer, note)
            outcome.changes.append((message, note))
    return outcome
