"""Words after a clause break belong to the next clause: they do not draw the answer to a place
or time before the break (fixture: tests/fixtures/rules/clause16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_the_place_of_the_asked_clause_not_of_the_one_before(engine: Engine) -> None:
    answer = engine.ask("Where did Kelvan agree with Marlow Aero to open a drone parts factory?")
    assert answer.answered and answer.short == "Brenstad", answer.short
