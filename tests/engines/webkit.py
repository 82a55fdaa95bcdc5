"""WebKit, the engine of every browser on an iPhone, driven as WebKitGTK's own test tools drive
it: Selenium's WebKitGTK client talks WebDriver to `WebKitWebDriver`, which starts `MiniBrowser
--automation` (Debian's `webkit2gtk-driver` package brings both). MiniBrowser has no headless
mode in WebKitGTK 2.50, so it draws into an Xvfb display this module starts (`xvfb` package).

One browser per test worker: MiniBrowser takes seconds to start. A flow gets fresh website data
by using its own server (a new port is a new origin: its own caches, service worker and
storage), and the window is emptied between flows. An automation session keeps its website data
in memory only (MiniBrowser --automation uses an ephemeral network session), so a "cold start"
here is a new window with no page of the site running, not a browser started again on a profile.

WebKit's back-forward cache ("page cache", WebKitSettings' enable-page-cache) is on: it is
WebKitGTK's default, and MiniBrowser is also told so explicitly, so a setting changed upstream
cannot turn the quick exit's Back test into one that never meets the cache."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess

from tests.engines import Engine

DRIVER = os.environ.get("WEBKIT_WEBDRIVER_PATH", "/usr/bin/WebKitWebDriver")
MINIBROWSER = os.environ.get("WEBKIT_MINIBROWSER_PATH") or next(
    iter(sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser"), reverse=True)), "")


def available() -> str | None:
    """Why WebKit cannot run here, or None when it can."""
    for what, path in (("WebKitWebDriver", DRIVER), ("MiniBrowser", MINIBROWSER),
                       ("Xvfb", shutil.which("Xvfb") or "")):
        if not path or not os.access(path, os.X_OK):
            return f"no {what} (apt-get install webkit2gtk-driver xvfb)"
    return None


class Xvfb:
    """A virtual X display of its own (-displayfd picks a free number)."""

    def __init__(self):
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
            pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


# Run the flow's function and hand back its awaited value (or its error) to WebDriver.
ASYNC = """const done = arguments[arguments.length - 1];
const args = Array.prototype.slice.call(arguments, 0, -1);
Promise.resolve().then(() => (%s)(...args)).then(
    (value) => done({value: value === undefined ? null : value}),
    (error) => done({error: String(error) + " " + String(error && error.stack)}));"""


class WebKit(Engine):
    name = "webkit"

    def __init__(self):
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        self.xvfb = Xvfb()
        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        options.add_argument("--enable-page-cache=true")
        service = Service(executable_path=DRIVER, env={**os.environ, "DISPLAY": self.xvfb.display},
                          log_output=subprocess.DEVNULL)
        try:
            self.driver = webdriver.WebKitGTK(options=options, service=service)
        except Exception:
            self.xvfb.stop()
            raise
        self.driver.set_script_timeout(60)
        self.driver.set_page_load_timeout(60)
        # As narrow as MiniBrowser's window goes (its toolbar sets the minimum: 447 px).
        self.driver.set_window_rect(width=360, height=740)

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def evaluate(self, fn: str, *args):
        answer = self.driver.execute_async_script(ASYNC % fn, *args)
        if "error" in answer:
            raise RuntimeError(f"webkit: {answer['error']}")
        return answer["value"]

    def click(self, selector: str) -> None:
        from selenium.webdriver.common.by import By

        # WebDriver's element click scrolls the element into view and refuses one covered by
        # another (the sticky quick exit bar, say), as a finger would meet it.
        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def press_keys(self, keys: list[str]) -> None:
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys

        actions = ActionChains(self.driver)
        for key in keys:
            key = Keys.SHIFT if key == "Shift" else key
            actions.key_down(key).key_up(key)
        actions.perform()

    def back(self) -> None:
        self.driver.back()

    def fresh_window(self) -> None:
        old = self.driver.current_window_handle
        self.driver.switch_to.new_window("window")
        new = self.driver.current_window_handle
        self.driver.switch_to.window(old)
        self.driver.close()
        self.driver.switch_to.window(new)
        self.driver.set_window_rect(width=360, height=740)

    def reset(self) -> None:
        """Between flows: one window, showing nothing."""
        handles = self.driver.window_handles
        for handle in handles[1:]:
            self.driver.switch_to.window(handle)
            self.driver.close()
        self.driver.switch_to.window(handles[0])
        self.driver.get("about:blank")

    def quit(self) -> None:
        try:
            self.driver.quit()
        finally:
            self.xvfb.stop()
