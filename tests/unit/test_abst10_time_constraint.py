"""A time the question states must not be contradicted by the answer's sentence
(tests/fixtures/rules/abst10-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_meeting_dated_to_another_weekday_is_no_answer(engine: Engine) -> None:
    # The only meeting is dated Tuesday, March 3; Friday is when Venko went home.
    answer = engine.ask("Where did Venko and Marrow meet on Friday?")
    assert not answer.answered, answer.short


def test_a_meeting_dated_to_another_year_is_no_answer(engine: Engine) -> None:
    answer = engine.ask("Where did Venko and Marrow meet in 2019?")
    assert not answer.answered, answer.short


def test_a_meeting_on_the_asked_weekday_is_kept(engine: Engine) -> None:
    answer = engine.ask("Where did Venko and Marrow meet on Tuesday?")
    assert answer.answered
    assert "Pellford" in answer.short, answer.short
