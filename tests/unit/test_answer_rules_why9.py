"""Why-answer rules of the why9 round, each on a fixture written for it
(tests/fixtures/rules/why9-*): cause, purpose and result connectives, also across sentences."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.qa.questions import detect_intent


def test_a_fronted_connective_points_to_the_sentence_before(engine: Engine) -> None:
    answer = engine.ask("Why was Tobbe Ransk refused bail?")
    assert answer.answered
    assert "fled the county" in answer.short, answer.short


def test_as_a_result_outranks_a_to_clause_of_the_object(engine: Engine) -> None:
    # "received grants to pay for barriers to help keep ...": the "to" clauses complete the
    # grants; "As a result" says why they were received.
    answer = engine.ask("Why did Velsa and Orrow each receive $5 million in grants?")
    assert answer.answered
    assert "major security events" in answer.short, answer.short


def test_the_clause_before_a_result_connective_is_its_cause(engine: Engine) -> None:
    answer = engine.ask("Why were navy crews steering the ferries at Brannick?")
    assert answer.answered
    assert "harbour pilots quit" in answer.short, answer.short


def test_a_strong_cause_in_the_next_sentence_about_the_same_pronoun(engine: Engine) -> None:
    answer = engine.ask("Why was the Tarrow Safety Office absent from the inquiry?")
    assert answer.answered
    assert "strike by its own inspectors" in answer.short, answer.short


def test_a_reason_made_only_of_the_questions_words_is_none(engine: Engine) -> None:
    answer = engine.ask("Why was the Tarrow Safety Office not part of the inquiry?")
    assert "as part of the inquiry" not in answer.short, answer.short


def test_the_passive_of_the_questions_own_causing_verb(engine: Engine) -> None:
    answer = engine.ask("What prompted the outage of the Halvard Trust blog?")
    assert answer.answered
    assert "remove a leaked memo" in answer.short, answer.short


def test_causing_something_to_happen_is_no_purpose(engine: Engine) -> None:
    # "flooded the blog, causing the blog to shut down": what the flood did, not what for.
    answer = engine.ask("Why did hackers flood the Halvard Trust blog?")
    assert "to shut down" not in answer.short, answer.short


def test_in_hopes_of_is_a_purpose(engine: Engine) -> None:
    answer = engine.ask("What was Kira Dolan hoping to achieve by touring Pellby, Arnsey and Wick?")
    assert answer.answered
    assert "winning their voters back" in answer.short, answer.short


def test_so_i_can_is_the_aim_of_the_act_before_it(engine: Engine) -> None:
    answer = engine.ask("Why did Teodor Malm ask for a leave of absence?")
    assert answer.answered
    assert "care for my father" in answer.short, answer.short


def test_a_quoted_question_asserts_no_reason(engine: Engine) -> None:
    answer = engine.ask("Why did the Sorvik barn burn down?")
    assert "they can get out" not in answer.short, answer.short


@pytest.mark.parametrize(
    "question", ["What did Orm Vass die of?", "What did the old mayor die from, says his son?"]
)
def test_what_did_someone_die_of_asks_why(question: str) -> None:
    assert detect_intent(question)[0] == "why"


def test_according_to_opens_no_purpose(engine: Engine) -> None:
    # "..., resulting in a delay of the speech, according to state radio": the cause is the
    # clause before the result; "to state radio" is no aim of anything.
    answer = engine.ask("Why was Jorun Tesk's speech at the Kessmark fair delayed?")
    assert answer.answered
    assert "crowd crush" in answer.short, answer.short


def test_the_law_a_legal_standing_holds_under_is_its_reason(engine: Engine) -> None:
    answer = engine.ask("Why is the Tessland quarry bill not enforceable, according to Orla Brenn?")
    assert answer.answered
    assert "present reading of the Tessland charter" in answer.short, answer.short


def test_what_the_actor_cited_as_the_reason(engine: Engine) -> None:
    answer = engine.ask("Why did Enno Valder raise the tolls on the Marrick bridge?")
    assert answer.answered
    assert "rising cost of repairs" in answer.short, answer.short
