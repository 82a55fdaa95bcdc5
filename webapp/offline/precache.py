"""The precache list: every URL the service worker saves, with a revision (a hash of the
exact bytes served), built once at start-up by requesting each URL from the app itself. Any
change of content, template, translation or asset changes a revision and therefore /sw.js.

Pages come from pages.py, the same list as the routes, the navigation and the sitemap. The list
is also what the static export writes (export.py) and what delivery.py keeps compressed in
memory, so the server, the offline copy and the export serve the same bytes."""

from __future__ import annotations

import hashlib
import json
import threading
from concurrent.futures import ThreadPoolExecutor

from flask import Flask, current_app, g, url_for

from .. import cover, locales
from ..forget import removed_urls
from ..delivery import HASHED
from ..i18n import gettext as _
from ..pages import BY_NAME, PAGES
from ..theme import GUIDE_ICONS


# Saved first by an install, before the rest of a language: the hotline (on the home page) and
# every helpline.
FIRST_PAGES = (BY_NAME["home"], BY_NAME["helplines"])


def revision(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def locale_urls(loc: locales.Locale) -> list[str]:
    """What makes one locale readable offline: its pages, its 'saved' page and manifest, the
    directory's search index in that language, and the whole guide as one file (so it can be
    shared from a phone with no signal)."""
    urls = [url_for(page.endpoint, lang=loc.code) for page in PAGES]
    urls.append(url_for("directory.index_json", lang=loc.code))
    urls.append(url_for("file.download", lang=loc.code))
    urls.append(url_for("outreach.cards_discreet", lang=loc.code))
    urls += [url_for("offline.saved", lang=loc.code), url_for("offline.manifest", lang=loc.code),
             url_for("forget.forget", lang=loc.code)]
    return urls


def shared_urls() -> list[str]:
    """Saved on every install whatever the locale: assets, icons, and every locale's small
    offline page (so even an unsaved language says 'offline' in its own words). The guide's
    bundles come first: the first pages saved need them."""
    assets = current_app.extensions["guide_asset_urls"]
    urls = list(assets.values())
    urls += [url_for("static", filename=name) for name in GUIDE_ICONS.files()]
    # The calculator: the quick exit's cover, and the app installed as a calculator in every
    # language with its manifest and icons, so that app opens offline from a cold start.
    urls.append(url_for("cover.calculator"))
    for loc in locales.served():
        urls += [url_for("cover.app", lang=loc.code), url_for("cover.manifest", lang=loc.code)]
    urls += [url_for("static", filename=name) for name in cover.ICONS.files()]
    urls += [url_for("offline.offline_page", lang=loc.code) for loc in locales.served()]
    return urls


def _entry(client, url: str) -> dict:
    response = client.get(url, headers={"Accept-Language": "en"})
    if response.status_code != 200:
        raise RuntimeError(f"precache: {url} answered {response.status_code}")
    data = response.get_data()
    return {"url": url, "revision": revision(data), "size": len(data)}


def offline_text(loc: locales.Locale) -> str:
    """The worker's last resort when even the offline page is gone from the cache: plain text
    in the reader's language, with the hotline's number (calls need no internet)."""
    nhth = current_app.extensions["guide_content"].helplines["nhth"]
    with app_locale(loc):
        return "\n\n".join([
            _("You are offline"),
            _("This page was not saved on this phone. You can still call or text for help: calls and texts do not need internet."),
            f"{_(nhth.name)}: {nhth.voice.display}",
        ])


class app_locale:
    """Render in one locale outside a reader's request."""

    def __init__(self, loc: locales.Locale):
        self.loc = loc

    def __enter__(self):
        from flask_babel import refresh

        self.previous = g.get("locale")
        g.locale = self.loc
        refresh()

    def __exit__(self, *exc):
        from flask_babel import refresh

        g.locale = self.previous
        refresh()


def build(app: Flask) -> dict:
    with app.test_request_context():
        shared = shared_urls()
        per_locale = {loc.code: locale_urls(loc) for loc in locales.served()}
        offline = {loc.code: url_for("offline.offline_page", lang=loc.code) for loc in locales.served()}
        # The calculator app of each language: opened alone, it saves that language's guide.
        calculators = {loc.code: url_for("cover.app", lang=loc.code) for loc in locales.served()}
        first = {loc.code: [url_for(page.endpoint, lang=loc.code) for page in FIRST_PAGES]
                 for loc in locales.served()}
        # Shared files that reading a language offline does not need: an install saves them
        # once it is active, so a first visit on a slow link is offline sooner. A language's
        # own (its offline page, its calculator) are saved with that language; the icons only
        # the manifests name, which an install of the app fetches itself, after every install.
        of_locale = {loc.code: [offline[loc.code], calculators[loc.code], url_for("cover.manifest", lang=loc.code)]
                     for loc in locales.served()}
        later = [url_for("static", filename=name) for icons in (GUIDE_ICONS, cover.ICONS)
                 for name in icons.manifest_files()]
        words = {loc.code: offline_text(loc) for loc in locales.served()}
        rule = locales.browser_rule()
        removed = removed_urls()
    client = app.test_client()
    manifest = {
        "shared": [_entry(client, url) for url in shared],
        "locales": {code: [_entry(client, url) for url in urls] for code, urls in per_locale.items()},
        "offline": offline,
        "calculators": calculators,
        # Where the files named by the hash of their bytes live (the bundles): any copy is right.
        "immutable": HASHED,
        "first": first,
        "sharedOf": of_locale,
        "later": later,
        "offlineText": words,
        # Addresses the worker never answers: "Remove saved data" needs the network's
        # Clear-Site-Data header (forget/).
        "passThrough": removed,
        "languages": rule,
        # The version's date, shown as the saved copy's date when the server gives none.
        "date": app.config["CONTENT_REVIEWED_ON"].isoformat(),
        # How long one entry may take before an update gives up and tries again later.
        "timeout": int(app.config["PRECACHE_TIMEOUT"] * 1000),
    }
    manifest["version"] = revision(json.dumps(manifest, sort_keys=True).encode())
    return manifest


_BUILDING = threading.Lock()
_this_thread = threading.local()


def building() -> bool:
    """Whether this thread is building a precache list (its requests are the build's own)."""
    return getattr(_this_thread, "building", False)


def init_app(app: Flask) -> None:
    """Render everything now, outside any request: a request's context (its locale, its cached
    translations) must not leak into the pages being hashed, and a page that cannot render stops
    the app here rather than in a reader's hands. wsgi.py calls it at start-up; an app made by
    create_app() alone (tests, `flask` commands) builds the list the first time it is needed."""
    _this_thread.building = True
    try:
        app.extensions["guide_precache"] = build(app)
    finally:
        _this_thread.building = False


def get(app: Flask) -> dict:
    if "guide_precache" not in app.extensions:
        with _BUILDING:
            if "guide_precache" not in app.extensions:
                # In a thread of its own, so no request being served (a first /sw.js) lends
                # the build its context: a new thread starts with no Flask context at all.
                with ThreadPoolExecutor(max_workers=1) as pool:
                    pool.submit(init_app, app).result()
    return app.extensions["guide_precache"]

