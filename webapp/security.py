"""Headers on every response: no cookies, no referrer, a strict Content-Security-Policy, no
framing, no powerful features."""

from __future__ import annotations

from flask import Flask, abort, request

from .components.quick_exit import CSP_HASHES

CSP = "; ".join([
    "default-src 'self'",
    # Inline: only the quick exit's guard and disguise scripts, by their hashes.
    "script-src 'self' " + " ".join(CSP_HASHES),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'none'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

PERMISSIONS = ", ".join(f"{feature}=()" for feature in (
    "camera", "microphone", "geolocation", "payment", "usb", "serial", "hid",
    "midi", "magnetometer", "gyroscope", "accelerometer", "display-capture", "browsing-topics",
))

# Every response, from this app and wherever the static export is served (hosting.py writes
# them into `_headers` and the nginx configuration).
HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": PERMISSIONS,
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Only over HTTPS (GUIDE_HSTS): a browser that saw it will refuse plain HTTP for a year.
HSTS = "max-age=31536000"


def hsts_for_host(app: Flask) -> bool:
    """Whether the files for other servers (`_headers`, the nginx blocks) send HSTS, as the
    app would: `always`; `auto` when the public address is https:// (those servers cannot
    tell the scheme, and browsers ignore the header over plain HTTP); any other value, never."""
    setting = app.config.get("HSTS", "auto")
    return setting == "always" or (setting == "auto" and app.config["GUIDE_BASE_URL"].startswith("https://"))


def init_app(app: Flask) -> None:
    @app.before_request
    def no_hidden_files():
        # Dot-files and folders (a stray .webassets-cache, an editor's swap file) are never
        # part of the site.
        if request.path.startswith("/static/") and "/." in request.path:
            abort(404)

    @app.after_request
    def headers(response):
        h = response.headers
        for name, value in HEADERS.items():
            if name == "Content-Security-Policy":
                h.setdefault(name, value)
            else:
                h[name] = value
        hsts = app.config.get("HSTS", "auto")
        if hsts == "always" or (hsts == "auto" and request.is_secure):
            h["Strict-Transport-Security"] = HSTS
        h.pop("Set-Cookie", None)
        return response
