"""CSS and JavaScript bundles: minified by webassets' rcssmin/rjsmin filters into
content-hashed files, written at start-up to the bundles folder (settings.py: static/gen/ in a
checkout, a cache folder when installed) and served at /static/gen/ as immutable. Sources are
paths under static/, or a component's own files (webapp/components/, given as absolute paths);
every bundle is in the service worker's precache list (offline/precache.py), so whatever a
component ships is saved for offline use with the bundle that carries it. (ASSETS_DEBUG, which
serves the sources one by one, cannot serve a component's files: leave it off.)"""

from __future__ import annotations

from flask import Flask, send_from_directory
from flask_assets import Bundle, Environment

from . import settings
from .components import listen, quick_exit

# The URL of the bundles; delivery.py and hosting.py mark everything under it immutable.
URL = "/static/gen"

BUNDLES = {
    # Every page of the guide: its styles and script, with the quick exit's and Listen's. The
    # quick exit comes first, so that nothing after it can keep it from starting; Listen last.
    # (site.css: what the guide as one file, which inlines the rest, does not have.)
    "guide_css": Bundle("css/guide.css", "css/site.css", str(quick_exit.STYLES), str(listen.STYLES),
                        filters="rcssmin", output="guide.%(version)s.css"),
    "guide_js": Bundle(str(quick_exit.SCRIPT), "js/guide.js", str(listen.SCRIPT), filters="rjsmin",
                       output="guide.%(version)s.js"),
    # Loaded only by the "Find services" page: its results' cards, then the search. (The guide
    # as one file carries the search alone: its cards are in the page.)
    "directory_js": Bundle("js/directory-card.js", "js/directory.js", filters="rjsmin",
                           output="directory.%(version)s.js"),
    # Loaded only by the "Remove saved data" page.
    "forget_js": Bundle("js/forget.js", filters="rjsmin", output="forget.%(version)s.js"),
    # The outreach kit (self-check, wallet cards).
    "outreach_css": Bundle("css/selfcheck.css", "css/cards.css", filters="rcssmin",
                           output="outreach.%(version)s.css"),
    "outreach_js": Bundle("js/outreach.js", filters="rjsmin", output="outreach.%(version)s.js"),
    "choose_js": Bundle("js/locale-match.js", "js/choose.js", filters="rjsmin", output="choose.%(version)s.js"),
    # The cover screen has its own small bundles so that nothing of the guide loads with it.
    "cover_css": Bundle("cover/calc.css", filters="rcssmin", output="c.%(version)s.css"),
    "cover_js": Bundle("cover/calc.js", filters="rjsmin", output="c.%(version)s.js"),
    # The calculator app's page only: it registers the service worker.
    "cover_app_js": Bundle("cover/app.js", filters="rjsmin", output="a.%(version)s.js"),
}


def init_app(app: Flask) -> Environment:
    paths = settings.paths(app)
    app.config.setdefault("ASSETS_DEBUG", False)
    # Sources come from the static folder; bundles go where the app may write, and webassets'
    # cache (with the manifest of bundle versions) outside anything served.
    app.config["ASSETS_DIRECTORY"] = str(paths.bundles)
    app.config["ASSETS_URL"] = URL
    app.config["ASSETS_CACHE"] = str(paths.assets_cache)
    paths.bundles.mkdir(parents=True, exist_ok=True)
    paths.assets_cache.mkdir(parents=True, exist_ok=True)
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

    @app.get(f"{URL}/<path:filename>", endpoint="bundles")
    def bundles(filename: str):
        return send_from_directory(paths.bundles, filename)

    return env
