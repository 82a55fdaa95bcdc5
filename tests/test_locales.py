import pytest

from webapp import locales


@pytest.mark.parametrize("header, expected", [
    ("es-MX,es;q=0.9,en;q=0.8", "es"),
    ("es-419", "es"),
    ("ES", "es"),
    ("en-US,en;q=0.9", "en"),
    ("fr-CA, es;q=0.5", "es"),
    ("de, en;q=0.1", "en"),
    ("", "en"),
    (None, "en"),
    ("es;q=0, en", "en"),
    (";;;,,q=abc", "en"),
    ("\x00\xff", "en"),
    ("x" * 5000, "en"),
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
