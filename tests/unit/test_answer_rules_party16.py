"""The other party of a speech: "called X 'a name'" is no phone call the story must tell, and
"commented ... to" a paper is speaking to it (fixture: tests/fixtures/rules/party16-*)."""

from __future__ import annotations

from assistant.engine import Engine


def test_calling_something_a_name_asks_no_phone_call(engine: Engine) -> None:
    answer = engine.ask(
        'To whom was Marek speaking in Orvik when he called the sinking "a tragic accident"?'
    )
    assert answer.answered and answer.short == "harbour workers", answer.short


def test_commenting_to_a_paper_is_speaking_to_it(engine: Engine) -> None:
    answer = engine.ask("To which newspaper did Lena Holtvik speak about the captain's death?")
    assert answer.answered and answer.short == "The Kessby Courier", answer.short
