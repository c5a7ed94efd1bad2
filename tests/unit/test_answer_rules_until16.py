"""A time after "until" ends the state an act set up; it dates the act only when the question
asks the end or the act is held off until then (fixture: tests/fixtures/rules/until16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_time_after_until_does_not_date_the_act(engine: Engine) -> None:
    answer = engine.ask(
        "When did the Tessan high court issue its ruling on the suspension of the Orvel port authority?"
    )
    assert answer.answered and "9 March 2029" in answer.short, answer.short


def test_a_time_after_not_until_dates_the_held_off_act(engine: Engine) -> None:
    answer = engine.ask("When will the Orvel port authority's board meet again?")
    assert answer.answered and "April 12" in answer.short, answer.short


def test_an_asked_end_is_the_time_after_until(engine: Engine) -> None:
    answer = engine.ask("Until when is the Orvel port authority suspended?")
    assert answer.answered and "March 30" in answer.short, answer.short
