"""How bytes leave the server: cache headers, ETags and compression.

Hashed bundles (/static/gen/) live forever; pages and other files revalidate (so a corrected
number is never stale), carry an ETag of their bytes and answer 304 when unchanged. On
prepaid 2G every byte is paid for, so text is compressed with brotli or gzip. A body whose
hash is in the precache list (pages, bundles, icons, indexes, all rendered at start-up) or
is /sw.js is compressed at the highest level the first time it is asked for and then kept
in memory, keyed by hash and encoding. The key names the bytes, not the app, so the memory
is one per process: an app built again with the same pages (a reload, or the test suite's
many apps) finds them compressed already. With COMPRESSED_DIR set, they are also kept there
as files named by the same key, so processes sharing the folder (gunicorn's workers, a
restart with the same pages, the test suite's workers) compress each body once; a file is
used only if it decompresses to the bytes its name hashes. Anything else (search results,
form answers) is compressed at a fast level and never kept: a stream of distinct requests
must neither cost seconds of CPU each nor push the pre-rendered pages out of the cache.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import threading
import zlib
from collections import OrderedDict
from pathlib import Path

from flask import Flask, request

from . import assets

try:  # brotli saves a further ~15% on HTML; gzip alone is fine where it is missing
    import brotli
except ImportError:  # pragma: no cover
    brotli = None

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/manifest+json",
                "application/xml", "image/svg+xml")
MIN_SIZE = 512


# Bundles under /static/gen/ carry a hash of their bytes in their name: they never change.
# Everything else revalidates (a corrected number must never be stale): pages, /sw.js (a
# new deploy must reach readers), icons and indexes. hosting.py writes the same rules for
# static hosts and nginx.
HASHED = assets.URL + "/"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def cache_control(path: str, status: int = 200) -> str:
    """Immutable only for a bundle actually served: a 404 during a deploy (a page naming a
    bundle this server does not have yet) must not stick in caches for a year."""
    return IMMUTABLE if path.startswith(HASHED) and status in (200, 304) else REVALIDATE


class _LRU:
    def __init__(self, size: int):
        self.size, self.data, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        with self.lock:
            if key in self.data:
                self.data.move_to_end(key)
                return self.data[key]
        return None

    def put(self, key, value):
        with self.lock:
            self.data[key] = value
            self.data.move_to_end(key)
            while len(self.data) > self.size:
                self.data.popitem(last=False)


# Every locale's pages and the shared files of a few versions at once.
_COMPRESSED = _LRU(1024)


def _encoding() -> str | None:
    accepted = request.accept_encodings
    if brotli is not None and accepted["br"]:
        return "br"
    if accepted["gzip"]:
        return "gzip"
    return None


# Dynamic responses: brotli 4 and gzip 5 are several times faster than the highest levels
# for a few percent more bytes (`make bench`: "distinct searches").
FAST = {"br": 4, "gzip": 5}


def compress(data: bytes, encoding: str, fast: bool = False, highest: int = 11) -> bytes:
    """`highest`: brotli's quality for a pre-rendered body (BROTLI_QUALITY); one over 200 KB
    (the guide as one file) at most 6, which costs a tenth of the time for 2 % more bytes."""
    if encoding == "br":
        quality = FAST["br"] if fast else highest if len(data) < 200_000 else min(highest, 6)
        return brotli.compress(data, quality=quality)
    return gzip.compress(data, compresslevel=FAST["gzip"] if fast else 9, mtime=0)


_UNREADABLE = (OSError, EOFError, zlib.error) + ((brotli.error,) if brotli else ())


def _decompress(body: bytes, encoding: str) -> bytes:
    return brotli.decompress(body) if encoding == "br" else gzip.decompress(body)


class SharedFolder:
    """Compressed bodies as files named `<sha256 of the plain bytes>.<encoding>`. Written
    whole under another name and then renamed, so a reader never sees half a file; read only
    when the file decompresses to bytes of that hash, so a damaged or foreign file is
    compressed again rather than served."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    def _path(self, digest: str, encoding: str) -> Path:
        return self.folder / f"{digest}.{encoding}"

    def get(self, digest: str, encoding: str) -> bytes | None:
        try:
            body = self._path(digest, encoding).read_bytes()
            if _digest(_decompress(body, encoding)) == digest:
                return body
        except _UNREADABLE:
            pass
        return None

    def put(self, digest: str, encoding: str, body: bytes) -> None:
        path = self._path(digest, encoding)
        part = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            part.write_bytes(body)
            os.replace(part, path)
        except OSError:  # a full or read-only disk: the memory still keeps it
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)


def kept(cache: _LRU, folder: SharedFolder | None, data: bytes, digest: str, encoding: str,
         highest: int = 11) -> bytes:
    """A pre-rendered body compressed at the highest level: from memory, from the shared
    folder, or compressed now and kept in both."""
    key = (digest, encoding)
    body = cache.get(key)
    if body is None:
        body = folder.get(digest, encoding) if folder else None
        if body is None:
            body = compress(data, encoding, highest=highest)
            if folder:
                folder.put(digest, encoding, body)
        cache.put(key, body)
    return body


def prerendered(app: Flask) -> frozenset[str]:
    """Hashes (as in the precache list) of every body rendered at start-up."""
    from .offline import precache, service_worker_body

    if precache.building():  # a request of the build itself
        return frozenset()
    manifest = precache.get(app)
    known = app.extensions.get("guide_prerendered")
    if known is None or known[0] is not manifest:

        revisions = {entry["revision"] for entry in manifest["shared"]}
        revisions |= {entry["revision"] for entries in manifest["locales"].values() for entry in entries}
        revisions.add(precache.revision(service_worker_body(app).encode()))
        known = app.extensions["guide_prerendered"] = (manifest, frozenset(revisions))
    return known[1]


def init_app(app: Flask) -> None:
    cache = app.extensions["guide_compressed"] = _COMPRESSED
    folder = SharedFolder(app.config["COMPRESSED_DIR"]) if app.config.get("COMPRESSED_DIR") else None
    highest = int(app.config.get("BROTLI_QUALITY", 11))

    @app.after_request
    def deliver(response):
        h = response.headers
        path = request.path
        if path.startswith(("/static/", HASHED)) or "Cache-Control" not in h:
            h["Cache-Control"] = cache_control(path, response.status_code)
        if response.status_code != 200:
            return response
        if response.direct_passthrough:  # a static file: read it so it can be hashed and compressed
            response.direct_passthrough = False
        data = response.get_data()
        mimetype = response.mimetype or ""
        compressible = len(data) >= MIN_SIZE and mimetype.startswith(COMPRESSIBLE)
        if compressible:  # before any 304, which must name the same Vary as the 200
            h.add("Vary", "Accept-Encoding")
        digest = _digest(data)
        if request.method in ("GET", "HEAD"):
            h.pop("ETag", None)
            response.set_etag(digest[:24], weak=True)
            response.make_conditional(request)
            if response.status_code != 200:
                return response
        encoding = _encoding() if compressible else None
        if encoding is None:
            return response
        if digest[:16] in prerendered(app):
            body = kept(cache, folder, data, digest, encoding, highest)
        else:
            body = compress(data, encoding, fast=True)
        response.set_data(body)
        h["Content-Encoding"] = encoding
        return response


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
