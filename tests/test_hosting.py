"""Wherever the site is served, it sends the app's headers: the static export's `_headers`
(applied by a tiny static server, as Netlify and Cloudflare Pages apply it) and its nginx
server block give every file the headers Flask gives it; the README's nginx proxy block
fills in the same headers on responses gunicorn or nginx make themselves."""

import re
import urllib.request

import pytest

from tests.conftest import ROOT, StaticServer
from webapp import create_app, hosting, security

BASE = "https://help.example.org"
COMPARED = (*security.HEADERS, "Cache-Control")


def compared(want: dict) -> tuple[str, ...]:
    """The headers to compare for a URL: every URL's, and the guide as one file's download
    (Flask's `inline` for a static file is the default anyway)."""
    download = want.get("Content-Disposition", "").startswith("attachment")
    return COMPARED + (("Content-Disposition",) if download else ())


@pytest.fixture(scope="module")
def public_app():
    return create_app({"TESTING": True, "GUIDE_BASE_URL": BASE})


@pytest.fixture(scope="module")
def exported(public_app, tmp_path_factory):
    """The export served by the static test server, and the URL of every exported file."""
    server = StaticServer(public_app, 0, tmp_path_factory.mktemp("site"))
    urls = []
    for path in sorted(server.directory.rglob("*")):
        if path.is_file() and not path.name.startswith("_"):
            url = "/" + path.relative_to(server.directory).as_posix()
            urls.append(url.removesuffix("index.html"))
    yield server, urls
    server.stop()


def flask_headers(app, url: str) -> dict:
    return dict(app.test_client().get(url).headers)


def served_headers(server, url: str) -> dict:
    with urllib.request.urlopen(server.url + url) as response:
        return dict(response.headers)


def app_urls(urls):
    # "/" and "/404.html" exist only in the export (the app redirects / and renders 404s).
    return [url for url in urls if url not in ("/", "/404.html")]


def test_static_host_sends_the_apps_headers(public_app, exported):
    server, urls = exported
    assert len(urls) > 100 and "/static/gen/" in " ".join(urls)
    assert "Content-Disposition" in compared(flask_headers(public_app, "/es/file/"))
    for url in app_urls(urls):
        want, got = flask_headers(public_app, url), served_headers(server, url)
        for name in compared(want):
            assert got.get(name) == want[name], (url, name, got.get(name), want[name])
        if url.endswith(".webmanifest"):
            assert got["Content-Type"] == "application/manifest+json"
    for url in ("/", "/404.html"):
        got = served_headers(server, url)
        assert {name: got.get(name) for name in security.HEADERS} == security.HEADERS
        assert got["Cache-Control"] == "no-cache"


# -- nginx ---------------------------------------------------------------------------------------
def parse_nginx(text: str) -> list[dict]:
    """Each `server { }` of a generated file: its simple directives and its locations (with
    their match and add_header lines). Enough of nginx's grammar for the generated files."""
    servers, server, location = [], None, None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.strip().startswith("add_header") else raw.strip()
        if not line:
            continue
        if line == "server {":
            server = {"directives": {}, "locations": []}
            servers.append(server)
        elif m := re.match(r"location (~\*?|=|\^~)? ?(\S+) \{$", line):
            location = {"modifier": m.group(1) or "", "match": m.group(2), "headers": {}, "directives": {}}
            server["locations"].append(location)
        elif line == "}":
            if location is not None:
                location = None
            else:
                server = None
        elif server is not None:
            if m := re.match(r'add_header (\S+) "(.*)" always;$', line):
                location["headers"][m.group(1)] = m.group(2)
            else:
                name, _, value = line.rstrip(";").partition(" ")
                (location or server)["directives"][name] = value
    return servers


def nginx_location(server: dict, path: str) -> dict:
    """nginx's choice: the longest matching prefix, unless a regular expression matches."""
    prefixes = [loc for loc in server["locations"] if not loc["modifier"] and path.startswith(loc["match"])]
    for loc in server["locations"]:
        if loc["modifier"].startswith("~") and re.search(loc["match"], path):
            return loc
    return max(prefixes, key=lambda loc: len(loc["match"]))


def test_nginx_sends_the_apps_headers(public_app, exported):
    server_dir, urls = exported
    text = (server_dir.directory / hosting.NGINX_FILE).read_text()
    https, http = parse_nginx(text)
    assert https["directives"]["server_name"] == "help.example.org"
    assert https["directives"]["root"] == str(server_dir.directory.resolve())
    assert https["directives"]["absolute_redirect"] == "off"      # no Host header in redirects
    assert http["directives"]["return"] == "301 https://help.example.org$request_uri"
    for url in app_urls(urls):
        want, location = flask_headers(public_app, url), nginx_location(https, url)
        for name in compared(want):
            value = location["headers"][name].replace('\\"', '"')
            if "$1" in value:   # nginx fills in what its location's expression captured
                value = value.replace("$1", re.search(location["match"], url).group(1))
            assert value == want[name], (url, name)
        assert location["headers"]["Strict-Transport-Security"] == security.HSTS
        if url.endswith(".webmanifest"):
            assert location["directives"]["default_type"] == "application/manifest+json"
    hidden = nginx_location(https, "/" + hosting.NGINX_FILE)
    assert hidden["directives"]["return"] == "404"


def test_readme_nginx_proxy_block_is_the_generated_one(public_app):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    with public_app.app_context():
        generated = hosting.nginx_proxy(BASE)
    assert generated in readme, "README's nginx proxy block is out of date: paste hosting.nginx_proxy()"


def test_nginx_proxy_fills_in_headers_only_where_missing(public_app):
    text = hosting.nginx_proxy(BASE)
    maps = dict(re.findall(r'map \$upstream_http_\w+ (\$\w+) \{\n    "" "(.*)";\n    default "";', text))
    added = dict(re.findall(r"add_header (\S+) (\$\w+) always;", text))
    page = flask_headers(public_app, "/en/")
    # A response without the header (gunicorn's own 400/414/431, nginx's errors) gets the app's.
    for name in COMPARED:
        assert maps[added[name]] == page[name], name
    assert maps[added["Strict-Transport-Security"]] == security.HSTS
    assert re.search(r"large_client_header_buffers 4 8k;", text)

