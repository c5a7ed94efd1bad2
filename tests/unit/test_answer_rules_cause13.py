"""A cause-question is not answered by someone's aim (fixtures: tests/fixtures/rules/cause13-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_what_started_an_event_is_no_ones_purpose(engine: Engine) -> None:
    # "waiting to celebrate the end of the school year" is why the pupils were there, not a cause.
    answer = engine.ask("What started the fire at the Brenn ferry terminal?")
    assert not answer.answered, answer.short
