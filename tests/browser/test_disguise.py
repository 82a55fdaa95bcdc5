"""The guide installed as a calculator, in a real Chromium: both apps are installable side by
side, the calculator app starts offline from a cold start, its code opens the guide in the
reader's last language, the guide's titles stay neutral inside it, and its quick exit goes back
to the calculator."""

import re

import pytest

from tests.browser.worker import installability_errors, sw_status, wait_until_controlled, wait_until_saved
from tests.components.test_quick_exit import on_cover
from tests.conftest import WITH_WORKER, wait_for_js
from webapp.components.quick_exit import DEFAULT_RETURN_CODE as CODE
from webapp.cover import THEME
from webapp.theme import GUIDE_ICONS, THEME_COLOR

pytestmark = pytest.mark.browser

START = "/calculator/{lang}/?app"      # the calculator manifest's start_url


def type_keys(page, keys):
    for key in keys:
        page.locator(f"button[data-k='{key}']").click()


def test_both_apps_are_installable_with_their_own_ids(playwright, full_browser_launch_args, live_server, tmp_path):
    """The calculator first, in a fresh profile that never opened the guide (its page registers
    the worker itself), then the guide."""
    ctx = playwright.chromium.launch_persistent_context(str(tmp_path / "profile"), **full_browser_launch_args)
    try:
        page = ctx.new_page()
        cdp = ctx.new_cdp_session(page)
        ids, errors = {}, {}
        for name, path in (("calculator", "/calculator/en/"), ("rtl", "/calculator/ar/"), ("guide", "/en/")):
            page.goto(live_server.url + path)
            wait_until_controlled(page)
            errors[name] = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
            ids[name] = cdp.send("Page.getAppId").get("appId")
    finally:
        ctx.close()
    assert errors == {"guide": [], "calculator": [], "rtl": []}
    assert ids["guide"] and ids["calculator"] and ids["guide"] != ids["calculator"]
    assert ids["calculator"] == ids["rtl"]          # one calculator app, whatever its language


def test_broken_calculator_manifest_is_not_installable(playwright, full_browser_launch_args, live_server, tmp_path):
    """Negative control: the check above can fail for the calculator's manifest."""
    def bad_start(route):
        response = route.fetch()
        data = response.json()
        data["start_url"] = "https://elsewhere.example/"   # not on this site
        data.pop("icons")
        route.fulfill(response=response, json=data)

    ctx = playwright.chromium.launch_persistent_context(str(tmp_path / "profile"), **full_browser_launch_args)
    try:
        errors = installability_errors(ctx, live_server.url + "/calculator/en/", route=bad_start)
    finally:
        ctx.close()
    assert errors, errors
    assert any("icon" in e["errorId"] for e in errors), errors


def test_cold_start_offline_opens_the_calculator(playwright, profile_launch_args, server, tmp_path):
    """Visit once (as a reader does before installing), quit the browser, stop the server, then
    start the browser again offline and open the app's start address."""
    srv = server()
    profile = str(tmp_path / "profile")
    ctx = playwright.chromium.launch_persistent_context(profile, **profile_launch_args)
    try:
        page = ctx.new_page()
        page.goto(srv.url + "/es/safety/")
        wait_until_saved(page)      # the manifests' icons are saved once the worker is active
        assert page.locator("a", has_text="Instalar como calculadora").first.is_visible()
    finally:
        ctx.close()
    srv.stop()

    ctx = playwright.chromium.launch_persistent_context(profile, **profile_launch_args)
    try:
        ctx.set_offline(True)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        response = page.goto(srv.url + START.format(lang="es"))
        assert response.ok
        assert page.title() == "Calculadora"
        page.locator("#display").wait_for(state="visible")
        type_keys(page, "12+30=")
        assert page.locator("#display").inner_text() == "42"
        # The manifest and every icon it names come from the cache too.
        loaded = page.evaluate("""async () => {
            const href = document.querySelector('link[rel=manifest]').href;
            const manifest = await (await fetch(href)).json();
            const icons = manifest.icons.map(i => i.src)
                .concat([document.querySelector('link[rel=apple-touch-icon]').href]);
            const sizes = await Promise.all(icons.map(async (src) => {
                const r = await fetch(src);
                return r.ok ? (await r.arrayBuffer()).byteLength : 0;
            }));
            return {name: manifest.name, sizes};
        }""")
        assert loaded["name"] == "Calculadora" and all(loaded["sizes"]), loaded
        # Offline, the code still opens the guide.
        type_keys(page, CODE + "=")
        page.wait_for_url(re.compile(r".*/es/$"))
        assert page.locator("h1").is_visible()
    finally:
        ctx.close()


def test_calculator_alone_starts_offline_and_opens_the_guide(playwright, profile_launch_args, server, tmp_path):
    """An outreach worker shared only the calculator's address: a fresh profile opens
    /calculator/ht/ and nothing else (installable from there: the first test), the browser
    quits, and the app's cold start offline opens the calculator, whose code opens the guide in
    the calculator's language (the browser asks for English, so the language came from the
    calculator)."""
    srv = server()
    profile = str(tmp_path / "profile")
    ctx = playwright.chromium.launch_persistent_context(profile, **profile_launch_args)
    try:
        page = ctx.new_page()
        opened = []
        page.on("request", lambda request: opened.append(request.url))
        page.goto(srv.url + START.format(lang="ht"))
        assert sw_status(page)["saved"] == ["ht"]     # controlled: its install saved all of it
        assert [url for url in opened if "/calculator/" not in url and "/static/" not in url] == []
    finally:
        ctx.close()
    srv.stop()

    ctx = playwright.chromium.launch_persistent_context(profile, **profile_launch_args)
    try:
        ctx.set_offline(True)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        assert page.goto(srv.url + START.format(lang="ht")).ok
        assert page.title() == "Kalkilatris"
        type_keys(page, "6*7=")
        assert page.locator("#display").inner_text() == "42"
        type_keys(page, CODE + "=")
        page.wait_for_url(re.compile(r".*/ht/$"))
        assert page.locator("h1").is_visible()
        assert page.evaluate("document.documentElement.lang") == "ht"
    finally:
        ctx.close()


@WITH_WORKER
def test_code_opens_the_guide_with_neutral_titles_and_exit_returns(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/es/rights/")     # the reader last read Spanish
    wait_until_controlled(page)
    real_title = page.title()
    assert "Calculadora" not in real_title

    page.goto(live_server.url + START.format(lang="en"))   # the app starts (installed in English)
    assert page.title() == "Calculator"
    # A wrong code is only a number: "=" works out the sum, and the calculator stays.
    type_keys(page, "1234+1=")
    assert page.locator("#display").inner_text() == "1235"
    assert page.url.endswith("/calculator/en/?app")
    type_keys(page, "C" + CODE + "=")
    page.wait_for_url(re.compile(r".*/es/$"))          # the reader's last language, online
    assert page.locator("h1").is_visible()
    # Inside the app the title is the calculator's name (in the page's language), page after
    # page, and the bar above the page has the calculator's colour.
    assert page.title() == "Calculadora"
    theme = "document.querySelector('meta[name=theme-color]').content"
    assert page.evaluate(theme) == THEME
    page.locator("footer .footer-pages > summary").click()     # "All pages", then a page
    page.locator("footer a[href='/es/rights/']").click()
    page.wait_for_url(re.compile(r".*/es/rights/$"))
    assert page.title() == "Calculadora"
    assert page.locator("h1").inner_text() in real_title     # the real page, under a neutral title

    # The quick exit goes back to the app's own calculator…
    page.locator("#quick-exit").click()
    page.wait_for_url(re.compile(r".*/calculator/en/$"))
    page.locator("#display").wait_for(state="visible")
    assert page.title() == "Calculator"
    page.goto(live_server.url + "/es/signs/")           # Back or a link in the app: still hidden
    page.wait_for_url(re.compile(r".*/calculator/en/$"))
    page.locator("#display").wait_for(state="visible")
    # …and the guide stays hidden when the app is opened again, until the code is typed.
    page.close()
    reopened = context.new_page()
    reopened.goto(live_server.url + "/es/rights/")
    assert on_cover(reopened)
    reopened.goto(live_server.url + START.format(lang="en"))
    type_keys(reopened, CODE + "=")
    reopened.wait_for_url(re.compile(r".*/es/$"))
    assert reopened.title() == "Calculadora"


def test_outside_the_app_titles_are_the_pages_own(context, live_server):
    """The calculator opened from the safety page's link (not as the app) changes nothing."""
    page = context.new_page()
    page.goto(live_server.url + "/en/safety/")
    page.get_by_role("link", name="Install as a calculator").click()
    page.wait_for_url(re.compile(r".*/calculator/en/$"))
    type_keys(page, CODE + "=")
    page.wait_for_url(re.compile(r".*/en/$"))
    wait_for_js(page, "document.readyState === 'complete'")
    assert page.title() != "Calculator" and " · " in page.title()
    assert page.evaluate("document.querySelector('meta[name=theme-color]').content") != THEME


def test_icons_differ_from_the_guides(context, live_server):
    """Different files, and none of the guide's colour in any calculator icon (measured in the
    pixels; the guide's own icons are the control)."""
    page = context.new_page()
    page.goto(live_server.url + "/calculator/en/")
    result = page.evaluate("""async ([touchIcon, color]) => {
        const guide = (await (await fetch('/en/manifest.webmanifest')).json()).icons.map(i => i.src)
            .concat([touchIcon]);
        const rgb = [1, 3, 5].map(i => parseInt(color.slice(i, i + 2), 16));
        const calc = (await (await fetch('/calculator/en/manifest.webmanifest')).json()).icons.map(i => i.src)
            .concat([document.querySelector('link[rel=apple-touch-icon]').getAttribute('href')]);
        async function measure(src) {
            const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
            const bitmap = await createImageBitmap(new Blob([bytes]));
            const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
            const ctx = canvas.getContext('2d');
            ctx.drawImage(bitmap, 0, 0);
            const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
            let teal = 0, opaque = 0;
            for (let i = 0; i < px.length; i += 4) {
                if (px[i + 3] < 128) continue;
                opaque++;
                // the guide's colour
                if (Math.abs(px[i] - rgb[0]) + Math.abs(px[i + 1] - rgb[1]) + Math.abs(px[i + 2] - rgb[2]) < 60) teal++;
            }
            let hash = 0;
            for (const b of bytes) hash = (hash * 31 + b) >>> 0;
            return {src, teal: teal / opaque, hash, length: bytes.length};
        }
        return {guide: await Promise.all(guide.map(measure)), calc: await Promise.all(calc.map(measure))};
    }""", ["/static/" + GUIDE_ICONS.touch_icon, THEME_COLOR])
    assert len(result["calc"]) == 5
    guide_files = {(g["hash"], g["length"]) for g in result["guide"]}
    for icon in result["calc"]:
        assert (icon["hash"], icon["length"]) not in guide_files, icon
        assert icon["teal"] == 0, icon
    for icon in result["guide"]:
        assert icon["teal"] > 0.3, icon          # the measure does see the guide's colour


@pytest.mark.parametrize("path", ["/calculator/es/", "/calculator/ar/", "/en/saved/", "/ar/saved/"])
def test_no_axe_violations(context, live_server, path):
    """The calculator app and the 'Saved for offline' page with its install steps (the guide's
    pages, the safety page among them, are checked in test_accessibility)."""
    from tests.browser.axe import axe_results, with_axe

    page = with_axe(context).new_page()
    page.goto(live_server.url + path)
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()
