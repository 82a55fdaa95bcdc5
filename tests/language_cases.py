"""One table of Accept-Language headers and the locale each must reach. The same table is
run against the server (webapp.locales), the static export's chooser and the service worker
(both static/js/locale-match.js on the data of locales.browser_rule()). Also the English name
of each language that its readers give to get an interpreter."""

from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

ACCEPT_LANGUAGE_CASES = [
    ("es-MX,es;q=0.9,en;q=0.8", "es"),
    ("es-419", "es"),
    ("ES", "es"),
    ("en-US,en;q=0.9", "en"),
    ("de-AT, es;q=0.5", "es"),
    ("de, en;q=0.1", "en"),
    ("", "en"),
    (None, "en"),
    ("es;q=0, en", "en"),
    (";;;,,q=abc", "en"),
    ("\x00\xff", "en"),
    ("x" * 5000, "en"),
    ("zh-CN,zh;q=0.9", "zh-Hans"),
    ("zh-SG", "zh-Hans"),
    ("zh", "zh-Hans"),
    ("zh-Hans-CN", "zh-Hans"),
    ("pt-BR,pt;q=0.9,en;q=0.5", "pt"),
    ("pt-PT", "pt"),
    ("fil-PH", "tl"),
    ("fil", "tl"),
    ("ar-EG,ar;q=0.9", "ar"),
    ("ko-KR", "ko"),
    ("vi-VN", "vi"),
    ("ht", "ht"),
    ("fr-CA", "fr"),
    ("ru-RU", "ru"),
    ("hi-IN", "hi"),
    ("hi-IN,hi;q=0.9,en-US;q=0.8", "hi"),
    ("en-XA", "en"),
    ("en-XA, es;q=0.5", "es"),   # a locale that is served but not listed is skipped
    ("tl-PH", "tl"),
    ("fil-PH, en;q=0.5", "tl"),
    ("zh-TW", "zh-Hans"),
    ("*", "en"),
    ("th-TH,th;q=0.9,en;q=0.8", "th"),
    ("th", "th"),
    ("TH-th", "th"),
]

# The English name of each language, as a caller says it to get an interpreter ("I speak Thai. I
# need an interpreter."): CLDR's names, written here by hand.
SPOKEN = {"es": "Spanish", "zh-Hans": "Chinese", "vi": "Vietnamese", "ko": "Korean", "tl": "Tagalog",
          "ht": "Haitian Creole", "pt": "Portuguese", "ar": "Arabic", "ru": "Russian", "fr": "French",
          "th": "Thai", "hi": "Hindi"}


def browser_tags(header: str | None) -> list[str]:
    """The header as a browser holds it (navigator.languages): tags, best first, none refused."""
    if not header:
        return []
    return [tag for tag, q in parse_accept_header(header[:1000], LanguageAccept) if q > 0]
