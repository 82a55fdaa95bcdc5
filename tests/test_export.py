"""The static export holds the same site as the server: the same service worker, and every
precached URL with exactly the bytes the worker expects."""

import hashlib
import json
import re

import pytest

from webapp.export import export_site

pytestmark = pytest.mark.slow   # tests of seconds each: run early (tests/conftest.py)


BASE = "https://help.example.org"


@pytest.fixture(scope="module")
def public_app(app_variant):
    return app_variant(GUIDE_BASE_URL=BASE)


def test_export_matches_the_server(public_app, tmp_path):
    client = public_app.test_client()
    written = export_site(public_app, tmp_path)
    sw = (tmp_path / "sw.js").read_bytes()
    assert sw == client.get("/sw.js").data
    manifest = json.loads(re.search(rb"const PRECACHE = (\{.*?\});\n", sw).group(1))
    entries = manifest["shared"] + [e for v in manifest["locales"].values() for e in v]
    for entry in entries:
        path = tmp_path / (entry["url"].lstrip("/") + ("index.html" if entry["url"].endswith("/") else ""))
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest()[:16] == entry["revision"], entry["url"]
    assert (tmp_path / "calculator" / "index.html").exists()
    assert (tmp_path / "404.html").exists()
    sitemap = (tmp_path / "sitemap.xml").read_text()
    assert "<loc>https://help.example.org/es/rights/</loc>" in sitemap
    root = (tmp_path / "index.html").read_text()
    for code in ("en", "es", "ar", "zh-Hans"):
        assert f'href="/{code}/"' in root      # works without JavaScript
    assert "/" in written and "/sw.js" in written
