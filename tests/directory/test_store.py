"""directory.yaml as records: one fixed layout, so the same data always gives the same file."""

import pytest

from webapp.content import DEFAULT_DIR, ContentError
from webapp.directory import store

RECORD = {
    "verified_on": "2026-01-15", "source": "https://example.org/about", "law_enforcement": False,
    "phones": [{"kind": "tty", "display": "711", "number": "711"},
               {"kind": "voice", "display": "512-555-0100", "number": "+15125550100"}],
    "descriptions": {"fr": "Aide juridique.", "es": "Ayuda legal."},
    "area": ["TX"], "languages": ["en"], "populations": ["workers"], "services": ["legal"],
    "description": "Legal help.", "name": "Example", "id": "example", "chat_url": "", "synthetic": False,
}


def test_the_shipped_file_is_in_the_written_layout():
    path = store.path_in(DEFAULT_DIR)
    assert store.dump(store.read(path)) == path.read_text(encoding="utf-8")


def test_fields_phones_and_descriptions_are_written_in_one_order(tmp_path):
    text = store.dump([RECORD])
    assert text.startswith(store.HEADER)
    body = text[len(store.HEADER):]
    keys = [line.split(":")[0].strip("- ") for line in body.splitlines() if line.startswith(("- ", "  ")) and
            not line.startswith("  - ") and not line.startswith("    ")]
    assert keys == ["id", "name", "description", "descriptions", "services", "populations", "languages",
                    "area", "phones", "law_enforcement", "source", "verified_on"]
    assert body.index("kind: voice") < body.index("kind: tty")
    assert body.index("es: Ayuda") < body.index("fr: Aide")
    assert "chat_url" not in body and "synthetic" not in body      # empty fields are left out
    path = tmp_path / store.FILENAME
    path.write_text(text, encoding="utf-8")
    again = store.read(path)
    assert store.dump(again) == text
    assert again[0]["phones"][0] == {"number": "+15125550100", "display": "512-555-0100", "kind": "voice"}


def test_a_file_that_is_not_a_list_is_named(tmp_path):
    path = tmp_path / store.FILENAME
    path.write_text("id: lonely\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"directory\.yaml:1: \(file\): must be a list"):
        store.read(path)
