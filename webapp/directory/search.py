"""Directory search: one specification, implemented here for the server (the no-JavaScript
form, POSTed so that no search reaches an address) and in static/js/directory.js for the
browser (per keystroke, offline, never touching the address). Tests run both on the same
index and inputs and require the same results (tests/directory/cases.py: one table; the
ranking table of tests/directory/ranking_table.py, in every language).

The specification
-----------------
Both sides search the same index (see index.py): per locale, every text already translated,
and each organization's `hay` = normalize(name) + normalize(short name, for a line of
helplines.yaml) + normalize(description). A service's searchable text is its label plus the
words people use for it (vocabulary.SERVICE_WORDS, in the reader's language and in English),
so "lawyer", "visa" or "abogado" find a service; "referrals" also carries the words of every
need it refers to (vocabulary.REFERRED). A language's searchable text is its name in the
reader's language, in English and in itself ("coreano", "Korean", "한국어"). Organizations are
in index order: every line that is not law enforcement before every law-enforcement line;
featured lines (the National Human Trafficking Hotline) first; then by normalized name and id.
The index's `text` holds the two lists of Unicode ranges that normalize() and matching use
(KEEP_MARKS and UNSPACED below): the browser builds its patterns from them, so the two sides
cannot disagree about a script.

normalize(text):
  1. NFKD, then lowercase (Python str.lower, JS toLowerCase), then NFKD again;
  2. delete every combining mark (General Category M) except those of KEEP_MARKS: in the
     scripts of India and Sri Lanka (Devanagari...), Thai, Lao, Tibetan, Myanmar and Khmer,
     vowel signs and viramas are part of the word (वकील, ที่พัก) and stay; elsewhere marks are
     accents, tones and optional vowel points (Latin, Vietnamese, Greek, Cyrillic, Arabic,
     Hebrew), as is the Devanagari nukta (मज़दूर = मजदूर), and go, so that they do not matter;
  3. replace final sigma "ς" by "σ", and Vietnamese "đ" by "d" (NFKD keeps it whole, and
     people who type without accents write d);
  4. replace every run of characters that are not letters, digits or kept marks (General
     Category L, N, M) by one space;
  5. put one space between a character of UNSPACED (scripts written without spaces between
     words: Thai, Lao, Tibetan, Myanmar, Khmer, CJK ideographs, kana, bopomofo) and a
     neighbouring character that is not (a space excepted): "ทนายlawyer" → "ทนาย lawyer";
     then trim.
  Case and accents no longer matter; Arabic, CJK, Hangul, Devanagari and Thai letters stay.
  After step 5 each word is wholly in UNSPACED or wholly outside it.

A term matches a normalized text (words separated by single spaces):
  - a term whose first character is in UNSPACED: when it occurs anywhere in the text, since
    those scripts do not separate words (ทนาย is found in ต้องการทนายความ, 律师 in 找律师);
  - any other term: when a word of the text starts with it (the text starts with the term or
    holds " " + term), so `ice` finds "ice" but not "office", "police", "notice", "justice" or
    "service", and "lawy", typed on the way to "lawyer", already finds it.

parse(params):
  q is cut to its first `max` (200) code points ("truncated"). Its terms are the words of
  normalize(q) split on spaces. "no_terms" when q is not empty but has no terms (only
  punctuation, emoji, spaces). Filters (state, service, population, language) that are not in
  the index's vocabularies are ignored. page: a whole number 1-9999, else 1.

search(query) → positions in the index:
  an organization matches when every filter matches and every term matches its hay, one of
  its service labels, or the name of a language its staff speak; or, broadly, the name of
  any language, when it offers interpreters:
    state      the organization is national or lists the state;
    service    it lists the service;
    population it lists the population, or "everyone";
    language   its staff speak the language, or it offers interpreters.
  Broad matches are national for a state, "everyone" for a population, interpreters for a
  language (filter or term). The results, in this order:
    1. when the reader named law enforcement, the matching law-enforcement lines;
    2. the index's `always` organizations (helplines.yaml `in_every_search`: the National
       Human Trafficking Hotline; never a law-enforcement line), whether they match or not:
       the hotline is in the results of every search, first unless the reader named an
       agency;
    3. the other matching organizations that are not law enforcement;
    4. when the reader did not name law enforcement, the matching law-enforcement lines.
  Inside 1, 3 and 4, index order, except that organizations with broad matches come after
  the others, by how many (a stable sort).
  The reader names law enforcement when the terms hold one of the index's `intent` entries
  (vocabulary.ENFORCEMENT_WORDS in the reader's language and in English, and 911: police,
  sheriff, FBI, ICE, immigration enforcement...; never "report", "crime" or "complaint", the
  words the guide itself teaches for complaints to labor offices). An entry of n words
  w1..wn is held by n consecutive terms t1..tn when each ti names wi:
    wi in UNSPACED: wi occurs in ti (警察 in 我要找警察);
    otherwise: ti = wi, or ti has 4 characters or more and wi starts with ti (a word still
    being typed: "poli"), counted once composed (NFC), so that a Hangul syllable counts as
    one: 이민 "immigration" does not name 이민세관단속국, the Korean name of ICE.
  Immigration words are not intent words: they find legal help and the hotline first.
  No terms and no filters: every organization, in that order.
  When the results hold nothing but `always` organizations (others_found() is false), the
  page says that no other organization matches and shows the national referral directories.

pages(query) → the guide's own pages that the words find (the index's `pages`: url, title,
  hay of its title, summary and words): every term matches the page's hay; none without
  terms. Shown above the organizations, whatever the filters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

MAX_QUERY = 200     # code points of q that are searched
PAGE_SIZE = 20      # results shown per "page" (page N shows the first N × PAGE_SIZE)
FILTERS = ("state", "service", "population", "language")
PAGE = re.compile(r"^[1-9][0-9]{0,3}$")
INTENT_PREFIX = 4   # characters (NFC) a term needs before it names an intent word it begins
_ASCII_NON_WORD = re.compile(r"[^a-z0-9]+")

# Code point ranges (first, last) of the scripts whose combining marks are letters' vowel
# signs, viramas and the like: removing them would change the word (वकील "lawyer" would become
# वकल). Whole blocks, so that a rare mark of the block is treated like its neighbours; but the
# Devanagari nukta (U+093C) goes like an accent, since everyday Hindi writes मज़दूर "worker" with
# it and without it (मजदूर).
KEEP_MARKS: tuple[tuple[int, int], ...] = (
    (0x0900, 0x093B),    # Devanagari,
    (0x093D, 0x0DFF),    # and Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
                         # Malayalam, Sinhala
    (0x0E00, 0x0EFF),    # Thai, Lao
    (0x0F00, 0x0FFF),    # Tibetan
    (0x1000, 0x109F),    # Myanmar
    (0x1780, 0x17FF),    # Khmer
    (0x1CD0, 0x1CFF),    # Vedic Extensions (written with Devanagari)
    (0xA8E0, 0xA8FF),    # Devanagari Extended
    (0xA9E0, 0xA9FF),    # Myanmar Extended-B
    (0xAA60, 0xAA7F),    # Myanmar Extended-A
)
# Scripts written without spaces between words: a term of these is found anywhere in a text.
# Hangul is not among them: Korean puts spaces between words.
UNSPACED: tuple[tuple[int, int], ...] = (
    (0x0E00, 0x0EFF),    # Thai, Lao
    (0x0F00, 0x0FFF),    # Tibetan
    (0x1000, 0x109F),    # Myanmar
    (0x1780, 0x17FF),    # Khmer
    (0x19E0, 0x19FF),    # Khmer Symbols
    (0x2E80, 0x2FDF),    # CJK Radicals Supplement, Kangxi Radicals
    (0x3000, 0x312F),    # CJK Symbols (々 〆 〇), Hiragana, Katakana, Bopomofo
    (0x3190, 0x31FF),    # Kanbun, Bopomofo Extended, CJK Strokes, Katakana Phonetic Extensions
    (0x3400, 0x4DBF),    # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),    # CJK Unified Ideographs
    (0xA9E0, 0xA9FF),    # Myanmar Extended-B
    (0xAA60, 0xAA7F),    # Myanmar Extended-A
    (0xF900, 0xFAFF),    # CJK Compatibility Ideographs
    (0x20000, 0x3FFFF),  # CJK Unified Ideographs Extensions B to H, Compatibility Supplement
)


def text_rules() -> dict:
    """The ranges as the index carries them to the browser."""
    return {"keep": [list(r) for r in KEEP_MARKS], "unspaced": [list(r) for r in UNSPACED]}


def _within(ranges: tuple[tuple[int, int], ...], cp: int) -> bool:
    return any(a <= cp <= b for a, b in ranges)


def _char_class(codes: list[int]) -> str:
    """A regular-expression class body for a sorted list of code points."""
    ranges: list[list[int]] = []
    for cp in codes:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(f"\\U{a:08x}-\\U{b:08x}" if a != b else f"\\U{a:08x}" for a, b in ranges)


@dataclass(frozen=True)
class _Patterns:
    marks: re.Pattern       # the combining marks that normalize() deletes
    non_word: re.Pattern    # runs of what is not a letter, a digit or a kept mark
    boundary: re.Pattern    # a character followed by one on the other side of UNSPACED
    unspaced: re.Pattern    # a text that starts in UNSPACED


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    marks, kept = [], []
    # Marks lie in planes 0, 1 and 14; the rest is unassigned or private use, so scanning it
    # would change nothing.
    for cp in (*range(0x20000), *range(0xE0000, 0xE1000)):
        if unicodedata.category(chr(cp))[0] == "M":
            (kept if _within(KEEP_MARKS, cp) else marks).append(cp)
    unspaced = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in UNSPACED)
    # Python's regex engine tests a class of plane 0 at once, but one that reaches other planes
    # range by range: those marks are tested only for a character outside plane 0.
    plane0 = _char_class([m for m in marks if m < 0x10000])
    beyond = _char_class([m for m in marks if m >= 0x10000])
    return _Patterns(
        marks=re.compile(f"(?:[{plane0}]|(?=[\\U00010000-\\U0010ffff])[{beyond}])+"),
        # Python's \w is exactly the letters and digits (categories L and N) plus "_"; the only
        # marks left are kept ones (all in plane 0, a class the regex engine tests at once).
        non_word=re.compile(f"(?:(?![{_char_class(kept)}])[\\W_])+"),
        boundary=re.compile(f"[{unspaced}](?=[^ {unspaced}])|[^ {unspaced}](?=[{unspaced}])"),
        unspaced=re.compile(f"[{unspaced}]"),
    )


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).lower())
    if text.isascii():
        return _ASCII_NON_WORD.sub(" ", text).strip()
    p = _patterns()
    text = p.non_word.sub(" ", p.marks.sub("", text).replace("ς", "σ").replace("đ", "d"))
    return p.boundary.sub(lambda m: m.group(0) + " ", text).strip()


def is_unspaced(term: str) -> bool:
    return bool(term) and _patterns().unspaced.match(term) is not None


@dataclass(frozen=True)
class Term:
    """A term with what matching it needs (see "A term matches" in the specification)."""

    text: str
    unspaced: bool
    word_start: str     # " " + text

    @classmethod
    def of(cls, text: str) -> Term:
        return cls(text, is_unspaced(text), " " + text)

    def matches(self, hay: str) -> bool:
        if self.unspaced:
            return self.text in hay
        return hay.startswith(self.text) or self.word_start in hay


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
    terms = [Term.of(t) for t in query.terms]
    return [i for i, page in enumerate(index["pages"]) if all(t.matches(page[2]) for t in terms)]


def _names(term: str, word: str) -> bool:
    """Whether a term of the query names an intent word (see the specification)."""
    if is_unspaced(word):
        return word in term
    typed = len(unicodedata.normalize("NFC", term))
    return term == word or (typed >= INTENT_PREFIX and word.startswith(term))


def asks_for_enforcement(index: dict, terms: list[str]) -> bool:
    for entry in index["intent"]:
        words = entry.split(" ")
        for k in range(len(terms) - len(words) + 1):
            if all(_names(terms[k + j], word) for j, word in enumerate(words)):
                return True
    return False


def search(index: dict, query: Query) -> list[int]:
    orgs = index["orgs"]
    police = orgs["police"]
    asked = asks_for_enforcement(index, query.terms)
    always = set(index["always"])
    hay, services, populations = orgs["hay"], orgs["services"], orgs["populations"]
    languages, area = orgs["languages"], orgs["area"]
    service = _position(index["services"], query.service)
    population = _position(index["populations"], query.population)
    language = _position(index["languages"], query.language)
    everyone = _position(index["populations"], "everyone")
    interpreters = _position(index["services"], "interpretation")
    # Per term: which service labels and language names it matches.
    term_hits = []
    for text in query.terms:
        term = Term.of(text)
        term_hits.append((term, {i for i, s in enumerate(index["services"]) if term.matches(s[2])},
                          {i for i, lang in enumerate(index["languages"]) if term.matches(lang[2])}))

    # Positions by how many broad matches they have, in index order.
    enforcement: dict[int, list[int]] = {}
    help_: dict[int, list[int]] = {}
    for i in range(len(hay)):
        if i in always:
            continue
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
        text = hay[i]
        for term, svc_hits, lang_hits in term_hits:
            # Term.matches, written out: this loop runs for every organization.
            if term.text in text if term.unspaced else \
                    text.startswith(term.text) or term.word_start in text:
                continue
            if svc_hits and any(s in svc_hits for s in services[i]):
                continue
            if lang_hits and any(lang in lang_hits for lang in languages[i]):
                continue
            if lang_hits and interpreters in services[i]:
                broad += 1
                continue
            break
        else:
            (enforcement if police[i] else help_).setdefault(broad, []).append(i)
    named = [i for broad in sorted(enforcement) for i in enforcement[broad]]
    others = [i for broad in sorted(help_) for i in help_[broad]]
    return (named if asked else []) + index["always"] + others + ([] if asked else named)


def others_found(index: dict, order: list[int]) -> bool:
    """Whether the results hold an organization besides those shown in every search: if not,
    the page says that nothing else matches and shows the national referral directories."""
    return any(i not in index["always"] for i in order)
