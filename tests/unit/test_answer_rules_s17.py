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
        engine, "Who is the lawyer for Nils Vargrin in his challenge to Brekkvik's re-election?"
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


def test_accented_names_count_as_written_capitalised() -> None:
    from assistant.knowledge.entities import collect_proper_words

    words = collect_proper_words(
        [
            "Then Wanda Vázquez took the oath, and later Vázquez spoke; aides of Łukasz Dąbrowski agreed."
        ]
    )
    assert words.get("vazquez") == "Vázquez"
    assert words.get("łukasz") == "Łukasz"
    assert words.get("dabrowski") == "Dąbrowski"


def test_a_service_named_after_via_is_no_city(engine: Engine) -> None:
    # "announced the ban ... via Twitter": "via" cues places, but a medium is not a city.
    answer = answered(engine, "Flights to which Varnian city are exempt from the new ban?")
    assert answer.short == "Ostrava", answer.answer


def test_a_body_named_after_two_fields_is_one() -> None:
    assert _kinds("Staff at the Institute for Quenland Metrics and Evaluation said so.") == [
        ("Institute for Quenland Metrics and Evaluation", "organisation")
    ]
    # A body of its own after "and" stays apart.
    assert ("Varnholt University", "organisation") in _kinds(
        "The Institute for Policy Studies and Varnholt University agreed."
    )


def test_which_agencies_asks_for_bodies(engine: Engine) -> None:
    answer = answered(
        engine,
        "Which agencies were among the emergency responders to the fire near the Ostrava town"
        " hall?",
    )
    assert answer.short == "Harbour Guard and Ostrava Park Police", answer.answer


def test_an_interviewers_question_is_answered_by_the_reply(engine: Engine) -> None:
    answer = answered(engine, "What did Vantaa say was the most surprising aspect of the comet?")
    assert answer.short == "That such a small body can carry so much frozen ammonia.", answer.answer


def test_what_a_named_speaker_said_needs_few_of_the_questions_words(engine: Engine) -> None:
    # The quotation tells the dealings in other words ("uphold the quotas", "normal relations").
    answer = answered(
        engine, "What did spokesman Arvo Kesk say about Estonia's dealings with Latvia?"
    )
    assert answer.short == "Estonia would continue to uphold the quotas", answer.answer


def test_a_lower_case_noun_is_no_agencys_name(engine: Engine) -> None:
    # "told Reuters 'it almost seems as if the statement was written ...'": the quotation's
    # noun is no answer to "Which news agency ...?".
    answer = answered(
        engine,
        'Which news agency did Anna Brodska of the charity "No Fear" talk to about the'
        " church's apology?",
    )
    assert answer.short == "Reuters", answer.answer


def test_told_the_press_names_whom_the_person_spoke_to(engine: Engine) -> None:
    answer = answered(
        engine, "Whom did Lars Wendt speak to after the launch about feeling worn out?"
    )
    assert answer.short == "the press", answer.answer


def test_bring_in_is_read_as_introduce(engine: Engine) -> None:
    # "KORVO also introduced a one-pack limit, on Monday": the act is told by the plain verb.
    answer = answered(engine, "When did KORVO bring in its one-pack limit on basmati rice?")
    assert "Monday" in answer.short, answer.answer


def test_a_quotation_after_remarked_and_its_speaker_is_what_they_said(engine: Engine) -> None:
    answer = answered(engine, "What did Oda Lindt say about the rise in lapwing numbers?")
    assert answer.short.startswith("This small rise is a thank-you from the birds"), answer.answer
