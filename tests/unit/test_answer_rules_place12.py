"""Places as answers (tests/fixtures/rules/place12-*): one lexicon of place-kind nouns in
prompts/intents.toml (the `{place}` slot) tells every where-rule that a question asks for a
place ("Which air base ...", "Which Tessa plants ...", "Residents of which parish ..."); a name
written before a lower-case place noun is a place candidate though the gazetteer does not know
it; a time after a place noun names no place; "which two ..." wants two names. One test per
rule, failing without it, and guards."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from assistant.qa.questions import IntentFile, detect_intent, parse_question, place_nouns


@pytest.mark.parametrize(
    "question",
    [
        "Which air base did the Tessel militia take over?",
        "Which Tamber plants are to close by the end of the year?",
        "Residents of which parish were told to evacuate?",
        "Which court set Orm Vell's bail?",
        "At which border crossing did the trucks wait?",
    ],
)
def test_a_place_noun_of_the_lexicon_asks_where(question: str) -> None:
    assert detect_intent(question)[0] == "where"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # A place noun that only modifies the asked person noun.
        ("Which city official said the road would close?", "who"),
        # After "with", only settlements ask where: countries are the other side of talks.
        ("With which countries did Orm Vell hold talks?", "who_met"),
        # "office" is no place kind: the role asked of a named person.
        ("What office does Orm Vell hold?", "who_role"),
    ],
)
def test_place_nouns_keep_the_other_rules(question: str, intent: str) -> None:
    assert detect_intent(question)[0] == intent


def test_the_lexicon_gives_singular_and_plural_forms() -> None:
    nouns = place_nouns()
    assert {"parish", "parishes", "air base", "air bases", "city", "cities"} <= nouns


def test_a_place_noun_in_lower_case_is_no_entity_of_the_question() -> None:
    # The corpus writes "Parish" in a name; the question's "parish" is the kind asked for.
    frame = parse_question(
        "Residents of which parish were told to evacuate?", known_names={"parish": "Parish"}
    )
    assert frame.entities == [], frame.entities
    assert frame.focus == "parish"


def test_a_bad_place_noun_names_the_file_and_key(tmp_path: Path) -> None:
    from tests.unit.test_prompts import broken_copy, error_for

    path = broken_copy(tmp_path, "intents", '"air base", "base"', '"air base", "Base"')
    message = error_for(path, IntentFile)
    assert "key 'place_nouns'" in message, message


def test_a_name_before_a_lower_case_place_noun_is_a_place(engine: Engine) -> None:
    # "at the Bab al-Qirran border crossing, 50 kilometres north of Mosul".
    answer = engine.ask("Where was the temporary clinic where the nurse treated Mira?")
    assert "Bab al-Qirran" in answer.short, answer.short


def test_a_time_after_the_place_noun_names_no_place(engine: Engine) -> None:
    # "holding the base Tuesday night" beside "took over the ... Varrow air base".
    answer = engine.ask("Which air base did the Tessel militia take over on Wednesday?")
    assert "Varrow" in answer.short, answer.short


def test_which_two_places_is_not_answered_by_one(engine: Engine) -> None:
    # "Two more plants will close in 2027": the story names only one other plant.
    answer = engine.ask("Which two Tamber Motors plants will close in 2027?")
    assert not answer.answered, answer.short


def test_a_district_of_the_questions_town_is_the_answer(engine: Engine) -> None:
    # Guard: "in Qarmoun district" beside "in ... Aleppo, Syria".
    answer = engine.ask("In which district of Aleppo did the block of flats collapse?")
    assert "Qarmoun" in answer.short, answer.short


def test_a_name_headed_by_another_kind_of_place_is_not_of_the_asked_kind() -> None:
    from assistant.qa.extract_where import _other_kind

    assert _other_kind("Kessel Peninsula", ("base",))
    assert not _other_kind("Captain Orm Dahl Base", ("base",))
    # A synonym the answer rules list for the kind, a plural, or a name without a kind.
    assert not _other_kind("Orvik Clinic", ("hospital", "clinic"))
    assert not _other_kind("Tarn Bases", ("base",))
    assert not _other_kind("Bontor Hall", ("hotel",))
    assert not _other_kind("Grand Vessa", ("island",))


def test_the_asked_kind_of_base_beats_the_peninsula_it_stands_on(engine: Engine) -> None:
    # Guard: "at Captain Orm Dahl Base on the Kessel Peninsula".
    answer = engine.ask("At which polar base was the influenza outbreak reported?")
    assert answer.short == "Captain Orm Dahl Base", answer.short
