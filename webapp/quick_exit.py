"""Quick exit: where it goes, and the guard that keeps the guide hidden in a tab after an exit.

The guard runs inline in <head>, before anything renders, so Back, Forward or reopening the
installed app show the cover instead of the guide. It is allowed by its hash in the
Content-Security-Policy, not by 'unsafe-inline'.
"""

from __future__ import annotations

import base64
import hashlib

from flask import Flask, current_app, url_for
from markupsafe import Markup

# Neutral storage keys: they are what someone inspecting the phone's storage would see.
# FLAG: an exit happened (this tab: sessionStorage; installed apps: localStorage too).
FLAG = "calc-mode"
# APP_FLAG: this window is the app installed as a calculator; its value is the path of that
# calculator. The calculator records it when the app starts (its manifest's start_url carries
# APP_MARKER), in sessionStorage, so it lives and dies with the app's window. Clearing the
# site's storage (the /forget/ page, the browser's settings) removes it with the rest.
APP_FLAG = "calc-app"
APP_MARKER = "app"
COVER_PATH = "/calculator/"

# After an exit, go back to the calculator this window came from (the disguised app's own,
# in its language), else to the plain cover.
GUARD_JS = (
    '(function(){try{if(sessionStorage.getItem("%s")||localStorage.getItem("%s")){'
    'document.documentElement.hidden=true;var c=sessionStorage.getItem("%s")||"";'
    'location.replace(c.indexOf("%s")===0?c:"%s")}}catch(e){}})()'
) % (FLAG, FLAG, APP_FLAG, COVER_PATH, COVER_PATH)
# In <head>, before the page shows: inside the disguised app, the page's title (what the app
# switcher and the history show) is the calculator's name, and the bar above the page takes the
# calculator's colour, not the guide's.
DISGUISE_JS = (
    '(function(){try{if(sessionStorage.getItem("%s")){var s=document.currentScript;'
    'document.title=s.getAttribute("data-t");'
    'var m=document.querySelector(\'meta[name="theme-color"]\');if(m)m.content=s.getAttribute("data-c")}}'
    'catch(e){}})()'
) % APP_FLAG
# The calculator's colour (the installed calculator's theme_color and the cover's bar).
DISGUISE_THEME = "#3a3a3c"


def _csp_hash(script: str) -> str:
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()


GUARD_HASH = _csp_hash(GUARD_JS)
DISGUISE_HASH = _csp_hash(DISGUISE_JS)


def exit_href() -> str:
    """The no-JavaScript destination: the deployer's neutral site, else the cover screen."""
    return current_app.config.get("QUICK_EXIT_URL") or url_for("cover.calculator")


def disguise_name() -> str:
    """The name of the app installed as a calculator: the deployer's choice, else "Calculator"
    in the reader's language."""
    from .i18n import gettext as _

    # TRANSLATORS: the name of a plain calculator app, the word your language's phones use for
    # their own calculator. It hides the guide on the home screen: never a word from the guide.
    return current_app.config.get("DISGUISE_NAME") or _("Calculator")


def disguise_script() -> Markup:
    return Markup('<script data-t="%s" data-c="%s">%s</script>') % (
        disguise_name(), DISGUISE_THEME, Markup(DISGUISE_JS))


def init_app(app: Flask) -> None:
    app.config.setdefault("QUICK_EXIT_RETURN_CODE", "2580")
    external = app.config.get("QUICK_EXIT_URL") or ""
    if external and not external.startswith(("https://", "http://")):
        raise ValueError(f"QUICK_EXIT_URL must be an http(s) URL, not {external!r}")
    app.jinja_env.globals.update(
        quick_exit_href=exit_href,
        quick_exit_guard=Markup(f"<script>{GUARD_JS}</script>"),
        quick_exit_flag=FLAG,
        quick_exit_app_flag=APP_FLAG,
        disguise_name=disguise_name,
        disguise_script=disguise_script,
    )
