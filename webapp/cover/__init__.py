"""The calculator: the cover screen the quick exit goes to, and the same calculator as an app
of its own, so the guide can live on the home screen as a calculator. Nothing in its URLs,
titles, markup, manifest or icons may name the guide; tests check a word list in every locale.

- /calculator/                                  the quick exit's cover (no language, no manifest)
- /calculator/<lang>/                           the calculator to install, named in that language
- /calculator/<lang>/manifest.webmanifest       its manifest: own id, name, icons and colours
"""

from __future__ import annotations


from flask import Blueprint, render_template, url_for

from .. import i18n
from ..theme import Icons, Png, manifest_response
from ..guide import add_locale, pull_locale
from ..i18n import gettext as _
from ..templating import rendered_once
from ..components.quick_exit import APP_MARKER, COVER_PATH, DISGUISE_THEME, disguise_name

bp = Blueprint("cover", __name__)

# One app whatever the language it was installed in; different from the guide's id ("/"), so
# both apps can live on one phone.
APP_ID = "/calculator/"
# A calculator's colours (the cover's own): nothing of the guide's blue and cream.
THEME = DISGUISE_THEME
BACKGROUND = "#f2f2f7"
# File names say nothing of what the app hides.
ICONS = Icons("cover", (
    Png("calc-192.png", 192, "any"), Png("calc-512.png", 512, "any"),
    Png("calc-maskable-192.png", 192, "maskable"), Png("calc-maskable-512.png", 512, "maskable"),
    Png("calc-180.png", 180, "apple-touch-icon"),
))


bp.url_value_preprocessor(pull_locale)
bp.url_defaults(add_locale)


def _render(**page) -> str:
    # The way back to the guide and the flags it clears come from the quick exit's settings
    # (quick_exit_config(), the same JSON the guide's pages carry).
    return render_template("cover/calculator.html", theme=THEME, icons=ICONS, **page)


@bp.get(COVER_PATH)
def calculator():
    return rendered_once("calculator", lambda: _render(lang="und", direction="ltr", title="Calculator", app=False),
                         lang="und")


@bp.get("/calculator/<locale:lang>/")
def app():
    loc = i18n.current_locale()
    return rendered_once("calculator-app", lambda: _render(
        lang=loc.code, direction=loc.direction, title=disguise_name(), app=True))


@bp.get("/calculator/<locale:lang>/manifest.webmanifest")
def manifest():
    loc = i18n.current_locale()
    name = disguise_name()
    return manifest_response(
        loc, ICONS, THEME, BACKGROUND, id=APP_ID, name=name, short_name=name,
        # TRANSLATORS: the description of the calculator app in the phone's app list. Plain, about a calculator only.
        description=_("A simple calculator."),
        # The marker tells the calculator it was opened as the installed app (see components/quick_exit).
        start_url=url_for("cover.app", lang=loc.code) + "?" + APP_MARKER)
