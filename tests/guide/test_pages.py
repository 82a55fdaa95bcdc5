"""Every page in every locale: served, in the right language, with a title and one h1,
and every internal link resolves."""

from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import ALL_PAGES, page_path
from tests.htmlparse import parse
from webapp import locales
from webapp.pages import PAGES


@pytest.mark.parametrize("lang, page", ALL_PAGES, ids=lambda v: getattr(v, "name", v))
def test_page_renders_in_its_language(client, lang, page):
    r = client.get(page_path(lang, page))
    assert r.status_code == 200
    assert r.mimetype == "text/html"
    # A template that translates an empty string shows the catalog's header (its translators).
    assert b"Project-Id-Version" not in r.data
    doc = parse(r.data)
    html = doc.find("html")
    assert html.attrs["lang"] == lang
    assert html.attrs["dir"] == locales.BY_CODE[lang].direction
    title = doc.find("title").text.strip()
    assert len(title) > 5
    h1s = doc.find_all("h1")
    assert len(h1s) == 1 and h1s[0].text.strip()
    assert doc.find("main", id="main") is not None
    assert doc.find("a", class_="skip-link").attrs["href"] == "#main"
    # hreflang alternates name every listed locale (and English as the default), absolute
    links = doc.find_all("link", rel="alternate")
    alternates = {l.attrs["hreflang"] for l in links}
    assert alternates == {loc.code for loc in locales.listed()} | {"x-default"}
    base = client.application.config["GUIDE_BASE_URL"]
    assert all(l.attrs["href"].startswith(base + "/") for l in links)
    assert doc.find("link", rel="canonical").attrs["href"] == base + page_path(lang, page)


@pytest.mark.parametrize("loc", [l for l in locales.LOCALES if l.code != "en"], ids=lambda l: l.code)
def test_pages_are_really_translated(client, loc):
    """Guards against a catalog that exists but is never loaded (a wrong Babel identifier)."""
    for path in ("/{}/", "/{}/rights/"):
        en = parse(client.get(path.format("en")).data)
        other = parse(client.get(path.format(loc.code)).data)
        assert other.find("h1").text != en.find("h1").text
        assert other.find("a", id="quick-exit").text != en.find("a", id="quick-exit").text


def test_every_internal_link_resolves(client):
    seen, queue = set(), [f"/{loc.code}/" for loc in locales.LOCALES]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        r = client.get(path)
        assert r.status_code == 200, f"{path} → {r.status_code}"
        if r.mimetype != "text/html":
            continue
        doc = parse(r.data)
        refs = [a.attrs.get("href") for a in doc.find_all("a")] + \
               [l.attrs.get("href") for l in doc.find_all("link")] + \
               [s.attrs.get("src") for s in doc.find_all("script")]
        for ref in filter(None, refs):
            parts = urlsplit(urljoin("http://localhost" + path, ref))
            if parts.scheme in ("tel", "sms", "mailto") or parts.netloc != "localhost":
                continue
            if parts.path not in seen:
                queue.append(parts.path)
    assert {page_path(lang, page) for lang, page in ALL_PAGES} <= seen


def test_language_switcher_keeps_the_page(client):
    doc = parse(client.get("/en/signs/").data)
    nav = doc.find("nav", class_="languages")
    links = {a.attrs["lang"]: a.attrs["href"] for a in nav.find_all("a")}
    assert links["es"] == "/es/signs/"
    assert links["en"] == "/en/signs/"


@pytest.mark.parametrize("path, lang", [
    ("/en/no-such-page/", "en"), ("/es/no-such-page/", "es"), ("/xx/", "en"), ("/es/rights/x/", "es"),
])
def test_unknown_pages_give_localized_404_with_helplines(client, path, lang):
    r = client.get(path)
    assert r.status_code == 404
    doc = parse(r.data)
    assert doc.find("html").attrs["lang"] == lang
    hrefs = {a.attrs.get("href") for a in doc.find_all("a")}
    assert "tel:+18883737888" in hrefs


def test_404_follows_accept_language_without_a_locale(client):
    r = client.get("/nothing-here", headers={"Accept-Language": "es-MX"})
    assert r.status_code == 404
    assert parse(r.data).find("html").attrs["lang"] == "es"


def test_sitemap_lists_every_page_with_alternates(client):
    r = client.get("/sitemap.xml")
    assert r.status_code == 200 and r.mimetype == "application/xml"
    body = r.data.decode()
    with client.application.app_context():
        listed = locales.listed()
    base = client.application.config["GUIDE_BASE_URL"]
    assert locales.PSEUDO not in {loc.code for loc in listed}
    for loc in listed:
        for page in PAGES:
            assert f"<loc>{base}{page_path(loc.code, page)}</loc>" in body
    assert body.count("<url>") == len(listed) * len(PAGES)
    assert body.count('hreflang="es"') == len(listed) * len(PAGES)
    assert "en-XA" not in body


def test_pages_revalidate_and_assets_are_immutable(client):
    r = client.get("/en/")
    assert r.headers["Cache-Control"] == "no-cache"
    assert r.headers.get("ETag")
    assert client.get("/en/", headers={"If-None-Match": r.headers["ETag"]}).status_code == 304
    doc = parse(r.data)
    css = doc.find("link", rel="stylesheet").attrs["href"]
    assert css.startswith("/static/gen/guide.") and css.endswith(".css")
    asset = client.get(css)
    assert asset.status_code == 200
    assert asset.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert b"\n\n" not in asset.data  # minified
