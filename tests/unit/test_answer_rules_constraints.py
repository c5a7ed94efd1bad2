"""Answers that contradict what the question states are declined: a number with its noun, a
model code, the question's own participant, the kind of place asked for, a place's address
(fixtures: tests/fixtures/rules/cons8-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_sentence_giving_the_noun_another_number_is_about_something_else(
    engine: Engine,
) -> None:
    answer = engine.ask("When did the magnitude 4.8 earthquake strike the Vardello coast?")
    assert answer.answered and "Wednesday" in answer.short
    # No quake of that magnitude is reported: the 4.8 and 6.3 ones are other quakes.
    answer = engine.ask("When did the magnitude 5.5 earthquake strike the Vardello coast?")
    assert not answer.answered


def test_a_which_question_wants_a_name_of_the_asked_kind(engine: Engine) -> None:
    # The story names only the town he was released in, not a prison.
    answer = engine.ask("In which prison was Orvin Tesk held before his release?")
    assert not answer.answered


def test_the_question_s_own_person_is_no_answer_to_who_takes_over(engine: Engine) -> None:
    answer = engine.ask("Who will take over from Dalgren as leader of the Union Party?")
    assert "Dalgren" not in answer.short


def test_a_region_in_a_place_s_address_is_no_person(engine: Engine) -> None:
    for question in (
        "Who was arrested over the Ellsworth stabbing?",
        "Who were the two people killed in the Ellsworth stabbing?",
    ):
        assert "Tamshire" not in engine.ask(question).short


def test_a_sentence_about_another_model_code_does_not_answer(engine: Engine) -> None:
    answer = engine.ask("Who was the captain at the controls of the X90 on its maiden flight?")
    assert answer.short != "Orvane"


def test_a_story_with_the_asked_town_only_as_a_common_word_is_not_about_it(
    engine: Engine,
) -> None:
    # The other story has "a sandwich", not the town of Sandwich; the town's story names no one.
    answer = engine.ask("Who was arrested after the Sandwich knife attack?")
    assert "Fenn" not in answer.short


def test_a_nationality_is_no_city(engine: Engine) -> None:
    answer = engine.ask("In which city did the broker offer the stolen Vellin paintings in March?")
    assert answer.short == "Managua"


def test_a_title_cased_headline_s_words_are_no_place(engine: Engine) -> None:
    # "Dock Strikers" is capitalised only by the headline's style; the body never names it.
    answer = engine.ask("Where did riot police fire water cannon at striking dockworkers?")
    assert answer.short != "Dock Strikers"


def test_a_narrow_person_noun_must_be_in_the_answer_s_sentence(engine: Engine) -> None:
    # The story names no judge: the sister in the sentence about the sentencing is no judge.
    answer = engine.ask("Who was the judge who sentenced Pell Korran?")
    assert not answer.answered


def test_a_job_noun_the_rules_do_not_know_may_be_a_kind_of_the_asked_one(engine: Engine) -> None:
    # "surgeon" is no "doctor" word for word, but a surgeon is one; the mayor is not.
    answer = engine.ask("Which doctor, detained for warning patients about the fever, died?")
    assert answer.answered
    assert answer.short == "Maren Odell"
