"""A who-answer names someone: not the question's own words ("a Tessan teenager"), and a name
over "a woman" that describes the same one (fixture: tests/fixtures/rules/desc16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_name_over_an_indefinite_description(engine: Engine) -> None:
    answer = engine.ask("Whom did Oren Marek pick as his running mate?")
    assert answer.answered and answer.short == "Lina Sorvik", answer.short


def test_the_questions_own_words_are_no_answer(engine: Engine) -> None:
    answer = engine.ask("Which Tessan teenager had Lina Sorvik helped escape to Orvane?")
    assert answer.answered and answer.short == "Mira Osk", answer.short
