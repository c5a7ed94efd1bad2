"""Declining what the story does not state of the answer: a role asked of one body that the
story gives only to another, an act that singles someone out, a kind of place asked for
(fixtures: tests/fixtures/rules/decl14-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_role_of_the_asked_body_is_answered(engine: Engine) -> None:
    answer = engine.ask("Who is the Brannock Lottery's spokeswoman?")
    assert answer.answered and "Mirela Quist" in answer.short, answer.short


def test_a_role_given_only_to_another_body_is_no_answer(engine: Engine) -> None:
    # "Brannock Lottery spokeswoman Mirela Quist" is no one's answer for the Velden Lottery,
    # though the sentence names Velden too.
    answer = engine.ask("Who is the Velden Lottery's spokeswoman?")
    assert not answer.answered, answer.short


def test_a_role_with_a_qualifying_clause_is_still_the_bodys(engine: Engine) -> None:
    answer = engine.ask("Who is the Velden Lottery's spokeswoman who spoke on Friday?")
    assert not answer.answered, answer.short


def test_an_act_singling_someone_out_must_be_stated_of_them(engine: Engine) -> None:
    # The story tells of the pilot being confronted, by no one named; the lifeguard "first
    # reached" him, another act.
    answer = engine.ask("Which officer first confronted the glider pilot?")
    assert not answer.answered, answer.short


def test_the_singling_act_stated_of_someone_answers(engine: Engine) -> None:
    answer = engine.ask("Which rescuer first reached the pilot?")
    assert answer.answered and "Jonna Pell" in answer.short, answer.short


def test_which_countries_is_not_answered_by_the_group_reporting_them(engine: Engine) -> None:
    answer = engine.ask("Which countries have forced news sites to register as foreign agents?")
    assert not answer.answered, answer.short


def test_a_pronoun_after_an_opening_phrase_goes_on_about_the_last_subject(
    engine: Engine,
) -> None:
    # "Tal-Varnett was 80 years old. According to the report by ..., he died at ...".
    answer = engine.ask("In which hospital did Tal-Varnett die?")
    assert answer.answered and "Saint Rune" in answer.short, answer.short
