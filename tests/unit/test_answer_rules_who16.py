"""Who-answers: the doer of a standing relation written in the passive, the verb's sentence
found below a dozen others, titles that name no one, the subject of a "with" clause, where the
asked noun ends, calls that are not meetings, an office held by its verb, and the words of an
"according to" source (fixtures: tests/fixtures/rules/who16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_present_tense_doer_is_found_after_by(engine: Engine) -> None:
    # "Which company owns X?": "X is currently owned by Y".
    answer = engine.ask(
        "Which company owns Quernworks, the game Millwright Online was modelled on?"
    )
    assert answer.answered and answer.short == "Tellmark", answer.short


def test_the_verbs_sentence_is_read_below_a_dozen_others(engine: Engine) -> None:
    # The relative clause's words ("ruled", "tithe") rank a dozen sentences first; only the
    # one that writes "led" can say who leads the court.
    answer = engine.ask("Who leads the Tarrow High Court that ruled on the grain tithe?")
    assert answer.answered and answer.short == "Maren Holt", answer.short


def test_a_title_without_a_name_is_no_answer(engine: Engine) -> None:
    # "Unionist Representatives attacked ...": the asked noun before a title, capitals and all.
    answer = engine.ask("Which Unionist attacked the port inquiry?")
    assert answer.short != "Representatives", answer.short


def test_the_subject_of_a_with_clause(engine: Engine) -> None:
    answer = engine.ask('Which Unionist called the inquiry into Senn "a circus"?')
    assert answer.answered and answer.short == "Dana Olm", answer.short


def test_a_verb_before_a_number_ends_the_asked_noun(engine: Engine) -> None:
    # "Which Liberal won 120 votes ...": the asked noun is "Liberal", not a word after "won".
    answer = engine.ask(
        "Which Liberal won 120 votes in the vote for Speaker of the Tessel Assembly?"
    )
    assert answer.answered and answer.short == "Petra Vos", answer.short


def test_a_meeting_in_person_does_not_say_whom_someone_called(engine: Engine) -> None:
    answer = engine.ask(
        "Which leader, Vellgren complained, has not answered his phone calls since the convoy "
        "was stopped?"
    )
    assert answer.answered and answer.short == "Lars Tennvik", answer.short


def test_an_office_held_by_its_verb(engine: Engine) -> None:
    answer = engine.ask(
        "Which Unionist committee chairman in the Assembly has promised to keep investigating "
        "Abel's use of the ferry fund?"
    )
    assert answer.answered and answer.short == "Pavel Grund", answer.short


def test_the_sources_description_is_no_part_of_the_act(engine: Engine) -> None:
    # "..., according to the Vessian history teacher Olaf": who reports it, not what was done.
    answer = engine.ask(
        "Whom did Hedvig Vass call after the vote, according to the Vessian college history "
        "teacher Olaf?"
    )
    assert answer.answered and answer.short == "Tarkov", answer.short
