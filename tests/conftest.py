"""Fixtures every test reuses: the app, its test client and CLI runner, a live server and
one Chromium per test session (per xdist worker)."""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from webapp import content, create_app, locales
from webapp.pages import PAGES

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def page_path(lang: str, page) -> str:
    return page.path(lang)


ALL_PAGES = [(loc.code, page) for loc in locales.LOCALES for page in PAGES]


@pytest.fixture(scope="session")
def app():
    app = create_app({"TESTING": True})
    return app


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner(app):
    return app.test_cli_runner()


@pytest.fixture()
def content_copy(tmp_path) -> Path:
    """A writable copy of the content files, for tests that break or change them."""
    target = tmp_path / "content"
    target.mkdir()
    for name in content.FILES:
        shutil.copy(content.DEFAULT_DIR / name, target / name)
    return target


class _QuietHandler(__import__("werkzeug.serving").serving.WSGIRequestHandler):
    def log_request(self, *args, **kwargs):  # tests need no access log
        pass


class _ThreadedServer:
    """A server in a thread on a loopback port (0: any free one); stoppable, so offline tests
    can take the network away for real."""

    def _serve(self, server) -> None:
        self._server = server
        self.port = server.server_port
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


class LiveServer(_ThreadedServer):
    """The Flask app served by werkzeug."""

    def __init__(self, app, port: int = 0):
        self.app = app
        self._serve(make_server("127.0.0.1", port, app, threaded=True, request_handler=_QuietHandler))


def read_headers_file(path: Path) -> list[tuple[re.Pattern, list[tuple[str, str]]]]:
    """The rules of a `_headers` file (Netlify, Cloudflare Pages): a path pattern where `*`
    matches anything, then its indented `Name: value` lines."""
    rules: list = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((re.compile(re.escape(line.strip()).replace(r"\*", ".*")), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


class _QuietFiles(__import__("http.server").server.SimpleHTTPRequestHandler):
    """Python's static file server, plus the export's `_headers` as a static host applies
    them: every matching rule's headers, a header named twice joined with ", "."""

    rules: list = []

    def log_message(self, *args):
        pass

    def _extra(self) -> dict[str, str]:
        path = urlsplit(self.path).path
        merged: dict[str, str] = {}
        for pattern, headers in self.rules:
            if pattern.fullmatch(path):
                for name, value in headers:
                    merged[name] = f"{merged[name]}, {value}" if name in merged else value
        return merged

    def send_header(self, keyword, value):
        if keyword.lower() == "content-type" and "Content-Type" in self._extra():
            return
        super().send_header(keyword, value)

    def end_headers(self):
        for name, value in self._extra().items():
            super().send_header(name, value)
        super().end_headers()


class StaticServer(_ThreadedServer):
    """The static export (`flask export`) served by Python's plain static file server, the
    way a deployer on a static host would serve it."""

    def __init__(self, app, port: int = 0, directory: Path | None = None, exported: Path | None = None):
        import functools
        import http.server
        import tempfile

        from webapp.export import export_site

        self.directory = Path(directory or tempfile.mkdtemp(prefix="guide-export-"))
        if exported is not None:    # the same app's export, made once: a copy of it
            shutil.copytree(exported, self.directory, dirs_exist_ok=True)
        else:
            export_site(app, self.directory)
        files = type("Files", (_QuietFiles,), {"rules": read_headers_file(self.directory / "_headers")})
        handler = functools.partial(files, directory=str(self.directory))
        self._serve(http.server.ThreadingHTTPServer(("127.0.0.1", port), handler))


@pytest.fixture(scope="session")
def default_app():
    """The app with the shipped content, built once per test worker for the `server` fixture
    (tests that need other content build their own)."""
    return create_app({"TESTING": True})


@pytest.fixture(scope="session")
def default_export(default_app, tmp_path_factory):
    """The static export of default_app, made once per worker; each test serves a copy."""
    from webapp.export import export_site

    folder = tmp_path_factory.mktemp("default-export")
    export_site(default_app, folder)
    return folder


@pytest.fixture(params=["flask", "static"])
def server(request, tmp_path):
    """Start a server of the test's own (so it can be stopped, or restarted with new content):
    the Flask app, or its static export behind a plain static file server. Without an app, the
    shipped content's app and export are reused (built once per worker)."""
    servers = []

    def start(app=None, port=None):
        exported = None
        if app is None:
            app = request.getfixturevalue("default_app")
            if request.param == "static":
                exported = request.getfixturevalue("default_export")
        if request.param == "static":
            srv = StaticServer(app, port or 0, tmp_path / "site", exported=exported)
        else:
            srv = LiveServer(app, port or 0)
        servers.append(srv)
        return srv

    start.kind = request.param
    yield start
    for srv in servers:
        srv.stop()


@pytest.fixture(scope="session")
def live_server(app):
    server = LiveServer(app)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def launch_args() -> dict:
    args = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic", "--disable-gpu"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    options = {"args": args, "headless": True}
    if Path(CHROMIUM_PATH).exists():
        options["executable_path"] = CHROMIUM_PATH
    return options


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance, launch_args):
    browser = playwright_instance.chromium.launch(**launch_args)
    yield browser
    browser.close()


@pytest.fixture()
def context(browser):
    ctx = browser.new_context(viewport={"width": 360, "height": 740})
    yield ctx
    ctx.close()


@pytest.fixture()
def page(context):
    return context.new_page()


def wait_for_js(page, expression: str, timeout: float = 30.0, interval: float = 0.1):
    """Poll `page.evaluate(expression)` until truthy. Playwright's wait_for_function compiles
    its predicate with eval, which the app's Content-Security-Policy (rightly) forbids."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            value = page.evaluate(expression)
        except Exception:  # a navigation in progress destroys the context; try again
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {expression}")
        page.wait_for_timeout(interval * 1000)
