import pytest

from webapp import locales


@pytest.mark.parametrize("header, expected", [
    ("es-MX,es;q=0.9,en;q=0.8", "es"),
    ("es-419", "es"),
    ("ES", "es"),
    ("en-US,en;q=0.9", "en"),
    ("de-AT, es;q=0.5", "es"),
    ("de, en;q=0.1", "en"),
    ("", "en"),
    (None, "en"),
    ("es;q=0, en", "en"),
    (";;;,,q=abc", "en"),
    ("\x00\xff", "en"),
    ("x" * 5000, "en"),
    ("zh-CN,zh;q=0.9", "zh-Hans"),
    ("zh-SG", "zh-Hans"),
    ("zh", "zh-Hans"),
    ("zh-Hans-CN", "zh-Hans"),
    ("pt-BR,pt;q=0.9,en;q=0.5", "pt"),
    ("pt-PT", "pt"),
    ("fil-PH", "tl"),
    ("fil", "tl"),
    ("ar-EG,ar;q=0.9", "ar"),
    ("ko-KR", "ko"),
    ("vi-VN", "vi"),
    ("ht", "ht"),
    ("fr-CA", "fr"),
    ("ru-RU", "ru"),
    ("en-XA", "en"),
])
def test_negotiation_falls_back_sensibly(header, expected):
    assert locales.negotiate(header).code == expected


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


def test_incomplete_locale_is_served_but_not_listed(app):
    with app.app_context():
        app.extensions["guide_locale_completion"]["ko"] = 0.5
        # Completion is fixed while an app runs, so pages rendered before are cached: start clean.
        app.extensions.get("guide_page_cache", {}).clear()
        try:
            assert "ko" not in [loc.code for loc in locales.listed()]
            assert locales.negotiate("ko-KR").code == "en"
            client = app.test_client()
            r = client.get("/ko/rights/")
            assert r.status_code == 200
            assert 'hreflang="ko"' not in r.data.decode()
        finally:
            app.extensions["guide_locale_completion"]["ko"] = 1.0
            app.extensions.get("guide_page_cache", {}).clear()


def test_pseudo_locale_is_not_served_in_production(content_copy):
    from webapp import create_app

    client = create_app({"TESTING": False}).test_client()
    assert client.get("/en-XA/").status_code == 404
    assert "/en-XA/" not in client.get("/sitemap.xml").data.decode()
