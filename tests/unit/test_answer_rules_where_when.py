"""Where- and when-answers of the right granularity and event, each on a fixture written for it
(tests/fixtures/rules/place8-*): one test per rule, failing without the rule."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.qa.questions import parse_question


def test_a_settlement_before_its_state_is_the_answer(engine: Engine) -> None:
    # "at a Lyle, Oregon gas station": the town, not only the state after the comma.
    answer = engine.ask("Where did officers shoot Darnell Quist?")
    assert "Lyle" in answer.short, answer.short


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("Which church was struck by the blast?", "church"),
        ("Which Berlin hospital was the patient moved to?", "hospital"),
        ("Which cathedral did the pilgrims visit?", "cathedral"),
    ],
)
def test_which_site_noun_before_the_verb_asks_where(question: str, focus: str) -> None:
    frame = parse_question(question)
    assert frame.intent == "where"
    assert frame.focus == focus


def test_which_church_is_answered_by_the_named_site(engine: Engine) -> None:
    answer = engine.ask("Which church was struck by the blast in Pellora?")
    assert "Saint Orrin Cathedral" in answer.short, answer.short


def test_part_of_a_month_is_kept_as_written(engine: Engine) -> None:
    answer = engine.ask("When did Edda Lunn leave the governor's race?")
    assert "early March" in answer.short, answer.short


def test_a_time_after_a_saying_verb_dates_the_report(engine: Engine) -> None:
    # "..., relatives said on Friday": the day they said it, not the day of the trial.
    answer = engine.ask("When will Quellin Lines face trial?")
    assert "June 12" in answer.short, answer.short
