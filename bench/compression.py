"""Dynamic responses under load: requests per second for distinct searches (every body new,
so nothing can come from the compressed-body cache), 8 keep-alive clients against gunicorn,
with `Accept-Encoding: br` and without compression. Pre-rendered pages are compressed once at
the highest level; dynamic ones at a fast level (webapp/delivery.py), so br should cost little.

The search form's method and field are read from the page, so the benchmark follows the form
whether it sends GET or POST."""

from __future__ import annotations

import http.client
import os
import re
import signal
import threading
import time
from urllib.parse import urlencode

from bench.common import pick, record
from bench.load import free_port, start_gunicorn

CLIENTS = 8
SECONDS = float(os.environ.get("BENCH_SEARCH_SECONDS", 10))
WORDS = ["legal", "shelter", "hotline", "spanish", "immigration", "farm", "wages", "housing",
         "medical", "children", "interpreter", "labor"]
PAGE = "/en/services/"


def search_form(port: int) -> tuple[str, str, str]:
    """(method, action, field) of the page's search form."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", PAGE)
    html = conn.getresponse().read().decode()
    conn.close()
    for form in re.findall(r"<form\b[^>]*>.*?</form>", html, re.S):
        field = re.search(r'<input\b[^>]*\btype="search"[^>]*\bname="([^"]+)"', form) or \
            re.search(r'<input\b[^>]*\bname="(q|query)"', form)
        if field:
            method = (re.search(r'\bmethod="(\w+)"', form) or ["", "get"])[1].upper()
            action = (re.search(r'\baction="([^"]*)"', form) or ["", PAGE])[1] or PAGE
            return method, action, field.group(1)
    raise RuntimeError(f"no search form on {PAGE}")


def _client(port, form, encoding, stop_at, counter, results, errors):
    method, action, field = form
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    done = 0
    while time.monotonic() < stop_at:
        with counter["lock"]:
            counter["n"] += 1
            n = counter["n"]
        # A real word and a number: every body differs, as strangers' searches do.
        query = urlencode({field: f"{WORDS[n % len(WORDS)]} {n}"})
        headers = {"Accept-Encoding": encoding, "Accept-Language": "en"}
        try:
            if method == "POST":
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                conn.request("POST", action, body=query, headers=headers)
            else:
                conn.request("GET", f"{action}?{query}", headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
            done += 1
        except (OSError, http.client.HTTPException) as exc:
            errors.append(type(exc).__name__)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.close()
    results.append(done)


def measure(port: int, form, encoding: str, seconds: float) -> tuple[float, list]:
    results, errors = [], []
    counter = {"n": 0, "lock": threading.Lock()}
    stop_at = time.monotonic() + seconds
    started = time.monotonic()
    threads = [threading.Thread(target=_client, args=(port, form, encoding, stop_at, counter, results, errors))
               for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(results) / (time.monotonic() - started), errors


def run() -> None:
    seconds = pick(SECONDS, 2.0)
    print(f"dynamic compression ({CLIENTS} clients, {seconds:.0f} s each, gunicorn on loopback):")
    port = free_port()
    proc = start_gunicorn(port)
    try:
        form = search_form(port)
        measure(port, form, "br", pick(2, 1))  # warm-up: every worker and thread has served some
        br, br_errors = measure(port, form, "br", seconds)
        plain, plain_errors = measure(port, form, "identity", seconds)
        if not br or not plain:
            raise RuntimeError(f"no search was answered: {(br_errors + plain_errors)[:5]}")
        ratio = br / plain
        record("distinct searches, br vs identity",
               f"{br:.0f} vs {plain:.0f} req/s ({form[0]}), ratio {ratio:.2f}",
               ">= 0.7 (before: 28 vs 198)", ratio >= 0.7 and not br_errors and not plain_errors)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


if __name__ == "__main__":
    run()
