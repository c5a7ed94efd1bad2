"""A sentence that refers to the question's person by their title noun ("The commissioner
said ...") is about that person (fixture: tests/fixtures/rules/noun16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_the_title_noun_refers_to_the_asked_person(engine: Engine) -> None:
    answer = engine.ask(
        "From when can countries start trading under the free trade pact, according to Dahlberg?"
    )
    assert answer.answered and "March 3, 2031" in answer.short, answer.short
