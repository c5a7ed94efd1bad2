""" "What is the name of the <noun> ...?" is answered only by a name the story gives that noun
(fixtures: tests/fixtures/rules/name13-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_a_person_the_story_only_describes_has_no_name_to_give(engine: Engine) -> None:
    # The fisherman is never named; the port chief named in the sentence is someone else.
    answer = engine.ask("What is the name of the local fisherman who called the coast guard?")
    assert not answer.answered, answer.short
    answer = engine.ask("What was the name of the man who called the coast guard from his boat?")
    assert not answer.answered, answer.short


def test_a_name_written_as_the_noun_s_is_given(engine: Engine) -> None:
    answer = engine.ask("What is the name of the captain who stayed on board the ferry?")
    assert answer.answered and "Ivo Dahl" in answer.short, answer.short
