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

ROOT = None  # set by init_app; the folder holding translations/


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


def init_app(app: Flask, translations_dir: str) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en")
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = translations_dir
    Babel(app, locale_selector=_select_babel_locale)
    # Replace Flask-Babel's Markup-returning callables with the escaping ones above.
    app.jinja_env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext)
