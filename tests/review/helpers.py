"""A writable copy of the translations and a CLI bound to it: review tests never touch the real
catalogs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from webapp import locales, translate
from webapp.review import state
from tests.conftest import ROOT


def copy_translations(tmp_path: Path) -> Path:
    target = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", target, ignore=shutil.ignore_patterns("*.mo"))
    return target


def catalog(base: Path, code: str):
    loc = locales.BY_CODE[code]
    return translate._read(translate.po_path(base, loc), loc.babel)


def save(base: Path, code: str, cat) -> None:
    translate._write(cat, translate.po_path(base, locales.BY_CODE[code]))


def utc_day() -> str:
    """The day `flask translate approve` stamps on what it marks: today, by UTC."""
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).strftime("%Y-%m-%d")


def approve(app, base: Path, *args):
    """`flask translate approve ARGS` and the days it may have stamped: a run that starts
    before midnight (UTC) may stamp the next day."""
    before = utc_day()
    result = invoke(app, base, "approve", *args)
    return result, {before, utc_day()}


def invoke(app, base: Path, *args):
    """Run `flask translate …` against the copy in `base`."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(app.config, "TRANSLATIONS_DIR", str(base))
        return app.test_cli_runner().invoke(args=["translate", *args])


def review_states(cat) -> dict[str, str]:
    """English → review state, for every message with one."""
    return {m.id if isinstance(m.id, str) else m.id[0]: state.state(m)
            for m in cat if m.id and state.state(m)}


def reviewed_english(cat) -> set[str]:
    return {english for english, s in review_states(cat).items() if s == "reviewed"}


def fill(html: str, answers: dict, initials: str = "", escape_notes: bool = True) -> str:
    """A sheet filled the way the browser saves it: `checked` radios, notes as textarea text.
    The browser test fills a sheet for real; these tests use this to build hostile variants."""
    from html import escape

    for key, (verdict, note) in answers.items():
        if verdict:
            radio = f'name="v-{key}" value="{verdict}"'
            assert radio in html, key
            html = html.replace(radio, radio + " checked")
        if note:
            start = html.index(f'<textarea name="n-{key}"')
            end = html.index("</textarea>", start)
            opening = html[start:html.index(">", start) + 1]
            html = html[:start] + opening + (escape(note) if escape_notes else note) + html[end:]
    if initials:
        html = html.replace('<input name="reviewer"', f'<input name="reviewer" value="{initials}"')
    return html
