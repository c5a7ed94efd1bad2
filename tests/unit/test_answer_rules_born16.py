""" "Lumerian-born X" says where X was born (fixture: tests/fixtures/rules/born16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_demonym_before_born_is_the_birthplace(engine: Engine) -> None:
    answer = engine.ask("In which country was the activist Mira Osk born?")
    assert answer.answered and answer.short == "Lumeria", answer.short
