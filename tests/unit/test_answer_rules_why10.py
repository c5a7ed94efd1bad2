"""Why-answer rules of the why10 round, each on a fixture written for it
(tests/fixtures/rules/why10-*): nested reasons, the time "since", causes assigned by blame or
by an absolute "with", the case an actor makes, and what a "to" clause completes."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.qa.questions import detect_intent


def test_a_reason_inside_an_outer_reason_explains_its_noun(engine: Engine) -> None:
    # "following the retirement of X for health reasons": the health reasons explain the
    # retirement; the retirement explains the by-election.
    answer = engine.ask("What triggered the Dunholm by-election?")
    assert answer.answered
    assert "retirement" in answer.short, answer.short


def test_since_before_a_noun_phrase_is_a_time_and_blame_assigns_a_cause(
    engine: Engine,
) -> None:
    answer = engine.ask("Why did the Varro index fall on Tuesday?")
    assert answer.answered
    assert "since the harbour floods" not in answer.short, answer.short
    assert "strike at the Varro container port" in answer.short, answer.short


def test_an_absolute_with_and_a_verb_of_causing_names_the_cause(engine: Engine) -> None:
    answer = engine.ask("Why did share prices drop sharply in Tessaly?")
    assert answer.answered
    assert "collapse of the old Orvane Savings Bank" in answer.short, answer.short


def test_justified_by_saying_gives_the_reasons(engine: Engine) -> None:
    answer = engine.ask("What reasons did Ardo Menn give for choosing the Tarka 400?")
    assert answer.answered
    assert "lowest fuel cost" in answer.short, answer.short


def test_the_grounds_are_what_the_actor_argued(engine: Engine) -> None:
    answer = engine.ask("On what grounds did Holm Records file a lawsuit against Brisk Audio?")
    assert answer.answered
    assert "breach of the 2001 agreement" in answer.short, answer.short


def test_what_is_wanted_is_the_act_not_its_purpose(engine: Engine) -> None:
    answer = engine.ask("Why does Orvik Motors want to shut 40 of its showrooms?")
    assert "to close 40" not in answer.short, answer.short


def test_a_passive_with_by_is_no_extraposed_judgement(engine: Engine) -> None:
    answer = engine.ask("Why was the curfew in Brannock extended by a week?")
    assert answer.answered
    assert "clean-up of the flooded streets" in answer.short, answer.short


def test_an_adjunct_clause_after_the_verb_of_a_what_question(engine: Engine) -> None:
    answer = engine.ask("What could the new window film cut when fitted to an office window?")
    assert answer.answered
    # The object of "cut", not the whole sentence.
    assert answer.short.startswith("glare"), answer.short


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What put the Kessby mill into debt?", "why"),
        ("What sent Orvane shares higher on Monday?", "why"),
        ("What was the Tarrow crash blamed on?", "why"),
        ("What did the board attribute its loss to?", "why"),
        ("What put forward the Kessby plan?", "what"),
    ],
)
def test_causative_and_blame_questions_ask_for_a_cause(question: str, intent: str) -> None:
    assert detect_intent(question)[0] == intent


def test_a_state_the_act_waited_for_is_a_judgement(engine: Engine) -> None:
    # "it had only just become safe enough to move the herds": the judgement with what it judges.
    answer = engine.ask(
        "Why did the Keld farmers only move their herds down from the pastures now?"
    )
    assert answer.answered
    assert "safe enough to move the herds" in answer.short, answer.short


def test_the_case_cited_by_the_actor_a_few_sentences_on(engine: Engine) -> None:
    answer = engine.ask("What reasons did Ulla Brandt give for closing the Fenby market?")
    assert answer.answered
    assert answer.short.startswith("repeated fire code breaches"), answer.short


def test_who_is_blamed_for_something_else_gives_no_cause(engine: Engine) -> None:
    # "blamed for failing to stop the attack on X" has an "on", but says who is at fault.
    answer = engine.ask("Why was Ivo Dahl attacked?")
    assert "false rumours" in answer.short, answer.short
