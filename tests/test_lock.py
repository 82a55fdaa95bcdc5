"""The lock files (requirements/, `make lock`): every package the project needs, pinned with
hashes, at a version pyproject.toml allows; the container, `make` and so CI install only from
them, so two builds of one commit get the same packages."""

import re
import tomllib

from packaging.requirements import Requirement

from tests.conftest import ROOT

LOCKS = ROOT / "requirements"


def pins(name: str) -> dict[str, tuple[str, list[str]]]:
    """Package → (version, hashes) of a lock file."""
    text = (LOCKS / name).read_text(encoding="utf-8")
    found = {}
    for block in re.split(r"\n(?=[a-z0-9])", text):
        if m := re.match(r"([a-z0-9._-]+)==([^\s;\\]+)", block):
            found[m.group(1)] = (m.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return found


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> tuple[list[Requirement], list[Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return ([Requirement(r) for r in project["dependencies"]],
            [Requirement(r) for r in project["optional-dependencies"]["test"]])


def test_every_dependency_is_locked_at_an_allowed_version_with_hashes():
    app, test = pins("app.txt"), pins("test.txt")
    runtime, testing = declared()
    build = Requirement(next(line for line in (LOCKS / "build.in").read_text().splitlines()
                             if line and not line.startswith("#")))
    for lock, wanted in ((app, runtime + [build]), (test, runtime + testing + [build])):
        for requirement in wanted:
            version, _ = lock[canonical(requirement.name)]
            assert requirement.specifier.contains(version), (requirement, version)
    for lock in (app, test):
        assert all(hashes for _, hashes in lock.values())
    # The app's packages are the test lock's, at the same versions (what CI tests is what ships).
    assert {name: app[name][0] for name in app} == {name: test[name][0] for name in app}


def test_the_container_and_make_install_only_from_the_locks():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --require-hashes -r requirements/app.txt" in dockerfile
    assert "COPY requirements/app.txt" in dockerfile
    # make installs with uv (INSTALL), from the locks only.
    assert re.search(r"^INSTALL := \$\(UV\) pip install ", makefile, re.M)
    assert "$(INSTALL) --require-hashes --compile-bytecode -r requirements/test.txt" in makefile
    assert "$(INSTALL) --require-hashes -r requirements/app.txt" in makefile
    # The project itself adds no package and fetches no build tool.
    for text in (dockerfile, makefile.replace("INSTALL := $(UV) pip install", "")):
        installs = re.findall(r"(?:pip[^\n]* install|\$\(INSTALL\)) [^\n]*", text, re.I)
        assert installs
        for line in installs:
            assert "--require-hashes" in line or ("--no-deps" in line and "--no-build-isolation" in line) \
                or "uv==" in line, line
