"""Every helpline in the data file appears with exactly its tel:/sms: links, in every locale."""

import pytest

from tests.htmlparse import parse
from tests.language_cases import SPOKEN
from webapp import locales

LANGS = [loc.code for loc in locales.LOCALES]


def hrefs(doc):
    return {a.attrs.get("href") for a in doc.find_all("a")}


@pytest.mark.parametrize("lang", LANGS)
def test_helplines_page_shows_every_line_with_its_links(app, client, lang):
    doc = parse(client.get(f"/{lang}/helplines/").data)
    links = hrefs(doc)
    for line in app.extensions["guide_content"].helplines.values():
        card = doc.find("article", id=f"line-{line.id}")
        assert card is not None, line.id
        card_links = hrefs(card)
        for phone in line.phones:
            assert f"tel:{phone.number}" in card_links
            assert phone.display in card.text
        if line.text:
            assert line.text.href in card_links
        if line.law_enforcement:
            assert "badge--police" in str([p.attrs.get("class") for p in card.find_all("p")])
        assert {f"tel:{p.number}" for p in line.phones} <= links


@pytest.mark.parametrize("lang", LANGS)
def test_home_shows_the_hotline(client, lang):
    doc = parse(client.get(f"/{lang}/").data)
    links = hrefs(doc)
    assert "tel:+18883737888" in links
    assert "sms:233733?body=BeFree" in links
    assert "tel:911" in links
    assert "tel:+18447628483" in links


def test_a_changed_number_changes_every_page(content_copy):
    from webapp import create_app

    path = content_copy / "helplines.yaml"
    path.write_text(path.read_text().replace('"+18883737888"', '"+18883737000"')
                    .replace('"1-888-373-7888"', '"1-888-373-7000"'))
    client = create_app({"TESTING": True, "CONTENT_DIR": str(content_copy)}).test_client()
    for lang in LANGS:
        for path in (f"/{lang}/", f"/{lang}/helplines/", f"/{lang}/rights/"):
            body = client.get(path).data.decode()
            assert "tel:+18883737000" in body and "1-888-373-7000" in body
            assert "7888" not in body


def test_law_enforcement_lines_are_labelled(app, client):
    doc = parse(client.get("/en/helplines/").data)
    police = [l for l in app.extensions["guide_content"].helplines.values() if l.law_enforcement]
    assert {l.id for l in police} >= {"hsi", "fbi", "emergency"}
    for line in police:
        card = doc.find("article", id=f"line-{line.id}")
        assert ("Law enforcement" if line.law_enforcement != "emergency" else "Sends police") in card.text
    nhth = doc.find("article", id="line-nhth")
    assert "Not the police and not immigration" in nhth.text



@pytest.mark.parametrize("lang", LANGS)
def test_helplines_page_gives_the_english_words_for_an_interpreter(client, lang):
    doc = parse(client.get(f"/{lang}/helplines/").data)
    said = [e for e in doc.find("main").iter() if e.attrs.get("lang") == "en"]
    if lang.split("-")[0] == "en":   # English, and the pseudo-locale made from it
        assert said == []
        return
    assert [e.text for e in said] == [f"I speak {SPOKEN[lang]}. I need an interpreter."]
    assert said[0].attrs.get("dir") == "ltr"   # English reads left to right on an Arabic page too
    box = said[0].parent
    explanation = box.text.replace(said[0].text, "").strip()
    assert explanation and explanation != "Say or show this in English to get an interpreter:"
    # Before the first line's card: read before anyone dials.
    html = client.get(f"/{lang}/helplines/").get_data(as_text=True)
    assert html.index(said[0].text) < html.index('id="line-nhth"')
