"""The glossary of TRANSLATING.md as data (translations/glossary.yaml): the words readers use
to decide whom to call, in every language, with the rules `flask translate check` applies.

A review found translations that promised more than the English: "the line" for the hotline
next to "not the police", so the promise read as true of any line; the hotline's own word for
every helpline; "everything is kept secret" for "confidential"; the word for a criminal
complaint to the police for a complaint to the Wage and Hour Division. Each row of the
glossary is one English term with, per language, what to write, the regular expression the
translation must match where the row applies (`term`) and the forms it must not use
(`never`). Which English messages a row applies to is said by regular expressions too, so a
message is checked by what its English says, wherever it comes from.

The tables of TRANSLATING.md are written from the same data (`markdown()`, `flask translate
glossary`), so the glossary a translator reads is the one that is checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import locales
from .content.schema import Fields
from .content.yamlfile import ContentError, Items, load

FILENAME = "glossary.yaml"
# Where TRANSLATING.md's generated tables start and end.
START = ("<!-- glossary: written by `flask --app webapp translate glossary` from "
         "translations/glossary.yaml; edit that file -->")
END = "<!-- end of glossary -->"


@dataclass(frozen=True)
class Never:
    say: str                # as the table shows it
    match: re.Pattern


@dataclass(frozen=True)
class Entry:
    write: str
    term: re.Pattern | None
    never: tuple[Never, ...]
    where: tuple[str, int] = ("", 0)    # its field and line in the file, for errors


@dataclass(frozen=True)
class Row:
    id: str
    english: str
    rule: str
    about: tuple[re.Pattern, ...]
    except_: tuple[re.Pattern, ...]
    term_when: tuple[re.Pattern, ...]
    never_except: tuple[re.Pattern, ...]
    exclusive: bool
    locales: dict[str, Entry]


@dataclass(frozen=True)
class Reading:
    """How one row reads one English message: whether it applies, and which of its checks."""

    row: Row
    applies: bool
    term_required: bool
    never_checked: bool


@dataclass(frozen=True)
class Glossary:
    rows: tuple[Row, ...]
    # English message -> its readings: a message is read once, not once per language.
    _read: dict = field(default_factory=dict, compare=False, repr=False)

    def row(self, ident: str) -> Row:
        return next(r for r in self.rows if r.id == ident)

    def readings(self, english: str) -> tuple[Reading, ...]:
        """The rows that concern an English message (excepted rows are left out)."""
        found = self._read.get(english)
        if found is None:
            found = []
            for row in self.rows:
                if any(p.search(english) for p in row.except_):
                    continue
                applies = all(p.search(english) for p in row.about)
                if not applies and not row.exclusive:
                    continue
                found.append(Reading(
                    row, applies,
                    term_required=applies and all(p.search(english) for p in row.term_when),
                    never_checked=applies and not any(p.search(english) for p in row.never_except)))
            found = self._read[english] = tuple(found)
        return found

    def locales(self) -> set[str]:
        return {code for row in self.rows for code in row.locales}


# -- reading ---------------------------------------------------------------------------------
def _pattern(f: Fields, key: str, value: object, line: int) -> re.Pattern:
    if not isinstance(value, str) or not value:
        raise ContentError(f.path, line, f.field(key), "must be a regular expression (text)")
    try:
        return re.compile(value)
    except re.error as exc:
        raise ContentError(f.path, line, f.field(key), f"is not a regular expression: {exc}") from None


def _patterns(f: Fields, key: str) -> tuple[re.Pattern, ...]:
    items = f._get(key, False)
    if items is None:
        return ()
    if not isinstance(items, Items):
        raise f.error(key, "must be a list of regular expressions")
    return tuple(_pattern(f, f"{key}[{i}]", value, items.lines[i]) for i, value in enumerate(items))


def _entry(f: Fields) -> Entry:
    write = f.plain("write")
    term = f.node.get("term")
    f.used.add("term")
    never = []
    for n in f.children("never"):
        # Every form the table shows as "never" is checked: a form without a pattern would be
        # a promise the check does not keep.
        never.append(Never(n.plain("say"), _pattern(n, "match", n.node.get("match"), n.node.line_of("match"))))
        n.used.add("match")
        n.done()
    f.done()
    return Entry(write, _pattern(f, "term", term, f.node.line_of("term")) if term is not None else None,
                 tuple(never), (f.name, f.node.line))


def _row(f: Fields, known: set[str]) -> Row:
    by_locale = f.child("locales")
    if by_locale is None:
        raise f.error("locales", "is required")
    entries = {}
    for code in by_locale.node:
        if code not in known:
            raise by_locale.error(code, f"{code!r} is not a locale of the guide ({', '.join(sorted(known))})")
        entries[code] = _entry(Fields(f.path, by_locale.node[code], by_locale.field(code),
                                      by_locale.node.line_of(code)))
        by_locale.used.add(code)
    row = Row(
        id=f.ident(), english=f.plain("english"), rule=" ".join(f.plain("rule").split()),
        about=_patterns(f, "about"), except_=_patterns(f, "except"), term_when=_patterns(f, "term_when"),
        never_except=_patterns(f, "never_except"), exclusive=f.boolean("exclusive", default=False),
        locales=entries,
    )
    if not row.about:
        raise f.error("about", "must say which English messages the row applies to")
    if row.exclusive and any(e.term is None for e in entries.values()):
        raise f.error("exclusive", "an exclusive term needs a `term` in every locale")
    f.done()
    return row


def read(path: Path) -> Glossary:
    """The glossary, checked as it is read: a bad file stops with `file:line: field: problem`."""
    data = load(path)
    top = Fields(path, data, "")
    known = {loc.code for loc in locales.LOCALES if loc.code not in (locales.DEFAULT, locales.PSEUDO)}
    rows = [_row(f, known) for f in top.children("rows", required=True)]
    top.done()
    glossary = Glossary(tuple(rows))
    _check_distinct(path, glossary)
    return glossary


def _check_distinct(path: Path, glossary: Glossary) -> None:
    """"Confidential" and "anonymous" are two promises: in no language may one's word be read
    as the other's."""
    ids = {r.id for r in glossary.rows}
    if not {"confidential", "anonymous"} <= ids:
        return
    confidential, anonymous = glossary.row("confidential"), glossary.row("anonymous")
    for code in sorted(set(confidential.locales) ^ set(anonymous.locales)):
        entry = confidential.locales.get(code) or anonymous.locales[code]
        raise ContentError(path, entry.where[1], entry.where[0],
                           f"{code} needs both a 'confidential' and an 'anonymous' term")
    for code, a in confidential.locales.items():
        b = anonymous.locales[code]
        if a.term.search(b.write) or b.term.search(a.write):
            raise ContentError(path, a.where[1], a.where[0],
                               f"{code}: 'confidential' ({a.write}) and 'anonymous' ({b.write}) must be "
                               "distinct terms")


# -- checking --------------------------------------------------------------------------------
_BRACKETS = re.compile(r"\(([^()]*)\)")


def _translated_part(english: str, translation: str, name: str) -> str:
    """The translation without the English it keeps, as translators may: the English title
    or name in brackets ("(National Human Trafficking Hotline)"), or the whole English title
    followed by its translation. English is not a translation of the term."""
    text = translation.replace(english, "")
    if name in english:
        text = text.replace(name, "")
    return _BRACKETS.sub(lambda m: "()" if m.group(1).strip() and m.group(1) in english else m.group(0), text)


def problems(glossary: Glossary, code: str, english: str, translation: str) -> list[str]:
    """What a translation says against the glossary, each naming its rule. English and the
    pseudo-locale have no glossary; a locale without an entry in a row is not held to it."""
    found = []
    for reading in glossary.readings(english):
        row = reading.row
        entry = row.locales.get(code)
        if entry is None:
            continue
        if not reading.applies:     # an exclusive term where the English does not say it
            if hit := entry.term.search(translation):
                found.append(f"glossary rule {row.id!r}: {row.rule}; it says {hit.group(0)!r} where the "
                             f"English does not say {row.english!r}")
            continue
        if reading.term_required and entry.term is not None and not entry.term.search(translation):
            found.append(f"glossary rule {row.id!r}: {row.rule}; it must say {entry.write!r} "
                         f"(matching {entry.term.pattern!r})")
        if reading.never_checked and entry.never:
            translated = _translated_part(english, translation, row.english)
            for never in entry.never:
                if hit := never.match.search(translated):
                    found.append(f"glossary rule {row.id!r}: {row.rule}; it says {hit.group(0)!r}, which "
                                 f"the glossary says never to write ({never.say})")
    return found


# -- TRANSLATING.md --------------------------------------------------------------------------
def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown(glossary: Glossary) -> str:
    """The per-language tables of TRANSLATING.md, between their markers."""
    out = [START, ""]
    for loc in locales.LOCALES:
        if loc.code in (locales.DEFAULT, locales.PSEUDO):
            continue
        rows = [(row, row.locales[loc.code]) for row in glossary.rows if loc.code in row.locales]
        if not rows:
            continue
        out += [f"### {loc.autonym} (`{loc.code}`)", "| English | Write | Never |", "|---|---|---|"]
        for row, entry in rows:
            never = "; ".join(n.say for n in entry.never)
            out.append(f"| {_cell(row.english)} | {_cell(entry.write)} | {_cell(never)} |")
        out.append("")
    out += ["The rules `make check-translations` applies, one per row:", ""]
    out += [f"- `{row.id}` ({_cell(row.english)}): {row.rule}." for row in glossary.rows]
    out += ["", END]
    return "\n".join(out)


def replace_tables(document: str, glossary: Glossary) -> str:
    """TRANSLATING.md with its glossary tables written from the data."""
    if START not in document or END not in document:
        raise ValueError("TRANSLATING.md has no glossary markers")
    before = document.split(START, 1)[0]
    after = document.split(END, 1)[1]
    return before + markdown(glossary) + after
