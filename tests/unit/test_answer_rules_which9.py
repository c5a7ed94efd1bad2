"""Which-questions routed and answered by the head noun of the asked phrase, and role answers
(fixtures: tests/fixtures/rules/which9-*)."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.qa.questions import detect_intent

# --- routing by the asked phrase's head noun ---------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        # A place noun before a person noun only modifies it.
        "Which state senator sponsored the stadium bill?",
        "Which city official closed the hall?",
        # A preposition before which/whose, and a person, body, outlet or work noun.
        "For which novelist's book did Reeve draw the maps?",
        "With which festival associates did Kastrup collaborate?",
        "To which news service did Kastrup speak about the novel?",
        "On whose late-night show did Kastrup appear?",
        "For which club did Osken play in 2019?",
        "For which promotion did Osken make his debut?",
    ],
)
def test_the_head_noun_of_the_asked_phrase_routes_to_who(question: str) -> None:
    assert detect_intent(question)[0] == "who"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Which city is President Orm Dahl's hometown?", "where"),
        ("In which city did the festival open?", "where"),
        ("In which year was Osken drafted?", "when"),
        ("In what way did the launch change?", "fallback"),
    ],
)
def test_place_time_and_manner_nouns_keep_their_intents(question: str, intent: str) -> None:
    assert detect_intent(question)[0] == intent


# --- the name the sentence gives the asked noun -----------------------------------------------


@pytest.mark.parametrize(
    ("question", "short"),
    [
        ("Which illustrator joined Kastrup for the launch of Night Heron?", "Joss Mereweather"),
        (
            "With which festival associates did Kastrup collaborate?",
            "Ilka Varden and Tomas Reeve",
        ),
        ("To which news service did Kastrup speak about the novel?", "Harbour Ledger"),
        ("Which Tarvel Courier writer called the launch the week's brightest hour?", "Petra Lind"),
        ("Which state senator sponsored the stadium bill?", "Iris Pallow"),
    ],
)
def test_the_name_titled_by_the_asked_noun_answers(
    engine: Engine, question: str, short: str
) -> None:
    answer = engine.ask(question)
    assert answer.answered
    assert answer.short == short


def test_before_a_person_noun_a_name_is_the_employer_not_the_person(engine: Engine) -> None:
    answer = engine.ask("Which photojournalist lost his cameras in the storm in Tarvel?")
    assert answer.short == "Anwar al-Kessim"


def test_a_quoted_label_names_an_unnamed_doer(engine: Engine) -> None:
    answer = engine.ask("Who disrupted the opening night of Tarvel Arts Week?")
    assert answer.short == "Greyjay"


def test_a_speaker_named_by_a_noun_is_found_by_it(engine: Engine) -> None:
    answer = engine.ask("Which newspaper did a festival spokesperson speak to about the lights?")
    assert answer.short == "Orrin Gazette"


def test_a_body_asked_as_whom_someone_spoke_to_needs_that_body(engine: Engine) -> None:
    answer = engine.ask("To which newspaper did Dana Velk speak about the second week?")
    assert not answer.answered


def test_a_passive_doer_of_a_verb_of_the_same_act_answers(engine: Engine) -> None:
    # "picked" is written "chosen"; "He" stands for Osken.
    answer = engine.ask("Which team picked Osken in the first round of the 2019 NBA draft?")
    assert answer.short == "Dunmere Stags"


# --- role answers ------------------------------------------------------------------------------


def test_a_role_in_apposition_outranks_a_form_of_address(engine: Engine) -> None:
    answer = engine.ask("Who is Hal Brisco?")
    assert answer.intent == "who_role"
    assert answer.short.startswith("Director of the Tarvel Institute for Print History")


def test_a_comma_inside_a_place_does_not_end_the_role(engine: Engine) -> None:
    answer = engine.ask("Who is Dana Velk?")
    assert answer.short == "head of the Tarvel, OR-based arts charity The Lantern Trust"
