"""The other party of an interaction with the question's person: whom they phoned, told,
wrote to, handed something to, met or posed with, or who interviewed them. The answer stands
in the slot the question asks through: the object of its preposition (with and to swapped as
a story swaps them), the verb's object, or its subject when the question's person was acted
on; a medium the question names (phone, conference call, email) must be the sentence's
(fixtures: tests/fixtures/rules/party12-*)."""

from __future__ import annotations

import pytest

from assistant.engine import Engine


def short(engine: Engine, question: str) -> str:
    answer = engine.ask(question)
    return answer.short if answer.answered else ""


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "on the phone with" answered by "talked on a cellphone to".
        ("Who was Selma Varg on the phone with outside the harbour office?", "Tobin Reisz"),
        # "speak to" answered by the object of "told".
        ("Which radio station did Selma Varg speak to about the ferries resuming?", "Halvor Radio"),
        # The question's person was interviewed: "in an interview with X, she said".
        ("Which newspaper interviewed Selma Varg about the lost trade?", "Brenmouth Courier"),
        # No name fills the slot: the people it names are the party.
        (
            "With whom did Selma Varg hold a conference call about the hull repairs?",
            "senior engineers",
        ),
        # "hand over" answered by "gave it to".
        ("To whom did the dockhand hand the logbook over?", "Harbour Watch"),
        ("Whom did Rasmus Hale meet in Kessby?", "village elder"),
        ("With which singer did Rasmus Hale post pictures at the school?", "Liva Moen"),
    ],
)
def test_the_other_party_stands_in_the_asked_slot(
    engine: Engine, question: str, expected: str
) -> None:
    assert expected in short(engine, question)


def test_every_name_listed_in_the_slot_is_the_party(engine: Engine) -> None:
    got = short(engine, "Which ministers did Rasmus Hale speak with about the border crossings?")
    assert all(name in got for name in ("Ivo Brandt", "Pia Lunde", "Kai Stenmark"))
    assert "Tessel" not in got


def test_a_medium_the_sentence_does_not_name_is_no_answer(engine: Engine) -> None:
    # Varg told a radio station of the ferries: that was no conference call.
    got = short(
        engine, "With whom did Selma Varg hold a conference call about the ferries resuming?"
    )
    assert "Halvor Radio" not in got
