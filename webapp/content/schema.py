"""Typed, line-aware access to one YAML mapping, with the checks every content file shares.

Each getter validates as it reads and raises ContentError naming file, line and field, so a
model is built and checked in one pass and a typo'd or unknown field never goes unnoticed.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from .. import textrules
from .yamlfile import ContentError, Items, Node

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:/[^\s<>\"']*)?$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
# How a line relates to law enforcement; each kind has its own label on every page.
ENFORCEMENT = ("police", "federal", "immigration", "emergency")


def field_name(parent: str, key: str) -> str:
    """How a problem names `key` inside the mapping `parent` (`phones[0].display`; a top-level
    field by its key). The CSV import maps these names back to columns (directory/csvrows.py)."""
    return f"{parent}.{key}" if parent else key


def item_name(parent: str, index: int) -> str:
    """How a problem names an item of a list (`services[2]`)."""
    return f"{parent}[{index}]"


class Fields:
    def __init__(self, path: Path, node: object, name: str, line: int = 0):
        if not isinstance(node, Node):
            raise ContentError(path, getattr(node, "line", line), name or "(entry)", "must be a mapping of fields")
        self.path, self.node, self.name = path, node, name
        self.used: set[str] = set()

    # -- helpers ---------------------------------------------------------------------------
    def field(self, key: str) -> str:
        return field_name(self.name, key)

    def error(self, key: str, problem: str) -> ContentError:
        return ContentError(self.path, self.node.line_of(key), self.field(key), problem)

    def _get(self, key: str, required: bool):
        self.used.add(key)
        value = self.node.get(key)
        if value is None or value == "":
            if required:
                raise self.error(key, "is required") if key not in self.node else self.error(key, "is empty")
            return None
        return value

    # -- getters ---------------------------------------------------------------------------
    def ident(self, key: str = "id") -> str:
        value = self.plain(key)
        if not ID.match(value):
            raise self.error(key, f"{value!r} is not a lowercase-hyphenated id")
        return value

    def plain(self, key: str, required: bool = True, pattern: re.Pattern | None = None,
              what: str = "") -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self.error(key, "must be text")
        value = str(value).strip()
        if problem := textrules.unsafe_character(value):
            raise self.error(key, problem)
        if pattern is not None and not pattern.match(value):
            raise self.error(key, f"{value!r} is not {what or 'valid'}")
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self.plain(key, required=default is None)
        if value is None:
            return default  # type: ignore[return-value]
        if value not in choices:
            raise self.error(key, f"{value!r} is not one of {', '.join(choices)}")
        return value

    def text(self, key: str, required: bool = True) -> str | None:
        """A translatable message: one sentence or paragraph of plain text."""
        value = self.plain(key, required)
        if value is None:
            return None
        self.check_message(key, value)
        return value

    def check_message(self, key: str, value: str) -> None:
        """The rules of every translatable message (textrules.py), and those of a message
        written in a content file: one paragraph, and no % (content is never formatted)."""
        if problem := textrules.unsafe_character(value):
            raise self.error(key, problem)
        if "\n" in value or "\r" in value:
            raise self.error(key, "must be one line (one message per paragraph)")
        if problem := textrules.problem(value):
            raise self.error(key, problem)
        if "%" in value:
            raise self.error(key, "must not contain % (it breaks message formatting)")

    def text_list(self, key: str, required: bool = True) -> tuple[str, ...]:
        items = self._get(key, required)
        if items is None:
            return ()
        if not isinstance(items, Items):
            raise self.error(key, "must be a list")
        for i, value in enumerate(items):
            where = item_name(key, i)
            if not isinstance(value, str) or not value.strip():
                raise ContentError(self.path, items.lines[i], self.field(where), "must be non-empty text")
            try:
                self.check_message(key, value)
            except ContentError as exc:
                raise ContentError(self.path, items.lines[i], self.field(where), exc.problem) from None
        return tuple(v.strip() for v in items)

    def ident_list(self, key: str) -> tuple[str, ...]:
        items = self._get(key, False) or Items()
        if not isinstance(items, Items):
            raise self.error(key, "must be a list")
        for i, value in enumerate(items):
            if not isinstance(value, str) or not ID.match(value):
                raise ContentError(self.path, items.lines[i], self.field(item_name(key, i)),
                                   f"{value!r} is not an id")
        return tuple(items)

    def url(self, key: str, required: bool = False) -> str | None:
        return self.plain(key, required, URL, "an https:// URL")

    def email(self, key: str) -> str | None:
        return self.plain(key, False, EMAIL, "an e-mail address")

    def boolean(self, key: str, default: bool | None = None) -> bool:
        value = self._get(key, default is None)
        if value is None:
            return bool(default)
        if not isinstance(value, bool):
            raise self.error(key, "must be true or false")
        return value

    def enforcement(self, key: str = "law_enforcement") -> str | None:
        """None for a line that is not law enforcement, else its kind (`true` is "police")."""
        value = self._get(key, True)
        if value is False:
            return None
        if value is True:
            return "police"
        if isinstance(value, str) and value in ENFORCEMENT:
            return value
        raise self.error(key, f"{value!r} must be true or false, or one of {', '.join(ENFORCEMENT)}")

    def day(self, key: str) -> date:
        value = self.plain(key)
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise self.error(key, f"{value!r} is not a date (YYYY-MM-DD)") from None
        if parsed > date.today():
            raise self.error(key, f"{value} is in the future")
        return parsed

    def children(self, key: str, required: bool = False) -> list["Fields"]:
        items = self._get(key, required)
        if items is None:
            return []
        if not isinstance(items, Items):
            raise self.error(key, "must be a list")
        return [Fields(self.path, item, item_name(self.field(key), i), items.lines[i])
                for i, item in enumerate(items)]

    def child(self, key: str) -> "Fields | None":
        value = self._get(key, False)
        if value is None:
            return None
        return Fields(self.path, value, self.field(key), self.node.line_of(key))

    def done(self) -> None:
        """Reject fields no model reads: they are typos or data that would silently vanish."""
        for key in self.node:
            if key not in self.used:
                raise ContentError(self.path, self.node.line_of(key), self.field(str(key)),
                                   "is not a known field")


def entries(path: Path, data: object) -> list[Fields]:
    """The entries of a file that holds a list of mappings, each named by its id."""
    if not isinstance(data, Items) or not data:
        raise ContentError(path, getattr(data, "line", 1), "(file)", "must be a non-empty list of entries")
    result, seen = [], {}
    for i, node in enumerate(data):
        name = node.get("id") if isinstance(node, Node) and isinstance(node.get("id"), str) else f"[{i}]"
        fields = Fields(path, node, name, data.lines[i])
        ident = fields.ident()
        if ident in seen:
            raise fields.error("id", f"{ident!r} is used twice (also on line {seen[ident]})")
        seen[ident] = data.lines[i]
        result.append(fields)
    return result
