"""The guide's pages, under a locale prefix: /en/, /es/rights/, …"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, g, render_template

from .. import locales
from ..pages import PAGES, Page
from ..templating import rendered_once

bp = Blueprint("guide", __name__, url_prefix="/<locale:lang>")


@bp.url_value_preprocessor
def pull_locale(endpoint, values):
    """The reader's locale from the URL, for every blueprint with localized routes; a route
    without one (/sw.js, /forget/, /calculator/) has none to pull."""
    if not values or "lang" not in values:
        return
    loc = locales.get(values.pop("lang"))
    if loc not in locales.served():
        abort(404)
    g.locale = loc


@bp.url_defaults
def add_locale(endpoint, values):
    """Links keep the reader's locale, on the routes that take one."""
    if ("lang" not in values and g.get("locale") is not None
            and current_app.url_map.is_endpoint_expecting(endpoint, "lang")):
        values["lang"] = g.locale.code


def _view(page: Page):
    def view():
        return rendered_once(page.name, lambda: render_template(f"guide/{page.name}.html", page=page))

    view.__name__ = page.name
    return view


for _page in PAGES:
    if _page.blueprint == bp.name:
        bp.add_url_rule(_page.rule, _page.name, _view(_page))
