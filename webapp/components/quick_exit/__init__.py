"""Quick exit, one component (after govuk-frontend's "Exit this page"): this module is its
Python side and the one place it is configured; macro.html draws the bar and the skip link
(every string passed in by the layout), quick_exit.js makes them act at once, quick_exit.css
styles them. assets.py puts the script and styles in the guide's bundles, so the service
worker caches them with the rest.

What the browser needs to know (storage keys, the cover's address, the way-back code, the
deployer's neutral site) is written here once and reaches both scripts as the same JSON,
browser_config(): the guide's quick exit reads it from the bar, the calculator (static/cover/
calc.js) from its keypad. The two inline scripts below are generated from the same constants.

The guard runs inline in <head>, before anything renders, so Back, Forward or reopening the
installed app show the cover instead of the guide. It, and the disguise script, are allowed by
their hashes in the Content-Security-Policy (security.py), not by 'unsafe-inline'.

The back-forward cache. A phone's browser keeps the pages a reader leaves, whole, and on Back
paints the kept page at once, before any of its scripts run: the guard in <head> never runs
again, and a pageshow listener comes a frame too late (Chromium showed the guide's home page
for one frame after an exit, then the calculator). Pages stay in the cache while the reader
reads, because it makes Back instant on a slow phone; the exit takes them out:
- every page of the guide listens on one BroadcastChannel (named FLAG), and the exit posts a
  message on it. A page kept in the cache that receives a message is evicted from it
  (Chromium: "BroadcastChannelOnMessage"), in every tab of the site, so Back loads it again
  and the guard hides it before its first paint;
- a page going into the cache is also hidden as it goes (pagehide) and shown again when it
  comes back (pageshow) only if no exit happened meanwhile: in an engine that restored a page
  anyway, the page it restores is a hidden one. In Chromium that alone is not enough (the
  frame it kept from before pagehide may be shown again), hence the channel. The cost is one
  blank frame when an ordinary Back restores a page.
tests/components/test_quick_exit.py records every frame painted during Back and Forward, in
the full Chromium with its cache on.

The guide as one file (webapp/file/) has no cover to go to and no network: its calculator is
in the page (a `.calc-cover` after the footer), and the exit puts COVER_CLASS on <html>, which
hides everything else and shows it (FILE_STYLE). The file's own guard (FILE_GUARD_JS) does the
same before the first paint when this tab has exited, so a reload, or Forward into the file,
shows the calculator. Back inside the file moves between its sections without leaving the
document: the class stays, and file.js shows no section while it is there.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

from flask import Flask, current_app
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from ... import rendermode

HERE = Path(__file__).resolve().parent
# The component's files, bundled by assets.py into the guide's CSS and JavaScript.
SCRIPT = HERE / "quick_exit.js"
STYLES = HERE / "quick_exit.css"

# The way back to the guide, typed into the calculator and followed by "=". The safety page
# explains it; deployers change it with QUICK_EXIT_RETURN_CODE (digits only: the calculator
# remembers the last 12 digits typed).
DEFAULT_RETURN_CODE = "2580"
RETURN_CODE = re.compile(r"\d{1,12}")

# Neutral storage keys: they are what someone inspecting the phone's storage would see.
# FLAG: an exit happened (this tab: sessionStorage; installed apps: localStorage too).
FLAG = "calc-mode"
# APP_FLAG: this window is the app installed as a calculator; its value is the path of that
# calculator. The calculator records it when the app starts (its manifest's start_url carries
# APP_MARKER), in sessionStorage, so it lives and dies with the app's window. Clearing the
# site's storage (the /forget/ page, the browser's settings) removes it with the rest.
APP_FLAG = "calc-app"
APP_MARKER = "app"
# The cover's address (the cover blueprint serves it from here).
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

# The guide as one file: the class on <html> that shows the calculator in the page instead of
# the guide (static/cover/calc.css styles the page by it too), and the calculator's id, the
# target of the bar's link without JavaScript.
COVER_CLASS = "calc-mode"
COVER_ID = "calc"
FILE_GUARD_JS = (
    '(function(){try{if(sessionStorage.getItem("%s"))document.documentElement.classList.add("%s")}'
    'catch(e){}})()'
) % (FLAG, COVER_CLASS)
# With COVER_CLASS nothing but the calculator is shown; without JavaScript, the bar's link to
# #calc shows it the same way (where the browser has :has()).
FILE_STYLE = (
    ".calc-cover{{display:none}}"
    "html.{cls} body>:not(.calc-cover),html:has(#{id}:target) body>:not(.calc-cover){{display:none!important}}"
    "html.{cls} .calc-cover,#{id}:target{{display:block;block-size:100%}}"
).format(cls=COVER_CLASS, id=COVER_ID)


def csp_hash(text: str) -> str:
    """A Content-Security-Policy source allowing this inline script or style, by its hash."""
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


GUARD_HASH = csp_hash(GUARD_JS)
DISGUISE_HASH = csp_hash(DISGUISE_JS)
# The only inline scripts the guide has; security.py allows exactly these.
CSP_HASHES = (GUARD_HASH, DISGUISE_HASH)


def return_code() -> str:
    return current_app.config["QUICK_EXIT_RETURN_CODE"]


def exit_href() -> str:
    """The no-JavaScript destination: the deployer's neutral site, else the cover screen; in the
    guide as one file, the calculator in the page."""
    if rendermode.in_file():
        return "#" + COVER_ID
    return current_app.config["QUICK_EXIT_URL"] or COVER_PATH


def browser_config() -> dict[str, str]:
    """Everything both scripts need, from here and the app's config: the quick exit on every
    page and the calculator read this same object (as JSON in a data-config attribute)."""
    config = {
        "flag": FLAG,
        "appFlag": APP_FLAG,
        "appMarker": APP_MARKER,
        "cover": COVER_PATH,
        "code": return_code(),
        "external": current_app.config["QUICK_EXIT_URL"],
    }
    if rendermode.in_file():
        # The calculator is in the page, and a file never sends the reader to the network.
        config.update(cover="#" + COVER_ID, external="", inline=COVER_CLASS)
    return config


def config_attribute() -> Markup:
    """browser_config() as JSON for a single-quoted attribute (<, >, & and ' escaped)."""
    return htmlsafe_json_dumps(browser_config(), separators=(",", ":"))


def disguise_name() -> str:
    """The name of the app installed as a calculator: the deployer's choice, else "Calculator"
    in the reader's language."""
    from ...i18n import gettext as _

    # TRANSLATORS: the name of a plain calculator app, the word your language's phones use for
    # their own calculator. It hides the guide on the home screen: never a word from the guide.
    return current_app.config.get("DISGUISE_NAME") or _("Calculator")


def disguise_script() -> Markup:
    return Markup('<script data-t="%s" data-c="%s">%s</script>') % (
        disguise_name(), DISGUISE_THEME, Markup(DISGUISE_JS))


def init_app(app: Flask) -> None:
    """Read the component's settings (the app's config wins over the environment) and check
    them: a bad one stops the app at start-up, not a reader's exit."""
    app.config.setdefault("QUICK_EXIT_URL", os.environ.get("QUICK_EXIT_URL", ""))
    app.config.setdefault("QUICK_EXIT_RETURN_CODE",
                          os.environ.get("QUICK_EXIT_RETURN_CODE", DEFAULT_RETURN_CODE))
    app.config.setdefault("DISGUISE_NAME", os.environ.get("GUIDE_DISGUISE_NAME", ""))
    external = app.config["QUICK_EXIT_URL"]
    if external and not external.startswith(("https://", "http://")):
        raise ValueError(f"QUICK_EXIT_URL must be an http(s) URL, not {external!r}")
    code = app.config["QUICK_EXIT_RETURN_CODE"] = str(app.config["QUICK_EXIT_RETURN_CODE"])
    if not RETURN_CODE.fullmatch(code):
        raise ValueError(f"QUICK_EXIT_RETURN_CODE must be 1 to 12 digits, not {code!r}")
    app.jinja_env.globals.update(
        quick_exit_href=exit_href,
        quick_exit_config=config_attribute,
        quick_exit_guard=Markup(f"<script>{GUARD_JS}</script>"),
        disguise_name=disguise_name,
        disguise_script=disguise_script,
        quick_exit_cover_class=COVER_CLASS,
    )
