"""The self-check in a real Chromium, with JavaScript (one question per screen, the result in
the page) and without (one form, POSTed): the documented result in every language, and no
answer in the URL, the title, the History database or storage; nothing after the quick exit."""

import re
import shutil
import sqlite3

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.worker import wait_until_controlled
from tests.conftest import new_context, wait_for_js
from tests.outreach.cases import ALL, CASES, check_result, words
from webapp import locales

pytestmark = pytest.mark.browser
LANGS = [loc.code for loc in locales.LOCALES if loc.listed]
PHONE = {"width": 360, "height": 640}
COVER = re.compile(r".*/calculator/$")


def cases_for(lang: str):
    """Every documented case in English and Arabic (right to left); in the other languages the
    last, every answer yes, which shows both results' headings, every sign and every line, so
    each translated word a reader can see there is checked (the "no signs" result's words are
    checked in every language by test_selfcheck.py). Which answers give which result does not
    depend on the language (selfcheck.py)."""
    return CASES if lang in ("en", "ar") else (CASES[-1],)


def visible_result(page):
    result = page.locator("#sc-result")
    result.wait_for(state="visible")
    headings = page.locator("#sc-result [data-section] > h3").all_inner_texts()
    signs = page.locator("#sc-result li[data-sign]").all_inner_texts()
    lines = page.locator("#sc-result [data-line] h4").all_inner_texts()
    return headings, signs, lines, result.inner_text()


def settled_html(page, timeout: float = 10.0) -> str:
    """The page's HTML once navigation has stopped (the same twice in a row)."""
    import time

    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        try:
            page.wait_for_load_state()
            html = page.content()
        except Exception:  # navigating: the document is being replaced
            html = None
        if html is not None and html == last:
            return html
        last = html
        page.wait_for_timeout(200)
    raise AssertionError("the page kept navigating")


def answer_with_js(page, case, w):
    """Tap Yes or No on each question as it appears, then ask for the result."""
    for qid in ALL:
        step = page.locator(f"#sc-q-{qid}")
        assert step.is_visible()
        step.locator(f"label:has(input[value={case.answer(qid)}])").click()
    page.get_by_role("button", name=w["submit"]).click()


@pytest.fixture(scope="module")
def phone(browser):
    ctx = new_context(browser, viewport=PHONE, has_touch=True)
    yield ctx.new_page()
    ctx.close()


# The script makes the result from the page's own template (test_selfcheck.py checks its words
# in every language); here in the languages that change the page's shape.
@pytest.mark.parametrize("lang", ["en", "ar", "th", "hi"])
def test_with_javascript_the_documented_result_is_shown(app, phone, live_server, lang):
    w = words(app, lang)
    url = f"{live_server.url}/{lang}/self-check/"
    for case in cases_for(lang):
        phone.goto(url)
        title = phone.title()
        # One question per screen, and its answers within the first screen of a small phone.
        first = phone.locator(f"#sc-q-{ALL[0]}")
        assert phone.locator(".sc-q:visible").count() == 1
        for box in (first.locator("label").nth(0).bounding_box(), first.locator("label").nth(1).bounding_box()):
            assert box["height"] >= 44 and box["y"] + box["height"] <= PHONE["height"]
        answer_with_js(phone, case, w)
        check_result(case, w, *visible_result(phone))
        assert phone.url == url and phone.title() == title
        assert phone.evaluate("localStorage.length + sessionStorage.length") == 0


# Where each part of the self-check is drawn, and how many questions show.
LAYOUT = """() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); };
    const shown = (el) => el.offsetParent !== null && getComputedStyle(el).visibility === 'visible';
    return {
        questions: [...document.querySelectorAll('.sc-q')].filter(shown).map(box),
        buttons: [...document.querySelectorAll('.sc-nav button')].filter(shown).map((b) => [b.textContent.trim(), box(b)]),
        after: [...document.querySelectorAll('[data-sc-intro], footer')].map(box),
    };
}"""
# Every layout shift since the page started, once the script has laid out the steps and two
# frames have been drawn after it (a shift is reported with the frame that shows it).
SHIFTS = """() => new Promise((resolve) => {
    const settle = () => requestAnimationFrame(() => requestAnimationFrame(() => {
        resolve(performance.getEntriesByType('layout-shift').reduce((sum, e) => sum + e.value, 0));
    }));
    const wait = () => document.getElementById('sc-form').classList.contains('sc-form--stepped') ? settle() : setTimeout(wait, 20);
    wait();
})"""
SCRIPT = "**/static/gen/outreach.*.js"


def test_nothing_moves_when_the_script_takes_over(app, phone, live_server):
    """The page is drawn one question per screen before the script runs (CSS, where the browser
    will run it), exactly where the script then leaves it: in every language nothing moves
    (Lighthouse measured a layout shift of 0.38 when the whole form collapsed after load)."""
    for lang in LANGS:
        url = f"{live_server.url}/{lang}/self-check/"
        phone.route(SCRIPT, lambda route: route.abort())
        try:
            phone.goto(url)
            before = phone.evaluate(LAYOUT)
        finally:
            phone.unroute(SCRIPT)
        phone.goto(url)
        shifts = phone.evaluate(SHIFTS)
        after = phone.evaluate(LAYOUT)
        assert len(after["questions"]) == 1 and [name for name, _ in after["buttons"]] == [words(app, lang)["next"]]
        assert before == after, lang
        assert shifts < 0.01, (lang, shifts)


def test_whole_form_comes_back_if_the_script_never_runs(phone, live_server):
    """A script that failed to load must not leave the reader on question one: the whole form
    and its submit button come back after 5 seconds (run 50 times faster here), Next goes."""
    phone.route(SCRIPT, lambda route: route.abort())
    cdp = phone.context.new_cdp_session(phone)
    try:
        phone.goto(live_server.url + "/en/self-check/")
        assert [name for name, _ in phone.evaluate(LAYOUT)["buttons"]] == ["Next"]
        cdp.send("Animation.enable")
        cdp.send("Animation.setPlaybackRate", {"playbackRate": 50})
        wait_for_js(phone, "() => [...document.querySelectorAll('.sc-q')].every((q) => q.offsetParent)")
        layout = phone.evaluate(LAYOUT)
        assert len(layout["questions"]) == len(ALL)
        assert [name for name, _ in layout["buttons"]] == ["See what your answers show"]
    finally:
        cdp.send("Animation.setPlaybackRate", {"playbackRate": 1})
        cdp.detach()
        phone.unroute(SCRIPT)


def test_back_and_forward_between_questions(phone, live_server):
    phone.goto(live_server.url + "/en/self-check/")
    phone.locator(f"#sc-q-{ALL[0]} label:has(input[value=yes])").click()
    assert phone.locator(f"#sc-q-{ALL[1]}").is_visible()
    phone.get_by_role("button", name="Back").click()
    first = phone.locator(f"#sc-q-{ALL[0]}")
    assert first.is_visible() and first.locator("input[value=yes]").is_checked()
    phone.get_by_role("button", name="Next").click()
    assert phone.locator(f"#sc-q-{ALL[1]}").is_visible()
    # The quick exit stays on top of every question.
    exit_box = phone.locator("#quick-exit").bounding_box()
    assert exit_box["y"] >= 0 and exit_box["y"] + exit_box["height"] <= PHONE["height"]
    top = phone.evaluate("""() => { const r = document.getElementById('quick-exit').getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2).closest('#quick-exit') !== null; }""")
    assert top


@pytest.fixture(scope="module")
def phone_without_js(browser):
    ctx = new_context(browser, java_script_enabled=False, viewport=PHONE, has_touch=True)
    yield ctx.new_page()
    ctx.close()


def answer_without_js(page, case, lang):
    """Without JavaScript every question is on one form. In English each answer is tapped as a
    reader taps it; in the other languages the same radio buttons of the same form are set in
    one step (a plain form's radio buttons are the browser's own, and each tap costs the suite
    a round trip), so each language's answers still go through its own form and its own POST."""
    if lang == "en":
        for qid in ALL:
            page.locator(f"#sc-q-{qid} label:has(input[value={case.answer(qid)}])").tap()
        return
    chosen = [f"#sc-q-{qid} input[value={case.answer(qid)}]" for qid in ALL]
    page.locator("#sc-form").evaluate(
        "(form, chosen) => chosen.forEach((selector) => { form.querySelector(selector).checked = true; })", chosen)


# Without JavaScript the server writes the result: test_selfcheck.py checks its text in every
# language; a browser shows it here in the languages that change the page's shape.
@pytest.mark.parametrize("lang", ["en", "ar", "th", "hi"])
def test_without_javascript_the_documented_result_is_shown(app, phone_without_js, live_server, lang):
    w = words(app, lang)
    page = phone_without_js
    url = f"{live_server.url}/{lang}/self-check/"
    for case in cases_for(lang):
        page.goto(url)
        title = page.title()
        assert page.locator(".sc-q:visible").count() == len(ALL)
        answer_without_js(page, case, lang)
        with page.expect_response(lambda r: r.request.method == "POST") as posted:
            page.get_by_role("button", name=w["submit"]).tap()
        assert posted.value.headers["cache-control"] == "no-store"
        check_result(case, w, *visible_result(page))
        assert page.url == url and page.title() == title


def test_no_answer_in_the_history_database(playwright, full_browser_launch_args, live_server, app, tmp_path):
    profile = tmp_path / "profile"
    w = words(app, "en")
    ctx = playwright.chromium.launch_persistent_context(str(profile), viewport=PHONE, **full_browser_launch_args)
    page = ctx.new_page()
    page.goto(live_server.url + "/en/")
    page.goto(live_server.url + "/en/self-check/")
    answer_with_js(page, CASES[-1], w)
    visible_result(page)
    # The same answers through the form's own POST (what a browser without JavaScript does).
    page.goto(live_server.url + "/en/self-check/")
    with page.expect_navigation():
        page.evaluate("""() => { document.querySelector('#sc-q-papers input[value=yes]').checked = true;
                                 document.getElementById('sc-form').submit(); }""")
    visible_result(page)
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    ctx.close()

    copy = tmp_path / "History"
    shutil.copy(profile / "Default" / "History", copy)
    db = sqlite3.connect(copy)
    rows = db.execute("SELECT url, title FROM urls").fetchall()
    db.close()
    urls = [u for u, _ in rows]
    # History was written (so its silence about answers means something) ...
    assert live_server.url + "/en/self-check/" in urls
    # ... and holds no answer: no query string, no question id, no sign in any title.
    everything = " ".join(f"{u} {t}" for u, t in rows)
    assert not any("?" in u for u in urls if u.startswith(live_server.url))
    for qid in ALL:
        assert qid not in everything
    for sign in w["signs"].values():
        assert sign not in everything


def test_back_after_the_quick_exit_shows_nothing_of_the_answers(phone_browser, live_server, app):
    """In the phone browser (back-forward cache on, a repeated POST asked about, as on a phone)."""
    w = words(app, "en")
    sign = w["signs"]["papers"]
    for js in (True, False):
        ctx = new_context(phone_browser, java_script_enabled=js, viewport=PHONE)
        page = ctx.new_page()
        page.goto(live_server.url + "/en/")
        page.goto(live_server.url + "/en/self-check/")
        if js:
            answer_with_js(page, CASES[1], w)
        else:
            page.locator("#sc-q-papers input[value=yes]").check()
            page.get_by_role("button", name=w["submit"]).click()
        assert sign in visible_result(page)[1]
        page.locator("#quick-exit").click()
        page.wait_for_url(COVER)
        if js:
            # The guide's guard sends Back to the cover again.
            page.go_back(wait_until="commit")
            page.wait_for_url(COVER, wait_until="commit")
            page.locator("#display").wait_for(state="visible")
        else:
            # No guard without JavaScript: Back reaches the answer, which was POSTed and not
            # stored (no-store), so the browser shows its own "resend the form?" error page.
            with pytest.raises(PlaywrightError, match="ERR_CACHE_MISS"):
                page.go_back()
        html = settled_html(page)
        assert sign not in html and "sc-result" not in html
        ctx.close()


def test_two_languages_each_in_its_own_direction(app, browser, live_server):
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    page.goto(live_server.url + "/en/self-check/ar/")
    ar = words(app, "ar")
    en = words(app, "en")
    first = page.locator(f"#sc-q-{ALL[0]}")
    second = first.locator(".sc-text--second")
    assert second.is_visible()
    assert second.get_attribute("lang") == "ar"
    assert second.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert first.locator(".sc-text").first.evaluate("e => getComputedStyle(e).direction") == "ltr"
    yes = first.locator("label:has(input[value=yes])").inner_text()
    assert en["yes"] in yes and ar["yes"] in yes
    # The result comes in both languages, the Arabic one right to left.
    for qid in ALL:
        page.locator(f"#sc-q-{qid} label:has(input[value={'yes' if qid == 'papers' else 'no'}])").click()
    page.locator("[data-submit]").click()
    page.locator("#sc-result").wait_for(state="visible")
    arabic = page.locator("#sc-result-ar")
    assert arabic.is_visible()
    assert arabic.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert arabic.locator("li[data-sign]").all_inner_texts() == [ar["signs"]["papers"]]
    assert page.locator("#sc-result li[data-sign]").all_inner_texts() == [en["signs"]["papers"]]
    ctx.close()


def test_result_and_two_language_view_have_no_axe_violations(app, browser, live_server):
    from tests.browser.axe import axe_results, with_axe

    ctx = with_axe(browser.new_context(viewport=PHONE))
    page = ctx.new_page()
    page.goto(live_server.url + "/ar/self-check/en/")
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()
    page.goto(live_server.url + "/en/self-check/")
    answer_with_js(page, CASES[-1], words(app, "en"))
    visible_result(page)
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()
    ctx.close()


def test_two_languages_work_offline_once_both_are_saved(browser, server):
    srv = server()
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    page.goto(srv.url + "/en/saved/")
    wait_until_controlled(page)
    page.locator("[data-save='ar']").click()
    # The 'Saved for offline' page lists the pair once both languages are saved.
    pair = page.locator(".saved-pairs a[href='/en/self-check/ar/']")
    pair.wait_for(state="visible", timeout=60_000)
    srv.stop()
    ctx.set_offline(True)
    pair.click()
    page.wait_for_url("**/en/self-check/ar/")
    second = page.locator(f"#sc-q-{ALL[0]} .sc-text--second")
    second.wait_for(state="visible")
    assert second.get_attribute("lang") == "ar"
    assert second.evaluate("e => getComputedStyle(e).direction") == "rtl"
    for qid in ALL:
        page.locator(f"#sc-q-{qid} label:has(input[value={'yes' if qid == 'papers' else 'no'}])").click()
    page.locator("[data-submit]").click()
    arabic = page.locator("#sc-result-ar")
    arabic.wait_for(state="visible")
    assert arabic.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert arabic.locator("li[data-sign]").count() == 1
    ctx.close()
