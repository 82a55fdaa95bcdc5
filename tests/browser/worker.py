"""Asking the guide's service worker from a page: whether it controls the page, what it has
saved (its own status message), and what Chromium's install checks say of the page. Shared by
the browser tests of the worker, the quick exit, the disguise, privacy, traces, the directory
and the self-check."""

from tests.conftest import unanswered, wait_for_js

# What the site holds on the phone, to say what was left or missing: each cache with its
# entries, each registration's workers' states, web storage.
HELD = """async () => ({
    caches: await Promise.all((await caches.keys()).map(async (name) =>
        [name, (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)])),
    workers: (await navigator.serviceWorker.getRegistrations())
        .map((r) => [r.installing, r.waiting, r.active].map((w) => w && w.state)),
    local: localStorage.length, session: sessionStorage.length,
})"""

# The page's registration as its workers' states, answered within five seconds or "no answer".
REGISTRATION = """() => Promise.race([
    navigator.serviceWorker.getRegistration().then((r) => r ? {
        installing: r.installing && r.installing.state, waiting: r.waiting && r.waiting.state,
        active: r.active && r.active.state} : 'none'),
    new Promise((resolve) => setTimeout(() => resolve('no answer'), 5000))])"""


def wait_until_controlled(page):
    try:
        wait_for_js(page, "() => !!(navigator.serviceWorker && navigator.serviceWorker.controller)")
    except AssertionError as error:
        try:
            registration = page.evaluate(REGISTRATION)
        except Exception as failure:
            registration = repr(failure)
        raise AssertionError(f"{error}\nregistration: {registration}\n"
                             f"requests the servers have not answered: {unanswered() or 'none'}") from None


# The worker's answer about `path` (its version, the languages saved, the saved date...).
STATUS = """(path) => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    navigator.serviceWorker.controller.postMessage({type: 'status', path}, [channel.port2]);
})"""


# Once the worker is activated, everything it has posted to this page so far has arrived: its
# answer to a question sent without a port comes through the same queue as its own messages
# ("updated" after an update), after them.
WORKER_SETTLED = """() => navigator.serviceWorker.ready.then((registration) => new Promise((resolve) => {
    const sw = navigator.serviceWorker;
    const ask = () => {
        const answered = (event) => {
            if (!event.data || event.data.type !== 'status') return;
            sw.removeEventListener('message', answered);
            resolve(true);
        };
        sw.addEventListener('message', answered);
        sw.controller.postMessage({type: 'status'});
    };
    if (registration.active.state === 'activated') ask();
    else registration.active.addEventListener('statechange', ask, {once: true});
}))"""


def sw_status(page, path=""):
    wait_until_controlled(page)
    return page.evaluate(STATUS, path)


def wait_until_saved(page):
    """Controlled, and every file the worker saves once active is saved too (other languages'
    offline pages and calculators, the manifests' icons): nothing is left to download."""
    wait_until_controlled(page)
    wait_for_js(page, f"() => ({STATUS})('').then((status) => status.shared)")


def installability_errors(ctx, url, route=None):
    """What Chromium's install checks find wrong with `url` (once its worker controls it),
    with `route` answering the manifest's requests when given."""
    if route:
        ctx.route("**/manifest.webmanifest", route)
    page = ctx.new_page()
    try:
        page.goto(url)
        if route is None:
            wait_until_controlled(page)
        cdp = ctx.new_cdp_session(page)
        return cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    finally:
        page.close()
        if route:
            # A request still in `route` (the worker's own fetch of the manifest) would raise
            # into whatever this test process asks Playwright next, in another test.
            ctx.unroute_all(behavior="ignoreErrors")
