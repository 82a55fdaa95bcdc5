"""Listen (webapp/components/listen): the guide read aloud with the phone's own voices.

In Chromium with real voices (espeak-ng through speech-dispatcher, tests/browser/speech.py):
the control shows only with a voice for the page's language; pages are read in reading order,
a sentence or list item at a time, in their language, with phone numbers said digit by digit
in their groups; the self-check reads the question on screen, then the result; the reader can
pause, go on, slow down and stop, and sees what is being read; the quick exit silences the
page before it hides it; leaving the page stops it; nothing is stored or fetched. Without a
browser: which voices may read which language, and the control on every page, hidden and
translated."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from tests.browser.speech import Notes
from tests.conftest import ROOT, new_context, speaking_launch_args
from webapp import locales, translate
from webapp.components import listen
from webapp.pages import PAGES

in_chromium = pytest.mark.browser
PHONE = {"width": 360, "height": 640}
LISTEN = "#listen [data-listen='start']"


# --- Without a browser --------------------------------------------------------------------

def test_which_voices_may_read_which_language():
    rule = listen.voice_rule()
    assert rule["en"] == [["en"], []]
    assert rule["es"] == [["es"], []]
    # Tagalog: phones call it Filipino (fil-PH).
    assert rule["tl"] == [["tl", "fil"], []]
    # Simplified Chinese: Mandarin voices by either tag, never Cantonese or a pinyin voice.
    accept, refuse = rule["zh-Hans"]
    assert accept == ["zh-hans", "zh-cn", "zh-sg", "zh-my", "cmn-hans", "cmn-cn", "cmn", "zh"]
    assert {"zh-hk", "yue", "cmn-latn"} <= set(refuse)
    assert set(rule) == {loc.code for loc in locales.LOCALES}


def catalog(lang):
    loc = locales.BY_CODE[lang]
    return translate._read(translate.po_path(ROOT / "translations", loc), loc.babel)


@pytest.mark.parametrize("lang", [loc.code for loc in locales.LOCALES if loc.listed])
def test_every_page_has_the_control_hidden_and_in_its_language(client, lang):
    from tests.htmlparse import parse

    words = {"Listen": "Listen", "Pause": "Pause", "Continue": "Continue", "Stop": "Stop", "Slower": "Slower"}
    if lang != "en":
        messages = catalog(lang)
        words = {english: messages[english].string for english in words}
        assert all(words.values()), f"{lang}: a Listen button is not translated"
    for page in PAGES:
        html = client.get(page.path(lang)).get_data(as_text=True)
        doc = parse(html)
        control = doc.find(id="listen")
        assert control is not None, f"{page.path(lang)}: no Listen control"
        # Hidden until the script finds a voice: without one, the page is as it was.
        assert "hidden" in control.attrs, f"{page.path(lang)}: the Listen control is not hidden"
        labels = [button.text.strip() for button in control.find_all("button")]
        assert labels == list(words.values()), f"{page.path(lang)}: {labels}"


def test_spanish_and_arabic_buttons_by_hand(client):
    from tests.htmlparse import parse

    for lang, start in (("es", "Escuchar"), ("ar", "استمع"), ("hi", "सुनें")):
        control = parse(client.get(f"/{lang}/").get_data(as_text=True)).find(id="listen")
        assert control.find_all("button")[0].text.strip() == start


def test_safety_page_says_others_can_hear_it(client):
    text = client.get("/en/safety/").get_data(as_text=True)
    assert "People near you can hear it. Use headphones if you can." in text
    assert "Quick exit stops the voice at once. Leaving the page stops it too." in text
    for lang, words in (("es", "Usa audífonos si puedes."), ("ar", "استخدم سماعات الأذن إن استطعت.")):
        assert words in client.get(f"/{lang}/safety/").get_data(as_text=True)


def test_the_guide_bundle_carries_it_after_the_quick_exit(app, client):
    urls = app.extensions["guide_asset_urls"]
    script = client.get(urls["guide_js"]).get_data(as_text=True)
    styles = client.get(urls["guide_css"]).get_data(as_text=True)
    assert script.index('getElementById("quick-exit")') < script.index('getElementById("listen")')
    assert "::highlight(listen)" in styles


# --- In Chromium, with real voices --------------------------------------------------------

@pytest.fixture()
def speaking(speaking_browser):
    """A 360 px phone with voices; `notes` has what its pages asked the voices to say."""
    ctx = new_context(speaking_browser, viewport=PHONE)
    notes = Notes(ctx)
    page = ctx.new_page()
    errors: list = []
    page.on("pageerror", lambda error: errors.append(error))
    page.notes = notes
    yield page
    ctx.close()
    assert errors == []


def open_with_voice(page, url):
    page.goto(url)
    expect(page.locator(LISTEN)).to_be_visible(timeout=15_000)


def listen_until(page, count: int) -> list[dict]:
    page.locator(LISTEN).click()
    page.notes.wait_for_speech(page, count)
    return page.notes.spoken()


def read_whole(page) -> list[dict]:
    """Listen to the end: the control offers Listen again when the reading is over."""
    page.locator(LISTEN).click()
    page.notes.wait(page, lambda: page.notes.spoken(), "the first utterance")
    expect(page.locator(LISTEN)).to_be_visible(timeout=120_000)
    spoken = page.notes.spoken()
    page.notes.wait(page, lambda: {tuple(s["n"]) for s in spoken} <= page.notes.ended(),
                    "every utterance to end")
    return spoken


@in_chromium
def test_no_control_without_a_voice_for_the_language(speaking, browser, live_server):
    # The same phone has English voices (its voices have loaded), and none for Tagalog:
    # espeak-ng has no Tagalog voice.
    open_with_voice(speaking, live_server.url + "/en/")
    speaking.goto(live_server.url + "/tl/")
    # The voices are there in this page too, and a task later any voiceschanged has been
    # handled: the control's answer is in.
    found = speaking.evaluate("""async () => {
        while (!speechSynthesis.getVoices().length) await new Promise(r => setTimeout(r, 50));
        await new Promise(r => setTimeout(r, 0));
        const voices = speechSynthesis.getVoices();
        return {voices: voices.length, tagalog: voices.some(v => /^(tl|fil)/i.test(v.lang)),
                shown: !document.getElementById('listen').hidden};
    }""")
    assert found == {"voices": found["voices"], "tagalog": False, "shown": False} and found["voices"] > 100
    expect(speaking.locator("#listen")).to_be_hidden()
    # A phone with no voices at all (the shared browser has no speech-dispatcher).
    ctx = new_context(browser, viewport=PHONE)
    page = ctx.new_page()
    page.goto(live_server.url + "/en/helplines/")
    page.locator("#quick-exit").wait_for()
    assert page.evaluate("speechSynthesis.getVoices().length") == 0
    expect(page.locator("#listen")).to_be_hidden()
    ctx.close()


@in_chromium
def test_no_web_speech_api_no_control_and_the_page_still_works(speaking_browser, live_server):
    """A browser without the Web Speech API, stood in for at that boundary only: the page of a
    browser that has voices sees no speechSynthesis. Its scripts run on (the quick exit is
    tested leaving)."""
    ctx = new_context(speaking_browser, viewport=PHONE)
    ctx.add_init_script("Object.defineProperty(window, 'speechSynthesis', {value: undefined})")
    page = ctx.new_page()
    errors: list = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(live_server.url + "/en/questions/#passport")
    # guide.js, bundled before Listen, ran: it opened the linked answer.
    expect(page.locator("#passport p").first).to_be_visible()
    expect(page.locator("#listen")).to_be_hidden()
    page.locator("#quick-exit").click()
    page.wait_for_url(re.compile(r".*/calculator/$"))
    assert errors == []
    ctx.close()


@in_chromium
def test_speech_never_starts_by_itself(speaking, live_server):
    open_with_voice(speaking, live_server.url + "/en/safety/")
    speaking.reload()
    expect(speaking.locator(LISTEN)).to_be_visible()
    assert speaking.notes.spoken() == []


@in_chromium
def test_a_guide_page_is_read_in_order_and_a_closed_answer_is_not(speaking, live_server):
    open_with_voice(speaking, live_server.url + "/en/questions/")
    speaking.locator("#deported > summary").click()     # the reader opens one answer
    spoken = listen_until(speaking, 14)
    assert [s["text"] for s in spoken[:14]] == [
        "Questions and answers",
        "Answers to questions that workers, families and helpers often ask.",
        "Will calling the hotline get me deported?",
        "The National Human Trafficking Hotline is not the police.",
        "It is not immigration.",
        "What you say is kept confidential, and you do not have to give your name.",
        "The hotline does nothing without your permission.",
        "There are only two exceptions.",
        "It may act if it suspects a child is being abused, or if someone is in danger right now.",
        "This is general information, not legal advice.",
        "If you are worried about your immigration status, talk to a lawyer or legal service.",
        "The hotline can help you find one.",
        # The line's number is a link of its own (a tap target), said after its name.
        "National Human Trafficking Hotline:", "1 8 8 8, 3 7 3, 7 8 8 8",
    ]
    speaking.notes.wait_for_speech(speaking, 16)
    # The next questions are closed: their questions are read, not their answers.
    assert [s["text"] for s in speaking.notes.spoken()[14:16]] == [
        "What if I owe my employer money?",
        "Is it trafficking if I came here legally, with a visa?",
    ]
    assert {(s["lang"], s["local"]) for s in spoken} == {("en", True)}
    assert spoken[0]["voiceLang"].lower().startswith("en")
    speaking.locator("#listen [data-listen='stop']").click()
    expect(speaking.locator(LISTEN)).to_be_visible()


# Every number of helplines.yaml as Listen says it, in the order of the Helplines page with
# every "More details" open: a line's other numbers (in its details), then its buttons.
HELPLINE_NUMBERS = [
    "7 1 1", "Call 1 8 8 8, 3 7 3, 7 8 8 8", "Text BeFree to 2 3 3 7 3 3",          # NHTH
    "1 8 4 4, 7 6 2, 8 4 8 3", "Call 1 8 4 4, 7 6 2, 8 4 8 3", "Text 1 8 4 4, 7 6 2, 8 4 8 3",
    "1 8 6 6, 4 8 7, 9 2 4 3", "7 1 1", "Call 1 8 6 6, 4 8 7, 9 2 4 3",             # Wage and Hour
    "1 8 0 0, 3 2 1, 6 7 4 2", "1 8 7 7, 8 8 9, 5 6 2 7", "Call 1 8 0 0, 3 2 1, 6 7 4 2",  # OSHA
    "1 8 0 0, 6 6 9, 6 8 2 0", "1 8 4 4, 2 3 4, 5 1 2 2", "Call 1 8 0 0, 6 6 9, 4 0 0 0",  # EEOC
    "Call 9 8 8", "Text 9 8 8",
    "1 8 0 0, 7 8 7, 3 2 2 4", "Call 1 8 0 0, 7 9 9, 7 2 3 3", "Text START to 8 8 7 8 8",
    "Call 1 8 0 0, 4 2 2, 4 4 5 3", "Text 1 8 0 0, 4 2 2, 4 4 5 3",                  # Childhelp
    "Call 1 8 0 0, 8 4 3, 5 6 7 8",                                                    # NCMEC
    "Call 9 1 1",
    "1 8 0 2, 8 7 2, 6 1 9 9", "Call 1 8 6 6, 3 4 7, 2 4 2 3",                         # HSI
]
# The same numbers as printed: none may reach a voice, which would read "1-888" as an
# amount or a date, nor may a letters form.
PRINTED = ["1-888-373-7888", "233733", "711", "1-844-762-8483", "1-866-487-9243", "1-800-321-6742",
           "1-877-889-5627", "1-800-669-4000", "1-800-669-6820", "1-844-234-5122", "988",
           "1-800-799-7233", "1-800-787-3224", "88788", "1-800-422-4453", "1-800-843-5678", "911",
           "1-866-347-2423", "1-802-872-6199", "7NATIVE", "4US-WAGE", "321-OSHA"]
SAID_NUMBER = re.compile(r"(?:(?:Call|Text|Text \w+ to) )?\d(?: \d)+(?:, \d(?: \d)*)*")


@in_chromium
def test_helplines_page_reads_every_number_digit_by_digit(speaking, live_server):
    open_with_voice(speaking, live_server.url + "/en/helplines/")
    speaking.evaluate("document.querySelectorAll('main details').forEach(d => { d.open = true; })")
    requests: list = []
    speaking.on("request", lambda request: requests.append(request.url))
    spoken = read_whole(speaking)
    texts = [s["text"] for s in spoken]
    assert texts[:10] == [
        "Helplines",
        "Calling or texting does not need internet.",
        "Most lines have interpreters.",
        "Some lines below go to law enforcement.",
        "They are clearly marked.",
        "The National Human Trafficking Hotline is not the police and not immigration.",
        # The index of lines ("On this page") is navigation: skipped.
        "Help lines",
        "National Human Trafficking Hotline",
        "Not the police and not immigration.",
        "Advocates help people who are in trafficking or worried about it.",
    ]
    assert [m.group(0) for t in texts for m in [SAID_NUMBER.fullmatch(t)] if m] == HELPLINE_NUMBERS
    for printed in PRINTED:
        # (not inside an address: "911.gov", "988lifeline.org")
        pattern = re.compile(rf"(?<![\w.-]){re.escape(printed)}(?![\w-]|\.\w)")
        assert not [t for t in texts if pattern.search(t)], f"{printed} is read as printed"
    # A law-enforcement line is named with its label.
    hsi = texts.index("Homeland Security Investigations (ICE) Tip Line")
    assert texts[hsi + 1] == "Law enforcement: immigration enforcement (ICE)."
    assert "U.S. Department of Labor, Wage and Hour Division" in texts
    assert {(s["lang"], s["local"]) for s in spoken} == {("en", True)}
    assert requests == [], "listening fetched something"
    print(f"Helplines page, every detail open: {len(spoken)} utterances")


@in_chromium
def test_arabic_is_read_in_arabic(speaking, live_server):
    open_with_voice(speaking, live_server.url + "/ar/")
    spoken = listen_until(speaking, 5)
    assert [s["text"] for s in spoken[:5]] == [
        "اطلب المساعدة الآن",
        "مجانية وسرية، على مدار 24 ساعة.",
        "الخط الساخن الوطني لمكافحة الاتجار بالبشر (National Human Trafficking Hotline)",
        "اتصل 1 8 8 8, 3 7 3, 7 8 8 8",
        "أرسل BeFree في رسالة نصية إلى 2 3 3 7 3 3",
    ]
    assert {(s["lang"], s["voiceLang"], s["local"]) for s in spoken} == {("ar", "ar", True)}


@in_chromium
def test_self_check_reads_the_question_on_screen_then_the_result(speaking, live_server):
    open_with_voice(speaking, live_server.url + "/en/self-check/")
    spoken = read_whole(speaking)
    # Its number and group (the dot between them is for the eye), the question, its answers.
    assert [s["text"] for s in spoken] == [
        "Question 1 of 14", "Force",
        "Has anyone threatened to hurt you or your family if you stop working?", "Yes", "No",
    ]
    # Answering moves on; a reading paused on the question stops with it.
    speaking.notes.clear()
    # Paused in the page when the first part starts: on a busy machine the five short parts
    # can all be said before a click from outside arrives (or before a script that waits for
    # speech starts looking).
    speaking.evaluate("""() => {
        const speak = speechSynthesis.speak.bind(speechSynthesis);
        speechSynthesis.speak = (utterance) => {
            speechSynthesis.speak = speak;
            utterance.addEventListener("start", () => {
                document.querySelector("#listen [data-listen='pause']").click();
            }, {once: true});
            return speak(utterance);
        };
    }""")
    speaking.locator(LISTEN).click()
    expect(speaking.locator("#listen [data-listen='resume']")).to_be_visible()
    speaking.locator("#sc-q-threats label").filter(has_text="Yes").click()
    expect(speaking.locator(LISTEN)).to_be_visible()
    expect(speaking.locator("#listen [data-listen='resume']")).to_be_hidden()
    speaking.notes.clear()
    spoken = read_whole(speaking)
    assert [s["text"] for s in spoken][:3] == [
        "Question 2 of 14", "Force", "Are you stopped from quitting the job or leaving?"]
    # Every other answer "No", then the result.
    for _ in range(13):
        step = speaking.locator(".sc-q:visible")
        step.locator("label").filter(has_text="No").click()
    speaking.locator("[data-submit]").click()
    expect(speaking.locator(".sc-result")).to_be_visible()
    speaking.notes.clear()
    spoken = listen_until(speaking, 3)
    assert [s["text"] for s in spoken[:3]] == [
        "What your answers show",
        "Some of your answers are common signs of forced labor (labor trafficking):",
        "Someone threatened to hurt you or your family if you stop working.",
    ]
    speaking.locator("#listen [data-listen='stop']").click()


@in_chromium
def test_two_languages_each_in_its_own_voice(speaking, live_server):
    """The self-check in two languages reads each block with a voice of its language."""
    open_with_voice(speaking, live_server.url + "/en/self-check/ar/")
    spoken = read_whole(speaking)
    assert [(s["text"], s["lang"], s["voiceLang"]) for s in spoken] == [
        ("Question 1 of 14", "en", "en-US"), ("Force", "en", "en-US"),
        ("Has anyone threatened to hurt you or your family if you stop working?", "en", "en-US"),
        ("هل هدّدك أحد بإيذائك أو إيذاء عائلتك إذا توقفت عن العمل؟", "ar", "ar"),
        ("Yes", "en", "en-US"), ("نعم", "ar", "ar"),
        ("No", "en", "en-US"), ("لا", "ar", "ar"),
    ]


MARK = "#ffe38a"   # the mark on what is being read (listen.css), in the light scheme


def marked_pixels(page, box) -> int:
    """How many pixels of the box show the mark's colour, in a screenshot of the page."""
    from io import BytesIO

    from PIL import Image

    clip = {k: box[k] for k in ("x", "y", "width", "height")}
    image = Image.open(BytesIO(page.screenshot(clip=clip))).convert("RGB")
    target = tuple(int(MARK[i:i + 2], 16) for i in (1, 3, 5))
    colours = image.getcolors(maxcolors=image.width * image.height)
    return sum(count for count, colour in colours
               if all(abs(a - b) <= 8 for a, b in zip(colour, target)))


@in_chromium
def test_pause_continue_slower_stop_and_nothing_kept(speaking, live_server):
    url = live_server.url + "/en/safety/"
    open_with_voice(speaking, url)
    # Offline from here: listening needs no network, and asks it for nothing.
    speaking.context.set_offline(True)
    before = speaking.evaluate("({title: document.title, length: history.length})")
    requests: list = []
    speaking.on("request", lambda request: requests.append(request.url))
    notes = speaking.notes
    listen_until(speaking, 2)
    clicked = len(notes.entries)
    speaking.locator("#listen [data-listen='pause']").click()
    expect(speaking.locator("#listen [data-listen='resume']")).to_be_visible()
    notes.wait(speaking, lambda: any(e["kind"] == "cancel" for e in notes.entries[clicked:]),
               "the pause to cancel the sentence")
    said = len(notes.spoken())
    last = notes.spoken()[-1]
    # The sentence it stopped on stays marked, where the reader can see it.
    box = speaking.evaluate("""() => {
        const r = CSS.highlights.get('listen').values().next().value.getBoundingClientRect();
        return {x: r.x, y: r.y, width: r.width, height: r.height}; }""")
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]
    assert marked_pixels(speaking, box) > box["width"] * box["height"] / 4
    # Meanwhile (a screenshot is longer than a sentence here) the voice said nothing more;
    # Continue says that sentence again from its start.
    assert len(notes.spoken()) == said
    speaking.locator("#listen [data-listen='resume']").click()
    notes.wait(speaking, lambda: len(notes.spoken()) > said, "speech after Continue")
    again = notes.spoken()[said]
    assert (again["text"], again["rate"]) == (last["text"], 1)
    # Slower: the sentence again, more slowly, and so on from there.
    speaking.locator("#listen [data-listen='slower']").click()
    slower_button = speaking.locator("#listen [data-listen='slower']")
    expect(slower_button).to_have_attribute("aria-pressed", "true")
    notes.wait(speaking, lambda: any(s["rate"] < 1 for s in notes.spoken()), "a slower utterance")
    slower = [s for s in notes.spoken() if s["rate"] < 1]
    assert slower[0]["rate"] == pytest.approx(0.75)
    notes.wait_for_speech(speaking, len(notes.ended()) + 1)
    speaking.locator("#listen [data-listen='stop']").click()
    expect(speaking.locator(LISTEN)).to_be_visible()
    stopped = len(notes.spoken())
    assert speaking.evaluate("CSS.highlights.has('listen')") is False
    assert marked_pixels(speaking, box) == 0
    # Nothing about listening is kept: no storage, no cookie, no address, no title, no history.
    kept = speaking.evaluate("""async () => ({
        local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
        databases: (await indexedDB.databases()).length, caches: (await caches.keys()).length,
        title: document.title, length: history.length, url: location.href})""")
    assert kept == {"local": 0, "session": 0, "cookie": "", "databases": 0, "caches": 0,
                    "title": before["title"], "length": before["length"], "url": url}
    assert requests == [], "listening fetched something"
    assert len(notes.spoken()) == stopped


@contextmanager
def speaking_now(page, dispatcher):
    """Listen, and keep the voice mid-sentence for the block (SpeechDispatcher.held): the page
    is speaking while the test quits, leaves or hides it. Gives the number of notes so far."""
    page.locator(LISTEN).click()
    page.notes.wait_for_speech(page, 1)
    with dispatcher.held():
        page.notes.wait(page, lambda: page.evaluate("speechSynthesis.speaking"), "speech in progress")
        yield len(page.notes.entries)


def silenced(notes, since: int, path: str, speaking=True) -> list[dict]:
    """The notes after `since`, checked: the page's first call after it cancelled speech that
    was still going on (unless `speaking` is None), on its own page, and nothing was said after
    that anywhere."""
    after = notes.entries[since:]
    cancels = [e for e in after if e["kind"] == "cancel"]
    assert cancels, f"speech was not cancelled: {after}"
    assert cancels[0]["path"] == path
    if speaking is not None:
        assert cancels[0]["speaking"] is speaking
    first = after.index(cancels[0])
    assert [e for e in after[first:] if e["kind"] == "speak"] == [], "speech went on"
    return cancels


@in_chromium
@pytest.mark.parametrize("how", ["button", "shift"])
def test_quick_exit_silences_the_page_before_the_cover(speaking, speech_dispatcher, live_server, how):
    open_with_voice(speaking, live_server.url + "/en/safety/")
    with speaking_now(speaking, speech_dispatcher) as since:
        if how == "button":
            speaking.locator("#quick-exit").click()
        else:
            for _ in range(3):
                speaking.keyboard.press("Shift")
        speaking.wait_for_url(re.compile(r".*/calculator/$"))
        speaking.locator("#display").wait_for(state="visible")
    cancels = silenced(speaking.notes, since, "/en/safety/")
    # Cancelled while the guide's page was still shown: before it hid, so before the cover
    # was even loaded.
    assert cancels[0]["pageHidden"] is False


@pytest.fixture()
def speaking_phone(playwright, full_browser_launch_args, speech_dispatcher):
    """The full browser with voices: like a phone's browser, it keeps the pages a reader
    leaves in its back-forward cache (the headless shell never does)."""
    browser = playwright.chromium.launch(**speaking_launch_args(full_browser_launch_args, speech_dispatcher))
    ctx = new_context(browser, viewport=PHONE)
    notes = Notes(ctx)
    page = ctx.new_page()
    page.notes = notes
    yield page
    browser.close()


@in_chromium
def test_leaving_the_page_stops_it(speaking_phone, speech_dispatcher, live_server):
    """A page kept in the back-forward cache is alive, and could go on speaking or come back
    mid-sentence. What it did as it left is read from its own notes once Back has brought it
    back (a page going into the cache no longer reaches the test's binding)."""
    page = speaking_phone
    open_with_voice(page, live_server.url + "/en/safety/")
    with speaking_now(page, speech_dispatcher):
        before = page.evaluate("window.__speechNotes.length")
        page.locator("main a[href='/en/about/']").click()
        page.wait_for_url("**/en/about/")
        expect(page.locator(LISTEN)).to_be_visible()
        page.go_back(wait_until="commit")
        # The page as it was kept, not loaded again, and no longer reading.
        expect(page.locator(LISTEN)).to_be_visible()
        expect(page.locator("#listen [data-listen='pause']")).to_be_hidden()
        assert page.evaluate("CSS.highlights.has('listen')") is False
        kept = page.evaluate("window.__speechNotes")
    assert len(kept) > before, "the page was loaded again, not kept"
    left = kept[before:]
    cancels = [e for e in left if e["kind"] == "cancel"]
    assert cancels and cancels[0]["speaking"] is True, left
    assert [e for e in left if e["kind"] == "speak"] == []


@in_chromium
def test_hiding_the_page_stops_it(speaking, speech_dispatcher, live_server):
    """The phone hides the page (another app, the lock screen), stood in for where the browser
    would hear it from the system: headless Chromium never hides a page (bring_to_front,
    minimising the window and freezing the page all leave document.hidden false), so the
    test sets document.hidden and sends visibilitychange as the browser would."""
    open_with_voice(speaking, live_server.url + "/en/safety/")
    with speaking_now(speaking, speech_dispatcher) as since:
        speaking.evaluate("""() => {
            Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});
            Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});
            document.dispatchEvent(new Event('visibilitychange'));
        }""")
        expect(speaking.locator(LISTEN)).to_be_visible()
        expect(speaking.locator("#listen [data-listen='pause']")).to_be_hidden()
    silenced(speaking.notes, since, "/en/safety/")


FIRST_SCREEN = """() => Object.fromEntries(Object.entries({
    Listen: "#listen [data-listen='start']", heading: "h1",
    Call: "#featured-nhth .button--call", Text: "#featured-nhth .button--text",
  }).map(([what, selector]) => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return [what, box.width > 0 && box.top >= 0 && box.bottom <= innerHeight];
  }))"""


@in_chromium
def test_control_beside_the_title_keeps_help_on_the_first_screen(speaking, live_server):
    from tests.browser.axe import axe_results, with_axe

    for loc in locales.LOCALES:
        if not loc.listed or loc.code == "tl":     # no Tagalog voice here
            continue
        open_with_voice(speaking, f"{live_server.url}/{loc.code}/")
        seen = speaking.evaluate(FIRST_SCREEN)
        assert seen == {"Listen": True, "heading": True, "Call": True, "Text": True}, loc.code
    # While reading, the controls sit at the foot of the screen: 48 px, 8 px apart, and pass
    # axe's checks, in the longest words.
    with_axe(speaking.context)
    speaking.goto(f"{live_server.url}/ru/")
    listen_until(speaking, 1)
    speaking.locator("#listen [data-listen='pause']").click()
    boxes = [b.bounding_box() for b in speaking.locator("#listen button:visible").all()]
    assert len(boxes) == 3
    for box in boxes:
        assert box["height"] >= 48 and box["width"] >= 48
        assert box["y"] + box["height"] <= PHONE["height"]
    for a, b in zip(boxes, boxes[1:]):
        apart = max(b["x"] - (a["x"] + a["width"]), a["x"] - (b["x"] + b["width"]),
                    b["y"] - (a["y"] + a["height"]), a["y"] - (b["y"] + b["height"]))
        assert apart >= 8
    assert axe_results(speaking).violations_count == 0, axe_results(speaking).generate_report()


@in_chromium
def test_the_way_back_code_is_shown_but_never_said(speaking, live_server):
    """The safety page tells the reader the calculator's code; Listen reads everything around
    it but not the code, which anyone near the phone would hear."""
    open_with_voice(speaking, live_server.url + "/en/safety/")
    assert speaking.get_by_text("To come back to the guide, type 2580 on the calculator").first.is_visible()
    texts = [s["text"] for s in read_whole(speaking)]
    assert "Quick exit" in " ".join(texts) and len(texts) > 20      # the page was read
    said = " ".join(texts)
    assert not re.search(r"2\W*5\W*8\W*0", said), [t for t in texts if re.search(r"\d", t)]
