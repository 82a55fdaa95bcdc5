"""The directory of services (directory.yaml): one record per organization, modeled on Open
Referral HSDS (organization, service, service area, languages, contacts, schedule, assured
date), validated as it is read.

An entry either references a helpline of helplines.yaml (`helpline: nhth`) and takes its name,
description, numbers, hours, languages (staff and interpreters), law-enforcement flag, source
and date from there, so that every number lives in one file and the Helplines page and "Find
services" say the same about each line; or it carries its own. The same validation serves the YAML file at
start-up (first problem stops the app) and the CSV import (every problem of every row is
collected and reported by column, see webapp/directory/importer.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import vocabulary
from .models import Badge, Helpline, Phone, Promise, TextLine, _phone, _text_line, badges
from .schema import ID, Fields, entries, item_name
from .yamlfile import ContentError, Items, Node

# Fields whose values an entry with `helpline:` takes from helplines.yaml.
FROM_HELPLINE = ("name", "description", "descriptions", "languages", "phones", "text", "chat_url",
                 "web_url", "email", "hours", "law_enforcement", "source", "verified_on")
# Every field in the order the importer writes it.
FIELDS = ("id", "helpline", "synthetic", "name", "description", "descriptions", "services",
          "populations", "languages", "area", "phones", "text", "chat_url", "web_url", "email",
          "hours", "law_enforcement", "source", "verified_on")


@dataclass(frozen=True)
class Organization:
    id: str
    name: str                                   # msgid
    description: str                            # msgid
    descriptions: tuple[tuple[str, str], ...]   # (locale code, text) written for that locale
    services: tuple[str, ...]
    populations: tuple[str, ...]
    languages: tuple[str, ...]                  # BCP 47 codes
    area: tuple[str, ...]                       # state codes; () means national
    phones: tuple[Phone, ...]
    text: TextLine | None
    chat_url: str | None
    web_url: str | None
    email: str | None
    hours: str | None                           # msgid
    law_enforcement: str | None                 # None or its kind (see helplines.yaml)
    source: str
    verified_on: date
    helpline: str | None = None
    synthetic: bool = False
    line: int = field(default=0, compare=False)
    # Sourced promises come only with a helpline of helplines.yaml; the CSV has no column.
    promises: tuple[Promise, ...] = ()
    # Lines that come first in every list (the National Human Trafficking Hotline...).
    priority: int = 0
    # Who else may get what the reader says (helplines.yaml `caveat`), shown on every result.
    caveat: str | None = None
    # A line of helplines.yaml: its short name (found by a search too, e.g. "Wage and Hour"),
    # whether it is in the results of every search, and its sentence about languages (msgid).
    short_name: str | None = None
    in_every_search: bool = False
    languages_note: str | None = None

    @property
    def badges(self) -> tuple[Badge, ...]:
        return badges(self.law_enforcement, self.promises, self.caveat)

    @property
    def national(self) -> bool:
        return not self.area

    @property
    def voice(self) -> Phone | None:
        return next((p for p in self.phones if p.kind == "voice"), None)

    def description_in(self, code: str) -> str | None:
        """The description written for a locale, if the entry has one."""
        return dict(self.descriptions).get(code)


def locales_for_text() -> tuple[str, ...]:
    """Locales an entry may write its own description for (English is `description`)."""
    from .. import locales

    return tuple(loc.code for loc in locales.LOCALES if loc.code not in (locales.DEFAULT, locales.PSEUDO))


class _Collector:
    """Runs one check; in strict mode (problems is None) its error propagates, otherwise it
    is recorded and a default is returned, so every problem of an entry is found."""

    def __init__(self, problems: list[ContentError] | None):
        self.problems = problems

    def __call__(self, check, *args, fallback=None, **kwargs):
        try:
            return check(*args, **kwargs)
        except ContentError as exc:
            if self.problems is None:
                raise
            self.problems.append(exc)
            return fallback


def _item_error(f: Fields, items: Items, i: int, key: str, problem: str) -> ContentError:
    return ContentError(f.path, items.lines[i] if i < len(items.lines) else f.node.line_of(key),
                        f.field(item_name(key, i)), problem)


def _list(f: Fields, key: str, check, attempt: _Collector) -> tuple[str, ...]:
    """A required, non-empty list of distinct values, each checked by `check` (which returns
    a problem or None). Every bad item is reported."""
    items = attempt(f._get, key, True)
    if items is None:
        return ()
    if not isinstance(items, Items):
        attempt(_raise, f.error(key, "must be a list"))
        return ()
    if not items:
        attempt(_raise, f.error(key, "must not be empty"))
        return ()
    seen: set = set()
    result = []
    for i, value in enumerate(items):
        problem = check(value) if isinstance(value, str) else f"{value!r} is not text"
        if problem is None and value in seen:
            problem = f"{value!r} is listed twice"
        if problem:
            attempt(_raise, _item_error(f, items, i, key, problem))
            continue
        seen.add(value)
        result.append(value)
    return tuple(result)


def _raise(exc: ContentError):
    raise exc


def _vocab(allowed: dict[str, str], what: str):
    def check(value: str) -> str | None:
        if value not in allowed:
            return f"{value!r} is not a {what} (one of {', '.join(allowed)})"
        return None
    return check


def _language(value: str) -> str | None:
    if not vocabulary.language_known(value):
        return f"{value!r} is not a language code that CLDR names (for example en, es, zh-Hans)"
    return None


def _state(value: str) -> str | None:
    if value not in vocabulary.STATES:
        return f"{value!r} is not a two-letter state or territory code (for example TX)"
    return None


def _area(f: Fields, attempt: _Collector) -> tuple[str, ...]:
    value = f.node.get("area")
    if isinstance(value, str) and value.strip() == vocabulary.NATIONAL:
        f.used.add("area")
        return ()
    if value is not None and not isinstance(value, Items):
        f.used.add("area")
        attempt(_raise, f.error("area", f"{value!r} must be {vocabulary.NATIONAL} or a list of state codes"))
        return ()
    return _list(f, "area", _state, attempt)


def _descriptions(f: Fields, attempt: _Collector) -> tuple[tuple[str, str], ...]:
    sub = attempt(f.child, "descriptions")
    if sub is None:
        return ()
    allowed = locales_for_text()
    result = []
    for code in list(sub.node):
        if code not in allowed:
            sub.used.add(code)
            attempt(_raise, sub.error(code, f"{code!r} is not a locale of the guide other than English "
                                            f"({', '.join(allowed)})"))
            continue
        text = attempt(sub.text, code)
        if text:
            result.append((code, text))
    return tuple(result)


def organization(f: Fields, helplines: dict[str, Helpline],
                 problems: list[ContentError] | None = None) -> Organization | None:
    """Build one entry. Strict (problems is None): the first problem raises. Collecting: every
    problem is appended to `problems` and None is returned when there was any."""
    attempt = _Collector(problems)
    before = len(problems) if problems is not None else 0

    ident = attempt(f.ident)
    synthetic = attempt(f.boolean, "synthetic", default=False)
    helpline_id = attempt(f.plain, "helpline", required=False, pattern=ID, what="a helpline id")
    line = None
    if helpline_id is not None:
        line = helplines.get(helpline_id)
        if line is None:
            attempt(_raise, f.error("helpline", f"{helpline_id!r} is not a helpline id in helplines.yaml"))

    services = _list(f, "services", _vocab(vocabulary.SERVICES, "service"), attempt)
    populations = _list(f, "populations", _vocab(vocabulary.POPULATIONS, "population"), attempt)
    languages = _list(f, "languages", _language, attempt) if helpline_id is None else ()
    area = _area(f, attempt)

    if helpline_id is not None:
        for key in FROM_HELPLINE:
            if key in f.node:
                f.used.add(key)
                attempt(_raise, f.error(key, f"comes from helplines.yaml (helpline: {helpline_id}); "
                                             "remove it here"))
        if vocabulary.INTERPRETATION in services:
            attempt(_raise, f.error("services", f"{vocabulary.INTERPRETATION!r} comes from "
                                                f"helplines.yaml (interpreters, helpline: {helpline_id}); "
                                                "remove it here"))
        if line is not None and not line.staff_languages:
            attempt(_raise, f.error("helpline", f"the line {helpline_id!r} has no staff_languages in "
                                                "helplines.yaml: add them there"))
        own = None
    else:
        phones = tuple(p for p in (attempt(_phone, pf) for pf in attempt(f.children, "phones", fallback=[]))
                       if p is not None)
        text = None
        if (t := attempt(f.child, "text")) is not None:
            text = attempt(_text_line, t, phones)
        own = dict(
            name=attempt(f.text, "name"),
            description=attempt(f.text, "description"),
            descriptions=_descriptions(f, attempt),
            phones=phones, text=text,
            chat_url=attempt(f.url, "chat_url"),
            web_url=attempt(f.url, "web_url"),
            email=attempt(f.email, "email"),
            hours=attempt(f.text, "hours", required=False),
            law_enforcement=attempt(f.enforcement, "law_enforcement"),
            source=attempt(f.url, "source", required=True),
            verified_on=attempt(f.day, "verified_on"),
        )
        if not (phones or text or own["chat_url"] or own["web_url"] or own["email"]) \
                and not any(k in f.node for k in ("phones", "text", "chat_url", "web_url", "email")):
            attempt(_raise, f.error("phones", "an organization needs at least one way to reach it "
                                              "(phone, text, chat, website or e-mail)"))
    attempt(f.done)

    if problems is not None and len(problems) > before:
        return None
    if line is not None:
        languages = line.staff_languages
        if line.interpreters:
            services += (vocabulary.INTERPRETATION,)
        own = dict(name=line.name, description=line.description, descriptions=(), phones=line.phones,
                   text=line.text, chat_url=line.chat_url, web_url=line.web_url, email=line.email,
                   hours=line.hours, law_enforcement=line.law_enforcement, source=line.source,
                   verified_on=line.verified_on, promises=line.promises,
                   priority=_priority(line, helplines), caveat=line.caveat, short_name=line.short_name,
                   in_every_search=line.in_every_search, languages_note=line.languages)
    return Organization(id=ident, services=services, populations=populations, languages=languages,
                        area=area, helpline=helpline_id, synthetic=bool(synthetic),
                        line=f.node.line, **own)


def _priority(line: Helpline, helplines: dict[str, Helpline]) -> int:
    """Featured lines first, in the order of helplines.yaml (the hotline is first there)."""
    featured = [h.id for h in helplines.values() if h.featured]
    return len(featured) - featured.index(line.id) if line.id in featured else 0


def build(path: Path, data: object, helplines: dict[str, Helpline]) -> tuple[Organization, ...]:
    return tuple(organization(f, helplines) for f in entries(path, data))


def as_node(record: dict, line: int) -> Node:
    """A plain mapping (from a CSV row) as a line-aware node, every value on `line`."""
    def convert(value):
        if isinstance(value, dict):
            node = Node({k: convert(v) for k, v in value.items()})
            node.line = line
            node.lines = {k: line for k in value}
            return node
        if isinstance(value, (list, tuple)):
            items = Items(convert(v) for v in value)
            items.line = line
            items.lines = [line] * len(items)
            return items
        return value
    return convert(record)
