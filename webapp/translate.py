"""`flask translate extract | update | init LANG | compile | check | stats | glossary` (and,
from review/commands.py, `review LANG` and `approve LANG FILE`), on Babel's Python API. `init`
starts a new language whole: its catalog, and its line in locales.py (`make language LANG=xx`).
Catalogs are untrusted input: `check` refuses what could break a page, change a helpline or
promise more than the English, and names locale, message and problem: Babel's own checks
(plural forms, placeholders), the text rules that content validation uses too (textrules.py:
numbers, addresses, markup), the glossary (glossary.py: the terms readers decide whom to call
by), words for reporting or complaining among the words that bring police lines first in a
search (directory/enforcement.py), and a catalog that does not compile."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
import io
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

from . import glossary as glossary_rules
from . import locales, settings, textrules
from .review import state as review_state

# The source tree that `extract` reads (METHOD_MAP's paths are relative to it): a checkout.
ROOT = settings.PACKAGE.parent
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


def translations_dir() -> Path:
    return settings.paths(current_app).translations


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


def _render(catalog: Catalog, **options) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, include_lineno=False, sort_output=False, **options)
    return buf.getvalue()


def _write(catalog: Catalog, path: Path, **options) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_render(catalog, **options))


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=locale, abort_invalid=True)


def measure(base: Path) -> dict[str, review_state.Figures]:
    """How far each locale is translated and reviewed (review/state.py: Figures), read from its
    catalog; a missing catalog counts as nothing translated. English is the source and has no
    figures. The app measures once at start-up (i18n.init_app); `translate stats` prints them."""
    result = {}
    for loc in locales.LOCALES:
        if loc.code == locales.DEFAULT:
            continue
        path = po_path(base, loc)
        result[loc.code] = _figures(path.read_bytes(), loc.babel) if path.exists() else review_state.Figures(0, 0, 0, 0)
    return result


# Figures by the hash of a catalog's bytes: parsing is most of an app's start-up, and an app
# built again (a reload, the tests' many apps) measures unchanged catalogs without parsing.
_MEASURED: dict[tuple[bytes, str], review_state.Figures] = {}


def _figures(po: bytes, locale: str) -> review_state.Figures:
    key = (hashlib.sha256(po).digest(), locale)
    if key not in _MEASURED:
        # Leniently: a catalog with a bad line still serves its good messages; `check` names it.
        _MEASURED[key] = review_state.figures(read_po(io.BytesIO(po), locale=locale))
    return _MEASURED[key]


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


def search_words(message) -> bool:
    """A list of search words (content/vocabulary.py): never shown, and naming every kind of
    line on purpose so that a reader's word finds it, so the glossary does not apply."""
    return bool(message.locations) and all(path.endswith("content/vocabulary.py") for path, _ in message.locations) \
        and " ".join(_strings(message.id)).count(",") >= 2


def check_catalog(code: str, catalog: Catalog, glossary: glossary_rules.Glossary | None = None) -> list[Problem]:
    """Every problem of a locale's catalog that could break a page, change what it says or,
    by the glossary, promise more than the English."""
    problems: list[Problem] = []
    try:
        write_mo(io.BytesIO(), catalog)
    except Exception as exc:  # noqa: BLE001 - any failure to compile is the finding
        problems.append(Problem(code, "(catalog)", f"does not compile: {exc}"))
    # Babel's checkers: the number of plural forms, and placeholders of a kind and name the
    # original has.
    babel_errors = {id(message): errors for message, errors in catalog.check()}
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = _strings(message.id)
        source = " ".join(ids)
        msgid = ids[0]
        problems.extend(Problem(code, msgid, str(error)) for error in babel_errors.get(id(message), ()))
        wanted = textrules.placeholders(source)
        for text in _strings(message.string):
            # Babel lets a translation leave out a named placeholder; here that would drop a
            # phone number or a date from the page.
            if missing := wanted - textrules.placeholders(text):
                problems.append(Problem(code, msgid, f"drops the placeholder(s) {', '.join(sorted(missing))} "
                                                     "of the original"))
            problems.extend(Problem(code, msgid, added) for added in textrules.additions(source, text))
            if glossary is not None and not search_words(message):
                problems.extend(Problem(code, msgid, found)
                                for found in glossary_rules.problems(glossary, code, source, text))
    problems.extend(_search_word_problems(code, catalog))
    return problems


def _search_word_problems(code: str, catalog: Catalog) -> list[Problem]:
    """The words that bring police lines first in a search name only the police or an agency
    (directory/enforcement.py)."""
    from .content import vocabulary
    from .directory import enforcement

    def translated(msgid: str) -> str | None:
        message = catalog.get(msgid)
        if message is None or not message.string or message.fuzzy:
            return None
        return message.string

    if translated(vocabulary.ENFORCEMENT_WORDS) is None:
        return []   # not translated (yet): the English words hold
    return [Problem(code, vocabulary.ENFORCEMENT_WORDS, p)
            for p in enforcement.problems(lambda msgid: translated(msgid) or msgid)]


# -- commands -------------------------------------------------------------------------------
translate = AppGroup("translate", help="Translation catalogs: extract, update, init, compile, "
                                         "check, stats, review, approve.")


@translate.command()
def extract():
    """Write translations/messages.pot from the code, templates and content."""
    catalog = extract_catalog()
    path = pot_path(translations_dir())
    if path.exists():
        # Unchanged messages keep the template's date: a new date alone would change every
        # catalog at the next update, and collide in every branch that touched one.
        catalog.creation_date = _read(path).creation_date
        if message_ids(catalog) != message_ids(_read(path)) or _render(catalog) != path.read_bytes():
            catalog.creation_date = datetime.now(timezone.utc)
    _write(catalog, path, omit_header=False)
    click.echo(f"{len(catalog)} messages → {path}")


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


# In webapp/locales.py, the line above which `init` adds a new language to LOCALES.
REGISTRY = settings.PACKAGE / "locales.py"
REGISTRY_MARK = "    # New languages go above this line"


def registry_line(lang: str, babel_id: str) -> str:
    """The LOCALES entry for a new language: its name in its own language and its direction,
    both from CLDR (Babel)."""
    known = BabelLocale.parse(babel_id)
    name = known.get_display_name(babel_id) or lang
    autonym = name[:1].upper() + name[1:]
    direction = ', direction="rtl"' if known.character_order == "right-to-left" else ""
    return f"    Locale({lang!r}, {babel_id!r}, {autonym!r}{direction}),".replace("'", '"')


def register(lang: str, babel_id: str, registry: Path = REGISTRY) -> str | None:
    """Add the language to LOCALES in locales.py, above REGISTRY_MARK; None when it is there
    already. Only a checkout has a locales.py to edit."""
    text = registry.read_text(encoding="utf-8")
    if f'Locale("{lang}",' in text:
        return None
    if REGISTRY_MARK not in text:
        raise click.ClickException(f"{registry}: no line starting {REGISTRY_MARK.strip()!r}; "
                                   f"add {lang} to LOCALES by hand")
    line = registry_line(lang, babel_id)
    registry.write_text(text.replace(REGISTRY_MARK, line + "\n" + REGISTRY_MARK, 1), encoding="utf-8")
    return line


NEXT_STEPS = """
Next steps (TRANSLATING.md, "Adding a language"):
  1. Translate {po} in Poedit or Weblate.
     Keep %(number)s and the other placeholders; type no number, address or HTML.
  2. make check-translations   what could break a page or change a number, message by message
  3. make stats                how much is translated ({lang} is offered to readers from 95%)
  4. make run                  then open http://127.0.0.1:5000/{lang}/
  5. Add your words to "Terms that must stay distinct" in TRANSLATING.md, then ask for a
     review and open a pull request."""


@translate.command()
@click.argument("lang")
def init(lang):
    """Start a new language: a catalog for LANG (a BCP 47 tag such as pt or zh-Hans), and
    LANG added to webapp/locales.py so that /LANG/ is served at once."""
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
    click.echo(f"created {path} ({len(message_ids(catalog))} messages to translate)")
    if not settings.installed():   # a checkout: its locales.py is the registry to edit
        line = register(lang, babel_id)
        click.echo(f"added to {REGISTRY}: {line.strip()}" if line else f"{lang} is already in {REGISTRY}")
    else:
        click.echo(f"add {registry_line(lang, babel_id).strip()} to LOCALES in webapp/locales.py to serve it")
    click.echo(NEXT_STEPS.format(po=path, lang=lang))


# -- pseudo-locale --------------------------------------------------------------------------
_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)


def pseudo(text: str) -> str:
    """Accented, about 40%% longer and bracketed, keeping placeholders (and %%) intact:
    untranslated text stands out, and layouts meet longer words."""
    out = "".join(piece if placeholder else piece.translate(_ACCENTED)
                  for piece, placeholder in textrules.split_placeholders(text))
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
    """The English messages themselves, by the rules content validation applies: a number,
    address or tag typed into one would escape the data files, and translators would copy it."""
    problems = []
    for message in catalog:
        for text in _strings(message.id):
            if problem := textrules.problem(text):
                problems.append(Problem("en", text, problem))
    return problems


def glossary_path(base: Path) -> Path:
    return base / glossary_rules.FILENAME


def check_all(base: Path) -> list[Problem]:
    problems: list[Problem] = []
    pot = pot_path(base)
    if pot.exists():
        problems.extend(check_source(_read(pot)))
    glossary = None
    try:
        glossary = glossary_rules.read(glossary_path(base))
    except glossary_rules.ContentError as exc:
        problems.append(Problem("(all)", "(glossary)", str(exc)))
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
        problems.extend(check_catalog(loc.code, catalog, glossary))
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


@translate.command("glossary")
def glossary_command():
    """Write TRANSLATING.md's glossary tables from translations/glossary.yaml."""
    target = ROOT / "TRANSLATING.md"
    rules = glossary_rules.read(glossary_path(translations_dir()))
    target.write_text(glossary_rules.replace_tables(target.read_text(encoding="utf-8"), rules), encoding="utf-8")
    click.echo(f"wrote the glossary tables of {target}")


@translate.command()
def stats():
    """Print per locale: translated, reviewed by a native speaker, changed since review."""
    measured = measure(translations_dir())
    for loc in locales.LOCALES:
        if loc.code == locales.PSEUDO:
            continue
        if loc.code == locales.DEFAULT:
            click.echo(f"{loc.code:8} {'source':>7}  {loc.autonym}")
            continue
        if not po_path(translations_dir(), loc).exists():
            click.echo(f"{loc.code:8} {'missing':>7}  {loc.autonym}")
            continue
        figures = measured[loc.code]
        share = figures.completion
        note = "" if locales.listable(share) else (f"  — not listed in the switcher (below "
                                                   f"{locales.LISTING_THRESHOLD:.0%})")
        click.echo(f"{loc.code:8} {100 * share:6.1f}%  {loc.autonym} ({figures.translated}/{figures.total})"
                   f"  reviewed {figures.review_percent}% ({figures.reviewed}/{figures.total})"
                   f"  changed since review {figures.changed}{note}")
