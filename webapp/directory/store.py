"""directory.yaml as plain records (one dict per organization, shaped like the file): read
them for export, write them back in one fixed layout. Validation is not done here: the app
validates the file at start-up (webapp/content/directory.py), and importer.py before it
replaces the file.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import yaml

from ..content import directory as models
from ..content import yamlfile
from ..content.models import PHONE_KINDS
from ..content.yamlfile import ContentError

FILENAME = "directory.yaml"

HEADER = """\
# The directory of services shown on the "Find services" page, in every language and offline.
# Modeled on Open Referral HSDS. Validated at start-up: a problem stops the app with
# `file:line: field: problem`. Deployers: `flask directory export` writes it as CSV and
# `flask directory import FILE.csv` replaces it (see README, "Directory CSV for deployers").
#
#   id            lowercase-hyphenated, unique
#   helpline      id in helplines.yaml: name, description, numbers, hours, languages (staff and
#                 interpreters: the "interpretation" service), law_enforcement, source and
#                 verified_on then come from there (one source of truth for numbers and languages)
#   name, description, hours   translatable text (extracted into messages.pot)
#   descriptions  optional text already written per locale, e.g. {es: "...", fr: "..."}
#   services      ids from webapp/content/vocabulary.py SERVICES
#   populations   ids from POPULATIONS ("everyone" matches every population filter)
#   languages     BCP 47 codes spoken by staff (en, es, zh-Hans...); the "interpretation"
#                 service means interpreters for other languages (not with helpline)
#   area          national, or a list of two-letter state or territory codes
#   phones        number (E.164 or short code), display (as published), kind (voice|tty|video|abroad)
#   text          number and optional keyword;  chat_url, web_url, email: as published
#   law_enforcement  no, yes (police), federal, immigration or emergency: labelled on every result
#   source, verified_on   where the facts were checked, and when
#
# Only real organizations with published facts: never an invented name, number or address.
"""


def path_in(content_dir: Path | str) -> Path:
    return Path(content_dir) / FILENAME


# -- reading ---------------------------------------------------------------------------------
def plain(value):
    """A line-aware node as plain Python data."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def read(path: Path) -> list[dict]:
    """The records of a directory file, as written (not validated)."""
    data = yamlfile.load(path)
    if not isinstance(data, list):
        raise ContentError(path, 1, "(file)", "must be a list of entries")
    return [plain(r) for r in data]


# -- writing ---------------------------------------------------------------------------------
# libyaml's emitter when PyYAML has it: the same text as the pure-Python one, about twenty
# times faster (a 10,000-row import spent most of its time here).
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    pass


def _represent_list(dumper, data):
    # Lists of plain values on one line ([legal, shelter]); lists of mappings (phones) as blocks.
    flow = all(not isinstance(v, (dict, list, tuple)) for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_dict(dumper, data):
    return dumper.represent_mapping("tag:yaml.org,2002:map", list(data.items()), flow_style=False)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(tuple, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


def canonical(record: dict) -> dict:
    """A record with its fields, phones and descriptions in one fixed order, so the same data
    always gives the same file (an export then import changes no byte)."""
    out = {}
    for key in models.FIELDS:
        if key not in record or record[key] in (None, "", [], {}):
            continue
        value = record[key]
        if key == "phones":
            order = {kind: i for i, kind in enumerate(PHONE_KINDS)}
            value = sorted(value, key=lambda p: order.get(p.get("kind"), len(order)))
            value = [{k: p[k] for k in ("number", "display", "kind", "vanity") if p.get(k)} for p in value]
        elif key == "descriptions":
            order = {code: i for i, code in enumerate(models.locales_for_text())}
            value = {k: value[k] for k in sorted(value, key=lambda c: order.get(c, len(order)))}
        elif key == "text":
            value = {k: value[k] for k in ("number", "keyword") if value.get(k)}
        elif key == "verified_on" and isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                pass
        elif key == "synthetic" and not value:
            continue
        out[key] = value
    return out


def as_read(record: dict) -> dict:
    """What reading an entry written from `record` gives: its canonical form, with dates as
    text (the loader leaves dates to the models)."""
    return {key: value.isoformat() if isinstance(value, date) else value
            for key, value in canonical(record).items()}


def entry(record: dict) -> str:
    """One entry of a directory file: `- id: ...` and its fields."""
    return yaml.dump([canonical(record)], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)


def write(records, out) -> None:
    """A directory file holding `records` (any iterable), one blank line between entries,
    written to `out` one entry at a time: the whole text is never held in memory."""
    out.write(HEADER)
    for record in records:
        out.write("\n")
        out.write(entry(record))


def dump(records: list[dict]) -> str:
    """The text of a directory file holding `records`."""
    buffer = io.StringIO()
    write(records, buffer)
    return buffer.getvalue()
