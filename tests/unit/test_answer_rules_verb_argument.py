"""Who-questions that ask for an argument of the question's own verb, not its subject: whom
someone told, sent, urged or helped, whom they worked with, who did a deed together with the
named one, and the "by" doer of a passive (fixture: tests/fixtures/rules/arg8-*)."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.qa.extract_who import _asked_argument


def short(engine: Engine, question: str) -> str:
    answer = engine.ask(question)
    return answer.short if answer.answered else ""


# --- reading the question ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "role", "verb"),
    [
        ("To whom did Orm send the letters?", "to", "send"),
        ("With whom did the clerk from Tessby share a cab?", "with", "share"),
        ("Which groups will the Tessby harbour council work with?", "with", "work"),
        ("Which firm did Orm partner with for the launch?", "with", "partner"),
        ("Whom did the director of Arden Mills blame for the fire?", "object", "blame"),
        ("Whom has the Varn government urged to leave?", "object", "urged"),
        ("Who tested negative along with Orm?", "companion", "tested"),
        ("Who brought the case against Orm?", "agent", "brought"),
    ],
)
def test_the_question_names_the_asked_role_and_its_verb(
    question: str, role: str, verb: str
) -> None:
    asked = _asked_argument(question)
    assert asked is not None
    assert asked[0] == role
    assert verb in [reading[0] for reading in asked[1]]


@pytest.mark.parametrize(
    "question",
    [
        # The asked one is the subject: nothing is asked of the verb's other arguments.
        "Who was the gunman who shot two guards in Tessby?",
        "Who has been negotiating with the two unions?",
        "Who is the mayor of Tessby?",
    ],
)
def test_a_question_asking_for_the_subject_asks_no_argument(question: str) -> None:
    assert _asked_argument(question) is None


# --- answering ---------------------------------------------------------------------------------


def test_an_unnamed_person_told_is_the_answer(engine: Engine) -> None:
    # "told an undercover agent at a riverside cafe": the phrase ends before its setting.
    assert short(engine, "To whom did Brin Osterhal pitch the cargo?") == "an undercover agent"


def test_the_first_object_of_send_is_whom_it_went_to(engine: Engine) -> None:
    assert short(engine, "To whom did Osterhal send photographs of the cargo?") == "his cousin"


def test_a_stranded_preposition_asks_for_all_its_objects(engine: Engine) -> None:
    answer = short(engine, "Which organisations will the new inspection unit work with?")
    assert "Coastal Guard Service" in answer
    assert "Harbour Revenue Office" in answer


def test_the_companion_is_the_other_name_of_the_subject(engine: Engine) -> None:
    assert "Valk" in short(engine, "Who held a news conference alongside Ingrid Saule?")


def test_the_doer_of_a_passive_participle_is_after_by(engine: Engine) -> None:
    assert "Orvanne Port Authority" in short(engine, "Who brought the charges against Osterhal?")


def test_a_verb_of_the_same_group_answers(engine: Engine) -> None:
    # "hold responsible" is written "attributed ... to"; "helping" is written "assisted".
    assert short(engine, "Whom did Valk hold responsible for the delays?") == "harbour pilots"
    assert "Maritime Board inspectors" in short(engine, "Who had Saule been helping on the case?")


def test_a_negated_verb_names_no_one(engine: Engine) -> None:
    assert "port police" not in short(engine, "Whom did Valk thank?")


def test_the_doer_of_a_passive_with_its_second_object_before_by(engine: Engine) -> None:
    # "was awarded the medal by then-mayor Oskar Brenmoor": "gave" is written "awarded".
    assert "Oskar Brenmoor" in short(engine, "Which mayor gave Saule the harbour medal?")
