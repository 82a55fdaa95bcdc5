"""Wherever the site is served, it sends the app's headers: the static export's `_headers`
(applied by a tiny static server, as Netlify and Cloudflare Pages apply it) and its nginx
server block (written beside the exported folder, never in it) give every file the headers
Flask gives it, HSTS as GUIDE_HSTS says and "Remove saved data"'s Clear-Site-Data included;
the README's nginx proxy block fills in the same headers on responses gunicorn or nginx make
themselves."""

import re
import urllib.error
import urllib.request

import pytest

from tests.conftest import ROOT, StaticServer, read_headers_file
from webapp import hosting, security
from webapp.export import export_site, nginx_path

pytestmark = pytest.mark.slow   # tests of seconds each: run early (tests/conftest.py)

BASE = "https://help.example.org"
COMPARED = (*security.HEADERS, "Cache-Control", "Clear-Site-Data")


def compared(want: dict) -> tuple[str, ...]:
    """The headers to compare for a URL: every URL's, and the guide as one file's download
    (Flask's `inline` for a static file is the default anyway)."""
    download = want.get("Content-Disposition", "").startswith("attachment")
    return COMPARED + (("Content-Disposition",) if download else ())


@pytest.fixture(scope="module")
def public_app(app_variant):
    return app_variant(GUIDE_BASE_URL=BASE)


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
    # Over HTTPS, as the public site is served (the app sends HSTS only then).
    return dict(app.test_client().get(url, base_url="https://localhost").headers)


def served_headers(server, url: str) -> dict:
    try:
        with urllib.request.urlopen(server.url + url) as response:
            return dict(response.headers)
    except urllib.error.HTTPError as error:
        return dict(error.headers, status=str(error.code))


def app_urls(urls):
    # "/" and "/404.html" exist only in the export (the app redirects / and renders 404s).
    return [url for url in urls if url not in ("/", "/404.html")]


def test_static_host_sends_the_apps_headers(public_app, exported):
    server, urls = exported
    assert len(urls) > 100 and "/static/gen/" in " ".join(urls) and "/removed/es/" in urls
    assert "Content-Disposition" in compared(flask_headers(public_app, "/es/file/"))
    for url in app_urls(urls):
        want, got = flask_headers(public_app, url), served_headers(server, url)
        for name in (*compared(want), "Strict-Transport-Security"):
            assert got.get(name) == want.get(name), (url, name, got.get(name), want.get(name))
        if url.endswith(".webmanifest"):
            assert got["Content-Type"] == "application/manifest+json"
    for url in ("/", "/404.html"):
        got = served_headers(server, url)
        assert {name: got.get(name) for name in security.HEADERS} == security.HEADERS
        assert got["Cache-Control"] == "no-cache"
    # "Remove saved data" works there: its address answers with the header that clears the site.
    removed = served_headers(server, "/removed/es/")
    assert removed["Clear-Site-Data"] == '"cache", "storage"' and removed["Cache-Control"] == "no-store"
    assert "Clear-Site-Data" not in served_headers(server, "/es/forget/")
    # A bundle this deploy lacks is not made immutable by a rule for its folder.
    missing = served_headers(server, "/static/gen/guide.00000000.css")
    assert missing["status"] == "404" and "immutable" not in missing.get("Cache-Control", "")


def test_the_nginx_file_is_written_outside_the_uploaded_folder(public_app, exported, tmp_path):
    server, _ = exported
    assert not [p.name for p in server.directory.iterdir() if "nginx" in p.name]
    beside = nginx_path(server.directory)
    assert beside.parent == server.directory.parent and beside.exists()
    with pytest.raises(Exception, match="outside"):
        export_site(public_app, tmp_path / "site", nginx_config=tmp_path / "site" / "x.conf")


@pytest.mark.parametrize("setting, base, sent", [
    ("auto", "https://help.example.org", True), ("always", "http://help.example.org", True),
    ("auto", "http://help.example.org", False), ("off", "https://help.example.org", False)])
def test_exported_headers_follow_guide_hsts(setting, base, sent):
    from flask import Flask

    app = Flask("probe")
    app.config.update(HSTS=setting, GUIDE_BASE_URL=base)
    hsts = security.hsts_for_host(app)
    assert hsts is sent
    urls = ["/en/", "/static/gen/guide.0c093333.css", "/removed/en/"]
    everywhere = dict(read_headers_text(hosting.headers_file(urls, hsts))[0][1])
    assert ("Strict-Transport-Security" in everywhere) is sent
    https = parse_nginx(hosting.nginx_static(base, "/srv/guide", hsts))[0]
    for location in https["locations"]:
        if location["headers"]:
            assert ("Strict-Transport-Security" in location["headers"]) is sent
    assert ("Strict-Transport-Security" in hosting.nginx_proxy(base, hsts=hsts)) is sent


def read_headers_text(text: str):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "_headers"
        path.write_text(text)
        return read_headers_file(path)


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
            if m := re.match(r"""add_header (\S+) (?:"(.*)"|'(.*)')( always)?;$""", line):
                location["headers"][m.group(1)] = m.group(2) if m.group(2) is not None else m.group(3)
                if not m.group(4):
                    location.setdefault("success_only", set()).add(m.group(1))
            else:
                name, _, value = line.rstrip(";").partition(" ")
                (location or server)["directives"][name] = value
    return servers


def nginx_location(server: dict, path: str) -> dict:
    """nginx's choice: an exact match, else the longest matching prefix, unless a regular
    expression matches."""
    for loc in server["locations"]:
        if loc["modifier"] == "=" and loc["match"] == path:
            return loc
    prefixes = [loc for loc in server["locations"] if not loc["modifier"] and path.startswith(loc["match"])]
    for loc in server["locations"]:
        if loc["modifier"].startswith("~") and re.search(loc["match"], path):
            return loc
    return max(prefixes, key=lambda loc: len(loc["match"]))


def test_nginx_sends_the_apps_headers(public_app, exported):
    server_dir, urls = exported
    text = nginx_path(server_dir.directory).read_text()
    https, http = parse_nginx(text)
    assert https["directives"]["server_name"] == "help.example.org"
    assert https["directives"]["root"] == str(server_dir.directory.resolve())
    assert https["directives"]["absolute_redirect"] == "off"      # no Host header in redirects
    assert http["directives"]["return"] == "301 https://help.example.org$request_uri"
    for url in app_urls(urls):
        want, location = flask_headers(public_app, url), nginx_location(https, url)
        for name in compared(want):
            value = location["headers"].get(name)
            if value and "$1" in value:   # nginx fills in what its location's expression captured
                value = value.replace("$1", re.search(location["match"], url).group(1))
            assert value == want.get(name), (url, name)
        assert location["headers"]["Strict-Transport-Security"] == security.HSTS
        if url.endswith(".webmanifest"):
            assert location["directives"]["default_type"] == "application/manifest+json"
    # Immutable, and the clearing header, only on a successful answer (no `always`): a 404 goes
    # to /404.html, whose location says no-cache.
    assert "Cache-Control" in nginx_location(https, "/static/gen/guide.00000000.css")["success_only"]
    assert "Clear-Site-Data" in nginx_location(https, "/removed/es/")["success_only"]
    hidden = nginx_location(https, "/" + hosting.HEADERS_FILE)
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
    for name in (*security.HEADERS, "Cache-Control"):
        assert maps[added[name]] == page[name], name
    assert maps[added["Strict-Transport-Security"]] == security.HSTS
    assert re.search(r"large_client_header_buffers 4 8k;", text)

