"""The guide as one file (webapp/file/): each language's size as it is shared (uncompressed:
MMS and Bluetooth carry the bytes as they are) and on the wire when downloaded, against the
300 KB target; and what each of a deployer's own organizations adds to it (synthetic ones,
up to the file's limit), for the README's advice on GUIDE_FILE_DIRECTORY_LIMIT.

    python -m bench.file          # alone; `make bench` runs it with the rest
"""

from __future__ import annotations

import gzip
import shutil
import sys
import tempfile
from pathlib import Path

import brotli

from bench.common import pick, record
from webapp import content, create_app, locales
from webapp.directory import store

TARGET = 300 * 1024


def sizes(app) -> dict[str, bytes]:
    client = app.test_client()
    return {loc.code: client.get(f"/{loc.code}/file/").data for loc in locales.listed()}


def with_organizations(count: int) -> Path:
    """A content folder: the shipped directory and `count` synthetic regional organizations."""
    from bench.directory_gen import records

    folder = Path(tempfile.mkdtemp(prefix="guide-file-bench-"))
    for name in content.FILES:
        shutil.copy(content.DEFAULT_DIR / name, folder / name)
    made = records(count)
    for i, record_ in enumerate(made):   # directory text may hold no numbers
        record_["name"] = record_["name"].rsplit(" ", 1)[0] + " " + "".join(chr(97 + int(d)) for d in str(i))
    shipped = store.read(store.path_in(content.DEFAULT_DIR))
    store.path_in(folder).write_text(store.dump(list(shipped) + made), encoding="utf-8")
    return folder


def run() -> None:
    print("the guide as one file:")
    shipped = sizes(create_app({"TESTING": False}))
    for code, body in shipped.items():
        br = len(brotli.compress(body, quality=11))
        gz = len(gzip.compress(body, 9))
        record(f"one file, {code}", f"{len(body) / 1024:.0f} KB (brotli {br / 1024:.0f} KB, gzip {gz / 1024:.0f} KB)",
               "<= 300 KB", len(body) <= TARGET)
    largest = max(shipped, key=lambda code: len(shipped[code]))
    record("one file, the largest", f"{largest}: {len(shipped[largest]) / 1024:.0f} KB", "<= 300 KB",
           len(shipped[largest]) <= TARGET)
    limit = pick(25, 5)     # organizations added to measure (the quick mode: fewer)
    folder = with_organizations(limit)
    try:
        grown = sizes(create_app({"TESTING": False, "CONTENT_DIR": str(folder), "DIRECTORY_ALLOW_SYNTHETIC": True,
                                  "FILE_DIRECTORY_LIMIT": limit}))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for code in ("en", largest):
        each = (len(grown[code]) - len(shipped[code])) / limit
        record(f"one file, {code}: each of a deployer's organizations adds", f"{each / 1024:.1f} KB")


if __name__ == "__main__":
    run()
    from bench.common import table

    print(table())
    sys.exit(0)
