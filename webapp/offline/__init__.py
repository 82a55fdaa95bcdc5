"""Offline support: the service worker with its precache list, the web app manifests, the
offline fallback page and the 'Saved for offline' page."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request, url_for

from .. import i18n
from ..guide import add_locale, pull_locale
from ..i18n import gettext as _
from . import precache

bp = Blueprint("offline", __name__)

ROOT = Path(__file__).resolve().parent.parent.parent
SW_SOURCE = ROOT / "service_worker" / "sw.js"
# The chooser's language rule, inlined so the worker and the chooser run the same code.
LOCALE_MATCH = ROOT / "static" / "js" / "locale-match.js"
PLACEHOLDER = "self.__PRECACHE__"
MATCH_PLACEHOLDER = "/* LOCALE_MATCH */"

THEME = "#0b5c7a"
BACKGROUND = "#fdfcf9"


bp.url_value_preprocessor(pull_locale)
bp.url_defaults(add_locale)


def service_worker_body(app) -> str:
    source = SW_SOURCE.read_text(encoding="utf-8")
    data = json.dumps(precache.get(app), separators=(",", ":"))
    return source.replace(PLACEHOLDER, data, 1).replace(
        MATCH_PLACEHOLDER, LOCALE_MATCH.read_text(encoding="utf-8").strip(), 1)


@bp.get("/sw.js")
def service_worker():
    response = Response(service_worker_body(current_app._get_current_object()), mimetype="text/javascript")
    # The browser must always ask for a new worker; its bytes change with every deploy, and a
    # deploy that changed nothing costs one 304.
    response.headers["Cache-Control"] = "no-cache"
    response.add_etag()
    return response.make_conditional(request)


@bp.get("/<locale:lang>/manifest.webmanifest")
def manifest():
    loc = i18n.current_locale()
    icon = lambda name: url_for("static", filename=f"icons/app/{name}")  # noqa: E731
    data = {
        "id": "/",
        "name": _("Labor Trafficking Help"),
        "short_name": _("Get help"),
        "description": _("Free, confidential help for workers who are forced, tricked or threatened into working. Helplines, your rights, and where to get help."),
        "lang": loc.code,
        "dir": loc.direction,
        "start_url": url_for("guide.home", lang=loc.code),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "icons": [
            {"src": icon("icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": icon("icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": icon("maskable-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "maskable"},
            {"src": icon("maskable-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        ],
    }
    body = json.dumps(data, ensure_ascii=False, indent=1)
    return Response(body, mimetype="application/manifest+json")


@bp.get("/<locale:lang>/offline/")
def offline_page():
    return render_template("offline/offline.html")


@bp.get("/<locale:lang>/saved/")
def saved():
    return render_template("offline/saved.html")
