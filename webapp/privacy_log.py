"""Logs that cannot betray a reader: no client address, no query string and no words of the
request line in any log line (a search, a mistyped address or a hostile request can describe
someone's situation). Applied to the development server (werkzeug), the app's own logger and,
through `GunicornLogger` (gunicorn.conf.py's `logger_class`), to gunicorn.

Lines are rebuilt from what is known to be safe, not filtered for what looks unsafe: a request
line is reduced to its method and, only when the app answered below 400 (so the path is one of
the guide's own addresses), its path without the query. Everything else the request sent is
replaced by "-".
"""

from __future__ import annotations

import logging
import re
import time

import flask
from flask import request
from gunicorn.glogging import Logger as _GunicornLogger

# werkzeug's request handler logs f"{address} - - [{date}] {template}" with the request's
# values as arguments (see werkzeug.serving.WSGIRequestHandler.log).
_HANDLER_LINE = re.compile(r"^.*? - - \[(?P<date>[^\]]*)\] (?P<template>.*)$", re.S)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Methods are logged by name only when they are HTTP's own: any other word in the method's
# place (`PASSPORTGONE /`) is whatever the sender typed, logged as OTHER.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"})
# A path the guide serves: letters, digits and / _ . - ~ only.
_SAFE_PATH = re.compile(r"^/[A-Za-z0-9/_.~-]*$")
_NUMBER = re.compile(r"^\d{1,6}$")


def safe_method(method) -> str:
    return method if method in METHODS else "OTHER"


def safe_request(method: str, path: str, status) -> str:
    """`METHOD /path` where both are known to be the guide's own, else OTHER and "-" in
    their place."""
    method = safe_method(method)
    path = (path or "").split("?", 1)[0]
    code = str(status)
    if not (_NUMBER.match(code) and int(code) < 400 and _SAFE_PATH.match(path)):
        path = "-"
    return f"{method} {path}"


def _safe_value(value) -> str:
    text = str(value)
    return text if _NUMBER.match(text) else "-"


def _werkzeug(record: logging.LogRecord) -> None:
    match = _HANDLER_LINE.match(record.msg) if isinstance(record.msg, str) else None
    if match is None:
        return  # the server's own messages (start-up, reloader): nothing from a request
    date, template = match.group("date"), match.group("template").rstrip()
    args = record.args if isinstance(record.args, tuple) else ()
    if template == '"%s" %s %s' and len(args) == 3:
        line = _ANSI.sub("", str(args[0])).split(" ")
        status = _ANSI.sub("", str(args[1]))
        method, path = (line + ["", ""])[:2]
        message = f'"{safe_request(method, path, status)}" {_safe_value(status)} {_safe_value(args[2])}'
    else:  # errors such as "code 400, message Bad request syntax (...)": keep numbers only
        try:
            message = re.sub(r"%[di]", "%s", template) % tuple(_safe_value(a) for a in args)
        except (TypeError, ValueError):
            message = "(request log line withheld)"
    record.msg, record.args = f"[{date}] {message}", ()


class StripPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "werkzeug":
            _werkzeug(record)
        return True


class Flask(flask.Flask):
    """Flask's own "Exception on /path [GET]" names the requested path; this names the
    endpoint, which is the guide's own."""

    def log_exception(self, exc_info) -> None:
        self.logger.error("Exception on %s [%s]", request.endpoint or "-",
                          safe_method(request.method),
                          exc_info=exc_info)


# -- gunicorn ---------------------------------------------------------------------------------
_IP = re.compile(r"\bip=\S*|\b\d{1,3}(?:\.\d{1,3}){3}\b|\[?[0-9a-fA-F]*:[0-9a-fA-F:.]{2,}\]?")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\([^)]*\)")


def clean_server_message(message: str) -> str:
    """A gunicorn error-log message without the client's address or what it sent: an invalid
    request keeps only the kind of problem ("Invalid HTTP request line")."""
    if message.startswith("Invalid request from ip="):
        kind = message.split(": ", 1)[1] if ": " in message else ""
        kind = re.split(r"[:('\"]", kind, maxsplit=1)[0].strip()
        return f"Invalid request: {kind or 'rejected'}"
    if message.startswith("Error handling request"):
        return "Error handling request"
    return _QUOTED.sub("(…)", _IP.sub("-", message))


class GunicornLogger(_GunicornLogger):
    """gunicorn's logger, with access lines rebuilt from safe parts and error-log messages
    cleaned. `access_log_format` is not used: what a line may show is decided here."""

    def log(self, lvl, msg, *args, **kwargs):
        if isinstance(lvl, str):
            lvl = self.LOG_LEVELS.get(lvl.lower(), logging.INFO)
        try:
            text = str(msg) % args if args else str(msg)
        except (TypeError, ValueError):
            text = str(msg)
        # gunicorn's INFO lines are about the server itself (start, workers, signals).
        self.error_log.log(lvl, text if lvl == logging.INFO else clean_server_message(text), **kwargs)

    def critical(self, msg, *args, **kwargs):
        self.log(logging.CRITICAL, msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        self.log(logging.ERROR, msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        self.log(logging.WARNING, msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        self.log(logging.INFO, msg, *args, **kwargs)

    def debug(self, msg, *args, **kwargs):
        self.log(logging.DEBUG, msg, *args, **kwargs)

    def exception(self, msg, *args, **kwargs):
        kwargs.setdefault("exc_info", True)
        self.log(logging.ERROR, msg, *args, **kwargs)

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = str(getattr(resp, "status_code", None) or str(getattr(resp, "status", "-")).split(" ")[0])
        size = getattr(resp, "sent", None)
        millis = int(request_time.total_seconds() * 1000) if hasattr(request_time, "total_seconds") else 0
        stamp = time.strftime("[%d/%b/%Y:%H:%M:%S %z]")
        line = (f'{stamp} "{safe_request(getattr(req, "method", ""), getattr(req, "path", ""), status)}" '
                f"{_safe_value(status)} {_safe_value(size if size is not None else '-')} {millis}ms")
        try:
            self.access_log.info(line)
        except Exception:  # noqa: BLE001 - a log line must never fail a request
            self.error("Failed to write an access log line")


def init_app(app) -> None:
    flt = StripPersonalData()
    for name in ("werkzeug", app.logger.name):
        logger = logging.getLogger(name)
        if not any(isinstance(f, StripPersonalData) for f in logger.filters):
            logger.addFilter(flt)
