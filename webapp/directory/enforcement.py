"""Which words of a search name law enforcement (the index's `intent`, see search.py), and the
check `flask translate check` makes of a catalog's words for it.

Only a search that names the police or an agency may bring law-enforcement lines first. The
guide teaches workers to report abuse and complain to the Wage and Hour Division and OSHA, so
the words that find those offices, or any other help, must never name law enforcement, in any
language: a translator who adds "denunciar" or "queja" to ENFORCEMENT_WORDS would send a worker
who types them to the door they fear (and a police word that begins a word for help, as
"अधिकारी", officer, begins with "अधिकार", rights, would do the same).
"""

from __future__ import annotations

from collections.abc import Callable

from ..content import vocabulary
from . import search

# Agencies readers know by their English letters, in every language.
KEPT = ("FBI", "ICE", "HSI")
# The services whose words (complaint, report, wages, injury, lawyer, immigration rights...)
# must not name law enforcement: every one but reporting a crime.
HELP = tuple(service for service in vocabulary.SERVICE_WORDS if service != "report-crime")


def intent(gettext: Callable[[str], str]) -> list[str]:
    """The normalized words and phrases that name law enforcement: the message in the reader's
    language and in English, and the dialled codes."""
    message = vocabulary.ENFORCEMENT_WORDS
    words = (*vocabulary.words(gettext(message)), *vocabulary.words(message), *vocabulary.ENFORCEMENT_CODES)
    return sorted({search.normalize(w) for w in words} - {""})


def problems(gettext: Callable[[str], str]) -> list[str]:
    """What is wrong with a language's words for law enforcement (none: an empty list)."""
    found = []
    own = {w.upper() for w in vocabulary.words(gettext(vocabulary.ENFORCEMENT_WORDS))}
    found += [f"keep {name} as it is: readers know the agency by these letters" for name in KEPT
              if name not in own]
    index = {"intent": intent(gettext)}
    for service in HELP:
        message = vocabulary.SERVICE_WORDS[service]
        for word in dict.fromkeys((*vocabulary.words(gettext(message)), *vocabulary.words(message))):
            if search.asks_for_enforcement(index, search.normalize(word).split()):
                found.append(f"{word!r}, a word that finds help ({service}), would bring police lines "
                             "first: keep only words that name the police or an agency")
    return found
