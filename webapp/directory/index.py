"""The search index of one locale: the directory with every text the reader sees already
translated, the searchable text normalized, vocabularies by position. The server searches it
and renders from it; the browser downloads the same JSON (saved by the service worker) and
does the same, so both show the same organizations with the same words.

Columnar and positional so that a large directory stays small: 10,000 organizations fit in
well under 1 MB gzipped (see bench/directory.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property

import babel
from flask import current_app, url_for

from .. import i18n, locales
from ..content import vocabulary
from ..content.directory import Organization
from ..content.models import CAVEAT, CLAIMS, ENFORCEMENT_LABELS, Badge, Phone, TextLine
from ..i18n import gettext as _
from ..pages import BY_NAME, PAGES
from . import enforcement, search

VERSION = 4


def list_separator(babel_locale: str) -> str:
    """The CLDR separator between items of a list ("{0}, {1}" → ", "; Chinese "、")."""
    pattern = babel.Locale.parse(babel_locale).list_patterns["standard"]["middle"]
    return pattern.replace("{0}", "", 1).replace("{1}", "", 1) or ", "


def _language_codes(orgs: tuple[Organization, ...]) -> list[str]:
    """Languages offered as filters: those the guide is written in and those of the data."""
    codes = [loc.code for loc in locales.LOCALES if loc.code != locales.PSEUDO]
    for org in orgs:
        codes += [c for c in org.languages if c not in codes]
    return codes


def searchable(words: list[str]) -> str:
    """The normalized text of `words`, each word once: a service's words in the reader's
    language and in English are often the same (always, in English), and "referrals" holds the
    words of every need it refers to. A term matches a word or a word's start, never across a
    space, so the words that repeat find nothing more."""
    return " ".join(dict.fromkeys(search.normalize(" ".join(words)).split(" ")))


def build(orgs: tuple[Organization, ...], loc: locales.Locale, pages=PAGES) -> dict:
    """The index for the locale of the current request (gettext and dates follow it); the
    search finds these of the guide's pages (the guide as one file holds fewer)."""
    def service_words(sid: str) -> list[str]:
        message = vocabulary.SERVICE_WORDS[sid]
        return [_(vocabulary.SERVICES[sid]), *vocabulary.words(_(message)), *vocabulary.words(message)]

    services = []
    for sid, label in vocabulary.SERVICES.items():
        words = service_words(sid)
        if sid == "referrals":
            words += [w for need in vocabulary.REFERRED for w in service_words(need)]
        services.append([sid, _(label), searchable(words)])
    # Every label a result can carry: [kind, 1 for a caution (law enforcement, a line's
    # caveat), text in this language], found by its English message.
    labels = [Badge(kind, text, True) for kind, text in ENFORCEMENT_LABELS.items()] + \
             [Badge(claim, text, False) for claim, text in CLAIMS.items()] + \
             [b for org in orgs for b in org.badges if b.kind == CAVEAT]
    badge_pos: dict[str, int] = {}
    badges = []
    for badge in labels:
        if badge.message not in badge_pos:
            badge_pos[badge.message] = len(badges)
            badges.append([badge.kind, 1 if badge.caution else 0, _(badge.message)])
    populations = [[pid, _(label), search.normalize(_(label))]
                   for pid, label in vocabulary.POPULATIONS.items()]
    languages = []
    for code in _language_codes(orgs):
        label = vocabulary.language_name(code, loc.babel) or code
        # Found by its name in the reader's language, in English and in itself.
        names = dict.fromkeys(
            n for n in (label, vocabulary.language_name(code, "en"), vocabulary.autonym(code)) if n)
        languages.append([code, label, search.normalize(" ".join(names))])
    languages.sort(key=lambda entry: (entry[2], entry[0]))
    states = sorted(([code, _(name)] for code, name in vocabulary.STATES.items()),
                    key=lambda entry: (search.normalize(entry[1]), entry[0]))

    def pos(vocab):
        return {entry[0]: i for i, entry in enumerate(vocab)}

    svc_pos, pop_pos, lang_pos = pos(services), pos(populations), pos(languages)

    rows = []
    for org in orgs:
        name = _(org.name)
        description = org.description_in(loc.code) or _(org.description)
        rows.append((search.normalize(name), org.id, org, name, description))
    short_names = {org.id: _(org.short_name) for org in orgs
                   if org.short_name and org.short_name != org.name}
    # Law enforcement after every other line, the featured lines (the hotline) first.
    rows.sort(key=lambda row: (bool(row[2].law_enforcement), -row[2].priority, row[0], row[1]))

    columns: dict[str, list] = {key: [] for key in (
        "id", "name", "desc", "hay", "services", "populations", "languages", "langnote", "area", "police",
        "badges", "phones", "text", "chat", "web", "email", "hours", "checked", "source")}
    dates: dict[str, str] = {}
    sources: dict[str, int] = {}   # many lines share the page they were checked against
    notes: dict[str, int] = {}     # and a sentence about languages
    for norm_name, ident, org, name, description in rows:
        columns["id"].append(ident)
        columns["name"].append(name)
        columns["desc"].append(description)
        hay = (norm_name, search.normalize(short_names.get(ident, "")), search.normalize(description))
        columns["hay"].append(" ".join(h for h in hay if h))
        columns["services"].append([svc_pos[s] for s in org.services])
        columns["populations"].append([pop_pos[p] for p in org.populations])
        columns["languages"].append([lang_pos[c] for c in org.languages])
        # What a line says about its languages (the Helplines page's words), else that it has
        # interpreters, under the languages its staff speak.
        note = _(org.languages_note) if org.languages_note else \
            _(vocabulary.INTERPRETERS_NOTE) if vocabulary.INTERPRETATION in org.services else None
        columns["langnote"].append(None if note is None else notes.setdefault(note, len(notes)))
        columns["area"].append(None if org.national else list(org.area))
        columns["police"].append(1 if org.law_enforcement else 0)
        columns["badges"].append([badge_pos[b.message] for b in org.badges])
        columns["phones"].append([[p.number, p.display, p.kind, p.vanity] for p in org.phones])
        columns["text"].append([org.text.number, org.text.display, org.text.keyword]
                               if org.text else None)
        columns["chat"].append(org.chat_url)
        columns["web"].append(org.web_url)
        columns["email"].append(org.email)
        columns["hours"].append(_(org.hours) if org.hours else None)
        iso = org.verified_on.isoformat()
        columns["checked"].append(iso)
        if iso not in dates:
            dates[iso] = i18n.format_day(org.verified_on)
        columns["source"].append(sources.setdefault(org.source, len(sources)))

    found = []
    for name, message in vocabulary.PAGE_WORDS.items():
        page = BY_NAME[name]
        if page not in pages:
            continue
        words = [_(page.title), _(page.summary), *vocabulary.words(_(message)), *vocabulary.words(message)]
        found.append([url_for(page.endpoint, lang=loc.code), _(page.title), searchable(words)])

    # In every search's results (the hotline), never a law-enforcement line.
    always = [i for i, row in enumerate(rows) if row[2].in_every_search and not row[2].law_enforcement]

    return {
        "version": VERSION, "locale": loc.code, "pages": found, "max": search.MAX_QUERY, "page": search.PAGE_SIZE,
        "sep": list_separator(loc.babel), "text": search.text_rules(), "always": always,
        "services": services, "populations": populations, "languages": languages, "states": states,
        "intent": enforcement.intent(_), "badges": badges,
        "dates": dates, "sources": list(sources), "langnotes": list(notes), "orgs": columns,
    }


# What the search reads (search.py, and directory.js's search): the guide as one file
# (webapp/file/) carries only this, since its cards are already in the page. Vocabularies keep
# each entry's place, its id (filters are checked against it) and its searchable text; their
# labels, which only a card shows, are null.
SEARCH_KEYS = ("version", "locale", "pages", "max", "page", "text", "always", "intent")
SEARCH_VOCABULARIES = ("services", "populations", "languages", "states")
SEARCH_COLUMNS = ("id", "hay", "services", "populations", "languages", "area", "police")


def search_only(data: dict) -> dict:
    """The index with only what the search reads (SEARCH_KEYS...): it finds and orders the
    same organizations as the whole index."""
    return {
        **{key: data[key] for key in SEARCH_KEYS},
        **{key: [[entry[0], None, *entry[2:]] for entry in data[key]] for key in SEARCH_VOCABULARIES},
        "orgs": {key: data["orgs"][key] for key in SEARCH_COLUMNS},
    }


@dataclass(frozen=True)
class CardBadge:
    """A label already translated (templates pass it through gettext, which leaves it as is)."""

    caution: bool   # law enforcement or a caveat: shown in the warning colour
    message: str


@dataclass(frozen=True)
class Card:
    """One result as templates show it, read from the index (as the browser does), with the
    attributes the helpline macros expect (voice, text, chat_url, law_enforcement, badges)."""

    id: str
    name: str
    description: str
    law_enforcement: bool
    badges: tuple
    phones: tuple[Phone, ...]
    text: TextLine | None
    chat_url: str | None
    web_url: str | None
    email: str | None
    hours: str | None
    services: tuple[str, ...]
    populations: tuple[str, ...]
    languages: tuple[str, ...]
    languages_note: str | None     # the line's sentence about languages, or "Interpreters are available."
    area: tuple[str, ...] | None   # None: anywhere in the U.S.
    checked: str                   # the date, formatted in the reader's language
    confidential: bool | None      # promised by the line's own source; None: the template
    source: str                    # the page the facts were checked against

    @property
    def voice(self) -> Phone | None:
        return next((p for p in self.phones if p.kind == "voice"), None)


class Index:
    """The index of one locale, its JSON bytes, and what the page needs from it."""

    def __init__(self, data: dict):
        self.data = data
        self.json = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def card(self, i: int) -> Card:
        d, o = self.data, self.data["orgs"]
        states = dict(d["states"])
        text = o["text"][i]
        return Card(
            id=o["id"][i], name=o["name"][i], description=o["desc"][i], law_enforcement=bool(o["police"][i]),
            badges=tuple(CardBadge(caution=bool(d["badges"][b][1]), message=d["badges"][b][2])
                         for b in o["badges"][i]),
            phones=tuple(Phone(*p) for p in o["phones"][i]),
            text=TextLine(*text) if text else None,
            chat_url=o["chat"][i], web_url=o["web"][i], email=o["email"][i], hours=o["hours"][i],
            services=tuple(d["services"][s][1] for s in o["services"][i]),
            populations=tuple(d["populations"][p][1] for p in o["populations"][i]),
            languages=tuple(d["languages"][lang][1] for lang in o["languages"][i]),
            languages_note=None if o["langnote"][i] is None else d["langnotes"][o["langnote"][i]],
            area=None if o["area"][i] is None else tuple(states[s] for s in o["area"][i]),
            checked=d["dates"][o["checked"][i]], source=d["sources"][o["source"][i]],
            confidential=any(d["badges"][b][0] == "confidential" for b in o["badges"][i]),
        )

    @staticmethod
    def template_card() -> Card:
        """A card with every optional part present and no data: services.html renders it into
        a <template> that directory.js fills for each result, so the browser's cards come from
        the same macro as the server's. One badge of each kind and one row for each kind of
        other phone are the patterns the script copies."""
        return Card(
            id="", name="", description="", law_enforcement=False,
            badges=(CardBadge(caution=True, message=""), CardBadge(caution=False, message="")),
            phones=tuple(Phone("", "", kind, "-") for kind in ("voice", "tty", "video", "abroad")),
            text=TextLine("", "", None), chat_url="#", web_url="#", email="-", hours="-",
            services=(), populations=(), languages=(), languages_note="-", area=None, checked="%(date)s",
            source="#",
            confidential=None,
        )

    @cached_property
    def options(self) -> dict[str, list[tuple[str, str]]]:
        """Choices of the filters: every state and language; the services and populations that
        at least one organization has ("everyone" is not a choice: it matches them all)."""
        d, o = self.data, self.data["orgs"]
        used_services = {s for row in o["services"] for s in row}
        used_populations = {p for row in o["populations"] for p in row}
        return {
            "state": [(code, name) for code, name in d["states"]],
            "service": [(e[0], e[1]) for i, e in enumerate(d["services"]) if i in used_services],
            "population": [(e[0], e[1]) for i, e in enumerate(d["populations"])
                           if i in used_populations and e[0] != vocabulary.EVERYONE],
            "language": [(e[0], e[1]) for e in d["languages"]],
        }


def get() -> Index:
    """The index of the current request's locale, built once per app and locale."""
    loc = i18n.current_locale()
    cache = current_app.extensions.setdefault("directory_index", {})
    if loc.code not in cache:
        content = current_app.extensions["guide_content"]
        cache[loc.code] = Index(build(content.directory, loc))
    return cache[loc.code]
