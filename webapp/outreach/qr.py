"""The QR code on the wallet cards and the home page's share panel: the guide's home page in
one language, at the deployer's public address (GUIDE_BASE_URL).

A card is printed once and carried for months, so a QR code must never point at an address
that only works on the deployer's own computer: such an address is refused, with the reason."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import segno
from markupsafe import Markup


@dataclass(frozen=True)
class Base:
    url: str | None     # the public address without a trailing slash, or None when refused
    problem: str | None  # "missing" | "invalid" | "local"
    given: str


def _is_local(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith((".localhost", ".local")) or "." not in host and ":" not in host:
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_unspecified


def public_base(value: str | None) -> Base:
    given = (value or "").strip()
    if not given:
        return Base(None, "missing", given)
    parts = urlsplit(given)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        return Base(None, "invalid", given)
    if _is_local(parts.hostname):
        return Base(None, "local", given)
    return Base(given.rstrip("/"), None, given)


def home_url(base: str, lang: str) -> str:
    return f"{base}/{lang}/"


@lru_cache(maxsize=64)
def svg(data: str) -> Markup:
    """Black on white inline SVG, sized by CSS; no style attribute, so the page's
    Content-Security-Policy needs no 'unsafe-inline'."""
    code = segno.make(data, error="m")
    markup = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", lineclass=None,
                             dark="#000", light="#fff")
    return Markup(markup.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))
