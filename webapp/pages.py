"""The guide's pages, in reading order: the one list of them. Their routes (a page's `rule`),
the navigation, links between pages (`page_link`), the sitemap, the precache list (and so the
offline copy and the static export), the guide as one file (`in_file`), the review sheets, the
tests and the screenshots all read it."""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Page:
    name: str      # endpoint within its blueprint and template name
    slug: str      # URL path after the locale; "" is the home page
    title: str     # msgid
    summary: str   # msgid: one line shown in the navigation cards
    icon: str      # file in static/icons/ui/
    # The blueprint that serves the page: "guide" renders guide/<name>.html with a generic
    # view; a page with a view of its own (the directory's search) names its blueprint.
    blueprint: str = "guide"
    # A section of the guide as one file (webapp/file/). The wallet cards are a sheet for an
    # outreach worker to print, whose codes open the website: not a page a reader needs there.
    in_file: bool = True
    # The hotline's buttons at the page's top (Home, Helplines): no "Need help now?" box under
    # it, and no hotline line in the footer.
    shows_hotline: bool = False

    @property
    def endpoint(self) -> str:
        return f"{self.blueprint}.{self.name}"

    @property
    def rule(self) -> str:
        """The page's URL rule under its blueprint's locale prefix."""
        return f"/{self.slug}/" if self.slug else "/"

    def path(self, lang: str) -> str:
        """The page's address in one locale, where url_for is not at hand (tests, tools)."""
        return f"/{lang}{self.rule}"


PAGES: tuple[Page, ...] = (
    Page("home", "", N_("Get help now"), N_("Helplines you can call or text, any time."), "phone",
         shows_hotline=True),
    Page("what_is", "what-is-labor-trafficking", N_("What labor trafficking is"),
         N_("Force, fraud and coercion, explained with examples."), "info"),
    Page("signs", "signs", N_("Signs of labor trafficking"),
         N_("Things that can show someone is being forced to work."), "search"),
    Page("industries", "industries", N_("Where it happens"),
         N_("Jobs and industries where labor trafficking is found."), "briefcase"),
    Page("rights", "rights", N_("Your rights at work"),
         N_("Rights you have whatever your immigration status, and where to complain."), "scale"),
    Page("immigration", "immigration", N_("Immigration protections"),
         N_("T visas and Continued Presence. General information, not legal advice."), "document"),
    Page("helplines", "helplines", N_("Helplines"),
         N_("Every helpline: hours, languages, and who is law enforcement."), "phone", shows_hotline=True),
    Page("services", "services", N_("Find services"),
         N_("Search for organizations that help survivors, by state, service and language."),
         "search", blueprint="directory"),
    Page("self_check", "self-check", N_("Self-check: could this be trafficking?"),
         N_("Answer short yes or no questions. Nothing is saved or sent."), "question",
         blueprint="outreach"),
    Page("questions", "questions", N_("Questions and answers"),
         N_("Answers to questions survivors and helpers often ask."), "question"),
    Page("resources", "resources", N_("Resources"),
         N_("Videos, guides and training about labor trafficking."), "book"),
    Page("safety", "safety", N_("Staying safe on your phone"),
         N_("What a quick exit can and cannot hide."), "shield"),
    Page("cards", "card", N_("Wallet cards to print"),
         N_("Small cards with the hotline's numbers, to print and hand out."), "document",
         blueprint="outreach", in_file=False),
    Page("about", "about", N_("About this guide"),
         N_("Who made it, where the facts come from, and your privacy."), "info"),
)

BY_NAME: dict[str, Page] = {page.name: page for page in PAGES}
IN_FILE: tuple[Page, ...] = tuple(page for page in PAGES if page.in_file)
