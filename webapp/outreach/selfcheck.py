"""The self-check's result, from the reader's answers. The page's script computes the same
result from the same rendered markup (see templates/outreach/_result.html): this module decides
only which signs were answered "yes"."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import gettext as _
from ..pages import BY_NAME


@dataclass(frozen=True)
class Result:
    yes: frozenset[str]              # ids of the questions answered "yes"
    trafficking: tuple                # Questions: common signs of forced labor
    labor: tuple                      # Questions: signs of other labor abuse
    helplines: tuple[str, ...]        # ids of the labor groups' next-step lines, in file order


def read_answers(groups, form) -> frozenset[str]:
    """The ids answered "yes". Unknown fields and other values are ignored; nothing is kept."""
    return frozenset(q.id for g in groups for q in g.questions if form.get(q.id) == "yes")


def result(groups, yes: frozenset[str]) -> Result:
    trafficking, labor, lines = [], [], []
    for group in groups:
        hits = [q for q in group.questions if q.id in yes]
        if not hits:
            continue
        if group.kind == "trafficking":
            trafficking += hits
        else:
            labor += hits
            lines += [line for line in group.helplines if line not in lines]
    return Result(frozenset(yes), tuple(trafficking), tuple(labor), tuple(lines))


def strings_in(groups) -> dict[str, str]:
    """The self-check's words in the locale in force (flask_babel.force_locale), for the
    second language of the two-language view."""
    out = {"yes": _("Yes"), "no": _("No"), "title": _(BY_NAME["self_check"].title),
           "intro": _("Answer yes or no. This guide does not save or keep your answers.")}
    for group in groups:
        out[f"group:{group.id}"] = _(group.title)
        for q in group.questions:
            out[q.id] = _(q.question)
    return out
