"""A quotation opened after a colon says what its speaker said (fixture:
tests/fixtures/rules/quote16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_who_said_is_answered_by_the_speaker_of_a_quote_after_a_colon(engine: Engine) -> None:
    answer = engine.ask("Who said Marek's plan to share the Sarle river evoked a colonial mindset?")
    assert answer.answered and "Halvard" in answer.short, answer.short


def test_the_words_a_question_quotes_single_out_the_sentence(engine: Engine) -> None:
    # "Fell called it '...'": few of the question's other words, but its quoted ones.
    answer = engine.ask(
        "Who called the Orvel mayor's harbour levy on cruise ships "
        "'a tax on tourists dressed up as a flood plan'?"
    )
    assert answer.answered and "Fell" in answer.short, answer.short
