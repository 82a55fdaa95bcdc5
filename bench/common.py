"""Shared helpers for `make bench`: a served app, a Chromium, and a results table."""

from __future__ import annotations

import os
import statistics
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.conftest import LiveServer
from webapp import create_app

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--disable-gpu"]
if hasattr(os, "geteuid") and os.geteuid() == 0:
    ARGS.append("--no-sandbox")

RESULTS: list[tuple[str, str, str, str]] = []


def record(name: str, value: str, target: str = "", ok: bool | None = None) -> None:
    verdict = "" if ok is None else ("ok" if ok else "OVER")
    RESULTS.append((name, value, target, verdict))
    print(f"  {name}: {value} {('(target ' + target + ')') if target else ''} {verdict}", flush=True)


def median(values):
    return statistics.median(values)


def p95(values):
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


@contextmanager
def served(config: dict | None = None):
    server = LiveServer(create_app({"TESTING": False, **(config or {})}))
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def chromium():
    with sync_playwright() as p:
        options = {"args": ARGS, "headless": True}
        if Path(CHROMIUM).exists():
            options["executable_path"] = CHROMIUM
        browser = p.chromium.launch(**options)
        try:
            yield p, browser
        finally:
            browser.close()


def table() -> str:
    widths = [max(len(row[i]) for row in RESULTS + [("benchmark", "result", "target", "")])
              for i in range(4)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(("benchmark", "result", "target", ""), widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in RESULTS]
    return "\n".join(lines)
