"""The other party of a joint act: "X and Y signed the lease", "X, along with Y of Z, called
on ...", "X is exercising its options with Y". The question names one party and asks for the
other, with "with which", "together with whom" or "who ... with X" (fixture:
tests/fixtures/rules/who10-*)."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.qa.extract_who import _asked_argument


def short(engine: Engine, question: str) -> str:
    answer = engine.ask(question)
    return answer.short if answer.answered else ""


@pytest.mark.parametrize(
    ("question", "role", "verb"),
    [
        ("With which yard is Marlow Shipping exercising options?", "with", "exercising"),
        ("With which station did Orla Media strike a deal?", "with", "strike"),
        ("Together with whom did Mayor Dahl call on the council?", "companion", "call"),
        ("Who has signed a lease with Marlow Shipping?", "companion", "signed"),
        ("Which grocer lowered its limits along with Tamsby?", "companion", "lowered"),
    ],
)
def test_the_question_asks_for_the_other_party(question: str, role: str, verb: str) -> None:
    asked = _asked_argument(question)
    assert asked is not None
    assert asked[0] == role
    assert verb in [reading[0] for reading in asked[1]]


def test_a_progressive_question_with_which_reads_its_verb() -> None:
    # A form of "be" is an auxiliary only before a progressive verb.
    assert _asked_argument("Which company is the owner of the quay?") is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The other conjunct of a subject of two, with an auxiliary before the verb.
        ("Who has signed a ten-year lease with Marlow Shipping?", "Tessby Harbour Board"),
        # "with" after the question's own verb.
        ("With which shipyard is Marlow Shipping exercising options on four ferries?", "Kessel"),
        # A companion set off by commas, with a phrase that places him; "call on" is no call.
        ("Together with whom did Mayor Pell Dahl call on the regional council?", "Ana Holt"),
        # The sentence writes the deal with another verb of the same act.
        ("With which broadcaster did Orla Media strike a deal to stream the concerts?", "Brannock"),
        # A name the entity rules may not keep, joined by "and" before the verb.
        ("Which grocer lowered its flour limits along with Tamsby?", "Wellmart"),
    ],
)
def test_the_other_party_of_a_joint_act_is_the_answer(
    engine: Engine, question: str, expected: str
) -> None:
    assert expected in short(engine, question)


# --- titles ------------------------------------------------------------------------------------


def test_a_title_in_apposition_after_a_name_names_its_holder(engine: Engine) -> None:
    # "Ivo Press, the vice chairman of Corvan Mills": the name before the apposed title,
    # though a word of it may look like a body's.
    assert short(engine, "Who is the vice chairman of Corvan Mills?") == "Ivo Press"


def test_a_rank_word_makes_the_title_another_office(engine: Engine) -> None:
    # The chairman is not the vice chairman, nor the other way round.
    assert short(engine, "Who is the chairman of Corvan Mills?") == "Anders Holm"


def test_a_person_noun_right_before_a_name_is_its_title(engine: Engine) -> None:
    # "selected fellow engineer Pia Lindqvist": the name, not the noun, says whom.
    assert short(engine, "Whom did Anders Holm pick as his running mate?") == "Pia Lindqvist"


# --- whom a message reached ----------------------------------------------------------------------


def test_a_possessive_name_owns_the_body_addressed(engine: Engine) -> None:
    # "a letter to Marrow Foods's board of directors": the board, not the firm.
    assert "board" in short(engine, "To whom did Tova Halden address her resignation letter?")


def test_a_body_of_people_can_be_addressed(engine: Engine) -> None:
    assert "council" in short(engine, "To whom did Halden extend an invitation?")
