"""The guide's structured content, validated as it is built from the YAML files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .schema import Fields, entries, item_name
from .vocabulary import N_, language_known
from .yamlfile import ContentError, Items

E164_US = re.compile(r"^\+1[2-9]\d{2}[2-9]\d{6}$")
SHORT_CODE = re.compile(r"^\d{3,6}$")
PHONE_KINDS = ("voice", "tty", "video", "abroad")
# A number as published may hold digits, spaces and + - ( ) . only; its letters form
# ("1-844-7NATIVE") letters, digits, spaces and + - . . Anything else (=512*555*0100) would be
# shown to readers as it is, beside a Call button.
DISPLAY_CHARACTERS = "0123456789 +-()."
LETTERS_FORM_CHARACTERS = "0123456789 +-.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def foreign_characters(text: str, allowed: str) -> str | None:
    """The characters of `text` outside `allowed`, as "'=', '*'"; None when there are none."""
    found = sorted(set(text) - set(allowed), key=text.index)
    return ", ".join(repr(c) for c in found) if found else None


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


_KEYPAD = str.maketrans({c: str(d) for d, letters in
                         ((2, "ABC"), (3, "DEF"), (4, "GHI"), (5, "JKL"), (6, "MNO"), (7, "PQRS"),
                          (8, "TUV"), (9, "WXYZ")) for c in letters})


def _keypad(text: str) -> str:
    """The digits a letters form such as 1-844-7NATIVE dials."""
    return _digits(text.upper().translate(_KEYPAD))


@dataclass(frozen=True)
class Phone:
    number: str
    display: str
    kind: str
    vanity: str | None = None   # the letters form the line publishes, e.g. 1-844-7NATIVE

    @property
    def href(self) -> str:
        return f"tel:{self.number}"


@dataclass(frozen=True)
class TextLine:
    number: str
    display: str
    keyword: str | None

    @property
    def href(self) -> str:
        # RFC 5724 `body`: the phone's messaging app opens with the keyword already typed.
        return f"sms:{self.number}?body={self.keyword}" if self.keyword else f"sms:{self.number}"


# What a line promises about itself. A badge is shown only where the line's own statement
# (its `source`) supports it, never because a line is simply "not the police".
CLAIMS: dict[str, str] = {
    "not-law-enforcement": N_("Not the police and not immigration."),
    "confidential": N_("Confidential."),
    "anonymous": N_("You do not have to give your name."),
}
# The label of each kind of law-enforcement line, shown wherever the line appears.
ENFORCEMENT_LABELS: dict[str, str] = {
    "police": N_("Law enforcement: this line goes to the police."),
    "federal": N_("Law enforcement: a federal police agency."),
    "immigration": N_("Law enforcement: immigration enforcement (ICE)."),
    "emergency": N_("Sends police, fire or an ambulance."),
}


@dataclass(frozen=True)
class Promise:
    claim: str
    source: str


@dataclass(frozen=True)
class Badge:
    kind: str       # "police", "federal", "immigration", "emergency", "caveat", or a claim id
    message: str    # msgid
    enforcement: bool

    @property
    def caution(self) -> bool:
        """A label the reader must see before calling, with the line's buttons and number
        wherever they are: law enforcement, or who else may get what they say (a caveat)."""
        return self.enforcement or self.kind == CAVEAT


# The kind of a line's caveat badge (helplines.yaml `caveat`).
CAVEAT = "caveat"


def badges(law_enforcement: str | None, promises: tuple[Promise, ...],
           caveat: str | None = None) -> tuple[Badge, ...]:
    """The labels a line carries on every page: its law-enforcement kind first, then its
    caveat, then what it promises. Templates and the directory's index both read them from
    here."""
    found = [Badge(law_enforcement, ENFORCEMENT_LABELS[law_enforcement], True)] if law_enforcement else []
    if caveat:
        found.append(Badge(CAVEAT, caveat, False))
    return tuple(found + [Badge(p.claim, CLAIMS[p.claim], False) for p in promises])


@dataclass(frozen=True)
class Helpline:
    id: str
    name: str
    short_name: str                 # msgid: the name in the page's index of lines
    description: str
    phones: tuple[Phone, ...]
    text: TextLine | None
    chat_url: str | None
    web_url: str | None
    email: str | None
    hours: str | None
    languages: str | None
    notes: tuple[str, ...]
    promises: tuple[Promise, ...]
    law_enforcement: str | None     # None, or police | federal | immigration | emergency
    featured: bool
    source: str
    verified_on: date
    caveat: str | None = None       # msgid: who else may get what the reader says
    audience: str | None = None     # msgid: who the line is for, if not everyone
    in_every_search: bool = False   # Find services shows it in every search's results
    staff_languages: tuple[str, ...] = ()   # BCP 47 codes
    interpreters: bool = False

    @property
    def voice(self) -> Phone | None:
        return next((p for p in self.phones if p.kind == "voice"), None)

    @property
    def badges(self) -> tuple[Badge, ...]:
        return badges(self.law_enforcement, self.promises, self.caveat)

    def promises_that(self, claim: str) -> bool:
        return any(p.claim == claim for p in self.promises)


def _promises(f: Fields, law_enforcement: str | None) -> tuple[Promise, ...]:
    """Each promise names the page of the line's own that makes it; none without a source."""
    found = []
    for p in f.children("promises"):
        claim = p.choice("claim", tuple(CLAIMS))
        source = p.url("source", required=True)
        if claim == "not-law-enforcement" and law_enforcement:
            raise p.error("claim", "a law-enforcement line cannot promise it is not law enforcement")
        if any(q.claim == claim for q in found):
            raise p.error("claim", f"{claim!r} is listed twice")
        p.done()
        found.append(Promise(claim, source))
    return tuple(found)


def _phone(f: Fields) -> Phone:
    number = f.plain("number")
    if not (E164_US.match(number) or SHORT_CODE.match(number)):
        raise f.error("number", f"{number!r} is not a US number in E.164 form (+1…) or a short code")
    display = f.plain("display")
    if bad := foreign_characters(display, DISPLAY_CHARACTERS):
        raise f.error("display", f"{display!r} has {bad}: a number is written with digits, spaces "
                                 "and + - ( ) . only")
    if _digits(display).lstrip("1") != _digits(number).lstrip("1") or not display.strip():
        raise f.error("display", f"{display!r} does not show the same digits as {number!r}")
    vanity = f.plain("vanity", required=False)
    if vanity is not None and (bad := foreign_characters(vanity, LETTERS_FORM_CHARACTERS)):
        raise f.error("vanity", f"{vanity!r} has {bad}: a letters form is written with letters, "
                                "digits, spaces and + - . only")
    if vanity is not None and _keypad(vanity).lstrip("1") != _digits(number).lstrip("1"):
        raise f.error("vanity", f"{vanity!r} does not spell the same digits as {number!r} on a keypad")
    kind = f.choice("kind", PHONE_KINDS)
    if vanity is not None and kind != "voice":
        raise f.error("vanity", "only a voice number is shown with its letters form")
    f.done()
    return Phone(number, display, kind, vanity)


def _text_line(t: Fields, phones: tuple[Phone, ...]) -> TextLine:
    """A number to text; it is shown as the matching phone's display form, if any."""
    number = t.plain("number")
    if not (E164_US.match(number) or SHORT_CODE.match(number)):
        raise t.error("number", f"{number!r} is not a US number in E.164 form or a short code")
    keyword = t.plain("keyword", required=False)
    if keyword is not None and not re.fullmatch(r"[A-Za-z0-9]{1,20}", keyword):
        raise t.error("keyword", f"{keyword!r} must be one word of letters and digits")
    same = next((p for p in phones if p.number == number), None)
    t.done()
    return TextLine(number, same.display if same else number, keyword)


def _language_codes(f: Fields, key: str) -> tuple[str, ...]:
    items = f.node.get(key)
    f.used.add(key)
    if items is None:
        return ()
    if not isinstance(items, Items) or not items:
        raise f.error(key, "must be a list of language codes, such as [en, es]")
    for i, value in enumerate(items):
        where = (f.path, items.lines[i], f.field(item_name(key, i)))
        if not isinstance(value, str) or not language_known(value):
            raise ContentError(*where, f"{value!r} is not a language code that CLDR names "
                                       "(for example en, es, zh-Hans)")
        if value in items[:i]:
            raise ContentError(*where, f"{value!r} is listed twice")
    return tuple(items)


def _helpline(f: Fields) -> Helpline:
    phones = tuple(_phone(p) for p in f.children("phones"))
    text = None
    if (t := f.child("text")) is not None:
        text = _text_line(t, phones)
    law_enforcement = f.enforcement("law_enforcement")
    name = f.text("name")
    line = Helpline(
        id=f.ident(),
        name=name,
        short_name=f.text("short_name", required=False) or name,
        description=f.text("description"),
        phones=phones,
        text=text,
        chat_url=f.url("chat_url"),
        web_url=f.url("web_url"),
        email=f.email("email"),
        hours=f.text("hours", required=False),
        languages=f.text("languages", required=False),
        notes=f.text_list("notes", required=False),
        promises=_promises(f, law_enforcement),
        law_enforcement=law_enforcement,
        featured=f.boolean("featured", default=False),
        source=f.url("source", required=True),
        verified_on=f.day("verified_on"),
        caveat=f.text("caveat", required=False),
        audience=f.text("audience", required=False),
        in_every_search=f.boolean("in_every_search", default=False),
        staff_languages=_language_codes(f, "staff_languages"),
        interpreters=f.boolean("interpreters", default=False),
    )
    if not (phones or text or line.chat_url or line.web_url):
        raise f.error("phones", "a helpline needs at least one way to reach it")
    if line.interpreters and not line.languages:
        raise f.error("interpreters", "a line with interpreters says so to readers in `languages` "
                                      "(for example: Interpreters speak more than 200 languages.)")
    if line.in_every_search and law_enforcement:
        raise f.error("in_every_search", "a law-enforcement line is never shown in every search: "
                                         "it comes first only when the reader names it")
    f.done()
    return line


@dataclass(frozen=True)
class Industry:
    id: str
    icon: str
    seed: bool
    name: str
    summary: str
    examples: tuple[str, ...]
    source: str


def _industry(f: Fields, icons: Path) -> Industry:
    industry = Industry(
        id=f.ident(),
        icon=f.plain("icon", pattern=re.compile(r"^[a-z0-9-]+$"), what="an icon name"),
        seed=f.boolean("seed", default=False),
        name=f.text("name"),
        summary=f.text("summary"),
        examples=f.text_list("examples"),
        source=f.plain("source"),
    )
    if not (icons / f"{industry.icon}.svg").is_file():
        raise f.error("icon", f"no icon file {industry.icon}.svg in {icons}")
    f.done()
    return industry


# What a group of signs is a sign of, as the self-check says it (selfcheck.yaml `kind`): a
# common sign of forced labor, or other labor abuse (pay, safety) with its office to call.
SIGN_KINDS = ("trafficking", "labor")


@dataclass(frozen=True)
class SignGroup:
    id: str
    title: str
    intro: str | None
    signs: tuple[str, ...]
    source: str
    kind: str = "trafficking"
    helplines: tuple[str, ...] = ()     # the lines to call about these signs


def _sign_group(f: Fields, helpline_ids: set[str]) -> SignGroup:
    group = SignGroup(f.ident(), f.text("title"), f.text("intro", required=False),
                      f.text_list("signs"), f.plain("source"),
                      f.choice("kind", SIGN_KINDS, default="trafficking"), f.ident_list("helplines"))
    for ident in group.helplines:
        if ident not in helpline_ids:
            raise f.error("helplines", f"{ident!r} is not a helpline id in helplines.yaml")
    if group.kind == "labor" and not group.helplines:
        raise f.error("helplines", "signs of labor abuse name the office to call about them")
    f.done()
    return group


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answer: tuple[str, ...]
    helplines: tuple[str, ...]
    source: str


def _question(f: Fields, helpline_ids: set[str]) -> Question:
    q = Question(f.ident(), f.text("question"), f.text_list("answer"), f.ident_list("helplines"),
                 f.plain("source"))
    for ident in q.helplines:
        if ident not in helpline_ids:
            raise f.error("helplines", f"{ident!r} is not a helpline id in helplines.yaml")
    f.done()
    return q


RESOURCE_KINDS = ("video", "guide", "training", "report", "fact-sheet", "web-page")
AUDIENCES = ("workers", "practitioners", "everyone")


@dataclass(frozen=True)
class Resource:
    id: str
    title: str
    publisher: str | None  # only where FACTS.md names the publisher
    kind: str
    description: str
    audience: str
    url: str | None


def _resource(f: Fields) -> Resource:
    r = Resource(f.ident(), f.plain("title"), f.text("publisher", required=False), f.choice("kind", RESOURCE_KINDS),
                 f.text("description"), f.choice("audience", AUDIENCES), f.url("url"))
    f.done()
    return r


@dataclass(frozen=True)
class ReferralDirectory:
    id: str
    name: str
    description: str
    url: str
    law_enforcement: str | None
    source: str
    verified_on: date

    @property
    def badges(self) -> tuple[Badge, ...]:
        return badges(self.law_enforcement, ())


def _referral_directory(f: Fields) -> ReferralDirectory:
    d = ReferralDirectory(f.ident(), f.text("name"), f.text("description"), f.url("url", required=True),
                          f.enforcement("law_enforcement"), f.url("source", required=True),
                          f.day("verified_on"))
    f.done()
    return d


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str
    source: str


@dataclass(frozen=True)
class Content:
    helplines: dict[str, Helpline]
    industries: tuple[Industry, ...]
    signs: tuple[SignGroup, ...]
    questions: tuple[Question, ...]
    resources: tuple[Resource, ...]
    quote: Quote
    referral_directories: tuple[ReferralDirectory, ...] = ()
    # Organizations of directory.yaml (webapp/content/directory.py), in file order.
    directory: tuple = ()
    # Groups of the self-check's questions (webapp/content/selfcheck.py), in file order.
    selfcheck: tuple = ()

    @property
    def featured(self) -> list[Helpline]:
        return [line for line in self.helplines.values() if line.featured]


def build(directory: Path, loaded: dict[str, object], icons: Path) -> Content:
    def path(name: str) -> Path:
        return directory / name

    helplines = {h.id: h for h in (_helpline(f) for f in entries(path("helplines.yaml"), loaded["helplines.yaml"]))}
    if "nhth" not in helplines:
        raise ContentError(path("helplines.yaml"), 1, "nhth", "the National Human Trafficking Hotline is required")
    quote_fields = Fields(path("quote.yaml"), loaded["quote.yaml"], "")
    quote = Quote(quote_fields.text("text"), quote_fields.text("attribution"), quote_fields.plain("source"))
    quote_fields.done()
    return Content(
        helplines=helplines,
        industries=tuple(_industry(f, icons) for f in entries(path("industries.yaml"), loaded["industries.yaml"])),
        signs=tuple(_sign_group(f, set(helplines)) for f in entries(path("signs.yaml"), loaded["signs.yaml"])),
        questions=tuple(_question(f, set(helplines)) for f in entries(path("faq.yaml"), loaded["faq.yaml"])),
        resources=tuple(_resource(f) for f in entries(path("resources.yaml"), loaded["resources.yaml"])),
        quote=quote,
        referral_directories=tuple(_referral_directory(f) for f in entries(
            path("referral_directories.yaml"), loaded["referral_directories.yaml"])),
    )
