"""A sentence's best name that can answer at all is its candidate: one the question names
itself does not hide the next (fixture: tests/fixtures/rules/misfit16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_name_the_question_gives_does_not_hide_the_answer(engine: Engine) -> None:
    answer = engine.ask(
        "Which committee chairman in the House has promised to keep investigating "
        "Sorvik's use of emails?"
    )
    assert answer.answered and "Varsk" in answer.short, answer.short
