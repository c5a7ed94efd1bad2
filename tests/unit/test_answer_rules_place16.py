"""Where and when (tests/fixtures/rules/place16-*): where something was said is the place its
saying verb is set in ("Velmar said in Kelburg"), not a place inside the quotation; a common
noun of place whose relative "where" clause tells the asked act is that act's place ("moved to
a grain warehouse where they were burned"); a site's name runs on through "of the" ("the Long
Hall of the Senators"); a month written as a noun's modifier ("in a September blog post") dates
what the noun names; and a quotation's tense does not decide the year of a month outside it.
One test per rule, failing without it, and guards."""

from __future__ import annotations

import datetime as dt

from assistant.engine import Engine
from assistant.knowledge.timex import find_times
from assistant.qa.answer_rules import answer_rules


def test_the_place_a_saying_verb_is_set_in_is_where_it_was_said(engine: Engine) -> None:
    # Against "Norvane", inside the quotation, and "Brask", in what the headline reports.
    answer = engine.ask(
        "Where was Velmar speaking when he said the Tesslander command knew the convoy's route?"
    )
    assert answer.short == "Kelburg", answer.short


def test_the_words_between_the_saying_verb_and_the_place_are_few() -> None:
    said_at = answer_rules().said_at
    for words in [" in ", " on Tuesday in ", " reporters at the ", " Thursday in "]:
        assert said_at.fullmatch(words), words
    # "said the vote in Estovia was rigged": the place is in what was said.
    assert said_at.fullmatch(" the vote in ") is None
    assert said_at.fullmatch(" that talks in ") is None


def test_a_place_noun_whose_where_clause_tells_the_act_is_its_place(engine: Engine) -> None:
    # Against "Orsk", the town of the seizure, and "Harnby", where other goods were burned.
    answer = engine.ask("Where were the seized crates moved and partly burned?")
    assert answer.short == "disused grain warehouse", answer.short


def test_a_month_modifying_a_noun_dates_it(engine: Engine) -> None:
    answer = engine.ask("When did Ilse Varga predict that the tolls would have to be lower?")
    assert answer.short == "September 2026", answer.short


def test_a_month_modifier_is_not_a_name_that_begins_with_one() -> None:
    anchor = dt.date(2026, 11, 20)
    assert [t.text for t in find_times("after the March election", anchor)] == ["March"]
    assert [t.text for t in find_times("The October vote was close.", anchor)] == ["October"]
    assert find_times("the March on Orvik drew crowds", anchor) == []
    assert find_times("the March for Life", anchor) == []
    # A modal, not a month.
    assert find_times("a May ruling could follow", anchor) == []


def test_a_quotations_tense_does_not_date_a_time_outside_it() -> None:
    anchor = dt.date(2026, 11, 20)
    sentence = '"The tolls will fall," she predicted in September.'
    assert [t.iso for t in find_times(sentence, anchor)] == ["2026-09"]
    # Inside the quotation its own tense still counts.
    sentence = '"We will meet in March," she said.'
    assert [t.iso for t in find_times(sentence, anchor)] == ["2027-03"]


def test_a_sites_name_runs_on_through_of_the(engine: Engine) -> None:
    # "the Long Hall of the Senators", not "Long Hall" cut before "of the".
    answer = engine.ask("Where did Orm Dahl welcome Lise Harrowgate?")
    assert answer.short == "Long Hall of the Senators", answer.short
