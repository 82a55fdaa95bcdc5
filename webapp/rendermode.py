"""Which form of the guide a template is being rendered for: the site (each page at its own
address) or the file (every page as a section of one HTML file, webapp/file/).

The file is a render mode of the same templates and catalogs, not a copy of them. While it is
rendered, `in_file()` is true and `current_file()` is the file being made: templates read
`as_file`; every url_for() (templates, page_link(), the directory's index) asks the file
instead of the URL map, so a link to a page becomes a link to its section; and icons come from
one sprite in the file instead of a copy of each icon at each use; and what only a script reads
(`|script_only(id)`: the search's index, the self-check's result template) is packed, to be
unpacked into the element of that id by the file's script (webapp/file/document.py). A link to anything the file
does not hold (the forget page, the saved page, a bundle) is an error at render time, naming
the endpoint: the template must leave that link out of the file (`{% if not as_file %}`), or a
reader would tap a link that leads nowhere on a phone with no signal.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Protocol

from flask import g
from markupsafe import Markup


class FileRender(Protocol):
    def url_for(self, endpoint: str, values: dict) -> str: ...

    def icon(self, name: str, folder: str, css: str) -> Markup | None: ...

    def script_only(self, ident: str, content: Markup) -> Markup: ...


def current_file() -> FileRender | None:
    return g.get("_file_render") if g else None


def in_file() -> bool:
    return current_file() is not None


@contextmanager
def rendering_file(render: FileRender) -> Iterator[None]:
    previous = g.get("_file_render")
    g._file_render = render
    try:
        yield
    finally:
        g._file_render = previous


class LinkOutOfFile(LookupError):
    """A template linked to something the file does not hold."""
