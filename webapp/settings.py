"""Where the app finds its files: the one place that knows the layout.

`static/`, `translations/` and `service_worker/` sit at the top of the repository, beside the
package. A wheel cannot put folders beside a package, so setup.py maps them into it
(`webapp/static/`, …): in a source checkout or an editable install they are found beside the
package, in an installed wheel inside it.

What the app writes (the hashed bundles and webassets' cache) goes where it can write: in a
checkout, `static/gen/` and `.webassets-cache/` as before; installed, a cache folder outside
site-packages (`GUIDE_CACHE_DIR`, else `$XDG_CACHE_HOME/labor-trafficking-guide`, else
`~/.cache/labor-trafficking-guide`).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app

from . import content

PACKAGE = Path(__file__).resolve().parent
# The folders that live at the top of the repository and inside the package in a wheel.
DATA_FOLDERS = ("static", "translations", "service_worker")
CACHE_NAME = "labor-trafficking-guide"


def installed() -> bool:
    """True when the data folders are inside the package (an installed wheel)."""
    return all((PACKAGE / name).is_dir() for name in DATA_FOLDERS)


@dataclass(frozen=True)
class Paths:
    static: Path          # CSS, JS and icons: Flask's static folder (read only)
    translations: Path    # messages.pot and <locale>/LC_MESSAGES/messages.po, .mo
    service_worker: Path  # sw.js, served at /sw.js with its precache list
    content: Path         # the YAML content files (GUIDE_CONTENT_DIR)
    bundles: Path         # hashed CSS and JS bundles, written at start-up, served at /static/gen/
    assets_cache: Path    # webassets' cache and bundle versions, never served

    @property
    def sw_source(self) -> Path:
        return self.service_worker / "sw.js"

    @property
    def icons(self) -> Path:
        return self.static / "icons"

    @property
    def industry_icons(self) -> Path:
        return self.icons / "industries"

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] = os.environ) -> Paths:
        data = PACKAGE if installed() else PACKAGE.parent
        cache_dir = environ.get("GUIDE_CACHE_DIR")
        if cache_dir:
            bundles, assets_cache = Path(cache_dir) / "gen", Path(cache_dir) / "webassets"
        elif data is PACKAGE:
            base = Path(environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / CACHE_NAME
            bundles, assets_cache = base / "gen", base / "webassets"
        else:
            bundles, assets_cache = data / "static" / "gen", data / ".webassets-cache"
        return cls(
            static=data / "static",
            translations=data / "translations",
            service_worker=data / "service_worker",
            content=Path(environ.get("GUIDE_CONTENT_DIR") or content.DEFAULT_DIR),
            bundles=bundles,
            assets_cache=Path(environ.get("GUIDE_ASSETS_CACHE") or assets_cache),
        )


def init_app(app: Flask, defaults: Paths) -> Paths:
    app.extensions["guide_paths"] = defaults
    return paths(app)


def paths(app: Flask | None = None) -> Paths:
    """The app's paths: its defaults with the app's CONTENT_DIR and TRANSLATIONS_DIR, which
    `create_app(config)` and tests may point at copies, even after start-up (`flask translate`
    then works on the copy)."""
    app = app or current_app
    stored = app.extensions["guide_paths"]
    content, translations = Path(app.config["CONTENT_DIR"]), Path(app.config["TRANSLATIONS_DIR"])
    if (content, translations) != (stored.content, stored.translations):
        stored = dataclasses.replace(stored, content=content, translations=translations)
        app.extensions["guide_paths"] = stored
    return stored
