"""Helpers for the directory tests: organizations made in code, and their index in a locale."""

from __future__ import annotations

import json
from datetime import date

from flask import g

from webapp import locales
from webapp.content.directory import Organization
from webapp.content.models import Phone, TextLine
from webapp.directory import index, search

# The browser's search (static/js/directory.js), called with any index.
RUN = "([index, params]) => GuideDirectory.run(index, params)"


def python_run(index: dict, params: dict) -> dict:
    """The server's search, answering as GuideDirectory.run does."""
    query = search.parse(index, params)
    order = search.search(index, query)
    return {"ids": [index["orgs"]["id"][i] for i in order], "terms": query.terms,
            "pages": [index["pages"][i][0] for i in search.pages(index, query)],
            "truncated": query.truncated, "noTerms": query.no_terms, "q": query.q,
            "state": query.state, "service": query.service, "population": query.population,
            "language": query.language, "page": query.page, "others": search.others_found(index, order)}


def org(ident: str, name: str = "Example", description: str = "Helps people.", **fields) -> Organization:
    values = dict(
        id=ident, name=name, description=description, descriptions=(), services=("legal",),
        populations=("workers",), languages=("en",), area=(),
        phones=(Phone("+15125550100", "512-555-0100", "voice"),), text=None, chat_url=None,
        web_url=None, email=None, hours=None, law_enforcement=False,
        source="https://example.org/source", verified_on=date(2026, 1, 15), synthetic=True,
    )
    values.update(fields)
    return Organization(**values)


def build_index(app, orgs, code: str = "en") -> dict:
    """The index of `orgs` as the app builds it for a locale, through JSON (as the browser gets it)."""
    with app.test_request_context(f"/{code}/services/"):
        g.locale = locales.BY_CODE[code]
        return json.loads(index.Index(index.build(tuple(orgs), g.locale)).json)


def file_index(client, code: str) -> dict:
    """The search index that the guide as one file (/<code>/file/) carries (packed)."""
    from tests.file.packed import unpack

    return json.loads(unpack(client.get(f"/{code}/file/").get_data(as_text=True))["fill"]["directory-index"])


__all__ = ["org", "build_index", "file_index", "python_run", "RUN", "Phone", "TextLine"]
