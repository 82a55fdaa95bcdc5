"""The guide as one file as a browser holds it once file-unpack.js has run, for the tests that
read it without a browser: #file-packed (base64 of zlib-deflated JSON) unpacked with Python's
own base64, zlib and json; each of its "fill" contents put into the empty element of that id,
each of its "run" scripts added at the end of the body."""

from __future__ import annotations

import base64
import json
import re
import zlib

PACKED = re.compile(r'<script type="text/plain" id="file-packed">([A-Za-z0-9+/=]*)</script>')


def unpack(html: str) -> dict:
    """{"fill": {id: content}, "run": [script, ...]}, as packed in the file."""
    return json.loads(zlib.decompress(base64.b64decode(PACKED.search(html).group(1))).decode("utf-8"))


def unpacked(html: str | bytes) -> str:
    html = html.decode("utf-8") if isinstance(html, bytes) else html
    parts = unpack(html)
    for ident, content in parts["fill"].items():
        empty = re.compile(r'(<(\w+)\b[^>]*\sid="%s"[^>]*>)(</\2>)' % re.escape(ident))
        assert len(empty.findall(html)) == 1, ident      # one element, empty in the file
        html = empty.sub(lambda m: m.group(1) + content + m.group(3), html)
    scripts = "".join(f"<script>{code}</script>" for code in parts["run"])
    return html.replace("</body>", scripts + "</body>")
