"""Who did the asked act when the story names no one but a common noun phrase in the subject
slot of the question's verb: the phrase answers, a name in that slot would win, and the act
must be the question's, object and all (fixture: tests/fixtures/rules/grp15-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_an_unnamed_role_as_the_verbs_subject_answers(engine: Engine) -> None:
    # "..., a senior harbour official told reporters": no name, the role says who.
    answer = engine.ask("Who told reporters that the Quarrow quay would stay closed?")
    assert answer.answered and "harbour official" in answer.short, answer.short


def test_a_body_of_people_as_the_verbs_subject_answers(engine: Engine) -> None:
    answer = engine.ask("Who recovered the sunken barges from the Quarrow basin?")
    assert answer.answered and "divers" in answer.short, answer.short


def test_the_same_verb_with_another_object_is_another_act(engine: Engine) -> None:
    # The rowing team "won the autumn regatta"; it did not win the sailing trophy.
    answer = engine.ask("Who won the Quarrow sailing trophy?")
    assert not answer.answered, answer.short


def test_a_question_for_a_name_is_not_answered_by_a_common_noun(engine: Engine) -> None:
    answer = engine.ask("Who is the Quarrow harbour official who spoke on Tuesday?")
    assert not answer.answered or "official" not in answer.short, answer.short


def test_a_common_noun_place_of_the_act_is_more_exact_than_the_name_locating_it(
    engine: Engine,
) -> None:
    # "died ... at her country home outside Velmora": the home, not only the town.
    answer = engine.ask("Where did Ilse Brannack die?")
    assert answer.answered and "home" in answer.short, answer.short


def test_a_bare_vague_place_noun_is_no_answer(engine: Engine) -> None:
    # "gathered in the area" points back to a place named before; it is no answer itself.
    answer = engine.ask("Where did mourners gather for Ilse Brannack?")
    assert "area" not in answer.short, answer.short


def test_the_asked_place_itself_is_no_answer_to_where_it_is(engine: Engine) -> None:
    answer = engine.ask("Where is the country home of Ilse Brannack?")
    assert "home" not in answer.short, answer.short
