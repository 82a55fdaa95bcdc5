"""The whole guide in one HTML file per language, to pass from phone to phone with no signal
(Quick Share, Bluetooth, a chat, an SD card): GET /<lang>/file/ answers it as a download.

It is a render mode of the site (rendermode.py), never a copy of it: document.py renders each
page that pages.py marks `in_file` with its own template and the same catalogs, as a section
of one document in base.html's layout; links between pages become links between sections, and
styles, scripts, the directory's index and the calculator are inline, allowed by a
Content-Security-Policy in a <meta> (a file has no headers) that lets nothing reach the
network. The file is in the service worker's precache list and the static export, so it can be
shared from a phone that is offline.

Its settings, read and checked here at start-up:
- GUIDE_FILE_NAME    the file's name before "-<lang>.html" (default "notes"), and
- GUIDE_FILE_TITLE   its <title> (default "Notes" in the reader's language): neither may name
                     the guide, trafficking or help, since both show in a Downloads folder,
                     a chat and the browser's history;
- GUIDE_FILE_DIRECTORY_LIMIT  how many of the deployer's own organizations the file lists
                     besides the national lines (default 25): the file stays small enough for
                     MMS and slow Bluetooth, and says how many it left out.
"""

from __future__ import annotations

import os
import re

from flask import Blueprint, Flask, Response, current_app, g, url_for

from .. import hosting, locales
from ..guide import add_locale, pull_locale
from ..i18n import gettext as _

bp = Blueprint("file", __name__, url_prefix="/<locale:lang>")
bp.url_value_preprocessor(pull_locale)
bp.url_defaults(add_locale)

DEFAULT_NAME = "notes"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
DEFAULT_DIRECTORY_LIMIT = 25


def file_name(code: str) -> str:
    """The file's name in one language, as a download and as a shared file."""
    return f"{current_app.config['FILE_NAME']}-{code}.html"


def file_title() -> str:
    # TRANSLATORS: the title of the guide when it is shared as one file, shown in the browser's tab and history. A plain word for a document, like "Notes": never a word from the guide, about work, trafficking or help.
    return current_app.config["FILE_TITLE"] or _("Notes")


def downloads() -> dict[str, str]:
    """Each served language's file: its address and the name it is saved under (for the
    static export's headers)."""
    return {url_for("file.download", lang=loc.code): file_name(loc.code) for loc in locales.served()}


@bp.record_once
def read_settings(state) -> None:
    """The file's settings (the app's config wins over the environment); a bad one stops the
    app at start-up."""
    app: Flask = state.app
    app.config.setdefault("FILE_NAME", os.environ.get("GUIDE_FILE_NAME", DEFAULT_NAME))
    app.config.setdefault("FILE_TITLE", os.environ.get("GUIDE_FILE_TITLE", ""))
    app.config.setdefault("FILE_DIRECTORY_LIMIT",
                          os.environ.get("GUIDE_FILE_DIRECTORY_LIMIT", str(DEFAULT_DIRECTORY_LIMIT)))
    name = app.config["FILE_NAME"]
    if not NAME.fullmatch(name):
        raise ValueError("GUIDE_FILE_NAME must be 1 to 40 letters, digits, '-' or '_' "
                         f"(the file is called NAME-<lang>.html), not {name!r}")
    limit = str(app.config["FILE_DIRECTORY_LIMIT"])
    if not limit.isdigit():
        raise ValueError(f"GUIDE_FILE_DIRECTORY_LIMIT must be a whole number, not {limit!r}")
    app.config["FILE_DIRECTORY_LIMIT"] = int(limit)
    app.jinja_env.globals.update(shared_file_name=file_name)


@bp.get("/file/")
def download():
    from . import document

    cache = current_app.extensions.setdefault("guide_file_cache", {})
    made = cache.get(g.locale.code)
    if made is None:
        made = cache[g.locale.code] = document.build()
    response = Response(made.html, mimetype="text/html")
    # A download: its own policy is in its <meta> (a file has no headers); the site's headers,
    # as on every response, keep it inert if a browser showed it from here instead.
    response.headers["Content-Disposition"] = hosting.attachment(file_name(g.locale.code))
    return response
