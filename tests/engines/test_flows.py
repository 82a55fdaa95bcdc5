"""The guide's main flows in WebKit (every iPhone browser) and Firefox, each named as its
Chromium twin and asserting what a person sees. "Offline" is the real thing here: the flow's
server is stopped and the reader reads on. Flows wait on signals (the worker's own status
message, its state, a condition polled with a deadline), never on a clock. A flow that only
one engine needs, or that differs from its twin, says why."""

from __future__ import annotations

import json
import time

import pytest

from tests.browser.test_offline import changed_entries, hashed_bundles, new_sentence
from tests.browser.worker import HELD
from tests.components.test_quick_exit import CODE
from tests.outreach.cases import ALL, CASES, check_result, words
from webapp.offline import precache
from webapp.pages import PAGES

pytestmark = pytest.mark.browser

# The worker's status (its version, the languages it has saved), or null when no worker
# controls the page or it does not answer within a second.
STATUS = """() => new Promise((resolve) => {
    const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (!worker) return resolve(null);
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage({type: 'status', path: ''}, [channel.port2]);
    setTimeout(() => resolve(null), 1000);
})"""

# What a person sees of a page: its language and direction, its heading, the quick exit, and
# whether the guide's styles reached it (the header has its colour).
SEEN = """() => {
    const shown = (el) => el && el.checkVisibility({visibilityProperty: true}) ? el.innerText.trim() : null;
    const header = document.querySelector('.site-header');
    return {
        lang: document.documentElement.lang,
        direction: getComputedStyle(document.body).direction,
        h1: shown(document.querySelector('h1')),
        exit: shown(document.getElementById('quick-exit')),
        styled: !!header && getComputedStyle(header).backgroundColor !== 'rgba(0, 0, 0, 0)',
    };
}"""


def saved(engine, lang: str, timeout: float = 60.0, shared: bool = False) -> dict:
    """Wait for the worker's own word that `lang` is saved on the phone; with `shared`, also
    that the files it saves once active (other languages' offline pages and calculators, the
    manifests' icons) are saved: nothing is left to download."""
    rest = " && s.shared" if shared else ""
    return engine.wait_for_js(f"async () => {{ const s = await ({STATUS})(); "
                              f"return s && s.saved.includes({json.dumps(lang)}){rest} && s; }}", timeout=timeout)


def on_cover(engine) -> None:
    """The calculator is on the screen: its address, its display drawn, and its keypad's
    (deferred) script run, so that the keys work."""
    engine.wait_for_url("/calculator/")
    engine.wait_visible("#display")
    engine.wait_for_js("() => document.readyState === 'complete'")


def every_page_reads_offline(engine, srv, lang: str, direction: str) -> None:
    for page in PAGES:
        engine.goto(srv.url + page.path(lang))
        seen = engine.evaluate(SEEN)
        assert seen["lang"] == lang and seen["direction"] == direction, (page.name, seen)
        assert seen["h1"] and "offline" not in seen["h1"].lower(), (page.name, seen)
        assert seen["exit"] and seen["styled"], (page.name, seen)


# Offline reading ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def reader_offline(engine_name, engines, app):
    """A reader's phone, once per engine for the offline flows below: the first visit (to
    /es/signs/) saves Spanish, Arabic opened online saves Arabic, then the server stops for
    good. Each flow that uses it reads on offline, and leaves the phone as it found it."""
    from tests.conftest import LiveServer

    browser = engines(engine_name)
    srv = LiveServer(app)
    try:
        browser.goto(srv.url + "/es/signs/")
        first = saved(browser, "es")
        browser.goto(srv.url + "/ar/rights/")
        # And every file saved beside them (the other languages' offline pages among them):
        # the stopped server cuts a download still under way.
        saved(browser, "ar", shared=True)
    finally:
        srv.stop()
    return srv, first


def test_one_visit_saves_the_whole_locale(engine, reader_offline):
    """The first visit saved the reader's language (the worker said so, and only that one);
    with the server stopped every page type opens in it, and a language never opened gets
    the offline page with the hotline."""
    srv, first = reader_offline
    assert first["saved"] == ["es"]
    every_page_reads_offline(engine, srv, "es", "ltr")
    # The page came from the saved copy and says when it was saved; in WebKit (as on an iPhone)
    # also that Safari deletes it after days of use without a visit.
    line = engine.wait_visible("#saved-on")
    assert line.startswith("Guardado el ")
    iphone = "En este teléfono, Safari borra esta copia si usas Safari durante 7 días sin abrir la guía."
    assert (iphone in line) == (engine.name == "webkit"), line
    engine.goto(srv.url + "/en/rights/")
    assert "offline" in engine.visible_text("h1").lower()
    assert engine.evaluate("() => [...document.querySelectorAll('a[href=\"tel:+18883737888\"]')]"
                           ".some(a => a.checkVisibility())")


def test_opening_another_language_online_saves_it(engine, reader_offline):
    """Arabic, right to left, opened once online: every page type reads offline, laid out from
    the right."""
    srv, _ = reader_offline
    every_page_reads_offline(engine, srv, "ar", "rtl")
    # From the right: the heading ends at the page's right edge, not at its left.
    box = engine.evaluate("() => { const r = document.querySelector('h1').getBoundingClientRect(); "
                          "return [r.left, r.right, document.documentElement.clientWidth]; }")
    assert box[2] - box[1] < box[0] + 1, box


def test_search_and_filters_work_offline(engine, reader_offline):
    srv, _ = reader_offline
    engine.goto(srv.url + "/es/services/")
    engine.wait_for_js("() => document.getElementById('directory').hasAttribute('data-ready')")
    everyone = engine.evaluate(IDS)
    assert len(everyone) >= 10 and everyone[0] == "nhth"
    engine.click("#directory-q")
    engine.type_keys("líne")                     # key by key: the list follows each one
    found = engine.wait_for_js(f"(before) => {{ const now = ({IDS})(); "
                               "return JSON.stringify(now) !== JSON.stringify(before) && now; }", everyone)
    assert 0 < len(found) < len(everyone)
    assert engine.visible_text("#directory-status") == f"Organizaciones encontradas: {len(found)}"
    assert engine.is_visible("#directory-results a[href='tel:+18883737888']")
    # What the reader typed stays in the page: not in the address, not in the title.
    assert engine.evaluate("() => location.search + location.hash") == ""
    assert "líne" not in engine.evaluate("() => document.title")


def test_offline_exit_shows_the_cover(engine, reader_offline):
    """Offline, the quick exit shows a working calculator, and its code brings the guide back
    (which also leaves the phone as the other offline flows expect it)."""
    srv, _ = reader_offline
    engine.goto(srv.url + "/es/rights/")
    engine.click("#quick-exit")
    on_cover(engine)
    engine.click("button[data-k='9']")
    assert engine.visible_text("#display") == "9"
    engine.click("button[data-k='C']")
    engine.type_keys(CODE + "=")
    engine.wait_for_url("/es/")
    assert engine.wait_visible("h1")


IDS = "() => [...document.querySelectorAll('#directory-results > li')].filter(li => li.checkVisibility()).map(li => li.id.slice(4))"


# The quick exit ----------------------------------------------------------------------------

def open_guide(engine, srv, path="/en/"):
    engine.goto(srv.url + path)
    engine.wait_visible("#quick-exit")


def test_click_shows_the_cover_and_reports_the_time(engine, site):
    srv = site()
    open_guide(engine, srv, "/en/signs/")
    start = time.perf_counter()
    engine.click("#quick-exit")
    on_cover(engine)
    print(f"{engine.name}: quick exit, click to calculator visible {(time.perf_counter() - start) * 1000:.0f} ms")
    assert engine.evaluate("() => document.title") == "Calculator"
    for key in "7*6=":
        engine.click(f"button[data-k='{key}']")
    assert engine.visible_text("#display") == "42"


def test_shift_three_times_exits(engine, site):
    srv = site()
    open_guide(engine, srv)
    engine.press("Shift", 2)
    # Two presses are counted (the screen reader hears how many are left), and nothing more.
    engine.wait_for_js("() => document.getElementById('quick-exit-status').textContent === "
                       "document.getElementById('quick-exit').getAttribute('data-i18n-press-1')")
    assert engine.visible_text("h1")
    engine.press("Shift")
    on_cover(engine)


# What each document of the tab showed, kept in the tab's session storage (it outlives the
# documents): [time, path, whether the guide could be seen] just before each painted frame,
# and [time, path, how it was shown] when a document starts ('load') or is shown again
# (pageshow: true when it came back from the back-forward cache). See the flow's docstring.
FRAME_WATCH = """() => {
    if (window.__watching) return true;
    window.__watching = true;
    const read = () => JSON.parse(sessionStorage.getItem('__frames') || '{"frames": [], "shows": []}');
    const note = (kind, entry) => {
        const log = read();
        log[kind].push([Date.now(), location.pathname, entry]);
        if (log.frames.length > 120) log.frames.shift();
        sessionStorage.setItem('__frames', JSON.stringify(log));
    };
    const guideSeen = () => !!document.body && !document.documentElement.hidden
        && document.visibilityState === 'visible'
        && document.body.checkVisibility({visibilityProperty: true}) && document.body.getClientRects().length > 0;
    const frame = () => { note('frames', guideSeen()); requestAnimationFrame(frame); };
    note('shows', 'load');
    requestAnimationFrame(frame);
    addEventListener('pageshow', (event) => note('shows', event.persisted), true);
    return true;
}"""


def test_back_after_exit_shows_the_cover(engine, site):
    """Open /en/, then /en/signs/ (by its link, as a reader does), quick exit, Back: the
    calculator, and no frame of the guide painted on the way.

    A WebDriver screenshot is taken after the fact and cannot see a frame that lasted 16 ms, so
    the tab watches itself: a script records, just before each frame is painted (in
    requestAnimationFrame, which runs in each rendering update before the browser paints it),
    whether the guide could be seen then (the document not hidden, the page visible, its body
    laid out), and how each document was shown: loaded, or restored from the back-forward
    cache (`pageshow` with `persisted`). The record goes to the tab's session storage, so it
    outlives the exit to the calculator on the same origin.

    The engines take the two roads a reader can meet. WebKit keeps /en/ in its page cache
    through the exit (the exit's message to the guide's cached pages does not take it out
    there): Back restores it, and the page must come back hidden. WebDriver has no script that
    runs before a page's own in WebKit, so the watcher is put into /en/ before the reader leaves
    it, and the flow checks that Back really restored that document. Firefox takes /en/ out of
    its cache at the exit and loads it anew on Back, where the quick exit's guard in <head> must
    hide it: the watcher runs in every document of the tab there (a BiDi preload script), and
    the flow checks that the new /en/ started after Back. Either way, no frame after Back
    showed the guide."""
    srv = site()
    # A returning reader: the guide is saved and its worker answers /en/ from the start. (WebKit
    # did not keep in its cache the page of the first visit, which the worker took control of
    # while it was open: Back would load it anew, the road Firefox takes below.)
    open_guide(engine, srv, "/en/")
    engine.wait_for_js("() => !!navigator.serviceWorker.controller")
    engine.watch_every_document(FRAME_WATCH)
    open_guide(engine, srv, "/en/")
    assert engine.evaluate(FRAME_WATCH)
    engine.wait_for_js("() => JSON.parse(sessionStorage.getItem('__frames') || '{\"frames\": []}').frames.length > 0")
    engine.click("a[href='/en/signs/']")
    engine.wait_for_url("/en/signs/")
    engine.click("#quick-exit")
    on_cover(engine)
    pressed = engine.evaluate("() => Date.now()")
    engine.back()
    on_cover(engine)
    # How /en/ came back (a restored page notes its pageshow; a new one, its start). The
    # calculator is on the screen, so /en/ is gone and every frame it drew is in the record.
    try:
        log = engine.wait_for_js(
            "(t) => { const log = JSON.parse(sessionStorage.getItem('__frames')); "
            "return log.shows.some(s => s[0] >= t && s[1] === '/en/') && log; }", pressed, timeout=10)
    except AssertionError:
        raise AssertionError(f"{engine.name}: no record of /en/ after Back (in WebKit: not restored "
                             "from the page cache, so the watcher put into it never ran)") from None
    engine.stop_watching()
    back = next(show for show in log["shows"] if show[0] >= pressed and show[1] == "/en/")
    assert back[2] == (True if engine.name == "webkit" else "load"), log["shows"]
    seen = [frame for frame in log["frames"] if frame[0] >= pressed and frame[1] != "/calculator/"]
    assert not any(frame[2] for frame in seen), f"frames after Back that showed the guide: {seen}"
    assert "trafficking" not in engine.visible_text().lower()
    assert engine.evaluate("() => document.title") == "Calculator"


def test_way_back_code_returns_to_the_guide(engine, site):
    srv = site()
    open_guide(engine, srv)
    engine.click("#quick-exit")
    on_cover(engine)
    engine.goto(srv.url + "/en/helplines/")      # the guide stays hidden…
    on_cover(engine)
    engine.type_keys(CODE + "=")
    engine.wait_for_url("/en/")                  # …until the code is typed
    assert engine.wait_visible("h1")


# Find services -----------------------------------------------------------------------------

def test_form_works_without_javascript(engine, site):
    """Without JavaScript the search is a POST answered by the server. Neither driver can turn
    JavaScript off for one page, so the form is sent by the browser's own form submission
    (`HTMLFormElement.prototype.submit`, which no script's handler sees), exactly the request a
    browser without JavaScript makes, and the server's answer is what the reader sees."""
    srv = site()
    engine.goto(srv.url + "/en/services/")
    engine.click("#directory-q")
    engine.type_keys("hotline")
    engine.evaluate("() => { window.__typedHere = true; document.querySelector('details.filters').open = true; "
                    "document.getElementById('filter-language').value = 'vi'; "
                    "HTMLFormElement.prototype.submit.call(document.querySelector('form[role=search]')); }")
    # A new document (the server's answer) has replaced the one the words were typed in.
    engine.wait_for_js("() => !window.__typedHere && document.readyState === 'complete'")
    assert ("POST", "/en/services/") in srv.counted.requests
    assert engine.url == srv.url + "/en/services/"                  # the words are in no URL
    found = engine.evaluate(IDS)
    assert found[0] == "nhth" and set(found) == {"nhth", "lifeline988", "ndvh", "childhelp"}
    assert engine.visible_text("#directory-status") == "Organizations found: 4"


# The self-check ----------------------------------------------------------------------------

RESULT = """(suffix) => {
    const root = document.getElementById('sc-result' + suffix);
    if (!root || !root.checkVisibility()) return null;
    const texts = (s) => [...root.querySelectorAll(s)].filter(e => e.checkVisibility()).map(e => e.innerText.trim());
    return [texts('[data-section] > h3'), texts('li[data-sign]'), texts('[data-line] h4'), root.innerText];
}"""


def test_with_javascript_every_language_gives_the_documented_result(app, engine, site):
    """One question per screen, each answered by a tap, then the result in the page: the
    documented result of the case that shows every heading, sign and line, in English."""
    srv = site()
    case, w = CASES[-1], words(app, "en")
    engine.goto(srv.url + "/en/self-check/")
    title = engine.evaluate("() => document.title")
    for qid in ALL:
        shown = engine.evaluate("() => [...document.querySelectorAll('.sc-q')].filter(q => q.checkVisibility()).map(q => q.id)")
        assert shown == [f"sc-q-{qid}"], shown
        engine.click(f"#sc-q-{qid} label:has(input[value={case.answer(qid)}])")
    engine.click("[data-submit]")
    result = engine.wait_for_js(RESULT, "")
    check_result(case, w, *result)
    assert engine.url == srv.url + "/en/self-check/" and engine.evaluate("() => document.title") == title
    assert engine.evaluate("() => localStorage.length + sessionStorage.length") == 0


def test_two_languages_each_in_its_own_direction(app, engine, site):
    """The two-language view: English with Spanish under each question, and the result in
    both."""
    srv = site()
    en, es = words(app, "en"), words(app, "es")
    engine.goto(srv.url + "/en/self-check/es/")
    second = f"#sc-q-{ALL[0]} .sc-text--second"
    assert engine.visible_text(second)
    assert engine.evaluate(f"() => document.querySelector('{second}').lang") == "es"
    yes = engine.visible_text(f"#sc-q-{ALL[0]} label:has(input[value=yes])")
    assert en["yes"] in yes and es["yes"] in yes
    for qid in ALL:
        engine.click(f"#sc-q-{qid} label:has(input[value={'yes' if qid == 'papers' else 'no'}])")
    engine.click("[data-submit]")
    english = engine.wait_for_js(RESULT, "")
    spanish = engine.wait_for_js(RESULT, "-es")
    assert english[1] == [en["signs"]["papers"]] and spanish[1] == [es["signs"]["papers"]]


# Remove saved data -------------------------------------------------------------------------

STORED = """async () => ({
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    local: localStorage.length, session: sessionStorage.length,
})"""


EMPTY = f"async () => {{ const s = await ({STORED})(); return Object.values(s).every(n => n === 0) && s; }}"
STILL_OFFLINE = "Removing them needs an internet connection"


def expect_done(engine) -> None:
    engine.wait_for_js("() => document.title === 'Done'")
    assert engine.visible_text("h1") == "Done"
    assert engine.wait_for_js(EMPTY)
    assert not engine.is_visible("#quick-exit") and "traffick" not in engine.visible_text().lower()


def test_remove_saved_data_online_leaves_nothing(engine, site):
    srv = site()
    engine.goto(srv.url + "/en/")
    saved(engine, "en", shared=True)
    engine.evaluate("() => { localStorage.setItem('x-test', '1'); sessionStorage.setItem('x-test', '1'); }")
    stored = engine.evaluate(STORED)
    assert stored["caches"] >= 1 and stored["workers"] == 1
    engine.goto(srv.url + "/en/forget/")
    engine.click("#forget")
    expect_done(engine)
    assert ("GET", "/removed/en/") in srv.counted.requests


def test_remove_saved_data_offline_says_what_is_left_then_finishes(engine, site):
    """Offline, what a page can remove goes at once and the page says what needs a
    connection; never "Done". These engines' "offline" is a stopped server, which fires no
    `online` event, so the reader's "Try again" finishes it once the server is back."""
    srv = site()
    engine.goto(srv.url + "/en/")
    saved(engine, "en", shared=True)
    engine.evaluate("() => { localStorage.setItem('x-test', '1'); sessionStorage.setItem('x-test', '1'); }")
    engine.goto(srv.url + "/en/forget/")
    port = srv.port
    srv.stop()
    engine.click("#forget")
    engine.wait_for_js("() => document.title === 'Almost done'")
    text = engine.visible_text()
    assert "Removed from this phone" in text and STILL_OFFLINE in text and "was removed" not in text
    assert engine.wait_for_js(EMPTY)
    assert not engine.is_visible("#quick-exit") and "traffick" not in text.lower()
    srv = site(port=port)
    engine.click("[data-retry]")
    expect_done(engine)


def test_remove_saved_data_without_script_asks_the_browser(engine, site):
    """Without JavaScript the form opens the "removed" address, whose answer carries
    Clear-Site-Data ("cache", "storage"). Sent by the browser's own form submission (see
    test_form_works_without_javascript). Firefox removes everything, the worker too. WebKit
    (2.50) empties Cache Storage and web storage but keeps the service worker's registration
    (README, "Browser engines"): an empty worker with nothing of the guide in it; the page's own
    script, the usual path on an iPhone, removes the worker too (the flows above)."""
    srv = site()
    engine.goto(srv.url + "/en/")
    saved(engine, "en", shared=True)
    engine.evaluate("() => { localStorage.setItem('x-test', '1'); sessionStorage.setItem('x-test', '1'); }")
    engine.goto(srv.url + "/en/forget/")
    engine.evaluate("() => { window.__before = true; "
                    "HTMLFormElement.prototype.submit.call(document.getElementById('forget-form')); }")
    # The answer's own document, whole (not a blank one a navigation passes through).
    engine.wait_for_js("() => !window.__before && location.pathname === '/removed/en/' "
                       "&& document.readyState === 'complete' && !!document.querySelector('h1')")
    assert ("GET", "/removed/en/") in srv.counted.requests
    assert engine.visible_text("h1") == "Done"
    left = engine.wait_for_js(f"async () => {{ const s = await ({STORED})(); "
                              "return s.caches + s.local + s.session === 0 && s; }", timeout=10)
    if engine.name == "firefox":
        assert left["workers"] == 0, left


# Updates -----------------------------------------------------------------------------------

def test_a_first_visit_downloads_each_bundle_once(engine, site, app):
    """The worker takes the bundles the page has just loaded (named by the hash of their bytes)
    from the browser's cache: each is asked of the server once (Firefox, as Chromium). WebKit's
    worker does not reach the page's cache (README, "Browser engines"): it asks again for the
    bundles the page loaded, and still once for the others. Counted at the server."""
    srv = site()
    engine.goto(srv.url + "/en/")
    saved(engine, "en", shared=True)
    asked = [path for method, path in srv.counted.requests if method == "GET"]
    bundles = hashed_bundles(app)
    loaded = set(engine.evaluate("() => performance.getEntriesByType('resource')"
                                 ".map((e) => new URL(e.name).pathname)")) & set(bundles)
    assert loaded, "the page loaded no bundle"
    again = 2 if engine.name == "webkit" else 1
    assert {p: asked.count(p) for p in bundles} == {p: again if p in loaded else 1 for p in bundles}


def test_update_fetches_only_what_changed_and_keeps_saved_languages(engine, site, app, app_variant):
    """A deploy that changes one sentence of the questions page: the phone downloads that
    page, the guide as one file (which holds every page) and the worker script, nothing else
    (counted at the server), and reads the new sentence offline."""
    srv = site()
    engine.goto(srv.url + "/en/")
    saved(engine, "en", shared=True)
    srv.stop()
    new_app = app_variant(new_sentence)
    srv = site(new_app, srv.port)
    changed = changed_entries(precache.get(app), precache.get(new_app), ["en"])
    assert changed == {"/en/questions/", "/en/file/"}, changed
    # Ask for the update check a visit would make, then wait for the worker's own word that the
    # new version is the one in charge.
    engine.evaluate("async () => { await (await navigator.serviceWorker.getRegistration()).update().catch(() => {}); }")
    version = precache.get(new_app)["version"]
    engine.wait_for_js(f"async () => {{ const s = await ({STATUS})(); return s && s.version === {json.dumps(version)}; }}")
    assert sorted(srv.counted.paths) == sorted(["/sw.js", *changed])
    srv.stop()
    engine.goto(srv.url + "/en/questions/")
    engine.evaluate("() => document.querySelectorAll('main details').forEach((d) => { d.open = true; })")  # every answer
    text = engine.visible_text("main")
    assert "You never have to give your name." in text
    assert engine.wait_visible("#saved-on")    # the saved copy says when it was saved (the page asks its worker)


# The "Saved for offline" page ---------------------------------------------------------------

FACTS = """() => [...document.querySelectorAll('.saved-facts li')].filter(li => li.checkVisibility()).map(li => li.innerText.trim())"""


def test_saved_page_keeps_the_copy_and_shows_space_and_date(engine, site):
    """What the page says in each engine. WebKitGTK has no `navigator.storage` (Safari on an
    iPhone has it): the page leaves out the space and protection lines instead of showing
    empty ones, and saving a language still works without asking the browser to keep it. In
    WebKit, as on an iPhone, the page says Safari deletes the copy after days without a visit,
    and no longer that it stays until the reader removes it. Firefox shows every line."""
    srv = site()
    engine.goto(srv.url + "/en/")
    saved(engine, "en")
    engine.goto(srv.url + "/en/saved/")
    facts = engine.wait_for_js(f"() => {{ const f = ({FACTS})(); return f.some(t => t.startsWith('Saved on ')) && f; }}")
    iphone = ("On this phone, Safari deletes this copy if you use Safari for 7 days without opening the guide."
              " How to keep it")
    stays = "A saved copy stays on this phone until you remove it."
    note = ".install-ways [data-iphone]"
    if engine.name == "webkit":
        assert engine.evaluate("() => typeof navigator.storage") == "undefined"
        assert facts == [facts[0], iphone], facts
        assert stays not in engine.visible_text("main")
        assert engine.visible_text(note).startswith("On this phone, the copy saved for offline lasts only while")
    else:
        facts = engine.wait_for_js(f"() => {{ const f = ({FACTS})(); return f.length === 3 && f; }}")
        assert facts[1].startswith("Space used on this phone: ")
        assert facts[2].startswith("Protected from automatic clean-up: ")
        assert stays in engine.visible_text("main") and not engine.is_visible(note)
    engine.click("tr[data-locale='es'] [data-save]")
    engine.wait_for_js("() => document.querySelector(\"tr[data-locale='es'] [data-status]\").textContent === 'Saved'", timeout=60)
    # The safety page tells the iPhone reader the same, above the steps.
    engine.goto(srv.url + "/en/safety/")
    assert engine.is_visible(note) == (engine.name == "webkit")


# Listen (webapp/components/listen) ----------------------------------------------------------

# The page's voices once they have come (voiceschanged handled a task later), and whether the
# Listen control shows.
VOICES = """async () => {
    if (!window.speechSynthesis) return {api: false, shown: !document.getElementById('listen').hidden};
    const deadline = Date.now() + 20000;
    while (!speechSynthesis.getVoices().length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    const voices = speechSynthesis.getVoices().filter((v) => /^en(-|$)/i.test(v.lang));
    return {api: true, english: voices.length, local: voices.filter((v) => v.localService).length,
            shown: !document.getElementById('listen').hidden};
}"""


def test_no_control_without_a_voice_for_the_language(engine, site):
    """Chromium's twin meets espeak-ng's voices, which Chromium calls local. Here the engines
    speak English (WebKitGTK with flite's four voices, Firefox with speech-dispatcher's), but
    call every voice a network one (localService false), and Listen never reads with a voice
    that could send the page's words away: the control shows exactly when a local voice for
    the page's language is there, which here is never. So the reading flows run in Chromium
    only; this one holds in every engine."""
    srv = site()
    engine.goto(srv.url + "/en/helplines/")
    found = engine.evaluate(VOICES)
    assert found["api"] and found["english"] > 0, found    # the engine has English voices
    assert found["shown"] is (found["local"] > 0), found
    assert found["local"] == 0, f"{engine.name} now has a local voice: run the reading flows here too"
    # The page's scripts ran on: the quick exit still leaves.
    engine.click("#quick-exit")
    on_cover(engine)


def test_cold_start_offline_opens_the_calculator(engine, site):
    """A phone that only ever opened the calculator app: on an iPhone an app added to the Home
    Screen has website data of its own, so the calculator's own page (its manifest's start
    address) must save the guide. Once the worker says Spanish is saved, the server stops and a
    new window opens the start address, no page of the site running. (MiniBrowser --automation
    keeps website data in memory only: a new window is the coldest start WebKit allows here.)"""
    srv = site()
    start = "/calculator/es/?app"
    engine.goto(srv.url + start)
    # Spanish, and every file the worker saves beside it, the calculator's own page among them
    # (the stopped server cuts a download still under way).
    saved(engine, "es", shared=True)
    before = engine.evaluate(HELD)
    srv.stop()
    engine.fresh_window()
    engine.goto(srv.url + start)
    # The calculator's own page, loaded (not the new window's blank page, nor an error page).
    engine.wait_for_url(start)
    shown = engine.evaluate("() => ({title: document.title, text: document.body.innerText.slice(0, 300)})")
    assert shown["title"] == "Calculadora", (shown, "saved before:", before, "after:", engine.evaluate(HELD))
    engine.wait_visible("#display")
    for key in "12+30=":
        engine.click(f"button[data-k='{key}']")
    assert engine.visible_text("#display") == "42"
    engine.click("button[data-k='C']")
    engine.type_keys(CODE + "=")
    engine.wait_for_url("/es/")
    assert engine.wait_visible("h1")
