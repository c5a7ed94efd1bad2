"""A question about a planned act, or about the one person who first did something, is declined
when no story it could come from tells of that act in any words of its stem or a listed synonym
(fixture: tests/fixtures/rules/abst9b-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_planned_act_the_story_never_tells_is_not_answered(engine: Engine) -> None:
    # The story reports the suspension and a coming audit, never a hearing or a new sitting.
    assert not engine.ask("Who will chair the Tarrin council's appeal hearing?").answered
    assert not engine.ask("When will the Tarrin town council reconvene?").answered


def test_a_planned_act_the_story_tells_is_still_answered(engine: Engine) -> None:
    answer = engine.ask("When will the audit of Tarrin's accounts begin?")
    assert answer.answered and "April" in answer.short


def test_the_first_person_to_do_an_act_the_story_never_tells(engine: Engine) -> None:
    question = "Who was the first councillor to resign from the Tarrin council?"
    assert not engine.ask(question).answered


def test_a_role_of_a_country_needs_that_role_beside_the_name(engine: Engine) -> None:
    # The story names the prime minister and the foreign minister, no health minister.
    assert not engine.ask("Who is Orvia's health minister?").answered
    answer = engine.ask("Who is Orvia's foreign minister?")
    assert answer.answered and "Osk" in answer.short
