"""Rules added in session 17 (fixtures: tests/fixtures/rules/s17-*)."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.knowledge.entities import EntityRecognizer
from tests.unit.rule_helpers import answered


def _kinds(sentence: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind.value) for m in EntityRecognizer().mentions(sentence)]


def test_who_opens_a_clause_about_the_one_who_met(engine: Engine) -> None:
    # "Mira Vantongeren, 41, who has waived ..., met guards ...": the subject stands before
    # the clause; the headline sets the story in Valletta, named nowhere near the meeting.
    answer = answered(
        engine,
        "Which two guards did Dutch visitor Mira Vantongeren meet at a harbour bar in Valletta?",
    )
    assert answer.short == "Tomas Quelho and Rui Barrenta", answer.answer


def test_the_nouns_before_a_title_say_what_the_person_is(engine: Engine) -> None:
    # "the firm's chief executive officer, Ada Quarrie" is a chief executive, not only an
    # officer.
    answer = answered(
        engine,
        "Who is the Osterholm Motors chief executive who said the third-quarter results showed"
        " real progress?",
    )
    assert answer.short == "Ada Quarrie", answer.answer


def test_a_by_when_question_takes_the_time_after_by(engine: Engine) -> None:
    answer = answered(
        engine,
        'By when did Osterholm Motors predict it would be "solidly profitable" after its'
        " surprise third-quarter profit?",
    )
    assert answer.short == "2041", answer.answer


def test_a_level_before_a_body_word_need_not_be_written(engine: Engine) -> None:
    # "Which federal department": the story never calls the department federal.
    answer = answered(
        engine,
        "Which federal department is conducting a criminal investigation into Osterholm Motors'"
        " testing practices?",
    )
    assert answer.short == "Norvessan Department of Trade", answer.answer


def test_a_second_persons_thing_after_a_preposition_only_says_which_matter(
    engine: Engine,
) -> None:
    # "in his challenge to Brekkvik's re-election": the lawyer's sentence need not name
    # Brekkvik.
    answer = answered(
        engine, "Who is the lawyer for Nils Varga in his challenge to Brekkvik's re-election?"
    )
    assert answer.short == "Hedda Solvik", answer.answer


def test_which_body_asks_for_a_body_not_a_person(engine: Engine) -> None:
    answer = answered(engine, "Which body voted 61 to 30 to legalise street markets in Quenland?")
    assert answer.short == "Grand Assembly", answer.answer


def test_a_storys_second_sentence_is_dated_by_its_lead(engine: Engine) -> None:
    answer = answered(
        engine,
        "On what day did the Quenland All-Share index close at 5,432.10, a new ten-year low?",
    )
    assert "Thursday" in answer.short, answer.answer


def test_a_name_the_story_writes_after_hurricane_is_no_person(engine: Engine) -> None:
    # Another story of the fixtures has a fisherman called Ilmatar; this one writes
    # "Hurricane Ilmatar", so the question's "Ilmatar" is the storm and need not be in the
    # answering sentence.
    answer = answered(
        engine,
        "Why did Brevard Shores County in Florida order some residents to evacuate ahead of"
        " Ilmatar?",
    )
    assert "tropical storm warning" in answer.short, answer.answer


def test_stated_to_names_whom_the_person_addressed(engine: Engine) -> None:
    answer = answered(
        engine,
        "To which broadcaster did Detective Constable Oskar Tammisto explain how the border"
        " closure affected drug prices?",
    )
    assert answer.short == "QBC", answer.answer


def test_two_names_each_after_dr_are_one_list(engine: Engine) -> None:
    answer = answered(engine, "Which two authors of the Animal Minds paper did Wikinews interview?")
    assert answer.short == "Christian Maasen and Lena Okafor", answer.answer


def test_a_department_of_two_fields_is_one_body() -> None:
    assert _kinds("The Quenland Department of Health and Human Services said so.") == [
        ("Quenland Department of Health and Human Services", "organisation")
    ]
    # A name that is no body's joins no department.
    found = _kinds("The Department of Justice and Smith met.")
    assert ("Department of Justice", "organisation") in found
    assert all("Smith" not in text or text == "Smith" for text, _ in found)


def test_christian_is_a_given_name_before_a_surname() -> None:
    assert _kinds("Christian Maasen said it.") == [("Christian Maasen", "person")]
    assert _kinds("Voters backed the Christian Democrats.") == []
    assert _kinds("The Christian Science Monitor reported it.") == [
        ("The Christian Science Monitor", "organisation")
    ]
