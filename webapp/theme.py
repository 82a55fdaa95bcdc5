"""The guide's colours and each app's icons, defined once.

The manifests, the `theme-color` meta tags, the precache list and tools/make_icons.py read
them here. guide.css and the icon SVGs cannot import Python, so they repeat the colours, and
tests/test_theme.py holds them to these values.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

# The header's blue (guide.css `--accent`, light scheme) and the page's cream (`--bg`).
THEME_COLOR = "#0b5c7a"
BACKGROUND_COLOR = "#fdfcf9"


@dataclass(frozen=True)
class Png:
    name: str
    size: int
    # "any" and "maskable" are manifest purposes; "apple-touch-icon" is iPhone's home screen
    # icon (full bleed like a maskable one: iOS rounds the corners itself).
    purpose: str

    @property
    def source(self) -> str:
        return "icon.svg" if self.purpose == "any" else "maskable.svg"


@dataclass(frozen=True)
class Icons:
    """One app's icons in static/<folder>/: icon.svg (the browser tab's icon), maskable.svg,
    and the PNGs that tools/make_icons.py draws from them."""

    folder: str
    pngs: tuple[Png, ...]

    @property
    def svg(self) -> str:
        return f"{self.folder}/icon.svg"

    @property
    def touch_icon(self) -> str:
        [png] = [png for png in self.pngs if png.purpose == "apple-touch-icon"]
        return f"{self.folder}/{png.name}"

    def files(self) -> list[str]:
        """Every file a page or manifest names, under static/: what the precache list keeps."""
        return [self.svg, *(f"{self.folder}/{png.name}" for png in self.pngs)]

    def _manifest_pngs(self) -> list[Png]:
        return [png for png in self.pngs if png.purpose in ("any", "maskable")]

    def manifest_files(self) -> list[str]:
        """The files only the manifest names (no page shows them): installing the app needs
        them, reading the guide does not."""
        return [f"{self.folder}/{png.name}" for png in self._manifest_pngs()]

    def manifest(self, url: Callable[[str], str]) -> list[dict]:
        """The manifest's `icons`, with `url` turning a file under static/ into its URL."""
        return [{"src": url(f"{self.folder}/{png.name}"), "sizes": f"{png.size}x{png.size}",
                 "type": "image/png", "purpose": png.purpose}
                for png in self._manifest_pngs()]


GUIDE_ICONS = Icons("icons/app", (
    Png("icon-192.png", 192, "any"), Png("icon-512.png", 512, "any"),
    Png("maskable-192.png", 192, "maskable"), Png("maskable-512.png", 512, "maskable"),
    Png("apple-touch-icon.png", 180, "apple-touch-icon"),
))


def manifest_response(loc, icons: Icons, theme_color: str, background_color: str, **fields):
    """A web app manifest in the reader's language: `fields` (id, names, description,
    start_url) plus what every app of the site shares (direction, scope, display, colours,
    icons)."""
    from flask import Response, url_for

    data = {
        **fields,
        "lang": loc.code,
        "dir": loc.direction,
        "scope": "/",
        "display": "standalone",
        "theme_color": theme_color,
        "background_color": background_color,
        "icons": icons.manifest(lambda path: url_for("static", filename=path)),
    }
    return Response(json.dumps(data, ensure_ascii=False, indent=1), mimetype="application/manifest+json")
