"""The Dockerfile: built and smoke-tested where `docker` works; otherwise read and checked for
what a container deployment needs (an unprivileged user, gunicorn, a health check, nothing
fetched from the network by ADD, everything the app reads at start-up)."""

import re
import shlex
import subprocess
import time
import urllib.request

import pytest

from tests.conftest import ROOT

DOCKERFILE = ROOT / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    result = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            result.append((keyword.upper(), rest.strip()))
    return result


def test_dockerfile_runs_gunicorn_as_an_unprivileged_user_with_a_health_check():
    steps = instructions()
    keywords = [k for k, _ in steps]
    base = dict(steps)["FROM"]
    assert ":" in base and not base.endswith(":latest"), "pin the base image"
    users = [arg for k, arg in steps if k == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert keywords.index("USER") > max(i for i, k in enumerate(keywords) if k == "RUN")
    health = dict(steps)["HEALTHCHECK"]
    assert "CMD" in health and "/en/" in health
    assert "gunicorn" in dict(steps).get("CMD", "") + dict(steps).get("ENTRYPOINT", "")
    for keyword, arg in steps:
        if keyword == "ADD":
            assert not re.search(r"https?://|git@", arg), "ADD must not fetch from the network"


def test_dockerfile_builds_everything_before_run_time():
    steps = instructions()
    copied = set()
    for keyword, arg in steps:
        if keyword == "COPY":
            copied |= set(shlex.split(arg)[:-1])
    # What the install needs (setup.py lists the packages) and what create_app reads from the
    # source tree, next to the package.
    for needed in ("pyproject.toml", "setup.py", "wsgi.py", "gunicorn.conf.py", "webapp", "static",
                   "service_worker", "translations"):
        assert needed in copied, needed
    build = " ".join(arg for keyword, arg in steps if keyword == "RUN")
    assert "translate compile" in build          # catalogs are not compiled at run time
    assert "import wsgi" in build                # asset bundles are built into the image
    env = " ".join(arg for keyword, arg in steps if keyword == "ENV")
    assert "PYTHONDONTWRITEBYTECODE=1" in env and "GUIDE_BIND=0.0.0.0:" in env
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "static/gen", ".webassets-cache"} <= set(ignored)


def docker_works() -> bool:
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(not docker_works(), reason="docker cannot build here; the Dockerfile is linted above")
def test_image_builds_and_serves_read_only():  # pragma: no cover - needs a docker daemon
    tag = "labor-trafficking-guide:test"
    subprocess.run(["docker", "build", "-t", tag, str(ROOT)], check=True, timeout=900)
    run = subprocess.run(["docker", "run", "-d", "--rm", "--read-only", "--tmpfs", "/tmp",
                          "-e", "GUIDE_BASE_URL=https://help.example.org", "-p", "127.0.0.1::8000", tag],
                         check=True, capture_output=True, text=True)
    container = run.stdout.strip()
    try:
        port = subprocess.run(["docker", "port", container, "8000"], check=True, capture_output=True,
                              text=True).stdout.strip().rsplit(":", 1)[1]
        deadline = time.monotonic() + 120
        while True:
            state = subprocess.run(["docker", "inspect", "-f", "{{.State.Health.Status}}", container],
                                   capture_output=True, text=True).stdout.strip()
            if state == "healthy":
                break
            assert state != "unhealthy" and time.monotonic() < deadline, state
            time.sleep(1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt") as response:
            assert "Sitemap: https://help.example.org/sitemap.xml" in response.read().decode()
        user = subprocess.run(["docker", "exec", container, "id", "-u"], capture_output=True, text=True)
        assert user.stdout.strip() != "0"
    finally:
        subprocess.run(["docker", "stop", container], capture_output=True)
