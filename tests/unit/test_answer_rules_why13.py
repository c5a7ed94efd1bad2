"""Why-answer rules of the why13 round, each on a fixture written for it
(tests/fixtures/rules/why13-*): the agent of a reduced passive of causing, the direction of
a cause, what helped an outcome, the reason the asked speaker gives, a "since" before a
condition, and "for too long" as a time."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.qa.questions import detect_intent


def test_the_agent_of_a_reduced_passive_is_the_cause_of_its_noun(engine: Engine) -> None:
    # "repair delays caused by freezing fog": the fog, not the clause around the delays.
    answer = engine.ask("What caused the repair delays in Venmark?")
    assert answer.answered
    assert answer.short == "freezing fog on the hills", answer.short


def test_the_asked_event_as_subject_of_causing_is_no_cause_of_it(engine: Engine) -> None:
    # "A burst feed valve caused a deep flood": what the burst caused, not why the valve burst.
    answer = engine.ask("What caused the valve in Venmark to burst?")
    assert "valve" not in answer.short, answer.short


def test_what_helped_an_outcome_is_the_agent_of_aided_by(engine: Engine) -> None:
    assert detect_intent("What helped Tolvik win the Brenshaw mayoral race?")[0] == "why"
    answer = engine.ask("What helped Tolvik win the Brenshaw mayoral race?")
    assert answer.answered
    assert "strong support from retired voters" in answer.short, answer.short


def test_the_reason_the_asked_speaker_gives_after_since_and_a_condition(
    engine: Engine,
) -> None:
    answer = engine.ask("Why did Lina Orrstad find the Kessel Bourse slide alarming?")
    assert answer.answered
    assert "without fresh orders from abroad" in answer.short, answer.short


def test_for_too_long_is_a_time_not_a_reason(engine: Engine) -> None:
    answer = engine.ask("Why does Velling say the Dalmar assembly needs an ethics panel?")
    assert answer.short != "For too long", answer.short


def test_despite_a_drawback_asks_for_what_outweighs_the_concession(engine: Engine) -> None:
    # "while it is slow, noisy, and expensive, 'it is the only vessel ...'": the main clause set
    # against the granted drawback, not the "to" clause that follows it.
    answer = engine.ask(
        "Why did Elsa Drummond say the Harlow dredger should be bought despite being slow"
        " and expensive?"
    )
    assert answer.answered
    assert "only vessel that can clear the silt" in answer.short, answer.short


def test_the_move_follows_names_what_it_came_after(engine: Engine) -> None:
    # "The move follows the collapse of ...": "follows" alone says what the act came after.
    answer = engine.ask("What prompted the Orland council's vote to close the Merrow ferry?")
    assert answer.answered
    assert answer.short.startswith("the collapse of the ferry's landing stage"), answer.short
