"""Answerable questions once declined, each on a fixture written for it
(tests/fixtures/rules/found8-*): one test per rule, failing without the rule."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.qa.answerer import _spelled_out


def test_a_country_adjective_is_met_by_the_country(engine: Engine) -> None:
    # The question says "Nepali", the story only "in Nepal".
    answer = engine.ask("Which Nepali guide reached the summit of Mount Kessa?")
    assert answer.answered
    assert "Pemdor Sallek" in answer.short, answer.short


def test_an_acronym_is_met_by_the_name_spelled_out(engine: Engine) -> None:
    answer = engine.ask("Which minister praised the new timetable on KRA's Evening Line?")
    assert answer.answered
    assert "Ilse Marrow" in answer.short, answer.short


def test_spelled_out_needs_the_initials_in_order() -> None:
    assert _spelled_out("KRA").search("on Kessland Radio Abroad's show")
    assert _spelled_out("VOA").search("the Voice of America said")
    assert not _spelled_out("KRA").search("Radio Kessland Abroad")
    assert not _spelled_out("EU").search("Eastern Union")  # two letters match by chance


def test_the_reason_is_what_of_the_named_person_was_opposed(engine: Engine) -> None:
    answer = engine.ask("Why did Halvor oppose Mayor Tessin?")
    assert answer.answered
    assert answer.short == "harbour toll", answer.short


def test_talks_to_do_something_give_their_topic(engine: Engine) -> None:
    answer = engine.ask("What are Sallvik's fishing unions holding talks about?")
    assert answer.answered
    assert "form a joint insurance fund" in answer.short, answer.short
    assert "autumn" not in answer.short, answer.short


def test_a_discussion_of_something_gives_its_topic(engine: Engine) -> None:
    answer = engine.ask("What was briefly discussed at the Tarnby trade forum?")
    assert answer.answered
    assert "rail freight fees" in answer.short, answer.short
    assert "April" not in answer.short, answer.short


def test_a_to_clause_inside_the_possessed_noun_is_no_purpose(engine: Engine) -> None:
    answer = engine.ask("Why did the shop owners condemn Mayor Tessin?")
    assert answer.answered
    assert answer.short.startswith("readiness to raise the toll"), answer.short


def test_the_belief_the_doer_says_he_acted_on_is_the_reason(engine: Engine) -> None:
    answer = engine.ask("Why does Roll say he fired at the shed?")
    assert answer.answered
    assert "a fox was attacking his hens" in answer.short, answer.short
