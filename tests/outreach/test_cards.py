"""Wallet cards and the share panel: the QR code decodes to GUIDE_BASE_URL/<lang>/, printing
shows the cards and nothing else, a local or missing address is refused in the reader's
language, and the discreet cards say nothing about trafficking."""

import io

import pytest

from tests.conftest import LiveServer, new_context, wait_for_js
from tests.htmlparse import parse
from webapp import create_app, locales
from webapp.outreach import qr

BASE = "https://help.example.org"


@pytest.fixture(scope="module")
def card_app():
    return create_app({"TESTING": True, "GUIDE_BASE_URL": BASE + "/"})


@pytest.fixture(scope="module")
def card_server(card_app):
    server = LiveServer(card_app)
    yield server
    server.stop()


def decode(png: bytes) -> list[str]:
    import zxingcpp
    from PIL import Image

    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


@pytest.mark.parametrize("value, problem", [
    ("", "missing"), ("http://localhost:5000", "local"), ("http://127.0.0.1:5000/", "local"),
    ("http://192.168.1.20", "local"), ("http://guide", "local"), ("ftp://help.example.org", "invalid"),
    ("help.example.org", "invalid"), (BASE, None), (BASE + "/guide/", None),
])
def test_public_address_rules(value, problem):
    assert qr.public_base(value).problem == problem


@pytest.mark.browser
@pytest.mark.parametrize("path, lang", [("/en/card/", "en"), ("/ar/card/", "ar"), ("/es/card/discreet/", "es")])
def test_card_qr_code_decodes_to_the_home_page_in_its_language(browser, card_server, path, lang):
    ctx = new_context(browser, viewport={"width": 800, "height": 900}, device_scale_factor=3)
    page = ctx.new_page()
    page.goto(card_server.url + path)
    cards = page.locator(".wallet-card")
    assert cards.count() >= 8
    qr_code = cards.first.locator("svg.qr")
    assert decode(qr_code.screenshot()) == [f"{BASE}/{lang}/"]
    # The address is printed under the code, left to right even on an Arabic card.
    address = cards.first.locator(".wc-address")
    assert address.inner_text().strip() == f"{BASE}/{lang}/"
    size = cards.first.evaluate("e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height]")
    # 85 x 55 mm at 96 CSS px per inch.
    assert abs(size[0] - 85 / 25.4 * 96) < 1 and abs(size[1] - 55 / 25.4 * 96) < 1
    ctx.close()


@pytest.mark.browser
def test_printing_shows_only_the_cards_in_black_and_white(browser, card_server, card_app):
    ctx = new_context(browser)
    page = ctx.new_page()
    page.goto(card_server.url + "/en/card/")
    page.emulate_media(media="print")
    body = page.evaluate("document.body.innerText").split()
    sheet = page.locator("#card-sheet").inner_text().split()
    assert body == sheet
    assert not page.locator("#quick-exit").is_visible()
    assert page.locator(".wallet-card").first.is_visible()
    colors = page.evaluate("""() => [...document.querySelectorAll('#card-sheet *')].flatMap(e => {
        const s = getComputedStyle(e); return [s.color, s.backgroundColor]; })""")
    allowed = {"rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"}
    assert set(colors) <= allowed
    hotline = card_app.extensions["guide_content"].helplines["nhth"]
    text = " ".join(sheet)
    assert hotline.voice.display in text and hotline.text.number in text
    assert "911" in text and "sends police, fire or an ambulance" in text.lower() and "not the police" in text.lower()
    ctx.close()


def test_discreet_cards_say_nothing_about_trafficking(card_app):
    client = card_app.test_client()
    for loc in locales.LOCALES:
        if not loc.listed:
            continue
        doc = parse(client.get(f"/{loc.code}/card/discreet/").data)
        sheet = doc.find("div", id="card-sheet")
        text = sheet.text.lower()
        for word in ("traffick", "trata", "traite", "tráfico", "trafik", "buôn người", "인신매매",
                     "贩运", "الاتجار", "торгов"):
            assert word not in text, (loc.code, word)
        assert "1-888-373-7888" in text and "911" in text


@pytest.mark.parametrize("value, shown", [("", None), ("http://localhost:5000", "http://localhost:5000")])
def test_cards_are_refused_without_a_public_address_in_the_readers_language(value, shown):
    app = create_app({"TESTING": True, "GUIDE_BASE_URL": value})
    client = app.test_client()
    html = client.get("/es/card/").get_data(as_text=True)
    doc = parse(html)
    assert doc.find("div", id="card-sheet") is None
    refusal = doc.find("div", role="alert").text
    assert "Todavía no se pueden imprimir estas tarjetas." in refusal
    assert "GUIDE_BASE_URL" in refusal
    if shown:
        assert shown in refusal
    # Nor does the home page offer a code or an address that would open nowhere; it still
    # offers the guide as one file, which needs no address.
    home = client.get("/es/").get_data(as_text=True)
    assert 'class="share__qr"' not in home and "data-share=" not in home
    assert 'href="/es/file/" download="notes-es.html" data-share-file' in home


@pytest.mark.browser
def test_share_panel_shows_the_code_of_this_languages_home(browser, card_server):
    ctx = new_context(browser, viewport={"width": 360, "height": 640}, device_scale_factor=3)
    page = ctx.new_page()
    page.goto(card_server.url + "/es/")
    panel = page.locator("section.share")
    panel.scroll_into_view_if_needed()
    assert decode(panel.locator("svg.qr").screenshot()) == [f"{BASE}/es/"]
    ctx.close()


# The phone's share sheet is the phone's own, out of the browser's reach: where a test needs
# it, a recording navigator.share stands in for it (the README says so).
SHARE_SHEET = """Object.defineProperty(Navigator.prototype, "share", {configurable: true, value: function (data) {
    window.__shared = (window.__shared || []).concat([JSON.parse(JSON.stringify(data))]);
    return Promise.resolve();
}});"""


@pytest.mark.browser
def test_share_button_hands_this_languages_home_to_the_phones_share_sheet(browser, card_server):
    phone = {"viewport": {"width": 360, "height": 640}, "has_touch": True}
    with_sheet = new_context(browser, **phone)
    with_sheet.add_init_script(SHARE_SHEET)
    page = with_sheet.new_page()
    page.goto(card_server.url + "/es/")
    button = page.get_by_role("button", name="Compartir")
    button.scroll_into_view_if_needed()
    button.tap()
    shared = wait_for_js(page, "() => window.__shared")
    assert [item["url"] for item in shared] == [f"{BASE}/es/"]
    with_sheet.close()
    # A browser without a share sheet (this one, as it is) shows no button that cannot work.
    without = new_context(browser, **phone)
    page = without.new_page()
    page.goto(card_server.url + "/es/")
    assert page.evaluate("typeof navigator.share") == "undefined"
    assert page.locator("[data-share]").count() == 1 and page.locator("[data-share]").is_hidden()
    without.close()
