"""Babel set-up: the locale of each request and the gettext the templates use.

Translations are untrusted input. Jinja's "newstyle" gettext marks every translation as safe
markup; here a translation is plain text, escaped like any other value, so a catalog carrying
`<script>` shows it as text. A translation whose placeholders do not match falls back to the
English message instead of failing the page.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, g, request
from flask_babel import Babel, get_translations

from . import locales, translate


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


def _translations():
    """Flask-Babel's translations for the locale in force, remembered on its own per-context
    state (g._flask_babel) with the locale object they were made for, and used only while that
    very object is in force: a new request, refresh() and force_locale() each put another one
    there. Its get_translations() walks several context lookups and formats the locale's name
    on every call; a page makes hundreds of calls, and the precache build renders every page of
    every locale."""
    if not g:  # outside an app context: Flask-Babel's own answer
        return get_translations()
    state = g.get("_flask_babel")
    locale = getattr(state, "babel_locale", None)
    memo = getattr(state, "guide_translations", None)
    if memo is not None and locale is not None and memo[0] is locale:
        return memo[1]
    translations = get_translations()
    state = g.get("_flask_babel")
    if state is not None and getattr(state, "babel_locale", None) is not None:
        state.guide_translations = (state.babel_locale, translations)
    return translations


def gettext(message: str, **variables) -> str:
    translated = _translations().ugettext(message)
    return _format(translated, message, variables)


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    translated = _translations().ungettext(singular, plural, num)
    return _format(translated, singular if num == 1 else plural, variables)


def review_percent(loc: locales.Locale) -> int:
    """Whole percent of the locale's messages checked by a native speaker (100 for English,
    whose text is the original): the footer says so below 100."""
    if loc.code == locales.DEFAULT:
        return 100
    figures = current_app.extensions["guide_locale_figures"].get(loc.code)
    return figures.review_percent if figures else 0


# A year of the Buddhist Era is the Gregorian year plus this (2025 is 2568).
BUDDHIST_ERA_OFFSET = 543


def format_day(value) -> str:
    """A date in the reader's locale, with a plain numeric form where CLDR has no good one.

    Babel formats the Gregorian calendar only. Thai readers count years in the Buddhist Era,
    as their phones and newspapers do ("7 ธันวาคม 2568"), and so does the browser's own Intl
    for "th", which writes the dates of the saved copy (static/js/guide.js): for a locale on the
    Buddhist calendar the day and month come from Babel and the year is the Buddhist one, in
    ASCII digits like every other number in the guide."""
    from flask_babel import format_date

    loc = current_locale()
    if loc.calendar == "buddhist":
        return f"{format_date(value, 'd MMMM')} {value.year + BUDDHIST_ERA_OFFSET}"
    return format_date(value, loc.date_pattern or "long")


def init_app(app: Flask, translations_dir: str) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en")
    # Translated and reviewed shares per locale, measured once: the footer's review figure
    # and which locales the switcher lists (locales.listed) both come from these.
    app.extensions["guide_locale_figures"] = translate.measure(Path(translations_dir))
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = translations_dir
    Babel(app, locale_selector=_select_babel_locale)

    @app.url_value_preprocessor
    def forget_the_last_requests_locale(endpoint, values):
        # Requests made inside one app context (`flask export`, tests) share `g`: the locale
        # and Flask-Babel's translations cached there belong to the request that set them.
        g.pop("locale", None)
        g.pop("_flask_babel", None)
    # Replace Flask-Babel's Markup-returning callables with the escaping ones above.
    app.jinja_env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext, format_day=format_day,
                                  review_percent=review_percent)
