"""The in-browser search (static/js/directory.js, run in Chromium) and the server search
(webapp/directory/search.py) give the same results for the same index and inputs: on a fixed
list of cases over the shipped directory, and on directories and queries that hypothesis
makes up (accents, case, punctuation, Arabic, CJK, Hangul, emoji, whitespace of all kinds)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.directory.cases import CASES
from tests.directory.helpers import RUN, build_index, file_index, org, python_run
from webapp.content import vocabulary
from webapp.directory import search

pytestmark = pytest.mark.browser





@pytest.mark.parametrize("lang, params", CASES, ids=lambda v: str(v)[:40])
def test_fixed_cases(js, client, lang, params):
    index = client.get(f"/{lang}/services/index.json").get_json()
    assert js.evaluate(RUN, [index, params]) == python_run(index, params)


FILE_LANGS = sorted({lang for lang, _ in CASES} - {"en-XA"})     # the pseudo-locale has no file


@pytest.fixture(scope="module")
def file_indexes(app):
    client = app.test_client()
    return {lang: file_index(client, lang) for lang in FILE_LANGS}


def test_fixed_cases_on_the_files_index(js, client, file_indexes):
    """The guide as one file carries only what the search reads (its cards are in the page):
    both searches find and order over it what they do over the site's whole index. (Only the
    guide's pages that the words find differ: the file's own, its sections.)"""
    cases = [(lang, params) for lang, params in CASES if lang in file_indexes]
    whole = {lang: client.get(f"/{lang}/services/index.json").get_json() for lang in file_indexes}
    assert "name" not in file_indexes["en"]["orgs"] and "badges" not in file_indexes["en"]
    in_browser = js.evaluate("(cases) => cases.map(([index, params]) => GuideDirectory.run(index, params))",
                             [[file_indexes[lang], params] for lang, params in cases])
    for (lang, params), answer in zip(cases, in_browser):
        in_file = python_run(file_indexes[lang], params)
        assert answer == in_file, (lang, params)
        assert {**in_file, "pages": None} == {**python_run(whole[lang], params), "pages": None}, (lang, params)


# -- generated ------------------------------------------------------------------------------
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    " \t\n\u00a0\u2003\u3000\u200b\u200e\u200f"                      # spaces, zero-width, bidi marks
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~¿¡«»—–…·•"                   # punctuation
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÉÍÑÓÚÜÇ"                         # Latin accents
    "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐƠƯ"        # Vietnamese
    "العربيةخطساخنمساعدةَُِّْٰ"                                      # Arabic with short vowels
    "עברית"                                                          # Hebrew
    "法律援助中心工人西班牙语言热线"                                  # CJK
    "한국어노동자도움"                                                # Hangul
    "русскийПОМОЩЬЁё"                                                # Cyrillic
    "ΣσςΟΦΑα"                                                        # Greek, final sigma
    "ทนายที่พักความปลอดภัยำ่้๊๋็ัิีึืุู์ๆฯ๑"                               # Thai: vowel signs, tone marks
    "वकीलआश्रयमज़दूरक़ािीुूेैोौंःँ़्।१"                                 # Devanagari: signs, virama, nukta
    "İıßẞﬁﬂ①②ＡＢ１２™"                                              # special case and compatibility forms
    "\u0301\u0308\u0327\u20e3\ufe0f\u200d"                           # combining marks, keycap, ZWJ
    "😀🙏🏽👍🇺🇸❤🧑‍🌾📞"                                             # emoji, modifiers, flags
)
TEXT = st.text(alphabet=st.sampled_from(ALPHABET), max_size=24)
NAMES = st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=24).filter(lambda s: s.strip())
SERVICES = list(vocabulary.SERVICES)
POPULATIONS = list(vocabulary.POPULATIONS)
# Few values, so that filters often meet both direct and broad matches (national, "everyone",
# interpreters), whose order the specification fixes.
LANGUAGES = ["en", "es", "vi", "ar", "zh-Hans", "zap"]
STATES = ["TX", "CA", "PR"]


@st.composite
def directories(draw):
    orgs = []
    for i in range(draw(st.integers(0, 10))):
        orgs.append(org(
            f"org-{i}", name=draw(NAMES), description=draw(NAMES),
            services=tuple(draw(st.lists(st.sampled_from(SERVICES), min_size=1, max_size=3, unique=True))),
            populations=tuple(draw(st.lists(st.sampled_from(["everyone", "workers", "children"] + POPULATIONS),
                                            min_size=1, max_size=2, unique=True))),
            languages=tuple(draw(st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=2, unique=True))),
            area=tuple(draw(st.one_of(st.just([]), st.lists(st.sampled_from(STATES), min_size=1, max_size=2,
                                                            unique=True)))),
            law_enforcement=draw(st.sampled_from([None, None, None, "police", "immigration"])),
            priority=draw(st.sampled_from([0, 0, 0, 1, 2])),
            in_every_search=draw(st.sampled_from([False, False, False, True])),
        ))
    return orgs


def queries(orgs):
    """Free text, or a piece of an organization's text with its case and spacing changed."""
    # Names, descriptions, and words that ask for law enforcement or find it by synonyms.
    pieces = [o.name for o in orgs] + [o.description for o in orgs] + [
        "police", "ICE", "poli", "report", "immigration enforcement", "lawyer", "spanish", "ทนาย", "वकील"]

    @st.composite
    def piece(draw):
        text = draw(st.sampled_from(pieces))
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        cut = text[start:end]
        return draw(st.sampled_from([cut, cut.upper(), cut.lower(), f"  {cut}!", cut.replace(" ", "  ")]))

    return st.one_of(TEXT, piece(), st.just(""))


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(orgs=directories(), lang=st.sampled_from(["en", "es", "ar", "zh-Hans", "vi"]), data=st.data())
def test_generated_directories_and_queries(js, app, orgs, lang, data):
    index = build_index(app, orgs, lang)
    params = {
        "q": data.draw(queries(orgs), label="q"),
        "state": data.draw(st.sampled_from(["", "ZZ"] + STATES * 2), label="state"),
        "service": data.draw(st.sampled_from(["", "", "bogus", "interpretation"] + SERVICES), label="service"),
        "population": data.draw(st.sampled_from(["", "nobody", "workers", "children"] + POPULATIONS), label="population"),
        "language": data.draw(st.sampled_from(["", "xx"] + LANGUAGES * 2), label="language"),
        "page": data.draw(st.sampled_from(["", "1", "2", "0", "x"]), label="page"),
    }
    params = {k: v for k, v in params.items() if v or data.draw(st.booleans(), label=f"keep {k}")}
    assert js.evaluate(RUN, [index, params]) == python_run(index, params)


@pytest.fixture(scope="module")
def js_rules(js):
    """The page, with the index's text rules (search.text_rules) sent to it once."""
    js.evaluate("(rules) => { window.textRules = rules; }", search.text_rules())
    return js


@settings(max_examples=200, deadline=None, database=None)
@given(text=st.text(alphabet=st.sampled_from(ALPHABET), max_size=60))
def test_normalize_is_the_same(js_rules, text):
    assert js_rules.evaluate("(text) => GuideDirectory.normalize(text, window.textRules)", text) == \
        search.normalize(text)


# Organizations written for this test in scripts the catalogs do not have yet: Thai, written
# without spaces between words, and Hindi in Devanagari, whose vowel signs are combining marks.
SCRIPTS = [
    # "Labor law center": "free advice from lawyers for Thai workers".
    ("thai-legal", "ศูนย์กฎหมายแรงงาน", "ให้คำปรึกษาฟรีโดยทนายความสำหรับแรงงานไทย"),
    # "Shelter home": "a safe place to stay for people who ran away from an employer".
    ("thai-shelter", "บ้านพักพิง", "มีที่พักปลอดภัยสำหรับผู้ที่หนีจากนายจ้าง"),
    # "Workers' legal help": "free advice from a lawyer for workers".
    ("hindi-legal", "मज़दूर कानूनी सहायता", "मज़दूरों के लिए मुफ़्त वकील की सलाह"),
    # "Safe house": "shelter and food for people who ran away from work".
    ("hindi-shelter", "सुरक्षित घर", "काम से भागे लोगों के लिए आश्रय और खाना"),
    ("justice", "Office of Justice Services", "Notice: free legal advice."),
]


@pytest.mark.parametrize("q, expected", [
    ("ทนาย", ["thai-legal"]),                 # "lawyer", inside ทนายความ in running text
    ("ที่พัก", ["thai-shelter"]),               # "shelter, place to stay", inside มีที่พักปลอดภัย
    ("พัก", ["thai-shelter"]),
    ("พก", []),                                # พัก without its vowel sign is another word
    ("แรงงาน ทนาย", ["thai-legal"]),
    ("वकील", ["hindi-legal"]),                 # "lawyer"
    ("आश्रय", ["hindi-shelter"]),               # "shelter"
    ("वकी", ["hindi-legal"]),                  # the start of a word, while typing
    ("कील", []),                               # the inside of a word: Hindi has spaces
    ("वकल", []),                               # वकील without its vowel sign
    ("मजदूर", ["hindi-legal"]),                # written without the nukta
    ("ice", []),                               # not inside "office", "justice", "services", "notice"
    ("off", ["justice"]),
    ("ทนายlawyer", ["thai-legal"]),            # two words: ทนาย, and "lawyer" of its service, legal help
])
def test_words_of_thai_and_hindi_in_both_searches(js, app, q, expected):
    index = build_index(app, [org(i, name=n, description=d) for i, n, d in SCRIPTS], "en")
    assert python_run(index, {"q": q})["ids"] == expected
    assert js.evaluate(RUN, [index, {"q": q}])["ids"] == expected
