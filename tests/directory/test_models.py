"""directory.yaml: the shipped entries are real and read their numbers from helplines.yaml; a
broken entry stops start-up with `file:line: field: problem`."""

import io
import re

import pytest

from tests.conftest import ROOT
from tests.htmlparse import parse
from webapp import create_app
from webapp.content import ContentError, load
from webapp.content import vocabulary
from webapp.content.extract import extract_yaml

ICONS = ROOT / "static" / "icons" / "industries"

OWN_ENTRY = """
- id: example-legal
  name: Example Legal Aid
  description: Free legal help for workers.
  descriptions: {es: Ayuda legal gratuita para trabajadores.}
  services: [legal, immigration-legal]
  populations: [workers, immigrants]
  languages: [en, es, vi]
  area: [TX, OK]
  phones:
  - number: '+15125550100'
    display: 512-555-0100
    kind: voice
  text: {number: '+15125550100', keyword: HELP}
  web_url: https://example.org
  hours: Monday to Friday.
  law_enforcement: false
  source: https://example.org/about
  verified_on: 2026-01-15
"""


def replace_once(path, old, new):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_shipped_directory_is_the_national_lines_with_their_numbers():
    from webapp.content import DEFAULT_DIR

    data = load(DEFAULT_DIR, ICONS)
    assert len(data.directory) >= 10
    by_id = {o.id: o for o in data.directory}
    for o in data.directory:
        # Every shipped entry is a line of helplines.yaml: one source of truth for numbers.
        line = data.helplines[o.helpline]
        assert o.phones is line.phones and o.text is line.text
        assert (o.name, o.law_enforcement, o.source, o.verified_on) == \
               (line.name, line.law_enforcement, line.source, line.verified_on)
        assert not o.synthetic and o.national
        assert o.services and o.populations
        # What Find services says about languages is what the Helplines page says.
        assert o.languages == line.staff_languages and o.languages_note == line.languages
        assert (vocabulary.INTERPRETATION in o.services) == line.interpreters
    assert by_id["hsi"].law_enforcement and by_id["fbi"].law_enforcement
    assert not by_id["nhth"].law_enforcement
    assert by_id["nhth"].voice.number == "+18883737888"
    assert "emergency" not in by_id  # 911 is not an organization that offers services


@pytest.mark.parametrize("old, new, field, problem", [
    ("services: [hotline, referrals]", "services: [hotline, referals]", "nhth.services[1]", "is not a service"),
    ("services: [hotline, referrals]", "services: [hotline, hotline]", "nhth.services[1]", "listed twice"),
    ("populations: [everyone]", "populations: []", "nhth.populations", "must not be empty"),
    ("area: national", "area: [TX, XX]", "nhth.area[1]", "state or territory code"),
    ("area: national", "area: texas", "nhth.area", "national or a list"),
    # A line's languages and interpreters are said once, in helplines.yaml.
    ("  helpline: nhth\n", "  helpline: nhth\n  languages: [en, es]\n", "nhth.languages", "comes from helplines.yaml"),
    ("services: [hotline, referrals]", "services: [hotline, referrals, interpretation]", "nhth.services",
     "comes from helplines.yaml (interpreters"),
    ("helpline: nhth", "helpline: nhtx", "nhth.helpline", "is not a helpline id"),
    ("  helpline: nhth\n", "  helpline: nhth\n  phones: []\n", "nhth.phones", "comes from helplines.yaml"),
    ("  helpline: nhth\n", "  helpline: nhth\n  serivces: [legal]\n", "nhth.serivces", "is not a known field"),
    ("  helpline: nhth\n", "  helpline: nhth\n  synthetic: maybe\n", "nhth.synthetic", "true or false"),
])
def test_bad_entry_names_file_line_and_field(content_copy, old, new, field, problem):
    path = content_copy / "directory.yaml"
    replace_once(path, old, new)
    with pytest.raises(ContentError) as info:
        load(content_copy, ICONS)
    err = info.value
    assert err.path.endswith("directory.yaml") and err.field == field, str(err)
    assert problem in err.problem
    assert re.match(r".*directory\.yaml:\d+: " + re.escape(field) + ": ", str(err))
    assert path.read_text().splitlines()[err.line - 1].strip(), "the line named holds the problem"


def test_an_entry_of_its_own(content_copy):
    path = content_copy / "directory.yaml"
    path.write_text(path.read_text() + OWN_ENTRY)
    org = {o.id: o for o in load(content_copy, ICONS).directory}["example-legal"]
    assert org.area == ("TX", "OK") and not org.national
    assert org.voice.href == "tel:+15125550100"
    assert org.text.href == "sms:+15125550100?body=HELP" and org.text.display == "512-555-0100"
    assert org.description_in("es") == "Ayuda legal gratuita para trabajadores."
    assert org.description_in("fr") is None


@pytest.mark.parametrize("old, new, field, problem", [
    ("display: 512-555-0100", "display: 512-555-0199", "example-legal.phones[0].display", "same digits"),
    ("number: '+15125550100'\n", "number: '+1512555010'\n", "example-legal.phones[0].number", "E.164"),
    ("{es: Ayuda", "{xx: Ayuda", "example-legal.descriptions.xx", "not a locale"),
    ("description: Free legal help for workers.", "description: Call 512-555-0100 for help.",
     "example-legal.description", "phone number"),
    ("  law_enforcement: false\n", "", "example-legal.law_enforcement", "is required"),
    ("verified_on: 2026-01-15", "verified_on: 2999-01-15", "example-legal.verified_on", "in the future"),
    ("languages: [en, es, vi]", "languages: [en, klingon]", "example-legal.languages[1]", "language code"),
    ("  web_url: https://example.org\n", "  web_url: http://example.org\n", "example-legal.web_url", "https://"),
    # Control and bidirectional control characters, in any text (YAML writes them as escapes).
    ("name: Example Legal Aid", 'name: "Example\\0 Legal Aid"', "example-legal.name", "control character U+0000"),
    ("description: Free legal help for workers.", 'description: "Free legal help\\u202e for workers."',
     "example-legal.description", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("{es: Ayuda legal gratuita para trabajadores.}", '{es: "\\u2067Ayuda legal gratuita para trabajadores."}',
     "example-legal.descriptions.es", "bidirectional control character U+2067"),
    ("hours: Monday to Friday.", 'hours: "Monday\\e[31m to Friday."', "example-legal.hours", "control character U+001B"),
    ("source: https://example.org/about", 'source: "https://example.org/about\\x7f"', "example-legal.source",
     "control character U+007F"),
    # A number is shown as written: only digits, spaces and + - ( ) . in it.
    ("display: 512-555-0100", "display: =512*555*0100", "example-legal.phones[0].display", "'=', '*'"),
    ("    kind: voice\n", "    kind: voice\n    vanity: 1-512-555-01OO<b>\n", "example-legal.phones[0].vanity",
     "'<', '>'"),
])
def test_bad_entry_of_its_own(content_copy, old, new, field, problem):
    path = content_copy / "directory.yaml"
    path.write_text(path.read_text() + OWN_ENTRY)
    replace_once(path, old, new)
    with pytest.raises(ContentError) as info:
        load(content_copy, ICONS)
    assert info.value.field == field and problem in info.value.problem, str(info.value)


def test_an_entry_needs_a_way_to_reach_it(content_copy):
    path = content_copy / "directory.yaml"
    entry = re.sub(r"  phones:\n(    .*\n|  - .*\n)+", "", OWN_ENTRY)
    entry = entry.replace("  text: {number: '+15125550100', keyword: HELP}\n", "")
    entry = entry.replace("  web_url: https://example.org\n", "")
    path.write_text(path.read_text() + entry)
    with pytest.raises(ContentError, match=r"example-legal\.phones: an organization needs at least one way"):
        load(content_copy, ICONS)


def test_synthetic_entries_are_refused_unless_allowed(content_copy):
    path = content_copy / "directory.yaml"
    path.write_text(path.read_text() + OWN_ENTRY.replace("  name:", "  synthetic: true\n  name:"))
    with pytest.raises(ContentError, match=r"directory\.yaml:\d+: example-legal\.synthetic: .*benchmarks only"):
        create_app({"TESTING": True, "CONTENT_DIR": str(content_copy)})
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content_copy), "DIRECTORY_ALLOW_SYNTHETIC": True})
    assert "org-example-legal" in app.test_client().post("/en/services/", data={"state": "TX"}).data.decode()


def test_translatable_fields_are_extracted_but_not_per_locale_text():
    text = "- id: example-legal\n" + OWN_ENTRY.split("- id: example-legal\n", 1)[1]
    fileobj = io.BytesIO(text.encode())
    fileobj.name = "directory.yaml"
    messages = {m[2] for m in extract_yaml(fileobj, None, None, {})}
    assert messages == {"Example Legal Aid", "Free legal help for workers.", "Monday to Friday."}


def test_services_read_numbers_from_helplines_yaml(content_copy):
    path = content_copy / "helplines.yaml"
    path.write_text(path.read_text().replace('"+18883737888"', '"+18883737000"')
                    .replace('"1-888-373-7888"', '"1-888-373-7000"'))
    client = create_app({"TESTING": True, "CONTENT_DIR": str(content_copy)}).test_client()
    for lang in ("en", "ar"):
        page = client.get(f"/{lang}/services/").data.decode()
        card = parse(page).find("li", id="org-nhth")
        assert {a.attrs["href"] for a in card.find_all("a")} >= {"tel:+18883737000", "sms:233733?body=BeFree"}
        assert "7888" not in page
        index = client.get(f"/{lang}/services/index.json").data.decode()
        assert "+18883737000" in index and "7888" not in index
