"""Which candidate the question's words bind (tests/fixtures/rules/sel11-*): a person whose own
clause writes the question's words beats one in an equally good sentence that does not; of two
times in one sentence, the one in the clause of the question's words dates the asked event; and
a place its sentence names inside a longer place gives way to the longer one; a plural "which
countries" takes a list of places scored nearly as well as a single one. One test per rule,
failing without it, and a guard for each."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.qa.answer_rules import answer_rules


def test_the_name_written_with_the_questions_words_answers_who(engine: Engine) -> None:
    # "Harbour Commission President Arvo Pelt" against "President Tomas Rell of the Velden
    # Rowing Club", both in sentences that score alike.
    answer = engine.ask("Who is the president of the Harbour Commission in Velden?")
    assert "Arvo Pelt" in answer.short, answer.short


def test_the_other_name_keeps_its_own_clause(engine: Engine) -> None:
    answer = engine.ask("Who is the president of the Velden Rowing Club?")
    assert "Tomas Rell" in answer.short, answer.short


def test_the_time_in_the_clause_of_the_questions_words_dates_the_event(engine: Engine) -> None:
    # "on Tuesday with the mayor and Thursday with the port workers' union".
    answer = engine.ask("On which day did the Harbour League delegates meet the mayor of Kessby?")
    assert "Tuesday" in answer.short, answer.short


def test_the_other_time_keeps_its_own_clause(engine: Engine) -> None:
    answer = engine.ask(
        "On which day did the Harbour League delegates meet the port workers' union?"
    )
    assert "Thursday" in answer.short, answer.short


def test_a_place_named_inside_a_longer_one_gives_way_to_it(engine: Engine) -> None:
    # "at the Velden Central Library in Velden".
    answer = engine.ask("Where did the fire destroy the archive wing?")
    assert "Velden Central Library" in answer.short, answer.short


def test_clauses_end_at_commas_and_conjunctions_not_inside_a_title() -> None:
    bound = answer_rules().clause_bound
    text = "Mayor Ivo Dahl spoke, and Commission chairman Orm Tess signed"
    assert [m.group(0).strip() for m in bound.finditer(text)] == [",", "and"]
    assert bound.search("Harbour Commission President Arvo Pelt cut the ribbon") is None


def test_a_plural_which_places_takes_a_list_scored_nearly_as_well(engine: Engine) -> None:
    # "still flies after dark to Syria" scores a little above "also flies to Spain, Portugal
    # and Greece".
    answer = engine.ask("To which countries does Pellmark Air still fly after the Norwegian ban?")
    assert answer.short == "Spain, Portugal and Greece", answer.short


def test_a_singular_which_place_keeps_the_single_place(engine: Engine) -> None:
    answer = engine.ask("To which country does Pellmark Air still fly after the Norwegian ban?")
    assert answer.short == "Syria", answer.short
