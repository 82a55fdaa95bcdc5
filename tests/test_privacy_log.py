"""No log line shows a client address or anything a reader typed: the development server
(`make run`) and gunicorn are started for real, sent hostile request lines from their own
loopback address, and their captured output is read."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from webapp import privacy_log

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CLIENT = "127.0.0.7"      # the "reader's" address: must never appear in a log
SECRET = "zebrashelter"   # stands for what a reader typed

HOSTILE = [
    f"GET /en/services/?q=domestic+{SECRET} HTTP/1.1",
    f'GET /en/"{SECRET}"/ HTTP/1.1',
    f"GET /en/{SECRET}\u3000help/ HTTP/1.1",
    f"GET /en/\x1b[31m\x1b[1m{SECRET}\x1b[0m/ HTTP/1.1",
    f"GET /en/{SECRET} HTTP/1.1",                 # 404, or a redirect to a page that is not there
    f"{SECRET} is my boss HTTP/1.1",              # "Bad request syntax"
    f"GET /{SECRET}{'x' * 5000} HTTP/1.1",         # too long
    f"G\x00ET /{SECRET} HTTP/1.1",
]
NORMAL = "GET /en/services/ HTTP/1.1"
ANSWERS = "papers=yes&threats=yes&debt=no"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def send(port: int, request_line: str, body: bytes = b"") -> bytes:
    """One raw request from CLIENT; returns what the server answered (proof it was handled)."""
    with socket.socket() as s:
        s.settimeout(30)
        s.bind((CLIENT, 0))
        s.connect(("127.0.0.1", port))
        head = request_line.encode("utf-8", "surrogateescape") + b"\r\nHost: localhost\r\nConnection: close\r\n"
        if body:
            head += b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n" % len(body)
        s.sendall(head + b"\r\n" + body)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
        return answer


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited early: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("server did not start")


def run_server(command: list[str], port: int) -> str:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors="replace")
    try:
        wait_for_port(port, proc)
        answers = [send(port, line) for line in HOSTILE]
        answers.append(send(port, "POST /en/services/ HTTP/1.1", f"q=domestic+{SECRET}".encode()))
        # The self-check answered without JavaScript: which questions were answered "yes".
        answers.append(send(port, "POST /en/self-check/ HTTP/1.1", ANSWERS.encode()))
        answers.append(send(port, NORMAL))
        # Every request was answered: what is checked below did happen.
        assert all(a.startswith(b"HTTP/1.") for a in answers), answers
        assert b"200" in answers[-1].split(b"\r\n", 1)[0]
    finally:
        proc.terminate()
        try:
            output, _ = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
    return output


def assert_private(output: str) -> None:
    assert "GET /en/services/" in output, output   # the log works: a normal request is there
    assert "POST /en/self-check/" in output, output   # ... and the answers' request is there,
    assert "papers" not in output and "threats" not in output   # without a word of them
    assert CLIENT not in output
    assert SECRET not in output
    assert "domestic" not in output
    assert "boss" not in output


def test_development_server_logs_nothing_personal():
    port = free_port()
    output = run_server([str(BIN / "flask"), "--app", "wsgi", "run", "--host", "127.0.0.1",
                         "--port", str(port)], port)
    assert_private(output)


def test_gunicorn_logs_nothing_personal():
    port = free_port()
    output = run_server([str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "--workers", "1",
                         "--bind", f"127.0.0.1:{port}", "wsgi:app"], port)
    assert_private(output)
    assert "Invalid request" in output      # gunicorn did reject a hostile line, and said so


@pytest.mark.parametrize("line, status", [
    (f"\x1b[33m\x1b[1mGET /en/{SECRET}\u3000x HTTP/1.1\x1b[0m", "404"),
    (f'GET /en/services/?q="{SECRET}" HTTP/1.1', "200"),
    (f"\x1b[1m\x1b[31m{SECRET}\x1b[0m", "400"),
])
def test_werkzeug_request_lines_are_rebuilt(line, status):
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1,
                               f"{CLIENT} - - [01/Dec/2026 10:00:00] " + '"%s" %s %s', (line, status, "-"),
                               None)
    privacy_log.StripPersonalData().filter(record)
    text = record.getMessage()
    assert CLIENT not in text and SECRET not in text and "\x1b" not in text
    assert text.startswith("[01/Dec/2026 10:00:00] ")
    if status == "200":
        assert '"GET /en/services/" 200' in text      # the guide's own path, without the query


def test_werkzeug_error_lines_keep_only_numbers():
    record = logging.LogRecord("werkzeug", logging.ERROR, __file__, 1,
                               f"{CLIENT} - - [01/Dec/2026 10:00:00] code %d, message %s",
                               (400, f"Bad request syntax ('{SECRET} my boss')"), None)
    privacy_log.StripPersonalData().filter(record)
    assert record.getMessage() == "[01/Dec/2026 10:00:00] code 400, message -"


def test_app_exceptions_name_the_endpoint_not_the_path(app, caplog):
    with app.test_request_context(f"/en/services/?q={SECRET}", method="POST"), caplog.at_level(logging.ERROR):
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            app.log_exception(sys.exc_info())
    assert "Exception on directory.services [POST]" in caplog.text
    assert SECRET not in caplog.text
