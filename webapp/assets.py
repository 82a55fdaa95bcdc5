"""CSS and JavaScript bundles: minified by webassets' rcssmin/rjsmin filters into
content-hashed files under static/gen/, which are served as immutable. Sources are paths under
static/, or a component's own files (webapp/components/, given as absolute paths); every bundle
is in the service worker's precache list (offline/precache.py), so whatever a component ships
is saved for offline use with the bundle that carries it. (ASSETS_DEBUG, which serves the
sources one by one, cannot serve a component's files: leave it off.)"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from flask_assets import Bundle, Environment

from .components import quick_exit

BUNDLES = {
    # Every page of the guide: its styles and script, with the quick exit's.
    "guide_css": Bundle("css/guide.css", str(quick_exit.STYLES), filters="rcssmin",
                        output="gen/guide.%(version)s.css"),
    "guide_js": Bundle(str(quick_exit.SCRIPT), "js/guide.js", filters="rjsmin",
                       output="gen/guide.%(version)s.js"),
    # Loaded only by the "Find services" page.
    "directory_js": Bundle("js/directory.js", filters="rjsmin", output="gen/directory.%(version)s.js"),
    # Loaded only by the "Remove saved data" page.
    "forget_js": Bundle("js/forget.js", filters="rjsmin", output="gen/forget.%(version)s.js"),
    # The outreach kit (self-check, wallet cards).
    "outreach_css": Bundle("css/outreach.css", filters="rcssmin", output="gen/outreach.%(version)s.css"),
    "outreach_js": Bundle("js/outreach.js", filters="rjsmin", output="gen/outreach.%(version)s.js"),
    "choose_js": Bundle("js/locale-match.js", "js/choose.js", filters="rjsmin", output="gen/choose.%(version)s.js"),
    # The cover screen has its own small bundles so that nothing of the guide loads with it.
    "cover_css": Bundle("cover/calc.css", filters="rcssmin", output="gen/c.%(version)s.css"),
    "cover_js": Bundle("cover/calc.js", filters="rjsmin", output="gen/c.%(version)s.js"),
}


# webassets' cache (and the manifest of bundle versions) lives outside static/, so that it is
# never served; GUIDE_ASSETS_CACHE moves it (e.g. to a writable volume).
CACHE_DIR = Path(__file__).resolve().parent.parent / ".webassets-cache"


def init_app(app: Flask) -> Environment:
    app.config.setdefault("ASSETS_DEBUG", False)
    app.config.setdefault("ASSETS_CACHE", os.environ.get("GUIDE_ASSETS_CACHE", str(CACHE_DIR)))
    Path(app.config["ASSETS_CACHE"]).mkdir(parents=True, exist_ok=True)
    env = Environment(app)
    env.url_expire = False  # the hash is in the file name; no ?query needed
    env.versions = "hash"
    env.manifest = "cache"
    for name, bundle in BUNDLES.items():
        env.register(name, bundle)
    with app.app_context():
        # Build once at start-up so the first request does not pay for it and a broken
        # asset fails loudly here.
        urls = {name: env[name].urls()[0] for name in BUNDLES}
    app.extensions["guide_asset_urls"] = urls
    return env
