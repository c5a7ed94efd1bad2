"""A question may word the asked act otherwise than the story does: paraphrase groups, idioms
and verbs of choosing followed by "to" (fixtures: tests/fixtures/rules/syn15-*)."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.qa.answer_rules import answer_rules


def test_paraphrase_groups_are_symmetric() -> None:
    synonyms = answer_rules().act_synonyms
    assert "appoint" in synonyms["named"] and "named" in synonyms["appoint"]
    assert "detained" in synonyms["arrest"] and "arrest" in synonyms["detained"]
    # One-way lists stay one way: "fired" may tell a sacking, not the reverse.
    assert "fired" in synonyms["sack"] and "fired" not in synonyms


def test_an_idiom_of_the_question_finds_the_plain_verb(engine: Engine) -> None:
    # The story says "resigned"; 2009 and 2021 date other steps of her career.
    answer = engine.ask("When did Helga Brandt step down?")
    assert answer.answered and "tuesday" in answer.short.lower(), answer.short


def test_an_act_asked_in_other_words(engine: Engine) -> None:
    # "detained in Sellby", not where he grew up.
    answer = engine.ask("Where was Olav Renn arrested?")
    assert answer.answered and "Sellby" in answer.short, answer.short


def test_named_to_succeed_asks_the_succession(engine: Engine) -> None:
    # An acting director picked "until the post is filled" succeeds no one.
    answer = engine.ask("Who was named to succeed Helga Brandt as director?")
    assert not answer.answered, answer.short
    answer = engine.ask("Whom did the Tarnwick port authority's board name as acting director?")
    assert answer.answered and "Kjell" in answer.short, answer.short
