"""Content files → validated models. Loaded once at start-up; a broken file stops the app
with `file:line: field: problem`."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from . import directory as directory_models
from . import models, selfcheck, yamlfile
from .models import Content, Helpline
from .yamlfile import ContentError

FILES = ("helplines.yaml", "industries.yaml", "signs.yaml", "faq.yaml", "resources.yaml", "quote.yaml",
         "directory.yaml", "referral_directories.yaml", "selfcheck.yaml")
DEFAULT_DIR = Path(__file__).parent

__all__ = ["Content", "ContentError", "Helpline", "FILES", "DEFAULT_DIR", "load"]


def load(directory: Path, icons: Path) -> Content:
    directory = Path(directory)
    loaded = {name: yamlfile.load(directory / name) for name in FILES}
    content = models.build(directory, loaded, Path(icons))
    # The directory reads helplines.yaml: an entry with `helpline: id` takes its numbers there.
    orgs = directory_models.build(directory / "directory.yaml", loaded["directory.yaml"], content.helplines)
    questions = selfcheck.build(directory / "selfcheck.yaml", loaded["selfcheck.yaml"], set(content.helplines))
    return dataclasses.replace(content, directory=orgs, selfcheck=questions)
