""" "was responding to X" gives X as the cause (fixture: tests/fixtures/rules/resp16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_responding_to_gives_the_cause(engine: Engine) -> None:
    answer = engine.ask(
        "Why did the Kelvan government say it struck the rebel camps in the Tarn hills?"
    )
    # Read as a cause, not as a purpose "to last week's bombing".
    assert answer.answered and answer.short.startswith("responding to last week's bombing"), (
        answer.short
    )
