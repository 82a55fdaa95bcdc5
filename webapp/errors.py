"""Error pages in the reader's language: the locale of the URL when it has one, else the
browser's. Every error page carries the helplines, since a lost reader may still need help."""

from __future__ import annotations

from flask import Flask, g, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from . import locales


def _locale_for_error():
    if g.get("locale") is None:
        first = request.path.lstrip("/").split("/", 1)[0]
        g.locale = locales.get(first) or locales.negotiate(request.headers.get("Accept-Language"))
    return g.locale


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if exc.code is None or exc.code < 400:
            return exc
        _locale_for_error()
        template = "errors/404.html" if exc.code == 404 else "errors/error.html"
        response = app.make_response((render_template(template, code=exc.code), exc.code))
        if exc.code == 405 and hasattr(exc, "valid_methods") and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(InternalServerError)
    def server_error(exc):
        _locale_for_error()
        return render_template("errors/error.html", code=500), 500
