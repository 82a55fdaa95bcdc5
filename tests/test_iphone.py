"""What an iPhone reads (no browser): Safari deletes a site's saved copy after 7 days of use
without a visit unless it is on the Home Screen, so the saved and safety pages say so in every
language (generally without JavaScript; guide.js shows the iPhone-only lines, tested in WebKit
in tests/engines/), and both apps carry the tags iOS reads when one is added to the Home
Screen, the calculator's as neutral as its manifest."""

import re
import struct

import pytest

from webapp import locales

CODES = [loc.code for loc in locales.LOCALES if loc.listed]   # not the pseudo-locale


def tags(html: str) -> dict[str, str]:
    found = {name: value for name, value in re.findall(r'<meta name="(apple-[^"]+)" content="([^"]*)"', html)}
    found["touch-icon"] = re.search(r'<link rel="apple-touch-icon" href="([^"]+)"', html).group(1)
    return found


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("path, title, bar", [("/en/", "Get help", "default"),
                                               ("/calculator/es/", "Calculadora", "black")])
def test_both_apps_carry_what_ios_reads(client, path, title, bar):
    found = tags(client.get(path).get_data(as_text=True))
    assert found["apple-mobile-web-app-title"] == title
    assert found["apple-mobile-web-app-capable"] == "yes"
    assert found["apple-mobile-web-app-status-bar-style"] == bar
    icon = client.get(found["touch-icon"])
    assert icon.status_code == 200 and icon.mimetype == "image/png"
    assert png_size(icon.data) == (180, 180)      # the size an iPhone's Home Screen uses


def test_the_calculators_touch_icon_is_not_the_guides(client):
    assert tags(client.get("/calculator/en/").get_data(as_text=True))["touch-icon"] != \
        tags(client.get("/en/").get_data(as_text=True))["touch-icon"]


GENERAL = ("On iPhone, Safari deletes what the guide saved for offline if you use Safari for 7 days "
           "without opening the guide. The guide and the calculator added to the Home Screen keep their copy.")
STEP = "Open it from the Home Screen once while you have internet, so it can save its own copy for offline use."
NOTE = ("On this phone, the copy saved for offline lasts only while you keep visiting: if you use Safari for 7 "
        "days without opening the guide, Safari deletes it. Adding the guide or the calculator to the Home "
        "Screen keeps it.")


@pytest.mark.parametrize("page", ["saved", "safety"])
def test_saved_and_safety_pages_tell_an_iphone_reader(client, page):
    html = client.get(f"/en/{page}/").get_data(as_text=True)
    # For everyone, under the iPhone steps: what Safari does, and the step that saves the copy.
    assert f"<p>{GENERAL}</p>" in html and f"<li>{STEP}</li>" in html
    # On an iPhone only (guide.js shows it): hidden in the page as served.
    assert f'<p class="note" data-iphone hidden>{NOTE}</p>' in html


@pytest.mark.parametrize("lang", CODES)
def test_every_language_says_it_with_the_number(client, lang):
    """Translated in every language (never the English words), the 7 from one place."""
    html = client.get(f"/{lang}/saved/").get_data(as_text=True)
    shown = re.findall(r"data-iphone hidden>([^<]+)", html)
    assert len(shown) == 3 and all("7" in text and "Safari" in text for text in shown), shown
    if lang != "en":
        assert GENERAL not in html and NOTE not in html and STEP not in html
