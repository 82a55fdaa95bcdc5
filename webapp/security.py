"""Headers on every response: no cookies, no referrer, a strict Content-Security-Policy,
and caching that lets hashed assets live forever while pages revalidate."""

from __future__ import annotations

from flask import Flask, request

from .quick_exit import GUARD_HASH

CSP = "; ".join([
    "default-src 'self'",
    f"script-src 'self' {GUARD_HASH}",
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


def init_app(app: Flask) -> None:
    @app.after_request
    def headers(response):
        h = response.headers
        h.setdefault("Content-Security-Policy", CSP)
        h["Referrer-Policy"] = "no-referrer"
        h["X-Content-Type-Options"] = "nosniff"
        h["Permissions-Policy"] = PERMISSIONS
        h["Cross-Origin-Opener-Policy"] = "same-origin"
        hsts = app.config.get("HSTS", "auto")
        if hsts == "always" or (hsts == "auto" and request.is_secure):
            h["Strict-Transport-Security"] = "max-age=31536000"
        h.pop("Set-Cookie", None)
        if request.path.startswith("/static/gen/"):
            h["Cache-Control"] = "public, max-age=31536000, immutable"
        elif "Cache-Control" not in h or request.path.startswith("/static/"):
            # Pages and unhashed files revalidate, so a corrected number is never stale.
            h["Cache-Control"] = "no-cache"
        if response.status_code == 200 and request.method in ("GET", "HEAD") and not response.direct_passthrough:
            response.add_etag()
            response.make_conditional(request)
        return response
