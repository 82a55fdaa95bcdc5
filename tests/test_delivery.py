"""How bytes leave the server: pre-rendered bodies compressed once at the highest level and
kept (in memory, and in a folder processes share); anything else compressed fast and never
kept; 304s that name the same Vary."""

import hashlib
from collections import OrderedDict

import brotli
import pytest

from webapp import delivery

pytestmark = pytest.mark.slow   # tests of seconds each: run early (tests/conftest.py)


def test_readers_get_brotlis_smallest_unless_the_deployer_says(monkeypatch):
    from webapp import create_app

    monkeypatch.delenv("GUIDE_BROTLI_QUALITY", raising=False)
    assert create_app({"TESTING": True}).config["BROTLI_QUALITY"] == 11
    monkeypatch.setenv("GUIDE_BROTLI_QUALITY", "7")
    assert create_app({"TESTING": True}).config["BROTLI_QUALITY"] == 7


def test_pre_rendered_pages_are_compressed_at_the_set_level_and_kept(app, client):
    plain = client.get("/vi/rights/").data
    r = client.get("/vi/rights/", headers={"Accept-Encoding": "br"})
    assert r.headers["Content-Encoding"] == "br"
    assert r.data == brotli.compress(plain, quality=app.config["BROTLI_QUALITY"])
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


BR = {"Accept-Encoding": "br"}


@pytest.fixture(scope="module")
def shared(app_variant, tmp_path_factory):
    """An app that keeps compressed pages in a folder of its own (the same pages as `app`)."""
    folder = tmp_path_factory.mktemp("compressed")
    return app_variant(COMPRESSED_DIR=str(folder)), folder


def as_a_new_process(app, monkeypatch):
    """Nothing compressed in memory, as another process sharing the folder starts."""
    monkeypatch.setattr(app.extensions["guide_compressed"], "data", OrderedDict())


def test_processes_sharing_a_folder_compress_each_page_once(shared, monkeypatch):
    app, folder = shared
    plain = app.test_client().get("/pt/rights/").data
    as_a_new_process(app, monkeypatch)
    first = app.test_client().get("/pt/rights/", headers=BR).data
    kept = folder / f"{hashlib.sha256(plain).hexdigest()}.br"
    assert kept.read_bytes() == first and brotli.decompress(first) == plain

    as_a_new_process(app, monkeypatch)
    calls = []
    monkeypatch.setattr(delivery, "compress", lambda *a, **k: calls.append(a) or b"")
    again = app.test_client().get("/pt/rights/", headers=BR)
    assert again.headers["Content-Encoding"] == "br"
    assert again.data == first and calls == []


@pytest.mark.parametrize("damage", ["empty", "not brotli", "another page"])
def test_a_damaged_or_foreign_file_is_compressed_again(shared, monkeypatch, damage):
    app, folder = shared
    client = app.test_client()
    plain = client.get("/ko/rights/").data
    kept = folder / f"{hashlib.sha256(plain).hexdigest()}.br"
    kept.write_bytes({"empty": b"", "not brotli": b"<html>not brotli",
                      "another page": brotli.compress(client.get("/ko/signs/").data)}[damage])
    as_a_new_process(app, monkeypatch)
    served = client.get("/ko/rights/", headers=BR).data
    assert brotli.decompress(served) == plain
    assert kept.read_bytes() == served      # the file now holds the right bytes


def test_an_unchanged_worker_costs_a_304(client):
    """A phone checks /sw.js at every visit; when nothing changed it gets no body back."""
    first = client.get("/sw.js")
    assert first.status_code == 200 and first.headers["ETag"]
    again = client.get("/sw.js", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
