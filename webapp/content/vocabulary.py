"""Controlled vocabularies of the directory of services (directory.yaml): services, populations
served, states and territories, and language codes.

Ids are data and never change meaning; labels are msgids marked with N_() so that they are
extracted and translated like every other message. Language names are not translated here:
they come from CLDR through Babel, in the reader's language.
"""

from __future__ import annotations

import re
from functools import cache

import babel


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


# Modeled on the service types of Open Referral HSDS taxonomies and of the national referral
# directories (NHTH, OVC): the help a survivor asks for, in plain words.
SERVICES: dict[str, str] = {
    "hotline": N_("Hotline"),
    "referrals": N_("Referrals to local help"),
    "case-management": N_("Case management"),
    "shelter-housing": N_("Shelter and housing"),
    "legal": N_("Legal help"),
    "immigration-legal": N_("Immigration legal help"),
    "labor-rights": N_("Labor rights and unpaid wages"),
    "workplace-safety": N_("Workplace safety"),
    "medical": N_("Medical care"),
    "mental-health": N_("Mental health and crisis support"),
    "interpretation": N_("Interpreters"),
    "report-crime": N_("Report a crime"),
}
# An organization with interpreters matches a search for any language (see search.py).
INTERPRETATION = "interpretation"
# Under the languages its staff speak, on an organization with interpreters whose own sentence
# about languages (helplines.yaml `languages`) is not there to say so.
INTERPRETERS_NOTE = N_("Interpreters are available.")

# The words people type when they need a service, so that "lawyer", "visa" or "abogado" find
# it (see search.py). Each is one message: translators give the words of their language,
# separated by commas; the English words are searched in every language too.
# TRANSLATORS (for every message below): words a reader might type to look for this service,
# separated by commas. Use everyday words of your language, with and without accents is fine.
# Do not add numbers or web addresses.
SERVICE_WORDS: dict[str, str] = {
    "hotline": N_("hotline, helpline, help, call, talk, phone, text, chat, trafficking, forced labor"),
    # A service that refers people on is also found by the words of every need it refers to
    # (REFERRED, below).
    "referrals": N_("referral, help, services, support, find help, food, transportation"),
    "case-management": N_("case manager, caseworker, social worker, advocate, support"),
    "shelter-housing": N_("shelter, housing, home, place to stay, somewhere to sleep, bed, room"),
    "legal": N_("lawyer, attorney, legal help, legal aid, court, rights, advice"),
    "immigration-legal": N_("immigration, immigrant, visa, green card, papers, documents, deportation, "
                            "deported, asylum, status, lawyer"),
    # The guide teaches workers to report abuse and complain to the labor offices: those words
    # find them (and never bring the police first, see ENFORCEMENT_WORDS).
    "labor-rights": N_("wages, pay, paycheck, salary, unpaid, no pay, money, overtime, boss, employer, job, work, "
                       "complaint, complain, report, discrimination, harassment"),
    "workplace-safety": N_("injury, injured, hurt, accident, safety, unsafe, chemicals, heat, complaint, report"),
    "medical": N_("doctor, nurse, clinic, hospital, health, medicine, sick, injury"),
    "mental-health": N_("counselor, counseling, therapy, stress, depressed, suicide, crisis, trauma"),
    "interpretation": N_("interpreter, translator, translation, language"),
    # No agency names here: FBI, ICE and HSI find the agency's own line by its name, not every
    # line that takes reports.
    "report-crime": N_("police, sheriff, cop, cops, law enforcement, report a crime, crime, tip, investigate"),
}

# The needs a referral service connects people with: its searchable text includes their words.
REFERRED = ("case-management", "shelter-housing", "legal", "immigration-legal", "labor-rights",
            "workplace-safety", "medical", "mental-health", "interpretation")

# Pages of the guide that a search also finds, with the words that find them (see search.py):
# a reader who types "am I trafficked" or "card" is shown the self-check or the wallet cards.
# TRANSLATORS: words a reader might type to find this page, separated by commas.
PAGE_WORDS: dict[str, str] = {
    "self_check": N_("self-check, check, quiz, questions, signs, trafficking, trafficked, forced, victim, am I"),
    "cards": N_("card, cards, wallet, print, share, outreach, hand out"),
}

# A search whose words name the police or a law-enforcement agency (see search.py): only then
# may law-enforcement lines come before the others. Words for reporting, complaining, crime or
# tips are not among them: the guide teaches workers to report abuse to the Wage and Hour
# Division and OSHA, and those words must not send them to the door they fear.
# TRANSLATORS: only words that NAME the police or a law-enforcement agency, separated by
# commas: a search with one of them shows police lines first. Keep FBI, ICE and HSI. Give your
# language's everyday words for the police (and their plural) and for immigration enforcement.
# Never add words for report, complaint, crime or tip.
ENFORCEMENT_WORDS = N_("police, sheriff, cop, cops, FBI, ICE, HSI, immigration enforcement, law enforcement")
# Dialled codes are data, not words to translate.
ENFORCEMENT_CODES = ("911",)


def words(message: str) -> list[str]:
    """The comma-separated words of a translated message."""
    return [w.strip() for w in message.replace("،", ",").replace("、", ",").replace("，", ",").split(",")
            if w.strip()]

POPULATIONS: dict[str, str] = {
    # Matches a search for any population (see search.py); not offered as a filter itself.
    "everyone": N_("Anyone"),
    "workers": N_("Workers"),
    "farmworkers": N_("Farmworkers"),
    "domestic-workers": N_("Domestic workers"),
    "immigrants": N_("Immigrants"),
    "children": N_("Children and youth"),
    "native": N_("American Indians and Alaska Natives"),
    "women": N_("Women"),
    "men": N_("Men"),
    "lgbtq": N_("LGBTQ+ people"),
}
EVERYONE = "everyone"

# USPS codes of the 50 states, the District of Columbia and the inhabited territories.
STATES: dict[str, str] = {
    "AL": N_("Alabama"), "AK": N_("Alaska"), "AZ": N_("Arizona"), "AR": N_("Arkansas"),
    "CA": N_("California"), "CO": N_("Colorado"), "CT": N_("Connecticut"), "DE": N_("Delaware"),
    "DC": N_("District of Columbia"), "FL": N_("Florida"), "GA": N_("Georgia"), "HI": N_("Hawaii"),
    "ID": N_("Idaho"), "IL": N_("Illinois"), "IN": N_("Indiana"), "IA": N_("Iowa"),
    "KS": N_("Kansas"), "KY": N_("Kentucky"), "LA": N_("Louisiana"), "ME": N_("Maine"),
    "MD": N_("Maryland"), "MA": N_("Massachusetts"), "MI": N_("Michigan"), "MN": N_("Minnesota"),
    "MS": N_("Mississippi"), "MO": N_("Missouri"), "MT": N_("Montana"), "NE": N_("Nebraska"),
    "NV": N_("Nevada"), "NH": N_("New Hampshire"), "NJ": N_("New Jersey"),
    "NM": N_("New Mexico"), "NY": N_("New York"), "NC": N_("North Carolina"),
    "ND": N_("North Dakota"), "OH": N_("Ohio"), "OK": N_("Oklahoma"), "OR": N_("Oregon"),
    "PA": N_("Pennsylvania"), "RI": N_("Rhode Island"), "SC": N_("South Carolina"),
    "SD": N_("South Dakota"), "TN": N_("Tennessee"), "TX": N_("Texas"), "UT": N_("Utah"),
    "VT": N_("Vermont"), "VA": N_("Virginia"), "WA": N_("Washington"),
    "WV": N_("West Virginia"), "WI": N_("Wisconsin"), "WY": N_("Wyoming"),
    "AS": N_("American Samoa"), "GU": N_("Guam"), "MP": N_("Northern Mariana Islands"),
    "PR": N_("Puerto Rico"), "VI": N_("U.S. Virgin Islands"),
}
NATIONAL = "national"

# BCP 47: a two- or three-letter language, an optional script and an optional region.
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$")


def _babel_id(code: str) -> str:
    return code.replace("-", "_")


@cache
def _names(babel_locale: str) -> dict:
    return babel.Locale.parse(babel_locale).languages


def language_name(code: str, babel_locale: str) -> str | None:
    """The name of a language in the reader's language (CLDR), else in English, else None."""
    for where in (babel_locale, "en"):
        name = _names(where).get(_babel_id(code))
        if name:
            return name
    return None


@cache
def autonym(code: str) -> str | None:
    """The language's name for itself, when CLDR has it."""
    try:
        return _names(_babel_id(code)).get(_babel_id(code))
    except (ValueError, babel.UnknownLocaleError):
        return None


def language_known(code: str) -> bool:
    return bool(LANGUAGE_CODE.match(code)) and language_name(code, "en") is not None
