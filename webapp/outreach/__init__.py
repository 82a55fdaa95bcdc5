"""The outreach kit, for a worker and a helper sharing one phone: the self-check at
/<lang>/self-check/ (with a two-language view at /<lang>/self-check/<other-lang>/), and wallet
cards to print at /<lang>/card/.

The self-check's answers live in the page. Without JavaScript the form is POSTed to the same
URL and answered with `Cache-Control: no-store`; the server reads the answers, renders the
result and keeps nothing: no log line, no storage, nothing in the URL or the page title."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for
from flask_babel import force_locale
from markupsafe import Markup

from .. import locales
from ..guide import add_locale, pull_locale
from ..pages import BY_NAME
from ..templating import rendered_once
from . import qr, selfcheck

bp = Blueprint("outreach", __name__, url_prefix="/<locale:lang>")
bp.url_value_preprocessor(pull_locale)
bp.url_defaults(add_locale)

# The routes come from the page list (pages.py), so a slug is written once.
SELF_CHECK, CARDS = BY_NAME["self_check"].rule, BY_NAME["cards"].rule

# Fourteen yes/no answers fit in far less; anything bigger is not our form.
MAX_FORM_BYTES = 4096


def _groups():
    return current_app.extensions["guide_content"].selfcheck


def render_self_check(**context) -> str:
    """The self-check's questions (`context` goes to the template: the guide as one file gives
    its layout, webapp/file/)."""
    return render_template("outreach/self_check.html", page=BY_NAME["self_check"], groups=_groups(),
                           **context)


@bp.get(SELF_CHECK)
def self_check():
    return rendered_once("self_check", render_self_check)


@bp.post(SELF_CHECK)
def self_check_result():
    if request.content_length is None:
        abort(411)
    if request.content_length > MAX_FORM_BYTES:
        abort(413)
    answers = selfcheck.read_answers(_groups(), request.form)
    html = render_template("outreach/self_check.html", page=BY_NAME["self_check"], groups=_groups(),
                           result=selfcheck.result(_groups(), answers))
    response = current_app.make_response(html)
    # The result describes the reader's situation: no cache, no back-forward copy, no proxy.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get(SELF_CHECK + "<locale:other>/")
def self_check_pair(other: str):
    second = locales.get(other)
    if second not in locales.served():
        abort(404)
    if second == g.locale:
        # The language switcher of a pair page can land here: one language is the plain check.
        return redirect(url_for("outreach.self_check"))

    def render():
        with force_locale(second.babel):
            strings = selfcheck.strings_in(_groups())
            second_result = Markup(render_template("outreach/_result_only.html", groups=_groups(),
                                                   suffix=second.code))
        return render_template("outreach/self_check_pair.html", page=BY_NAME["self_check"],
                               groups=_groups(), second=second, second_strings=strings,
                               second_result=second_result)

    return rendered_once(f"self_check/{second.code}", render)


def _cards(name: str, discreet: bool) -> str:
    base = qr.public_base(current_app.config.get("GUIDE_BASE_URL", ""))
    def render():
        home = qr.home_url(base.url, g.locale.code) if base.url else None
        return render_template("outreach/cards.html", page=BY_NAME["cards"], discreet=discreet,
                               base=base, home=home, qr_svg=qr.svg(home) if home else None)
    return rendered_once(name, render)


@bp.get(CARDS)
def cards():
    return _cards("cards", discreet=False)


@bp.get(CARDS + "discreet/")
def cards_discreet():
    return _cards("cards_discreet", discreet=True)


@bp.app_template_global()
def home_qr(lang: str):
    """(address, inline SVG) of the guide's home page in `lang` for the share panel, or None
    while the deployer's public address is missing or local."""
    base = qr.public_base(current_app.config.get("GUIDE_BASE_URL", ""))
    if not base.url:
        return None
    url = qr.home_url(base.url, lang)
    return url, qr.svg(url)
