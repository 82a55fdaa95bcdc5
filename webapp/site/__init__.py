"""Site-wide routes outside any locale: the language picker at / and the sitemap."""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, request, url_for

from .. import locales, public_url
from ..pages import PAGES

bp = Blueprint("site", __name__)


@bp.get("/")
def root():
    loc = locales.negotiate(request.headers.get("Accept-Language"))
    response = redirect(url_for("guide.home", lang=loc.code), code=302)
    response.headers["Vary"] = "Accept-Language"
    response.headers["Cache-Control"] = "no-store"
    return response


def page_urls() -> list[dict]:
    """Every page of pages.py in every listed locale, with its alternates, for the sitemap.
    The precache list (offline/precache.py) walks the same pages in every served locale."""
    result = []
    for page in PAGES:
        alternates = {loc.code: url_for(page.endpoint, lang=loc.code) for loc in locales.listed()}
        for loc in locales.listed():
            result.append({"page": page, "locale": loc, "path": alternates[loc.code],
                           "alternates": alternates})
    return result


@bp.get("/sitemap.xml")
def sitemap():
    xml = render_template("site/sitemap.xml", entries=page_urls(), base=public_url.base())
    return Response(xml, mimetype="application/xml")


@bp.get("/robots.txt")
def robots():
    return Response(f"User-agent: *\nAllow: /\nSitemap: {public_url.absolute('/sitemap.xml')}\n",
                    mimetype="text/plain")
