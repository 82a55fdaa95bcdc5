"""Find services: a searchable directory of organizations that help survivors, under
/<locale>/services/. Without JavaScript the search form is POSTed and answered with
`Cache-Control: no-store`, so what a reader types never sits in an address, the history or a
cache; GET shows the whole directory and ignores any query string. static/js/directory.js
searches the same index in the browser per keystroke, offline too, without touching the
address. `flask directory import` and `flask directory export` move the data to and from CSV:
store.py reads and writes directory.yaml, csvrows.py maps its records to and from CSV rows,
importer.py checks a whole file and swaps it in atomically."""

from __future__ import annotations

import io
import math
from pathlib import Path

import click
from flask import Blueprint, Response, current_app, make_response, render_template, request

from .. import settings
from ..content.yamlfile import ContentError
from ..guide import add_locale, pull_locale
from ..pages import BY_NAME
from ..templating import rendered_once
from . import csvrows, importer, index, search, store

bp = Blueprint("directory", __name__, url_prefix="/<locale:lang>", cli_group="directory")
bp.url_value_preprocessor(pull_locale)
bp.url_defaults(add_locale)


@bp.record_once
def refuse_synthetic_data(state) -> None:
    """bench/ makes synthetic directories; a deployment must never show one by mistake."""
    app = state.app
    if app.config.get("DIRECTORY_ALLOW_SYNTHETIC"):
        return
    for org in app.extensions["guide_content"].directory:
        if org.synthetic:
            raise ContentError(store.path_in(settings.paths(app).content), org.line,
                               f"{org.id}.synthetic", "synthetic entries are for benchmarks only "
                               "(set DIRECTORY_ALLOW_SYNTHETIC to serve them)")


@bp.route(BY_NAME["services"].rule, methods=["GET", "POST"])
def services():
    # A GET never searches: an old link or a typed address with ?q=… shows the whole list, the
    # same for every reader (rendered once). A search is rendered for its reader and never kept.
    if request.method == "GET":
        return rendered_once("services", lambda: render_page(index.get(), {}))
    response = make_response(render_page(index.get(), request.form))
    # The answer shows the reader's words: no browser or proxy may keep it.
    response.headers["Cache-Control"] = "no-store"
    return response


def render_page(idx: index.Index, form, everything: bool = False, **context) -> str:
    """The page of a search (`form`: the fields sent, {} for none) over `idx`, one page of
    results at a time; `everything`: every result at once, as the guide as one file lists them
    (webapp/file/). `context` goes to the template as it is."""
    query = search.parse(idx.data, form)
    order = search.search(idx.data, query)
    if everything:
        page_number, shown = 1, order
    else:
        pages = max(1, math.ceil(len(order) / search.PAGE_SIZE))
        page_number = min(query.page, pages)
        shown = order[: page_number * search.PAGE_SIZE]
    return render_template(
        "directory/services.html", page=BY_NAME["services"], query=query, total=len(order),
        cards=[idx.card(i) for i in shown], more=len(order) > len(shown), next_page=page_number + 1,
        others=search.others_found(idx.data, order),
        template_card=index.Index.template_card(),
        options=idx.options, sep=idx.data["sep"], query_max=search.MAX_QUERY,
        guide_pages=[idx.data["pages"][i] for i in search.pages(idx.data, query)],
        **context,
    )


@bp.get(BY_NAME["services"].rule + "index.json")
def index_json():
    return Response(index.get().json, mimetype="application/json")


# -- flask directory import | export ------------------------------------------------------------
def _data_file() -> Path:
    return store.path_in(settings.paths().content)


@bp.cli.command("import")
@click.argument("csv_file", type=click.Path(dir_okay=False, path_type=Path))
def import_command(csv_file: Path):
    """Replace the directory with the rows of CSV_FILE, only if every row is valid."""
    target = _data_file()
    count, problems = importer.import_csv(csv_file, target, current_app.extensions["guide_content"].helplines)
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        raise click.ClickException(f"{len(problems)} problem(s) found; {target} was not changed.")
    click.echo(f"{count} organizations written to {target}. Restart the app to serve them.")


@bp.cli.command("export")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (UTF-8 with a byte-order mark, for spreadsheets) "
                   "instead of standard output.")
def export_command(output: Path | None):
    """Write the directory as CSV, one row per organization."""
    try:
        records = store.read(_data_file())
    except ContentError as exc:
        raise click.ClickException(str(exc)) from None
    buffer = io.StringIO()
    csvrows.write(records, buffer)
    if output is None:
        click.echo(buffer.getvalue(), nl=False)
    else:
        output.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
        click.echo(f"{len(records)} organizations written to {output}", err=True)
