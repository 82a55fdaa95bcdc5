"""The server side of Find services: normalization, the matching rules, the page as a GET form
(deep-linkable, in every locale), and odd queries that must get a clear answer, never an error."""

import re

import pytest

from tests.conftest import ROOT
from tests.directory.cases import CASES
from tests.directory.helpers import build_index, org
from tests.htmlparse import parse
from webapp import create_app, locales
from webapp.directory import search
from webapp.directory.search import normalize


@pytest.mark.parametrize("text, expected", [
    ("Línea NACIONAL", "linea nacional"),
    ("  hot-line!!  (24/7) ", "hot line 24 7"),
    ("Tiếng Việt", "tieng viet"),
    ("Được ĐI", "duoc di"),                # đ is written d by those who type without accents
    ("ÇA, Ôù", "ca ou"),
    ("العَرَبِيَّة", "العربية"),          # Arabic short vowels are marks: dropped
    ("法律援助，中心", "法律援助 中心"),   # CJK kept; its punctuation is a separator
    ("😀 help 🙏🏽", "help"),
    ("ﬁnd ① ＡＢＣ", "find 1 abc"),       # compatibility forms
    ("ΣΟΦΟΣ σοφος", "σοφοσ σοφοσ"),       # final sigma folded
    ("İstanbul", "istanbul"),
    # Thai and Devanagari vowel signs, tone marks and viramas are part of the word: kept.
    ("ที่พัก ทนาย", "ที่พัก ทนาย"),
    ("ทำงาน", "ท\u0e4d\u0e32งาน"),           # SARA AM, decomposed by NFKD (both sides alike)
    ("वकील आश्रय।", "वकील आश्रय"),             # the danda is punctuation
    ("मज़दूर", "मजदूर"),                       # but the nukta is optional in everyday Hindi
    # Scripts written without spaces are set apart from their neighbours, so each word is in
    # one kind of script.
    ("ทนายlawyer", "ทนาย lawyer"),
    ("找律师lawyer3号", "找律师 lawyer3 号"),
    ("under_score", "under score"),
    ("!!! ... ???", ""),
    ("", ""),
])
def test_normalize(text, expected):
    assert normalize(text) == expected


def shipped_index(app, code="en"):
    from webapp.content import DEFAULT_DIR, load

    return build_index(app, load(DEFAULT_DIR, ROOT / "static" / "icons" / "industries").directory, code)


def ids(index, **params):
    return [index["orgs"]["id"][i] for i in search.search(index, search.parse(index, params))]


def test_matching_rules_on_the_shipped_directory(app):
    index = shipped_index(app)
    everyone = ids(index)
    assert len(everyone) == len(index["orgs"]["id"]) >= 10
    assert ids(index, q="hotline") == ["nhth", "stronghearts", "childhelp", "ndvh", "lifeline988"]
    assert ids(index, q="ÉQUÀL") == ["nhth", "eeoc"]                  # accents and case ignored
    assert ids(index, q="hot-line!!") == ids(index, q="hot line")
    # The hotline is in every search, first: also when nothing else matches.
    assert ids(index, q="xyzzy") == ["nhth"]
    assert ids(index, q="human trafficking") == ["nhth"]             # every word must match
    assert ids(index, q="equal xyzzy") == ["nhth"]
    # Words match as words: `ice` is not inside "office", "police", "notice" or "service".
    assert ids(index, q="ice") == ids(index, q="ICE") == ["hsi", "nhth"]
    # "report" is what the guide teaches for complaints to the labor offices: the hotline and
    # those offices first, law enforcement last.
    assert ids(index, q="report") == ["nhth", "eeoc", "ncmec", "osha", "whd", "fbi", "hsi"]
    assert ids(index, q="police") == ["fbi", "hsi", "nhth", "ncmec"]   # named: the police first
    assert ids(index, q="hou") == ["nhth", "whd"]                    # the start of a word matches
    assert ids(index, q="our") == ["nhth"]                           # its inside does not
    # A language's name finds the lines whose staff speak it, then the lines with interpreters,
    # as the language filter does; law enforcement last.
    spanish = ["nhth", "lifeline988", "childhelp", "eeoc", "ndvh", "whd", "hsi"]
    assert ids(index, q="spanish") == spanish
    assert ids(index, language="es") == spanish
    assert ids(index, q="korean") == ["nhth", "childhelp", "eeoc", "ndvh", "lifeline988", "whd", "hsi"]
    assert ids(index, service="report-crime") == ["nhth", "ncmec", "fbi", "hsi"]
    # Unknown filter values are ignored, not an error.
    assert ids(index, state="ZZ", service="nope", language="tlh") == everyone
    # National organizations serve every state.
    assert ids(index, state="TX") == everyone


def test_search_uses_the_readers_language(app):
    es = shipped_index(app, "es")
    assert ids(es, q="espanol")[:2] == ["nhth", "lifeline988"]     # "español" in Spanish
    assert ids(es, q="coreano") == ids(es, q="Korean") == ids(es, q="한국어")   # and in English, and itself
    assert "eeoc" in ids(es, q="coreano")
    ar = shipped_index(app, "ar")
    assert ids(ar, q="الإسبانية")[:2] == ["nhth", "lifeline988"]
    zh = shipped_index(app, "zh-Hans")
    assert ids(zh, q="西班牙")[:2] == ["nhth", "lifeline988"]


def test_filters_and_order(app):
    orgs = [
        org("b-texas", "Bravo", area=("TX",), services=("legal", "interpretation"), populations=("everyone",)),
        org("a-national", "Alpha", area=(), languages=("es",), populations=("farmworkers",)),
        org("c-california", "Charlie", area=("CA",), languages=("vi",)),
        org("d-texas-oklahoma", "Délta", area=("OK", "TX"), languages=("en", "vi"), services=("shelter-housing",)),
    ]
    index = build_index(app, orgs)
    assert ids(index) == ["a-national", "b-texas", "c-california", "d-texas-oklahoma"]
    assert ids(index, state="TX") == ["b-texas", "d-texas-oklahoma", "a-national"]
    assert ids(index, language="vi") == ["c-california", "d-texas-oklahoma", "b-texas"]
    assert ids(index, population="farmworkers") == ["a-national", "b-texas"]
    assert ids(index, state="TX", language="es", population="farmworkers") == ["a-national", "b-texas"]
    assert ids(index, q="delta") == ["d-texas-oklahoma"]
    assert ids(index, q="shelter") == ["d-texas-oklahoma"]            # a service label matches
    # Staff who speak Vietnamese, then interpreters, as the language filter orders them.
    assert ids(index, q="vietnam") == ["c-california", "d-texas-oklahoma", "b-texas"]


def test_per_locale_descriptions(app):
    orgs = [org("x", "Example", "Free legal help.", descriptions=(("es", "Ayuda legal gratuita."),))]
    assert build_index(app, orgs, "es")["orgs"]["desc"] == ["Ayuda legal gratuita."]
    assert build_index(app, orgs, "fr")["orgs"]["desc"] == ["Free legal help."]
    assert ids(build_index(app, orgs, "es"), q="gratuita") == ["x"]
    assert ids(build_index(app, orgs, "en"), q="gratuita") == []


def test_parse_odd_queries(app):
    index = shipped_index(app)
    long = search.parse(index, {"q": "a" * 500})
    assert long.truncated and long.q == "a" * 200 and long.terms == ["a" * 200]
    emoji = search.parse(index, {"q": "é" * 199 + "😀😀"})        # counted in code points
    assert emoji.truncated and emoji.q == "é" * 199 + "😀"
    for q in ("!!!", "😀🙏🏽", "   ", "\u200f\u200e"):
        parsed = search.parse(index, {"q": q})
        assert parsed.no_terms and parsed.terms == [] and parsed.empty, q
    assert not search.parse(index, {"q": ""}).no_terms
    assert [search.parse(index, {"page": p}).page for p in ("2", "0", "-1", "x", "99999", "9999")] == \
           [2, 1, 1, 1, 1, 9999]


@pytest.mark.parametrize("lang, params", CASES, ids=lambda v: str(v)[:40])
def test_fixed_cases_answer_on_the_page(client, lang, params):
    r = client.post(f"/{lang}/services/", data=params)
    assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store"
    doc = parse(r.data)
    assert doc.find("p", id="directory-status").text.strip()
    assert len(doc.find_all("h1")) == 1


@pytest.mark.parametrize("query, message", [
    ("q=" + "word%20" * 200, "Only its first 200 characters were used."),
    ("q=%21%21%21%3F%3F", "has no letters or numbers"),
    ("q=%F0%9F%98%80%F0%9F%99%8F", "has no letters or numbers"),
    ("q=%D8%AE%D8%B7%20%D8%B3%D8%A7%D8%AE%D9%86", "No other organization matches"),   # Arabic, right to left
    ("q=xyzzy", "No other organization matches"),
    ("q=%00%01%7F", "has no letters or numbers"),                              # control characters
    ("q=%FF%FE%C3", "Organizations found:"),                                   # broken UTF-8
    ("q=a&q=b&state=ZZ&page=-4", "Organizations found: 11"),
])
def test_odd_queries_get_a_clear_answer(client, query, message):
    r = client.post("/en/services/", data=query, content_type="application/x-www-form-urlencoded")
    assert r.status_code == 200
    text = " ".join(parse(r.data).find("section", **{"aria-labelledby": "directory-results-title"}).text.split())
    assert message in text


def _translated(app, loc, message):
    from flask import g

    from webapp import i18n

    with app.test_request_context(f"/{loc.code}/"):
        g.locale = loc
        return i18n.gettext(message)


def test_form_keeps_the_search_and_works_in_every_locale(app, client):
    for loc in locales.LOCALES:
        # Readers search in their own language: the service label as their locale names it.
        query = _translated(app, loc, "Hotline")
        doc = parse(client.post(f"/{loc.code}/services/", data={"q": query, "language": "es"}).data)
        form = doc.find("form", role="search")
        assert form.attrs["method"] == "post" and form.attrs["action"] == f"/{loc.code}/services/"
        assert doc.find("input", id="directory-q").attrs["value"] == query
        selected = [o for o in doc.find("select", id="filter-language").find_all("option") if "selected" in o.attrs]
        assert [o.attrs["value"] for o in selected] == ["es"]
        for control in form.find_all("select") + form.find_all("input"):
            assert doc.find("label", **{"for": control.attrs["id"]}) is not None
        assert doc.find("html").attrs["lang"] == loc.code
        # Staff who speak Spanish, then lines with interpreters.
        found = [li.attrs["id"] for li in doc.find("ol", id="directory-results").find_all("li")]
        if loc.code == "en":
            assert found == ["org-nhth", "org-lifeline988", "org-childhelp", "org-ndvh"]
        # Other lines may also mention the word in some languages; these four must be there,
        # the hotline first.
        assert found[0] == "org-nhth", loc.code
        assert {"org-lifeline988", "org-childhelp", "org-ndvh"} <= set(found), loc.code


def _row(element, label: str):
    """The <dd> of a card's facts whose <dt> reads `label`."""
    rows = dict(zip((" ".join(dt.text.split()) for dt in element.find_all("dt")), element.find_all("dd")))
    return rows[label]


def _text(element) -> str:
    return " ".join(element.text.split())


@pytest.mark.parametrize("lang, label, expected", [
    ("en", "Languages", {
        "ndvh": ("English", "Help in more than 200 languages."),
        "childhelp": ("English", "Interpreters speak more than 170 languages."),
        "eeoc": ("English", "Interpreters speak more than 200 languages."),
        "whd": ("English", "Interpreters are available."),
        "nhth": ("English, Spanish", "Staff speak English and Spanish. Phone interpreters speak more than 200 "
                                     "languages. Text, chat and email are in English and Spanish."),
        "osha": ("English", None)}),
    ("es", "Idiomas", {
        "ndvh": ("inglés", "Ayuda en más de 200 idiomas."),
        "whd": ("inglés", "Hay intérpretes."),
        "osha": ("inglés", None)}),
])
def test_find_services_says_what_the_helplines_page_says_about_languages(client, lang, label, expected):
    """The lines with interpreters say so in both places (helplines.yaml is the one source):
    under the languages their staff speak in Find services, in their own row on Helplines."""
    services = parse(client.get(f"/{lang}/services/").data)
    helplines = parse(client.get(f"/{lang}/helplines/").data)
    for ident, (staff, note) in expected.items():
        row = _row(services.find("li", id=f"org-{ident}"), label)
        spans = row.find_all("span")
        assert _text(spans[0]) == staff, ident
        assert (_text(spans[1]) if len(spans) > 1 else None) == note, ident
        if note:
            assert _text(_row(helplines.find("article", id=f"line-{ident}"), label)) == note, ident


def test_results_show_buttons_labels_and_dates(client):
    doc = parse(client.get("/en/services/").data)
    nhth = doc.find("li", id="org-nhth")
    hrefs = {a.attrs["href"] for a in nhth.find_all("a")}
    assert {"tel:+18883737888", "sms:233733?body=BeFree", "tel:711"} <= hrefs
    assert "Not the police and not immigration." in nhth.text
    # The date and the page the facts were checked against, as on the Helplines page.
    assert ("Checked on November 28, 2026 against this source: humantraffickinghotline.org/about-us/what-we-do"
            in " ".join(nhth.text.split()))
    assert "https://humantraffickinghotline.org/about-us/what-we-do" in hrefs
    hsi = doc.find("li", id="org-hsi")
    assert "Law enforcement: immigration enforcement (ICE)." in hsi.text
    # A line with no sourced promise carries no "not the police" badge.
    assert "Not the police" not in doc.find("li", id="org-lifeline988").text
    assert doc.find("li", id="org-fbi").find("a", class_="button button--call") is None
    # Numbers stay left-to-right on right-to-left pages.
    ar = parse(client.get("/ar/services/").data).find("li", id="org-nhth")
    assert ar.find("bdi").attrs["dir"] == "ltr"


def test_index_is_json_and_saved_for_offline(app, client):
    r = client.get("/es/services/index.json")
    assert r.status_code == 200 and r.mimetype == "application/json"
    data = r.get_json()
    assert data["locale"] == "es" and data["max"] == search.MAX_QUERY and data["page"] == search.PAGE_SIZE
    assert "nhth" in data["orgs"]["id"]
    assert client.get("/es/services/index.json", headers={"If-None-Match": r.headers["ETag"]}).status_code == 304
    from webapp.offline import precache

    manifest = precache.get(app)
    for loc in locales.LOCALES:
        urls = {e["url"] for e in manifest["locales"][loc.code]}
        assert {f"/{loc.code}/services/", f"/{loc.code}/services/index.json"} <= urls


def test_a_services_words_are_each_in_the_index_once(client):
    """English words are the same in the reader's language and in English, and "referrals"
    holds the words of every need it refers to: each word once is enough to find it."""
    services = {sid: hay for sid, _label, hay in client.get("/en/services/index.json").get_json()["services"]}
    assert services["hotline"].split(" ")[:4] == ["hotline", "helpline", "help", "call"]
    for sid, hay in services.items():
        words = hay.split(" ")
        assert len(words) == len(set(words)), sid
    assert "lawyer" in services["referrals"].split(" ") and "shelter" in services["referrals"].split(" ")


def test_more_results_are_posted_like_the_search(tmp_path):
    from bench.directory_gen import write

    folder = write(45, tmp_path / "content")
    client = create_app({"TESTING": True, "CONTENT_DIR": str(folder), "DIRECTORY_ALLOW_SYNTHETIC": True}).test_client()
    form, seen = {"q": "synthetic"}, []
    while form:
        doc = parse(client.post("/en/services/", data=form).data)
        cards = doc.find("ol", id="directory-results").find_all("li")
        seen.append(len(cards))
        wrap = doc.find("p", id="directory-more-wrap")
        more = wrap.find("button", id="directory-more") if "hidden" not in wrap.attrs else None
        # "Show more" submits the same form (which keeps the words) with the next page; after
        # the last page it stays in the page, hidden, for the script.
        form = None
        if more:
            assert more.attrs["form"] == "directory-form" and more.attrs["type"] == "submit"
            assert doc.find("input", id="directory-q").attrs["value"] == "synthetic"
            form = {"q": "synthetic", more.attrs["name"]: more.attrs["value"]}
    assert seen == [20, 40, 45]
    status = " ".join(parse(client.post("/en/services/", data={"q": "synthetic"}).data)
                      .find("p", id="directory-status").text.split())
    assert status == "Organizations found: 45 Showing the first 20."
    assert re.search(r"Organizations found: 11\b", client.get("/en/services/").data.decode()) is None


def test_the_guides_own_tools_are_found_in_every_language(app, client):
    """A reader who types words about their situation or about cards finds the self-check and
    the wallet cards above the organizations, in every language."""
    from flask import g

    from webapp import i18n
    from webapp.content import vocabulary

    for loc in locales.LOCALES:
        index = shipped_index(app, loc.code)
        for name, message in vocabulary.PAGE_WORDS.items():
            with app.test_request_context(f"/{loc.code}/"):
                g.locale = loc
                word = vocabulary.words(i18n.gettext(message))[0]
            url = f"/{loc.code}/{'self-check' if name == 'self_check' else 'card'}/"
            assert url in [index["pages"][i][0] for i in search.pages(index, search.parse(index, {"q": word}))], \
                (loc.code, word)
            page = parse(client.post(f"/{loc.code}/services/", data={"q": word}).data)
            box = page.find("div", id="directory-pages")
            assert "hidden" not in box.attrs and url in {a.attrs["href"] for a in box.find_all("a")}
    empty = parse(client.get("/en/services/").data).find("div", id="directory-pages")
    assert "hidden" in empty.attrs
