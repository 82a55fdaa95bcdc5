"""Directory search: one specification, implemented here for the server (the no-JavaScript
form, POSTed so that no search reaches an address) and in static/js/directory.js for the
browser (per keystroke, offline, never touching the address). Tests run both on the same
index and inputs and require the same results (tests/directory/cases.py: one table).

The specification
-----------------
Both sides search the same index (see index.py): per locale, every text already translated,
and each organization's `hay` = normalize(name) + " " + normalize(description). A service's
searchable text is its label plus the words people use for it (vocabulary.SERVICE_WORDS, in
the reader's language and in English), so "lawyer", "visa" or "abogado" find a service;
"referrals" also carries the words of every need it refers to (vocabulary.REFERRED).
Organizations are in index order: every line that is not law enforcement before every
law-enforcement line; featured lines (the National Human Trafficking Hotline) first; then
by normalized name and id.

normalize(text):
  1. NFKD, then lowercase (Python str.lower, JS toLowerCase), then NFKD again;
  2. delete every combining mark (General Category M);
  3. replace final sigma "ς" by "σ";
  4. replace every run of characters that are not letters or digits (General Category L or N)
     by one space, and trim.
  Accents and case no longer matter; Arabic, CJK and Hangul letters stay.

parse(params):
  q is cut to its first `max` (200) code points ("truncated"). Its terms are the words of
  normalize(q) split on spaces. "no_terms" when q is not empty but has no terms (only
  punctuation, emoji, spaces). Filters (state, service, population, language) that are not in
  the index's vocabularies are ignored. page: a whole number 1-9999, else 1.

search(query) → positions in the index:
  an organization matches when every filter matches and every term is a substring of its hay,
  of one of its service labels, or of one of its language names (all normalized) — the same as
  a substring of hay + " " + labels, since terms hold no spaces;
    state      the organization is national or lists the state;
    service    it lists the service;
    population it lists the population, or "everyone";
    language   its staff speak the language, or it offers interpreters.
  Order: the index order, except that organizations that match a filter only broadly
  (national for a state, "everyone" for a population, interpreters for a language) come
  after the others, by how many such broad matches they have (a stable partition);
  and law-enforcement lines always come after the others, unless the reader asked for them:
  some term equals a word of the index's `intent` list (police, FBI, ICE, report... in the
  reader's language and in English) or, at 4 letters or more, begins one. Then they come
  first. Immigration words are not intent words: they find legal help and the hotline first.
  No terms and no filters: every organization.

pages(query) → the guide's own pages that the words find (the index's `pages`: url, title,
  hay of its title, summary and words): every term is a substring of the page's hay; none
  without terms. Shown above the organizations, whatever the filters.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

MAX_QUERY = 200     # code points of q that are searched
PAGE_SIZE = 20      # results shown per "page" (page N shows the first N × PAGE_SIZE)
FILTERS = ("state", "service", "population", "language")
PAGE = re.compile(r"^[1-9][0-9]{0,3}$")

# Python's \w is exactly the letters and digits (categories L and N) plus "_".
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=1)
def _marks() -> re.Pattern:
    """Every combining mark (category M), as one character class."""
    ranges, start, prev = [], None, None
    for cp in range(sys.maxunicode + 1):
        if unicodedata.category(chr(cp))[0] == "M":
            if start is None:
                start = cp
            elif cp != prev + 1:
                ranges.append((start, prev))
                start = cp
            prev = cp
    ranges.append((start, prev))
    body = "".join(f"\\U{a:08x}-\\U{b:08x}" if a != b else f"\\U{a:08x}" for a, b in ranges)
    return re.compile(f"[{body}]+")


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).lower())
    if not text.isascii():
        text = _marks().sub("", text).replace("ς", "σ")
    return _NON_WORD.sub(" ", text).strip()


@dataclass
class Query:
    q: str = ""
    terms: list[str] = field(default_factory=list)
    truncated: bool = False
    no_terms: bool = False
    state: str | None = None
    service: str | None = None
    population: str | None = None
    language: str | None = None
    page: int = 1

    @property
    def empty(self) -> bool:
        return not self.terms and not any(getattr(self, f) for f in FILTERS)

def _ids(vocab: list) -> set:
    return {entry[0] for entry in vocab}


def parse(index: dict, params: Mapping[str, str]) -> Query:
    raw = params.get("q") or ""
    q = raw[: index["max"]]
    terms = [t for t in normalize(q).split(" ") if t]
    vocab = {"state": index["states"], "service": index["services"],
             "population": index["populations"], "language": index["languages"]}
    filters = {}
    for name in FILTERS:
        value = params.get(name) or ""
        filters[name] = value if value in _ids(vocab[name]) else None
    page = params.get("page") or ""
    return Query(q=q, terms=terms, truncated=len(raw) > index["max"], no_terms=bool(q) and not terms,
                 page=int(page) if PAGE.match(page) else 1, **filters)


def _position(vocab: list, ident: str | None) -> int:
    if ident is None:
        return -1
    return next((i for i, entry in enumerate(vocab) if entry[0] == ident), -1)


def pages(index: dict, query: Query) -> list[int]:
    if not query.terms:
        return []
    return [i for i, page in enumerate(index["pages"]) if all(t in page[2] for t in query.terms)]


def asks_for_enforcement(index: dict, terms: list[str]) -> bool:
    return any(term == word or (len(term) >= 4 and word.startswith(term))
               for term in terms for word in index["intent"])


def search(index: dict, query: Query) -> list[int]:
    orgs = index["orgs"]
    police = orgs["police"]
    police_group = 0 if asks_for_enforcement(index, query.terms) else 1
    hay, services, populations = orgs["hay"], orgs["services"], orgs["populations"]
    languages, area = orgs["languages"], orgs["area"]
    service = _position(index["services"], query.service)
    population = _position(index["populations"], query.population)
    language = _position(index["languages"], query.language)
    everyone = _position(index["populations"], "everyone")
    interpreters = _position(index["services"], "interpretation")
    # Per term: which service labels and language names contain it.
    term_hits = [({i for i, s in enumerate(index["services"]) if t in s[2]},
                  {i for i, lang in enumerate(index["languages"]) if t in lang[2]},
                  t) for t in query.terms]

    tiers: list[list[int]] = [[] for _ in range(8)]   # (enforcement group, broad matches)
    for i in range(len(hay)):
        broad = 0
        if query.state is not None:
            if area[i] is None:
                broad += 1
            elif query.state not in area[i]:
                continue
        if service >= 0 and service not in services[i]:
            continue
        if population >= 0 and population not in populations[i]:
            if everyone in populations[i]:
                broad += 1
            else:
                continue
        if language >= 0 and language not in languages[i]:
            if interpreters in services[i]:
                broad += 1
            else:
                continue
        for svc_hits, lang_hits, term in term_hits:
            if term in hay[i]:
                continue
            if svc_hits and any(s in svc_hits for s in services[i]):
                continue
            if lang_hits and any(lang in lang_hits for lang in languages[i]):
                continue
            break
        else:
            group = police_group if police[i] else 1 - police_group
            tiers[4 * group + broad].append(i)
    return [i for tier in tiers for i in tier]
