"""`flask export OUTDIR`: the whole site as static files, for any static host or CDN.

Every URL of the precache list (offline/precache.py) is requested from the app and written
as the exact bytes served, so the exported service worker's hashes match the exported files
and the server and the export can never disagree. With `--base-url`, public_url.rebased()
re-renders the pages and rebuilds the list for that address first. Besides the list: /sw.js,
sitemap.xml and robots.txt; the "removed" pages of "Remove saved data" (forget/); index.html,
the language chooser (no server reads Accept-Language); 404.html; and the app's headers for
the host (hosting.py): `_headers` in the folder, and an nginx server block beside it (never
inside: the folder is uploaded as it is, and the block names a path on the server), each
language's file (webapp/file/, in the list) given as a download.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from flask import current_app, render_template
from flask.cli import with_appcontext

from . import file, hosting, locales, public_url, security
from .forget import removed_urls
from .offline import precache


def _target(outdir: Path, url: str) -> Path:
    relative = url.lstrip("/")
    if not relative or relative.endswith("/"):
        relative += "index.html"
    path = (outdir / relative).resolve()
    if outdir.resolve() not in path.parents:
        raise click.ClickException(f"refusing to write outside {outdir}: {url}")
    return path


def nginx_path(outdir: Path) -> Path:
    """Where the nginx block goes unless the deployer names a file: beside the folder
    (`site/` → `site.nginx.conf`)."""
    folder = Path(outdir).resolve()
    return folder.with_name(folder.name + hosting.NGINX_SUFFIX)


def export_site(app, outdir: Path, base_url: str = "", nginx_config: Path | None = None,
                nginx_root: str = "") -> list[str]:
    """Write the site into `outdir`, and its nginx block to `nginx_config` (default: beside
    the folder) with `nginx_root` (default: the folder's path here) as the folder's path on
    the server; absolute links name `base_url`, else the app's GUIDE_BASE_URL."""
    outdir = Path(outdir)
    nginx = Path(nginx_config) if nginx_config else nginx_path(outdir)
    if outdir.resolve() in (nginx.resolve(), *nginx.resolve().parents):
        raise click.ClickException(f"the nginx file must be outside {outdir}: that folder is uploaded as it is")
    if base_url:
        with public_url.rebased(app, base_url):
            return _export(app, outdir, nginx, nginx_root)
    return _export(app, outdir, nginx, nginx_root)


def _export(app, outdir: Path, nginx: Path, nginx_root: str) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    manifest = precache.get(app)
    urls = [entry["url"] for entry in manifest["shared"]]
    for entries in manifest["locales"].values():
        urls += [entry["url"] for entry in entries]
    urls += ["/sw.js", "/robots.txt", "/sitemap.xml"]
    with app.test_request_context():
        urls += removed_urls()
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
    hsts = security.hsts_for_host(app)
    with app.test_request_context("/"):
        downloads = file.downloads()
    (outdir / hosting.HEADERS_FILE).write_text(hosting.headers_file(written, hsts, downloads), encoding="utf-8")
    nginx.parent.mkdir(parents=True, exist_ok=True)
    nginx.write_text(hosting.nginx_static(app.config["GUIDE_BASE_URL"], nginx_root or str(outdir.resolve()), hsts,
                                          app.config["FILE_NAME"]),
                     encoding="utf-8")
    return written


@click.command("export")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--base-url", default="", help="Public address of the site for absolute links "
              "(e.g. https://help.example.org); default: GUIDE_BASE_URL.")
@click.option("--clean", is_flag=True, help="Empty OUTDIR first.")
@click.option("--nginx-config", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the nginx server block (outside OUTDIR); default: OUTDIR.nginx.conf "
                   "beside OUTDIR.")
@click.option("--nginx-root", default="", help="OUTDIR's path on the server, for the nginx block's `root`; "
              "default: OUTDIR's path on this machine.")
@with_appcontext
def export_command(outdir: Path, base_url: str, clean: bool, nginx_config: Path | None, nginx_root: str):
    """Write the complete site as static files into OUTDIR (upload it as it is), and an nginx
    server block for it beside it."""
    if clean and outdir.exists():
        shutil.rmtree(outdir)
    app = current_app._get_current_object()
    if not base_url and public_url.is_local(app.config[public_url.CONFIG_KEY]):
        # A sitemap naming localhost would be published and followed by search engines.
        raise click.ClickException(
            f"the site's address is {app.config[public_url.CONFIG_KEY]}: give the public one with "
            "--base-url https://help.example.org (or set GUIDE_BASE_URL)")
    try:
        written = export_site(app, outdir, base_url, nginx_config, nginx_root)
    except ValueError as exc:  # a malformed --base-url
        raise click.ClickException(str(exc)) from None
    listed = ", ".join(loc.code for loc in locales.listed())
    click.echo(f"wrote {len(written)} files to {outdir} ({listed})")
    click.echo(f"wrote the nginx server block to {nginx_config or nginx_path(outdir)}")
