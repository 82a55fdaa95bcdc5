"""`flask translate …` and other command groups."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from .export import export_command
    from .review import commands as _review_commands  # noqa: F401 - adds `translate review|approve`
    from .hosting import nginx_config_command
    from .translate import translate

    app.cli.add_command(translate)
    app.cli.add_command(export_command)
    app.cli.add_command(nginx_config_command)
