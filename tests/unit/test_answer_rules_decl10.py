"""Declining when the story does not give what the question asks for, though a sentence
matches it well (fixtures: tests/fixtures/rules/decl10-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_month_is_no_answer_to_which_day(engine: Engine) -> None:
    # The story dates the shrinking only by months: no day is given.
    answer = engine.ask("On which day did the Orvian economy shrink by 0.2%?")
    assert not answer.answered, answer.short
    answer = engine.ask("In which month did the Orvian economy shrink by 0.2%?")
    assert answer.answered and "January" in answer.short


def test_one_name_is_no_answer_when_two_are_asked_for(engine: Engine) -> None:
    answer = engine.ask("Which two Green members voted for the tax cut in the assembly?")
    assert not answer.answered, answer.short
    answer = engine.ask("Which Green member voted for the tax cut in the assembly?")
    assert answer.short == "Ivo Pardel"


def test_a_sentence_that_denies_the_asked_act_does_not_say_who_did_it(engine: Engine) -> None:
    answer = engine.ask("Who won the Dunmere seat?")
    assert "Renn" not in answer.short


def test_someone_the_sentence_gives_another_kind_of_job_is_not_the_asked_one(
    engine: Engine,
) -> None:
    # The only sentence about the rescue names an ambassador, not who was rescued.
    answer = engine.ask("Which Orvian navigator was rescued by a mountain patrol?")
    assert "Dahl" not in answer.short
    answer = engine.ask("Which pilot ejected over the Kessa valley?")
    assert answer.short == "Mara Lunn"


def test_an_answer_from_a_story_that_matches_the_question_much_less_is_declined(
    engine: Engine,
) -> None:
    # The bill's own story gives no place; the permit office's story is about something else.
    answer = engine.ask("Where was the Tessby harbour bill drafted?")
    assert not answer.answered, answer.short


def test_a_country_that_only_owns_the_reporting_newspaper_is_too_weak_a_place(
    engine: Engine,
) -> None:
    answer = engine.ask("Where did Anso Brek's reported secret meeting with Holm take place?")
    assert not answer.answered, answer.short


def test_who_was_chosen_as_a_role_needs_a_sentence_that_gives_the_role(engine: Engine) -> None:
    answer = engine.ask("Who was chosen as president of the new Kessby council after the vote?")
    assert "Orr" not in answer.short
    answer = engine.ask("Who was re-elected to the new Kessby council in the harbour ward?")
    assert answer.short == "Lena Orr"
