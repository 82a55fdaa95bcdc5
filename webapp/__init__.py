"""The labor-trafficking resource guide: a Flask app serving localized pages that a service
worker keeps for offline reading.

create_app() follows the data from files to the reader: settings.py finds the folders (in a
checkout or an installed wheel); content/ loads and validates the YAML into models (a bad file
stops start-up with `file:line: field: problem`); i18n.py reads the catalogs; assets.py
builds the hashed CSS and JS bundles; the blueprints render pages per locale from pages.py's
list; last, offline/precache.py requests every page, bundle and icon once and hashes the
bytes. That list is inlined into /sw.js (offline/), written out by `flask export` (export.py),
and tells delivery.py which bodies to keep compressed.
"""

from __future__ import annotations

import os
from datetime import date

from flask import Flask

from .privacy_log import Flask as PrivateFlask

from . import (assets, components, content, delivery, errors, i18n, locales, privacy_log, public_url,
               rendermode, security, settings, templating)
from .cover import bp as cover_bp
from .directory import bp as directory_bp
from .file import bp as file_bp
from .forget import bp as forget_bp
from .guide import bp as guide_bp
from .offline import bp as offline_bp
from .outreach import bp as outreach_bp
from .site import bp as site_bp


class GuideFlask(PrivateFlask):
    """While the guide is rendered as one file, every link asks the file's links (a page's
    section) instead of the URL map: see rendermode.py."""

    def url_for(self, endpoint: str, /, *, _anchor: str | None = None, _method: str | None = None,
                _scheme: str | None = None, _external: bool | None = None, **values) -> str:
        made = rendermode.current_file()
        if made is not None:
            return made.url_for(endpoint, dict(values, _anchor=_anchor))
        return super().url_for(endpoint, _anchor=_anchor, _method=_method, _scheme=_scheme,
                               _external=_external, **values)


def create_app(test_config: dict | None = None) -> Flask:
    defaults = settings.Paths.from_environ()
    app = GuideFlask(__name__, static_folder=str(defaults.static), static_url_path="/static")
    app.config.from_mapping(
        CONTENT_DIR=str(defaults.content),
        TRANSLATIONS_DIR=str(defaults.translations),
        # The date the guide's text was last checked against its sources, shown on every page.
        CONTENT_REVIEWED_ON=date(2026, 11, 28),
        HSTS=os.environ.get("GUIDE_HSTS", "auto"),
        # The public address for every absolute URL (public_url.py); unset: a development default.
        GUIDE_BASE_URL=os.environ.get("GUIDE_BASE_URL", ""),
        # Days after which a copy saved on the phone says that numbers may have changed.
        STALE_AFTER_DAYS=90,
        # Seconds one precache entry may take to download before an update gives up (and
        # retries only what is missing at the next visit).
        PRECACHE_TIMEOUT=float(os.environ.get("GUIDE_PRECACHE_TIMEOUT", "60")),
        # A folder where compressed pages are kept as files, so that processes sharing it
        # (gunicorn's workers, a restart) compress each page once (delivery.py); unset: each
        # process keeps its own in memory.
        COMPRESSED_DIR=os.environ.get("GUIDE_COMPRESSED_DIR", ""),
        # brotli's quality for pre-rendered bodies, compressed once each (delivery.py): 11,
        # the smallest, for readers; a lower one costs the server less CPU per new version (the
        # test suite, whose hundreds of app variants are each compressed once, uses 5).
        BROTLI_QUALITY=int(os.environ.get("GUIDE_BROTLI_QUALITY", "11")),
        # The pseudo-locale en-XA, for developers and tests; never served in production.
        PSEUDO_LOCALE=os.environ.get("GUIDE_PSEUDO_LOCALE") == "1",
        # Request bodies: the guide's forms send a few hundred bytes (errors.py answers 413).
        MAX_CONTENT_LENGTH=errors.MAX_BODY,
        MAX_FORM_PARTS=errors.MAX_FORM_PARTS,
    )
    if test_config:
        app.config.from_mapping(test_config)
    paths = settings.init_app(app, defaults)

    # A broken content file stops start-up here with `file:line: field: problem`.
    app.extensions["guide_content"] = content.load(paths.content, paths.industry_icons)

    public_url.init_app(app)
    i18n.init_app(app, str(paths.translations))
    assets.init_app(app)
    templating.init_app(app)
    # The quick exit reads its own settings (QUICK_EXIT_URL, QUICK_EXIT_RETURN_CODE,
    # GUIDE_DISGUISE_NAME): see components/quick_exit.
    components.init_app(app)
    privacy_log.init_app(app)
    security.init_app(app)
    delivery.init_app(app)
    errors.init_app(app)

    app.url_map.converters["locale"] = locales.LocaleConverter
    app.register_blueprint(site_bp)
    app.register_blueprint(guide_bp)
    app.register_blueprint(offline_bp)
    app.register_blueprint(cover_bp)
    app.register_blueprint(directory_bp)
    app.register_blueprint(forget_bp)
    app.register_blueprint(outreach_bp)
    app.register_blueprint(file_bp)

    from . import cli

    cli.init_app(app)
    # The precache list (every page rendered and hashed) is built on first use; wsgi.py builds
    # it at start-up so that a page that cannot render stops a deploy, not a reader.
    return app
