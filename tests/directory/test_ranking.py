"""Never the wrong door: what a worker types in Find services, in every language, checked on the
server's search and on the browser's (static/js/directory.js in Chromium) with one hand-written
table (ranking_table.py).

- The National Human Trafficking Hotline is in every search's results, first unless the words
  name the police or an agency (police, sheriff, FBI, ICE, HSI... in the reader's language or
  in English); then that agency's line comes first.
- "report", "complaint", "denunciar", "queja" and the other words the guide teaches for
  complaints to labor offices never bring law enforcement forward: those offices come first.
- The everyday words for common needs find the line that meets them.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import build_index, file_index, org, python_run
from tests.directory.ranking_table import ENFORCEMENT, TABLE

pytestmark = pytest.mark.browser

# Every row of every language in one call: the whole table costs one round trip to Chromium.
RUN_TABLE = """(cases) => cases.map(([index, queries]) =>
    queries.map(q => GuideDirectory.run(index, {q}).ids))"""


def problems(lang: str, row: tuple, ids: list[str]) -> list[str]:
    words, first, *found = row
    where = f"{lang} {words!r} -> {ids}"
    out = []
    if ids[:1] != [first]:
        out.append(f"{where}: expected {first} first")
    if "nhth" not in ids:
        out.append(f"{where}: the hotline is missing")
    if first not in ENFORCEMENT:
        hotline = ids.index("nhth") if "nhth" in ids else len(ids)
        if any(i in ENFORCEMENT for i in ids[:hotline]):
            out.append(f"{where}: a law-enforcement line before the hotline, though no agency was named")
    else:
        police = [n for n, i in enumerate(ids) if i in ENFORCEMENT]
        if "nhth" in ids and police and ids.index("nhth") < max(police):
            out.append(f"{where}: the hotline before a law-enforcement line the reader named")
    out += [f"{where}: {i} not found" for i in found if i not in ids]
    return out


def test_the_table_covers_every_language(app):
    from webapp import locales

    shipped = {loc.code for loc in locales.served() if loc.code != locales.PSEUDO}
    assert shipped <= set(TABLE), shipped - set(TABLE)
    for lang, rows in TABLE.items():
        assert len(rows) >= 40, lang
        # Each language names the agencies and asks for help in its own words.
        assert sum(row[1] in ENFORCEMENT for row in rows) >= 6, lang
        assert sum(row[1] == "nhth" for row in rows) >= 30, lang


def test_ranking_table_in_both_searches(js, client):
    """On the site's index, and on the one the guide as one file carries (only what the search
    reads: its cards are in the page), in every language that has a file."""
    indexes = {lang: client.get(f"/{lang}/services/index.json").get_json() for lang in TABLE}
    in_file = {lang: file_index(client, lang) for lang in TABLE}
    found = []
    for lang, rows in TABLE.items():
        for row in rows:
            found += problems(lang, row, python_run(indexes[lang], {"q": row[0]})["ids"])
            found += [f"(file) {p}" for p in problems(lang, row, python_run(in_file[lang], {"q": row[0]})["ids"])]
    for where, chosen in (("browser", indexes), ("browser, file", in_file)):
        answers = js.evaluate(RUN_TABLE, [[chosen[lang], [row[0] for row in rows]] for lang, rows in TABLE.items()])
        for (lang, rows), ids_of_rows in zip(TABLE.items(), answers):
            for row, ids in zip(rows, ids_of_rows):
                found += [f"({where}) {p}" for p in problems(lang, row, ids)]
    assert not found, "\n".join(found)


# Filters and words together (state, service, language), with the whole expected order.
FILTERED = [
    ("en", {}, ["nhth", "stronghearts", "childhelp", "eeoc", "ncmec", "ndvh", "osha", "lifeline988", "whd",
                "fbi", "hsi"]),
    ("en", {"service": "report-crime"}, ["nhth", "ncmec", "fbi", "hsi"]),
    ("en", {"q": "police", "state": "TX"}, ["fbi", "hsi", "nhth", "ncmec"]),
    ("en", {"q": "report", "service": "labor-rights"}, ["nhth", "eeoc", "whd"]),
    ("en", {"q": "ice", "language": "es"}, ["hsi", "nhth"]),
    ("es", {"q": "queja", "population": "workers"}, ["nhth", "eeoc", "whd", "osha"]),
    ("es", {"q": "denunciar", "state": "CA"}, ["nhth", "ncmec", "eeoc", "whd", "osha", "fbi", "hsi"]),
]


@pytest.mark.parametrize("lang, params, expected", FILTERED, ids=lambda v: str(v)[:30])
def test_filters_keep_the_order(js, client, lang, params, expected):
    index = client.get(f"/{lang}/services/index.json").get_json()
    assert python_run(index, params)["ids"] == expected
    assert js.evaluate("([index, params]) => GuideDirectory.run(index, params).ids", [index, params]) == expected


def test_a_regions_immigration_lawyer_comes_before_ice(js, app):
    """With a deployer's organizations: immigration words find the legal help and the hotline,
    and the enforcement line that also matches comes last, in both searches; the word for the
    police brings it first."""
    orgs = [
        org("ice-office", name="Immigration and Customs Enforcement office", law_enforcement="immigration",
            services=("report-crime",), descriptions=(("es", "Servicio de Inmigración y Control de Aduanas."),)),
        org("legal-aid", name="Example Legal Aid", services=("immigration-legal",)),
        org("hotline", name="Example Hotline", services=("hotline", "referrals"), priority=3,
            in_every_search=True),
    ]
    run = "([index, params]) => GuideDirectory.run(index, params).ids"
    for lang, immigration, police, report in (("en", "immigration", "police", "report"),
                                              ("es", "inmigración", "policía", "denunciar")):
        index = build_index(app, orgs, lang)
        for params, expected in (({"q": immigration}, ["hotline", "legal-aid", "ice-office"]),
                                 ({}, ["hotline", "legal-aid", "ice-office"]),
                                 ({"q": police}, ["ice-office", "hotline"]),
                                 ({"q": report}, ["hotline", "ice-office"])):
            assert python_run(index, params)["ids"] == expected, (lang, params)
            assert js.evaluate(run, [index, params]) == expected, (lang, params)


# The everyday words for a lawyer and for a shelter in Thai and Hindi, as the shipped catalogs
# give them to Find services: (language, word, the need it names, the other need's word).
NEEDS = [
    ("th", "ทนาย", "legal", "ที่พัก"),
    ("th", "ที่พัก", "shelter-housing", "ทนาย"),
    ("hi", "वकील", "legal", "आश्रय"),
    ("hi", "आश्रय", "shelter-housing", "वकील"),
]


@pytest.mark.parametrize("lang, word, need, other", NEEDS, ids=[n[2] + "-" + n[0] for n in NEEDS])
def test_thai_and_hindi_words_find_their_help(js, client, lang, word, need, other):
    """On the index a reader's phone gets (/th/services/index.json: the shipped catalogs and
    directory), in both searches: the word finds the hotline by the needs it refers people to,
    not only because the hotline is in every search; and it is the word of that need (a
    deployer's legal aid or shelter would be found by it), not of the other one."""
    run = "([index, params]) => GuideDirectory.run(index, params).ids"
    index = client.get(f"/{lang}/services/index.json").get_json()
    nhth = index["orgs"]["id"].index("nhth")
    # Without the hotline's place in every search, only what the word itself finds is left.
    found_by_word = {**index, "always": []}
    # The hotline with nothing searchable but the one need's label and words.
    one_need = {**found_by_word, "orgs": {**index["orgs"]}}
    one_need["orgs"]["hay"] = [""] * len(index["orgs"]["hay"])
    one_need["orgs"]["services"] = [[] for _ in index["orgs"]["services"]]
    one_need["orgs"]["services"][nhth] = [[s[0] for s in index["services"]].index(need)]
    for idx, q, expected in ((found_by_word, word, ["nhth"]), (one_need, word, ["nhth"]),
                             (one_need, other, [])):
        assert python_run(idx, {"q": q})["ids"] == expected, ("python", lang, q, need)
        assert js.evaluate(run, [idx, {"q": q}]) == expected, ("browser", lang, q, need)
