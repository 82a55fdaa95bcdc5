"""The file and the site are two forms of one guide: for every page in every language, the
file's section shows the same text, block by block, as the page's <main>, and the same phone
and text links. The only differences are written here by hand: what only the site can do
(install it, remove its saved copy, share it, read it aloud), what only the file needs
without JavaScript (what each self-check answer means), and the "Need help now?" box under
most pages, which the file has once, after its sections (its script shows it under each)."""

import pytest
from flask import g

from tests.file.packed import unpacked
from tests.htmlparse import parse
from webapp import i18n, locales
from webapp.pages import IN_FILE

# Sections of a page (by their heading's id) that the file leaves out, and why.
SITE_ONLY = {
    "home": {"share-title"},                  # sharing the site: its address, its file
    # installing the site, removing its saved copy, reading it aloud (Listen)
    "safety": {"install-ways", "remove", "listening"},
}
# The Listen control beside every page's title (hidden until the phone has a voice): the file
# has no Listen.
SITE_ONLY_CONTROLS = ("listen",)
# Under a page of the site, in the file once (compared on its own below).
HELP_BOX = "help-box"
# Blocks of a page that name what the file does not hold: Home's card for the wallet cards
# (a sheet to print, whose codes open the website; pages.py leaves it out of the file).
SITE_ONLY_BLOCKS = {"home": ("Wallet cards to print",)}
BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "summary", "legend", "label", "th", "td",
          "figcaption", "option", "button")


def blocks(root, skip_sections=frozenset()) -> list[str]:
    """The text of each block of `root`, in order, whitespace collapsed: what a reader reads.
    Scripts' templates and data and <noscript> are left out (the browser shows neither to a
    reader with JavaScript), and the sections named in `skip_sections`."""
    out = []

    def walk(element):
        if element.tag in ("template", "script", "style", "noscript", "svg"):
            return
        if element.tag == "section" and element.attrs.get("aria-labelledby") in skip_sections:
            return
        if element.attrs.get("data-module") in SITE_ONLY_CONTROLS:
            return
        if element.tag == "aside" and element.attrs.get("class") == HELP_BOX:
            return
        if element.tag in BLOCKS:
            out.append(" ".join(text_of(element).split()))
        for child in element.children:
            if not isinstance(child, str):
                walk(child)

    for child in root.children:
        if not isinstance(child, str):
            walk(child)
    return out


def text_of(element) -> str:
    return "".join(c if isinstance(c, str) else ("" if c.tag in ("svg", "template", "script") else text_of(c))
                   for c in element.children)


def phone_links(root, skip=()) -> list[str]:
    """Phone and text links with a number (not the empty patterns of the site's card template:
    the file has none, its cards are all rendered), except those inside `skip`."""
    left_out = {id(a) for box in skip for a in box.find_all("a")}
    return sorted(a.attrs["href"] for a in root.find_all("a")
                  if a.attrs.get("href", "").startswith(("tel:", "sms:")) and a.attrs["href"] not in ("tel:", "sms:")
                  and id(a) not in left_out)


def help_boxes(root) -> list:
    return root.find_all("aside", **{"class": HELP_BOX})


@pytest.mark.parametrize("code", [loc.code for loc in locales.served()])
def test_the_file_shows_what_the_site_shows(app, client, code):
    doc = parse(unpacked(client.get(f"/{code}/file/").data))
    for page in IN_FILE:
        site = parse(client.get(page.path(code)).data).find("main")
        section = doc.find("section", id="s-" + (page.slug or "home"))
        skip = SITE_ONLY.get(page.name, frozenset())
        site_blocks, file_blocks = blocks(site, skip), blocks(section)
        if page.name in SITE_ONLY_BLOCKS:
            with app.test_request_context(f"/{code}/"):
                g.locale = locales.get(code)
                left_out = tuple(i18n.gettext(m) for m in SITE_ONLY_BLOCKS[page.name])
            site_blocks = [b for b in site_blocks if not b.startswith(left_out)]
        assert file_blocks == site_blocks, (code, page.name, diff(site_blocks, file_blocks))
        site_links = phone_links(site, skip=help_boxes(site))
        assert phone_links(section) == site_links if not skip else \
            set(phone_links(section)) <= set(site_links), (code, page.name)
        assert len(help_boxes(site)) == (0 if page.shows_hotline else 1), (code, page.name)
        assert help_boxes(section) == [], (code, page.name)
    # The box under the site's pages, once in the file, with the same words and links.
    rights = parse(client.get(f"/{code}/rights/").data).find("main")
    [site_box], [file_box] = help_boxes(rights), help_boxes(doc.find("main"))
    assert blocks(file_box) == blocks(site_box) and len(blocks(file_box)) == 2, code
    assert phone_links(file_box) == phone_links(site_box) == ["sms:233733?body=BeFree", "tel:+18883737888"]
    # Every helpline with its label, promises and Call / Text links: the whole Helplines page.
    helplines = parse(client.get(f"/{code}/helplines/").data).find("main")
    assert phone_links(doc.find("section", id="s-helplines")) == phone_links(helplines)


def diff(a: list[str], b: list[str]) -> list:
    import difflib

    return [line for line in difflib.unified_diff(a, b, lineterm="", n=0)][:12]
