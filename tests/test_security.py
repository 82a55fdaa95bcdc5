"""Privacy and hostile input, through the Flask test client: headers on every response, no
cookies, the right 4xx in the reader's language, nothing reflected, never a 500."""


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ALL_PAGES, page_path
from tests.htmlparse import parse

EXTRA = ["/", "/sitemap.xml", "/robots.txt", "/sw.js", "/en/manifest.webmanifest", "/en/offline/",
         "/en/saved/", "/calculator/", "/en/missing/", "/xx/"]


def all_paths():
    return [page_path(lang, page) for lang, page in ALL_PAGES] + EXTRA


def test_security_headers_on_every_response(client):
    for path in all_paths():
        r = client.get(path)
        h = r.headers
        csp = h["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        for directive in ("frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
                          "object-src 'none'", "default-src 'self'"):
            assert directive in csp, (path, directive)
        assert h["Referrer-Policy"] == "no-referrer"
        assert h["X-Content-Type-Options"] == "nosniff"
        assert "camera=()" in h["Permissions-Policy"] and "geolocation=()" in h["Permissions-Policy"]
        assert h["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "Set-Cookie" not in h, path
        assert "Strict-Transport-Security" not in h  # plain HTTP here


def test_hsts_over_https(client):
    r = client.get("/en/", base_url="https://localhost")
    assert r.headers["Strict-Transport-Security"].startswith("max-age=")


def test_hsts_always_behind_a_tls_proxy(app_variant):
    """GUIDE_HSTS=always: the request reaches the app as plain HTTP from the proxy, and the
    header still goes out (on pages, errors and the worker alike)."""
    client = app_variant(HSTS="always").test_client()
    for path in ("/en/", "/en/missing/", "/sw.js"):
        assert client.get(path).headers["Strict-Transport-Security"] == "max-age=31536000", path


def test_external_links_leak_nothing(client):
    for path in all_paths():
        r = client.get(path)
        if r.mimetype != "text/html":
            continue
        for a in parse(r.data).find_all("a"):
            href = a.attrs.get("href", "")
            if href.startswith(("http://", "https://")):
                rel = set((a.attrs.get("rel") or "").split())
                assert {"noopener", "noreferrer"} <= rel, (path, href)


def test_compression_and_memory_cache(client):
    r = client.get("/es/helplines/", headers={"Accept-Encoding": "gzip, br"})
    assert r.headers["Content-Encoding"] in ("br", "gzip")
    assert "Accept-Encoding" in r.headers["Vary"]
    plain = client.get("/es/helplines/")
    assert "Content-Encoding" not in plain.headers
    assert len(r.data) < len(plain.data) / 3
    assert client.get("/es/helplines/", headers={"If-None-Match": r.headers["ETag"]}).status_code == 304


@pytest.mark.parametrize("path, status", [
    ("/static/../webapp/__init__.py", 404),
    ("/static/%2e%2e/webapp/__init__.py", 404),
    ("/static/..%2fwebapp%2f__init__.py", 404),
    ("/en/../../etc/passwd", 404),
    ("/%2e%2e/%2e%2e/etc/passwd", 404),
    ("/en/<script>alert(1)</script>/", 404),
    ("/<img src=x onerror=alert(1)>", 404),
    ("/en/rights/?q=<script>alert(1)</script>", 200),
    ("/en/" + "a" * 5000, 414),
])
def test_hostile_paths(client, path, status):
    r = client.get(path)
    assert r.status_code == status
    body = r.data.decode(errors="replace")
    assert "<script>alert" not in body and "onerror=alert" not in body
    if r.mimetype == "text/html":
        assert parse(r.data).find("html").attrs["lang"] == "en"


def test_unsupported_method_is_405_in_the_readers_language(client):
    r = client.post("/es/rights/")
    assert r.status_code == 405
    assert "GET" in r.headers["Allow"]
    assert parse(r.data).find("html").attrs["lang"] == "es"
    assert "tel:+18883737888" in r.data.decode()
    assert client.delete("/en/").status_code == 405
    assert client.put("/sw.js").status_code == 405


def test_huge_headers_are_refused_in_the_readers_language(client):
    r = client.get("/es/", headers={"X-Junk": "x" * 20000})
    assert r.status_code == 431
    assert parse(r.data).find("html").attrs["lang"] == "es"


def test_binary_query_and_header(client):
    r = client.get("/en/?q=%00%ff%fe%80", headers={"Accept-Language": "\x00\xff" * 40})
    assert r.status_code == 200
    r = client.get("/", headers={"Accept-Language": "\u202e" * 500})
    assert r.status_code == 302


ROUTE_TEMPLATES = ["/", "/{lang}/", "/{lang}/{seg}/", "/{seg}", "/{lang}/{seg}/{seg}", "/static/{seg}",
                   "/{lang}/manifest.webmanifest", "/calculator/", "/sw.js", "/sitemap.xml"]
hostile_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60) | \
    st.sampled_from(["..", "%2e%2e", "<script>x</script>", "\"'><svg onload=alert(1)>", "%00", "\u202e",
                     "😀" * 20, "a" * 3000, "en", "es", "ar", "zh-Hans", "en-XA"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(template=st.sampled_from(ROUTE_TEMPLATES), lang=hostile_text, seg=hostile_text,
       query=hostile_text, accept=hostile_text, method=st.sampled_from(["GET", "HEAD", "POST", "OPTIONS", "PATCH"]))
def test_generated_requests_never_fail(client, template, lang, seg, query, accept, method):
    from urllib.parse import quote

    path = template.format(lang=quote(lang, safe=""), seg=quote(seg, safe=""))
    # The test client reads a leading "//x" as a host name, not a path: send one slash.
    path = "/" + path.lstrip("/")
    r = client.open(path, method=method, query_string={"q": query},
                    # CR and LF cannot travel inside an HTTP header value at all
                    headers={"Accept-Language": accept.encode("utf-8", "replace").decode("latin-1")
                             .replace("\r", "").replace("\n", "")})
    assert r.status_code < 500, (method, path, r.status_code)
    if r.mimetype == "text/html" and r.status_code >= 400 and method != "HEAD":
        body = r.data.decode()
        assert "<script>x</script>" not in body and "<svg onload" not in body
        assert parse(r.data).find("h1") is not None


@pytest.mark.parametrize("method, path, headers", [
    ("GET", "/nowhere/", {}), ("POST", "/es/rights/", {}), ("GET", "/es/", {"X-Junk": "x" * 20000})])
def test_error_pages_vary_on_language(client, method, path, headers):
    r = client.open(path, method=method, headers={"Accept-Language": "fr", **headers})
    assert r.status_code >= 400
    assert "Accept-Language" in r.headers["Vary"]


def test_development_files_are_not_served(app, client):
    from pathlib import Path

    static = Path(app.static_folder).resolve()
    assert static not in Path(app.config["ASSETS_CACHE"]).resolve().parents
    assert not (static / ".webassets-cache").exists()
    probe = static / ".probe-hidden"
    probe.write_text("secret")
    try:
        assert client.get("/static/.probe-hidden").status_code == 404
        assert client.get("/static/icons/../.probe-hidden").status_code == 404
    finally:
        probe.unlink()


def test_error_page_that_cannot_render_falls_back_to_a_plain_page(client, monkeypatch, caplog):
    from webapp import errors

    def broken(*args, **kwargs):
        raise RuntimeError("a template that cannot render")

    monkeypatch.setattr(errors, "render_template", broken)
    r = client.get("/es/no-such-page/?q=zebrashelter")
    assert r.status_code == 404
    assert r.headers["X-Content-Type-Options"] == "nosniff" and "default-src 'self'" in r.headers["Content-Security-Policy"]
    assert parse(r.data).find("h1").text == "404 Not Found"
    # One line says what broke; no traceback, nothing of the request.
    assert "could not be rendered (RuntimeError)" in caplog.text
    assert "Traceback" not in caplog.text and "zebrashelter" not in caplog.text and "no-such-page" not in caplog.text


@pytest.mark.parametrize("kind", ["form", "multipart", "parts"])
def test_oversized_bodies_get_413_in_the_readers_language(client, kind):
    import io

    if kind == "form":
        r = client.post("/ar/services/", data={"q": "x" * 70_000})
    elif kind == "multipart":
        r = client.post("/ar/services/", data={"q": (io.BytesIO(b"x" * 70_000), "a.txt")})
    else:
        r = client.post("/ar/services/", data={f"f{i}": "x" for i in range(60)}, content_type="multipart/form-data")
    assert r.status_code == 413
    assert parse(r.data).find("html").attrs["lang"] == "ar"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert client.post("/ar/services/", data={"q": "x" * 200}).status_code == 200


def test_only_a_bundle_that_exists_is_immutable(app, client):
    bundle = app.extensions["guide_asset_urls"]["guide_css"]
    assert client.get(bundle).headers["Cache-Control"] == "public, max-age=31536000, immutable"
    missing = client.get("/static/gen/guide.00000000.css")
    assert missing.status_code == 404 and missing.headers["Cache-Control"] == "no-cache"
