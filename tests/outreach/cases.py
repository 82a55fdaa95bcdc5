"""The self-check's documented results (README, "Self-check"): for each set of "yes" answers,
the sections shown, the signs listed and the labor offices offered. Shared by the server (no
JavaScript) and browser (JavaScript) tests, in every language."""

from __future__ import annotations

from dataclasses import dataclass

from flask import g

from webapp import locales
from webapp.i18n import gettext
from webapp.content.models import CLAIMS, ENFORCEMENT_LABELS

ALL = ("threats", "cannot-leave", "come-and-go", "basic-needs", "different-job", "debt",
       "endless-debt", "papers", "deportation", "cut-off", "coached", "minimum-wage", "overtime",
       "unsafe-work")
LABOR = {"minimum-wage", "overtime", "unsafe-work"}


@dataclass(frozen=True)
class Case:
    name: str
    yes: tuple[str, ...]
    sections: frozenset[str]     # trafficking | labor | none
    lines: frozenset[str]        # helplines offered for labor abuse

    def answer(self, qid: str) -> str:
        """The value of the radio button chosen for question `qid`: "yes" or "no"."""
        return "yes" if qid in self.yes else "no"


CASES = (
    Case("all-no", (), frozenset({"none"}), frozenset()),
    Case("papers", ("papers",), frozenset({"trafficking"}), frozenset()),
    Case("overtime", ("overtime",), frozenset({"labor"}), frozenset({"whd"})),
    Case("threats-and-unsafe", ("threats", "unsafe-work"), frozenset({"trafficking", "labor"}),
         frozenset({"osha"})),
    Case("all-yes", ALL, frozenset({"trafficking", "labor"}), frozenset({"whd", "osha"})),
)

HEADINGS = {
    "trafficking": "Some of your answers are common signs of forced labor (labor trafficking):",
    "labor": "Some of your answers are signs of other labor abuse, such as wage theft or unsafe work:",
    "none": "None of your answers are among the signs this check asks about.",
}


def words(app, lang: str) -> dict:
    """What a reader of `lang` sees: headings, each sign, each line's name, the 911 label."""
    content = app.extensions["guide_content"]
    with app.test_request_context(f"/{lang}/"):
        g.locale = locales.get(lang)
        signs = {q.id: gettext(q.sign) for grp in content.selfcheck for q in grp.questions}
        return {
            "headings": {k: gettext(v) for k, v in HEADINGS.items()},
            "signs": signs,
            "lines": {i: gettext(content.helplines[i].name) for i in ("whd", "osha")},
            "danger": gettext(ENFORCEMENT_LABELS["emergency"]),
            "not_legal_advice": gettext("This check is general information, not legal advice."),
            "not_police": gettext(CLAIMS["not-law-enforcement"]),
            "yes": gettext("Yes"), "no": gettext("No"), "next": gettext("Next"),
            "submit": gettext("See what your answers show"),
        }


def check_result(case: Case, w: dict, headings: list[str], signs: list[str], lines: list[str],
                 text: str) -> None:
    """Assert the result a reader sees matches the documented one."""
    expected_headings = [w["headings"][s] for s in ("trafficking", "labor", "none") if s in case.sections]
    assert [h.strip() for h in headings] == expected_headings
    assert sorted(s.strip() for s in signs) == sorted(w["signs"][q] for q in case.yes)
    assert sorted(n.strip() for n in lines) == sorted(w["lines"][i] for i in case.lines)
    assert w["danger"] in text
    assert w["not_legal_advice"] in text
    if "trafficking" in case.sections or "none" in case.sections:
        assert w["not_police"] in text
