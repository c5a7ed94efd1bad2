"""Declining before the extractors only when no sentence says what the question asks: a
question's words the story writes in another form still match (fixtures:
tests/fixtures/rules/decl12-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_an_event_that_only_took_place_is_matched_by_its_name(engine: Engine) -> None:
    # "take place" is in no sentence; the one that names the fair with its dates answers.
    answer = engine.ask("When did Velland Fair 2027 take place?")
    assert answer.answered and "April 9" in answer.short, answer.short


def test_an_idiom_is_matched_as_the_plain_verb(engine: Engine) -> None:
    # "pass away" is reported as "died".
    answer = engine.ask("When did Tomas Brell pass away?")
    assert answer.answered and "Tuesday" in answer.short, answer.short


def test_a_listed_synonym_of_the_asked_act_counts_toward_coverage(engine: Engine) -> None:
    # "killed" is reported only as "death".
    answer = engine.ask("On which street was Ilse Varga killed?")
    assert answer.answered and "Marrow Lane" in answer.short, answer.short


def test_the_when_phrase_of_a_plural_question_is_no_predicate(engine: Engine) -> None:
    # "What dates" asks as "when" does; "run" only says the fair took place.
    answer = engine.ask("What dates did Velland Fair run?")
    assert answer.answered and "April 9" in answer.short, answer.short


def test_a_sentence_calling_the_thing_by_its_noun_carries_the_storys_description(
    engine: Engine,
) -> None:
    # "The statue ... was stolen from ...": the story described it before; the question's
    # describing words need not be repeated in the answer's sentence.
    answer = engine.ask("From where was the life-size bronze horse statue stolen?")
    assert answer.answered and "Orland Museum" in answer.short, answer.short


def test_a_person_the_story_titled_before_keeps_the_asked_role_by_name_alone(
    engine: Engine,
) -> None:
    # The story calls Dahl a lawyer once; the sentence that answers names him alone.
    answer = engine.ask(
        "With which lawyer did Marta Lenn pose for photographs at the crowded harbour festival"
        " a week before she vanished?"
    )
    assert answer.answered and "Dahl" in answer.short, answer.short
