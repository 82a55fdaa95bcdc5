"""Error pages in the reader's language: the locale of the URL when it has one, else the
browser's. Every error page carries the helplines, since a lost reader may still need help.

Any request, however malformed, gets a 4xx page with the security headers, never a 500 and
never a traceback in the log. A request whose Host is not the site's (public_url.py's
TRUSTED_HOSTS) has no URL adapter, so the page is rendered with one bound to the public
address; if the page still cannot be rendered, a plain page takes its place. Bodies are
limited for the whole app (MAX_BODY, as nginx's client_max_body_size, and MAX_FORM_PARTS).
"""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, g, render_template, request
from markupsafe import escape
from werkzeug.exceptions import HTTPException, InternalServerError

from . import locales

MAX_URL = 2048
MAX_HEADERS = 16 * 1024
# The largest request body the guide reads (the forms send a few hundred bytes), and the most
# parts a multipart body may have. nginx's client_max_body_size is the same (hosting.py).
MAX_BODY = 64 * 1024
MAX_FORM_PARTS = 50


class RequestHeaderFieldsTooLarge(HTTPException):
    code = 431
    description = "Request header fields too large."


def _locale_for_error():
    if g.get("locale") is None:
        first = request.path.lstrip("/").split("/", 1)[0]
        # A locale the app does not serve (the pseudo-locale in production) is not one to
        # answer in either.
        in_url = locales.get(first)
        g.locale = (in_url if in_url in locales.served()
                    else locales.negotiate(request.headers.get("Accept-Language")))
    return g.locale


def _bind_urls() -> None:
    """A request refused before routing (an untrusted or malformed Host) has no URL adapter,
    and the page's links (url_for) need one: bind one to the public address."""
    from flask.globals import request_ctx

    ctx = request_ctx._get_current_object()
    if ctx.url_adapter is None:
        base = urlsplit(current_app.config["GUIDE_BASE_URL"])
        ctx.url_adapter = current_app.url_map.bind(base.netloc, url_scheme=base.scheme)


def plain_page(code: int) -> str:
    """The last resort: a page that needs nothing but the status code."""
    reason = escape(HTTPStatus(code).phrase if code in HTTPStatus._value2member_map_ else "Error")
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{code} {reason}</title></head>\n<body><h1>{code} {reason}</h1>"
            "<p><a href=\"/\">Labor Trafficking Help</a></p></body></html>\n")


def error_response(code: int):
    try:
        _bind_urls()
        try:
            _locale_for_error()
        except Exception:  # a header too broken to read still gets an English error page
            g.locale = locales.BY_CODE[locales.DEFAULT]
        template = "errors/404.html" if code == 404 else "errors/error.html"
        html = render_template(template, code=code)
    except Exception as exc:  # noqa: BLE001 - the error page itself must never fail
        # One line, no traceback: nothing of the request, only what broke.
        current_app.logger.error("The %s page could not be rendered (%s): a plain page was sent",
                                 code, type(exc).__name__)
        html = plain_page(code)
    response = current_app.make_response((html, code))
    # The language may come from Accept-Language: a shared cache must not serve one
    # reader's error page to another reader.
    response.vary.add("Accept-Language")
    return response


def init_app(app: Flask) -> None:
    @app.before_request
    def limit_request_size():
        # Production servers cut these off earlier; the app refuses them too, in the reader's
        # language, whatever server runs it.
        if len(request.full_path) > MAX_URL:
            abort(414)
        if sum(len(k) + len(v) for k, v in request.headers.items()) > MAX_HEADERS:
            raise RequestHeaderFieldsTooLarge()
        # A body over the limit is refused before anything reads it, whatever the route
        # (a body sent without a length is cut off at the limit as it is read).
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        if limit is not None and (request.content_length or 0) > limit:
            abort(413)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if exc.code is None or exc.code < 400:
            return exc
        response = error_response(exc.code)
        if exc.code == 405 and getattr(exc, "valid_methods", None):
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(InternalServerError)
    def server_error(exc):
        return error_response(500)
