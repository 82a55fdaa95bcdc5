""""Remove saved data", through the test client: the page says what it removes and what stays
on the phone, in every language; the "removed" address answers with Clear-Site-Data from the
app and is never answered by the service worker. (tests/browser/test_traces.py does it in
Chromium, online, offline, on the app and on a static host.)"""

import json
import re

import pytest

from tests.htmlparse import parse
from webapp import locales

CODES = [loc.code for loc in locales.served()]


def what_stays(client, code: str) -> list[str]:
    page = parse(client.get(f"/{code}/forget/").data)
    heading = next(h for h in page.find_all("h2"))
    items = heading.parent.find("ul").find_all("li")
    return [" ".join(li.text.split()) for li in items]


def test_the_page_says_what_stays_on_the_phone(client):
    stays = " | ".join(what_stays(client, "en"))
    for words in ("history", "downloads", "calls and texts on your phone",
                  "“Get help” or “Calculator”", "press and hold the icon", "Remove or Uninstall",
                  "This site's address", "browser's settings (Site settings)", "phone bill", "phone company's records",
                  "No app can remove those"):
        assert words in stays, words
    page = client.get("/en/forget/").get_data(as_text=True)
    assert "Without the internet, it removes what it can on this phone" in page


@pytest.mark.parametrize("code", CODES)
def test_every_language_names_both_home_screen_icons(client, code):
    items = what_stays(client, code)
    assert len(items) == 5
    # The names the phone shows under each icon: the guide's and the calculator's manifests.
    guide = json.loads(client.get(f"/{code}/manifest.webmanifest").data)["short_name"]
    calculator = json.loads(client.get(f"/calculator/{code}/manifest.webmanifest").data)["name"]
    icons = [item for item in items if guide in item and calculator in item]
    assert len(icons) == 1, (code, items)


def test_the_form_opens_the_removed_address(client):
    form = parse(client.get("/es/forget/").data).find("form", id="forget-form")
    assert form.attrs["method"] == "get" and form.attrs["action"] == "/removed/es/"


@pytest.mark.parametrize("method, path", [("GET", "/removed/es/"), ("POST", "/es/forget/")])
def test_the_removed_address_clears_the_site(client, method, path):
    r = client.open(path, method=method)
    assert r.status_code == 200
    assert r.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert r.headers["Cache-Control"] == "no-store"
    page = parse(r.data)
    assert page.find("html").attrs["lang"] == "es"
    assert page.find("title").text == "Listo"
    # A neutral page: nothing of the guide, no script, no style.
    text = r.get_data(as_text=True)
    assert "quick-exit" not in text and "<script" not in text and "stylesheet" not in text
    assert "Trata" not in text and "trata" not in text


def test_the_worker_leaves_the_removed_address_to_the_network(client):
    sw = client.get("/sw.js").get_data(as_text=True)
    data = json.loads(re.search(r"const PRECACHE = (\{.*?\});\n", sw).group(1))
    assert {f"/removed/{code}/" for code in CODES} <= set(data["passThrough"])
    assert all(re.fullmatch(r"/removed/[\w-]+/", url) for url in data["passThrough"])
    cached = {e["url"] for e in data["shared"]} | {e["url"] for v in data["locales"].values() for e in v}
    assert not [url for url in cached if url.startswith("/removed/")]


@pytest.mark.parametrize("accept, code", [("es-MX,es;q=0.9", "es"), ("th-TH", "th"), ("xx", "en")])
def test_the_short_address_opens_the_page_in_the_browsers_language(client, accept, code):
    """/forget/ (the address the safety page can give in words) lands in the reader's
    language; a shared cache keeps one answer per language."""
    response = client.get("/forget/", headers={"Accept-Language": accept})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/{code}/forget/"
    assert "Accept-Language" in response.headers["Vary"]
    page = client.get(response.headers["Location"])
    assert page.status_code == 200 and parse(page.data).find("html").attrs["lang"] == code


@pytest.mark.parametrize("path", ["/{}/safety/", "/{}/saved/"])
@pytest.mark.parametrize("code", ["en", "ar", "th"])
def test_the_safety_and_saved_pages_link_to_it_in_their_language(client, path, code):
    """Where a reader looks for it: "How to stay safe" and "Saved for offline" each link to
    "Remove saved data" in the page's own language, and the link leads to the page."""
    page = parse(client.get(path.format(code)).data)
    links = [a.attrs["href"] for a in page.find_all("a") if a.attrs.get("href") == f"/{code}/forget/"]
    assert links, path.format(code)
    assert client.get(links[0]).status_code == 200


@pytest.mark.parametrize("path", ["/removed/es/", "/es/forget/"])
def test_a_link_from_another_website_does_not_remove_anything(client, path):
    """A page elsewhere that links (or posts) to the removed address reaches the page with the
    button, in the same language, and nothing is cleared; the reader's own click still clears."""
    method = client.get if path.startswith("/removed/") else client.post
    response = method(path, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 303 and response.headers["Location"] == "/es/forget/"
    assert "Clear-Site-Data" not in response.headers
    for site in ("same-origin", "none"):      # the form on the guide's page; a typed address
        assert "Clear-Site-Data" in method(path, headers={"Sec-Fetch-Site": site}).headers
