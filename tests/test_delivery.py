"""How bytes leave the server: pre-rendered bodies compressed once at the highest level and
kept; anything else compressed fast and never kept; 304s that name the same Vary."""

import brotli
import pytest

from webapp import delivery


def test_pre_rendered_pages_are_compressed_at_the_highest_level_and_kept(app, client):
    plain = client.get("/vi/rights/").data
    r = client.get("/vi/rights/", headers={"Accept-Encoding": "br"})
    assert r.headers["Content-Encoding"] == "br"
    assert r.data == brotli.compress(plain, quality=11)
    cache = app.extensions["guide_compressed"]
    assert any(body == r.data for body in cache.data.values())


def test_an_app_with_the_same_pages_reuses_their_compressed_bytes(app, app_variant, monkeypatch):
    """The memory is keyed by the bytes, so a second app (a reload, a test's variant) does not
    compress the same page again."""
    first = app.test_client().get("/fr/rights/", headers={"Accept-Encoding": "br"}).data
    calls = []
    monkeypatch.setattr(delivery, "compress", lambda *a, **k: calls.append(a) or b"")
    other = app_variant(SECOND_APP=True)   # a key the app does not read: the same pages
    assert other is not app
    again = other.test_client().get("/fr/rights/", headers={"Accept-Encoding": "br"})
    assert again.headers["Content-Encoding"] == "br"
    assert again.data == first and calls == []


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_dynamic_responses_are_compressed_fast_and_never_kept(app, client, encoding):
    # The sitemap is rendered per request (it is not in the precache list): a stand-in for
    # any dynamic response, such as search results.
    plain = client.get("/sitemap.xml").data
    cache = app.extensions["guide_compressed"]
    before = dict(cache.data)
    r = client.get("/sitemap.xml", headers={"Accept-Encoding": encoding})
    assert r.headers["Content-Encoding"] == encoding
    assert r.data == delivery.compress(plain, encoding, fast=True)
    assert r.data != delivery.compress(plain, encoding)
    assert dict(cache.data).keys() == before.keys()


def test_304_keeps_vary(client):
    r = client.get("/es/", headers={"Accept-Encoding": "br"})
    again = client.get("/es/", headers={"Accept-Encoding": "br", "If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304
    assert "Accept-Encoding" in again.headers["Vary"]
