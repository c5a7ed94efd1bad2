"""Choosing among place candidates (tests/fixtures/rules/sel14-*): a state or country written
after the place a question sets its event in ("in Marrowby, Ohio" for "... in Marrowby?") only
locates the question's own place; a name answers "Which state ...?" when "state" is one of its
words in the asked number ("United States" is no state). One test per rule, failing without
it, and guards."""

from __future__ import annotations

from assistant.engine import Engine


def test_the_state_of_the_questions_setting_is_no_answer(engine: Engine) -> None:
    # "Fire breaks out in Marrowby, Ohio warehouse" scores the question's words best.
    answer = engine.ask("Where did the fire break out in Marrowby?")
    assert "Ohio" not in answer.short, answer.short
    assert "Brightmart" in answer.short, answer.short


def test_the_state_stays_with_a_place_the_question_does_not_name(engine: Engine) -> None:
    # Guard: "in Dunmore, Oregon" is kept whole when the question names no setting.
    # (The common-noun place it is in may come with it: "home in Dunmore, Oregon".)
    answer = engine.ask("Where did Alda Renn die?")
    assert "Dunmore, Oregon" in answer.short, answer.short


def test_united_states_is_no_state(engine: Engine) -> None:
    answer = engine.ask("In which state is Dunmore, where Alda Renn died?")
    assert answer.short == "Oregon", answer.short


def test_the_asked_kind_is_a_word_of_the_name_in_the_asked_number() -> None:
    from assistant.qa.extract_where import _names_kind

    assert _names_kind("orvane river", "river")
    assert _names_kind("orvane river", "rivers")
    assert not _names_kind("united states", "state")
    assert not _names_kind("portland", "port")


def test_a_clock_time_keeps_its_zone(engine: Engine) -> None:
    answer = engine.ask("At what time did Ivo Strand unveil the dam plan?")
    assert answer.short == "14:30 UTC", answer.short


def test_a_year_keeps_its_season(engine: Engine) -> None:
    answer = engine.ask("When is the regional assembly vote on the dam rebuild?")
    assert answer.short == "spring 2027", answer.short


def test_which_senator_is_answered_by_one_called_senator(engine: Engine) -> None:
    # The record's own sentence names an adviser; the senator is named in another one.
    answer = engine.ask("Which senator put the harbour board emails into the Assembly Record?")
    assert answer.short == "Ivo Brandt", answer.short
