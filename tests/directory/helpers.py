"""Helpers for the directory tests: organizations made in code, and their index in a locale."""

from __future__ import annotations

import json
from datetime import date

from flask import g

from webapp import locales
from webapp.content.directory import Organization
from webapp.content.models import Phone, TextLine
from webapp.directory import index


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


__all__ = ["org", "build_index", "Phone", "TextLine"]
