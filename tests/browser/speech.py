"""Real voices for the Listen tests (webapp/components/listen): Chromium on Linux speaks through
speech-dispatcher, which here drives espeak-ng, the voices Debian ships for about a hundred
languages (not Tagalog). Each test worker starts a speech-dispatcher of its own:

- its sound goes to ALSA's "null" device, which takes the samples and discards them: without
  a sound card (CI, this machine) an utterance then ends, and fires `end`, as on a phone.
  Without it, `start` came and `end` never did;
- espeak-ng reads its data from a copy that leaves out the voice variants (the "!v" folder
  of voices such as "Adam" and "Andrea"): one voice per language instead of a hundred and one,
  so Chromium lists 131 voices in 0.1 s instead of 13,362 in 10 s. The languages and their
  voices are espeak-ng's own;
- espeak-ng speaks at 900 words a minute (its sonic speed-up; the reader's "Slower" still
  slows it): there is no one to hear it, and a page is read in a fifth of the time.

The page's speech goes to the real voices; `RECORD` only notes, at the browser's boundary
(speechSynthesis.speak and cancel), what the page asked to say and what the voice did, and
hands each note to the test through a binding, so notes survive the page (the quick exit
navigates away)."""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

SYSTEM_CONFIG = Path(os.environ.get("SPEECHD_CONFIG_DIR", "/etc/speech-dispatcher"))
ESPEAK_DATA = [Path(p) for p in sorted(glob.glob("/usr/lib/*/espeak-ng-data")) + ["/usr/share/espeak-ng-data"]]
VARIANTS = "!v"


def espeak_data() -> Path:
    for path in ESPEAK_DATA:
        if (path / "phontab").exists():
            return path
    raise RuntimeError("espeak-ng's data is missing: install espeak-ng (apt-get install espeak-ng)")


class SpeechDispatcher:
    """speech-dispatcher for one test worker, on a socket and a pid file of its own (with the
    default pid file, a second worker's would refuse to start); `env` is what a browser needs
    to reach it (libspeechd reads SPEECHD_ADDRESS)."""

    def __init__(self, folder: Path):
        if not shutil.which("speech-dispatcher"):
            raise RuntimeError("speech-dispatcher is missing: install speech-dispatcher and "
                               "speech-dispatcher-espeak-ng (see .ci/run)")
        config = folder / "config"
        shutil.copytree(SYSTEM_CONFIG, config)
        with (config / "speechd.conf").open("a") as conf:
            conf.write('\nAudioOutputMethod "alsa"\nAudioALSADevice "null"\nDefaultModule espeak-ng\n')
        module = config / "modules" / "espeak-ng.conf"
        module.write_text(module.read_text().replace("EspeakNormalRate 170", "EspeakNormalRate 900")
                          .replace("EspeakMaxRate 449", "EspeakMaxRate 900"))
        data = folder / "espeak" / "espeak-ng-data"
        source = espeak_data()
        data.mkdir(parents=True)
        for entry in source.iterdir():
            if entry.name != "voices":
                (data / entry.name).symlink_to(entry)
        (data / "voices").mkdir()
        for entry in (source / "voices").iterdir():
            if entry.name != VARIANTS:
                (data / "voices" / entry.name).symlink_to(entry)
        (data / "voices" / VARIANTS).mkdir()
        self.socket = folder / "speechd.sock"
        self.process = subprocess.Popen(
            ["speech-dispatcher", "--run-single", "--timeout", "0", "--config-dir", str(config),
             "--communication-method", "unix_socket", "--socket-path", str(self.socket),
             "--log-dir", str(folder), "--pid-file", str(folder / "speechd.pid")],
            env={**os.environ, "ESPEAK_DATA_PATH": str(data.parent)},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not self.socket.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"speech-dispatcher did not start (see {folder})")
            time.sleep(0.05)
        self.env = {**os.environ, "SPEECHD_ADDRESS": f"unix_socket:{self.socket}"}

    @contextmanager
    def held(self):
        """The voice kept busy, as a long sentence would keep it: speech-dispatcher is paused
        (SIGSTOP) until the block ends, so an utterance it was given does not end meanwhile.
        (Its sound goes nowhere, so it speaks a sentence in a few milliseconds: too fast to
        quit, hide or leave a page while it speaks.)"""
        os.kill(self.process.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


# Installed in every page of a context (Playwright's init scripts run before the page's own):
# wraps speechSynthesis.speak and .cancel, which still do their work, and reports each call
# and each utterance's start, end and error to the binding __speechNote.
RECORD = """(() => {
  const synth = window.speechSynthesis;
  if (!synth) return;
  // Kept in the page too: a page the back-forward cache kept and gave back no longer reaches
  // the binding.
  const kept = [];
  Object.defineProperty(window, "__speechNotes", {value: kept});
  const note = (entry) => {
    kept.push(entry);
    try { window.__speechNote(entry); } catch (e) {}
  };
  const speak = synth.speak.bind(synth);
  const cancel = synth.cancel.bind(synth);
  const doc = performance.timeOrigin;
  let count = 0;
  synth.speak = function (utterance) {
    const n = [doc, count++];
    note({kind: "speak", n, text: utterance.text, lang: utterance.lang, rate: utterance.rate,
          voice: utterance.voice && utterance.voice.name, voiceLang: utterance.voice && utterance.voice.lang,
          local: utterance.voice && utterance.voice.localService, path: location.pathname});
    for (const kind of ["start", "end", "error"]) {
      utterance.addEventListener(kind, (event) => note({kind, n, error: event.error || null}));
    }
    return speak(utterance);
  };
  synth.cancel = function () {
    note({kind: "cancel", speaking: synth.speaking, pageHidden: document.documentElement.hidden,
          path: location.pathname});
    return cancel();
  };
})()"""


class Notes:
    """What the pages of one context asked the voices to say, in order (see RECORD)."""

    def __init__(self, context):
        self.entries: list[dict] = []
        context.expose_binding("__speechNote", lambda source, entry: self.entries.append(entry))
        context.add_init_script(RECORD)

    def clear(self) -> None:
        self.entries.clear()

    def of(self, kind: str) -> list[dict]:
        return [e for e in self.entries if e["kind"] == kind]

    def spoken(self) -> list[dict]:
        return self.of("speak")

    def texts(self) -> list[str]:
        return [e["text"] for e in self.spoken()]

    def ended(self) -> set[tuple]:
        """The utterances (page, number) the voice spoke to their end."""
        return {tuple(e["n"]) for e in self.of("end")}

    def wait(self, page, condition, what: str, timeout: float = 60.0) -> None:
        """Poll until condition() holds; Playwright delivers the notes while it waits."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; notes: {self.entries[-8:]}")
            page.wait_for_timeout(50)

    def wait_for_speech(self, page, count: int) -> None:
        """Until `count` utterances were spoken to their end by the voice."""
        self.wait(page, lambda: len(self.ended()) >= count, f"{count} utterances to end")
