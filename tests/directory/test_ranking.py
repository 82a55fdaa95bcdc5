"""Never the wrong door: the ranking rules of the search, checked on the server's search and on
the browser's (static/js/directory.js in Chromium) with one table, in every language.

- The default order puts the National Human Trafficking Hotline first and every
  law-enforcement line after every other line.
- A search only brings law enforcement first when its words name the agency or ask to report a
  crime (police, FBI, ICE, report... in the reader's language or in English).
- Immigration words, and the everyday words for common needs (lawyer, visa, shelter, wages,
  injury, doctor, interpreter), find help that is not law enforcement, in every language.
"""

from __future__ import annotations

import pytest
from babel.support import Translations

from tests.directory.helpers import RUN, build_index, org, python_run
from webapp import locales
from webapp.content import vocabulary

pytestmark = pytest.mark.browser

LANGS = [loc.code for loc in locales.served() if loc.code != locales.PSEUDO]
NEEDS = ["immigration-legal", "legal", "shelter-housing", "labor-rights", "workplace-safety", "medical",
         "interpretation"]


def translated(app, code: str, message: str) -> str:
    loc = locales.BY_CODE[code]
    return Translations.load(app.config["TRANSLATIONS_DIR"], [loc.babel]).ugettext(message)


def first_word(app, code: str, message: str) -> str:
    return vocabulary.words(translated(app, code, message))[0]


def is_police(index: dict, ident: str) -> bool:
    return bool(index["orgs"]["police"][index["orgs"]["id"].index(ident)])


def check(index: dict, ids: list[str], rule: str) -> None:
    police = [is_police(index, i) for i in ids]
    if rule == "hotline-first":
        assert ids and ids[0] == "nhth", ids
        assert police == sorted(police), f"a law-enforcement line before another line: {ids}"
    elif rule == "help-first":
        assert ids, "no result"
        assert not police[0], f"law enforcement first: {ids}"
        assert police == sorted(police), f"a law-enforcement line before another line: {ids}"
    elif rule == "police-first":
        assert ids and police[0], f"asked for law enforcement, got {ids}"
    else:
        raise AssertionError(rule)


# (locale, params, rule, an id that must be among the results or None)
TABLE = [
    ("en", {}, "hotline-first", None),
    ("en", {"q": "immigration"}, "help-first", "nhth"),
    ("en", {"q": "Immigration"}, "help-first", "nhth"),
    ("en", {"q": "deportation"}, "help-first", "nhth"),
    ("es", {"q": "inmigración"}, "help-first", "nhth"),
    ("es", {"q": "INMIGRACION"}, "help-first", "nhth"),
    ("en", {"q": "lawyer"}, "help-first", "nhth"),
    ("en", {"q": "visa"}, "help-first", "nhth"),
    ("es", {"q": "abogado"}, "help-first", "nhth"),
    ("en", {"q": "legal help, shelter"}, "help-first", "nhth"),
    ("en", {"q": "shelter"}, "help-first", "nhth"),
    ("en", {"q": "housing"}, "help-first", "nhth"),
    ("en", {"q": "wages"}, "help-first", "whd"),
    ("en", {"q": "unpaid pay"}, "help-first", "whd"),
    ("en", {"q": "injury"}, "help-first", "osha"),
    ("en", {"q": "doctor"}, "help-first", "nhth"),
    ("en", {"q": "interpreter"}, "help-first", "nhth"),
    ("en", {"service": "report-crime"}, "help-first", "ncmec"),
    ("en", {"q": "police"}, "police-first", "hsi"),
    ("en", {"q": "FBI"}, "police-first", "fbi"),
    ("en", {"q": "ice"}, "police-first", "hsi"),
    ("en", {"q": "HSI"}, "police-first", "hsi"),
    ("en", {"q": "report"}, "hotline-first", "whd"),
    ("en", {"q": "repor"}, "hotline-first", "osha"),
    ("es", {"q": "policía"}, "police-first", "hsi"),
    ("es", {"q": "denunciar"}, "hotline-first", "whd"),
]


@pytest.mark.parametrize("lang, params, rule, member", TABLE, ids=lambda v: str(v)[:30])
def test_ranking_table(js, client, lang, params, rule, member):
    index = client.get(f"/{lang}/services/index.json").get_json()
    for ids in (python_run(index, params)["ids"], js.evaluate(RUN, [index, params])["ids"]):
        check(index, ids, rule)
        if member:
            assert member in ids


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_finds_help_for_its_own_words(js, app, client, lang):
    """The first word a translator gave for each need, and for the police, in that language."""
    index = client.get(f"/{lang}/services/index.json").get_json()
    cases = [({}, "hotline-first")]
    cases += [({"q": first_word(app, lang, vocabulary.SERVICE_WORDS[s])}, "help-first") for s in NEEDS]
    cases.append(({"q": first_word(app, lang, vocabulary.ENFORCEMENT_WORDS)}, "police-first"))
    for params, rule in cases:
        for ids in (python_run(index, params)["ids"], js.evaluate(RUN, [index, params])["ids"]):
            check(index, ids, rule)
        if rule == "help-first" and params["q"] in vocabulary.words(
                translated(app, lang, vocabulary.SERVICE_WORDS["immigration-legal"])):
            assert "nhth" in python_run(index, params)["ids"]


def test_a_regions_immigration_lawyer_comes_before_ice(js, app):
    """With a deployer's organizations: immigration words find the legal help and the hotline,
    and the enforcement line that also matches comes last, in both searches."""
    orgs = [
        org("ice-office", name="Immigration and Customs Enforcement office", law_enforcement="immigration",
            services=("report-crime",), descriptions=(("es", "Servicio de Inmigración y Control de Aduanas."),)),
        org("legal-aid", name="Example Legal Aid", services=("immigration-legal",)),
        org("hotline", name="Example Hotline", services=("hotline", "referrals"), priority=3),
    ]
    for lang in ("en", "es"):
        index = build_index(app, orgs, lang)
        q = first_word(app, lang, vocabulary.SERVICE_WORDS["immigration-legal"])
        for ids in (python_run(index, {"q": q})["ids"], js.evaluate(RUN, [index, {"q": q}])["ids"]):
            assert ids == ["hotline", "legal-aid", "ice-office"]
        for ids in (python_run(index, {})["ids"], js.evaluate(RUN, [index, {}])["ids"]):
            assert ids == ["hotline", "legal-aid", "ice-office"]
        police = first_word(app, lang, vocabulary.ENFORCEMENT_WORDS)
        assert python_run(index, {"q": police})["ids"][:1] == ["ice-office"]
