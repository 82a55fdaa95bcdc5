"""The real servers, started as a deployer starts them: the development server (`make run`,
werkzeug) and gunicorn (gunicorn.conf.py, with a public GUIDE_BASE_URL). Each is sent hostile
request lines, malformed Host headers and oversized bodies over a socket from its own
loopback address; what it answered and what it logged are read.

Every request gets a 4xx page with the security headers (never a 500, never a traceback in
the log); no log line shows a client address, anything a reader typed or a method's word the
server does not know."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.htmlparse import parse
from webapp import privacy_log

pytestmark = pytest.mark.slow   # tests of seconds each: run early (tests/conftest.py)

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CLIENT = "127.0.0.7"      # the "reader's" address: must never appear in a log
SECRET = "zebrashelter"   # stands for what a reader typed
PUBLIC = "https://help.example.org"   # gunicorn's GUIDE_BASE_URL

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
# Host headers no server of the guide answers as its own: a 400 page, in the path's language.
BAD_HOSTS = ["..", "a" * 64 + ".example", "EVIL.Example", "evil.example:8080"]
FORM = "application/x-www-form-urlencoded"
SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Answer:
    def __init__(self, raw: bytes):
        self.raw = raw
        head, _, self.body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        self.status = int(lines[0].split(" ")[1]) if lines[0].startswith("HTTP/1.") else 0
        self.headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            self.headers[name.strip().lower()] = value.strip()

    def lang(self) -> str:
        return parse(self.body).find("html").attrs["lang"]


def send(port: int, request_line: str, body: bytes = b"", host: bytes = b"localhost",
         headers: bytes = b"") -> Answer:
    """One raw request from CLIENT; returns what the server answered (proof it was handled)."""
    with socket.socket() as s:
        s.settimeout(30)
        s.bind((CLIENT, 0))
        s.connect(("127.0.0.1", port))
        head = request_line.encode("utf-8", "surrogateescape") + b"\r\nHost: " + host + b"\r\nConnection: close\r\n"
        if body:
            head += headers or b"Content-Type: " + FORM.encode() + b"\r\n"
            head += b"Content-Length: %d\r\n" % len(body)
        s.sendall(head + b"\r\n" + body)
        answer = b""
        # Read until the server closes, or as a browser does, until the body its
        # Content-Length announces is in (werkzeug's server keeps reading an unread body).
        while chunk := s.recv(65536):
            answer += chunk
            head, sep, rest = answer.partition(b"\r\n\r\n")
            length = Answer(answer).headers.get("content-length") if sep else None
            if length is not None and len(rest) >= int(length):
                break
        return Answer(answer)


def multipart(parts: int, size: int) -> tuple[bytes, bytes]:
    boundary = b"guideboundary"
    body = b"".join(b"--%s\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\n%s\r\n"
                    % (boundary, i, b"x" * size) for i in range(parts)) + b"--%s--\r\n" % boundary
    return body, b"Content-Type: multipart/form-data; boundary=" + boundary + b"\r\n"


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


def exercise(port: int) -> dict:
    """Every request of this module, sent once; their answers by name."""
    answers = {f"hostile {i}": send(port, line) for i, line in enumerate(HOSTILE)}
    answers["search form"] = send(port, "POST /en/services/ HTTP/1.1", f"q=domestic+{SECRET}".encode())
    # The self-check answered without JavaScript: which questions were answered "yes".
    answers["self-check"] = send(port, "POST /en/self-check/ HTTP/1.1", ANSWERS.encode())
    for host in BAD_HOSTS:
        answers[f"host {host}"] = send(port, "GET /es/services HTTP/1.1", host=host.encode())
    answers["slash redirect"] = send(port, f"GET /en/services?q={SECRET}+words HTTP/1.1")
    answers["big body"] = send(port, "POST /es/services/ HTTP/1.1", b"q=" + b"x" * (1024 * 1024))
    body, headers = multipart(1, 1024 * 1024)
    answers["big multipart"] = send(port, "POST /es/services/ HTTP/1.1", body, headers=headers)
    body, headers = multipart(200, 1)
    answers["many parts"] = send(port, "POST /fr/services/ HTTP/1.1", body, headers=headers)
    answers["unknown method"] = send(port, "PASSPORTGONE /en/ HTTP/1.1")
    answers["missing bundle"] = send(port, "GET /static/gen/guide.0000000000.js HTTP/1.1")
    answers["normal"] = send(port, NORMAL)
    return answers


def run_server(command: list[str], port: int, env: dict | None = None) -> tuple[dict, str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1", **(env or {}))
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors="replace")
    try:
        wait_for_port(port, proc)
        answers = exercise(port)
    finally:
        proc.terminate()
        try:
            output, _ = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
    return answers, output


@pytest.fixture(scope="module")
def start(tmp_path_factory):
    """`start(kind)`: (kind, answers, log, home) of one real server, run once per module."""
    done: dict = {}

    def run(kind: str):
        if kind not in done:
            port = free_port()
            home = tmp_path_factory.mktemp("home")
            if kind == "werkzeug":
                command = [str(BIN / "flask"), "--app", "wsgi", "run", "--host", "127.0.0.1",
                           "--port", str(port)]
                env = {"GUIDE_BASE_URL": ""}
            else:
                command = [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "--workers", "1",
                           "--bind", f"127.0.0.1:{port}", "wsgi:app"]
                env = {"GUIDE_BASE_URL": PUBLIC}
            # A home of its own and no XDG_RUNTIME_DIR: where gunicorn 25.1+ would put its
            # control socket.
            env |= {"HOME": str(home), "XDG_RUNTIME_DIR": ""}
            answers, output = run_server(command, port, env)
            done[kind] = (kind, answers, output, home)
        return done[kind]

    return run


@pytest.fixture(params=["werkzeug", "gunicorn"])
def served(request, start):
    return start(request.param)


def test_every_request_was_answered(served):
    _, answers, output, _ = served
    assert all(a.status for a in answers.values()), {k: a.raw[:80] for k, a in answers.items() if not a.status}
    assert answers["normal"].status == 200


def test_logs_show_nothing_personal(served):
    kind, _, output, _ = served
    assert "GET /en/services/" in output, output   # the log works: a normal request is there
    assert "POST /en/self-check/" in output, output   # ... and the answers' request is there,
    assert "papers" not in output and "threats" not in output   # without a word of them
    assert CLIENT not in output
    assert SECRET not in output
    assert "domestic" not in output
    assert "boss" not in output
    if kind == "gunicorn":
        assert "Invalid request" in output      # gunicorn did reject a hostile line, and said so


def test_malformed_or_foreign_host_gets_a_400_page_not_a_500(served):
    kind, answers, output, _ = served
    for host in BAD_HOSTS:
        answer = answers[f"host {host}"]
        assert answer.status == 400, (host, answer.raw[:200])
        assert all(name in answer.headers for name in SECURITY), (host, answer.headers)
        assert answer.lang() == "es"                     # the page, in the path's language
        assert "location" not in answer.headers
        assert b"tel:+18883737888" in answer.body        # with the hotline, like every error page
    assert "Traceback" not in output and "Error handling request" not in output
    assert "evil" not in output.lower()


def test_redirects_drop_the_query_and_never_name_the_host(served):
    kind, answers, _, _ = served
    answer = answers["slash redirect"]
    assert answer.status == 308
    want = "/en/services/" if kind == "werkzeug" else PUBLIC + "/en/services/"
    assert answer.headers["location"] == want
    assert SECRET.encode() not in answer.raw


def test_oversized_bodies_get_the_413_page_in_the_readers_language(served):
    _, answers, _, _ = served
    for name, lang in (("big body", "es"), ("big multipart", "es"), ("many parts", "fr")):
        answer = answers[name]
        assert answer.status == 413, (name, answer.raw[:200])
        assert answer.lang() == lang
        assert all(header in answer.headers for header in SECURITY)
    assert answers["search form"].status == 200        # a form of normal size is still read


def test_unknown_methods_are_refused_and_logged_as_other(served):
    _, answers, output, _ = served
    assert answers["unknown method"].status == 405
    assert '"OTHER ' in output
    assert "PASSPORTGONE" not in output


def test_a_missing_bundle_is_not_cached_for_a_year(served):
    _, answers, _, _ = served
    answer = answers["missing bundle"]
    assert answer.status == 404
    assert "immutable" not in answer.headers["cache-control"]


def test_gunicorn_opens_no_control_socket(start):
    _, answers, output, home = start("gunicorn")
    assert answers["normal"].status == 200
    assert "Control socket" not in output
    assert list(home.iterdir()) == []


@pytest.mark.parametrize("line, status", [
    (f"\x1b[33m\x1b[1mGET /en/{SECRET}\u3000x HTTP/1.1\x1b[0m", "404"),
    (f'GET /en/services/?q="{SECRET}" HTTP/1.1', "200"),
    (f"\x1b[1m\x1b[31m{SECRET}\x1b[0m", "400"),
    (f"PASSPORTGONE{SECRET} / HTTP/1.1", "405"),
])
def test_werkzeug_request_lines_are_rebuilt(line, status):
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1,
                               f"{CLIENT} - - [01/Dec/2026 10:00:00] " + '"%s" %s %s', (line, status, "-"),
                               None)
    privacy_log.StripPersonalData().filter(record)
    text = record.getMessage()
    assert CLIENT not in text and SECRET not in text and "\x1b" not in text and "PASSPORT" not in text
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
