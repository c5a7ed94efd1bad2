"""Rules added in session 14 (fixtures: tests/fixtures/rules/s14-*)."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.models import Answer


def answered(engine: Engine, question: str) -> Answer:
    """The engine's answer to `question`, which must be answered."""
    answer = engine.ask(question)
    assert answer.answered, answer.answer
    return answer


def test_a_body_before_the_asked_noun_must_employ_the_answer(engine: Engine) -> None:
    # The sentence names the Tarsk Institute and a Norvessan minister: he is not its official,
    # and the story names none of its people.
    answer = engine.ask(
        "Which Tarsk Institute official told the Kessby Herald that the harbour levy needed"
        " the institute's approval?"
    )
    assert not answer.answered, answer.answer


def test_a_person_written_as_the_bodys_answers_for_it(engine: Engine) -> None:
    # "Lena Orm, an economist at Varn Bank": the bank's; the rule that turned the minister
    # away keeps her.
    answer = answered(engine, "Which Varn Bank economist said the levy will slow trade?")
    assert answer.short == "Lena Orm", answer.answer
