"""Terms that must stay distinct in the translations (TRANSLATING.md, "Terms that must stay
distinct"). A review corrected these wordings; these tests keep a later update, a merge or a
machine pre-translation from bringing them back."""

import re

import pytest

from tests.conftest import ROOT
from webapp import locales, translate

GLOSSARY_HEADING = "## Terms that must stay distinct"


def messages(code, shown_only: bool = False):
    """(English, translation) for every translated message of a shipped locale, plurals included.
    shown_only leaves out the search-word lists of vocabulary.py, which readers never see: they
    name every kind of line on purpose, so that a reader's word finds it."""
    loc = locales.BY_CODE[code]
    catalog = translate._read(translate.po_path(ROOT / "translations", loc), loc.babel)
    for message in catalog:
        if not message.id:
            continue
        if shown_only and all(path.endswith("content/vocabulary.py") for path, _ in message.locations) \
                and message.id.count(",") >= 2:
            continue
        english = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            if string:
                yield english, string


# French: "porter plainte" (or "une plainte") is a criminal complaint to police or a prosecutor,
# which puts off workers who fear police. A complaint to an agency is "une réclamation" or
# "signaler". Only a message whose English itself means a criminal complaint may say "plainte".
FR_PLAINTE = re.compile(r"\bplaintes?\b", re.IGNORECASE)
FR_CRIMINAL_ENGLISH = re.compile(r"criminal complaint|police report|press charges", re.IGNORECASE)
# Portuguese: "tráfico" alone reads as drug trafficking; it is always "tráfico de pessoas".
PT_BARE_TRAFICO = re.compile(r"\btráfico\b(?! de pessoas)", re.IGNORECASE)


def french_criminal_complaints(pairs):
    return [(en, fr) for en, fr in pairs if FR_PLAINTE.search(fr) and not FR_CRIMINAL_ENGLISH.search(en)]


def portuguese_bare_trafico(pairs):
    return [(en, pt) for en, pt in pairs if PT_BARE_TRAFICO.search(pt)]


@pytest.mark.parametrize("english, french, found", [
    ("Complain about unpaid wages.", "Portez plainte pour un salaire non payé.", True),
    ("Where to complain", "Où porter plainte", True),
    ("You usually have 180 days to file a complaint.", "Vous avez 180 jours pour déposer une plainte.", True),
    ("Where to complain", "Où déposer une réclamation", False),
    ("If you complain", "Si vous vous plaignez", False),
    ("You can make a criminal complaint to the police.", "Vous pouvez porter plainte à la police.", False),
])
def test_french_complaint_rule_tells_agency_from_criminal_complaints(english, french, found):
    assert bool(french_criminal_complaints([(english, french)])) is found


@pytest.mark.parametrize("portuguese, found", [
    ("É tráfico se eu vim para cá legalmente?", True),
    ("Pode ser um sinal de tráfico.", True),
    ("O que é tráfico laboral", True),
    ("Tráfico é obrigar alguém a trabalhar.", True),
    ("É tráfico de pessoas se eu vim para cá legalmente?", False),
    ("Linha Nacional contra o Tráfico de Pessoas", False),
    ("Sinais de tráfico de pessoas para trabalho forçado", False),
])
def test_portuguese_trafico_rule_finds_the_bare_word(portuguese, found):
    assert bool(portuguese_bare_trafico([("Trafficking", portuguese)])) is found


def test_french_never_says_porter_plainte_for_an_agency():
    # Search words are left out: readers do type "plainte", and it must find the labor offices.
    assert french_criminal_complaints(messages("fr", shown_only=True)) == []


def test_portuguese_always_says_trafico_de_pessoas():
    assert portuguese_bare_trafico(messages("pt")) == []


# In these languages the usual word for "hotline" was also used for every other helpline, so
# "the hotline is not the police" could be read as covering every line, the ICE tip line
# included. Each mention of the National Human Trafficking Hotline names it (its full name, the
# English name or this short form), and the other helplines do not use its word.
HOTLINE_NAME = {
    "fr": r"Ligne nationale contre la traite",
    "ru": r"по борьбе с торговлей людьми",
    "tl": r"Hotline Laban sa (Human )?Trafficking",
    "zh-Hans": r"人口贩运热线",
}
HELPLINE_NOT = {"ru": r"горяч", "tl": r"hotline"}
# English messages that speak of the National Human Trafficking Hotline ("the hotline", "the
# hotline's number", "fake hotline calls"); other hotlines are named in full.
ABOUT_NHTH = re.compile(r"\bhotline\b", re.IGNORECASE)
OTHER_HOTLINES = re.compile(r"Childhelp|Domestic Violence|Tip line|^Hotline$")
# Generic helplines, not a line's own name such as "StrongHearts Native Helpline".
ABOUT_HELPLINES = re.compile(r"\bhelplines?\b|\bhelp lines\b|^Hotline$")
OWN_NAMES = re.compile(r"Native Helpline|Lifeline")


@pytest.mark.parametrize("code", sorted(HOTLINE_NAME))
def test_the_trafficking_hotline_is_named_distinctly(code):
    name = re.compile(HOTLINE_NAME[code] + "|National Human Trafficking Hotline")
    unnamed = [(en, tr) for en, tr in messages(code)
               if ABOUT_NHTH.search(en) and not OTHER_HOTLINES.search(en) and not name.search(tr)
               and "National Human Trafficking Hotline" not in tr]   # the English name is fine too
    assert unnamed == []


@pytest.mark.parametrize("code", sorted(HELPLINE_NOT))
def test_other_helplines_do_not_borrow_the_hotlines_word(code):
    word = re.compile(HELPLINE_NOT[code], re.IGNORECASE)
    borrowed = [(en, tr) for en, tr in messages(code, shown_only=True)
                if ABOUT_HELPLINES.search(en) and not OWN_NAMES.search(en) and word.search(tr)]
    assert borrowed == []


def test_glossary_covers_every_language():
    """Reviewers work from the glossary: a new language gets its terms there too."""
    text = (ROOT / "TRANSLATING.md").read_text(encoding="utf-8")
    assert GLOSSARY_HEADING in text
    glossary = text.split(GLOSSARY_HEADING, 1)[1].split("\n## ", 1)[0]
    headings = set(re.findall(r"^### .*\(`([^`]+)`\)", glossary, re.MULTILINE))
    expected = {loc.code for loc in locales.LOCALES if loc.code not in (locales.DEFAULT, locales.PSEUDO)}
    assert headings == expected
