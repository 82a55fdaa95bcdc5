"""The guide installs from a wheel, not only editable: the wheel carries static/, translations/
(with the compiled catalogs) and service_worker/ inside the package, and the app serves every
kind of file from the installed copy, with nothing of the checkout on its path and nothing
written into site-packages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from webapp import content, locales, settings, translate

pytestmark = pytest.mark.slow   # tests of seconds each: run early (tests/conftest.py)

SOURCES = ("pyproject.toml", "setup.py", "README.md", "webapp", *settings.DATA_FOLDERS)

# Runs in the installed copy: prints what it served as JSON.
RUN = r"""
import json, re, sys
import webapp
from webapp import create_app, settings
app = create_app()
client = app.test_client()
home = client.get("/en/").get_data(as_text=True)
bundles = re.findall(r'"(/static/gen/[^"]+)"', home)
paths = settings.paths(app)
print(json.dumps({
    "package": webapp.__file__,
    "paths": {name: str(value) for name, value in vars(paths).items()},
    "home": [client.get("/en/").status_code, home],
    "bundle": [bundles[0], client.get(bundles[0]).status_code, len(client.get(bundles[0]).data)],
    "icon": client.get("/static/icons/app/icon.svg").status_code,
    "sw": [client.get("/sw.js").status_code, client.get("/sw.js").get_data(as_text=True)],
    "es": [client.get("/es/").status_code, client.get("/es/").get_data(as_text=True)],
}))
"""


def _copy_sources(target):
    ignore = shutil.ignore_patterns("__pycache__", "gen", ".*", "*.mo")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)


def _files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_the_app_runs_from_an_installed_wheel(tmp_path):
    source, wheels, site, elsewhere = (tmp_path / n for n in ("source", "wheels", "site", "elsewhere"))
    source.mkdir()
    elsewhere.mkdir()
    _copy_sources(source)
    # As `make catalogs` does before a build: the wheel must carry the .mo files.
    assert translate.compile_all(source / "translations")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    built = subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels),
                            str(source)], cwd=tmp_path, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    [wheel] = wheels.glob("*.whl")
    pip_install = subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)],
                                 cwd=tmp_path, capture_output=True, text=True)
    assert pip_install.returncode == 0, pip_install.stderr
    installed = _files(site)
    # Every file of the package and the data folders, and nothing built at run time.
    for name in ("webapp", *settings.DATA_FOLDERS):
        for path in (source / name).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                relative = str(path.relative_to(source))
                assert (relative if name == "webapp" else f"webapp/{relative}") in installed, relative
    assert "webapp/translations/es/LC_MESSAGES/messages.mo" in installed
    assert not [path for path in installed if "/gen/" in path or ".webassets-cache" in path]

    env = {k: v for k, v in os.environ.items() if not k.startswith("GUIDE_")}
    env |= {"PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1",
            "XDG_CACHE_HOME": str(tmp_path / "cache"), "GUIDE_BASE_URL": "https://help.example.org"}
    run = subprocess.run([sys.executable, "-c", RUN], cwd=elsewhere, env=env, capture_output=True,
                         text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    served = json.loads(run.stdout)

    # The installed copy, not the checkout, and its files from inside it.
    package = site / "webapp"
    assert served["package"] == str(package / "__init__.py")
    paths = served["paths"]
    for name in settings.DATA_FOLDERS:
        assert paths[name] == str(package / name)
    assert paths["content"] == str(package / "content")
    # What the app wrote went to the cache folder; site-packages is as pip left it.
    assert paths["bundles"].startswith(str(tmp_path / "cache" / settings.CACHE_NAME))
    assert paths["assets_cache"].startswith(str(tmp_path / "cache" / settings.CACHE_NAME))
    assert _files(site) == installed

    nhth = content.load(content.DEFAULT_DIR, ROOT / "static" / "icons" / "industries").helplines["nhth"]
    status, home = served["home"]
    assert status == 200 and nhth.voice.display in home
    url, status, size = served["bundle"]
    assert status == 200 and size > 1000, url
    assert served["icon"] == 200
    status, worker = served["sw"]
    assert status == 200 and '"/es/helplines/"' in worker and "self.__PRECACHE__" not in worker
    status, spanish = served["es"]
    catalog = translate._read(translate.po_path(ROOT / "translations", locales.BY_CODE["es"]))
    title = catalog["Get help now"].string
    assert title and title != "Get help now"
    assert status == 200 and title in spanish
