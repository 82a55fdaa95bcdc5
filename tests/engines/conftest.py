"""Fixtures of the engine flows: one browser of each engine per test worker (started when a
worker first needs it, emptied between flows, started again if it died), and each flow's own
server, so each flow meets an origin with no website data."""

from __future__ import annotations

import os

import pytest

from tests.conftest import LiveServer
from tests.engines import firefox, webkit

DRIVERS = {"webkit": (webkit, webkit.WebKit), "firefox": (firefox, firefox.Firefox)}
# Which engines run the flows: WebKit in `make test` (every iPhone browser; the suite keeps
# within its time with Chromium and WebKit), Firefox in `make test-firefox`, which CI runs too.
ENGINES = os.environ.get("GUIDE_TEST_ENGINES", "webkit").split(",")
if set(ENGINES) - set(DRIVERS):
    raise pytest.UsageError(f"GUIDE_TEST_ENGINES: {sorted(set(ENGINES) - set(DRIVERS))} are not among {sorted(DRIVERS)}")


@pytest.fixture(scope="session")
def engines(request):
    """`engines(name)`: this worker's browser of that engine. Firefox speaks with this worker's
    speech-dispatcher (tests/browser/speech.py), as Chromium's Listen tests do."""
    started: dict = {}

    def get(name: str):
        if name not in started:
            module, driver = DRIVERS[name]
            missing = module.available()
            if missing:   # `make test` installs both; a browser test is never skipped
                pytest.fail(f"{name}: {missing}")
            if name == "firefox":
                started[name] = driver(env=request.getfixturevalue("speech_dispatcher").env)
            else:
                started[name] = driver()
        return started[name]

    get.started = started
    yield get
    for browser in started.values():
        browser.quit()


@pytest.fixture(scope="module", params=[name for name in DRIVERS if name in ENGINES])
def engine_name(request) -> str:
    """Module-scoped, so pytest runs a module's flows engine by engine, and a module can save
    the guide once per engine for several flows (tests/engines/test_flows.py, `reader_offline`)."""
    return request.param


@pytest.fixture()
def engine(engine_name, engines):
    """The flow's browser; emptied after the flow, started again if that fails."""
    browser = engines(engine_name)
    yield browser
    try:
        browser.reset()
    except Exception:  # noqa: BLE001
        engines.started.pop(engine_name, None)
        try:
            browser.quit()
        except Exception:  # noqa: BLE001
            pass


class Counted:
    """The app behind a count of the paths asked of it: what a phone downloads, at the server."""

    def __init__(self, app):
        self.app, self.requests = app, []

    @property
    def paths(self) -> list[str]:
        return [path for _, path in self.requests]

    def __call__(self, environ, start_response):
        self.requests.append((environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", "")))
        return self.app(environ, start_response)


@pytest.fixture()
def site(app):
    """`site(app=None, port=None)`: a server of this flow's own on a new port (a new origin, so
    no website data from another flow), or on `port` again with another app (a new deploy).
    Each server's `counted.requests` lists what was asked of it (method, path)."""
    servers = []

    def start(app_=None, port=None):
        counted = Counted(app_ or app)
        server = LiveServer(counted, port or 0)
        server.counted = counted
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
