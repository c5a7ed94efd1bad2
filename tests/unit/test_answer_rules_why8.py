"""Why- and topic-answer rules of the why8 round, each on a fixture written for it
(tests/fixtures/rules/why8-*): one test per rule, failing without the rule."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.qa.questions import detect_intent


@pytest.mark.parametrize(
    "question",
    [
        "What made the farmers block the road to Hellby?",
        "What had brought the envoy to Tessby?",
        "What has prompted the mayor to resign?",
        "What destroyed the old mill at Brask?",
    ],
)
def test_cause_asked_with_made_had_brought_or_destroyed_is_why(question: str) -> None:
    assert detect_intent(question)[0] == "why"


def test_made_up_is_no_why() -> None:
    assert detect_intent("What made up the convoy?")[0] != "why"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What were the charges against Hald Tormer?", "topic"),
        ("What restrictions did the council impose on the market?", "topic"),
        ("What rights do tenants still lack under the new law?", "topic"),
    ],
)
def test_asking_for_charges_restrictions_or_rights_is_topic(question: str, intent: str) -> None:
    assert detect_intent(question)[0] == intent


def test_the_antecedent_of_that_is_the_subject_of_the_causing_verb(engine: Engine) -> None:
    # "a storm surge ... that toppled the arch": the noun "that" stands for did it.
    answer = engine.ask("What brought down the old Kessel Arch?")
    assert answer.answered
    assert "violent storm surge" in answer.short, answer.short


def test_aimed_at_asks_for_the_purpose_not_the_cause(engine: Engine) -> None:
    answer = engine.ask("What is the council's lawsuit against the Varrow Gazette aimed at?")
    assert answer.answered
    assert answer.short.startswith("to shut the paper down"), answer.short


def test_what_caused_asks_for_the_cause_not_the_purpose(engine: Engine) -> None:
    answer = engine.ask("What caused the closure of the Stellan Works plant in Dunmere?")
    assert answer.answered
    assert "fire gutted" in answer.short and "cut costs" not in answer.short, answer.short


def test_a_who_clause_about_the_asked_person_holds_the_asked_act(engine: Engine) -> None:
    # "his staff ..., who had flown to Tarnby to inspect ...": the relative clause is what the
    # staff did, not another matter.
    answer = engine.ask("What had brought Oster's staff to Tarnby?")
    assert answer.answered
    assert "inspect the new harbour wall" in answer.short, answer.short


def test_a_purpose_opening_a_quotation_is_what_it_holds(engine: Engine) -> None:
    answer = engine.ask("Why did Arne Vell send officers to the Marl Street gates?")
    assert answer.answered
    assert answer.short == "to keep order and protect the workers", answer.short


def test_what_the_asked_kind_of_thing_included(engine: Engine) -> None:
    answer = engine.ask("What were the charges against Hald Tormer?")
    assert answer.answered
    assert answer.short == "trespass and criminal damage", answer.short


def test_the_object_of_put_in_place(engine: Engine) -> None:
    answer = engine.ask("What new measures did the Dunmere council put in place?")
    assert answer.answered
    assert "weekly job fairs" in answer.short and len(answer.short.split()) < 20, answer.short


def test_the_object_of_faces(engine: Engine) -> None:
    answer = engine.ask("What challenges did Ebba Pell say Dunmere still faces?")
    assert answer.answered
    assert "finding a buyer" in answer.short and len(answer.short.split()) < 20, answer.short


def test_an_as_clause_right_after_the_participle_is_its_reason(engine: Engine) -> None:
    answer = engine.ask("Why was the Orsby regatta date chosen?")
    assert answer.answered
    assert "matches the club's founding day" in answer.short, answer.short


def test_a_purpose_that_began_inside_a_quotation_ends_with_it(engine: Engine) -> None:
    answer = engine.ask("Why is the council closing the Quarry Lane road?")
    assert answer.answered
    assert answer.short == "to keep looters away from the site", answer.short
