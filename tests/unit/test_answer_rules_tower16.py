"""A place named after a person the question names can still be the answer (fixture:
tests/fixtures/rules/tower16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_place_named_after_the_asked_person_answers(engine: Engine) -> None:
    answer = engine.ask("Where did Tessa governor Ivo Dahl speak to reporters after meeting Marek?")
    assert answer.answered and answer.short == "Marek Tower", answer.short
