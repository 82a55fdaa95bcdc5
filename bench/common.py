"""Shared helpers for `make bench`: a served app, a Chromium (a throwaway context, or a profile
on disk as a reader's phone keeps one), the quick mode, and a results table."""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import traceback
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.conftest import LiveServer
from webapp import create_app
from webapp.offline import precache

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--disable-gpu"]
if hasattr(os, "geteuid") and os.geteuid() == 0:
    ARGS.append("--no-sandbox")

RESULTS: list[tuple[str, str, str, str]] = []
FAILURES: list[str] = []


class Mode:
    """`make bench QUICK=1` (CI): fewer repeats, a smaller directory, shorter loads, and no
    verdicts against the targets. It runs every part, so a change that breaks one fails CI."""

    quick = False


def pick(full, quick):
    """The full bench's value, or the quick mode's."""
    return quick if Mode.quick else full


def record(name: str, value: str, target: str = "", ok: bool | None = None) -> None:
    if Mode.quick:
        ok = None      # figures only: this machine's load decides too much of them
    verdict = "" if ok is None else ("ok" if ok else "OVER")
    RESULTS.append((name, value, target, verdict))
    print(f"  {name}: {value} {('(target ' + target + ')') if target else ''} {verdict}", flush=True)


def failed(part: str, error: BaseException | str) -> None:
    """A part that could not measure: in the table, and `make bench` exits non-zero."""
    if isinstance(error, BaseException):
        traceback.print_exception(error)
        error = f"{type(error).__name__}: {error}"
    message = " ".join(str(error).split())[:300]
    FAILURES.append(part)
    RESULTS.append((part, f"FAILED: {message}", "", "FAILED"))
    print(f"  {part}: FAILED: {message}", flush=True)


def median(values):
    return statistics.median(values)


def p95(values):
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def deployed_app(config: dict | None = None):
    """The app as wsgi.py starts it: its precache list built before the first request (built
    lazily instead, the app's requests to itself would land in the measurements)."""
    app = create_app({"TESTING": False, **(config or {})})
    precache.init_app(app)
    return app


@contextmanager
def served(config: dict | None = None):
    server = LiveServer(deployed_app(config))
    try:
        yield server
    finally:
        server.stop()


def _launch_options() -> dict:
    options = {"args": ARGS, "headless": True}
    if Path(CHROMIUM).exists():
        options["executable_path"] = CHROMIUM
    return options


@contextmanager
def chromium():
    with sync_playwright() as p:
        browser = p.chromium.launch(**_launch_options())
        try:
            yield p, browser
        finally:
            browser.close()


class Phone:
    """A reader's phone: a browser with its profile on disk (its service worker, caches and
    HTTP cache survive the browser), started and quit as often as needed, deleted at the end."""

    def __init__(self, playwright):
        self.playwright = playwright
        self.profile = Path(tempfile.mkdtemp(prefix="guide-bench-profile-"))
        self.context = None

    def start(self):
        self.context = self.playwright.chromium.launch_persistent_context(
            str(self.profile), viewport={"width": 360, "height": 640}, **_launch_options())
        return self.context.pages[0] if self.context.pages else self.context.new_page()

    def quit(self):
        if self.context:
            self.context.close()
            self.context = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.quit()
        shutil.rmtree(self.profile, ignore_errors=True)


def table() -> str:
    widths = [max(len(row[i]) for row in RESULTS + [("benchmark", "result", "target", "")])
              for i in range(4)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(("benchmark", "result", "target", ""), widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in RESULTS]
    return "\n".join(lines)
