"""The translator workflow: catalogs current, complete and safe."""

import shutil

import pytest
from babel.messages.catalog import Catalog

from webapp import create_app, locales, translate
from webapp.review import state as review_state
from tests.conftest import ROOT

pytestmark = pytest.mark.slow   # tests of seconds each: run early (tests/conftest.py)


def shipped(loc):
    return translate._read(translate.po_path(ROOT / "translations", loc), loc.babel)


def test_pot_is_current():
    """CI fails when someone changes a message and forgets `make extract`."""
    fresh = translate.message_ids(translate.extract_catalog())
    on_disk = translate.message_ids(translate._read(ROOT / "translations" / "messages.pot"))
    assert fresh - on_disk == set(), "run `make extract`: messages missing from messages.pot"
    assert on_disk - fresh == set(), "run `make extract`: messages.pot has stale messages"


@pytest.mark.parametrize("loc", [l for l in locales.LOCALES if l.code not in ("en", locales.PSEUDO)],
                         ids=lambda l: l.code)
def test_shipped_locale_is_complete(loc):
    catalog = shipped(loc)
    template = translate.message_ids(translate._read(ROOT / "translations" / "messages.pot"))
    assert template <= translate.message_ids(catalog), "catalog lacks messages: run `make extract`"
    untranslated = [m.id for m in catalog if m.id and not review_state.is_translated(m)]
    assert untranslated == []


def test_shipped_catalogs_pass_check():
    assert [str(p) for p in translate.check_all(ROOT / "translations")] == []


def _catalog(entries, locale="es"):
    catalog = Catalog(locale=locale)
    for msgid, msgstr in entries:
        catalog.add(msgid, msgstr, flags=("python-format",) if "%" in str(msgid) else ())
    return catalog


@pytest.mark.parametrize("msgid, msgstr, problem", [
    ("Call %(number)s now", "Llama ahora", "drops the placeholder(s) %(number)s"),
    ("Call %(number)s now", "Llama %(numero)s ahora", "unknown named placeholder 'numero'"),
    ("Call %(number)s now", "Llama al %s", "format strings are of different kinds"),
    ("Saved %(num)s%% of it", "Guardado el %(num)s % seguro", "mixes positional and named placeholders"),
    ("Call the hotline", "Llama al 1-888-373-0000", "phone number"),
    ("Read more", "Lee más en https://evil.example", "web or e-mail address"),
    ("Write to us", "Escribe a scam@evil.example", "web or e-mail address"),
    ("Help", "<b>Ayuda</b>", "HTML tag"),
    ("Help", "<script>alert(1)</script>", "HTML tag"),
])
def test_check_names_locale_message_and_problem(msgid, msgstr, problem):
    problems = translate.check_catalog("es", _catalog([(msgid, msgstr)]))
    assert problems, msgstr
    text = str(problems[0])
    assert text.startswith("es: ") and repr(msgid)[:20] in text and problem in text


@pytest.mark.parametrize("enforcement, problem", [
    # Words for reporting a crime or complaining bring police lines first, for the very words
    # that find the Wage and Hour Division: the slip the first catalogs made.
    ("policía, FBI, ICE, HSI, denunciar", "'denunciar', a word that finds help (labor-rights)"),
    ("policía, FBI, ICE, HSI, queja", "'queja', a word that finds help"),
    ("policía, FBI, ICE, HSI, report", "'report', a word that finds help"),   # the English words too
    ("policía, FBI, HSI", "keep ICE as it is"),
])
def test_check_keeps_complaint_words_from_asking_for_the_police(enforcement, problem):
    from webapp.content import vocabulary

    catalog = _catalog([
        (vocabulary.ENFORCEMENT_WORDS, enforcement),
        (vocabulary.SERVICE_WORDS["labor-rights"], "salario, queja, denunciar, jefe"),
    ])
    found = [str(p) for p in translate.check_catalog("es", catalog)]
    assert any(text.startswith("es: 'police, sheriff") and problem in text for text in found), found
    catalog.get(vocabulary.ENFORCEMENT_WORDS).string = "policía, policia, migra, FBI, ICE, HSI"
    assert translate.check_catalog("es", catalog) == []


def test_a_police_word_may_not_begin_a_word_for_other_help():
    """Hindi's "immigration officer" (इमिग्रेशन अधिकारी) as a police word: a worker typing
    "immigration rights" (इमिग्रेशन अधिकार), a word of immigration legal help, would name it."""
    from webapp.content import vocabulary

    catalog = _catalog([
        (vocabulary.ENFORCEMENT_WORDS, "पुलिस, FBI, ICE, HSI, इमिग्रेशन अधिकारी"),
        (vocabulary.SERVICE_WORDS["immigration-legal"], "इमिग्रेशन, वीज़ा, इमिग्रेशन अधिकार"),
    ])
    found = [str(p) for p in translate.check_catalog("hi", catalog)]
    assert any("'इमिग्रेशन अधिकार', a word that finds help (immigration-legal)" in text for text in found), found
    catalog.get(vocabulary.ENFORCEMENT_WORDS).string = "पुलिस, FBI, ICE, HSI"
    assert translate.check_catalog("hi", catalog) == []


def test_check_accepts_faithful_translation():
    assert translate.check_catalog("es", _catalog([("Call %(number)s now", "Llama al %(number)s ya")])) == []


def test_check_rejects_wrong_plural_count():
    catalog = Catalog(locale="es")
    catalog.add(("%(num)s day", "%(num)s days"), ("%(num)s día",))
    problems = translate.check_catalog("es", catalog)
    assert any("plural forms" in p.problem for p in problems)


def test_cli_check_fails_on_a_broken_catalog(tmp_path, runner):
    target = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", target)
    po = target / "es" / "LC_MESSAGES" / "messages.po"
    text = po.read_text()
    # Break the first translated message with a placeholder into an invented phone number.
    po.write_text(text.replace('msgstr "Llama', 'msgstr "Llama al 1-800-555-0100', 1))
    app = create_app({"TESTING": True, "TRANSLATIONS_DIR": str(target)})
    result = app.test_cli_runner().invoke(args=["translate", "check"])
    assert result.exit_code != 0
    assert "es: " in result.output and "phone number" in result.output


def test_stats_and_the_switcher_share_one_completion(tmp_path):
    """`translate stats` and the app's language list read the same figures: a locale below
    the threshold is reported as not listed, and the app does not list it."""
    target = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", target)
    po = target / "es" / "LC_MESSAGES" / "messages.po"
    catalog = translate._read(po, "es")
    messages = [m for m in catalog if m.id and not m.pluralizable]
    for message in messages[: len(messages) // 10]:
        message.string = ""
    translate._write(catalog, po)
    figures = translate.measure(target)["es"]
    assert figures.completion < locales.LISTING_THRESHOLD
    app = create_app({"TESTING": True, "TRANSLATIONS_DIR": str(target)})
    assert app.extensions["guide_locale_figures"]["es"] == figures
    with app.app_context():
        assert "es" not in [loc.code for loc in locales.listed()]
        assert "fr" in [loc.code for loc in locales.listed()]
    output = app.test_cli_runner().invoke(args=["translate", "stats"]).output
    line = next(line for line in output.splitlines() if line.startswith("es "))
    assert f"{100 * figures.completion:.1f}%" in line and "not listed" in line
    assert "not listed" not in next(line for line in output.splitlines() if line.startswith("fr "))


def test_cli_stats_prints_every_locale(runner):
    result = runner.invoke(args=["translate", "stats"])
    assert result.exit_code == 0
    for loc in locales.LOCALES:
        if loc.code != locales.PSEUDO:
            assert loc.code in result.output
    assert "100.0%" in result.output


def test_markup_in_a_translation_is_shown_as_text(tmp_path):
    target = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", target)
    po = target / "es" / "LC_MESSAGES" / "messages.po"
    catalog = translate._read(po, "es")
    catalog.get("Get help now").string = "<script>alert(1)</script><b>Ayuda</b>"
    catalog.get("Last reviewed: %(date)s").string = "Revisado: %(fecha)s"  # broken placeholder
    translate._write(catalog, po)
    translate.compile_all(target)
    client = create_app({"TESTING": True, "TRANSLATIONS_DIR": str(target)}).test_client()
    r = client.get("/es/")
    assert r.status_code == 200
    body = r.data.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    # a translation with a broken placeholder falls back to the original message
    assert "Last reviewed: " in body


EXPECTED_PLURALS = {"en": 2, "es": 3, "zh-Hans": 1, "vi": 1, "ko": 1, "tl": 2, "ht": 2, "pt": 3,
                    "ar": 6, "ru": 3, "fr": 3, "hi": 2, "th": 1}


@pytest.mark.parametrize("loc", [l for l in locales.LOCALES if l.code not in ("en", locales.PSEUDO)],
                         ids=lambda l: l.code)
def test_plural_forms_are_right_for_each_locale(loc):
    catalog = shipped(loc)
    assert catalog.num_plurals == EXPECTED_PLURALS[loc.code]
    plurals = [m for m in catalog if m.id and m.pluralizable]
    assert plurals, "the catalog should carry at least one plural message"
    for message in plurals:
        assert len(message.string) == catalog.num_plurals, message.id


def test_plural_selection_at_runtime(app):
    from webapp import i18n

    cases = {"ar": {0: 0, 1: 1, 2: 2, 5: 3, 11: 4, 100: 5}, "ru": {1: 0, 2: 1, 5: 2, 21: 0},
             "zh-Hans": {1: 0, 2: 0}}
    for code, expected in cases.items():
        loc = locales.BY_CODE[code]
        catalog = shipped(loc)
        message = next(m for m in catalog if m.pluralizable)
        for n, form in expected.items():
            with app.test_request_context(f"/{code}/"):
                from flask import g

                g.locale = loc
                text = i18n.ngettext(message.id[0], message.id[1], n)
            assert text == message.string[form].replace("%(num)s", str(n)), (code, n)


def test_pseudo_locale_is_generated_from_the_template():
    pot = translate._read(ROOT / "translations" / "messages.pot")
    loc = locales.BY_CODE[locales.PSEUDO]
    catalog = translate._read(translate.po_path(ROOT / "translations", loc))
    assert translate.message_ids(pot) <= translate.message_ids(catalog)
    sample = translate.pseudo("Call %(number)s now")
    assert sample.startswith("[") and sample.endswith("]") and "%(number)s" in sample
    assert "Call" not in sample and len(sample) >= len("Call %(number)s now") * 1.4


def test_extracting_unchanged_messages_changes_no_file(runner, tmp_path, monkeypatch):
    """The template keeps its date while its messages stay the same, so `make extract` on an
    unchanged tree leaves every catalog as it is (no churn for translators, no collisions)."""
    from webapp import translate

    folder = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", folder)
    monkeypatch.setattr(translate, "translations_dir", lambda: folder)
    before = (folder / "messages.pot").read_bytes()
    assert runner.invoke(args=["translate", "extract"]).exit_code == 0
    assert (folder / "messages.pot").read_bytes() == before


SERVE_NEW_LANGUAGE = """
import json
from webapp import create_app
client = create_app({"TESTING": True}).test_client()
home = client.get("/sw/")
print(json.dumps({
    "status": home.status_code,
    "html": home.get_data(as_text=True),
    "chooser": client.get("/", headers={"Accept-Language": "sw-KE,sw;q=0.9"}).headers.get("Location"),
    "english_page": client.get("/en/").get_data(as_text=True),
    "sitemap": client.get("/sitemap.xml").get_data(as_text=True),
}))
"""


def test_a_new_language_from_the_recipe_is_served(tmp_path):
    """TRANSLATING.md, "Adding a language", followed in a copy of the checkout: one command
    starts the language, a volunteer translates (here with made-up words), the checks pass, and
    the guide serves it, lists it and sends a browser that asks for it there."""
    import json
    import subprocess
    import sys

    from babel.messages.pofile import read_po

    # The make target is that one command.
    make = subprocess.run(["make", "-n", "language", "LANG=sw"], cwd=ROOT, capture_output=True, text=True)
    assert "flask --app webapp translate init sw" in make.stdout, make.stdout + make.stderr

    copy = tmp_path / "guide"
    skip = shutil.ignore_patterns("gen", "__pycache__", ".webassets-cache")
    for name in ("webapp", "translations", "static", "service_worker"):
        shutil.copytree(ROOT / name, copy / name, ignore=skip)
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "GUIDE_CACHE_DIR": str(tmp_path / "cache"),
           "PYTHONDONTWRITEBYTECODE": "1"}

    def flask(*args):
        done = subprocess.run([sys.executable, "-m", "flask", "--app", "webapp", *args], cwd=copy,
                              env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    started = flask("translate", "init", "sw")
    po = copy / "translations" / "sw" / "LC_MESSAGES" / "messages.po"
    assert f"created {po}" in started and "Next steps" in started
    assert 'Locale("sw", "sw", "Kiswahili"),' in (copy / "webapp" / "locales.py").read_text()
    assert "0.0%  Kiswahili" in flask("translate", "stats")   # what is left to do

    # The volunteer translates every message (made-up words keep each placeholder).
    catalog = read_po(po.open("rb"), locale="sw")
    for message in catalog:
        if message.id:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            forms = [f"Sw {ids[min(i, len(ids) - 1)]}" for i in range(catalog.num_plurals)]
            message.string = tuple(forms) if message.pluralizable else forms[0]
    translate._write(catalog, po)
    flask("translate", "compile")
    assert "all catalogs pass" in flask("translate", "check")

    served = subprocess.run([sys.executable, "-c", SERVE_NEW_LANGUAGE], cwd=copy, env=env,
                            capture_output=True, text=True)
    assert served.returncode == 0, served.stderr
    found = json.loads(served.stdout)
    assert found["status"] == 200
    assert '<html lang="sw"' in found["html"] and "Sw Get help now" in found["html"]
    assert found["chooser"].endswith("/sw/")
    assert 'hreflang="sw"' in found["english_page"] and "Kiswahili" in found["english_page"]
    assert "/sw/" in found["sitemap"]


@pytest.mark.parametrize("lang, line", [
    ("sw", 'Locale("sw", "sw", "Kiswahili"),'),
    ("fa", 'Locale("fa", "fa", "فارسی", direction="rtl"),'),     # right to left, from CLDR
    ("zh-Hant", 'Locale("zh-Hant", "zh_Hant", "中文 (繁體)"),'),
])
def test_a_new_language_gets_its_own_name_and_direction(tmp_path, lang, line):
    registry = tmp_path / "locales.py"
    registry.write_text(f"LOCALES = (\n{translate.REGISTRY_MARK}.\n)\n", encoding="utf-8")
    assert translate.register(lang, lang.replace("-", "_"), registry).strip() == line
    assert translate.register(lang, lang.replace("-", "_"), registry) is None   # only once
    assert registry.read_text(encoding="utf-8").index(line) < registry.read_text(encoding="utf-8").index(
        translate.REGISTRY_MARK)
