"""The calculator as an app of its own: its page and manifest in every language say nothing of
the guide, it has its own id, icons and colours, and the service worker keeps all of it."""

import json
import re

import pytest

from tests.components.test_quick_exit import guide_words
from webapp import locales
from webapp.cover import APP_ID, ICONS, THEME

CODES = [loc.code for loc in locales.LOCALES]


def calculator(client, lang):
    page = client.get(f"/calculator/{lang}/")
    assert page.status_code == 200
    html = page.data.decode()
    manifest_url = re.search(r'<link rel="manifest" href="([^"]+)"', html).group(1)
    manifest = client.get(manifest_url)
    assert manifest.status_code == 200 and manifest.mimetype == "application/manifest+json"
    return html, manifest_url, manifest.get_json()


@pytest.mark.parametrize("lang", CODES)
def test_calculator_app_says_nothing_of_the_guide(client, lang):
    html, manifest_url, manifest = calculator(client, lang)
    title = re.search(r"<title>([^<]*)</title>", html).group(1)
    icon_urls = [i["src"] for i in manifest["icons"]]
    icon_urls += re.findall(r'<link rel="(?:apple-touch-icon|icon)" href="([^"]+)"', html)
    assets = "".join(client.get(ref).data.decode(errors="ignore")
                     for ref in re.findall(r'(?:href|src)="(/static/gen/[^"]+)"', html))
    assert "navigator.serviceWorker" in assets       # the app registers the worker itself
    texts = {"html": html.lower(), "manifest": json.dumps(manifest, ensure_ascii=False).lower(),
             "urls": " ".join([manifest_url, *icon_urls]).lower(),
             # The browser's own name for the API it calls is not the guide's word "work".
             "assets": assets.lower().replace("navigator.serviceworker", "navigator.")}
    for loc in locales.LOCALES:
        for word in guide_words(loc.code):
            for where, text in texts.items():
                assert word not in text, (lang, loc.code, word, where)
    # Named as a calculator in the reader's language, the same on the home screen and the page.
    assert title == manifest["name"] == manifest["short_name"]
    assert re.search(r'<meta name="apple-mobile-web-app-title" content="%s">' % re.escape(title), html)
    if lang not in ("en", "tl", "en-XA"):   # Tagalog phones say "Calculator" too
        assert title != "Calculator", lang
    assert f'<html lang="{lang}"' in html


def test_manifest_is_the_calculators_own(client):
    _, _, manifest = calculator(client, "es")
    guide = client.get("/es/manifest.webmanifest").get_json()
    assert manifest["id"] == APP_ID != guide["id"]
    assert manifest["start_url"] == "/calculator/es/?app"
    assert manifest["scope"] == "/" and manifest["display"] == "standalone"
    assert manifest["lang"] == "es" and manifest["description"]
    for key in ("theme_color", "background_color"):
        assert manifest[key] != guide[key], key
    sizes = {(i["sizes"], i["purpose"]) for i in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")} <= sizes
    guide_icons = {i["src"] for i in guide["icons"]}
    for icon in manifest["icons"]:
        assert icon["src"] not in guide_icons
        response = client.get(icon["src"])
        assert response.status_code == 200 and response.mimetype == "image/png"
        assert response.data[16:24] == guide_size(icon["sizes"])   # the PNG is the size it says
    assert client.get("/static/cover/calc-180.png").data[16:24] == guide_size("180x180")


def guide_size(sizes: str) -> bytes:
    w, h = (int(n) for n in sizes.split("x"))
    return w.to_bytes(4, "big") + h.to_bytes(4, "big")


def test_rtl_manifest_and_keypad(client):
    html, _, manifest = calculator(client, "ar")
    assert manifest["dir"] == "rtl" and '<html lang="ar" dir="rtl"' in html
    assert '<main class="calc" dir="ltr"' in html     # keys keep their usual order


def test_deployer_can_rename_the_disguise():
    from webapp import create_app

    app = create_app({"TESTING": True, "DISGUISE_NAME": "Calc"})
    client = app.test_client()
    html, _, manifest = calculator(client, "fr")
    assert "<title>Calc</title>" in html and manifest["name"] == manifest["short_name"] == "Calc"
    # Inside the disguised app the guide's pages take that name too.
    assert '<script data-t="Calc" ' in client.get("/fr/").data.decode()


def test_unknown_language_is_not_found(client):
    assert client.get("/calculator/xx/").status_code == 404
    assert client.get("/calculator/xx/manifest.webmanifest").status_code == 404


def test_service_worker_keeps_every_calculator(client, app):
    from webapp.offline import precache

    shared = {e["url"] for e in precache.get(app)["shared"]}
    for loc in locales.served():
        assert {f"/calculator/{loc.code}/", f"/calculator/{loc.code}/manifest.webmanifest"} <= shared
    assert {f"/static/{name}" for name in ICONS.files()} <= shared
    assert "/calculator/" in shared


def test_guide_titles_can_be_neutralised_under_the_csp(client):
    """The inline script that gives guide pages the calculator's name and colour inside the
    disguised app is allowed by its hash, like the quick-exit guard."""
    import base64
    import hashlib

    r = client.get("/ko/signs/")
    script = re.search(r'<script data-t="([^"]*)" data-c="([^"]*)">([^<]*)</script>', r.data.decode())
    assert script.group(1) == "계산기" and script.group(2) == THEME
    digest = base64.b64encode(hashlib.sha256(script.group(3).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in r.headers["Content-Security-Policy"]
