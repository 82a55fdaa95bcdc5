"""A broken content file stops start-up with a message naming file, line and field."""

import re

import pytest

from webapp import create_app
from webapp.content import ContentError, load
from tests.conftest import ROOT

ICONS = ROOT / "static" / "icons" / "industries"


def line_of(path, needle: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def replace_once(path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1))


def test_shipped_content_loads():
    from webapp.content import DEFAULT_DIR

    data = load(DEFAULT_DIR, ICONS)
    assert "nhth" in data.helplines
    assert len(data.questions) >= 10
    assert len(data.resources) == 8
    seed = [i.id for i in data.industries if i.seed]
    assert len(seed) == 7


@pytest.mark.parametrize("old, new, field, problem", [
    ('display: "1-888-373-7888"', 'display: "1-888-373-7889"', "nhth.phones[0].display", "same digits"),
    ('number: "+18883737888"', 'number: "+1888373788"', "nhth.phones[0].number", "E.164"),
    ("verified_on: 2026-11-28", "verified_on: 2026-13-40", "nhth.verified_on", "not a date"),
    ("verified_on: 2026-11-28", "verified_on: 2999-01-01", "nhth.verified_on", "in the future"),
    ("law_enforcement: false", "law_enforcement: maybe", "nhth.law_enforcement", "true or false"),
    ("kind: voice", "kind: fax", "nhth.phones[0].kind", "not one of"),
    ("source: https://humantraffickinghotline.org/about-us/what-we-do",
     "source: humantraffickinghotline.org", "nhth.source", "https://"),
    ("  featured: true\n  name: National", "  featured: true\n  nmae: National", "nhth.name", "is required"),
    ("    keyword: BeFree", "    keyword: Be Free", "nhth.text.keyword", "one word"),
    # A promise is shown only with the page that makes it.
    ("      source: https://humantraffickinghotline.org/faqs/hotline-faqs\n    - claim: confidential",
     "    - claim: confidential", "nhth.promises[0].source", "is required"),
    ("    - claim: confidential\n      source: https://humantraffickinghotline.org/about-us/our-approach",
     "    - claim: discreet\n      source: https://humantraffickinghotline.org/about-us/our-approach",
     "nhth.promises[1].claim", "not one of"),
    ("  law_enforcement: immigration", "  law_enforcement: immigration\n  promises:\n    - claim: not-law-enforcement\n"
     "      source: https://www.dhs.gov/hsi/tipline", "hsi.promises[0].claim", "cannot promise"),
    ('vanity: "1-844-7NATIVE"', 'vanity: "1-844-7NATIVA"', "stronghearts.phones[0].vanity", "keypad"),
    ("  staff_languages: [en, es]\n  interpreters: true\n  notes:", "  staff_languages: [en, klingon]\n"
     "  interpreters: true\n  notes:", "nhth.staff_languages[1]", "language code"),
    ("  languages: Interpreters speak more than 200 languages.\n", "", "eeoc.interpreters",
     "says so to readers in `languages`"),
    ("  law_enforcement: federal\n", "  law_enforcement: federal\n  in_every_search: true\n",
     "fbi.in_every_search", "never shown in every search"),
])
def test_bad_helpline_names_file_line_and_field(content_copy, old, new, field, problem):
    path = content_copy / "helplines.yaml"
    replace_once(path, old, new)
    with pytest.raises(ContentError) as info:
        load(content_copy, ICONS)
    err = info.value
    assert err.path.endswith("helplines.yaml")
    assert err.field == field
    assert problem in err.problem
    assert re.match(r".*helplines\.yaml:\d+: " + re.escape(field) + ": ", str(err))
    assert err.line > 1


def test_error_points_at_the_right_line(content_copy):
    path = content_copy / "helplines.yaml"
    replace_once(path, 'display: "1-866-487-9243"', 'display: "1-866-487-0000"')
    expected = line_of(path, 'display: "1-866-487-0000"')
    with pytest.raises(ContentError) as info:
        load(content_copy, ICONS)
    assert info.value.line == expected
    assert info.value.field == "whd.phones[0].display"


def test_unknown_field_is_rejected(content_copy):
    path = content_copy / "helplines.yaml"
    replace_once(path, "  law_enforcement: false\n", "  law_enforcement: false\n  lawenforcement: true\n")
    with pytest.raises(ContentError, match=r"nhth\.lawenforcement: is not a known field"):
        load(content_copy, ICONS)


def test_number_inside_translatable_text_is_rejected(content_copy):
    path = content_copy / "faq.yaml"
    text = path.read_text()
    first_answer_line = next(l for l in text.splitlines() if l.startswith("    - "))
    replace_once(path, first_answer_line, "    - Call 1-888-373-7888 now.")
    with pytest.raises(ContentError, match=r"faq\.yaml:\d+: [a-z-]+\.answer\[0\]: must not contain a phone number"):
        load(content_copy, ICONS)


def test_markup_in_text_is_rejected(content_copy):
    path = content_copy / "signs.yaml"
    text = path.read_text()
    first_sign = next(l for l in text.splitlines() if l.startswith("    - "))
    replace_once(path, first_sign, "    - <script>alert(1)</script>")
    with pytest.raises(ContentError, match="must not contain an HTML tag"):
        load(content_copy, ICONS)


def test_yaml_syntax_error_names_line(content_copy):
    path = content_copy / "industries.yaml"
    path.write_text("- id: farm\n  name: [unclosed\n")
    with pytest.raises(ContentError) as info:
        load(content_copy, ICONS)
    assert info.value.path.endswith("industries.yaml")
    assert info.value.field == "(syntax)"
    assert info.value.line >= 2


def test_duplicate_id_is_rejected(content_copy):
    path = content_copy / "helplines.yaml"
    replace_once(path, "- id: stronghearts", "- id: nhth")
    with pytest.raises(ContentError, match="'nhth' is used twice"):
        load(content_copy, ICONS)


def test_faq_must_name_existing_helplines(content_copy):
    path = content_copy / "faq.yaml"
    replace_once(path, "[nhth", "[nosuchline")
    with pytest.raises(ContentError, match="'nosuchline' is not a helpline id"):
        load(content_copy, ICONS)


def test_app_does_not_start_with_broken_content(content_copy):
    replace_once(content_copy / "helplines.yaml", 'display: "1-888-373-7888"', 'display: "1-888-373-0000"')
    with pytest.raises(ContentError, match=r"helplines\.yaml:\d+: nhth\.phones\[0\]\.display"):
        create_app({"TESTING": True, "CONTENT_DIR": str(content_copy)})


@pytest.mark.parametrize("text", [
    "If you are in danger, call 911 right away.",
    "Call or text 988 for a counselor.",
    "Deaf callers can use 711.",
    "Text the word HELP to 233733.",
])
def test_short_codes_inside_translatable_text_are_rejected(content_copy, text):
    path = content_copy / "faq.yaml"
    replace_once(path, "  question: What if I am in danger right now?", f"  question: {text}")
    with pytest.raises(ContentError, match=r"danger-now\.question: must not contain a short code"):
        load(content_copy, ICONS)


@pytest.mark.parametrize("text", ["It began in 2017 and counted 32,000 cases.", "Work 40 hours, file within 180 days."])
def test_years_and_counts_are_not_short_codes(content_copy, text):
    path = content_copy / "faq.yaml"
    replace_once(path, "  question: What if I am in danger right now?", f"  question: {text}")
    load(content_copy, ICONS)


def test_the_loader_keeps_every_line_and_reads_yaml_as_yaml():
    from webapp.content import yamlfile

    text = ("# a comment\n- id: one\n  list: [a, 'b', 2026-01-15, 3, true, null]\n  nested:\n    key: |\n"
            "      two lines\n      here\n- &entry {id: two}\n- *entry\n")
    data = yamlfile.loads(text, "t.yaml")
    assert data == [{"id": "one", "list": ["a", "b", "2026-01-15", 3, True, None],
                     "nested": {"key": "two lines\nhere\n"}}, {"id": "two"}, {"id": "two"}]
    # Lines of the list's items, of a mapping and of each of its values (what problems name).
    assert data.lines == [2, 8, 9] and data[0].line == 2
    assert data[0].lines == {"id": 2, "list": 3, "nested": 5} and data[0]["nested"].lines == {"key": 5}
    assert data[0]["list"].lines == [3] * 6
    for bad, line, problem in [("a: 1\nb: 2\na: 3\n", 3, "appears twice"),
                               ("- a\n---\n- b\n", 2, "single document"),
                               ("x: !python/object 1\n", 1, "constructor"),
                               ("x: *nowhere\n", 1, "alias")]:
        with pytest.raises(ContentError) as info:
            yamlfile.loads(bad, "t.yaml")
        assert info.value.line == line and problem in info.value.problem, (bad, str(info.value))
    assert yamlfile.loads("", "t.yaml") is None
