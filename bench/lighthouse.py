"""Lighthouse (npm, installed by `make lighthouse` into .lighthouse/node_modules) with Debian's
Chromium on the home page, a guide page, the directory, the self-check (English, and Arabic
right to left) and the calculator: accessibility, best practices and SEO should be 100;
performance (a throttled mid-range phone) and cumulative layout shift are reported. The quick
mode audits the home page alone.

The app is served with GUIDE_BASE_URL set to the address Lighthouse opens, as a deployment
would be, so canonical and hreflang links point at the site being audited."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from bench.common import CHROMIUM, deployed_app, failed, pick, record
from bench.load import free_port
from tests.conftest import LiveServer

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = ["/en/", "/en/rights/", "/en/services/", "/en/self-check/", "/ar/self-check/", "/calculator/"]
CATEGORIES = ("accessibility", "best-practices", "seo", "performance")
TARGETED = CATEGORIES[:3]


def audit(url: str) -> dict:
    flags = "--headless=new --disable-gpu --no-first-run"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags += " --no-sandbox"
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
        capture_output=True, text=True, timeout=300, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip()[-500:])
    return json.loads(result.stdout)


def failing(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    return [ref["id"] for ref in refs if ref.get("weight") and report["audits"][ref["id"]]["score"] not in (1, None)]


def run() -> None:
    print("lighthouse (mobile, Debian's Chromium):")
    if not LIGHTHOUSE.exists():
        failed("lighthouse", "not installed: run `make lighthouse`")
        return
    port = free_port()
    base = f"http://localhost:{port}"
    server = LiveServer(deployed_app({"GUIDE_BASE_URL": base}), port)
    try:
        for path in pick(PAGES, PAGES[:1]):
            try:
                report = audit(base + path)
            except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as exc:
                failed(f"lighthouse {path}", exc)
                continue
            scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
            cls = report["audits"]["cumulative-layout-shift"]["numericValue"]
            misses = [f"{c}: {', '.join(failing(report, c))}" for c in TARGETED if scores[c] < 100]
            value = (f"a11y {scores['accessibility']}, best practices {scores['best-practices']}, "
                     f"SEO {scores['seo']}, performance {scores['performance']}, CLS {cls:.3f}")
            if misses:
                value += f" ({'; '.join(misses)})"
            record(f"lighthouse {path}", value, "100 / 100 / 100",
                   all(scores[c] == 100 for c in TARGETED))
    finally:
        server.stop()


if __name__ == "__main__":
    run()
