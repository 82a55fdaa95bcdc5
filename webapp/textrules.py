"""What a translatable message must not hold, one set of rules for the content files and the
translation catalogs alike; and the characters no text of the content may hold at all.

Numbers live in helplines.yaml, addresses in data fields and markup in templates. A phone
number, short code, web or e-mail address, or HTML typed into a message would escape them:
translators would copy it, a reader could be sent to the wrong line, and a catalog is
untrusted input. Content validation (content/schema.py) refuses any of them in a message;
`flask translate check` (translate.py) refuses them in the English messages, and in a
translation when the English does not have them. Placeholders (`%(number)s`) are read with
Babel's own pattern.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from babel.messages.catalog import PYTHON_FORMAT


@dataclass(frozen=True)
class Rule:
    what: str            # what was found, with its article: "a phone number"
    pattern: re.Pattern
    instead: str         # where it belongs

    def refusal(self, hit: str) -> str:
        return f"must not contain {self.what}: {hit!r} ({self.instead})"

    def addition(self, hit: str) -> str:
        return f"adds {self.what} not in the original: {hit!r}"


MARKUP = Rule("an HTML tag or a brace", re.compile(r"<[A-Za-z/!][^<>]*>?|[{}]"),
              "markup belongs in the templates")
ADDRESS = Rule("a web or e-mail address",
               re.compile(r"(?:https?://|www\.)\S+|[\w.%+-]+@[\w-]+\.[\w.]+", re.I), "use a data field")
PHONE = Rule("a phone number", re.compile(r"\+?\d(?:[\s().-]?\d){6,}"), "numbers live in helplines.yaml")
# Short codes a reader dials or texts: N11 (911, 711...), 988, and 5-6 digit text codes
# (233733, 88788). Years, ages, days and counts ("2017", "40 hours", "32,000") do not match.
SHORT_CODE = Rule("a short code",
                  re.compile(r"(?<!\d)(?<!\d[,.])(?:[2-9]11|988|\d{5,6})(?!\d)(?![,.]\d)"),
                  "numbers live in helplines.yaml")
# In this order, so a phone number inside an address is reported as the address.
RULES = (MARKUP, ADDRESS, PHONE, SHORT_CODE)


def found(text: str) -> Iterator[tuple[Rule, str]]:
    """Everything in `text` that a message must not hold, with the rule it breaks."""
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            yield rule, match.group(0)


def problem(text: str) -> str | None:
    """Why a message must not be used as it is (its first finding), or None."""
    for rule, hit in found(text):
        return rule.refusal(hit)
    return None


def additions(original: str, translation: str) -> list[str]:
    """What a translation holds that its original does not, as problems. The original is
    checked on its own, so anything it has was allowed there."""
    return [rule.addition(hit) for rule, hit in found(translation) if hit not in original]


def split_placeholders(text: str) -> Iterator[tuple[str, bool]]:
    """The text in pieces, each with whether it is a placeholder (`%(number)s`, `%s`) as Babel
    parses them; `%%` is text."""
    last = 0
    for match in PYTHON_FORMAT.finditer(text):
        if match.group(3) == "%":
            continue
        if match.start() > last:
            yield text[last:match.start()], False
        yield match.group(0), True
        last = match.end()
    if last < len(text):
        yield text[last:], False


def placeholders(text: str) -> set[str]:
    return {piece for piece, placeholder in split_placeholders(text) if placeholder}


# -- characters ----------------------------------------------------------------------------
# No text of the content (a name, a description, a number, an address, in the YAML files or a
# directory CSV) may hold a control character (NUL, ESC...: they are raw in the page and in
# index.json) or a bidirectional embedding, override or isolate (U+202A-U+202E,
# U+2066-U+2069): they make a name or a number read differently from what it is, and can
# reverse the text around it. Line breaks are left to the checks of texts that must be one line.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# Unicode's control characters (category Cc) are exactly U+0000-U+001F and U+007F-U+009F.
_UNSAFE = re.compile(f"(?P<bidi>[{BIDI_CONTROLS}])|(?P<control>[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f])")


def _character(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def unsafe_character(text: str) -> str | None:
    """Why `text` must not be used, naming its first forbidden character and where it is."""
    found = _UNSAFE.search(text)
    if found is None:
        return None
    ch, where = found.group(0), found.start() + 1
    if found.group("bidi"):
        return (f"contains the bidirectional control character {_character(ch)} at character {where}, "
                "which can make the text read otherwise than it is: remove it")
    return f"contains the control character {_character(ch)} at character {where}: remove it"
