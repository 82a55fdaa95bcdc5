import pytest

from tests.language_cases import ACCEPT_LANGUAGE_CASES
from webapp import locales
from webapp.review.state import Figures


@pytest.mark.parametrize("header, expected", ACCEPT_LANGUAGE_CASES)
def test_negotiation_falls_back_sensibly(header, expected):
    assert locales.negotiate(header).code == expected


@pytest.mark.parametrize("header, expected", ACCEPT_LANGUAGE_CASES[:4] + ACCEPT_LANGUAGE_CASES[-6:])
def test_root_follows_the_table(client, header, expected):
    headers = {"Accept-Language": header} if header is not None else {}
    assert client.get("/", headers=headers).headers["Location"].endswith(f"/{expected}/")


def test_browser_rule_is_the_registry(app):
    with app.app_context():
        rule = locales.browser_rule()
        assert rule["codes"] == [loc.code for loc in locales.LOCALES]
        assert rule["listed"] == [loc.code for loc in locales.listed()]
        assert rule["aliases"] == locales.ALIASES and rule["default"] == locales.DEFAULT


def test_registry_is_consistent():
    codes = [loc.code for loc in locales.LOCALES]
    assert len(codes) == len(set(codes))
    assert locales.DEFAULT in codes
    for loc in locales.LOCALES:
        assert loc.direction in ("ltr", "rtl")
        assert loc.autonym


def test_root_redirects_to_best_locale(client):
    r = client.get("/", headers={"Accept-Language": "es-MX,es;q=0.9"})
    assert r.status_code == 302
    assert r.headers["Location"].endswith("/es/")
    assert "Accept-Language" in r.headers["Vary"]
    r = client.get("/", headers={"Accept-Language": "q=;;garbage"})
    assert r.headers["Location"].endswith("/en/")


def test_pseudo_locale_is_never_listed(app):
    with app.app_context():
        assert locales.PSEUDO not in [loc.code for loc in locales.listed()]


def test_incomplete_locale_is_served_but_not_listed(app, monkeypatch):
    # Half of Korean translated: below the threshold.
    monkeypatch.setitem(app.extensions["guide_locale_figures"], "ko", Figures(total=10, translated=5,
                                                                              reviewed=0, changed=0))
    # Completion is fixed while an app runs, so pages rendered before are cached: start clean.
    monkeypatch.setitem(app.extensions, "guide_page_cache", {})
    with app.app_context():
        assert "ko" not in [loc.code for loc in locales.listed()]
        assert "es" in [loc.code for loc in locales.listed()]
        assert locales.negotiate("ko-KR").code == "en"
        client = app.test_client()
        r = client.get("/ko/rights/")
        assert r.status_code == 200
        assert 'hreflang="ko"' not in r.data.decode()
        assert 'hreflang="es"' in r.data.decode()


def test_pseudo_locale_is_not_served_in_production():
    from tests.htmlparse import parse
    from webapp import create_app

    client = create_app({"TESTING": False}).test_client()
    assert client.get("/en-XA/").status_code == 404
    r = client.get("/en-XA/rights/", headers={"Accept-Language": "es"})
    assert r.status_code == 404
    assert parse(r.data).find("html").attrs["lang"] == "es"      # the 404 page is not en-XA either
    assert "Ƥ" not in r.get_data(as_text=True)
    assert client.get("/en-XA/manifest.webmanifest").status_code == 404
    assert "/en-XA/" not in client.get("/sitemap.xml").data.decode()