"""Colours and icons are defined once in Python (webapp/theme.py, webapp/cover); the files that
cannot import them (CSS, SVG, PNG) must agree, and the pages and manifests use them."""

import json
import re

import pytest

from tests.htmlparse import parse
from webapp import cover, settings, theme

STATIC = settings.Paths.from_environ().static


def light_scheme(css: str) -> dict[str, str]:
    """The custom properties of the first `:root` rule (the light scheme)."""
    block = re.search(r":root\s*\{(.*?)\}", css, re.S).group(1)
    return dict(re.findall(r"--([\w-]+):\s*([^;]+);", block))


def test_the_stylesheets_use_the_python_colours():
    guide = light_scheme((STATIC / "css" / "guide.css").read_text(encoding="utf-8"))
    assert guide["accent"] == theme.THEME_COLOR
    assert guide["bg"] == theme.BACKGROUND_COLOR
    calculator = light_scheme((STATIC / "cover" / "calc.css").read_text(encoding="utf-8"))
    assert calculator["calc-bg"] == cover.BACKGROUND


@pytest.mark.parametrize("source", ["icon.svg", "maskable.svg"])
def test_the_guide_icons_are_drawn_in_the_theme_colour(source):
    svg = (STATIC / theme.GUIDE_ICONS.folder / source).read_text(encoding="utf-8")
    assert re.search(r'<rect [^>]*fill="([^"]+)"', svg).group(1) == theme.THEME_COLOR


@pytest.mark.parametrize("icons", [theme.GUIDE_ICONS, cover.ICONS], ids=["guide", "calculator"])
def test_every_icon_exists_at_its_size(icons):
    assert (STATIC / icons.svg).is_file()
    for png in icons.pngs:
        data = (STATIC / icons.folder / png.name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", png.name
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == (png.size, png.size), png.name


def test_pages_and_manifest_name_the_defined_colour_and_icons(client):
    doc = parse(client.get("/en/").data)
    assert doc.find("meta", name="theme-color").attrs["content"] == theme.THEME_COLOR
    links = {link.attrs["rel"]: link.attrs["href"] for link in doc.find_all("link")}
    assert links["icon"] == "/static/" + theme.GUIDE_ICONS.svg
    assert links["apple-touch-icon"] == "/static/" + theme.GUIDE_ICONS.touch_icon
    manifest = json.loads(client.get("/en/manifest.webmanifest").data)
    assert manifest["theme_color"] == theme.THEME_COLOR
    assert manifest["background_color"] == theme.BACKGROUND_COLOR
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200
    assert {i["purpose"] for i in manifest["icons"]} == {"any", "maskable"}
