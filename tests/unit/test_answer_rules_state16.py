""" "Which state ...?" is answered by a state, not by a city in the same sentence (fixture:
tests/fixtures/rules/state16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_which_state_is_answered_by_the_state_not_the_city(engine: Engine) -> None:
    # "Texas rejected a similar plan last year after ranchers protested in Austin."
    answer = engine.ask("Which state rejected a similar plan after a protest by ranchers?")
    assert answer.answered and answer.short == "Texas", answer.short
