"""The review sheet: one self-contained HTML file (or a CSV) for a native speaker who does not
know software. Each message shows the English, the translation, the translator's note, the
pages where it is shown and what the automatic checks found, grouped by page in reading
order, with OK / change and a note to fill in the browser and save."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from babel.messages.catalog import Catalog, Message
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from .. import locales, textrules
from ..pages import BY_NAME, PAGES
from . import state

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "review"
# Scripts that need far fewer characters than English for the same sentence.
DENSE_SCRIPTS = {"zh_Hans", "ko"}

# Groups beyond the guide's pages, in the order a reader meets them.
EVERY_PAGE = "every-page"
EXTRA_GROUPS = {
    EVERY_PAGE: "Every page (header, menu and footer)",
    "saved": "Saved for offline",
    "offline": "Offline page",
    "errors": "Error pages",
    "app": "Installed app (name on the phone's home screen)",
    "other": "Other",
}
_CONTENT = {
    "helplines.yaml": ("home", "helplines"), "industries.yaml": ("industries",),
    "signs.yaml": ("signs",), "faq.yaml": ("questions",), "resources.yaml": ("resources",),
    "quote.yaml": ("resources",), "directory.yaml": ("services",), "vocabulary.py": ("services",),
}
_TEMPLATES = {
    "base.html": (EVERY_PAGE,), "guide/page.html": (EVERY_PAGE,),
    "macros/helplines.html": ("home", "helplines"), "directory/services.html": ("services",),
    "offline/saved.html": ("saved",), "offline/offline.html": ("offline",),
}


def pages_of(message: Message) -> list[str]:
    """The groups (page names from pages.py, or EXTRA_GROUPS) where a message is shown, from
    Babel's locations, in reading order."""
    found: set[str] = set()
    for filename, _line in message.locations:
        path = PurePosixPath(filename)
        parts = path.parts
        if filename == "webapp/pages.py":
            for page in PAGES:
                if message.id == page.title:
                    found.update((page.name, EVERY_PAGE))
                elif message.id == page.summary:
                    found.add("home")
        elif parts[:2] == ("webapp", "content"):
            found.update(_CONTENT.get(path.name, ("other",)))
        elif parts[:2] == ("webapp", "templates"):
            inner = "/".join(parts[2:])
            if inner in _TEMPLATES:
                found.update(_TEMPLATES[inner])
            elif inner.startswith("guide/") and path.stem in BY_NAME:
                found.add(path.stem)
            elif inner.startswith("errors/"):
                found.add("errors")
            else:
                found.add("other")
        elif filename == "webapp/offline/__init__.py":
            found.add("app")
        else:
            found.add("other")
    return [name for name in ORDER if name in found] or ["other"]


ORDER = [EVERY_PAGE] + [page.name for page in PAGES] + [k for k in EXTRA_GROUPS if k != EVERY_PAGE]


@dataclass
class Entry:
    key: str
    seen: str
    english: tuple[str, ...]
    translation: tuple[str, ...]
    note: str
    pages: list[str]
    flags: list[str] = field(default_factory=list)
    state: str | None = None
    mark: state.Mark | None = None


def _texts(value) -> tuple[str, ...]:
    return tuple(v or "" for v in value) if isinstance(value, (list, tuple)) else (value or "",)


def flags(message: Message, babel_id: str) -> list[str]:
    """What the automatic checks found, in words a reviewer understands."""
    english, translation = _texts(message.id), _texts(message.string)
    found = []
    if not state.is_translated(message):
        found.append("Not translated yet, or marked as unsure (fuzzy): the English is shown instead.")
        return found
    if any(t == e for t, e in zip(translation, english)) and any(c.isalpha() for c in english[0]):
        found.append("Same as the English.")
    ratio = sum(map(len, translation)) / max(sum(map(len, english)), 1)
    low, high = (0.15, 1.5) if babel_id in DENSE_SCRIPTS else (0.5, 2.2)
    if ratio < low or ratio > high:
        size = "shorter" if ratio < low else "longer"
        found.append(f"Much {size} than the English: is something missing or added?")
    if any(re.search(r"\d", t) or textrules.ADDRESS.pattern.search(t) for t in translation):
        found.append("Contains a number or an address: check it is the same as in the English.")
    wanted = textrules.placeholders(" ".join(english))
    if any(textrules.placeholders(t) != wanted for t in translation):
        found.append("A placeholder (%(…)s) is missing, extra or renamed.")
    if state.state(message) == "changed":
        found.append("Changed since a reviewer last checked it.")
    return found


def _note(message: Message) -> str:
    lines = [c.removeprefix("TRANSLATORS:").strip() for c in message.auto_comments]
    lines += [f"Earlier reviewer's note: {n}" for n in state.notes(message)]
    return " ".join(line for line in lines if line)


def entries(catalog: Catalog) -> list[tuple[str, list[Entry]]]:
    """Every message of the catalog, once, under the first page (in reading order) that shows it."""
    groups: dict[str, list[Entry]] = {name: [] for name in ORDER}
    for message in catalog:
        if not message.id:
            continue
        shown = pages_of(message)
        groups[shown[0]].append(Entry(
            key=state.key(message), seen=state.fingerprint(message), english=_texts(message.id),
            translation=_texts(message.string) if state.is_translated(message) else ("",),
            note=_note(message), pages=shown, flags=flags(message, catalog.locale_identifier or ""),
            state=state.state(message), mark=state.mark_of(message)))
    return [(name, items) for name, items in groups.items() if items]


def highlight(text: str) -> Markup:
    """The text, escaped, with its placeholders marked so a reviewer sees what the app fills in."""
    return Markup("").join(
        Markup('<mark class="ph" title="Filled in by the app">%s</mark>') % piece if placeholder
        else escape(piece) for piece, placeholder in textrules.split_placeholders(text))


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["highlight"] = highlight
    return env


def render_html(catalog: Catalog, loc: locales.Locale, base_url: str = "") -> str:
    page_names = {}
    for name in ORDER:
        if name in BY_NAME:
            page = BY_NAME[name]
            own = catalog.get(page.title)
            translated = own.string if own is not None and state.is_translated(own) else ""
            page_names[name] = (page.title, translated)
        else:
            page_names[name] = (EXTRA_GROUPS[name], "")

    def link(name: str) -> str:
        if not base_url or name not in BY_NAME:
            return ""
        slug = BY_NAME[name].slug
        return f"{base_url.rstrip('/')}/{loc.code}/" + (f"{slug}/" if slug else "")

    groups = entries(catalog)
    figures = state.figures(catalog)
    env = _environment()
    return env.get_template("sheet.html").render(
        loc=loc, groups=groups, page_names=page_names, link=link, figures=figures,
        made=datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        css=Markup((TEMPLATES / "sheet.css").read_text(encoding="utf-8")),
        js=Markup((TEMPLATES / "sheet.js").read_text(encoding="utf-8")),
    )


CSV_COLUMNS = ["language", "key", "seen", "page", "english", "translation", "checks",
               "verdict", "note"]


def _cell(text: str) -> str:
    # A spreadsheet would run a cell that starts like a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def render_csv(catalog: Catalog, loc: locales.Locale) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    for name, items in entries(catalog):
        for e in items:
            writer.writerow([loc.code, e.key, e.seen, name, _cell(" | ".join(e.english)),
                             _cell(" | ".join(e.translation)), _cell(" ".join(e.flags)), "", ""])
    return "\ufeff" + buf.getvalue()
