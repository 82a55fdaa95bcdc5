"""`flask translate review LANG --output FILE` and `flask translate approve LANG FILE`."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import click

from .. import locales
from ..translate import _read, _write, po_path, translate, translations_dir
from . import approve as approving
from . import sheet, state


def _locale(lang: str) -> locales.Locale:
    loc = locales.get(lang) or next((l for l in locales.LOCALES if l.babel == lang), None)
    if loc is None or loc.code in (locales.DEFAULT, locales.PSEUDO):
        choices = ", ".join(l.code for l in locales.LOCALES
                            if l.code not in (locales.DEFAULT, locales.PSEUDO))
        raise click.BadParameter(f"{lang!r} is not a translated language; choose one of {choices}",
                                 param_hint="LANG")
    return loc


def _catalog_path(loc: locales.Locale) -> Path:
    path = po_path(translations_dir(), loc)
    if not path.exists():
        raise click.ClickException(f"{path} is missing; run `flask translate init {loc.code}`")
    return path


@translate.command()
@click.argument("lang")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="FILE.html (a sheet to fill in a browser or print) or FILE.csv (a spreadsheet).")
@click.option("--base-url", default="", metavar="URL",
              help="Link each page name to the running guide, e.g. http://127.0.0.1:5000")
def review(lang, output, base_url):
    """Write a review sheet of LANG for a native speaker."""
    loc = _locale(lang)
    catalog = _read(_catalog_path(loc), loc.babel)
    if output.suffix.lower() == ".csv":
        text = sheet.render_csv(catalog, loc)
    else:
        text = sheet.render_html(catalog, loc, base_url)
    output.write_text(text, encoding="utf-8", newline="")
    figures = state.figures(catalog)
    click.echo(f"{output}: {figures.total} messages of {loc.code} ({figures.reviewed} already reviewed)")


@translate.command("approve")
@click.argument("lang")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--reviewer", default="", help="The reviewer's initials (1 to 4 letters); "
              "needed for a CSV, overrides the initials typed in an HTML sheet.")
def approve_command(lang, file, reviewer):
    """Record a filled review sheet (HTML or CSV) in LANG's catalog."""
    loc = _locale(lang)
    path = _catalog_path(loc)
    catalog = _read(path, loc.babel)
    day = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    try:
        filled = approving.parse(file)
        who = state.clean_text(reviewer or filled.reviewer, 20)
        outcome = approving.apply(catalog, loc, filled, who, day, file.name)
    except approving.SheetError as exc:
        raise click.ClickException(str(exc)) from None
    _write(catalog, path)
    click.echo(f"{loc.code}: {len(outcome.approved)} message(s) marked reviewed by {who} on {day}; "
               f"{len(outcome.changes)} need a change")
    for message, note in outcome.changes:
        english = message.id if isinstance(message.id, str) else message.id[0]
        click.echo(f"  change: {state.clean_text(english, 80)!r}: {note!r}")
    figures = state.figures(catalog)
    click.echo(f"{loc.code}: {figures.reviewed}/{figures.total} reviewed")
