"""Headers on every response: no cookies, no referrer, a strict Content-Security-Policy, no
framing, no powerful features."""

from __future__ import annotations

from flask import Flask, request

from .quick_exit import GUARD_HASH, DISGUISE_HASH

CSP = "; ".join([
    "default-src 'self'",
    f"script-src 'self' {GUARD_HASH} {DISGUISE_HASH}",
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
        return response
