"""Message-level review state, kept in the catalogs themselves as a translator comment so that
it travels with the .po file through Poedit, Weblate or e-mail:

    # reviewed: 2026-12-01 AB 3f9a1c2e7b

the day, the reviewer's initials and a fingerprint of the English and the translation that
were checked. A mark counts only while the fingerprint matches: when the English or the
translation changes afterwards, the message is "changed since review". `flask translate
update` then replaces the mark with a plain `# changed since review: …` line, so the message
is no longer counted as reviewed anywhere but still shows up as needing a second look.

A reviewer who asks for a change leaves `# review note: 2026-12-01 AB: …` for the translator.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
import unicodedata
from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message

MARK = re.compile(r"^reviewed: (\d{4}-\d\d-\d\d) (\S{1,8}) ([0-9a-f]{10})$")
CHANGED = "changed since review: "
NOTE = "review note: "
# Babel wraps comments longer than the catalog's line width into separate comment lines; a long
# note is written as its own short lines so that it reads back whole.
NOTE_MORE = "review note, continued: "
NOTE_WIDTH = 60
INITIALS = re.compile(r"^[^\W\d_]{1,4}$")
# Bidirectional overrides and isolates can make a note display as something it is not.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
NOTE_MAX = 2000


def _texts(value) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(v or "" for v in value)
    return (value or "",)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:10]


def key(message: Message) -> str:
    """Names a message (its English and context) in a sheet."""
    return _digest(message.context or "", *_texts(message.id))


def fingerprint(message: Message) -> str:
    """What a reviewer saw: the English and the translation together."""
    return _digest(key(message), "\x01", *_texts(message.string))


def is_translated(message: Message) -> bool:
    return bool(message.string) and not message.fuzzy and all(_texts(message.string))


@dataclass(frozen=True)
class Mark:
    day: str
    reviewer: str
    fingerprint: str


def mark_of(message: Message) -> Mark | None:
    for comment in message.user_comments:
        found = MARK.match(comment.strip())
        if found:
            return Mark(*found.groups())
    return None


def state(message: Message) -> str | None:
    """"reviewed", "changed" (reviewed once, then the English or translation changed), or None."""
    mark = mark_of(message)
    if mark is not None:
        if is_translated(message) and mark.fingerprint == fingerprint(message):
            return "reviewed"
        return "changed"
    if any(c.startswith(CHANGED) for c in message.user_comments):
        return "changed"
    return None


def notes(message: Message) -> list[str]:
    found: list[str] = []
    for comment in message.user_comments:
        if comment.startswith(NOTE):
            found.append(comment[len(NOTE):])
        elif comment.startswith(NOTE_MORE) and found:
            found[-1] += " " + comment[len(NOTE_MORE):]
    return found


def clean_text(text: str, limit: int = NOTE_MAX) -> str:
    """One line of plain text: no control characters, no bidirectional overrides, no runs of
    whitespace (a newline in a .po comment would end the comment and start catalog syntax)."""
    text = text.translate(_BIDI_CONTROLS)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    return " ".join(text.split())[:limit]


def _without_review(message: Message) -> list[str]:
    return [c for c in message.user_comments
            if not (MARK.match(c.strip()) or c.startswith((CHANGED, NOTE, NOTE_MORE)))]


def set_reviewed(message: Message, day: str, reviewer: str) -> None:
    if not INITIALS.match(reviewer):
        raise ValueError(f"reviewer initials must be 1 to 4 letters, not {reviewer!r}")
    message.user_comments = _without_review(message) + [f"reviewed: {day} {reviewer} {fingerprint(message)}"]


def set_change_requested(message: Message, day: str, reviewer: str, note: str) -> None:
    if not INITIALS.match(reviewer):
        raise ValueError(f"reviewer initials must be 1 to 4 letters, not {reviewer!r}")
    note = clean_text(note) or "(no note)"
    lines = textwrap.wrap(note, NOTE_WIDTH, break_long_words=False, break_on_hyphens=False)
    message.user_comments = (_without_review(message) + [f"{NOTE}{day} {reviewer}: {lines[0]}"]
                             + [f"{NOTE_MORE}{line}" for line in lines[1:]])


def expire(catalog: Catalog) -> list[Message]:
    """Turn every mark that no longer matches its message into a `changed since review` line;
    `translate update` calls this after merging a new template (changed English is fuzzy)."""
    expired = []
    for message in catalog:
        mark = mark_of(message)
        if message.id and mark is not None and state(message) == "changed":
            message.user_comments = _without_review(message) + [
                f"{CHANGED}was reviewed {mark.day} by {mark.reviewer}"]
            expired.append(message)
    return expired


@dataclass(frozen=True)
class Figures:
    total: int
    translated: int
    reviewed: int
    changed: int

    @property
    def completion(self) -> float:
        return self.translated / max(self.total, 1)

    @property
    def review_percent(self) -> int:
        """Whole percent reviewed, never rounded up to 100 while a message is unreviewed, and
        at least 1 once any message is."""
        if self.total and self.reviewed >= self.total:
            return 100
        if not self.reviewed:
            return 0
        return min(99, max(1, 100 * self.reviewed // max(self.total, 1)))


def figures(catalog: Catalog) -> Figures:
    total = translated = reviewed = changed = 0
    for message in catalog:
        if not message.id:
            continue
        total += 1
        translated += is_translated(message)
        current = state(message)
        reviewed += current == "reviewed"
        changed += current == "changed"
    return Figures(total, translated, reviewed, changed)
