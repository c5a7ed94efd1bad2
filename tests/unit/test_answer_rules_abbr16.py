"""The initials of the question's own words are no answer (fixture: tests/fixtures/rules/abbr16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_the_initials_of_the_asked_post_are_no_answer(engine: Engine) -> None:
    answer = engine.ask(
        "Who succeeded Tallberg as special envoy for Tarn and Orvane after his death?"
    )
    assert "SETO" not in answer.short, answer.short
