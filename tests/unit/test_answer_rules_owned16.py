"""A sentence naming with "the" the noun the question's person owns ("Dahlquist's request" -
"Per the request, ...") goes on about that person's act (fixture: tests/fixtures/rules/owned16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_the_owned_noun_carries_the_person_to_the_next_sentence(engine: Engine) -> None:
    answer = engine.ask(
        "Until what date would parliament stay suspended under Dahlquist's request?"
    )
    assert answer.answered and "June 9" in answer.short, answer.short
