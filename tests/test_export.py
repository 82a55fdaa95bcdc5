"""The static export holds the same site as the server: the same service worker, and every
precached URL with exactly the bytes the worker expects."""

import hashlib
import json
import re

from webapp.export import export_site


def test_export_matches_the_server(app, client, tmp_path):
    written = export_site(app, tmp_path, "https://help.example.org")
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


def test_export_cli(runner, tmp_path):
    result = runner.invoke(args=["export", str(tmp_path / "out"), "--base-url", "https://x.example"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "en" / "index.html").exists()
