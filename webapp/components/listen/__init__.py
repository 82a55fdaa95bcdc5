"""Listen, one component: the guide reads the page aloud with the phone's own voices (the Web
Speech API, speechSynthesis), offline, in the page's language. This module is its Python side;
macro.html draws the control (hidden, with every string passed in by the page, so it is
translated), listen.js finds a voice and reads, listen.css styles the control and the mark on
what is being read. assets.py bundles the script and styles into the guide's, so the service
worker saves them with the rest: nothing is fetched to listen.

What the browser needs from here is data, voice_rule(): for every locale, the language tags of
the voices that may read it. It is derived from the one list of locales (locales.py: a locale's
own code and the tags that alias to it), plus what only voices need: Mandarin voices may be
tagged "cmn", and a Cantonese or romanised Chinese voice must not read Simplified Chinese.

Safety rules the script keeps (the README's "Listen" says them to deployers):
- only voices of the phone itself (SpeechSynthesisVoice.localService): a network voice would
  send the page's words to another company, which the guide never does;
- speech starts only from the reader's press, and stops when the page is hidden or left; the
  quick exit stops it first of all (quick_exit.js's exit() cancels speech before it hides the
  page);
- nothing is stored: no storage, no address, no title.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from ... import locales

HERE = Path(__file__).resolve().parent
# The component's files, bundled by assets.py into the guide's CSS and JavaScript.
SCRIPT = HERE / "listen.js"
STYLES = HERE / "listen.css"

# Voices report BCP 47 tags (Android "zh-CN", iOS "zh-CN", espeak-ng through speech-dispatcher
# "cmn"). Beyond a locale's code and its aliases in locales.ALIASES, the tags only voices use.
VOICE_ALSO: dict[str, tuple[str, ...]] = {
    "zh-Hans": ("cmn-hans", "cmn-cn", "cmn"),
}
# Voices that share a locale's primary language tag but would read it wrongly: Cantonese
# (zh-HK, zh-MO, yue) reads Chinese characters in a language a Mandarin reader may not follow,
# and a romanised (pinyin) voice cannot read characters at all.
VOICE_NOT: dict[str, tuple[str, ...]] = {
    "zh-Hans": ("zh-hk", "zh-mo", "zh-yue", "yue", "zh-latn", "cmn-latn"),
}
# How much slower "Slower" reads (SpeechSynthesisUtterance.rate; 1 is the voice's own speed).
SLOWER_RATE = 0.75


def voice_tags(locale: locales.Locale) -> tuple[list[str], list[str]]:
    """The voice tags that may read a locale, best first, and those refused. A voice matches a
    tag when its own tag, in lower case, is that tag or starts with it and a hyphen."""
    code = locale.code.lower()
    aliases = [alias for alias, target in locales.ALIASES.items() if target == locale.code]
    ordered = [code, *[a for a in aliases if "-" in a], *VOICE_ALSO.get(locale.code, ()),
               *[a for a in aliases if "-" not in a], code.split("-")[0]]
    accept = list(dict.fromkeys(ordered))
    return accept, list(VOICE_NOT.get(locale.code, ()))


def voice_rule() -> dict[str, list[list[str]]]:
    """voice_tags() for every locale, for the browser: a page reads its own language, and a
    block in another language (the self-check in two languages) with that language's voice."""
    return {loc.code: list(voice_tags(loc)) for loc in locales.LOCALES}


def browser_config() -> dict:
    return {"voices": voice_rule(), "slower": SLOWER_RATE}


def config_attribute() -> Markup:
    """browser_config() as JSON for a single-quoted attribute (<, >, & and ' escaped)."""
    return htmlsafe_json_dumps(browser_config(), separators=(",", ":"))


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(listen_config=config_attribute)
