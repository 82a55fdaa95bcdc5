"""The guide as one file (webapp/file/), without a browser: one download per language with a
neutral name, nothing in it that could reach the network (its policy allows exactly its own
inline styles and scripts), every link inside the file or a phone's, in the precache list and
the static export, its date and where the newest numbers are, and a large directory cut to a
documented limit that the file admits to."""

import base64
import hashlib
import json
import re

import pytest

from tests.components.test_quick_exit import guide_words
from tests.conftest import ROOT
from tests.file.packed import unpack, unpacked
from tests.htmlparse import parse
from webapp import content, create_app, locales, rendermode
from webapp.components import quick_exit
from webapp.directory import store
from webapp.file.document import FileRender

CODES = [loc.code for loc in locales.served()]
# Elements that would fetch something by themselves.
FETCHING = ("img", "iframe", "object", "embed", "audio", "video", "source", "track", "link", "base",
            "image", "frame", "portal")


@pytest.fixture(scope="module")
def files(app):
    """Each language's file as the server sends it, and its document as a browser holds it
    once what only a script reads is unpacked (tests/file/packed.py)."""
    client = app.test_client()
    made = {}
    for code in CODES:
        response = client.get(f"/{code}/file/")
        assert response.status_code == 200, code
        made[code] = (response, parse(unpacked(response.data)))
    return made


def sha256(text: str) -> str:
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def policy_of(doc) -> dict[str, list[str]]:
    meta = doc.find("meta", **{"http-equiv": "Content-Security-Policy"})
    return {name: values for name, *values in (part.split() for part in meta.attrs["content"].split(";"))}


def test_each_language_is_one_file_to_download_with_a_neutral_name(files):
    sizes = {}
    for code, (response, doc) in files.items():
        assert response.mimetype == "text/html"
        assert response.headers["Content-Disposition"] == f'attachment; filename="notes-{code}.html"'
        html = doc.find("html")
        assert html.attrs["lang"] == code
        assert html.attrs["dir"] == ("rtl" if code == "ar" else "ltr")
        assert b"Project-Id-Version" not in response.data, code   # the catalog's header
        sizes[code] = len(response.data)
    print("file sizes (bytes):", sizes)


def test_an_unknown_language_is_a_404_like_any_page(client):
    response = client.get("/xx/file/", headers={"Accept-Language": "es"})
    assert response.status_code == 404
    assert "Página no encontrada" in response.get_data(as_text=True)
    assert "Content-Disposition" not in response.headers


def test_nothing_in_the_file_can_reach_the_network(files):
    for code, (response, doc) in files.items():
        policy = policy_of(doc)
        # Nothing from anywhere: no source is allowed but the file's own inline code.
        assert policy["default-src"] == ["'none'"] and policy["form-action"] == ["'none'"], code
        assert policy["base-uri"] == ["'none'"]
        for directive in ("connect-src", "img-src", "font-src", "frame-src", "media-src", "object-src"):
            assert directive not in policy, (code, directive)       # so: default-src 'none'
        scripts = [s for s in doc.find_all("script") if s.attrs.get("type") not in ("application/json", "text/plain")]
        styles = doc.find_all("style")
        assert scripts and styles
        assert all("src" not in s.attrs for s in scripts)
        assert sorted(policy["script-src"]) == sorted(sha256(s.text) for s in scripts), code
        assert sorted(policy["style-src"]) == sorted(sha256(s.text) for s in styles), code
        for style in styles:
            assert "url(" not in style.text and "@import" not in style.text
        for element in doc.iter():
            assert element.tag not in FETCHING, (code, element.tag)
            assert "src" not in element.attrs, (code, element.tag)
            assert "srcset" not in element.attrs and "poster" not in element.attrs


def test_what_only_a_script_uses_travels_packed(files):
    """The search (its form, its script, its index) and the self-check's script and result
    template are packed (less than half their size, a third in Thai and Hindi): in the file,
    their elements are empty and their scripts absent; the scripts that must work in any
    browser are inline as they are."""
    for code, (response, doc) in files.items():
        raw = parse(response.data)
        inline = [s.text for s in raw.find_all("script") if "type" not in s.attrs]
        assert len(inline) == 5 and inline[0] == quick_exit.FILE_GUARD_JS, code
        assert 'var PRESSES=' in inline[1] and "data-file-section" in inline[2], code   # quick exit, sections
        assert 'getElementById("display")' in inline[3] and "DecompressionStream" in inline[4], code  # calculator
        assert raw.find("script", id="directory-index").text == "", code
        assert raw.find("template", id="sc-result-template").children == [], code
        assert raw.find("div", id="directory-search").children == [] and raw.find("form", id="directory-form") is None, code
        parts = unpack(response.data.decode())
        assert sorted(parts["fill"]) == ["directory-index", "directory-search", "sc-result-template"], code
        assert [code_.startswith('(function(){"use strict";var NON_WORD') for code_ in parts["run"]] == [True, False]
        assert "sc-form" in parts["run"][1], code
        # Minified as the site's bundles are (rjsmin): no comment, no indentation.
        for text in inline[1:] + parts["run"]:
            assert "/*" not in text and "\n " not in text, (code, text[:60])
        carried = len(json.dumps(parts, ensure_ascii=False).encode())
        packed = len(raw.find("script", id="file-packed").text)
        assert packed < carried / 2, (code, packed, carried)


def test_every_link_leads_inside_the_file_or_to_the_phone(files):
    for code, (response, doc) in files.items():
        live = [e for e in doc.iter() if not any(a.tag == "template" for a in ancestors(e))]
        ids = [e.attrs["id"] for e in live if "id" in e.attrs]
        assert len(ids) == len(set(ids)), (code, sorted({i for i in ids if ids.count(i) > 1}))
        for link in (e for e in live if e.tag in ("a", "use")):
            href = link.attrs.get("href", "")
            if href.startswith("#"):
                assert href[1:] in ids, (code, href)
            elif href.startswith(("tel:", "sms:", "mailto:")):
                pass
            else:
                # Another website: opened only by a tap, and marked as needing internet.
                assert href.startswith("https://") and "data-external" in link.attrs, (code, href)
        # No server to send a form to: without JavaScript its controls are not shown.
        for form in doc.find_all("form"):
            for control in form.find_all("input") + form.find_all("button"):
                assert any("data-needs-script" in e.attrs for e in [control, *ancestors(control)]), code


def ancestors(element):
    node = element.parent
    while node is not None:
        yield node
        node = node.parent


def test_the_search_moves_the_files_own_cards(files):
    """Find services in the file: directory.js shows, hides and orders the cards the server
    rendered, one for each organization of the inline index, in its order; the file carries no
    card template, and of the index only what the search reads (nothing a card shows)."""
    for code, (response, doc) in files.items():
        section = doc.find("section", id="s-services")
        index = json.loads(section.find("script", id="directory-index").text)
        cards = [li.attrs["id"] for li in section.find("ol", id="directory-results").find_all("li")
                 if li.attrs.get("id", "").startswith("org-")]
        assert cards == ["org-" + ident for ident in index["orgs"]["id"]], code
        assert len(cards) == 11, code
        assert section.find("template", id="directory-card") is None, code
        assert sorted(index["orgs"]) == ["area", "hay", "id", "languages", "police", "populations", "services"]
        assert all(entry[1] is None for entry in index["services"] + index["states"]), code


def test_the_styles_the_file_leaves_out_are_none_it_uses(files):
    """css/site.css (the site's language menu, update notice, saved page and share panel) is
    not in the file, and each of its selectors needs something the file does not have (a
    class none of its elements or scripts use, an element or attribute it lacks): a rule the
    file needs belongs in guide.css."""
    text = re.sub(r"/\*.*?\*/", "", (ROOT / "static" / "css" / "site.css").read_text(), flags=re.S)
    selectors = [sel.strip() for rule in re.findall(r"([^{}@]+)\{[^{}]*\}", text) for sel in rule.split(",")]
    assert len(selectors) > 20 and ".languages ul a" in selectors
    for code, (response, doc) in files.items():
        elements = list(doc.iter())
        used = {name for e in elements for name in e.attrs.get("class", "").split()}
        scripts = " ".join(s.text for s in doc.find_all("script"))
        used |= set(re.findall(r"classList\.(?:add|toggle)\(\s*[\"']([\w-]+)", scripts))
        assert {"sc-form--stepped", "button"} <= used, code       # the check sees both
        tags = {e.tag for e in elements}
        attrs = {name for e in elements for name in e.attrs}
        for selector in selectors:
            missing = {c for c in re.findall(r"\.([A-Za-z][\w-]*)", selector) if c not in used} | \
                {t for t in re.findall(r"(?:^|[\s>+~])([a-z][a-z0-9]*)\b", selector) if t not in tags} | \
                {a for a in re.findall(r"\[([\w-]+)", selector) if a not in attrs}
            assert missing, (code, selector)
        styles = " ".join(s.text for s in doc.find_all("style"))
        assert ".languages" not in styles and ".listen" not in styles, code


def test_the_title_and_the_name_say_nothing_of_the_guide(files):
    words = {word for loc in locales.LOCALES for word in guide_words(loc.code)}
    for code, (response, doc) in files.items():
        title = doc.find("title").text.lower()
        name = response.headers["Content-Disposition"].lower()
        for word in words:
            assert word not in title and word not in name, (code, word)
    # In the reader's language, not English everywhere.
    assert files["es"][1].find("title").text == "Notas"
    assert files["en"][1].find("title").text == "Notes"


def test_a_deployer_chooses_the_name_and_the_title(app_variant):
    client = app_variant(FILE_NAME="recetas", FILE_TITLE="Recetas de cocina").test_client()
    response = client.get("/es/file/")
    assert response.headers["Content-Disposition"] == 'attachment; filename="recetas-es.html"'
    assert parse(response.data).find("title").text == "Recetas de cocina"
    # The safety page names the file as it will be saved.
    assert "recetas-es.html" in client.get("/es/safety/").get_data(as_text=True)


@pytest.mark.parametrize("config, problem", [
    ({"FILE_NAME": "../notes"}, "GUIDE_FILE_NAME"), ({"FILE_NAME": "my notes"}, "GUIDE_FILE_NAME"),
    ({"FILE_NAME": "x" * 41}, "GUIDE_FILE_NAME"), ({"FILE_DIRECTORY_LIMIT": "many"}, "GUIDE_FILE_DIRECTORY_LIMIT"),
])
def test_a_bad_setting_stops_the_app_at_start_up(config, problem):
    with pytest.raises(ValueError, match=problem):
        create_app({"TESTING": True, **config})


def test_the_file_says_when_it_was_made_and_where_the_newest_numbers_are(files):
    footer = files["en"][1].find("footer")
    text = " ".join(footer.text.split())
    assert "This file holds the guide as it was on November 28, 2026." in text
    assert "Phone numbers and other facts may have changed since then." in text
    link = next(a for a in footer.find_all("a") if "data-external" in a.attrs)
    assert link.attrs["href"] == "https://humantraffickinghotline.org"
    assert " ".join(link.text.split()) == "humantraffickinghotline.org"
    assert "(needs internet)" in text
    spanish = " ".join(files["es"][1].find("footer").text.split())
    assert "Este archivo tiene la guía como estaba el 28 de noviembre de 2026." in spanish


def test_each_language_has_its_file_in_the_precache_and_the_export(app, exports):
    from webapp.offline import precache

    manifest = precache.get(app)
    client = app.test_client()
    folder = exports(app)
    for code in CODES:
        entry = next(e for e in manifest["locales"][code] if e["url"] == f"/{code}/file/")
        body = client.get(f"/{code}/file/").data
        assert entry["revision"] == hashlib.sha256(body).hexdigest()[:16]
        assert (folder / code / "file" / "index.html").read_bytes() == body
    headers = (folder / "_headers").read_text()
    assert '/ar/file/\n  Content-Disposition: attachment; filename="notes-ar.html"' in headers


def test_a_link_to_what_the_file_does_not_hold_stops_the_build(app):
    with app.test_request_context("/en/"):
        made = FileRender("en")
        assert made.url_for("guide.rights", {"lang": "en", "_anchor": None}) == "#s-rights"
        assert made.url_for("guide.questions", {"_anchor": "passport"}) == "#passport"
        for endpoint, values in [("forget.forget", {"lang": "en"}), ("offline.saved", {}),
                                 ("guide.rights", {"lang": "es"}), ("outreach.cards", {})]:
            with pytest.raises(rendermode.LinkOutOfFile, match=endpoint):
                made.url_for(endpoint, dict(values, _anchor=None))


def letters(i: int) -> str:
    """a, b, ... z, aa, ab: names without digits (numbers are refused in directory text)."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(97 + r) + out
    return out


def thousands_of_organizations(folder):
    """The shipped directory (the national lines) and 2,000 made-up regional organizations."""
    from bench.directory_gen import records

    made = records(2000)
    for i, record in enumerate(made):
        record["name"] = record["name"].rsplit(" ", 1)[0] + " " + letters(i)
    shipped = store.read(store.path_in(content.DEFAULT_DIR))
    store.path_in(folder).write_text(store.dump(list(shipped) + made), encoding="utf-8")


def test_a_large_directory_keeps_the_national_lines_and_says_how_many_it_left_out(app_variant):
    app = app_variant(thousands_of_organizations, DIRECTORY_ALLOW_SYNTHETIC=True, FILE_DIRECTORY_LIMIT=5)
    client = app.test_client()
    doc = parse(client.get("/en/file/").data)
    section = doc.find("section", id="s-services")
    cards = section.find("ol", id="directory-results").find_all("li", **{"class": "card org"}) + \
        section.find("ol", id="directory-results").find_all("li", **{"class": "card org helpline--police"})
    shown = {card.attrs["id"] for card in cards}
    national = {f"org-{org.id}" for org in app.extensions["guide_content"].directory if org.helpline}
    assert len(national) == 11 and national <= shown
    assert len(shown) == 11 + 5
    assert "org-synthetic-00000" in shown and "org-synthetic-00005" not in shown    # the file's first
    notes = [" ".join(p.text.split()) for p in section.find_all("p", **{"class": "note"})]
    assert "1995 more organizations are listed on the guide's website, but not in this file." in notes
    # The site itself lists every one.
    status = parse(client.get("/en/services/").data).find("p", id="directory-status").text
    assert "Organizations found: 2011" in " ".join(status.split())
