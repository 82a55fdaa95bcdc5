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

# Neutral storage key: it is what someone inspecting the phone's storage would see.
FLAG = "calc-mode"
COVER_PATH = "/calculator/"

GUARD_JS = (
    'try{if(sessionStorage.getItem("%s")||localStorage.getItem("%s"))'
    '{document.documentElement.hidden=true;location.replace("%s")}}catch(e){}'
) % (FLAG, FLAG, COVER_PATH)
GUARD_HASH = "'sha256-%s'" % base64.b64encode(hashlib.sha256(GUARD_JS.encode()).digest()).decode()


def exit_href() -> str:
    """The no-JavaScript destination: the deployer's neutral site, else the cover screen."""
    return current_app.config.get("QUICK_EXIT_URL") or url_for("cover.calculator")


def init_app(app: Flask) -> None:
    app.config.setdefault("QUICK_EXIT_RETURN_CODE", "2580")
    external = app.config.get("QUICK_EXIT_URL") or ""
    if external and not external.startswith(("https://", "http://")):
        raise ValueError(f"QUICK_EXIT_URL must be an http(s) URL, not {external!r}")
    app.jinja_env.globals.update(
        quick_exit_href=exit_href,
        quick_exit_guard=Markup(f"<script>{GUARD_JS}</script>"),
        quick_exit_flag=FLAG,
    )
