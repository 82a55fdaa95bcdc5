"""Error pages in the reader's language: the locale of the URL when it has one, else the
browser's. Every error page carries the helplines, since a lost reader may still need help."""

from __future__ import annotations

from flask import Flask, abort, g, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from . import locales


def _locale_for_error():
    if g.get("locale") is None:
        first = request.path.lstrip("/").split("/", 1)[0]
        # A locale the app does not serve (the pseudo-locale in production) is not one to
        # answer in either.
        in_url = locales.get(first)
        g.locale = (in_url if in_url in locales.served()
                    else locales.negotiate(request.headers.get("Accept-Language")))
    return g.locale


MAX_URL = 2048
MAX_HEADERS = 16 * 1024


class RequestHeaderFieldsTooLarge(HTTPException):
    code = 431
    description = "Request header fields too large."


def init_app(app: Flask) -> None:
    @app.before_request
    def limit_request_size():
        # Production servers cut these off earlier; the app refuses them too, in the reader's
        # language, whatever server runs it.
        if len(request.full_path) > MAX_URL:
            abort(414)
        if sum(len(k) + len(v) for k, v in request.headers.items()) > MAX_HEADERS:
            raise RequestHeaderFieldsTooLarge()

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if exc.code is None or exc.code < 400:
            return exc
        try:
            _locale_for_error()
        except Exception:  # a header too broken to read still gets an English error page
            g.locale = locales.BY_CODE[locales.DEFAULT]
        template = "errors/404.html" if exc.code == 404 else "errors/error.html"
        response = app.make_response((render_template(template, code=exc.code), exc.code))
        if exc.code == 405 and hasattr(exc, "valid_methods") and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        # The language may come from Accept-Language: a shared cache must not serve one
        # reader's error page to another reader.
        response.vary.add("Accept-Language")
        return response

    @app.errorhandler(InternalServerError)
    def server_error(exc):
        _locale_for_error()
        response = app.make_response((render_template("errors/error.html", code=500), 500))
        response.vary.add("Accept-Language")
        return response
