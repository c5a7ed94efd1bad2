"""A when-question about a planned act is answered by a sentence that tells that act
(fixtures: tests/fixtures/rules/act13-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_planned_act_told_without_a_time_is_not_dated_by_another_step(engine: Engine) -> None:
    # The extension is told only "in due course"; "today" dates the start of the forms.
    answer = engine.ask("When will the Dunmere permit office extend the forms to other applicants?")
    assert not answer.answered, answer.short
    answer = engine.ask("When will the Dunmere permit office begin sending written forms?")
    assert answer.answered and "today" in answer.short.lower(), answer.short
