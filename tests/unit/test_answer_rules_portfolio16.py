"""The party in an interaction's slot is the holder of a long title, not the title (fixture:
tests/fixtures/rules/portfolio16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_the_party_is_the_holder_of_a_title_with_a_portfolio(engine: Engine) -> None:
    answer = engine.ask("To which Navy official did Ivo Rennick write about Orvane Aero?")
    assert answer.answered and answer.short == "Lena Marsh", answer.short
