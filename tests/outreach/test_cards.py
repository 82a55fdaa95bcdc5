"""Wallet cards and the share panel: the QR code decodes to GUIDE_BASE_URL/<lang>/, printing
shows the cards and nothing else, a local or missing address is refused in the reader's
language, and the discreet cards name nothing that would give them away."""

import io
import re

import pytest

from tests.conftest import LiveServer, new_context, wait_for_js
from tests.htmlparse import parse
from tests.language_cases import SPOKEN
from webapp import create_app, locales
from webapp.outreach import qr

BASE = "https://help.example.org"


@pytest.fixture(scope="module")
def card_app(app_variant):
    return app_variant(GUIDE_BASE_URL=BASE + "/")


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


# Words that would give a discreet card away, in the guide's languages, written by hand:
# trafficking, abuse, the police. (The guide's own name is read from each catalog below.)
GIVEAWAYS = re.compile("|".join([
    r"traffick", r"\btrata\b", r"\btraite\b", r"tráfico", r"\btrafik", r"buôn người", r"인신매매", r"贩运",
    r"الاتجار", r"торгов",
    r"\babus", r"\babi\b", r"lạm dụng", r"학대", r"虐待", r"侵害", r"aabuso", r"إساءة", r"насили",
    r"злоупотреб", r"maltrait",
    r"\bpolic", r"polícia", r"\bpulis", r"lapolis", r"cảnh sát", r"경찰", r"警察", r"الشرطة", r"полиц",
    r"तस्करी", r"ज़्यादती", r"शोषण", r"दुर्व्यवहार", r"पुलिस",
    r"ค้ามนุษย์", r"ละเมิด", r"ตำรวจ",
    r"911",
]), re.IGNORECASE)


def test_discreet_cards_name_nothing_that_gives_them_away(card_app):
    """No trafficking, abuse, police or guide's name on the discreet sheet or in its title
    (which browsers print at the top of the sheet), in any language; the card still has the
    hotline's numbers. The normal card keeps 911 with its label."""
    from flask_babel import force_locale

    from webapp.i18n import gettext

    client = card_app.test_client()
    for loc in locales.LOCALES:
        if loc.code == locales.PSEUDO:
            continue
        with card_app.test_request_context(f"/{loc.code}/"), force_locale(loc.babel):
            name = gettext("Labor Trafficking Help")
            label = gettext("Sends police, fire or an ambulance.")
        doc = parse(client.get(f"/{loc.code}/card/discreet/").data)
        printed = " ".join(doc.find("div", id="card-sheet").text.split())
        title = doc.find("title").text
        for text in (printed, title):
            assert not GIVEAWAYS.search(text), (loc.code, GIVEAWAYS.search(text).group(0), text)
            assert name not in text, loc.code
        assert "1-888-373-7888" in printed and "233733" in printed
        normal = " ".join(parse(client.get(f"/{loc.code}/card/").data).find("div", id="card-sheet").text.split())
        assert "911" in normal and label in normal, loc.code
        assert GIVEAWAYS.search(normal)     # the words above do meet a card that names them


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


EXPLANATION = "Say or show this in English to get an interpreter:"


@pytest.mark.parametrize("path", ["/{}/card/", "/{}/card/discreet/"])
def test_every_card_says_how_to_ask_for_an_interpreter(card_app, path):
    client = card_app.test_client()
    for loc in locales.LOCALES:
        if not loc.listed:
            continue
        sheet = parse(client.get(path.format(loc.code)).data).find("div", id="card-sheet")
        said = [e.text for e in sheet.iter() if e.attrs.get("lang") == "en"]
        if loc.code == "en":
            assert said == []
            continue
        assert said == [f"I speak {SPOKEN[loc.code]}. I need an interpreter."] * 8, loc.code
        explanation = sheet.find("p", class_="wc-interpreter").text
        # The explanation is in the reader's language, not the English it is translated from.
        assert explanation.replace(said[0], "").strip() not in ("", EXPLANATION), loc.code


FITS = """() => [...document.querySelectorAll('.wallet-card__body')].flatMap(body => {
    const box = body.getBoundingClientRect(), style = getComputedStyle(body);
    const inner = {top: box.top + parseFloat(style.paddingTop), bottom: box.bottom - parseFloat(style.paddingBottom),
                   left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight)};
    return [...body.querySelectorAll('p, svg')].filter(e => {
        const r = e.getBoundingClientRect();
        return r.bottom > inner.bottom + 0.5 || r.top < inner.top - 0.5 || r.right > inner.right + 0.5 || r.left < inner.left - 0.5;
    }).map(e => e.textContent.trim().slice(0, 40) || e.tagName);
})"""


@pytest.mark.browser
def test_every_card_fits_whole_in_every_language(browser, card_server):
    """The card cuts off what does not fit (it is the size of a bank card): a label such as
    911's "sends police, fire or an ambulance" must never be what is cut."""
    ctx = new_context(browser, viewport={"width": 800, "height": 900})
    page = ctx.new_page()
    page.emulate_media(media="print")
    cut = {}
    for loc in locales.LOCALES:
        if not loc.listed:
            continue
        for path in (f"/{loc.code}/card/", f"/{loc.code}/card/discreet/"):
            page.goto(card_server.url + path)
            assert page.locator(".wallet-card").count() == 8
            if found := page.evaluate(FITS):
                cut[path] = found
    ctx.close()
    assert cut == {}
