"""The self-check on the server: its content is validated, and without JavaScript the form's
POST gives the documented result in every language, with `Cache-Control: no-store`, nothing in
the log and nothing kept."""


import pytest

from tests.htmlparse import parse
from tests.outreach.cases import ALL, CASES, check_result, words
from webapp import content, locales
from webapp.content import ContentError

LANGS = [loc.code for loc in locales.LOCALES if loc.listed]


def result_parts(html: bytes):
    doc = parse(html)
    result = doc.find("section", id="sc-result")
    assert result is not None, "no result section"
    headings = [h.text for h in result.find_all("h3") if h.parent.attrs.get("data-section")]
    signs = [li.text for li in result.find_all("li") if "data-sign" in li.attrs]
    lines = [box.find("h4").text for box in result.find_all("div") if "data-line" in box.attrs]
    return doc, result, headings, signs, lines


@pytest.mark.parametrize("lang", LANGS)
def test_post_gives_the_documented_result_in_every_language(app, client, lang):
    w = words(app, lang)
    for case in CASES:
        form = {q: case.answer(q) for q in ALL}
        response = client.post(f"/{lang}/self-check/", data=form)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-store"
        doc, result, headings, signs, lines = result_parts(response.data)
        check_result(case, w, headings, signs, lines, result.text)
        # The page's title is the same whatever the answers.
        assert doc.find("title").text == parse(client.get(f"/{lang}/self-check/").data).find("title").text


@pytest.mark.parametrize("lang", LANGS)
def test_the_scripts_result_comes_whole_from_the_page_in_its_language(app, client, lang):
    """With JavaScript the result is made from the page's own <template> (outreach.js adds no
    words of its own): it holds every heading, sign and line a result can show, in the page's
    language, as the server writes them (test_browser.py shows it in a browser)."""
    w = words(app, lang)
    page = parse(client.get(f"/{lang}/self-check/").data)
    [template] = [t for t in page.find_all("template") if "data-sc-result" in t.attrs]
    text = " ".join(template.text.split())
    wanted = [*w["headings"].values(), *w["signs"].values(), *w["lines"].values(), w["danger"],
              w["not_legal_advice"], w["not_police"]]
    assert [word for word in wanted if " ".join(word.split()) not in text] == []


def test_the_result_never_tells_the_reader_what_they_are(app, client):
    for case in CASES:
        html = client.post("/en/self-check/", data={q: "yes" for q in case.yes}).get_data(as_text=True)
        lower = html.lower()
        assert "you are a victim" not in lower and "you are not a victim" not in lower
        assert "you are being trafficked" not in lower and "you are not trafficked" not in lower


def test_unanswered_and_unknown_fields_count_as_no(client):
    response = client.post("/en/self-check/", data={"papers": "maybe", "bogus": "yes"})
    _, _, headings, signs, _ = result_parts(response.data)
    assert signs == []
    assert len(headings) == 1 and "None of your answers" in headings[0]


def test_a_huge_form_is_refused_in_the_readers_language(client):
    response = client.post("/es/self-check/", data={"papers": "yes", "x": "y" * 10_000})
    assert response.status_code == 413
    assert 'lang="es"' in response.get_data(as_text=True)


def test_the_question_page_has_every_question_once_and_no_store_only_on_post(client):
    response = client.get("/en/self-check/")
    assert "no-store" not in response.headers.get("Cache-Control", "")
    doc = parse(response.data)
    form = doc.find("form", id="sc-form")
    assert form.attrs["method"] == "post" and form.attrs["action"] == "/en/self-check/"
    names = {i.attrs["name"] for i in form.find_all("input") if i.attrs.get("type") == "radio"}
    assert names == set(ALL)


def _write(path, text):
    path.write_text(text, encoding="utf-8")


def test_a_question_naming_an_unknown_helpline_is_refused_with_file_line_and_field(content_copy):
    path = content_copy / "selfcheck.yaml"
    _write(path, path.read_text(encoding="utf-8").replace("helplines: [whd]", "helplines: [wage-office]"))
    with pytest.raises(ContentError) as info:
        content.load(content_copy, content.DEFAULT_DIR.parent.parent / "static" / "icons" / "industries")
    message = str(info.value)
    assert "selfcheck.yaml" in message and "helplines" in message and "wage-office" in message


def test_a_phone_number_in_a_question_is_refused(content_copy):
    path = content_copy / "selfcheck.yaml"
    _write(path, path.read_text(encoding="utf-8").replace(
        "Does someone else keep your passport or ID?", "Does someone keep your ID? Call 1-888-373-7888."))
    with pytest.raises(ContentError, match="phone number"):
        content.load(content_copy, content.DEFAULT_DIR.parent.parent / "static" / "icons" / "industries")
