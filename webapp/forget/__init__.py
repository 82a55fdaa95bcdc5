"""Remove the guide from this phone: /<locale>/forget/ (and /forget/, in the browser's language).

One button removes everything the guide stored on the device. The "removed" address,
/removed/<locale>/, is a plain GET of a neutral page whose answer carries
`Clear-Site-Data: "cache", "storage"`, so the browser itself deletes the saved pages, the
service worker, local and session storage and the HTTP cache. The app sends that header, and
so do the static export's `_headers` and nginx file (hosting.py, from REMOVED_HEADERS), so it
works on a static host too. Without JavaScript the button's form opens that address. With
JavaScript (static/js/forget.js) the page first deletes what a page can delete itself, which
works offline, then fetches the address: only when the answer carries the header does the page
say "Done"; otherwise it says what was removed and what still needs a connection, and finishes
when the phone is back online. The service worker never answers the address (offline/precache.py
lists it as `passThrough`), so the header always comes from the network. Either way the reader
is left on a neutral page that does not show the guide.
"""

from __future__ import annotations

from flask import Blueprint, make_response, redirect, render_template, request, url_for

from .. import locales
from ..guide import add_locale, pull_locale
from ..templating import rendered_once

bp = Blueprint("forget", __name__)
bp.url_value_preprocessor(pull_locale)
bp.url_defaults(add_locale)

# What the browser removes for this site when it receives the header: Cache Storage, service
# workers, local and session storage, IndexedDB ("storage") and the HTTP cache ("cache").
CLEAR_SITE_DATA = '"cache", "storage"'
# The "removed" pages, one folder of their own so that a static host's rules for them overlap
# no other (hosting.py), and their headers wherever they are served. no-store: the header
# must come from the network every time, never from a copy.
REMOVED_PREFIX = "/removed/"
REMOVED_HEADERS = {"Clear-Site-Data": CLEAR_SITE_DATA, "Cache-Control": "no-store"}


def removed_urls() -> list[str]:
    """The "removed" address of every served locale (the export writes each)."""
    return [url_for("forget.removed", lang=loc.code) for loc in locales.served()]


@bp.get("/forget/")
def forget_root():
    loc = locales.negotiate(request.headers.get("Accept-Language"))
    response = redirect(url_for("forget.forget", lang=loc.code), 302)
    response.headers["Vary"] = "Accept-Language"
    return response


@bp.route("/<locale:lang>/forget/", methods=["GET", "POST"])
def forget():
    if request.method == "GET":
        return rendered_once("forget", lambda: render_template("forget/forget.html"))
    # The form POSTed here before the "removed" address existed; a page saved then still may.
    return removed()


@bp.get(REMOVED_PREFIX + "<locale:lang>/")
def removed():
    # A link on another website must not wipe a reader's saved guide: the browser says where
    # the request came from (Sec-Fetch-Site); from elsewhere, the page with the button instead.
    # The static export's hosts cannot tell, and answer every request with the header.
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return redirect(url_for("forget.forget"), 303)
    response = make_response(render_template("forget/done.html"))
    response.headers.update(REMOVED_HEADERS)
    return response
