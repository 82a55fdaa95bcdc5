"""Fixtures every test reuses: the app and its variants (each built once per xdist worker, and
its precache list once per run), its test client and CLI runner, live and static servers, and
Chromium set up for pytest-playwright."""

from __future__ import annotations

import errno
import os
import re
import shutil
import socket
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from webapp import content, create_app, locales
from webapp.offline import precache
from webapp.pages import PAGES

ROOT = Path(__file__).resolve().parent.parent
# Two builds of one Chromium release (Debian's packages): the full browser, for what only it has
# (a profile on disk with its History database, the install prompt's checks), and its headless
# shell (the same engine, service workers and DevTools without the browser's own layer, as
# Playwright runs headless by default), which runs everything else in about half the time.
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
HEADLESS_SHELL_PATH = os.environ.get("CHROMIUM_HEADLESS_SHELL_PATH", "/usr/bin/chromium-headless-shell")


def page_path(lang: str, page) -> str:
    return page.path(lang)


ALL_PAGES = [(loc.code, page) for loc in locales.LOCALES for page in PAGES]


def pytest_configure(config) -> None:
    """One folder of compressed pages for the whole run (delivery.py, COMPRESSED_DIR), made
    before the test workers start so they inherit it: the workers' apps serve the same pages,
    and each was compressed at brotli's highest level once per worker (799 compressions and
    18 CPU-seconds a run; 366 and 9 with the folder). And one of precache lists (see
    `shared_precache`)."""
    if not hasattr(config, "workerinput"):
        import tempfile

        config._guide_compressed = tempfile.mkdtemp(prefix="guide-compressed-")
        os.environ["GUIDE_COMPRESSED_DIR"] = config._guide_compressed
        config._guide_precache = tempfile.mkdtemp(prefix="guide-precache-")
        os.environ[PRECACHE_DIR] = config._guide_precache
        # Every new version of the pages a test deploys is compressed once, at brotli 11 the
        # run's largest CPU cost on the Python side (py-spy); the bytes read back the same at
        # 5. `make bench` measures what readers get, at 11 (test_delivery.py checks the default).
        os.environ.setdefault("GUIDE_BROTLI_QUALITY", "5")


def pytest_unconfigure(config) -> None:
    for folder in (getattr(config, "_guide_compressed", None), getattr(config, "_guide_precache", None)):
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


PRECACHE_DIR = "GUIDE_TEST_PRECACHE_DIR"


def shared_precache(app, config: dict) -> None:
    """Give `app` the precache list of the same content and settings, built once for the whole
    run by whichever test worker needs it first (the others wait for it, then read it).
    Building one renders and hashes every page of every locale, about two CPU-seconds, and
    each worker otherwise built the shipped app and most variants again: the list depends only
    on the code, which every worker shares, and on the content files and settings, which name
    it here (a content folder's own path does not count: each worker has its copy)."""
    import fcntl
    import hashlib
    import json

    folder = os.environ.get(PRECACHE_DIR)
    if not folder:
        return
    key = hashlib.sha256()
    source = Path(config.get("CONTENT_DIR") or content.DEFAULT_DIR)
    for name in content.FILES:
        key.update(f"{name}\0".encode() + (source / name).read_bytes() + b"\0")
    key.update(repr(sorted((k, repr(v)) for k, v in config.items() if k != "CONTENT_DIR")).encode())
    path = Path(folder) / f"{key.hexdigest()}.json"
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            app.extensions["guide_precache"] = json.loads(path.read_text(encoding="utf-8"))
        else:
            path.write_text(json.dumps(precache.get(app)), encoding="utf-8")


def pytest_collection_modifyitems(items) -> None:
    """The modules of seconds-long tests (`slow`: a server process, a wheel, a whole export)
    first, then the other engines' flows (tests/engines/), then Chromium's browser tests, the
    quick ones last. pytest-xdist's worksteal gives each worker a run of this order, and a
    worker that runs out takes the end of another's run: the long tests start at the head of
    the first run, where nobody waits on them at the end (alphabetical order put the wheel,
    the servers and the new-language recipe in the middle of the last run, the one the others
    take from), and the engines' flows follow them there, so one worker starts WebKit and
    saves the flows' guide (`reader_offline`) instead of each."""
    def rank(item) -> int:
        if item.get_closest_marker("slow"):
            return 0
        if item.get_closest_marker("browser"):
            return 1 if item.nodeid.startswith("tests/engines/") else 2
        return 3

    items.sort(key=rank)


@pytest.fixture(scope="session")
def app():
    """The app with the shipped content, built once per test worker. Tests must not change it;
    those that need other content or settings ask `app_variant`."""
    config = {"TESTING": True}
    app = create_app(config)
    shared_precache(app, config)
    return app


@pytest.fixture(scope="session")
def app_variant(app, tmp_path_factory):
    """`app_variant(edit=None, **config)`: the app with its content changed by `edit` (a
    function given a copy of the content folder) and `config` added, built once per worker for
    each distinct (edit, config), with the run's precache list of its content and settings
    (building one renders and hashes every page)."""
    built: dict = {}

    def variant(edit=None, **config):
        if edit is None and not config:
            return app
        key = (edit, tuple(sorted(config.items())))
        if key not in built:
            folder = tmp_path_factory.mktemp("content")
            for name in content.FILES:
                shutil.copy(content.DEFAULT_DIR / name, folder / name)
            if edit is not None:
                edit(folder)
            settings = {"TESTING": True, "CONTENT_DIR": str(folder), **config}
            built[key] = create_app(settings)
            shared_precache(built[key], settings)
        return built[key]

    return variant


@pytest.fixture(scope="session")
def exports(tmp_path_factory):
    """`exports(app)`: the static export of an app, made once per worker for each app."""
    from webapp.export import export_site

    made: dict = {}

    def export(app) -> Path:
        if id(app) not in made:
            folder = tmp_path_factory.mktemp("export")
            export_site(app, folder)
            made[id(app)] = (app, folder)   # the app is kept so its id is never reused
        return made[id(app)][1]

    return export


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


# The requests the app's test servers in this process are answering: (method, path, since). A
# test that times out waiting on the worker says which download it was waiting for, if any.
IN_FLIGHT: dict[int, tuple[str, str, float]] = {}


def unanswered(older_than: float = 1.0) -> list[str]:
    import time

    now = time.monotonic()
    return [f"{method} {path} for {now - since:.0f} s" for method, path, since in list(IN_FLIGHT.values())
            if now - since > older_than]


class _QuietHandler(__import__("werkzeug.serving").serving.WSGIRequestHandler):
    def log_request(self, *args, **kwargs):  # tests need no access log
        pass

    def run_wsgi(self):
        import time

        IN_FLIGHT[id(self)] = (self.command, self.path, time.monotonic())
        try:
            return super().run_wsgi()
        finally:
            IN_FLIGHT.pop(id(self), None)


class ThreadedServer:
    """A server in a thread on a loopback port (0: any free one); stoppable, so offline tests
    can take the network away for real."""

    @staticmethod
    def _listen(port: int) -> socket.socket:
        """A listening socket on the port. A test that restarts its server on the old port
        retries for a while: the socket just closed there may not be released at once."""
        import time

        deadline = time.monotonic() + 15
        while True:
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError as error:
                sock.close()
                if port == 0 or error.errno != errno.EADDRINUSE or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
                continue
            sock.listen(128)
            return sock

    def _serve(self, server) -> None:
        self._server = server
        self.port = server.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        # The connections open now, so that stopping closes them too: a stopped server's
        # threads went on answering on connections a browser kept alive (WebKit's "Remove
        # saved data" read "Done" from a server stopped to take the network away).
        connections = self._connections = set()
        process, close = server.process_request, server.shutdown_request

        def opened(request, client_address):
            connections.add(request)
            process(request, client_address)

        def closed(request):
            connections.discard(request)
            close(request)

        server.process_request, server.shutdown_request = opened, closed
        threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            for connection in list(self._connections):
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:     # closed meanwhile
                    pass
            self._server = None


class LiveServer(ThreadedServer):
    """The Flask app served by werkzeug. Its precache list is built before it serves (see
    live_server), whoever starts it: a test's own app, or one behind a counting wrapper."""

    def __init__(self, app, port: int = 0):
        self.app = app
        guide = app if hasattr(app, "extensions") else getattr(app, "app", None)
        if hasattr(guide, "extensions"):
            precache.get(guide)
        with self._listen(port) as sock:    # werkzeug serves a duplicate of its descriptor
            self._serve(make_server("127.0.0.1", sock.getsockname()[1], app, threaded=True,
                                    request_handler=_QuietHandler, fd=sock.fileno()))


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


class StaticServer(ThreadedServer):
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
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler, bind_and_activate=False)
        server.socket.close()
        server.socket = self._listen(port)
        server.server_address = server.socket.getsockname()
        self._serve(server)


# A test whose outcome depends on the host (what the static export's files and `_headers`
# answer, against the app) runs on both: `@BOTH_HOSTS` above it. The worker, the pages and
# their scripts are the same bytes from either, so the other tests run on the app alone.
BOTH_HOSTS = pytest.mark.parametrize("server", ["flask", "static"], indirect=True)


@pytest.fixture(params=["flask"])
def server(request, app, exports, tmp_path):
    """Start a server of the test's own (so it can be stopped, or restarted with new content on
    the same port): the Flask app, or (BOTH_HOSTS) its static export behind a plain static file
    server too. `server(app=None, port=None)`; without an app, the shipped content's. Apps and
    exports are built once per worker and reused (each static server serves a fresh copy of the
    export)."""
    servers = []

    def start(app_=None, port=None):
        chosen = app_ or app
        if request.param == "static":
            srv = StaticServer(chosen, port or 0, tmp_path / f"site-{len(servers)}",
                               exported=exports(chosen))
        else:
            precache.get(chosen)   # before any page load's timeout starts (see live_server)
            srv = LiveServer(chosen, port or 0)
        servers.append(srv)
        return srv

    start.kind = request.param
    yield start
    for srv in servers:
        srv.stop()


@pytest.fixture(scope="session")
def live_server(app):
    # The first compressed response needs the precache list (every page of every locale rendered
    # and hashed, webapp/delivery.py): build it now, not inside a browser test's first page load,
    # whose 30 s timeout it would share on a busy machine. Each language added makes it longer.
    precache.get(app)
    server = LiveServer(app)
    yield server
    server.stop()


def _launch_args(base: dict, executable: str) -> dict:
    # V8 without its optimising compilers (Maglev, TurboFan): a test's page lives for a second,
    # too short for optimised code to pay back compiling it on the other core. axe-core, the
    # suite's one heavy script, then costs 12% less CPU (test_accessibility.py: 107 against 94
    # CPU-seconds, twice each). What a page does is the same; only how V8 compiles it changes.
    args = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic", "--disable-gpu", "--js-flags=--max-opt=1"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    # Playwright switches the back-forward cache off, and resends a form on Back or reload
    # without asking; a phone's browser keeps the cache on (what Back paints from it is what the
    # quick exit must hide; the headless shell never uses it) and asks before resending.
    options = {**base, "args": args, "headless": True,
               "ignore_default_args": ["--disable-back-forward-cache", "--disable-prompt-on-repost"]}
    if Path(executable).exists():
        options["executable_path"] = executable
    return options


# Browsers come from pytest-playwright (`browser`, `context`, `page`, `playwright`, one browser
# per worker); these fixtures set how Chromium is launched and what each context looks like.
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args) -> dict:
    """The shared browser: the headless shell, or the full browser where there is no shell
    (Playwright's own download of Chromium brings both and picks the shell by itself)."""
    shell = HEADLESS_SHELL_PATH if Path(HEADLESS_SHELL_PATH).exists() else CHROMIUM_PATH
    return _launch_args(browser_type_launch_args, shell)


@pytest.fixture(scope="session")
def profile_launch_args(browser_type_launch_args) -> dict:
    """For `playwright.chromium.launch_persistent_context(profile, **profile_launch_args)`: a
    profile on disk that outlives the browser (a browser killed and started again, a cold start
    offline, what "Remove saved data" leaves behind), in the shared browser's build."""
    return browser_type_launch_args


@pytest.fixture(scope="session")
def full_browser_launch_args(browser_type_launch_args) -> dict:
    """The same in the full browser, for what only it has: a History database, and the checks
    behind the install prompt. The headless shell keeps no History and reports no install
    error for any page, so a test of either would pass there whatever the guide did. A launch
    costs three times the shell's, so only those tests use it."""
    base = {k: v for k, v in browser_type_launch_args.items() if k != "executable_path"}
    options = _launch_args(base, CHROMIUM_PATH)
    if "executable_path" not in options:
        options["channel"] = "chromium"   # Playwright's full build, not its headless shell
    return options


@pytest.fixture(scope="session")
def phone_browser(playwright, full_browser_launch_args):
    """The full browser, one per worker, for tests of Back and Forward: like a phone's browser it
    keeps the pages a reader leaves in its back-forward cache and paints them again on Back.
    The headless shell never does ("BackForwardCacheDisabledForDelegate"), so a test of Back
    there would pass whatever the guide did."""
    browser = playwright.chromium.launch(**full_browser_launch_args)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def speech_dispatcher(tmp_path_factory):
    """speech-dispatcher with espeak-ng's voices, for this worker (tests/browser/speech.py)."""
    from tests.browser.speech import SpeechDispatcher

    dispatcher = SpeechDispatcher(tmp_path_factory.mktemp("speech"))
    yield dispatcher
    dispatcher.stop()


def speaking_launch_args(launch_args: dict, dispatcher) -> dict:
    """Launch options with the voices of a speech-dispatcher (tests/browser/speech.py)."""
    return {**launch_args, "args": [*launch_args["args"], "--enable-speech-dispatcher"],
            "env": dispatcher.env}


@pytest.fixture(scope="session")
def speaking_browser(playwright, browser_type_launch_args, speech_dispatcher):
    """The shared browser's build, one per worker, with the voices of speech-dispatcher (the
    Listen tests). The shared browser has none, as a phone without text-to-speech."""
    browser = playwright.chromium.launch(**speaking_launch_args(browser_type_launch_args, speech_dispatcher))
    yield browser
    browser.close()


NO_WORKER = {"service_workers": "block"}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args) -> dict:
    """A 360 px wide phone. Without its service worker: each new context would otherwise
    download and store a whole language in the background while the test looks at one page.
    Tests of what the worker does ask for it: `@pytest.mark.browser_context_args(
    service_workers="allow")`, as `WITH_WORKER` does."""
    return {**browser_context_args, "viewport": {"width": 360, "height": 740}, **NO_WORKER}


WITH_WORKER = pytest.mark.browser_context_args(service_workers="allow")


def new_context(browser, **options):
    """A context a test makes itself (one shared by a module, one with JavaScript off), with
    the default above: no service worker unless `service_workers="allow"`."""
    return browser.new_context(**{**NO_WORKER, **options})


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
