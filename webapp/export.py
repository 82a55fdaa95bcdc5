"""`flask export OUTDIR`: the whole site as static files, for any static host or CDN.

Every URL of the precache list (offline/precache.py) is requested from the app and written
as the exact bytes served, so the exported service worker's hashes match the exported files
and the server and the export can never disagree. With `--base-url`, public_url.rebased()
re-renders the pages and rebuilds the list for that address first. Besides the list: /sw.js,
sitemap.xml and robots.txt; index.html, the language chooser (no server reads
Accept-Language); 404.html; and the app's headers for the host (hosting.py: `_headers`,
`_nginx.conf`), with each language's file (webapp/file/, in the list) as a download.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from flask import current_app, render_template
from flask.cli import with_appcontext

from . import file, hosting, locales, public_url
from .offline import precache


def _target(outdir: Path, url: str) -> Path:
    relative = url.lstrip("/")
    if not relative or relative.endswith("/"):
        relative += "index.html"
    path = (outdir / relative).resolve()
    if outdir.resolve() not in path.parents:
        raise click.ClickException(f"refusing to write outside {outdir}: {url}")
    return path


def export_site(app, outdir: Path, base_url: str = "") -> list[str]:
    """Write the site into `outdir`; absolute links name `base_url`, else the app's
    GUIDE_BASE_URL."""
    if base_url:
        with public_url.rebased(app, base_url):
            return _export(app, Path(outdir))
    return _export(app, Path(outdir))


def _export(app, outdir: Path) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    manifest = precache.get(app)
    urls = [entry["url"] for entry in manifest["shared"]]
    for entries in manifest["locales"].values():
        urls += [entry["url"] for entry in entries]
    urls += ["/sw.js", "/robots.txt", "/sitemap.xml"]
    client = app.test_client()
    written = []
    for url in dict.fromkeys(urls):
        response = client.get(url)
        if response.status_code != 200:
            raise click.ClickException(f"{url} answered {response.status_code}")
        target = _target(outdir, url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(response.get_data())
        written.append(url)
    # The root picks a language in the browser (no server to read Accept-Language), with a
    # plain list of languages for readers without JavaScript; 404.html for hosts that use it.
    with app.test_request_context("/"):
        (outdir / "index.html").write_text(render_template("site/choose.html"), encoding="utf-8")
    not_found = client.get("/en/__not-found__/")
    (outdir / "404.html").write_bytes(not_found.get_data())
    written += ["/", "/404.html"]
    # The app's headers, for the host that serves these files.
    with app.test_request_context("/"):
        downloads = file.downloads()
    (outdir / hosting.HEADERS_FILE).write_text(hosting.headers_file(written, downloads), encoding="utf-8")
    (outdir / hosting.NGINX_FILE).write_text(
        hosting.nginx_static(app.config["GUIDE_BASE_URL"], str(outdir.resolve()), app.config["FILE_NAME"]),
        encoding="utf-8")
    return written


@click.command("export")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--base-url", default="", help="Public address of the site for absolute links "
              "(e.g. https://help.example.org); default: GUIDE_BASE_URL.")
@click.option("--clean", is_flag=True, help="Empty OUTDIR first.")
@with_appcontext
def export_command(outdir: Path, base_url: str, clean: bool):
    """Write the complete site as static files into OUTDIR."""
    if clean and outdir.exists():
        shutil.rmtree(outdir)
    app = current_app._get_current_object()
    if not base_url and public_url.is_local(app.config[public_url.CONFIG_KEY]):
        # A sitemap naming localhost would be published and followed by search engines.
        raise click.ClickException(
            f"the site's address is {app.config[public_url.CONFIG_KEY]}: give the public one with "
            "--base-url https://help.example.org (or set GUIDE_BASE_URL)")
    try:
        written = export_site(app, outdir, base_url)
    except ValueError as exc:  # a malformed --base-url
        raise click.ClickException(str(exc)) from None
    listed = ", ".join(loc.code for loc in locales.listed())
    click.echo(f"wrote {len(written)} files to {outdir} ({listed})")
