"""Rules added in session 16 (fixtures: tests/fixtures/rules/s16-*)."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.knowledge.entities import EntityRecognizer
from assistant.qa.questions import parse_question
from tests.unit.rule_helpers import answered


def _kinds(sentence: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind.value) for m in EntityRecognizer().mentions(sentence)]


def test_the_place_after_the_asked_verb_beats_one_in_a_clause_about_another_act(
    engine: Engine,
) -> None:
    # "Halvor Senn, who died in Oslo, will be buried at the ... Cemetery": Oslo is where he
    # died, and the cemetery follows the asked verb.
    answer = answered(engine, "Where is Halvor Senn to be buried?")
    assert answer.short == "Varnholt Military Memorial Cemetery", answer.answer


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("said Nils Barrow, director of Coastal Studies at Tessel University.", "Coastal Studies"),
        ("said Ada Lind, professor of Political Science at the college.", "Political Science"),
    ],
)
def test_a_name_after_a_posts_of_is_a_body_or_a_field(sentence: str, body: str) -> None:
    assert (body, "organisation") in _kinds(sentence)


def test_a_name_before_a_lower_case_title_and_its_holder_is_the_employer() -> None:
    found = _kinds('"It is grim," said Halden Trading chief strategist, Pia Norum.')
    assert found == [("Halden Trading", "organisation"), ("Pia Norum", "person")]
    assert ("Goldman Sachs", "organisation") in _kinds(
        "Goldman Sachs chief economist Ada Lind said."
    )


def test_an_expert_may_be_a_director(engine: Engine) -> None:
    # The story calls him a director; "expert" names no job that would rule him out.
    answer = answered(
        engine, "Which Tessel housing expert said late payments and defaults had started to climb?"
    )
    assert answer.short == "Nils Barrow", answer.answer


def test_a_quotation_of_several_sentences_is_spoken_by_the_one_named_where_it_closes(
    engine: Engine,
) -> None:
    answer = answered(
        engine,
        'Who called the situation "pretty grim" and asked whether the recovery is really that'
        " strong?",
    )
    assert answer.short == "Pia Norum", answer.answer


def test_a_regions_adjective_in_a_question_asks_for_a_story_set_there(engine: Engine) -> None:
    frame = parse_question("From which Siberian city was Dahl flying to Moscow when he fell ill?")
    siberia = next(m for m in frame.entities if m.text == "Siberian")
    assert (siberia.kind.value, siberia.name) == ("place", "Siberia")
    answer = answered(
        engine, "From which Siberian city was Dahl flying to Moscow when he fell ill?"
    )
    assert answer.short == "Tomsk", answer.answer


def test_the_and_the_questions_noun_take_up_the_thing_told_with_its_person(
    engine: Engine,
) -> None:
    # "a truce brokered by Mara Quist." then "to observe the truce which began on April 12".
    answer = answered(engine, "When did the truce brokered by Mara Quist begin?")
    assert "April 12" in answer.short, answer.answer


def test_a_quakes_bare_number_is_its_magnitude(engine: Engine) -> None:
    # "over magnitude 4.5 ..., including a 6.4 quake": the sentence is about the asked quake.
    answer = answered(
        engine, "When did the magnitude 6.4 quake that caused an island-wide blackout hit Crete?"
    )
    assert "January 7" in answer.short, answer.answer


def test_a_move_reported_as_relocated_goes_to_the_place_after_to(engine: Engine) -> None:
    # The origin takes sixteen words before "to"; "moved" is told as "relocated".
    answer = answered(engine, "Where will the prototype rover Tarn One be moved?")
    assert answer.short == "Kessby Sea-Air Museum", answer.answer


def test_left_x_for_y_says_where_it_departed_from(engine: Engine) -> None:
    answer = answered(engine, "Where had the Norvair plane departed from on its way to Medellin?")
    assert answer.short == "Bolivia", answer.answer


def test_the_headline_may_write_the_person_as_the_asked_bodys(engine: Engine) -> None:
    # Only the headline says "Kessby University professor Dr Varga".
    answer = answered(
        engine, "Which Kessby University professor did Wikinews interview about ancient ice cores?"
    )
    assert "Varga" in answer.short, answer.answer


def test_who_told_the_questions_party_is_whom_it_spoke_with(engine: Engine) -> None:
    # "Tomas Riva told Wikinews ...": speaking with is mutual.
    answer = answered(
        engine, "Which researcher did Wikinews speak with about the lake found beneath the glacier?"
    )
    assert answer.short == "Tomas Riva", answer.answer


def test_a_bare_quotation_is_the_titled_speakers_before_it(engine: Engine) -> None:
    # "likened" asks who said it; the analyst is named in the sentence before the quotation.
    answer = answered(
        engine,
        "Which Brask Markets analyst likened the fifth day of losses on the Harbour index to"
        " walking across a frozen pond?",
    )
    assert answer.short == "Dan Corr", answer.answer


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Łukasz, who works at the hall as a chef, joined in.", "Łukasz"),
        ("Şahin Yilmaz said the plan had failed.", "Şahin Yilmaz"),
        ("The man with the tusk is a Polish chef named Luckasz.", "Luckasz"),
    ],
)
def test_names_with_extended_capitals_or_after_named_are_people(sentence: str, person: str) -> None:
    assert (person, "person") in _kinds(sentence)


def test_a_name_after_comma_of_is_the_persons_affiliation() -> None:
    found = _kinds("Jim Corran, of KBTV's Money Hour, remarked that prices fell.")
    assert ("Money Hour", "organisation") in found
    assert ("Jim Corran", "person") in found
    # Only "named" gives a name: "called" also reports what was said.
    assert ("Dreamliner", "person") not in _kinds("The chief called the Dreamliner a triumph.")


def test_a_word_of_a_title_alone_names_no_one(engine: Engine) -> None:
    # "Senate Majority leader Harold Ree": "Majority" is no senator.
    answer = engine.ask(
        "Which senator introduced the $14 billion harbour bill that the Senate voted down?"
    )
    assert answer.short != "Majority", answer.answer


def test_a_firm_named_by_its_trade_is_a_body() -> None:
    assert ("New Century Financial", "organisation") in _kinds(
        "New Century Financial said it would close its offices."
    )


def test_a_time_from_a_weaker_story_gives_way_to_the_best_storys_own(engine: Engine) -> None:
    # "On Sunday, Governor Lena Dahl visited the grain ships" (another story) dates no lifting;
    # the story about the rule says "lifted ... in 2031" further down.
    answer = answered(
        engine,
        "When did Governor Dahl lift the rule barring ships carrying grain abroad from paying"
        " harbour dues?",
    )
    assert answer.short == "2031", answer.answer


def test_what_someone_said_about_a_topic_is_their_quotation(engine: Engine) -> None:
    # '"..., 2037 was a turning point for Corran ...," he said': "he" is Mullery, and the
    # quotation may name the question's own people.
    answer = answered(engine, "What did Mullery say about Corran's 2037 results?")
    assert "turning point" in answer.short, answer.answer
    # The speaker after a long title: "said the vice president and chairman of ... Ivo Pressman".
    answer = answered(
        engine, "What did Tessel Lines' Ivo Pressman say about the state of the shipping market?"
    )
    assert "small signs of life" in answer.short, answer.answer


def test_a_speech_is_quoted_in_the_sentences_after_the_one_that_sets_it(
    engine: Engine,
) -> None:
    answer = answered(engine, "What did Varr talk about on regional television?")
    assert "keeping the harbour open" in answer.short, answer.answer
    assert "top priority" in answer.short, answer.answer


def test_a_regions_adjective_may_drop_its_a() -> None:
    frame = parse_question("Why does warm water flow beneath Antarctic ice?")
    assert [(m.kind.value, m.name) for m in frame.entities] == [("place", "Antarctica")]
    # A country's adjective stays a nationality.
    assert parse_question("Which Russian city hosted the talks?").entities == []


def test_a_peoples_plural_after_a_place_cue_is_their_country() -> None:
    frame = parse_question("What caused the fall in Australians' iodine intake?")
    assert [(m.kind.value, m.name) for m in frame.entities] == [("country", "Australia")]


def test_a_place_before_a_persons_title_sets_no_meeting_there(engine: Engine) -> None:
    # "Harlan County sheriff Kerry Lund": the county says who he is, not where he spoke.
    answer = answered(
        engine,
        "Which broadcaster did Harlan County sheriff Kerry Lund speak to about the crowds the"
        " festival might draw?",
    )
    assert answer.short == "KBTV", answer.answer
