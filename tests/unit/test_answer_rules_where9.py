"""Where an act went and when it happened (tests/fixtures/rules/where9-*): the destination of a
motion, a site named by a part of an institution, a copular note's date, a "today" inside a
quotation, and a year, month or week against a day inside it. One test per rule, failing without it
(the last a guard)."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.qa.answer_rules import answer_rules


def test_a_destination_question_is_answered_by_the_place_the_motion_goes_to(
    engine: Engine,
) -> None:
    # "sailing ... from Velling to Marrowport" against "ran aground ... near Tarnby".
    answer = engine.ask("Where was the Osk pilgrim ferry heading when it ran aground?")
    assert answer.short == "Marrowport", answer.short


def test_the_destination_beats_the_places_of_its_apposition(engine: Engine) -> None:
    # "moved to Kessavik, the northernmost port in Norway in the Scandinavian region".
    answer = engine.ask("Where were the twelve sick sailors taken to be monitored?")
    assert answer.short == "Kessavik", answer.short


def test_questions_about_an_origin_or_a_setting_ask_no_destination() -> None:
    asks = answer_rules().asks_destination
    assert asks.search("Where was the ferry heading?")
    assert asks.search("To which country did they take her?")
    assert not asks.search("From where did the delegation travel to Brask?")
    assert not asks.search("Where will the summit take place?")


def test_an_institutions_building_before_its_name_sets_it_as_the_site(engine: Engine) -> None:
    answer = engine.ask(
        "Where did the striking dock workers gather on Friday before marching onto a bridge?"
    )
    assert answer.short == "Dunmore Harbour Authority", answer.short


def test_a_copular_note_without_determiner_dates_the_questions_possessed_noun(
    engine: Engine,
) -> None:
    answer = engine.ask("When is Velik's preliminary hearing date?")
    assert "August 21" in answer.short, answer.short


def test_a_today_inside_a_quotation_does_not_date_the_act(engine: Engine) -> None:
    answer = engine.ask("When did Lina Sorrel sign the Harbour Protection Act?")
    assert "Tuesday" in answer.short, answer.short


def test_the_leads_day_beats_the_headlines_year(engine: Engine) -> None:
    answer = engine.ask("When did Velland hold its council elections despite the flood fears?")
    assert "Today" in answer.short, answer.short


def test_a_day_inside_last_week_beats_last_week(engine: Engine) -> None:
    # "ended his own bid last week" against "On Wednesday, Orm Haller ended his bid".
    answer = engine.ask("When did Orm Haller end his council bid?")
    assert "Wednesday" in answer.short, answer.short


def test_a_day_the_same_sentence_writes_apart_dates_another_act(engine: Engine) -> None:
    # "quit ... in early March after losing the party vote of March 3".
    answer = engine.ask("When did Dag Fenn quit the council race?")
    assert "early March" in answer.short, answer.short


def test_over_which_place_noun_asks_where_with_the_noun_as_focus() -> None:
    from assistant.qa.questions import parse_question

    frame = parse_question("Over which island did the storm linger for two days?")
    assert (frame.intent, frame.focus) == ("where", "island")
