"""One set of text rules: a content file, an English message and a translation are refused for
the same text, with the same words."""

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from webapp import textrules, translate
from webapp.content.schema import Fields
from webapp.content.yamlfile import ContentError, Node

BAD = [
    ("Call 1-888-373-7888 now.", textrules.PHONE, "1-888-373-7888"),
    ("Call +1 888 373 7888 now.", textrules.PHONE, "+1 888 373 7888"),
    ("If you are in danger, call 911 right away.", textrules.SHORT_CODE, "911"),
    ("Call or text 988 for a counselor.", textrules.SHORT_CODE, "988"),
    ("Text the word HELP to 233733.", textrules.SHORT_CODE, "233733"),
    ("Read more at https://example.org/help today.", textrules.ADDRESS, "https://example.org/help"),
    ("Read more at www.example.org today.", textrules.ADDRESS, "www.example.org"),
    ("Write to help@example.org today.", textrules.ADDRESS, "help@example.org"),
    ("<b>Get help</b> now.", textrules.MARKUP, "<b>"),
    ("Stay <script>safe", textrules.MARKUP, "<script>"),
    ("Hello {name}.", textrules.MARKUP, "{"),
]
FINE = [
    "It began in 2017 and counted 32,000 cases.",
    "Work 40 hours, file within 180 days.",
    "You can call at any hour, 7 days a week.",
    "Less than 3 < 4 is true.",
]


def content_problem(text: str) -> str | None:
    node = Node({"answer": text})
    node.line = 12
    fields = Fields(Path("faq.yaml"), node, "danger-now")
    try:
        fields.text("answer")
    except ContentError as exc:
        assert str(exc).startswith("faq.yaml:12: danger-now.answer: ")
        return exc.problem
    return None


def source_problem(text: str) -> str | None:
    catalog = Catalog()
    catalog.add(text)
    problems = translate.check_source(catalog)
    return problems[0].problem if problems else None


def translation_problem(text: str) -> str | None:
    catalog = Catalog(locale="es")
    catalog.add("Get help now.", text)
    problems = translate.check_catalog("es", catalog)
    return problems[0].problem if problems else None


@pytest.mark.parametrize("text, rule, hit", BAD, ids=[b[0][:24] for b in BAD])
def test_one_rule_refuses_the_same_text_everywhere(text, rule, hit):
    refusal = rule.refusal(hit)
    assert content_problem(text) == refusal
    assert source_problem(text) == refusal
    assert translation_problem(text) == rule.addition(hit)
    assert rule.what in refusal and repr(hit) in translation_problem(text)


@pytest.mark.parametrize("text", FINE)
def test_years_counts_and_plain_text_pass_everywhere(text):
    assert content_problem(text) is None
    assert source_problem(text) is None
    assert translation_problem(text) is None


def test_a_translation_may_keep_what_the_original_has():
    # Only possible for text the content rules allow; the original is checked on its own.
    assert textrules.additions("Open from 9 to 5.", "Abierto de 9 a 5.") == []
    assert textrules.additions("Call %(number)s now", "Llama al 911 o al %(number)s") == [
        textrules.SHORT_CODE.addition("911")]


def test_placeholders_are_read_as_babel_reads_them():
    assert textrules.placeholders("Text %(keyword)s to %(number)s, 100%% free") == {"%(keyword)s", "%(number)s"}
    assert textrules.placeholders("No placeholder here.") == set()
