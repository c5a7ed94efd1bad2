"""Where- and when-answers tied to what the question asks (tests/fixtures/rules/tw8-*): the kind
of place a "which <noun>" question names, and the time of the question's own event. One test
per rule, failing without it."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.qa.questions import parse_question


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("In which court was the lawsuit filed?", "court"),
        ("Into which Kessel border canton were the families allowed?", "canton"),
        ("On which road in Harl did the crash happen?", "road"),
        ("Which vital river towns are the rebels battling to hold?", "towns"),
    ],
)
def test_which_place_noun_asks_where_with_the_noun_as_focus(question: str, focus: str) -> None:
    frame = parse_question(question)
    assert frame.intent == "where"
    assert frame.focus == focus


def test_which_court_is_answered_by_the_name_headed_by_court(engine: Engine) -> None:
    answer = engine.ask("In which court did the Harl tenants file their lawsuit?")
    assert answer.short == "Brisk District Court for Eastern District of Varra", answer.short


def test_which_canton_is_answered_by_the_name_given_that_noun(engine: Engine) -> None:
    answer = engine.ask(
        "Into which border canton were the fleeing families allowed by Kessel guards?"
    )
    assert answer.short == "Ostrel", answer.short


def test_which_towns_is_answered_by_all_the_towns_named(engine: Engine) -> None:
    answer = engine.ask("Which vital river towns are Pellan rebels battling to hold?")
    assert "Marrik" in answer.short and "Soven" in answer.short, answer.short


def test_a_time_after_another_verb_does_not_date_the_asked_act(engine: Engine) -> None:
    # "filed ... on Monday" against the curfew "declared last Friday".
    answer = engine.ask(
        "When did the dock union file its complaint against Idris Holm's curfew declaration?"
    )
    assert "Monday" in answer.short, answer.short


def test_the_day_beside_a_clock_time_answers_when(engine: Engine) -> None:
    answer = engine.ask("When did Orla Brisk give her press conference on the Tessby rail plan?")
    assert "June 2nd" in answer.short, answer.short


def test_an_exact_day_after_a_vague_time_answers_when(engine: Engine) -> None:
    # "next month on July 9": the day, not the month.
    answer = engine.ask("When is Governor Pell Arvo due to leave office?")
    assert "July 9" in answer.short, answer.short


def test_a_bearing_from_a_town_places_the_event_there(engine: Engine) -> None:
    # "northwest of the town of Quellby" answers where, before a plant "at Orvane".
    answer = engine.ask(
        "Where was the epicentre of the tremor, according to the Varra Seismic Office?"
    )
    assert answer.short == "Quellby", answer.short


def test_a_site_name_keeps_its_for_tail(engine: Engine) -> None:
    answer = engine.ask("Where was the third Youth Olympiad in Cardiology held?")
    assert "Federal Centre for Cardiology" in answer.short or answer.short == "Orvane", answer.short
    assert answer.short != "Federal Centre", answer.short


def test_a_headline_phrase_of_the_question_words_is_no_place(engine: Engine) -> None:
    answer = engine.ask("Where did Marrow police fire water cannon at protesting dock workers?")
    assert "Tessby" in answer.short, answer.short


def test_the_noun_of_the_asked_act_dates_it(engine: Engine) -> None:
    # "When was Rook killed?": "the murder of ... Anselm Rook on March 3".
    answer = engine.ask("When was harbour pilot Anselm Rook killed?")
    assert "March 3" in answer.short, answer.short


def test_a_place_phrase_after_the_asked_verb_answers_where(engine: Engine) -> None:
    # "stashed on a handcart in a fish market": no named place, but the verb's own place.
    answer = engine.ask("Where had the Quellby charge been stashed?")
    assert "handcart" in answer.short or "market" in answer.short, answer.short


def test_which_prison_is_the_one_where_the_asked_act_happened(engine: Engine) -> None:
    # Held at one prison for years, stabbed at another: the sentence with the question's
    # participle gives the place of that act.
    answer = engine.ask("In which prison was Orm Pask stabbed?")
    assert answer.short == "Brell Correctional Facility", answer.short


def test_a_name_before_the_asked_noun_answers_which(engine: Engine) -> None:
    # "the Brannock neighbourhood": the name before its lower-case noun.
    answer = engine.ask(
        "Which neighbourhood was the last area of Quellby held by militia fighters?"
    )
    assert answer.short == "Brannock", answer.short


def test_a_for_phrase_after_a_base_is_no_part_of_its_name(engine: Engine) -> None:
    # "left Dunmore Air Base for Tessa's northern ports": where the convoy went, not the base.
    answer = engine.ask("Where did the relief convoy leave from on Monday?")
    assert answer.short == "Dunmore Air Base", answer.short
