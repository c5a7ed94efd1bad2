"""A decade is a time a when-answer can give (fixture: tests/fixtures/rules/dec16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_decade_answers_when_no_day_is_given(engine: Engine) -> None:
    answer = engine.ask("When did Mira Talvane move to Port Avel?")
    assert answer.answered and "late 1990s" in answer.short, answer.short
