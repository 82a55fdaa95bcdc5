"""The guide as one file, made from the site's own parts for the current request's locale:

- each page of pages.IN_FILE is rendered by the page's own template (with its blueprint's
  context) with `layout` file/section.html, which keeps its main block: a section;
- while they render, the file being made (FileRender, through rendermode.py) answers url_for()
  with its sections, so "Your rights at work" links to #s-rights (a link to anything the file
  does not hold stops the build, naming it), and draws each icon once, in a sprite;
- file/guide.html puts the sections in base.html's layout (as_file), with the "Need help now?"
  box that the site has under most pages once after them, and the calculator of the quick exit
  after the footer;
- styles and scripts are the site's own (and the file's own scripts, file.js and
  file-unpack.js, with the quick exit's), inline; what only enhances the pages (the search and
  the self-check's scripts, the search's index, the self-check's result template: templates
  mark it `|script_only`) is packed, deflated in base64 at a third of its size, and unpacked
  by file-unpack.js with the browser's DecompressionStream; where there is none, the file
  reads as it does without JavaScript. The Content-Security-Policy in the <meta> allows
  exactly those scripts and styles, by their hashes, and nothing on the network;
- "Find services" lists the national lines and up to FILE_DIRECTORY_LIMIT of the deployer's
  organizations, every card rendered, with what the search reads of their index inline for
  directory.js, which shows, hides and orders those cards.
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import current_app, render_template
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from rcssmin import cssmin
from rjsmin import jsmin

from .. import i18n, rendermode, settings
from ..templating import icon_symbol
from ..components import quick_exit
from ..directory import index as directory_index, render_page as directory_page
from ..outreach import render_self_check
from ..pages import IN_FILE, Page
from . import file_title

SECTION_LAYOUT = "file/section.html"
# What would end an inline <script> or <style> before its end, or change how it is parsed.
CLOSES_ELEMENT = re.compile(r"</(script|style)|<!--", re.I)
INDENT = re.compile(r"\n[ \t]+")
# Without JavaScript, controls that only a script can make work (a search form or the
# self-check's answers, which have no server to go to here) are not shown.
NO_SCRIPT_STYLE = "[data-needs-script]{display:none!important}"


def section_id(page: Page) -> str:
    return "s-" + (page.slug or "home")


class FileRender:
    """The file being made (rendermode.current_file()): url_for() answers with its sections (a
    page of the file is its section; `_anchor` an element of a section, ids being unique in the
    file), and the interface's icons, used many times each, are drawn once in a sprite."""

    def __init__(self, code: str):
        self.code = code
        self.sections = {page.endpoint: section_id(page) for page in IN_FILE}
        self.icons: dict[str, str] = {}     # symbol id -> icon name (ui icons)
        self.packed: dict[str, str] = {}    # element id -> its content, which only a script reads

    def script_only(self, ident: str, content: Markup) -> Markup:
        if ident in self.packed:
            raise ValueError(f"two elements of the file have the id {ident!r}")
        self.packed[ident] = str(content)
        return Markup("")

    def icon(self, name: str, folder: str, css: str) -> Markup | None:
        if folder != "ui":
            return None      # an industry's picture, shown once: inline as on the site
        ident = f"i-{name}"
        self.icons[ident] = name
        # (No focusable="false": it was for Internet Explorer, which opens no file like this.)
        return Markup('<svg class="%s" aria-hidden="true"><use href="#%s"/></svg>') % (css, ident)

    def sprite(self) -> Markup:
        symbols = Markup("").join(icon_symbol(name, "ui", ident) for ident, name in self.icons.items())
        return Markup('<svg class="sprite" hidden>%s</svg>') % symbols

    def url_for(self, endpoint: str, values: dict) -> str:
        values = dict(values)
        anchor = values.pop("_anchor", None)
        lang = values.pop("lang", self.code)
        if endpoint in self.sections and lang == self.code and not values:
            return "#" + (anchor or self.sections[endpoint])
        raise rendermode.LinkOutOfFile(
            f"the guide as one file ({self.code}) has no {endpoint} {dict(values, lang=lang)}: "
            "leave this link out of the file with {% if not as_file %}")


@dataclass(frozen=True)
class Section:
    id: str
    html: Markup
    shows_hotline: bool     # no "Need help now?" box under it (Page.shows_hotline)


@dataclass(frozen=True)
class Made:
    html: str
    policy: str
    left_out: int      # the deployer's organizations not listed


@lru_cache(maxsize=None)
def _minified(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return jsmin(text) if path.suffix == ".js" else cssmin(text)


def _bundle(name: str) -> str:
    """A bundle's bytes as the site serves them (assets.py), to inline."""
    url = current_app.extensions["guide_asset_urls"][name]
    return (settings.paths().bundles / url.rsplit("/", 1)[1]).read_text(encoding="utf-8")


def _styles() -> list[str]:
    """The site's styles without what the file does not have: the site's own controls and pages
    (css/site.css), Listen's and the wallet cards'."""
    static = settings.paths().static
    guide = "".join(_minified(path) for path in (static / "css" / "guide.css", quick_exit.STYLES))
    return [guide, _minified(static / "css" / "selfcheck.css"), _bundle("cover_css"), quick_exit.FILE_STYLE]


def _scripts() -> tuple[list[str], list[str]]:
    """The scripts inline as they are, which must work in any browser: the quick exit first (its
    bar acts before anything else), the file's sections, the calculator, and the unpacker last;
    and those packed, which only enhance the pages: the search (without the site's card
    builder, directory-card.js: the file's cards are in the page) and the self-check's."""
    js = settings.paths().static / "js"
    inline = [_minified(quick_exit.SCRIPT), _minified(js / "file.js"), _bundle("cover_js"),
              _minified(js / "file-unpack.js")]
    return inline, [_minified(js / "directory.js"), _bundle("outreach_js")]


def _pack(fill: dict[str, str], run: list[str]) -> str:
    """What file-unpack.js unpacks: base64 of zlib-deflated JSON (DecompressionStream's
    "deflate"), a third of the bytes it would take inline."""
    payload = json.dumps({"fill": fill, "run": run}, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(zlib.compress(payload.encode("utf-8"), 9)).decode("ascii")


def _directory(limit: int):
    """The national lines and the first `limit` of the deployer's own organizations (in
    directory.yaml's order), and how many of those were left out."""
    orgs = current_app.extensions["guide_content"].directory
    national = [org for org in orgs if org.helpline]
    own = [org for org in orgs if not org.helpline]
    return tuple(national + own[:limit]), max(0, len(own) - limit)


def _section(page: Page, directory: directory_index.Index, left_out: int) -> Markup:
    if page.name == "services":
        # The cards are in the page: the search needs only what it reads.
        index_json = htmlsafe_json_dumps(directory_index.search_only(directory.data), ensure_ascii=False,
                                         separators=(",", ":"))
        html = directory_page(directory, {}, everything=True, layout=SECTION_LAYOUT,
                              index_json=index_json, left_out=left_out)
    elif page.name == "self_check":
        html = render_self_check(layout=SECTION_LAYOUT)
    else:
        html = render_template(f"guide/{page.name}.html", page=page, layout=SECTION_LAYOUT)
    # The templates' indentation is for their readers, not the file's: bytes on MMS and Bluetooth.
    return Markup(INDENT.sub("\n", html))


def build() -> Made:
    """The file in the current request's locale."""
    loc = i18n.current_locale()
    made = FileRender(loc.code)
    with rendermode.rendering_file(made):
        orgs, left_out = _directory(current_app.config["FILE_DIRECTORY_LIMIT"])
        directory = directory_index.Index(directory_index.build(orgs, loc, IN_FILE))
        sections = [Section(section_id(page), _section(page, directory, left_out), page.shows_hotline)
                    for page in IN_FILE]
        styles, (scripts, packed_scripts) = _styles(), _scripts()
        for text in styles + scripts:
            if CLOSES_ELEMENT.search(text):
                raise ValueError(f"an inline style or script would end early: {text[:60]!r}")
        guard = quick_exit.FILE_GUARD_JS
        policy = "; ".join([
            "default-src 'none'",
            "script-src " + " ".join(quick_exit.csp_hash(text) for text in [guard, *scripts, *packed_scripts]),
            "style-src " + " ".join(quick_exit.csp_hash(text) for text in [*styles, NO_SCRIPT_STYLE]),
            "form-action 'none'",
            "base-uri 'none'",
        ])
        html = render_template(
            "file/guide.html", sections=sections, title=file_title(), policy=policy,
            guard=Markup(guard), styles=[Markup(s) for s in styles], scripts=[Markup(s) for s in scripts],
            no_script_style=Markup(NO_SCRIPT_STYLE), cover_id=quick_exit.COVER_ID,
            sprite=made.sprite, packed=_pack(made.packed, packed_scripts))
    return Made(html=html, policy=policy, left_out=left_out)
