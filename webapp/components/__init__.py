"""Components: each folder holds one part of the page whole, after govuk-frontend's components:
its Python side (__init__.py: settings, what templates may call), its Jinja macro (macro.html,
every user-facing string passed in by the caller, so it is translated where it is used), its
script and its styles (bundled by assets.py), and its tests in tests/components/.

Templates import a macro as "components/<name>/macro.html"."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader

from . import listen, quick_exit

HERE = Path(__file__).resolve().parent


def init_app(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader([
        app.jinja_loader,
        PrefixLoader({"components": FileSystemLoader(str(HERE))}),
    ])
    quick_exit.init_app(app)
    listen.init_app(app)
