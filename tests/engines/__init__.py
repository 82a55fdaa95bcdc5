"""The guide's flows in the browser engines other than Chromium: WebKit (every browser on an
iPhone; WebKitGTK's MiniBrowser through WebDriver, `webkit.py`) and Firefox (Debian's
firefox-esr through its own WebDriver BiDi server, `firefox.py`). Each driver gives the few
things a flow needs (open a page, run a function in it, click, press keys, go back, a new
window); `Engine` builds the rest from those, so a flow reads the same in both engines."""

from __future__ import annotations

import json
import time


class Engine:
    """What every driver provides. `evaluate(fn, *args)` runs `fn` (a JavaScript function's
    source, as Playwright takes it) in the page and returns its awaited result."""

    name = "engine"

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def evaluate(self, fn: str, *args):
        raise NotImplementedError

    def click(self, selector: str) -> None:
        raise NotImplementedError

    def press_keys(self, keys: list[str]) -> None:
        """Press and release each key in turn (`Shift` or one character), as a keyboard does."""
        raise NotImplementedError

    def back(self) -> None:
        raise NotImplementedError

    def fresh_window(self) -> None:
        """Close the window and open a new one: no page of any site left running."""
        raise NotImplementedError

    def quit(self) -> None:
        raise NotImplementedError

    def watch_every_document(self, fn: str) -> None:
        """Run `fn` in every document the window opens from now on, before the page's own
        scripts, where the driver can (`stop_watching` ends it). WebDriver has no such script
        in WebKit: there a flow runs `fn` in the page itself."""

    def stop_watching(self) -> None:
        pass

    # Built on the above.
    @property
    def url(self) -> str:
        return self.evaluate("() => location.href")

    def wait_for_js(self, fn: str, *args, timeout: float = 30.0, interval: float = 0.1):
        """Poll `fn` until it returns something truthy, with a deadline. A navigation under
        way (the document being replaced) counts as not yet."""
        deadline = time.monotonic() + timeout
        error = None
        while True:
            try:
                value = self.evaluate(fn, *args)
            except Exception as exc:  # noqa: BLE001 - the page is between documents
                value, error = None, exc
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: timed out waiting for: {fn} {json.dumps(args)}\n"
                                     f"  the page: {self._seen()}\n  last error: {error}")
            time.sleep(interval)

    def _seen(self) -> str:
        """Where the window is and what it shows, for a flow's failure message."""
        try:
            return json.dumps(self.evaluate(
                "() => ({href: location.href, ready: document.readyState, title: document.title,"
                " h1: (document.querySelector('h1') || {}).textContent || null,"
                " controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller)})"))
        except Exception as exc:  # noqa: BLE001
            return f"(cannot say: {exc})"

    def wait_for_url(self, ending: str, timeout: float = 15.0) -> str:
        """Wait until the address's path (with its query) ends with `ending`, the page loaded."""
        return self.wait_for_js(
            "(end) => document.readyState === 'complete' && (location.pathname + location.search).endsWith(end)"
            " && location.href", ending, timeout=timeout)

    def visible_text(self, selector: str = "body") -> str | None:
        """The text a person sees in the first element `selector` names; None when that
        element is missing or not rendered (hidden, display: none, in a hidden ancestor)."""
        return self.evaluate(VISIBLE_TEXT, selector)

    def is_visible(self, selector: str) -> bool:
        return self.visible_text(selector) is not None

    def wait_visible(self, selector: str, timeout: float = 15.0) -> str:
        return self.wait_for_js(f"(s) => ({VISIBLE_TEXT})(s) !== null && ({VISIBLE_TEXT})(s) + ' '",
                                selector, timeout=timeout)[:-1]

    def press(self, key: str, times: int = 1) -> None:
        self.press_keys([key] * times)

    def type_keys(self, text: str) -> None:
        self.press_keys(list(text))


# An element's rendered text, or null when nothing of it is drawn: not in the page, hidden,
# no box, or fully outside the page's width (the check a person's eyes make).
VISIBLE_TEXT = """(selector) => {
    const el = document.querySelector(selector);
    if (!el || document.documentElement.hidden || !el.checkVisibility({visibilityProperty: true})) return null;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return null;
    return el.innerText.replace(/\\s+/g, ' ').trim();
}"""
