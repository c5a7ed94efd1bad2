"""Whom someone met, or who met, may be a body of people written as a common noun and not a
name ("met with flood relief volunteers", "several farmer unions are holding talks")
(fixtures: tests/fixtures/rules/grp11-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_group_met_is_whom_they_met(engine: Engine) -> None:
    answer = engine.ask("Who did Velloro and Issen meet outside Karsby?")
    assert answer.short == "flood relief volunteers"


def test_a_group_subject_of_the_asked_verb_is_who_met(engine: Engine) -> None:
    answer = engine.ask("Who is holding talks ahead of the harvest vote?")
    assert answer.short == "several farmer unions"


def test_a_body_named_by_a_plural_keeps_the_words_that_say_which(engine: Engine) -> None:
    answer = engine.ask("With whom did Lena Markov hold a private meeting on Thursday?")
    assert answer.short == "senate Republicans"


def test_a_phrasal_verbs_argument_follows_its_particle(engine: Engine) -> None:
    answer = engine.ask("Whom did Orla Fenn call on to spread word of the new field clinic?")
    assert answer.answered
    assert "district councils" in answer.short


def test_a_group_subject_answers_who_did_the_deed(engine: Engine) -> None:
    answer = engine.ask("Who gathered for the seed fair in Ostrel Market?")
    assert answer.short == "hill farmers"


def test_a_group_of_two_kinds_is_met_whole_and_the_asker_is_not_whom_he_met(
    engine: Engine,
) -> None:
    answer = engine.ask("Who did President-elect Marran meet on Tuesday?")
    assert answer.short == "reporters and editors from The Dunmere Ledger"


def test_the_askers_surname_marks_their_side_when_their_title_hid_the_name(
    engine: Engine,
) -> None:
    answer = engine.ask("Who did President-elect Marran meet on Friday?")
    assert answer.short == "Sela Quint"
