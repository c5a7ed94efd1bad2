"""A span counted from another event is no day of its own (fixtures:
tests/fixtures/rules/rel13-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_week_earlier_is_no_date_without_its_event(engine: Engine) -> None:
    # "a week earlier" counts from the minister's tour, not from the day the story was written.
    answer = engine.ask("When did Lena Vosk inspect the new cranes at the Kessby port?")
    assert "week earlier" not in answer.short, answer.short
