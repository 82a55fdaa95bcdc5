"""Remove the guide from this phone: /<locale>/forget/ (and /forget/, in the browser's language).

One button removes everything the guide stored on the device. Without JavaScript it POSTs,
and the answer carries `Clear-Site-Data: "cache", "storage"`, so the browser itself deletes
the saved pages, the service worker, local and session storage and the HTTP cache. With
JavaScript (static/js/forget.js) the page deletes them itself first, which also works
offline, then asks the server for the same header when it can. Either way the reader is left
on a neutral page that does not show the guide.
"""

from __future__ import annotations

from flask import Blueprint, make_response, redirect, render_template, request, url_for

from .. import locales
from ..guide import add_locale, pull_locale

bp = Blueprint("forget", __name__)
bp.url_value_preprocessor(pull_locale)
bp.url_defaults(add_locale)

# What the browser removes for this site when it receives the header: Cache Storage, service
# workers, local and session storage, IndexedDB ("storage") and the HTTP cache ("cache").
CLEAR_SITE_DATA = '"cache", "storage"'


@bp.get("/forget/")
def forget_root():
    loc = locales.negotiate(request.headers.get("Accept-Language"))
    response = redirect(url_for("forget.forget", lang=loc.code), 302)
    response.headers["Vary"] = "Accept-Language"
    return response


@bp.route("/<locale:lang>/forget/", methods=["GET", "POST"])
def forget():
    if request.method == "GET":
        return render_template("forget/forget.html")
    response = make_response(render_template("forget/done.html"))
    response.headers["Clear-Site-Data"] = CLEAR_SITE_DATA
    response.headers["Cache-Control"] = "no-store"
    return response
