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
from tests.htmlparse import parse, parse_own
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


_PAGES: dict = {}


def every_page(app, client, lang: str) -> list[tuple[str, object]]:
    """Every page of a language, parsed (the guide's pages, the offline, error, forget and
    saved pages, and a search that finds nothing), fetched once per app for this module."""
    key = (id(app), lang)
    if key not in _PAGES:
        paths = [page_path(code, page) for code, page in ALL_PAGES if code == lang] + extra_paths(lang)
        pages = [(path, client.get(path).data) for path in paths]
        pages.append(("search", client.post(f"/{lang}/services/", data={"q": "zzqqxx"}).data))  # the fallback
        # Trees of this module's own: a test below empties their templates.
        _PAGES[key] = [(path, parse_own(body)) for path, body in pages]
    return _PAGES[key]


@pytest.mark.parametrize("lang", LANGS)
def test_every_law_enforcement_number_carries_its_label(app, client, lang):
    _ = gettext(app, lang)
    lines = [line for line in app.extensions["guide_content"].helplines.values() if line.law_enforcement]
    assert {line.law_enforcement for line in lines} == {"federal", "immigration", "emergency"}
    hrefs = {phone.href: _(ENFORCEMENT_LABELS[line.law_enforcement])
             for line in lines for phone in line.phones}
    seen = 0
    for path, doc in every_page(app, client, lang):
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
        # On the card: its law-enforcement label, or its own promise that it is not, and its
        # caveat (who else may get what the reader says).
        badges = {p.text.strip() for p in card.find_all("p") if "badge" in (p.attrs.get("class") or "")}
        expected = {ENFORCEMENT_LABELS[line.law_enforcement]} if line.law_enforcement else set()
        if line.promises_that("not-law-enforcement"):
            expected.add(CLAIMS["not-law-enforcement"])
        expected |= {CAVEATS[line.id]} if line.id in ("ncmec", "lifeline988") else set()
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


# What must go with a line wherever it is offered, written here by hand (helplines.yaml holds
# the data): who else may get what a reader says to NCMEC or 988, and what 911 sends.
CAVEATS = {
    "ncmec": "Reports to its CyberTipline are made available to law enforcement.",
    "lifeline988": "It may involve emergency services, which send police, fire or an ambulance.",
    "emergency": "Sends police, fire or an ambulance.",
}
# Short codes a page may show as text (a button, a card): each is the line's number.
DIGITS = {"lifeline988": "988", "emergency": "911"}
# Lines found by their name too ("emergency services" is also everyday prose: 911 is found by
# its number).
BY_NAME = {"ncmec", "lifeline988"}
HOLDERS = ("article", "li", "section", "aside", "main")
HOLDER_CLASSES = {"emergency", "helpline-inline", "qa", "wallet-card"}


def holder(node):
    """The card, list item, answer or section a link or a piece of text belongs to."""
    while node is not None:
        classes = set((node.attrs.get("class") or "").split())
        if node.tag in HOLDERS or classes & HOLDER_CLASSES:
            return node
        node = node.parent
    raise AssertionError("outside any container")


def in_index(element) -> bool:
    """The Helplines page's index of lines: links within the page, not a way to call."""
    while element is not None:
        if "line-index" in (element.attrs.get("class") or "").split():
            return True
        element = element.parent
    return False


def mentions(doc, line, name: str):
    """Each place a page offers or names a line: its tel:, sms: and web links, its name in the
    reader's language, and its short code as text."""
    hrefs = {phone.href for phone in line.phones} | {line.web_url, line.chat_url} - {None}
    if line.text:
        hrefs.add(line.text.href)
    for link in doc.find_all("a"):
        if link.attrs.get("href") in hrefs:
            yield link
    for element in doc.iter():
        if element.tag in ("script", "template", "title") or in_index(element):
            continue
        own = " ".join(c for c in element.children if isinstance(c, str))
        if (line.id in BY_NAME and name in own) or (line.id in DIGITS and DIGITS[line.id] in own.split()):
            yield element


@pytest.mark.parametrize("lang", LANGS)
def test_ncmec_988_and_911_carry_their_caveat_or_label_wherever_they_appear(app, client, lang):
    """Wherever a page offers or names NCMEC, 988 or 911 (a button, a card, an answer, a
    result), the same card, answer or section says who else may get what the reader says."""
    _ = gettext(app, lang)
    helplines = app.extensions["guide_content"].helplines
    seen = {ident: 0 for ident in CAVEATS}
    for path, doc in every_page(app, client, lang):
        if doc.find("template") is not None:
            for template in doc.find_all("template"):   # the script's empty card pattern
                template.children.clear()
        for ident, english in CAVEATS.items():
            line = helplines[ident]
            caveat = _(english)
            for element in mentions(doc, line, _(line.name)):
                seen[ident] += 1
                text = " ".join(holder(element).text.split())
                assert caveat in text, (path, ident, " ".join(element.text.split())[:80])
    # The check met each line: NCMEC on Helplines, Find services and Questions; 988 on
    # Helplines and Find services; 911 on most pages.
    assert seen["ncmec"] >= 3 and seen["lifeline988"] >= 2 and seen["emergency"] >= 10, seen


@pytest.mark.parametrize("lang", LANGS)
def test_stronghearts_says_whom_it_is_for_where_it_is_offered_to_anyone(app, client, lang):
    """Home and the offline page offer StrongHearts among "talk to someone" lines: there it
    says it is for American Indians and Alaska Natives (its own cards say so in what it is
    for)."""
    _ = gettext(app, lang)
    line = app.extensions["guide_content"].helplines["stronghearts"]
    audience = _("For American Indians and Alaska Natives.")
    offered = 0
    for path, doc in every_page(app, client, lang):
        for link in doc.find_all("a"):
            if link.attrs.get("href") != line.voice.href:
                continue
            box = holder(link)
            if box.tag == "article" and "helpline" in (box.attrs.get("class") or "").split() \
                    or "org" in (box.attrs.get("class") or "").split():
                assert _(line.description) in box.text     # Helplines and Find services cards
                continue
            offered += 1
            assert audience in " ".join(box.text.split()), path
    assert offered >= 2    # home and the offline page


@pytest.mark.parametrize("lang", LANGS)
def test_the_offline_search_index_carries_each_caveat(app, client, lang):
    """Find services with JavaScript (and offline) draws its cards from this index: NCMEC and
    988 carry their caveat there too, in the warning style of a law-enforcement label."""
    import json

    _ = gettext(app, lang)
    index = json.loads(client.get(f"/{lang}/services/index.json").data)
    orgs = index["orgs"]
    for ident in ("ncmec", "lifeline988"):
        i = orgs["id"].index(ident)
        labels = [index["badges"][b] for b in orgs["badges"][i]]
        assert ["caveat", 1, _(CAVEATS[ident])] in labels, (ident, labels)
    assert not any(index["badges"][b][0] == "caveat" for b in orgs["badges"][orgs["id"].index("nhth")])
