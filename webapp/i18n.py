"""Babel set-up: the locale of each request and the gettext the templates use.

Translations are untrusted input. Jinja's "newstyle" gettext marks every translation as safe
markup; here a translation is plain text, escaped like any other value, so a catalog carrying
`<script>` shows it as text. A translation whose placeholders do not match falls back to the
English message instead of failing the page.
"""

from __future__ import annotations

from flask import Flask, g, request
from flask_babel import Babel, get_translations

from . import locales

def current_locale() -> locales.Locale:
    loc = g.get("locale")
    if loc is None:
        loc = locales.negotiate(request.headers.get("Accept-Language")) if request else locales.BY_CODE["en"]
        g.locale = loc
    return loc


def _select_babel_locale() -> str:
    return current_locale().babel


def _format(message: str, original: str, variables: dict) -> str:
    if not variables:
        return message
    try:
        return message % variables
    except (KeyError, ValueError, TypeError):
        return original % variables


def gettext(message: str, **variables) -> str:
    translated = get_translations().ugettext(message)
    return _format(translated, message, variables)


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    translated = get_translations().ungettext(singular, plural, num)
    return _format(translated, singular if num == 1 else plural, variables)


def measure_completion(translations_dir: str) -> dict[str, float]:
    """Share of translated, confirmed messages per locale, read from the .po files."""
    from pathlib import Path

    from babel.messages.pofile import read_po

    result = {}
    for loc in locales.LOCALES:
        path = Path(translations_dir) / loc.babel / "LC_MESSAGES" / "messages.po"
        if loc.code == locales.DEFAULT:
            result[loc.code] = 1.0
            continue
        if not path.exists():
            result[loc.code] = 0.0
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh)
        messages = [m for m in catalog if m.id]
        done = [m for m in messages if m.string and not m.fuzzy
                and all(m.string if isinstance(m.string, tuple) else [m.string])]
        result[loc.code] = len(done) / max(len(messages), 1)
    return result


def format_day(value) -> str:
    """A date in the reader's locale, with a plain numeric form where CLDR has no good one."""
    from flask_babel import format_date

    loc = current_locale()
    return format_date(value, loc.date_pattern or "long")


def init_app(app: Flask, translations_dir: str) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en")
    app.extensions["guide_locale_completion"] = measure_completion(translations_dir)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = translations_dir
    Babel(app, locale_selector=_select_babel_locale)
    # Replace Flask-Babel's Markup-returning callables with the escaping ones above.
    app.jinja_env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext, format_day=format_day)
