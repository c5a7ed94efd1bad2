"""Times inside a phrase of another event (fixtures: tests/fixtures/rules/when13-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_date_after_following_dates_that_event_not_the_main_verb(engine: Engine) -> None:
    # "following the ... election on March 3" dates the election, not the letter.
    answer = engine.ask("When did Marr send the letter to Vosk?")
    assert answer.answered and "Monday" in answer.short, answer.short
    answer = engine.ask("When was the Tessby city election held?")
    assert answer.answered and "March 3" in answer.short, answer.short
