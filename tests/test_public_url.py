"""One public address (GUIDE_BASE_URL) for every absolute URL; the Host header is never
trusted: only the public host and loopback are answered, and neither is ever copied into a
link or a redirect; an unset address is a development default that `flask export` will not
publish."""

import logging
import re

import pytest
from flask import Flask

from tests.htmlparse import parse
from webapp import public_url

pytestmark = pytest.mark.slow   # tests of seconds each: run early (tests/conftest.py)

BASE = "https://help.example.org"
# A Host the app answers (loopback: a proxy's `proxy_pass http://127.0.0.1:8000`), with a
# forwarded host that must be ignored.
EVIL = {"Host": "127.0.0.1:8000", "X-Forwarded-Host": "evil.com"}


@pytest.fixture(scope="module")
def public_client(app_variant):
    return app_variant(GUIDE_BASE_URL=BASE + "/").test_client()


def absolute_urls(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def test_sitemap_and_robots_name_the_configured_address_whatever_the_host(public_client):
    sitemap = public_client.get("/sitemap.xml", headers=EVIL).get_data(as_text=True)
    robots = public_client.get("/robots.txt", headers=EVIL).get_data(as_text=True)
    assert "<loc>https://help.example.org/es/rights/</loc>" in sitemap
    assert "Sitemap: https://help.example.org/sitemap.xml" in robots
    links = [u for u in absolute_urls(sitemap) if "sitemaps.org" not in u and "w3.org" not in u]
    assert links and all(u.startswith(BASE + "/") for u in links)
    assert "evil.com" not in sitemap + robots


@pytest.mark.parametrize("path, target", [("/en/rights", "/en/rights/"), ("/", "/en/")])
def test_redirects_go_to_the_configured_address(public_client, path, target):
    r = public_client.get(path, headers=EVIL)
    assert r.status_code in (302, 308)
    assert r.headers["Location"] == BASE + target
    assert "evil.com" not in r.get_data(as_text=True)


def test_page_head_has_absolute_canonical_and_hreflang_links(public_client):
    r = public_client.get("/es/rights/?q=something", headers=EVIL)
    head = parse(r.data).find("head")
    assert head.find("link", rel="canonical").attrs["href"] == BASE + "/es/rights/"
    alternates = {link.attrs["hreflang"]: link.attrs["href"] for link in head.find_all("link", rel="alternate")}
    assert alternates["en"] == alternates["x-default"] == BASE + "/en/rights/"
    assert alternates["ar"] == BASE + "/ar/rights/"
    assert "evil.com" not in r.get_data(as_text=True)


def test_error_pages_claim_no_canonical_address(public_client):
    head = parse(public_client.get("/es/no-such-page/").data).find("head")
    assert head.find("link", rel="canonical") is None
    assert head.find_all("link", rel="alternate") == []


def test_unset_address_is_a_development_default_with_a_warning(caplog):
    app = Flask("probe")
    with caplog.at_level(logging.WARNING):
        public_url.configure(app)
    assert app.config["GUIDE_BASE_URL"] == public_url.DEVELOPMENT_DEFAULT
    assert any("GUIDE_BASE_URL is not set" in r.getMessage() for r in caplog.records)


def test_development_redirects_stay_on_the_server_that_answered(client):
    # No address configured: the path alone, never the Host header's idea of the server.
    r = client.get("/en/rights", headers=EVIL)
    assert r.status_code == 308 and r.headers["Location"] == "/en/rights/"


@pytest.mark.parametrize("host", ["evil.com", "EVIL.Example", "HELP.EXAMPLE.ORG", "..", "a" * 64 + ".org",
                                  "help.example.org.evil.com", "localhost.evil.com"])
@pytest.mark.parametrize("path", ["/es/rights", "/es/rights/", "/"])
def test_other_hosts_get_a_400_page_that_names_no_host(public_client, host, path):
    r = public_client.get(path, headers={"Host": host, "Accept-Language": "es"})
    assert r.status_code == 400
    assert "Location" not in r.headers
    assert r.headers["X-Content-Type-Options"] == "nosniff" and "frame-ancestors" in r.headers["Content-Security-Policy"]
    page = parse(r.data)
    assert page.find("html").attrs["lang"] == "es"
    assert host.lower() not in r.get_data(as_text=True).lower()


@pytest.mark.parametrize("client_name", ["public_client", "client"])
@pytest.mark.parametrize("path, target", [
    ("/en/services?q=SECRET+words", "/en/services/"),
    ("/es/rights?x=1#y", "/es/rights/"),
    ("//en//rights", "/en/rights/"),          # werkzeug merges the slashes
])
def test_redirects_carry_no_query_and_stay_on_the_site(request, client_name, path, target):
    client = request.getfixturevalue(client_name)
    # The test client reads "//host/..." as a URL with a host: send the path in the environ.
    r = client.get("/", environ_overrides={"PATH_INFO": path.split("?")[0].split("#")[0],
                                           "QUERY_STRING": path.partition("?")[2].split("#")[0]})
    assert r.status_code in (301, 302, 307, 308)
    want = target if client_name == "client" else BASE + target
    assert r.headers["Location"] == want
    assert "SECRET" not in r.get_data(as_text=True) and "x=1" not in r.headers["Location"]


@pytest.mark.parametrize("value", ["help.example.org", "ftp://help.example.org",
                                   "https://help.example.org/guide/", "https://x.org/?a=1", "https://"])
def test_malformed_addresses_stop_the_app(value):
    with pytest.raises(ValueError, match="GUIDE_BASE_URL"):
        public_url.normalize(value)


def test_export_refuses_a_localhost_sitemap(app, runner, tmp_path):
    result = runner.invoke(args=["export", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "--base-url" in result.output
    assert not (tmp_path / "out" / "sitemap.xml").exists()


def test_export_base_url_is_used_then_the_app_is_restored(app, client, runner, tmp_path):
    result = runner.invoke(args=["export", str(tmp_path / "out"), "--base-url", "https://x.example"])
    assert result.exit_code == 0, result.output
    assert "<loc>https://x.example/en/</loc>" in (tmp_path / "out" / "sitemap.xml").read_text()
    head = parse((tmp_path / "out" / "es" / "index.html").read_bytes()).find("head")
    assert head.find("link", rel="canonical").attrs["href"] == "https://x.example/es/"
    # The running app still names its own address.
    assert app.config["GUIDE_BASE_URL"] == public_url.DEVELOPMENT_DEFAULT
    assert "https://x.example" not in client.get("/es/").get_data(as_text=True)


@pytest.mark.parametrize("location, path", [
    ("http://evil.example/en/", "/en/"),
    ("http://localhost//evil.example/en/?q=words", "/evil.example/en/"),
    ("//evil.example", "/"),
])
def test_a_redirect_keeps_only_its_path(app, location, path):
    with app.test_request_context("/"):
        assert public_url.relocated(location) == path   # development: relative, never "//"
