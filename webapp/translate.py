"""`flask translate extract | update | init LANG | compile | check | stats` (and, from
review/commands.py, `review LANG` and `approve LANG FILE`), on Babel's Python API. Catalogs
are untrusted input: `check` refuses what could break a page or change a helpline
(placeholders, numbers, addresses, markup) and names locale, message and problem."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import click
from babel import Locale as BabelLocale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from flask import current_app
from flask.cli import AppGroup

from . import locales
from .content.schema import SHORT_CODE_LIKE, number_problem
from .review import state as review_state

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = "messages"

METHOD_MAP = [
    ("webapp/**.py", "python"),
    ("webapp/templates/**.html", "jinja2.ext:babel_extract"),
    # Components' macros take their strings from the caller; any they gain are found here.
    ("webapp/components/**.html", "jinja2.ext:babel_extract"),
    ("webapp/content/**.yaml", "webapp.content.extract:extract_yaml"),
    ("static/js/**.js", "javascript"),
    ("service_worker/**.js", "javascript"),
]
OPTIONS_MAP = {"webapp/templates/**.html": {"trimmed": "true"},
               "webapp/components/**.html": {"trimmed": "true"}}
COMMENT_TAGS = ("TRANSLATORS:",)

PLACEHOLDER = re.compile(r"%\((\w+)\)[sdfr]|%[sdfr]")
PHONE = re.compile(r"\+?\d(?:[\s().-]?\d){6,}")
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+", re.I)
TAG = re.compile(r"</?[A-Za-z][^>]*>")


def translations_dir() -> Path:
    return Path(current_app.config["TRANSLATIONS_DIR"])


def pot_path(base: Path) -> Path:
    return base / f"{DOMAIN}.pot"


def po_path(base: Path, loc: locales.Locale) -> Path:
    return base / loc.babel / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract_catalog(root: Path = ROOT) -> Catalog:
    catalog = Catalog(project="labor-trafficking-guide", version="1", msgid_bugs_address="",
                      copyright_holder="", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), METHOD_MAP, OPTIONS_MAP, comment_tags=COMMENT_TAGS, strip_comment_tags=False
    ):
        if not message or (isinstance(message, str) and not message.strip()):
            continue
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _write(catalog: Catalog, path: Path, **options) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, include_lineno=False, sort_output=False, **options)
    path.write_bytes(buf.getvalue())


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=locale, abort_invalid=True)


def message_ids(catalog: Catalog) -> set:
    return {m.id for m in catalog if m.id}


# -- checks ---------------------------------------------------------------------------------
@dataclass
class Problem:
    locale: str
    message: str
    problem: str

    def __str__(self) -> str:
        short = self.message if len(self.message) <= 60 else self.message[:57] + "…"
        return f"{self.locale}: {short!r}: {self.problem}"


def _strings(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [v for v in value if v]
    return [value] if value else []


def check_catalog(code: str, catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    try:
        write_mo(io.BytesIO(), catalog)
    except Exception as exc:  # noqa: BLE001 - any failure to compile is the finding
        problems.append(Problem(code, "(catalog)", f"does not compile: {exc}"))
    expected_plurals = catalog.num_plurals
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = _strings(message.id)
        source = " ".join(ids)
        msgid = ids[0]
        strings = _strings(message.string) if message.string else []
        if message.pluralizable and len(list(message.string)) != expected_plurals:
            problems.append(Problem(code, msgid, f"has {len(list(message.string))} plural forms, "
                                                 f"{code} needs {expected_plurals}"))
        wanted = set(PLACEHOLDER.findall(source))
        for text in strings:
            found = set(PLACEHOLDER.findall(text))
            if found != wanted:
                problems.append(Problem(code, msgid, f"placeholders {sorted(found) or 'none'} differ "
                                                     f"from the original's {sorted(wanted) or 'none'}"))
            for pattern, what in ((PHONE, "phone number"), (SHORT_CODE_LIKE, "short code"),
                                  (ADDRESS, "web or e-mail address"), (TAG, "HTML tag")):
                for hit in pattern.findall(text):
                    if hit not in source:
                        problems.append(Problem(code, msgid, f"adds a {what} not in the original: {hit!r}"))
    return problems


# -- commands -------------------------------------------------------------------------------
translate = AppGroup("translate", help="Translation catalogs: extract, update, init, compile, "
                                         "check, stats, review, approve.")


@translate.command()
def extract():
    """Write translations/messages.pot from the code, templates and content."""
    catalog = extract_catalog()
    _write(catalog, pot_path(translations_dir()), omit_header=False)
    click.echo(f"{len(catalog)} messages → {pot_path(translations_dir())}")


@translate.command()
def update():
    """Merge messages.pot into every locale's catalog."""
    template = _read(pot_path(translations_dir()))
    for loc in locales.LOCALES:
        path = po_path(translations_dir(), loc)
        if not path.exists() or loc.code in ("en", locales.PSEUDO):
            continue
        catalog = _read(path, loc.babel)
        catalog.update(template)
        # Changed English is fuzzy now: a native speaker's check of the old text no longer counts.
        expired = review_state.expire(catalog)
        _write(catalog, path, ignore_obsolete=True)
        click.echo(f"updated {path}" + (f" ({len(expired)} reviewed message(s) changed since review)"
                                        if expired else ""))


@translate.command()
@click.argument("lang")
def init(lang):
    """Start a catalog for LANG (a BCP 47 tag such as pt or zh-Hans)."""
    babel_id = lang.replace("-", "_")
    try:
        BabelLocale.parse(babel_id)
    except Exception as exc:
        raise click.ClickException(f"{lang}: not a locale Babel knows ({exc})") from None
    template = _read(pot_path(translations_dir()))
    path = translations_dir() / babel_id / "LC_MESSAGES" / f"{DOMAIN}.po"
    if path.exists():
        raise click.ClickException(f"{path} exists; use `flask translate update`")
    catalog = Catalog(locale=babel_id)
    catalog.update(template)
    _write(catalog, path)
    click.echo(f"created {path}; add {lang} to webapp/locales.py to serve it")


# -- pseudo-locale --------------------------------------------------------------------------
_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
_PLACEHOLDER_OR_TEXT = re.compile(r"(%\(\w+\)[sdfr]|%%|%[sdfr])")


def pseudo(text: str) -> str:
    """Accented, about 40%% longer and bracketed, keeping placeholders intact: untranslated
    text stands out, and layouts meet longer words."""
    parts = _PLACEHOLDER_OR_TEXT.split(text)
    out = "".join(p if _PLACEHOLDER_OR_TEXT.fullmatch(p) else p.translate(_ACCENTED) for p in parts)
    padding = "·" * max(1, round(len(text) * 0.4))
    return f"[{out} {padding}]"


def write_pseudo(base: Path) -> Path:
    template = _read(pot_path(base))
    loc = locales.BY_CODE[locales.PSEUDO]
    catalog = Catalog(locale="en", fuzzy=False)
    for message in template:
        if not message.id:
            continue
        if message.pluralizable:
            string = (pseudo(message.id[0]), pseudo(message.id[1]))
        else:
            string = pseudo(message.id)
        catalog.add(message.id, string, flags=message.flags, context=message.context)
    path = po_path(base, loc)
    _write(catalog, path)
    return path


@translate.command("pseudo")
def pseudo_command():
    """Generate the pseudo-locale (en-XA) from messages.pot."""
    click.echo(f"wrote {write_pseudo(translations_dir())}")


def compile_all(base: Path) -> list[Path]:
    if pot_path(base).exists():
        write_pseudo(base)
    written = []
    for loc in locales.LOCALES:
        path = po_path(base, loc)
        if not path.exists():
            continue
        catalog = _read(path, loc.babel)
        mo = path.with_suffix(".mo")
        with mo.open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
        written.append(mo)
    return written


@translate.command("compile")
def compile_command():
    """Compile every catalog to .mo (fuzzy translations are left out)."""
    for mo in compile_all(translations_dir()):
        click.echo(f"compiled {mo}")


def check_source(catalog: Catalog) -> list[Problem]:
    """The English messages themselves: a number typed into one (a phone number or a short
    code such as 911) would escape helplines.yaml, and translators would copy it."""
    problems = []
    for message in catalog:
        for text in _strings(message.id):
            if problem := number_problem(text):
                problems.append(Problem("en", text, problem))
    return problems


def check_all(base: Path) -> list[Problem]:
    problems: list[Problem] = []
    pot = pot_path(base)
    if pot.exists():
        problems.extend(check_source(_read(pot)))
    for loc in locales.LOCALES:
        if loc.code == locales.PSEUDO:
            continue
        path = po_path(base, loc)
        if not path.exists():
            if loc.code != "en":
                problems.append(Problem(loc.code, "(catalog)", f"{path} is missing"))
            continue
        try:
            catalog = _read(path, loc.babel)
        except Exception as exc:  # noqa: BLE001
            problems.append(Problem(loc.code, "(catalog)", f"cannot be read: {exc}"))
            continue
        problems.extend(check_catalog(loc.code, catalog))
    return problems


@translate.command()
def check():
    """Fail on catalogs that could break a page or change a number."""
    problems = check_all(translations_dir())
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s)")
    click.echo("all catalogs pass")


@translate.command()
def stats():
    """Print per locale: translated, reviewed by a native speaker, changed since review."""
    for loc in locales.LOCALES:
        if loc.code == locales.PSEUDO:
            continue
        path = po_path(translations_dir(), loc)
        if loc.code == "en":
            click.echo(f"{loc.code:8} {'source':>7}  {loc.autonym}")
            continue
        if not path.exists():
            click.echo(f"{loc.code:8} {'missing':>7}  {loc.autonym}")
            continue
        figures = review_state.figures(_read(path, loc.babel))
        share = figures.completion
        note = "" if share >= locales.LISTING_THRESHOLD else "  — not listed in the switcher (below 95%)"
        click.echo(f"{loc.code:8} {100 * share:6.1f}%  {loc.autonym} ({figures.translated}/{figures.total})"
                   f"  reviewed {figures.review_percent}% ({figures.reviewed}/{figures.total})"
                   f"  changed since review {figures.changed}{note}")
