"""Firefox, driven over WebDriver BiDi, which Firefox serves itself: Debian's `firefox-esr`
started with `--remote-debugging-port` listens for BiDi on a WebSocket, and Selenium's own BiDi
connection (`WebSocketConnection`) talks to it. No geckodriver: Debian has no package of it,
and every PyPI or npm package that brings one downloads the binary from outside the package
registries at install or run time, which these machines (and CI) refuse.

One browser per test worker, headless, on a profile of its own in a temporary folder; a flow
gets fresh website data from its own server (a new port, a new origin)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import threading

from tests.engines import Engine

FIREFOX = os.environ.get("FIREFOX_PATH") or shutil.which("firefox-esr") or shutil.which("firefox") or ""

# Nothing in the background reaches for the network: no updates, no telemetry, no remote
# settings, no connectivity checks (Firefox's remote agent sets more of these itself).
PREFS = {
    "app.update.disabledForTesting": True,
    "app.normandy.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.safebrowsing.update.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "extensions.update.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "services.settings.server": "",
    "toolkit.telemetry.enabled": False,
    "browser.startup.page": 0,
    "browser.newtabpage.enabled": False,
    "extensions.autoDisableScopes": 0,
    "extensions.systemAddon.update.enabled": False,
    "media.gmp-manager.updateEnabled": False,
    "browser.sessionstore.resume_from_crash": False,
    "dom.ipc.processPrelaunch.enabled": False,
}


def available() -> str | None:
    if not FIREFOX or not os.access(FIREFOX, os.X_OK):
        return "no Firefox (apt-get install firefox-esr)"
    return None


def _local(value):
    """A Python value as a BiDi LocalValue (JSON-like values only)."""
    if value is None:
        return {"type": "null"}
    if isinstance(value, bool):
        return {"type": "boolean", "value": value}
    if isinstance(value, (int, float)):
        return {"type": "number", "value": value}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, (list, tuple)):
        return {"type": "array", "value": [_local(v) for v in value]}
    if isinstance(value, dict):
        return {"type": "object", "value": [[k, _local(v)] for k, v in value.items()]}
    raise TypeError(f"cannot send {value!r} to the page")


def _python(remote):
    """A BiDi RemoteValue as Python; a DOM node stays its remote reference."""
    kind, value = remote.get("type"), remote.get("value")
    if kind in ("undefined", "null"):
        return None
    if kind in ("string", "boolean", "bigint"):
        return value
    if kind == "number":
        return {"NaN": float("nan"), "-0": -0.0, "Infinity": float("inf"),
                "-Infinity": float("-inf")}.get(value, value) if isinstance(value, str) else value
    if kind in ("array", "set"):
        return [_python(v) for v in value]
    if kind in ("object", "map"):
        return {(k if isinstance(k, str) else _python(k)): _python(v) for k, v in value}
    return remote


class Firefox(Engine):
    name = "firefox"

    def __init__(self, env: dict | None = None):
        """`env`: the environment Firefox starts in (the worker's speech-dispatcher's address:
        Firefox's voices come from speech-dispatcher, and the system's own lists espeak-ng's
        thirteen thousand voice variants, too slowly for a busy machine)."""
        from selenium.webdriver.remote.websocket_connection import WebSocketConnection

        self.profile = tempfile.mkdtemp(prefix="guide-firefox-")
        self._watch = None   # the preload script of watch_every_document
        with open(os.path.join(self.profile, "user.js"), "w") as prefs:
            for key, value in PREFS.items():
                prefs.write(f"user_pref({json.dumps(key)}, {json.dumps(value)});\n")
        self.process = subprocess.Popen(
            [FIREFOX, "--headless", "--no-remote", "--profile", self.profile,
             "--remote-debugging-port=0", "about:blank"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        address = None
        for line in self.process.stderr:
            found = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
            if found:
                address = found.group(1)
                break
        if address is None:
            self.process.kill()
            raise RuntimeError("Firefox did not start its WebDriver BiDi server")
        # Keep reading what Firefox prints, so a full pipe never stalls it.
        threading.Thread(target=lambda: [None for _ in self.process.stderr], daemon=True).start()
        self.bidi = WebSocketConnection(address + "/session", 60, 0.005)
        self.send("session.new", {"capabilities": {}})
        self.context = self.send("browsingContext.getTree", {"maxDepth": 0})["contexts"][0]["context"]
        self._phone_sized()

    def send(self, method: str, params: dict) -> dict:
        reply = self.bidi.send_cmd(method, params)
        if reply.get("type") == "error" or "error" in reply:
            raise RuntimeError(f"firefox: {method}: {reply.get('error')}: {reply.get('message')}")
        return reply["result"]

    def _phone_sized(self) -> None:
        self.send("browsingContext.setViewport",
                  {"context": self.context, "viewport": {"width": 360, "height": 740}})

    def goto(self, url: str) -> None:
        self.send("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    def _call(self, fn: str, args, ownership: str = "none"):
        result = self.send("script.callFunction", {
            "functionDeclaration": fn, "arguments": [_local(a) for a in args],
            "target": {"context": self.context}, "awaitPromise": True, "resultOwnership": ownership})
        if result["type"] == "exception":
            details = result["exceptionDetails"]
            raise RuntimeError(f"firefox: {details.get('text')}")
        return result["result"]

    def evaluate(self, fn: str, *args):
        return _python(self._call(fn, args))

    def click(self, selector: str) -> None:
        node = self._call("(s) => { const e = document.querySelector(s); "
                          "if (!e) throw new Error('no ' + s); e.scrollIntoView({block: 'center'}); return e; }",
                          [selector], ownership="root")
        self.send("input.performActions", {"context": self.context, "actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "x": 0, "y": 0,
                         "origin": {"type": "element", "element": {"sharedId": node["sharedId"]}}},
                        {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}]})
        self.send("input.releaseActions", {"context": self.context})

    def press_keys(self, keys: list[str]) -> None:
        steps = [{"type": t, "value": "\ue008" if key == "Shift" else key}
                 for key in keys for t in ("keyDown", "keyUp")]
        self.send("input.performActions", {"context": self.context, "actions": [
            {"type": "key", "id": "keyboard", "actions": steps}]})

    def watch_every_document(self, fn: str) -> None:
        self._watch = self.send("script.addPreloadScript",
                                {"functionDeclaration": fn, "contexts": [self.context]})["script"]

    def stop_watching(self) -> None:
        if self._watch:
            self.send("script.removePreloadScript", {"script": self._watch})
            self._watch = None

    def back(self) -> None:
        self.send("browsingContext.traverseHistory", {"context": self.context, "delta": -1})

    def fresh_window(self) -> None:
        new = self.send("browsingContext.create", {"type": "window"})["context"]
        self.send("browsingContext.close", {"context": self.context})
        self.context = new
        self._phone_sized()

    def reset(self) -> None:
        self.stop_watching()
        contexts = [c["context"] for c in self.send("browsingContext.getTree", {"maxDepth": 0})["contexts"]]
        for context in contexts:
            if context != self.context:
                self.send("browsingContext.close", {"context": context})
        self.goto("about:blank")

    def quit(self) -> None:
        """Stop the browser (its profile is a temporary one: nothing in it is kept)."""
        try:
            self.bidi.close()
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)
