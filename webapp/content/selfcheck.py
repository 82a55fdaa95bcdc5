"""The self-check's questions (selfcheck.yaml): groups of yes/no questions, each group a kind
of sign (forced labor, or other labor abuse) with the helplines that are its next step."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .schema import Fields, entries
from .yamlfile import ContentError

KINDS = ("trafficking", "labor")
# Every question is asked on one screen of a phone: keep the check short.
MIN_QUESTIONS, MAX_QUESTIONS = 10, 15


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    sign: str
    group: str
    kind: str


@dataclass(frozen=True)
class Group:
    id: str
    kind: str
    title: str
    helplines: tuple[str, ...]
    questions: tuple[Question, ...]


def _group(f: Fields, helpline_ids: set[str], seen: dict[str, str]) -> Group:
    ident = f.ident()
    kind = f.choice("kind", KINDS)
    title = f.text("title")
    lines = f.ident_list("helplines")
    if not lines:
        raise f.error("helplines", "name at least one helpline id for this group's next step")
    for line in lines:
        if line not in helpline_ids:
            raise f.error("helplines", f"{line!r} is not a helpline id in helplines.yaml")
    questions = []
    for q in f.children("questions", required=True):
        qid = q.ident()
        if qid in seen:
            raise q.error("id", f"{qid!r} is used twice (also in group {seen[qid]!r})")
        seen[qid] = ident
        questions.append(Question(qid, q.text("question"), q.text("sign"), ident, kind))
        q.done()
    f.done()
    return Group(ident, kind, title, lines, tuple(questions))


def build(path: Path, data: object, helpline_ids: set[str]) -> tuple[Group, ...]:
    seen: dict[str, str] = {}
    groups = tuple(_group(f, helpline_ids, seen) for f in entries(path, data))
    count = sum(len(g.questions) for g in groups)
    if not MIN_QUESTIONS <= count <= MAX_QUESTIONS:
        raise ContentError(path, 1, "(file)", f"has {count} questions; the check asks "
                                              f"{MIN_QUESTIONS} to {MAX_QUESTIONS}")
    if not any(g.kind == "trafficking" for g in groups):
        raise ContentError(path, 1, "(file)", "needs at least one group of kind trafficking")
    return groups


__all__ = ["Group", "Question", "KINDS", "build"]
