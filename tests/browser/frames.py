"""What a person would have seen: every frame Chromium paints in a tab, and what each page was
like the moment the browser showed it again.

- `Screencast(page)` records the frames the compositor produces (DevTools' Page.startScreencast,
  each frame acknowledged as it arrives so the next one is sent), as pictures, and how each
  page was brought back: restored from the back-forward cache, or loaded again and why the
  cache could not restore it.
- `record_pages(context)` makes every page of the context note, in its tab's session storage,
  when it starts ("load"), when the browser shows it again (at `pageshow`, before any of the
  page's own listeners: whether it came from the back-forward cache) and just before each of
  its first frames is painted ("frame", in requestAnimationFrame), each time with whether the
  page was visible then. A frame can come and go between two screencast frames; these notes
  cannot.
"""

from __future__ import annotations

import base64
import io
import json
import time

from PIL import Image, ImageChops

PAGES_KEY = "test-pages"
RECORD_PAGES = """
(function () {
  function note(kind, extra) {
    try {
      var root = document.documentElement;
      var log = JSON.parse(sessionStorage.getItem("%s") || "[]");
      var entry = {kind: kind, path: location.pathname, hidden: !!(root && root.hidden)};
      for (var k in extra) entry[k] = extra[k];
      log.push(entry);
      sessionStorage.setItem("%s", JSON.stringify(log));
    } catch (e) {}
  }
  function frames(n) {
    requestAnimationFrame(function () { note("frame"); if (n > 1) frames(n - 1); });
  }
  note("load");
  frames(3);
  addEventListener("pageshow", function (event) {
    note("pageshow", {persisted: event.persisted});
    if (event.persisted) frames(3);
  }, true);
})();
""" % (PAGES_KEY, PAGES_KEY)


def record_pages(context) -> None:
    context.add_init_script(RECORD_PAGES)


def page_notes(page) -> list[dict]:
    """The notes of every page this tab has shown (its session storage outlives them)."""
    return json.loads(page.evaluate(f"sessionStorage.getItem('{PAGES_KEY}') || '[]'"))


def is_blank(frame: Image.Image) -> bool:
    return frame.getcolors(1) is not None


def same(a: Image.Image, b: Image.Image) -> bool:
    return a.size == b.size and ImageChops.difference(a, b).getbbox() is None


class Screencast:
    def __init__(self, page):
        self.page = page
        self.frames: list[Image.Image] = []
        self._cdp = page.context.new_cdp_session(page)
        self.restored: list[str] = []            # URLs restored from the back-forward cache
        self.not_restored: list[list[str]] = []  # for each page that could not be: the reasons
        self._cdp.on("Page.screencastFrame", self._frame)
        self._cdp.on("Page.frameNavigated", self._navigated)
        self._cdp.on("Page.backForwardCacheNotUsed", lambda event: self.not_restored.append(
            [reason["reason"] for reason in event["notRestoredExplanations"]]))
        self._cdp.send("Page.enable")

    def _navigated(self, event) -> None:
        if event.get("type") == "BackForwardCacheRestore" and not event["frame"].get("parentId"):
            self.restored.append(event["frame"]["url"])

    def _frame(self, event) -> None:
        self._cdp.send("Page.screencastFrameAck", {"sessionId": event["sessionId"]})
        self.frames.append(Image.open(io.BytesIO(base64.b64decode(event["data"]))).convert("RGB"))

    def __enter__(self) -> "Screencast":
        self._cdp.send("Page.startScreencast", {"format": "png", "everyNthFrame": 1})
        self.wait_for(lambda frames: frames)   # the tab as it is now comes first
        return self

    def __exit__(self, *exc) -> None:
        self._cdp.send("Page.stopScreencast")
        self._cdp.detach()

    def wait_for(self, condition, timeout: float = 15.0):
        """Poll until condition(frames) is truthy; Playwright delivers the frames while it waits."""
        deadline = time.monotonic() + timeout
        while not (found := condition(self.frames)):
            if time.monotonic() > deadline:
                raise AssertionError(f"no such frame among {len(self.frames)} recorded")
            self.page.wait_for_timeout(50)
        return found


def top_bar_colour(page) -> tuple[int, int, int]:
    """The colour at the top left corner of what the page shows now (the guide: its quick exit
    bar, which is first on every page and stays at the top)."""
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    return shot.getpixel((3, 3))


def shows_bar(frame: Image.Image, colour: tuple[int, int, int]) -> bool:
    """Whether the frame's top rows are mostly `colour`: a painted page of the guide."""
    band = frame.crop((0, 0, frame.width, 20))
    total = band.width * band.height
    near = sum(count for count, px in band.getcolors(total)
               if max(abs(a - b) for a, b in zip(px, colour)) <= 12)
    return near > total // 2
