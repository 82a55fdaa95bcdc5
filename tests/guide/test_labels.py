"""Never the wrong door, and no promise a line does not make, on every page of every language:

- wherever a law-enforcement line or 911 can be called, its label is next to it ("immigration
  enforcement (ICE)" for HSI, "sends police, fire or an ambulance" for 911);
- "Not the police and not immigration" and "Confidential" appear only for lines whose own
  pages say so (helplines.yaml `promises`, each with its source);
- every "checked on" names the source actually used.
"""

from __future__ import annotations

import pytest
from tests.conftest import ALL_PAGES, page_path
from tests.htmlparse import parse
from webapp import locales
from webapp.content.models import CLAIMS, ENFORCEMENT_LABELS

LANGS = [loc.code for loc in locales.LOCALES]
CONTAINERS = ("article", "li", "section", "aside", "main")


def gettext(app, code: str):
    """The app's own gettext in a locale (the pseudo-locale included)."""
    from flask import g

    from webapp import i18n

    def translate(message: str) -> str:
        with app.test_request_context(f"/{code}/"):
            g.locale = locales.BY_CODE[code]
            return i18n.gettext(message)
    return translate


def container(element):
    """The card, list item or section a call link sits in (or the inline line it belongs to)."""
    node = element.parent
    while node is not None:
        classes = (node.attrs.get("class") or "").split()
        if node.tag in CONTAINERS or "emergency" in classes or "helpline-inline" in classes:
            return node
        node = node.parent
    raise AssertionError("a call link outside any container")


def extra_paths(code: str) -> list[str]:
    return [f"/{code}/offline/", f"/{code}/no-such-page/", f"/{code}/forget/", f"/{code}/saved/"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_law_enforcement_number_carries_its_label(app, client, lang):
    _ = gettext(app, lang)
    lines = [line for line in app.extensions["guide_content"].helplines.values() if line.law_enforcement]
    assert {line.law_enforcement for line in lines} == {"federal", "immigration", "emergency"}
    hrefs = {phone.href: _(ENFORCEMENT_LABELS[line.law_enforcement])
             for line in lines for phone in line.phones}
    seen = 0
    paths = [page_path(code, page) for code, page in ALL_PAGES if code == lang] + extra_paths(lang)
    pages = [(path, client.get(path).data) for path in paths]
    pages.append(("search", client.post(f"/{lang}/services/", data={"q": "zzqqxx"}).data))  # the fallback
    for path, body in pages:
        doc = parse(body)
        for link in doc.find_all("a"):
            label = hrefs.get(link.attrs.get("href"))
            if label is None:
                continue
            seen += 1
            assert label in " ".join(container(link).text.split()), (path, link.attrs["href"])
    assert seen >= 10   # the check did meet these lines: 911, HSI and their numbers on many pages


@pytest.mark.parametrize("lang", [code for code in LANGS if code != locales.PSEUDO])
def test_the_ice_label_says_ice_in_every_language(app, lang):
    assert "ICE" in gettext(app, lang)(ENFORCEMENT_LABELS["immigration"])


def test_911_is_labelled_on_the_pages_that_name_it(client):
    for path in ("/en/", "/en/what-is-labor-trafficking/", "/en/safety/", "/en/offline/", "/en/no-such-page/",
                 "/en/questions/", "/en/helplines/"):
        text = " ".join(parse(client.get(path).data).text.split())
        assert "Sends police, fire or an ambulance." in text, path


def test_badges_only_where_the_line_promises_it(app, client):
    helplines = app.extensions["guide_content"].helplines
    doc = parse(client.get("/en/helplines/").data)
    for line in helplines.values():
        card = doc.find("article", id=f"line-{line.id}")
        # On the card: its law-enforcement label, or its own promise that it is not.
        badges = {p.text.strip() for p in card.find_all("p") if "badge" in (p.attrs.get("class") or "")}
        expected = {ENFORCEMENT_LABELS[line.law_enforcement]} if line.law_enforcement else set()
        if line.promises_that("not-law-enforcement"):
            expected.add(CLAIMS["not-law-enforcement"])
        assert badges == expected, line.id
        # In its details: every promise it makes, each with the page that makes it, and no other.
        promises = card.find("ul", class_="promises")
        listed = {} if promises is None else {
            li.text.replace(li.find("a").text, "").strip(): li.find("a").attrs["href"]
            for li in promises.find_all("li")}
        assert listed == {CLAIMS[p.claim]: p.source for p in line.promises}, line.id
        for promise in line.promises:
            assert promise.source.startswith("https://")
    # The lines the issue names: no "not the police" or "confidential" badge they did not promise.
    for ident in ("lifeline988", "ncmec", "childhelp", "ndvh", "eeoc"):
        text = doc.find("article", id=f"line-{ident}").text
        assert "Not the police" not in text and "Confidential." not in text
    nhth = doc.find("article", id="line-nhth").text
    assert "Not the police and not immigration." in nhth and "Confidential." in nhth
    assert {p.claim for p in helplines["nhth"].promises} == set(CLAIMS)
    assert [ident for ident, line in helplines.items() if line.promises_that("not-law-enforcement")] == ["nhth"]


def test_checked_on_names_the_source_used(app, client):
    doc = parse(client.get("/en/helplines/").data)
    for line in app.extensions["guide_content"].helplines.values():
        card = doc.find("article", id=f"line-{line.id}")
        assert "the line's own website" not in card.text
        checked = card.find("p", class_="source")
        assert "Checked on" in checked.text
        assert line.source in {a.attrs.get("href") for a in checked.find_all("a")}, line.id
    fbi = doc.find("article", id="line-fbi").text
    assert "ovcttac.gov/taskforceguide/eguide" in fbi


def test_stronghearts_shows_its_letters_number(client):
    text = parse(client.get("/en/helplines/").data).find("article", id="line-stronghearts").text
    assert "1-844-762-8483" in text and "1-844-7NATIVE" in text


def test_a_search_that_finds_nothing_still_gives_help(client):
    doc = parse(client.post("/en/services/", data={"q": "zzqqxx"}).data)
    fallback = doc.find("div", id="directory-fallback")
    assert "hidden" not in fallback.attrs
    hrefs = {a.attrs.get("href") for a in fallback.find_all("a")}
    assert {"tel:+18883737888", "sms:233733?body=BeFree", "tel:911",
            "https://ovc.ojp.gov/directory-crime-victim-services", "https://humantraffickinghotline.org"} <= hrefs
    text = " ".join(fallback.text.split())
    assert "Directory of Crime Victim Services" in text and "not the police" in text
    # With results, the fallback is in the page but hidden.
    assert "hidden" in parse(client.get("/en/services/").data).find("div", id="directory-fallback").attrs
