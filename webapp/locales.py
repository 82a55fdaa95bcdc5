"""The one list of supported locales, read by the app, the switcher, the sitemap, the
manifests and the tests.

`code` is the BCP 47 tag used in URLs and in `lang=""`; `babel` is the identifier of the
catalog folder under translations/ (gettext cannot use BCP 47 script subtags as they are).
"""

from __future__ import annotations

from dataclasses import dataclass

import re

from werkzeug.datastructures import LanguageAccept
from werkzeug.routing import BaseConverter
from werkzeug.http import parse_accept_header


@dataclass(frozen=True)
class Locale:
    code: str
    babel: str
    autonym: str
    direction: str = "ltr"
    # False until a native speaker has reviewed the whole catalog; the footer says so.
    reviewed: bool = False
    # Development-only locales (the pseudo-locale) are served but never listed to readers.
    listed: bool = True

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


DEFAULT = "en"

LOCALES: tuple[Locale, ...] = (
    Locale("en", "en", "English", reviewed=True),
    Locale("es", "es", "Español"),
)

BY_CODE: dict[str, Locale] = {loc.code: loc for loc in LOCALES}
_BY_LOWER: dict[str, Locale] = {loc.code.lower(): loc for loc in LOCALES}

# Tags readers' browsers send that should land on a locale we have.
ALIASES: dict[str, str] = {
    "zh": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-my": "zh-Hans",
    "fil": "tl",
}


def get(code: str | None) -> Locale | None:
    """The locale for an exact URL segment (case-sensitive, as URLs are)."""
    return BY_CODE.get(code) if code else None


def listed() -> list[Locale]:
    return [loc for loc in LOCALES if loc.listed]


def match_tag(tag: str) -> Locale | None:
    """Best locale for one language tag: exact, then alias, then language and script, then
    primary language (so es-MX and es-419 reach es, pt-BR reaches pt)."""
    tag = tag.strip().replace("_", "-").lower()
    if not tag or tag == "*":
        return None
    if tag in _BY_LOWER:
        return _BY_LOWER[tag]
    parts = tag.split("-")
    for n in range(len(parts), 0, -1):
        prefix = "-".join(parts[:n])
        if prefix in ALIASES and ALIASES[prefix].lower() in _BY_LOWER:
            return _BY_LOWER[ALIASES[prefix].lower()]
        if prefix in _BY_LOWER:
            return _BY_LOWER[prefix]
    return None


def negotiate(header: str | None) -> Locale:
    """The best listed locale for an Accept-Language header; English when nothing fits or
    the header is malformed."""
    if header:
        try:
            accepted = parse_accept_header(header[:1000], LanguageAccept)
        except Exception:  # werkzeug is lenient, but the header is hostile input
            accepted = LanguageAccept()
        for tag, quality in accepted:
            if quality <= 0:
                continue
            loc = match_tag(tag)
            if loc is not None and loc.listed:
                return loc
    return BY_CODE[DEFAULT]


class LocaleConverter(BaseConverter):
    """URL segment that matches only a served locale, so /anything-else/ is a plain 404."""

    regex = "(?:" + "|".join(re.escape(loc.code) for loc in LOCALES) + ")"
