"""Offline support: /sw.js (service_worker/sw.js with the precache list of precache.py and
the chooser's language rule inlined), the guide's web app manifest per locale (colours and
icons from theme.py), the offline fallback page and the 'Saved for offline' page."""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, render_template, request, url_for

from .. import i18n, settings
from ..theme import BACKGROUND_COLOR, GUIDE_ICONS, THEME_COLOR, manifest_response
from ..guide import add_locale, pull_locale
from ..i18n import gettext as _
from ..templating import rendered_once
from . import precache

bp = Blueprint("offline", __name__)

# The chooser's language rule (static/js/), inlined so the worker and the chooser run the
# same code.
LOCALE_MATCH = "js/locale-match.js"
PLACEHOLDER = "self.__PRECACHE__"
MATCH_PLACEHOLDER = "/* LOCALE_MATCH */"


bp.url_value_preprocessor(pull_locale)
bp.url_defaults(add_locale)


def service_worker_body(app) -> str:
    paths = settings.paths(app)
    source = paths.sw_source.read_text(encoding="utf-8")
    data = json.dumps(precache.get(app), separators=(",", ":"))
    match = (paths.static / LOCALE_MATCH).read_text(encoding="utf-8").strip()
    return source.replace(PLACEHOLDER, data, 1).replace(MATCH_PLACEHOLDER, match, 1)


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
    return manifest_response(
        loc, GUIDE_ICONS, THEME_COLOR, BACKGROUND_COLOR, id="/",
        name=_("Labor Trafficking Help"), short_name=_("Get help"),
        description=_("Free, confidential help for workers who are forced, tricked or threatened into working. Helplines, your rights, and where to get help."),
        start_url=url_for("guide.home", lang=loc.code))


@bp.get("/<locale:lang>/offline/")
def offline_page():
    return rendered_once("offline", lambda: render_template("offline/offline.html"))


@bp.get("/<locale:lang>/saved/")
def saved():
    return rendered_once("saved", lambda: render_template("offline/saved.html"))
