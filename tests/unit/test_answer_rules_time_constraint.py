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


def test_the_wh_word_does_not_hide_the_asked_time(engine: Engine) -> None:
    # "Who" opens the question; it does not make "in 2019" the time of another event.
    answer = engine.ask("Who did Venko meet in Pellford in 2019?")
    assert not answer.answered, answer.short


def test_who_met_on_the_asked_weekday_is_kept(engine: Engine) -> None:
    answer = engine.ask("Who did Venko meet in Pellford on Tuesday?")
    assert answer.answered
    assert "Marrow" in answer.short, answer.short
