"""Who-answers of the asked kind: junk names kept out of the recogniser, and who-questions
that decline when the sentence names no doer (fixtures: tests/fixtures/rules/type8-*)."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.knowledge.entities import EntityRecognizer
from assistant.models import EntityKind


def found(sentence: str) -> list[tuple[str, str]]:
    return [(m.name or m.text, m.kind.value) for m in EntityRecognizer().mentions(sentence)]


def people(sentence: str) -> list[str]:
    return [name for name, kind in found(sentence) if kind == EntityKind.PERSON.value]


# --- the recogniser ---------------------------------------------------------------------------


def test_a_title_cased_headline_run_absent_from_the_body_is_no_name() -> None:
    recognizer = EntityRecognizer()
    body = "Ivo Dahl visited Varnholt on Friday."
    title = recognizer.mentions("Noisy Crowds as Dahl Courts Varnholt Voters", -1, body=body)
    assert not [m for m in title if m.kind is EntityKind.PERSON and " " in m.text]
    # A name the body writes too stays one.
    title = recognizer.mentions("Crowds Cheer as Ivo Dahl Visits Varnholt", -1, body=body)
    assert [m.name for m in title if m.kind is EntityKind.PERSON] == ["Ivo Dahl"]


def test_a_tenure_word_before_a_country_code_is_no_name() -> None:
    sentence = "Former US presidential candidate Ilse Marrow endorsed Oskar Ferrandt yesterday."
    assert people(sentence) == ["Ilse Marrow", "Oskar Ferrandt"]


def test_a_model_number_is_no_name() -> None:
    assert people("The firm will supply twelve Orvane A330-200 aircraft.") == []


def test_a_letters_only_honour_is_no_part_of_the_name() -> None:
    assert people("Ivo Dahl QC said the ruling was sound.") == ["Ivo Dahl"]


def test_an_adjective_of_faith_ends_no_name() -> None:
    sentence = "Police said the Roman Catholic cathedral was badly damaged."
    assert "Roman Catholic" not in people(sentence)


def test_a_lone_name_after_a_place_kind_is_a_place() -> None:
    assert ("Sarne", EntityKind.PLACE.value) in found(
        "The hall stands on an island in the river Sarne, and was closed."
    )


def test_what_a_passive_deed_was_done_with_is_no_one() -> None:
    assert people("Officials said Aldo Quintrell was poisoned with Veltrax, a nerve agent.") == [
        "Aldo Quintrell"
    ]


# --- who-questions ----------------------------------------------------------------------------


def test_an_irregular_verb_after_who_is_the_asked_deed(engine: Engine) -> None:
    # The subject of "wrote" across its apposition, not the surname inside the apposition.
    answer = engine.ask("Who wrote the rules that govern the party's selection process?")
    assert answer.answered
    assert answer.short == "Lena Quillon"


def test_a_passive_deed_with_no_doer_names_no_one_who_did_it(engine: Engine) -> None:
    answer = engine.ask("Who poisoned Aldo Quintrell?")
    assert not answer.answered


def test_an_irregular_verb_ends_the_asked_noun() -> None:
    from assistant.qa.extract_who import _who_focus

    assert _who_focus("Which president gave Ilse Marrow the award?") == "president"
    assert _who_focus("Which member of the board resigned?") == "board"


def test_a_compass_word_before_a_known_place_names_part_of_it() -> None:
    assert ("South London", EntityKind.PLACE.value) in found(
        "The officer was shot at the Harnby, South London custody centre."
    )


def test_a_passive_deed_with_its_doer_further_on_is_still_answered(engine: Engine) -> None:
    answer = engine.ask("Who shot Sergeant Ilse Varrowby?")
    assert answer.answered
    assert answer.short == "Kaspar Ovington"


@pytest.mark.parametrize(
    ("question", "role"),
    [("What was Ruud's role?", "Finance Minister"), ("What is Falk's job?", "President")],
)
def test_a_role_asked_by_its_noun_is_the_title_beside_the_name(
    engine: Engine, question: str, role: str
) -> None:
    # No sentence says "role" or "job": the word must not count against the sentences.
    answer = engine.ask(question)
    assert (answer.intent, answer.short) == ("who_role", role)
