"""Babel extractor for the content YAML files: every translatable field becomes a message,
with the file's id and field as a translator comment so context survives in Poedit."""

from __future__ import annotations

import os
from pathlib import Path

from . import yamlfile

# Per file, the fields that readers see as prose. Everything else (ids, numbers, URLs,
# dates, publication titles) is data and never reaches a translator.
TRANSLATABLE: dict[str, frozenset[str]] = {
    "helplines.yaml": frozenset({"name", "short_name", "description", "hours", "languages", "notes",
                                 "caveat", "audience"}),
    "industries.yaml": frozenset({"name", "summary", "examples"}),
    "signs.yaml": frozenset({"title", "intro", "signs"}),
    "faq.yaml": frozenset({"question", "answer"}),
    "resources.yaml": frozenset({"publisher", "description"}),
    "quote.yaml": frozenset({"text", "attribution"}),
    # Per-locale `descriptions` are already written in their language: not extracted.
    "directory.yaml": frozenset({"name", "description", "hours"}),
    "referral_directories.yaml": frozenset({"name", "description"}),
    "selfcheck.yaml": frozenset({"title", "question", "sign"}),
}


def _walk(node, fields, context):
    if isinstance(node, yamlfile.Node):
        ident = node.get("id") if isinstance(node.get("id"), str) else context
        for key, value in node.items():
            where = f"{ident}.{key}" if ident else key
            if key in fields and isinstance(value, str) and value.strip():
                yield node.line_of(key), value.strip(), where
            elif key in fields and isinstance(value, yamlfile.Items):
                for line, item in zip(value.lines, value):
                    if isinstance(item, str) and item.strip():
                        yield line, item.strip(), where
            else:
                yield from _walk(value, fields, ident)
    elif isinstance(node, yamlfile.Items):
        for item in node:
            yield from _walk(item, fields, context)


def extract_yaml(fileobj, keywords, comment_tags, options):
    """Babel extraction method `webapp.content.extract:extract_yaml`."""
    name = os.path.basename(getattr(fileobj, "name", "") or options.get("filename", ""))
    fields = TRANSLATABLE.get(name)
    if fields is None:
        return
    raw = fileobj.read()
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    data = yamlfile.loads(text, Path(name))
    for line, message, where in _walk(data, fields, ""):
        yield line, "gettext", message, [f"TRANSLATORS: {name} {where}"]
