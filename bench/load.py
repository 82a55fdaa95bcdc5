"""A bounded load test on loopback: gunicorn (gunicorn.conf.py) serving a mix of pages in
several locales to 200 concurrent keep-alive connections for 30 seconds; zero errors wanted.
Also: requests per second for a page next to the same bytes served as a static file."""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.common import median, pick, record
from webapp.settings import Paths

ROOT = Path(__file__).resolve().parent.parent
# Environment overrides for the full bench; the quick mode's own are in run().
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 200))
SECONDS = float(os.environ.get("BENCH_SECONDS", 30))
MIX = ["/en/", "/es/", "/ar/", "/zh-Hans/helplines/", "/vi/rights/", "/es/signs/", "/fr/questions/",
       "/ht/", "/en/industries/", "/pt/safety/", "/sw.js", "/en/manifest.webmanifest"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int) -> subprocess.Popen:
    env = dict(os.environ, GUIDE_BIND=f"127.0.0.1:{port}")
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
                             "--access-logfile", "/dev/null", "wsgi:app"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=1).read()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("gunicorn did not start")


async def _client(port, paths, stop_at, latencies, errors, encoding):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        errors.append("connect")
        return
    try:
        while time.monotonic() < stop_at:
            path = random.choice(paths)
            request = (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: {encoding}\r\n"
                       "Accept-Language: en\r\n\r\n").encode()
            start = time.perf_counter()
            writer.write(request)
            await writer.drain()
            status_line = await reader.readline()
            length, close = 0, False
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
                elif name.lower() == "connection" and "close" in value.lower():
                    close = True
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            if not status_line.startswith(b"HTTP/1.1 200"):
                errors.append(status_line.decode(errors="replace").strip())
            if close:
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
        errors.append(type(exc).__name__)
    finally:
        writer.close()


async def _load(port, paths, connections, seconds, encoding="br, gzip"):
    latencies, errors = [], []
    stop_at = time.monotonic() + seconds
    started = time.monotonic()
    await asyncio.gather(*(_client(port, paths, stop_at, latencies, errors, encoding)
                           for _ in range(connections)))
    return latencies, errors, time.monotonic() - started


def load(port, paths, connections, seconds, encoding="br, gzip"):
    return asyncio.run(_load(port, paths, connections, seconds, encoding))


def run() -> None:
    connections, seconds = pick((CONNECTIONS, SECONDS), (20, 3.0))
    print(f"load ({connections} connections, {seconds:.0f} s, gunicorn on loopback):")
    port = free_port()
    static_dir = Paths.from_environ().bundles / "bench"   # served at /static/gen/bench/
    proc = start_gunicorn(port)
    try:
        latencies, errors, elapsed = load(port, MIX, connections, seconds)
        if not latencies:
            raise RuntimeError(f"no request was answered: {errors[:5]}")
        ordered = sorted(latencies)
        rps = len(latencies) / elapsed
        record("load: requests", f"{len(latencies)} in {elapsed:.1f} s, {len(errors)} errors",
               "0 errors", not errors)
        record("load: requests per second", f"{rps:.0f}")
        record("load: latency p50 / p99",
               f"{median(ordered) * 1000:.1f} / {ordered[int(len(ordered) * 0.99) - 1] * 1000:.1f} ms")

        # The same bytes as a plain file, through the same server.
        body = urllib.request.urlopen(f"http://127.0.0.1:{port}/en/helplines/").read()
        static_dir.mkdir(parents=True, exist_ok=True)
        (static_dir / "helplines.html").write_bytes(body)
        short = pick(max(5.0, seconds / 3), 2.0)
        page, page_err, page_time = load(port, ["/en/helplines/"], 50, short, "identity")
        plain, plain_err, plain_time = load(port, ["/static/gen/bench/helplines.html"], 50, short, "identity")
        page_rps, plain_rps = len(page) / page_time, len(plain) / plain_time
        ratio = page_rps / plain_rps if plain_rps else 0
        record("page vs the same bytes as a static file", f"{page_rps:.0f} vs {plain_rps:.0f} req/s, ratio {ratio:.2f}",
               ">= 0.8", ratio >= 0.8 and not page_err and not plain_err)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        shutil.rmtree(static_dir, ignore_errors=True)


if __name__ == "__main__":
    run()
