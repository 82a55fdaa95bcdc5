"""Logs that cannot betray a reader: no client address and no query string (a search can
describe someone's situation). Applied to the app's loggers and to the development server's
access log; gunicorn.conf.py does the same for production."""

from __future__ import annotations

import logging
import re

_ADDRESS = re.compile(r"^\S+ - - ")
# The request line may be wrapped in terminal colour codes by the development server.
_QUERY = re.compile(r"(\"(?:\x1b\[[0-9;]*m)?[A-Z]+ [^\s?\"]*)\?[^\s\"\x1b]*")


class StripPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _QUERY.sub(r"\1", _ADDRESS.sub("", message))
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


def init_app(app) -> None:
    flt = StripPersonalData()
    for name in ("werkzeug", app.logger.name, "gunicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, StripPersonalData) for f in logger.filters):
            logger.addFilter(flt)
