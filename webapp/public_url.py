"""The site's one public address, GUIDE_BASE_URL (e.g. https://help.example.org).

Every absolute URL the site gives out (sitemap, robots.txt, canonical and hreflang links,
redirects, the wallet card's QR code) is built from it and never from the request's Host
header: a forged `Host: evil.com` must not put evil.com into a page, a cache or a search
engine. In-page links stay relative so the guide works on any host and offline.
"""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

from flask import Flask, current_app
from werkzeug.utils import redirect

CONFIG_KEY = "GUIDE_BASE_URL"
# `make run` serves on 127.0.0.1:5000; "localhost" makes an unconfigured export easy to spot.
DEVELOPMENT_DEFAULT = "http://localhost:5000"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}
# Host headers the app answers besides the public one: the machine itself (`make run`, a
# container's health check, a proxy's `proxy_pass http://127.0.0.1:8000`). Any other Host gets
# a 400 page (Flask's TRUSTED_HOSTS).
# (Not [::1]: werkzeug's check cannot match an IPv6 address; `make run` binds 127.0.0.1.)
LOOPBACK_HOSTS = ("localhost", "127.0.0.1")


def normalize(url: str) -> str:
    """`scheme://host[:port]` without a trailing slash; anything else is a configuration
    mistake that must stop the app, not produce broken links."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{CONFIG_KEY} must be an http(s) address such as "
                         f"https://help.example.org, not {url!r}")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"{CONFIG_KEY} must name only the site's address (the guide is served "
                         f"from the root of its host), not {url!r}")
    return urlunsplit((parts.scheme, parts.netloc.lower(), "", "", ""))


def is_local(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in LOCAL_HOSTS or host.endswith(".localhost")


def base() -> str:
    return current_app.config[CONFIG_KEY]


def absolute(path: str) -> str:
    """The public URL of a path of this site ("/es/rights/" → "https://…/es/rights/")."""
    return base() + "/" + path.lstrip("/")


def trusted_hosts(url: str) -> list[str]:
    """The Host headers to answer: the public address's host, and loopback."""
    host = urlsplit(url).hostname or ""
    return list(dict.fromkeys([host, *LOOPBACK_HOSTS]))


def configure(app: Flask) -> None:
    configured = (app.config.get(CONFIG_KEY) or "").strip()
    app.config[f"{CONFIG_KEY}_IS_DEFAULT"] = not configured
    if configured:
        app.config[CONFIG_KEY] = normalize(configured)
    else:
        app.config[CONFIG_KEY] = DEVELOPMENT_DEFAULT
        app.logger.warning("GUIDE_BASE_URL is not set: absolute links (sitemap, robots.txt, "
                           "canonical and hreflang links, redirects) name %s. Set it to the "
                           "site's public address in production.", DEVELOPMENT_DEFAULT)
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config[CONFIG_KEY])


def init_app(app: Flask) -> None:
    configure(app)
    app.jinja_env.globals.update(public_url=absolute)

    @app.after_request
    def safe_location(response):
        location = response.headers.get("Location")
        if location and (target := relocated(location)) != location:
            response.headers["Location"] = target
            # The redirect's little HTML body names the target too.
            response.set_data(redirect(target, response.status_code).get_data())
        return response


def relocated(location: str) -> str:
    """Where a redirect of this site goes: the path of `location` alone, after the configured
    address (or alone, in development, so a test server on any port redirects to itself).

    The guide redirects only to its own pages. Werkzeug builds its trailing-slash redirects
    from the Host header and keeps the query (`/en/services?q=words` → `/en/services/?q=words`):
    the host is replaced and the query dropped, since a search must not travel into another
    address. Leading slashes are folded, so `//evil.example/` stays a path of this site."""
    path = "/" + (urlsplit(location).path or "/").lstrip("/")
    return path if current_app.config[f"{CONFIG_KEY}_IS_DEFAULT"] else absolute(path)


@contextmanager
def rebased(app: Flask, url: str):
    """The app with another public address for a while (`flask export --base-url`): the pages
    rendered at start-up, and the precache list hashing them, are rebuilt with it and then
    restored."""
    from .offline import precache

    url = normalize(url)
    saved = (app.config[CONFIG_KEY], app.config[f"{CONFIG_KEY}_IS_DEFAULT"])
    if url == saved[0]:
        yield app
        return

    def rebuild(address: str, is_default: bool) -> None:
        app.config[CONFIG_KEY], app.config[f"{CONFIG_KEY}_IS_DEFAULT"] = address, is_default
        app.extensions.get("guide_page_cache", {}).clear()
        precache.init_app(app)

    rebuild(url, False)
    try:
        yield app
    finally:
        rebuild(*saved)
