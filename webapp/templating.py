"""What every template can use: the reader's locale, the content, icons and formatting."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app, request, url_for
from flask_babel import format_currency, format_date, format_percent
from jinja2 import BytecodeCache
from markupsafe import Markup

from . import i18n, locales, rendermode, settings, theme
from .pages import BY_NAME, IN_FILE, PAGES


@lru_cache(maxsize=None)
def _icon_markup(icons: Path, folder: str, name: str) -> str:
    # Icons are our own files, inlined so that currentColor follows the text (and dark mode)
    # and so that no extra request is needed.
    return (icons / folder / f"{name}.svg").read_text(encoding="utf-8").strip()


def icon(name: str, folder: str = "ui", css: str = "icon") -> Markup:
    made = rendermode.current_file()
    if made is not None and (use := made.icon(name, folder, css)) is not None:
        return use
    svg = _icon_markup(settings.paths().icons, folder, name)
    return Markup(svg.replace("<svg ", f'<svg class="{css}" focusable="false" ', 1))


def rendered_once(name: str, render: Callable[[], str], lang: str | None = None) -> str:
    """A page whose bytes depend only on its address: content, translations and settings cannot
    change while the app runs, so it is rendered once per app and then served from memory.
    Every install asks for its language's pages and for every language's offline page and
    calculator, each a render per reader otherwise. Kept under `name` in the request's locale
    (or `lang`, for a page of no locale); public_url.rebased() empties the memory when the
    public address changes."""
    key = (lang or i18n.current_locale().code, name)
    cache = current_app.extensions.setdefault("guide_page_cache", {})
    html = cache.get(key)
    if html is None:
        html = cache[key] = render()
    return html


def script_only(content: str, ident: str) -> Markup:
    """The content of the element `ident` that only a script reads (a <template> it copies, data
    it searches): as it is on the site; the guide as one file packs it (rendermode.py)."""
    made = rendermode.current_file()
    return Markup(content) if made is None else made.script_only(ident, Markup(content))


_NOT_IN_SYMBOL = re.compile(r'\s(?:xmlns|width|height|aria-hidden)="[^"]*"')


def icon_symbol(name: str, folder: str, ident: str) -> Markup:
    """An icon as a <symbol> of a sprite, for <svg><use href="#ident"/></svg> (the guide as one
    file draws each icon once): the file's own drawing and attributes, sized by the CSS."""
    svg = _icon_markup(settings.paths().icons, folder, name)
    head, body = svg.split(">", 1)
    attrs = _NOT_IN_SYMBOL.sub("", head.removeprefix("<svg"))
    return Markup('<symbol id="%s"%s>%s</symbol>') % (ident, Markup(attrs), Markup(body.removesuffix("</svg>")))


def page_link(name: str, css: str = "") -> Markup:
    """A link to one of the guide's pages, named by its title in pages.py (in the reader's
    language), so that a page's name is written once."""
    page = BY_NAME[name]
    attrs = Markup(' class="%s"') % css if css else ""
    return Markup('<a%s href="%s">%s</a>') % (attrs, url_for(page.endpoint), i18n.gettext(page.title))


def page_in(code: str) -> str:
    """The current page in another locale (its home page when the page has no locale)."""
    rule = request.url_rule
    if rule is None or "lang" not in rule.arguments or request.endpoint is None:
        return url_for("guide.home", lang=code)
    return url_for(request.endpoint, **{**(request.view_args or {}), "lang": code})


def alternates() -> list[tuple[locales.Locale, str]]:
    """The current page in every listed locale, for hreflang links and the switcher."""
    return [(loc, page_in(loc.code)) for loc in locales.listed()]


def source_label(url: str) -> str:
    """A source address as a reader can read it: host and path, without https:// or www."""
    label = url.split("://", 1)[-1]
    return (label[4:] if label.startswith("www.") else label).rstrip("/")


def canonical_path() -> str:
    """The current page's own path, without any query (search terms never reach a link)."""
    return page_in(i18n.current_locale().code)


# Safari (every browser on an iPhone is WebKit) deletes a site's script-written storage, Cache
# Storage and its service worker among it, after this many days of use without a visit to the
# site, unless the site was added to the Home Screen: the saved and safety pages say so.
SAFARI_UNVISITED_DAYS = 7


class _CompiledTemplates(BytecodeCache):
    """Compiled templates shared by every app of the process, keyed by the template's name and
    checked against its source's hash by Jinja itself. One app per process (a deploy) compiles
    each template once either way; a process that builds many apps (a reload, the test suite's
    variants, each rendering every page) no longer compiles them again for each. Every app sets
    the same Jinja options (below), the other thing compiled code depends on."""

    def __init__(self):
        self._buckets: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket) -> None:
        with self._lock:
            code = self._buckets.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        code = bucket.bytecode_to_string()
        with self._lock:
            self._buckets[bucket.key] = code


_COMPILED = _CompiledTemplates()


def init_app(app: Flask) -> None:
    app.jinja_env.filters["source_label"] = source_label
    app.jinja_env.filters["script_only"] = script_only
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.bytecode_cache = _COMPILED

    @app.context_processor
    def globals_for_templates():
        content = current_app.extensions["guide_content"]
        as_file = rendermode.in_file()
        return {
            "locale": i18n.current_locale(),
            "listed_locales": locales.listed(),
            # The guide as one file (webapp/file/) is a render mode of the same templates.
            "as_file": as_file,
            "pages": IN_FILE if as_file else PAGES,
            "page_by_name": BY_NAME,
            "content": content,
            "helplines": content.helplines,
            "asset_urls": current_app.extensions["guide_asset_urls"],
            "content_reviewed_on": current_app.config["CONTENT_REVIEWED_ON"],
            "locale_rule": locales.browser_rule(),
            # After this many days without an update, offline pages say facts may have changed.
            "stale_after_days": current_app.config["STALE_AFTER_DAYS"],
        }

    app.jinja_env.globals.update(
        safari_unvisited_days=SAFARI_UNVISITED_DAYS,
        theme_color=theme.THEME_COLOR,
        guide_icons=theme.GUIDE_ICONS,
        icon=icon,
        page_link=page_link,
        format_date=format_date,
        format_currency=format_currency,
        format_percent=format_percent,
        alternates=alternates,
        canonical_path=canonical_path,
    )
