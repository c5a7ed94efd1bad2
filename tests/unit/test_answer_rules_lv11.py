"""A who-question's verb may be told in other words: a light verb by its object, "told" by
"said" (fixtures: tests/fixtures/rules/lv11-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_light_verb_is_found_by_its_object(engine: Engine) -> None:
    answer = engine.ask("Who put the campaign questions to Ivo Dahl?")
    assert answer.short == "Mara Lunn"


def test_who_told_a_paper_is_who_said_it_in_an_interview_with_it(engine: Engine) -> None:
    answer = engine.ask("Who told the Harbour Gazette that the Kessby port would not close?")
    assert answer.short == "Pia Lorn"
